//! GOFLAGS (`base/goflags.go`) and the `-mod` build flag it may carry.

use super::{EnvError, GoEnv};

/// The `-mod` build mode.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BuildMod {
    /// `-mod=mod`: go.mod may be updated.
    Mod,
    /// `-mod=readonly`.
    Readonly,
    /// `-mod=vendor`.
    Vendor,
}

impl BuildMod {
    /// The flag value (`mod`, `readonly`, `vendor`).
    pub fn as_str(self) -> &'static str {
        match self {
            BuildMod::Mod => "mod",
            BuildMod::Readonly => "readonly",
            BuildMod::Vendor => "vendor",
        }
    }
}

/// The `-mod` setting from GOFLAGS and/or the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ModFlag {
    /// The mode given, if any (`None`: the command's default applies).
    pub mode: Option<BuildMod>,
    /// `cfg.BuildModExplicit`: a non-empty `-mod` was given (in GOFLAGS or
    /// on the command line); changes message wording (`disabled by -mod=readonly`).
    pub explicit: bool,
}

/// `$GOFLAGS`, split as `quoted.Split` does and checked as `InitGOFLAGS` does.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct GoFlags {
    /// One entry per flag, each starting with `-` or `--`.
    pub flags: Vec<String>,
}

impl GoFlags {
    /// Parses GOFLAGS. Errors: `go: parsing $GOFLAGS: unterminated ' string`,
    /// `go: parsing $GOFLAGS: non-flag "x"`, `go: parsing $GOFLAGS: unknown
    /// flag -x` (a name no go subcommand defines; the list of known names is
    /// recorded from the real go by `scripts/record-goflags-known.sh`).
    pub fn parse(s: &str) -> Result<GoFlags, EnvError> {
        let words =
            quoted_split(s).map_err(|e| EnvError::fatal(format!("go: parsing $GOFLAGS: {e}")))?;
        for f in &words {
            let bad = !f.starts_with('-')
                || f == "-"
                || f == "--"
                || f.starts_with("---")
                || f.starts_with("-=")
                || f.starts_with("--=");
            if bad {
                return Err(EnvError::fatal(format!(
                    "go: parsing $GOFLAGS: non-flag {}",
                    gomvs_modfile::module::quote(f)
                )));
            }
            let name = &f[1..];
            let name = name.strip_prefix('-').unwrap_or(name);
            let name = name.split('=').next().unwrap_or(name);
            if !is_known_flag(name) {
                return Err(EnvError::fatal(format!(
                    "go: parsing $GOFLAGS: unknown flag -{name}"
                )));
            }
        }
        Ok(GoFlags { flags: words })
    }

    /// `base.InGOFLAGS(flag)`: whether GOFLAGS mentions `flag` (e.g. `-mod`).
    pub fn contains(&self, flag: &str) -> bool {
        self.flags.iter().any(|f| {
            let name = f
                .strip_prefix('-')
                .filter(|n| n.starts_with('-'))
                .unwrap_or(f);
            let name = name.split('=').next().unwrap_or(name);
            name == flag
        })
    }

    /// The `-mod` value GOFLAGS sets for a command that defines `-mod`
    /// (`SetFromGOFLAGS`: the last occurrence wins). `Some("")` for `-mod=`.
    /// Error (exit 2) for `-mod` without a value.
    pub fn mod_value(&self) -> Result<Option<String>, EnvError> {
        self.value("mod")
    }

    /// The value of the last `-NAME=value` in GOFLAGS (`-NAME` without a value
    /// is Go's "flag needs an argument" error).
    pub fn value(&self, flag: &str) -> Result<Option<String>, EnvError> {
        let mut value = None;
        for f in &self.flags {
            let (name, v) = match f.split_once('=') {
                Some((n, v)) => (n, Some(v)),
                None => (f.as_str(), None),
            };
            let name = name.strip_prefix('-').unwrap_or(name);
            let name = name.strip_prefix('-').unwrap_or(name);
            if name != flag {
                continue;
            }
            match v {
                Some(v) => value = Some(v.to_string()),
                None => {
                    return Err(EnvError {
                        message: format!("go: flag needs an argument: -{flag} (from $GOFLAGS)"),
                        exit_code: 2,
                    })
                }
            }
        }
        Ok(value)
    }
}

/// The flag names some go subcommand defines (`base.hasFlag(base.Go, name)`),
/// recorded from the real go.
const KNOWN_FLAGS: &str = include_str!("goflags_known.txt");

fn is_known_flag(name: &str) -> bool {
    KNOWN_FLAGS
        .lines()
        .any(|l| !l.starts_with('#') && l == name)
}

/// `cmd/internal/quoted.Split`.
fn quoted_split(s: &str) -> Result<Vec<String>, String> {
    let is_space = |c: u8| matches!(c, b' ' | b'\t' | b'\n' | b'\r');
    let b = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        while i < b.len() && is_space(b[i]) {
            i += 1;
        }
        if i >= b.len() {
            break;
        }
        if b[i] == b'"' || b[i] == b'\'' {
            let quote = b[i];
            let start = i + 1;
            let Some(len) = b[start..].iter().position(|&c| c == quote) else {
                return Err(format!("unterminated {} string", char::from(quote)));
            };
            out.push(s[start..start + len].to_string());
            i = start + len + 1;
            continue;
        }
        let start = i;
        while i < b.len() && !is_space(b[i]) {
            i += 1;
        }
        out.push(s[start..i].to_string());
    }
    Ok(out)
}

impl GoEnv {
    /// GOFLAGS, parsed.
    pub fn goflags(&self) -> Result<GoFlags, EnvError> {
        GoFlags::parse(&self.getenv("GOFLAGS"))
    }

    /// The `-mod` setting for a command that defines `-mod` (e.g. `go list`),
    /// from GOFLAGS and then `command_line` (the value of a `-mod` flag on the
    /// command line, which wins). Commands without `-mod` (`go mod graph`)
    /// ignore GOFLAGS' `-mod`: do not call this for them.
    ///
    /// Errors: GOFLAGS errors, and an unsupported value:
    /// `-mod=x not supported (can be '', 'mod', 'readonly', or 'vendor')`.
    pub fn mod_flag(&self, command_line: Option<&str>) -> Result<ModFlag, EnvError> {
        let mut flag = ModFlag::default();
        let mut value = String::new();
        let from_env = self.goflags()?.mod_value()?;
        for v in from_env.iter().map(String::as_str).chain(command_line) {
            value = v.to_string();
            if !v.is_empty() {
                flag.explicit = true;
            }
        }
        flag.mode = match value.as_str() {
            "" => None,
            "mod" => Some(BuildMod::Mod),
            "readonly" => Some(BuildMod::Readonly),
            "vendor" => Some(BuildMod::Vendor),
            other => {
                return Err(EnvError::fatal(format!(
                    "-mod={other} not supported (can be '', 'mod', 'readonly', or 'vendor')"
                )))
            }
        };
        Ok(flag)
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::env::tests::env;

    #[test]
    fn e14_goflags_mod_counts_as_explicit() {
        let e = env(&[("GOFLAGS", "-mod=readonly")]);
        let f = e.mod_flag(None).unwrap();
        assert_eq!(f.mode, Some(BuildMod::Readonly));
        assert!(f.explicit);
        let e = env(&[("GOFLAGS", "")]);
        assert_eq!(e.mod_flag(None).unwrap(), ModFlag::default());
        let e = env(&[("GOFLAGS", "-mod=mod")]);
        let f = e.mod_flag(Some("readonly")).unwrap();
        assert_eq!(f.mode, Some(BuildMod::Readonly));
    }

    #[test]
    fn goflags_errors_have_go_text() {
        assert_eq!(
            env(&[("GOFLAGS", "x")]).goflags().unwrap_err().message,
            "go: parsing $GOFLAGS: non-flag \"x\""
        );
        assert_eq!(
            env(&[("GOFLAGS", "'-mod=mod")])
                .goflags()
                .unwrap_err()
                .message,
            "go: parsing $GOFLAGS: unterminated ' string"
        );
        assert_eq!(
            env(&[("GOFLAGS", "-mod=bogus")])
                .mod_flag(None)
                .unwrap_err()
                .message,
            "-mod=bogus not supported (can be '', 'mod', 'readonly', or 'vendor')"
        );
    }
}
