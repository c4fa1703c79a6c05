//! Photo desk commands: import, list, show, edit, crop, delete-crop, render, and attach (a
//! top-level command, since it changes an article).

use std::path::PathBuf;

use clap::{Args, Subcommand};
use newsdesk_core::photo::{self, Aspect, DeskEdit, Photo, Placement, Rect};
use newsdesk_core::text::{short_article_id, short_photo_id};
use newsdesk_core::{Error, Library, Result};
use serde::Serialize;

use crate::output::{Output, visible};

#[derive(Subcommand)]
pub enum Command {
    /// Import photo files (JPEG, PNG, WebP, TIFF); bad files are reported at the end.
    Import {
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
    },
    /// List the library's photos, newest first.
    List,
    /// Show a photo: what its file says, the desk's record, its crops.
    Show { id: String },
    /// Change the desk's record (the original file is never touched).
    Edit {
        id: String,
        #[command(flatten)]
        desk: DeskArgs,
        #[command(flatten)]
        base: BaseVersion,
    },
    /// Add or replace a named crop; without --rect it is the largest one of the aspect ratio
    /// centred on the focal point.
    Crop {
        id: String,
        name: String,
        /// 16:9, 3:2, 4:3, 5:4, 1:1, 4:5, 2:3 or free.
        #[arg(long, default_value = "free")]
        aspect: String,
        /// x,y,width,height in pixels of the upright photo.
        #[arg(long, value_name = "X,Y,W,H")]
        rect: Option<String>,
        /// Set the photo's focal point first: x,y from 0 to 1.
        #[arg(long, value_name = "X,Y")]
        focal: Option<String>,
        #[command(flatten)]
        base: BaseVersion,
    },
    /// Delete a named crop; refused while a story uses it (the message names the stories).
    DeleteCrop {
        id: String,
        name: String,
        #[command(flatten)]
        base: BaseVersion,
    },
    /// Make JPEG renditions of a crop (or the whole photo) with the desk's credit embedded.
    Render {
        id: String,
        #[arg(long)]
        crop: Option<String>,
        /// Comma-separated widths in pixels.
        #[arg(long, value_delimiter = ',', default_values_t = photo::DEFAULT_WIDTHS)]
        widths: Vec<u32>,
        /// Copy the renditions into this folder.
        #[arg(long, value_name = "DIR")]
        out: Option<PathBuf>,
    },
}

#[derive(Args)]
pub struct DeskArgs {
    #[arg(long)]
    credit: Option<String>,
    #[arg(long)]
    caption: Option<String>,
    #[arg(long)]
    alt: Option<String>,
    #[arg(long)]
    creator: Option<String>,
    #[arg(long)]
    copyright: Option<String>,
    #[arg(long)]
    source: Option<String>,
    #[arg(long)]
    usage_terms: Option<String>,
    #[arg(long)]
    instructions: Option<String>,
}

#[derive(Args)]
pub struct BaseVersion {
    /// The photo version this change is based on (see `photo show`); a change made elsewhere
    /// since then refuses it. Without it the change applies to the version there is now: the
    /// named fields are set whatever another desk did meanwhile.
    #[arg(long, value_name = "VERSION")]
    base_version: Option<i64>,
}

impl BaseVersion {
    fn or_current(&self, library: &Library, id: &str) -> Result<i64> {
        match self.base_version {
            Some(version) => Ok(version),
            None => Ok(library.store().photo(id)?.version),
        }
    }
}

/// `attach ARTICLE PHOTO`: the lead photo, or a figure appended to the body.
#[derive(Args)]
pub struct Attach {
    article: String,
    photo: String,
    #[arg(long)]
    crop: Option<String>,
    #[arg(long, conflicts_with = "inline", required_unless_present = "inline")]
    lead: bool,
    #[arg(long)]
    inline: bool,
    /// The article version this change is based on (see `show`).
    #[arg(long)]
    base_version: i64,
}

pub fn run(library: &mut Library, command: Command, out: &Output) -> Result<()> {
    match command {
        Command::Import { files } => import(library, &files, out),
        Command::List => {
            let photos = library.store().list_photos()?;
            out.print(&photos, |photos| {
                for p in photos {
                    println!(
                        "{}  v{:<3} {:>5}x{:<5} {:<24} {}",
                        short_photo_id(&p.id),
                        p.version,
                        p.width,
                        p.height,
                        visible(&p.desk.credit),
                        visible(&p.source_name)
                    );
                }
            });
            Ok(())
        }
        Command::Show { id } => {
            let photo = library
                .store()
                .photo(&library.store().resolve_photo_id(&id)?)?;
            out.print(&photo, print_photo);
            Ok(())
        }
        Command::Edit { id, desk, base } => {
            let id = library.store().resolve_photo_id(&id)?;
            let base_version = base.or_current(library, &id)?;
            let edit = DeskEdit {
                credit: desk.credit,
                caption: desk.caption,
                alt_text: desk.alt,
                creator: desk.creator,
                copyright: desk.copyright,
                source: desk.source,
                usage_terms: desk.usage_terms,
                special_instructions: desk.instructions,
            };
            let photo = library
                .store_mut()
                .edit_photo_desk(&id, base_version, edit)?;
            out.print(&photo, print_photo);
            Ok(())
        }
        Command::Crop {
            id,
            name,
            aspect,
            rect,
            focal,
            base,
        } => {
            let id = library.store().resolve_photo_id(&id)?;
            let aspect: Aspect = aspect.parse()?;
            let mut photo = library.store().photo(&id)?;
            let base_version = base.base_version.unwrap_or(photo.version);
            photo.version = base_version;
            if let Some(focal) = focal {
                let [x, y] = numbers::<f64, 2>(&focal, "focal point")?;
                photo = library
                    .store_mut()
                    .set_focal_point(&id, base_version, Some((x, y)))?;
            }
            let rect = match rect {
                Some(text) => {
                    let [x, y, width, height] = numbers::<u32, 4>(&text, "crop rectangle")?;
                    Rect {
                        x,
                        y,
                        width,
                        height,
                    }
                }
                None => photo::default_crop(aspect, photo.width, photo.height, photo.focal_point),
            };
            let photo = library
                .store_mut()
                .save_crop(&id, photo.version, &name, aspect, rect)?;
            out.print(&photo, print_photo);
            Ok(())
        }
        Command::DeleteCrop { id, name, base } => {
            let id = library.store().resolve_photo_id(&id)?;
            let base_version = base.or_current(library, &id)?;
            let photo = library.store_mut().delete_crop(&id, base_version, &name)?;
            out.print(&photo, print_photo);
            Ok(())
        }
        Command::Render {
            id,
            crop,
            widths,
            out: dir,
        } => {
            let id = library.store().resolve_photo_id(&id)?;
            let mut made = photo::renditions(library, &id, crop.as_deref(), &widths)?;
            if let Some(dir) = dir {
                use newsdesk_core::error::Context;
                std::fs::create_dir_all(&dir).context(|| format!("creating {}", dir.display()))?;
                for r in &mut made {
                    let to = dir.join(&r.file_name);
                    std::fs::copy(&r.path, &to)
                        .context(|| format!("copying a rendition to {}", to.display()))?;
                    r.path = to;
                }
            }
            out.print(&made, |made| {
                for r in made {
                    println!(
                        "{:>5}x{:<5} {:>9} bytes  {}",
                        r.width,
                        r.height,
                        r.byte_size,
                        r.path.display()
                    );
                }
            });
            Ok(())
        }
    }
}

#[derive(Serialize)]
struct ImportSummary<'a> {
    imported: usize,
    duplicates: usize,
    refused: &'a [photo::Refused],
    photos: Vec<&'a Photo>,
}

fn import(library: &mut Library, files: &[PathBuf], out: &Output) -> Result<()> {
    let report = photo::import_batch(library, files, |done, total, file, outcome| {
        let what = match outcome {
            Ok(i) if i.duplicate => format!(
                "{} already in the library ({})",
                file.display(),
                short_photo_id(&i.photo.id)
            ),
            Ok(i) => format!(
                "{} imported ({})",
                file.display(),
                short_photo_id(&i.photo.id)
            ),
            Err(_) => format!("{} refused", file.display()),
        };
        out.progress(done, total, &what);
    });
    let summary = ImportSummary {
        imported: report.imported.len(),
        duplicates: report.duplicates.len(),
        refused: &report.refused,
        photos: report.imported.iter().chain(&report.duplicates).collect(),
    };
    out.print(&summary, |s| {
        println!(
            "{} imported, {} already in the library, {} refused",
            s.imported,
            s.duplicates,
            s.refused.len()
        );
        for r in s.refused {
            println!("  refused: {}", visible(&r.reason));
        }
    });
    if report.refused.is_empty() {
        Ok(())
    } else {
        Err(Error::invalid(format!(
            "{} of {} files were refused",
            report.refused.len(),
            files.len()
        )))
    }
}

pub fn attach(library: &mut Library, args: Attach, out: &Output) -> Result<()> {
    let article = library.store().resolve_article_id(&args.article)?;
    let photo = library.store().resolve_photo_id(&args.photo)?;
    let placement = if args.lead {
        Placement::Lead
    } else {
        Placement::Inline
    };
    let saved = photo::attach(
        library,
        &article,
        &photo,
        args.crop.as_deref(),
        placement,
        args.base_version,
    )?;
    out.print(&saved, |a| {
        println!(
            "{}  v{}  photo {} attached",
            short_article_id(&a.id),
            a.version,
            short_photo_id(&photo)
        )
    });
    Ok(())
}

fn print_photo(p: &Photo) {
    println!(
        "{}  v{}  {} {}x{}  {} bytes  {}",
        p.id,
        p.version,
        p.format,
        p.width,
        p.height,
        p.byte_size,
        visible(&p.source_name)
    );
    if p.awaiting_original {
        println!(
            "original on its way from the desk (only its thumbnail is here): `newsdesk desk sync` brings it"
        );
    }
    let embedded = serde_json::to_value(&p.embedded).expect("metadata serialises");
    let desk = serde_json::to_value(&p.desk).expect("desk record serialises");
    println!("{:<22} {:<40} in the file", "", "desk");
    for (field, value) in desk.as_object().expect("a record") {
        let file = embedded.get(field).and_then(|v| v.as_str()).unwrap_or("");
        println!(
            "{field:<22} {:<40} {}",
            visible(value.as_str().unwrap_or("")),
            visible(file)
        );
    }
    if let Some((x, y)) = p.focal_point {
        println!("focal point {x:.3},{y:.3}");
    }
    for c in &p.crops {
        println!(
            "crop {:<12} {:<5} {}x{} at {},{}",
            visible(&c.name),
            c.aspect.to_string(),
            c.width,
            c.height,
            c.x,
            c.y
        );
    }
}

/// `"1,2,3"` as exactly N numbers.
fn numbers<T: std::str::FromStr, const N: usize>(text: &str, what: &str) -> Result<[T; N]> {
    let parsed: Option<Vec<T>> = text.split(',').map(|p| p.trim().parse().ok()).collect();
    parsed.and_then(|v| v.try_into().ok()).ok_or_else(|| {
        Error::invalid(format!(
            "{what} {text:?} should be {N} numbers separated by commas"
        ))
    })
}
