//! Writing a package so it appears complete or not at all: everything goes into a hidden
//! sibling first (same folder, so the same file system), is flushed to disk, and only then
//! renamed into place. A failure on the way removes the sibling.
//!
//! The zip is reproducible: fixed file order, every entry dated 1980-01-01 00:00 (the zip
//! epoch) with mode 0644, no extra fields; photos are stored (JPEG does not deflate).

use std::fs::{self, File};
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, ZipWriter};

use super::manifest::{MANIFEST_FILE, Manifest};
use super::{Package, PackageFile};
use crate::error::Context;
use crate::photo::sha256_hex;
use crate::{Error, Result};

impl Package {
    /// Writes the package as a folder at `target`, replacing a package already there.
    /// Returns the bytes written.
    pub fn write_folder(&self, target: &Path) -> Result<u64> {
        let partial = partial_sibling(target)?;
        let written = self.fill_folder(&partial).and_then(|bytes| {
            sync_dir(&partial)?;
            replace(&partial, target)?;
            Ok(bytes)
        });
        if written.is_err() {
            let _ = fs::remove_dir_all(&partial);
        }
        written
    }

    fn fill_folder(&self, dir: &Path) -> Result<u64> {
        fs::create_dir(dir).context(|| format!("creating {}", dir.display()))?;
        let mut bytes = 0;
        for file in &self.files {
            let path = dir.join(&file.name);
            if let Some(parent) = path.parent().filter(|p| *p != dir) {
                fs::create_dir_all(parent).context(|| format!("creating {}", parent.display()))?;
            }
            let mut out = File::create(&path).context(|| format!("creating {}", path.display()))?;
            out.write_all(&file.bytes)
                .and_then(|()| out.sync_all())
                .context(|| format!("writing {}", path.display()))?;
            bytes += file.bytes.len() as u64;
        }
        let renditions = dir.join(super::RENDITIONS_DIR);
        if renditions.is_dir() {
            sync_dir(&renditions)?;
        }
        Ok(bytes)
    }

    /// Writes the package as one zip file at `target`, replacing one already there.
    /// Returns the size of the zip.
    pub fn write_zip(&self, target: &Path) -> Result<u64> {
        let partial = partial_sibling(target)?;
        let written = self.fill_zip(&partial).and_then(|bytes| {
            fs::rename(&partial, target)
                .context(|| format!("moving the zip into place at {}", target.display()))?;
            sync_dir(parent_of(target))?;
            Ok(bytes)
        });
        if written.is_err() {
            let _ = fs::remove_file(&partial);
        }
        written
    }

    fn fill_zip(&self, path: &Path) -> Result<u64> {
        let file = File::create_new(path).context(|| format!("creating {}", path.display()))?;
        let zip_error = |e: zip::result::ZipError| match e {
            zip::result::ZipError::Io(source) => Error::Io {
                context: format!("writing {}", path.display()),
                source,
            },
            other => Error::invalid(format!("cannot write the zip {}: {other}", path.display())),
        };
        let mut zip = ZipWriter::new(BufWriter::new(file));
        for entry in &self.files {
            let method = if entry.content_type().starts_with("image/") {
                CompressionMethod::Stored
            } else {
                CompressionMethod::Deflated
            };
            let options = SimpleFileOptions::default()
                .compression_method(method)
                .last_modified_time(DateTime::DEFAULT)
                .unix_permissions(0o644)
                .large_file(false);
            zip.start_file(entry.name.as_str(), options)
                .map_err(zip_error)?;
            zip.write_all(&entry.bytes)
                .context(|| format!("writing {}", path.display()))?;
        }
        let file = zip
            .finish()
            .map_err(zip_error)?
            .into_inner()
            .map_err(|e| Error::Io {
                context: format!("writing {}", path.display()),
                source: e.into_error(),
            })?;
        file.sync_all()
            .context(|| format!("writing {}", path.display()))?;
        Ok(file
            .metadata()
            .context(|| format!("reading {}", path.display()))?
            .len())
    }

    /// Reads back a package folder written by [`Package::write_folder`], checking every file
    /// against the manifest.
    pub fn read_folder(dir: &Path) -> Result<Package> {
        let damaged = |reason: String| {
            Error::invalid(format!(
                "the package {} is damaged: {reason}",
                dir.display()
            ))
        };
        let manifest_bytes = fs::read(dir.join(MANIFEST_FILE))
            .context(|| format!("reading the package {}", dir.display()))?;
        let manifest: Manifest = serde_json::from_slice(&manifest_bytes)
            .map_err(|e| damaged(format!("{MANIFEST_FILE}: {e}")))?;
        let mut files = Vec::with_capacity(manifest.files.len() + 1);
        for entry in &manifest.files {
            if entry
                .path
                .split('/')
                .any(|part| part.is_empty() || part == "..")
            {
                return Err(damaged(format!(
                    "{:?} is not a path inside the package",
                    entry.path
                )));
            }
            let bytes = fs::read(dir.join(&entry.path))
                .context(|| format!("reading {} in {}", entry.path, dir.display()))?;
            if bytes.len() as u64 != entry.size || sha256_hex(&bytes) != entry.sha256 {
                return Err(damaged(format!(
                    "{} does not match the manifest",
                    entry.path
                )));
            }
            files.push(PackageFile {
                name: entry.path.clone(),
                bytes,
            });
        }
        files.push(PackageFile {
            name: MANIFEST_FILE.into(),
            bytes: manifest_bytes,
        });
        Ok(Package {
            article_id: manifest.article_id,
            ninjs_version: manifest.ninjs_version,
            content_key: String::new(),
            files,
        })
    }
}

/// `.<name>.partial-<pid>` beside `target`, in a parent folder created if needed.
fn partial_sibling(target: &Path) -> Result<PathBuf> {
    let name = target.file_name().ok_or_else(|| {
        Error::invalid(format!(
            "{} is not a file or folder name to export to",
            target.display()
        ))
    })?;
    let parent = parent_of(target);
    fs::create_dir_all(parent).context(|| format!("creating {}", parent.display()))?;
    let prefix = format!(".{}.partial-", name.to_string_lossy());
    remove_abandoned(parent, &prefix);
    let partial = parent.join(format!("{prefix}{}", std::process::id()));
    Ok(partial)
}

/// The folder holding `target`; `.` for a bare relative name such as `story.zip`.
fn parent_of(target: &Path) -> &Path {
    match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

/// Removes what exports killed half-way (power cut, SIGKILL) left beside the target: partial
/// siblings whose process is gone. One still being written by a live process is left alone.
fn remove_abandoned(parent: &Path, prefix: &str) {
    let Ok(entries) = fs::read_dir(parent) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(pid) = name
            .to_str()
            .and_then(|n| n.strip_prefix(prefix))
            .and_then(|p| p.parse::<u32>().ok())
        else {
            continue;
        };
        if pid == std::process::id() || !process_is_running(pid) {
            let path = entry.path();
            let _ = fs::remove_dir_all(&path).or_else(|_| fs::remove_file(&path));
        }
    }
}

#[cfg(target_os = "linux")]
fn process_is_running(pid: u32) -> bool {
    Path::new("/proc").join(pid.to_string()).exists()
}

/// Without a cheap way to ask, assume it is: leftovers stay rather than a live export break.
#[cfg(not(target_os = "linux"))]
fn process_is_running(_pid: u32) -> bool {
    true
}

/// Moves the finished folder to `target`. An older package there is moved aside first and
/// removed after, so at every moment `target` is either the old package or the new one.
fn replace(partial: &Path, target: &Path) -> Result<()> {
    let moved = || format!("moving the package into place at {}", target.display());
    if !target.exists() {
        return fs::rename(partial, target).context(moved);
    }
    if !target.is_dir() || !target.join(MANIFEST_FILE).is_file() {
        return Err(Error::invalid(format!(
            "{} already exists and is not a Newsdesk package; choose another place",
            target.display()
        )));
    }
    let old = partial.with_extension("old");
    fs::rename(target, &old).context(moved)?;
    fs::rename(partial, target).context(moved)?;
    let _ = fs::remove_dir_all(old);
    Ok(())
}

fn sync_dir(dir: &Path) -> Result<()> {
    File::open(dir)
        .and_then(|d| d.sync_all())
        .context(|| format!("flushing {}", dir.display()))
}
