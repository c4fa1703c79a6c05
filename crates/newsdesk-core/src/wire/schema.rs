//! NewsML-G2 items are validated against the IPTC's NewsML-G2 2.35 Power schema before they
//! are read, with `xmllint --schema` (libxml2; Debian's `libxml2-utils`).
//!
//! Why a process and not a library: there is no mature XSD validator in pure Rust, and the
//! bindings to libxml2 (the `libxml` crate) bring C and `unsafe` into a core that forbids
//! it, for little gain: measured here, `xmllint --schema` over one spec example takes 11-24 ms
//! including loading the 330 KB schema, while an agency sends a few items a minute. The
//! schema travels inside the binary and is written once to `<library>/wire/schema/`.
//! `--nonet` keeps xmllint off the network, and the document never has a DTD by the time it
//! gets here (roxmltree refused it first).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use super::Refusal;
use crate::atomic_file::{Keep, write_atomically};
use crate::error::Context;
use crate::{Error, Result};

const POWER_XSD: &str = include_str!("schema/NewsML-G2_2.35-spec-All-Power.xsd");
/// The schema imports the `xml:` namespace's schema from this file name, beside it.
const XML_XSD: &str = include_str!("schema/xml.xsd");
const POWER_XSD_NAME: &str = "NewsML-G2_2.35-spec-All-Power.xsd";
/// How many lines of xmllint's complaint go into the reason.
const REASON_LINES: usize = 4;

/// Where the schema is written inside a library.
fn schema_dir(library_root: &Path) -> PathBuf {
    library_root.join("wire").join("schema")
}

fn ensure_schema(library_root: &Path) -> Result<PathBuf> {
    let dir = schema_dir(library_root);
    for (name, text) in [(POWER_XSD_NAME, POWER_XSD), ("xml.xsd", XML_XSD)] {
        let path = dir.join(name);
        let current = std::fs::read(&path).ok();
        if current.as_deref() != Some(text.as_bytes()) {
            write_atomically(&path, text.as_bytes(), Keep::Derived)?;
        }
    }
    Ok(dir.join(POWER_XSD_NAME))
}

/// `Ok(Err(_))`: the document fails the schema, with xmllint's first complaints.
pub(super) fn validate(
    library_root: &Path,
    text: &str,
) -> Result<std::result::Result<(), Refusal>> {
    let xsd = ensure_schema(library_root)?;
    let mut child = Command::new("xmllint")
        .args(["--noout", "--nonet", "--schema"])
        .arg(&xsd)
        .arg("-")
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|source| Error::Io {
            context: "validating NewsML-G2 needs xmllint (the Debian package libxml2-utils)".into(),
            source,
        })?;
    if let Some(mut stdin) = child.stdin.take() {
        // xmllint reads the whole document before it validates, so writing all of it before
        // reading its complaints cannot block; a write failing means it stopped early, and its
        // exit status says why.
        let _ = stdin.write_all(text.as_bytes());
    }
    let output = child.wait_with_output().context(|| "waiting for xmllint")?;
    if output.status.success() {
        return Ok(Ok(()));
    }
    let complaints = String::from_utf8_lossy(&output.stderr);
    let lines: Vec<&str> = complaints
        .lines()
        .map(|l| l.strip_prefix("-:").unwrap_or(l).trim())
        .filter(|l| !l.is_empty() && !l.ends_with("fails to validate"))
        .take(REASON_LINES)
        .collect();
    match output.status.code() {
        // 3: validation error, 4: validation generation error (xmllint's manual), 1: parse.
        Some(1 | 3 | 4) => Ok(Err(Refusal::new(format!(
            "it fails the NewsML-G2 2.35 schema: {}",
            lines.join("; ")
        )))),
        _ => Err(Error::Io {
            context: format!("xmllint could not validate: {}", lines.join("; ")),
            source: std::io::Error::other(format!("xmllint exited with {}", output.status)),
        }),
    }
}
