//! Placed photos as body figures, straight from the library: the desk's caption, credit and
//! alt text, sized like the crop, with `src` chosen by the caller (a thumbnail URL for the
//! preview, a package-relative rendition for export).

use super::{Crop, Photo};
use crate::render::{Figure, FigureSource, PhotoRef};
use crate::store::Store;
use crate::{Error, Result};

pub struct LibraryFigures<'a, F> {
    store: &'a Store,
    src: F,
}

impl<'a, F: Fn(&Photo, Option<&Crop>) -> String> LibraryFigures<'a, F> {
    /// `src(photo, crop)` gives the address the page loads the picture from.
    pub fn new(store: &'a Store, src: F) -> Self {
        LibraryFigures { store, src }
    }
}

impl<F: Fn(&Photo, Option<&Crop>) -> String> FigureSource for LibraryFigures<'_, F> {
    fn figure(&self, reference: &PhotoRef) -> Result<Option<Figure>> {
        let photo = match self.store.photo(&reference.photo_id) {
            Ok(photo) => photo,
            Err(Error::NotFound { .. }) => return Ok(None),
            Err(e) => return Err(e),
        };
        let crop = match &reference.crop {
            Some(name) => match photo.crop(name) {
                Some(crop) => Some(crop),
                None => return Ok(None),
            },
            None => None,
        };
        let rect = crop.map_or_else(|| photo.full_rect(), Crop::rect);
        Ok(Some(Figure {
            src: (self.src)(&photo, crop),
            width: rect.width,
            height: rect.height,
            alt: photo.desk.alt_text.clone(),
            caption: photo.desk.caption.clone(),
            credit: photo.desk.credit.clone(),
        }))
    }
}
