// Checks that Mermaid files parse with Mermaid's own parser (what GitHub runs).
//
//   usage: in a scratch directory: npm install mermaid@11 jsdom; copy this file
//          there; node check-mermaid.mjs FILE.mmd...   (ES modules ignore NODE_PATH)
// Exits 1 if any file fails to parse. Nothing fetched is committed.
import { JSDOM } from 'jsdom';
import fs from 'fs';
const dom = new JSDOM('<!doctype html><html><body></body></html>');
globalThis.window = dom.window; globalThis.document = dom.window.document;
globalThis.DOMParser = dom.window.DOMParser;
const { default: mermaid } = await import('mermaid');
let bad = 0;
for (const f of process.argv.slice(2)) {
  const text = fs.readFileSync(f, 'utf8');
  try { await mermaid.parse(text); console.log('ok', f); }
  catch (e) { bad++; console.log('FAIL', f, String(e.message || e).slice(0, 300)); }
}
process.exit(bad ? 1 : 0);
