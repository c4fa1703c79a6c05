//! The photos a package carries: their renditions, made in parallel, and how the body and
//! the page point at them.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;

use super::preflight::Placement;
use super::{PackageFile, RENDITIONS_DIR};
use sha2::{Digest, Sha256};

use crate::Result;
use crate::article::Article;
use crate::error::Context;
use crate::library::Library;
use crate::photo::{self, DEFAULT_WIDTHS, Photo};
use crate::render::{self, Figure, FigureSource, PhotoRef};

/// The width the page and the body show; the others are there for the CMS to choose from.
const DISPLAY_WIDTH: u32 = 1280;

/// A photo in the package with its renditions.
#[derive(Debug, Clone)]
pub(crate) struct PlacedPhoto {
    pub photo: Photo,
    pub crop: Option<String>,
    pub lead: bool,
    pub renditions: Vec<PlacedRendition>,
}

#[derive(Debug, Clone)]
pub(crate) struct PlacedRendition {
    /// Path inside the package, e.g. `renditions/1a2b3c4d5e6f-wide-1280-0f1e2d3c4b5a.jpg`.
    pub href: String,
    pub width: u32,
    pub height: u32,
    pub content_type: &'static str,
    pub bytes: Vec<u8>,
}

impl PlacedPhoto {
    pub fn reference(&self) -> PhotoRef {
        PhotoRef {
            photo_id: self.photo.id.clone(),
            crop: self.crop.clone(),
        }
    }

    /// The rendition shown on the page: the widest up to [`DISPLAY_WIDTH`].
    pub fn display(&self) -> &PlacedRendition {
        self.renditions
            .iter()
            .filter(|r| r.width <= DISPLAY_WIDTH)
            .max_by_key(|r| r.width)
            .or_else(|| self.renditions.iter().min_by_key(|r| r.width))
            .expect("a placed photo has renditions")
    }
}

/// Makes (or takes from the cache) the renditions of every placed photo. Decoding and
/// resizing dominate an export, so photos are spread over the cores, each worker with its own
/// connection to the library (a connection is not shared between threads).
pub(crate) fn renditions(
    library: &Library,
    placements: &[Placement],
    progress: super::Progress<'_>,
) -> Result<Vec<PlacedPhoto>> {
    let workers = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(placements.len());
    let next = AtomicUsize::new(0);
    let (done, finished) = mpsc::channel();
    let root = library.root();
    let mut placed: Vec<Option<PlacedPhoto>> = placements.iter().map(|_| None).collect();
    let mut first_error = None;
    std::thread::scope(|scope| {
        for _ in 0..workers {
            let done = done.clone();
            let next = &next;
            scope.spawn(move || {
                let library = match Library::open(root) {
                    Ok(library) => library,
                    Err(e) => return drop(done.send((0, Err(e)))),
                };
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(placement) = placements.get(i) else {
                        break;
                    };
                    let _ = done.send((i, place(&library, placement)));
                }
            });
        }
        drop(done);
        let mut count = 0;
        for (i, outcome) in finished {
            match outcome {
                Ok(photo) => {
                    count += 1;
                    progress(
                        count,
                        placements.len(),
                        &format!("photo {}", &photo.photo.id[..12]),
                    );
                    placed[i] = Some(photo);
                }
                Err(e) => {
                    // Stop handing out work; the first problem is the one reported.
                    next.store(placements.len(), Ordering::Relaxed);
                    first_error.get_or_insert(e);
                }
            }
        }
    });
    match first_error {
        Some(e) => Err(e),
        None => Ok(placed
            .into_iter()
            .map(|p| p.expect("every placement was made"))
            .collect()),
    }
}

fn place(library: &Library, placement: &Placement) -> Result<PlacedPhoto> {
    let made = photo::renditions(
        library,
        &placement.photo.id,
        placement.crop.as_deref(),
        &DEFAULT_WIDTHS,
    )?;
    let renditions = made
        .into_iter()
        .map(|r| {
            let bytes = std::fs::read(&r.path).context(|| {
                format!(
                    "reading rendition {} of photo {}",
                    r.file_name, placement.photo.id
                )
            })?;
            // The content's hash in the name: a receiver that already holds a file of that
            // name (HTTP push asks before uploading) then really holds these bytes, even after
            // the desk corrected the credit embedded in them.
            let (stem, extension) = r
                .file_name
                .rsplit_once('.')
                .unwrap_or((&r.file_name, "jpg"));
            Ok(PlacedRendition {
                href: format!("{RENDITIONS_DIR}/{stem}-{}.{extension}", &r.sha256[..12]),
                width: r.width,
                height: r.height,
                content_type: r.content_type,
                bytes,
            })
        })
        .collect::<Result<_>>()?;
    Ok(PlacedPhoto {
        photo: placement.photo.clone(),
        crop: placement.crop.clone(),
        lead: placement.lead,
        renditions,
    })
}

/// What a package is made of besides its text: the article version and every rendition's
/// bytes (which embed the photo's desk record), in placement order.
pub(crate) fn content_key(article: &Article, placed: &[PlacedPhoto]) -> String {
    let mut hasher = Sha256::new();
    hasher.update(format!("{}|{}", article.id, article.version));
    for rendition in placed.iter().flat_map(|p| &p.renditions) {
        hasher.update(b"|");
        hasher.update(rendition.href.as_bytes());
    }
    crate::delivery::hex(&hasher.finalize())
}

pub(crate) fn files(placed: Vec<PlacedPhoto>) -> impl Iterator<Item = PackageFile> {
    placed
        .into_iter()
        .flat_map(|p| p.renditions)
        .map(|r| PackageFile {
            name: r.href,
            bytes: r.bytes,
        })
}

/// Figures for the body, pointing at the package's own renditions.
pub(crate) struct PackageFigures<'a> {
    pub photos: &'a [PlacedPhoto],
}

impl FigureSource for PackageFigures<'_> {
    fn figure(&self, reference: &PhotoRef) -> Result<Option<Figure>> {
        Ok(self
            .photos
            .iter()
            .find(|p| p.reference() == *reference)
            .map(|p| {
                let shown = p.display();
                Figure {
                    src: shown.href.clone(),
                    width: shown.width,
                    height: shown.height,
                    alt: p.photo.desk.alt_text.clone(),
                    caption: p.photo.desk.caption.clone(),
                    credit: p.photo.desk.credit.clone(),
                }
            }))
    }
}

/// The lead photo as the page shows it, drawn the same way as body figures.
pub(crate) fn lead_figure_html(figures: &PackageFigures<'_>) -> Result<Option<String>> {
    let Some(lead) = figures.photos.iter().find(|p| p.lead) else {
        return Ok(None);
    };
    let markdown = format!("![](photo:{})", lead.reference());
    Ok(Some(render::render(&markdown, figures)?.html))
}
