//! Writing a package so it appears complete or not at all: everything is staged under a
//! temporary name away from the target's folder where possible (see [`crate::atomic_file`]
//! for where, and why), flushed to disk, and only then renamed into place. A failure on the
//! way removes what was staged.
//!
//! The zip is reproducible: fixed file order, every entry dated 1980-01-01 00:00 (the zip
//! epoch) with mode 0644, no extra fields; photos are stored (JPEG does not deflate).

use std::fs::{self, File};
use std::io::{BufWriter, Write};
use std::path::Path;

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, ZipWriter};

use super::manifest::{MANIFEST_FILE, Manifest};
use super::{Existing, Package, PackageFile};
use crate::atomic_file::{self, Staging};
use crate::error::Context;
use crate::photo::sha256_hex;
use crate::{Error, Result};

impl Package {
    /// Writes the package as a folder at `target`, replacing an earlier Newsdesk package
    /// there (never anything else), staged near `library`. Returns the bytes written.
    pub fn write_folder(&self, target: &Path, library: &Path) -> Result<u64> {
        if target.symlink_metadata().is_ok()
            && !(target.is_dir() && target.join(MANIFEST_FILE).is_file())
        {
            return Err(Error::invalid(format!(
                "{} already exists and is not a Newsdesk package; choose another place",
                target.display()
            )));
        }
        let staging = Staging::for_target(target, library)?;
        let partial = staging.temp_path();
        let written = self.fill_folder(&partial).and_then(|bytes| {
            atomic_file::sync_dir(&partial)
                .context(|| format!("flushing {}", partial.display()))?;
            atomic_file::move_dir_into_place(&staging, &partial, target)
                .context(|| format!("moving the package into place at {}", target.display()))?;
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
            atomic_file::sync_dir(&renditions)
                .context(|| format!("flushing {}", renditions.display()))?;
        }
        Ok(bytes)
    }

    /// Writes the package as one zip file at `target`, staged near `library`. A file already
    /// there is replaced only with [`Existing::Replace`]. Returns the size of the zip.
    pub fn write_zip(&self, target: &Path, library: &Path, existing: Existing) -> Result<u64> {
        let replace = existing == Existing::Replace;
        if !replace && target.symlink_metadata().is_ok() {
            return Err(atomic_file::already_there(target));
        }
        let staging = Staging::for_target(target, library)?;
        let partial = staging.temp_path();
        let written = self.fill_zip(&partial).and_then(|bytes| {
            atomic_file::move_file_into_place(&partial, target, replace).map_err(|e| {
                match e.kind() {
                    std::io::ErrorKind::AlreadyExists => atomic_file::already_there(target),
                    _ => Error::Io {
                        context: format!("moving the zip into place at {}", target.display()),
                        source: e,
                    },
                }
            })?;
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
