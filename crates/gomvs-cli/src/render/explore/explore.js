// gomvs explore: presents the data gomvs computed (the <script id="gomvs-data">
// element); it resolves nothing itself. Hand-written, no libraries, no network.
"use strict";
(function () {
  var D = JSON.parse(document.getElementById("gomvs-data").textContent).data;
  var N = D.nodes.length;
  var NODE_W = 190, NODE_H = 34, GAP_X = 12, GAP_Y = 10, BAND_LABEL = 18, BAND_GAP = 14, LEFT = 8;
  var ROW_H = 24;
  var ALL_EDGES_MAX = 4000;

  // ---- small DOM helpers (text only: data never becomes markup) ----
  function el(tag, attrs) {
    var e = document.createElement(tag);
    if (attrs) for (var k in attrs) {
      if (k === "text") e.textContent = attrs[k];
      else if (k === "cls") e.className = attrs[k];
      else e.setAttribute(k, attrs[k]);
    }
    for (var i = 2; i < arguments.length; i++) {
      var c = arguments[i];
      if (c == null) continue;
      e.appendChild(typeof c === "string" ? document.createTextNode(c) : c);
    }
    return e;
  }
  function $(id) { return document.getElementById(id); }
  function mv(m) { return !m ? "" : (m.version ? m.path + " " + m.version : m.path); }
  function mvAt(m) { return !m ? "" : (m.version ? m.path + "@" + m.version : m.path); }
  function loc(l) { return !l ? "" : (l.line != null ? l.file + ":" + l.line : l.file); }
  function clear(e) { while (e.firstChild) e.removeChild(e.firstChild); }

  // ---- indexes ----
  var byPath = Object.create(null);
  var hay = new Array(N);
  for (var i = 0; i < N; i++) {
    var n = D.nodes[i];
    byPath[n.path] = i;
    hay[i] = (n.path + " " + n.version + " " + (n.replaced_by || "") + " " + n.marks.join(" ")).toLowerCase();
  }
  var outEdges = [], inEdges = [];
  for (i = 0; i < N; i++) { outEdges.push([]); inEdges.push([]); }
  D.edges.forEach(function (e, k) {
    if (outEdges[e[0]]) outEdges[e[0]].push(k);
    if (inEdges[e[1]]) inEdges[e[1]].push(k);
  });

  // The why reports: one JSON document per line of <script id="gomvs-why">,
  // in node order, parsed only when a module is selected (parsing them all
  // up front is most of the load time of a large graph).
  var whyLines = null, whyCache = Object.create(null);
  function whyOf(i) {
    if (!(i in whyCache)) {
      if (!whyLines) whyLines = document.getElementById("gomvs-why").textContent.split("\n");
      whyCache[i] = JSON.parse(whyLines[i]);
    }
    return whyCache[i];
  }

  var state = { selected: -1, filtered: [], diff: null, diffByPath: Object.create(null) };

  // ---- header ----
  $("main-name").textContent = "— " + D.main.join(", ");
  var counts = { replaced: 0, pruned: 0, excluded: 0, "multi-version": 0, major: 0 };
  D.nodes.forEach(function (n) { n.marks.forEach(function (m) { if (m in counts) counts[m]++; }); });
  $("summary").textContent = N + " modules in " + D.layers.length + " layers, " + D.edges.length +
    " requirement edges; " + counts.replaced + " replaced, " + counts.pruned + " pruned, " +
    counts.excluded + " with excluded requirements, " + counts["multi-version"] + " required at several versions.";
  if (D.warning) { $("warning").hidden = false; $("warning").textContent = D.warning; }

  // ---- module list (virtualized: only the rows in view exist) ----
  var list = $("list"), spacer = $("list-spacer"), rowPool = [];
  function renderList() {
    var f = state.filtered;
    spacer.style.height = (f.length * ROW_H) + "px";
    var first = Math.max(0, Math.floor(list.scrollTop / ROW_H) - 5);
    var count = Math.ceil((list.clientHeight || 600) / ROW_H) + 10;
    var last = Math.min(f.length, first + count);
    var used = 0;
    for (var r = first; r < last; r++, used++) {
      var row = rowPool[used];
      if (!row) {
        row = el("div", { cls: "row", role: "option" });
        row.appendChild(el("span", { cls: "p" }));
        row.appendChild(el("span", { cls: "v" }));
        row.addEventListener("click", onRowClick);
        rowPool.push(row);
        list.appendChild(row);
      }
      var idx = f[r], n = D.nodes[idx];
      row.hidden = false;
      row.style.top = (r * ROW_H) + "px";
      row.dataset.index = idx;
      row.dataset.path = n.path;
      row.id = "row-" + idx;
      row.firstChild.textContent = n.path;
      row.lastChild.textContent = n.version + (n.replaced_by ? " => " + n.replaced_by : "");
      row.setAttribute("aria-selected", idx === state.selected ? "true" : "false");
      row.setAttribute("aria-setsize", String(f.length));
      row.setAttribute("aria-posinset", String(r + 1));
      row.classList.toggle("changed", n.path in state.diffByPath);
    }
    for (; used < rowPool.length; used++) { rowPool[used].hidden = true; rowPool[used].removeAttribute("id"); }
    if (state.selected >= 0 && $("row-" + state.selected)) list.setAttribute("aria-activedescendant", "row-" + state.selected);
    else list.removeAttribute("aria-activedescendant");
  }
  function onRowClick(ev) { select(Number(ev.currentTarget.dataset.index), "list"); }
  list.addEventListener("scroll", function () { renderList(); }, { passive: true });
  list.addEventListener("keydown", function (ev) {
    var f = state.filtered; if (!f.length) return;
    var pos = f.indexOf(state.selected);
    if (ev.key === "ArrowDown") pos = Math.min(f.length - 1, pos + 1);
    else if (ev.key === "ArrowUp") pos = Math.max(0, pos - 1);
    else if (ev.key === "Home") pos = 0;
    else if (ev.key === "End") pos = f.length - 1;
    else return;
    ev.preventDefault();
    select(f[pos], "list");
  });
  function scrollListTo(idx) {
    var r = state.filtered.indexOf(idx);
    if (r < 0) return;
    var top = r * ROW_H;
    if (top < list.scrollTop || top + ROW_H > list.scrollTop + list.clientHeight)
      list.scrollTop = Math.max(0, top - list.clientHeight / 2);
  }

  // ---- search ----
  var search = $("search");
  function applyFilter() {
    var q = search.value.trim().toLowerCase();
    var words = q ? q.split(/\s+/) : [];
    var f = [];
    for (var i = 0; i < N; i++) {
      var ok = true;
      for (var w = 0; w < words.length; w++) if (hay[i].indexOf(words[w]) < 0) { ok = false; break; }
      if (ok) f.push(i);
      if (nodeEls[i]) nodeEls[i].classList.toggle("dim", !ok && words.length > 0);
    }
    state.filtered = f;
    $("match-count").textContent = words.length ? f.length + " of " + N + " modules match" : N + " modules";
    renderList();
  }
  search.addEventListener("input", applyFilter);
  search.addEventListener("keydown", function (ev) {
    if (ev.key === "Enter" && state.filtered.length) { ev.preventDefault(); select(state.filtered[0], "search"); }
  });

  // ---- layered graph (positioned DOM; edges in one SVG) ----
  var graph = $("graph"), svg = $("edges"), nodeEls = new Array(N), pos = new Array(N);
  function layout() {
    var width = graph.clientWidth || 900;
    var cols = Math.max(3, Math.floor((width - LEFT * 2 + GAP_X) / (NODE_W + GAP_X)));
    var y = 4, maxX = 0;
    var frag = document.createDocumentFragment();
    D.layers.forEach(function (layer, d) {
      frag.appendChild(el("div", { cls: "band-label", style: "top:" + y + "px",
        text: (d === 0 ? "main module" + (layer.length > 1 ? "s" : "") : "depth " + d) + " · " + layer.length + " module" + (layer.length === 1 ? "" : "s") }));
      y += BAND_LABEL;
      var rows = Math.ceil(layer.length / cols);
      // Center short bands so the main module sits on top in the middle.
      var inRow = Math.min(cols, layer.length);
      var offset = LEFT + Math.max(0, ((cols - inRow) * (NODE_W + GAP_X)) / 2);
      layer.forEach(function (idx, k) {
        var c = k % cols, r = Math.floor(k / cols);
        var x = offset + c * (NODE_W + GAP_X), ny = y + r * (NODE_H + GAP_Y);
        pos[idx] = [x, ny];
        maxX = Math.max(maxX, x + NODE_W);
        var n = D.nodes[idx];
        var b = el("button", { cls: "node" + (n.main ? " main" : "") + (n.marks.length ? " " + n.marks.join(" ") : ""),
          type: "button", style: "left:" + x + "px;top:" + ny + "px", "data-index": idx, "data-path": n.path,
          "aria-label": mv(n) + (n.main ? ", main module" : "") + (n.marks.length ? ", " + n.marks.join(", ") : ""),
          title: mv(n) + (n.replaced_by ? " => " + n.replaced_by : "") + (n.marks.length ? "\n" + n.marks.join(", ") : "") },
          el("span", { cls: "p", text: n.path }),
          el("span", { cls: "v", text: n.main ? "(main)" : n.version + (n.replaced_by ? " => " + n.replaced_by : "") }));
        nodeEls[idx] = b;
        frag.appendChild(b);
      });
      y += rows * (NODE_H + GAP_Y) - GAP_Y + BAND_GAP;
    });
    graph.appendChild(frag);
    svg.setAttribute("width", String(maxX + LEFT));
    svg.setAttribute("height", String(y));
    svg.style.width = (maxX + LEFT) + "px";
    svg.style.height = y + "px";
    $("graph-note").textContent = D.edges.length > ALL_EDGES_MAX
      ? "Edges are drawn for the selected module (requirers in purple, requirements in blue, its requirement path in red); " + D.edges.length + " edges in all is too many to draw at once."
      : "Edges of the selected module: requirers in purple, requirements in blue, its requirement path in red.";
  }
  graph.addEventListener("click", function (ev) {
    var b = ev.target.closest ? ev.target.closest(".node") : null;
    if (b) select(Number(b.dataset.index), "graph");
  });

  var SVGNS = "http://www.w3.org/2000/svg";
  function line(k, cls) {
    var e = D.edges[k], a = pos[e[0]], b = pos[e[1]];
    if (!a || !b) return null;
    // From the bottom of the requirer to the top of the required module;
    // side to side within one row; top to bottom when it points upwards.
    var ax = a[0] + NODE_W / 2, ay = a[1] + NODE_H, bx = b[0] + NODE_W / 2, by = b[1];
    if (b[1] === a[1]) {
      ay = by = a[1] + NODE_H / 2;
      if (b[0] > a[0]) { ax = a[0] + NODE_W; bx = b[0]; } else { ax = a[0]; bx = b[0] + NODE_W; }
    } else if (b[1] < a[1]) { ay = a[1]; by = b[1] + NODE_H; }
    var l = document.createElementNS(SVGNS, "line");
    l.setAttribute("x1", ax); l.setAttribute("y1", ay);
    l.setAttribute("x2", bx); l.setAttribute("y2", by);
    if (cls) l.setAttribute("class", cls);
    return l;
  }
  var allEdges = $("all-edges");
  allEdges.checked = D.edges.length <= 150;
  allEdges.disabled = D.edges.length > ALL_EDGES_MAX;
  allEdges.addEventListener("change", drawEdges);
  var pathEdges = [];
  function drawEdges() {
    clear(svg);
    var frag = document.createDocumentFragment(), k;
    if (allEdges.checked && D.edges.length <= ALL_EDGES_MAX)
      for (k = 0; k < D.edges.length; k++) { var l = line(k, ""); if (l) frag.appendChild(l); }
    var s = state.selected;
    if (s >= 0) {
      inEdges[s].forEach(function (k) { var l = line(k, "in"); if (l) frag.appendChild(l); });
      outEdges[s].forEach(function (k) { var l = line(k, "out"); if (l) frag.appendChild(l); });
      pathEdges.forEach(function (k) { var l = line(k, "path"); if (l) frag.appendChild(l); });
    }
    svg.appendChild(frag);
  }

  // ---- selection and the why panel ----
  var onPath = [];
  function select(idx, from) {
    if (!(idx >= 0 && idx < N)) return;
    if (state.selected >= 0 && nodeEls[state.selected]) nodeEls[state.selected].classList.remove("selected");
    onPath.forEach(function (j) { if (nodeEls[j]) nodeEls[j].classList.remove("onpath"); });
    state.selected = idx;
    var b = nodeEls[idx];
    b.classList.add("selected");
    // The requirement path of the why report, as graph edges.
    var r = whyOf(idx).report;
    onPath = []; pathEdges = [];
    var prev = -1;
    (r.path_to_selected || []).forEach(function (m) {
      var j = byPath[m.path];
      if (j == null) { prev = -1; return; }
      onPath.push(j);
      if (prev >= 0) outEdges[prev].forEach(function (k) { if (D.edges[k][1] === j) pathEdges.push(k); });
      prev = j;
    });
    onPath.forEach(function (j) { if (j !== idx && nodeEls[j]) nodeEls[j].classList.add("onpath"); });
    drawEdges();
    renderWhy(idx);
    if (from !== "list") scrollListTo(idx);
    renderList();
    if (from !== "graph") {
      var p = pos[idx];
      graph.scrollTo({ left: Math.max(0, p[0] - graph.clientWidth / 2 + NODE_W / 2), top: Math.max(0, p[1] - graph.clientHeight / 3) });
    }
  }

  var VERDICT = {
    main: "a main module: it is the starting point, not selected",
    selected: "selected",
    lost: "in the graph, but another version was selected",
    version_absent: "the path is in the graph, not at this version",
    absent: "not in the graph"
  };
  function moduleButton(m) {
    var j = byPath[m.path];
    if (j == null) return el("span", { cls: "mono", text: mv(m) });
    var b = el("button", { cls: "linkish mono", type: "button", text: mv(m) });
    b.addEventListener("click", function () { select(j, "why"); });
    return b;
  }
  function renderWhy(idx) {
    var w = whyOf(idx), r = w.report, n = D.nodes[idx], box = $("why");
    clear(box);
    box.appendChild(el("h3", { id: "why-title", cls: "module-title", text: n.path }));
    var dl = el("dl", null,
      el("dt", { text: "selected" }), el("dd", { id: "why-selected", cls: "mono", text: r.selected || (n.main ? "(main module)" : "none") }),
      el("dt", { text: "verdict" }), el("dd", { id: "why-verdict", "data-verdict": r.verdict, text: VERDICT[r.verdict] || r.verdict }));
    if (r.used && (r.used.path !== r.path || r.used.version !== r.selected)) {
      dl.appendChild(el("dt", { text: "built from" }));
      dl.appendChild(el("dd", { id: "why-used", cls: "mono", text: mv(r.used) }));
    }
    if (n.marks.length) { dl.appendChild(el("dt", { text: "marks" })); dl.appendChild(el("dd", { id: "why-marks", text: n.marks.join(", ") })); }
    if (state.diff && n.path in state.diffByPath) {
      var c = state.diffByPath[n.path];
      dl.appendChild(el("dt", { text: "diff" }));
      dl.appendChild(el("dd", { id: "why-diff", text: c.kind + ": " + (c.before || "none") + " → " + (c.after || "none") }));
    }
    box.appendChild(dl);

    box.appendChild(el("h3", { text: "Requirement path" }));
    var ol = el("ol", { id: "why-path", "aria-label": "Requirement path from the main module" });
    var path = r.path_to_selected || [];
    path.forEach(function (m, k) {
      var li = el("li", { "data-module": mvAt(m) }, moduleButton(m));
      ol.appendChild(li);
      if (r.path_to_selected_omitted && k === 7) ol.appendChild(el("li", { cls: "muted", "data-omitted": String(r.path_to_selected_omitted), text: "… " + r.path_to_selected_omitted + " more …" }));
    });
    if (!path.length) ol.appendChild(el("li", { cls: "muted", text: n.main ? "(the main module itself)" : "(none)" }));
    box.appendChild(ol);

    if (r.requirements && r.requirements.length) {
      box.appendChild(el("h3", { text: "Requirements on " + r.path + " (" + r.requirements.length + ")" }));
      var tb = el("tbody");
      r.requirements.forEach(function (q) {
        tb.appendChild(el("tr", { cls: q.decides ? "deciding" : "" },
          el("td", null, moduleButton(q.requirer), el("div", { cls: "where mono", text: loc(q.location) })),
          el("td", { cls: "mono", text: q.version }),
          el("td", { text: (q.decides ? "yes" : "") + (q.requirer_selected ? "" : (q.decides ? "; " : "") + "requirer not selected") })));
      });
      box.appendChild(el("table", { id: "why-reqs", cls: "table" },
        el("thead", null, el("tr", null, el("th", { scope: "col", text: "required by (where)" }), el("th", { scope: "col", text: "version" }),
          el("th", { scope: "col", text: "decides" }))), tb));
    }
    function section(title, items, fmt) {
      if (!items || !items.length) return;
      box.appendChild(el("h3", { text: title }));
      var ul = el("ul");
      items.forEach(function (x) { ul.appendChild(el("li", { text: fmt(x) })); });
      box.appendChild(ul);
    }
    section("Replacements", r.replacements, function (x) {
      return mv(x.old) + " => " + mv(x.new) + " (" + loc(x.location) + (x.applies_to_selected ? ", applies" : ", does not apply to the selected version") + ")";
    });
    section("Exclusions", r.exclusions, function (x) {
      return "exclude " + r.path + " " + x.version + " (" + loc(x.location) + "): " + x.dropped.length + " requirement(s) dropped";
    });
    section("Requirements pruning hid", r.pruned_requirers, function (x) {
      return mv(x.module) + " would require " + x.would_require + (x.above_selected ? " (above the selected version)" : "");
    });
    box.appendChild(el("h3", { text: "Report (gomvs why " + r.query + ")" }));
    box.appendChild(el("pre", { id: "why-text", cls: "pre", tabindex: "0", text: w.text }));
  }

  // ---- go list -m all ----
  $("golist").textContent = D.list.lines.join("\n");
  if (D.list.stderr && D.list.stderr.length) { $("golist-stderr").hidden = false; $("golist-stderr").textContent = D.list.stderr.join("\n"); }

  // ---- replaces ----
  (function () {
    var R = D.replaces, used = 0, unused = 0;
    var tb = $("replaces-directives").tBodies[0];
    R.directives.forEach(function (d) {
      if (d.unused) unused++; else used++;
      var effect = d.unused ? "unused: no version in the graph matches"
        : "replaces " + d.matched.map(mv).join(", ") + (d.selected ? "; selected " + mv(d.selected) : "");
      tb.appendChild(el("tr", null, el("td", { cls: "mono", text: mv(d.old) + " => " + mv(d.new) }),
        el("td", { cls: "mono", text: loc(d.location) + (d.scope === "go_work" ? " (go.work)" : "") }), el("td", { text: effect })));
    });
    var th = $("replaces-hidden").tBodies[0];
    R.hidden.forEach(function (h) {
      th.appendChild(el("tr", null, el("td", { cls: "mono", text: mv(h.old) + " => " + mv(h.new) }),
        el("td", { cls: "mono", text: mv(h.declared_by) + " (" + loc(h.location) + ")" }),
        el("td", { text: (h.used ? mv(h.used) : (h.selected || "not in the graph")) + (h.agrees ? " (agrees)" : " (differs: ignored)") })));
    });
    var ul = $("replaces-chains");
    R.chains.forEach(function (c) {
      ul.appendChild(el("li", { cls: "mono", text: mv(c.first.old) + " => " + mv(c.first.new) + ", then " + mv(c.second.old) + " => " + mv(c.second.new) + ": go uses " + mv(c.used) }));
    });
    if (!R.chains.length) ul.appendChild(el("li", { cls: "muted", text: "none" }));
    $("replaces-summary").textContent = R.directives.length + " directive(s) count (" + used + " used, " + unused + " unused); " +
      R.hidden.length + " ignored in dependencies; " + R.chains.length + " chain(s).";
  })();

  // ---- diff overlay ----
  function applyDiff(data, label) {
    if (!data || !Array.isArray(data.changes)) throw new Error("no data.changes");
    state.diff = data;
    state.diffByPath = Object.create(null);
    data.changes.forEach(function (c) { state.diffByPath[c.path] = c; });
    var inGraph = 0;
    for (var i = 0; i < N; i++) {
      var on = D.nodes[i].path in state.diffByPath;
      if (on) inGraph++;
      nodeEls[i].classList.toggle("changed", on);
    }
    var ul = $("diff-changes");
    clear(ul);
    data.changes.forEach(function (c) {
      var j = byPath[c.path];
      var li = el("li", { "data-path": c.path, "data-kind": c.kind }, el("span", { cls: "kind", text: c.kind }));
      if (j != null) { var b = el("button", { cls: "linkish mono", type: "button", text: c.path }); b.addEventListener("click", function () { select(j, "diff"); }); li.appendChild(b); }
      else li.appendChild(el("span", { cls: "mono", text: c.path }));
      li.appendChild(document.createTextNode(" " + (c.before || "none") + " → " + (c.after || "none") + (j == null ? " (not in this graph)" : "")));
      ul.appendChild(li);
    });
    function side(s) { return !s ? "?" : (s.kind === "revision" ? s.spec + " (" + s.short + ")" : (s.dir || s.description || s.kind)); }
    $("diff-status").textContent = label + ": " + data.changes.length + " change(s) between " + side(data.base) + " and " + side(data.head) +
      "; " + inGraph + " of the changed modules are in this graph (outlined).";
    renderList();
    if (state.selected >= 0) renderWhy(state.selected);
  }
  $("diff-file").addEventListener("change", function (ev) {
    var f = ev.target.files && ev.target.files[0];
    if (!f) return;
    var reader = new FileReader();
    reader.onload = function () {
      try {
        var doc = JSON.parse(String(reader.result));
        if (doc.schema !== "gomvs.diff") throw new Error("its \"schema\" is not \"gomvs.diff\"");
        applyDiff(doc.data, f.name);
      } catch (e) {
        $("diff-status").textContent = f.name + ": not a gomvs diff --json document (" + e.message + ")";
      }
    };
    reader.readAsText(f);
  });

  // ---- tabs ----
  var tabs = Array.prototype.slice.call(document.querySelectorAll("[role=tab]"));
  function showTab(t) {
    tabs.forEach(function (x) {
      var on = x === t;
      x.setAttribute("aria-selected", on ? "true" : "false");
      x.tabIndex = on ? 0 : -1;
      $(x.getAttribute("aria-controls")).hidden = !on;
    });
  }
  tabs.forEach(function (t, k) {
    t.addEventListener("click", function () { showTab(t); });
    t.addEventListener("keydown", function (ev) {
      var d = ev.key === "ArrowRight" ? 1 : ev.key === "ArrowLeft" ? -1 : 0;
      if (!d) return;
      var nt = tabs[(k + d + tabs.length) % tabs.length]; showTab(nt); nt.focus();
    });
  });

  // ---- start ----
  layout();
  applyFilter();
  if (D.diff) applyDiff(D.diff, "embedded diff");
  drawEdges();
  document.body.dataset.ready = "true";
  if (window.performance && performance.mark) performance.mark("gomvs-ready");
})();
