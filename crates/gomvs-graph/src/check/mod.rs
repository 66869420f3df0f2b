//! `gomvs check`: a CI guard over the resolved module graph.
//!
//! * [`policy`]: `gomvs.toml` (serde + toml, with line and column in every error);
//! * [`constraint`]: version constraints compared in Go's order;
//! * [`findings`]: findings as data (code, severity, rule, module, cause);
//! * [`rules`]: the evaluation, as [`rules::FindingProducer`]s over a
//!   [`crate::loader::Loaded`]; extra producers (`base`, `gosum`) plug in
//!   through [`rules::run_check`].
//!
//! Presentation (text, JSON, SARIF, GitHub annotations) is the CLI's.

pub mod constraint;
pub mod findings;
pub mod policy;
pub mod rules;
