//! Putting a photo into an article: as the lead photo, or as a figure in the body. Both are
//! ordinary saves of the article (with its base version), so they show in its history and a
//! concurrent edit is caught as a conflict like any other.

use serde::{Deserialize, Serialize};

use crate::article::PhotoPlacement;
use crate::store::SaveKind;
use crate::{Article, Error, Library, Result};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Placement {
    Lead,
    Inline,
}

/// Attaches `photo_id` (with `crop`, which must exist) to the article saved at `base_version`.
pub fn attach(
    library: &mut Library,
    article_id: &str,
    photo_id: &str,
    crop: Option<&str>,
    placement: Placement,
    base_version: i64,
) -> Result<Article> {
    let photo = library.store().photo(photo_id)?;
    if let Some(name) = crop
        && photo.crop(name).is_none()
    {
        return Err(Error::not_found(
            "crop",
            format!("{name} of photo {photo_id}"),
        ));
    }
    let mut fields = library.store().article(article_id)?.fields;
    match placement {
        Placement::Lead => {
            fields.lead_photo = Some(PhotoPlacement {
                photo_id: photo.id,
                crop: crop.unwrap_or_default().to_owned(),
            })
        }
        Placement::Inline => {
            let target = match crop {
                Some(name) => format!("photo:{}/{name}", photo.id),
                None => format!("photo:{}", photo.id),
            };
            // The Markdown alt text stays empty: the desk's alt text is used unless the editor
            // writes one here.
            let body = fields.body.trim_end();
            let separator = if body.is_empty() { "" } else { "\n\n" };
            fields.body = format!("{body}{separator}![]({target})\n");
        }
    }
    library
        .store_mut()
        .save_article(article_id, base_version, &fields, SaveKind::Save)
}
