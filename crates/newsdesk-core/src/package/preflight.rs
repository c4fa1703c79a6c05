//! The check before any export: every problem that blocks publishing, all at once, each
//! naming the field to fix, and the warnings an editor should see but may ignore.

use serde::Serialize;

use crate::article::Article;
use crate::library::Library;
use crate::photo::Photo;
use crate::render::{self, NoPhotos, PhotoRef};
use crate::store::CROP_FIELD;
use crate::{Error, Result};

/// One thing wrong with the article, for the editor.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Problem {
    /// The article field to fix (`headline`, `authors`, `body`, `lead_photo`, `embargo`...),
    /// so the UI can take the editor there.
    pub field: String,
    pub message: String,
    /// The photo concerned, when it is about a photo.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub photo_id: Option<String>,
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} ({})", self.message, self.field)
    }
}

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Preflight {
    /// Block the export.
    pub problems: Vec<Problem>,
    /// Shown, not blocking.
    pub warnings: Vec<Problem>,
    /// The photos the package will carry, lead first, each photo and crop once.
    #[serde(skip)]
    pub(crate) placements: Vec<Placement>,
}

#[derive(Debug, Clone)]
pub(crate) struct Placement {
    pub photo: Photo,
    pub crop: Option<String>,
    pub lead: bool,
}

pub fn preflight(library: &Library, article: &Article) -> Result<Preflight> {
    let fields = &article.fields;
    let mut checked = Preflight {
        problems: Vec::new(),
        warnings: Vec::new(),
        placements: Vec::new(),
    };
    let mut problem = |field: &str, message: String| {
        checked.problems.push(Problem {
            field: field.into(),
            message,
            photo_id: None,
        })
    };
    if fields.headline.trim().is_empty() {
        problem("headline", "There is no headline".into());
    }
    if fields.byline().is_empty() {
        problem(
            "authors",
            "There is no byline: add at least one author".into(),
        );
    }
    let stats = render::render(&fields.body, &NoPhotos)?.stats;
    if stats.words == 0 {
        problem("body", "The body is empty".into());
    }
    for (n, related) in fields.related.iter().enumerate() {
        if related.url.trim().is_empty() {
            problem(
                "related",
                format!("Related story {} ({:?}) has no link", n + 1, related.title),
            );
        }
    }
    // A save refuses these; an article saved before it did is stopped here, never sent out.
    for (field, message) in fields.unpublishable() {
        problem(field, capitalised(&message));
    }
    // Two people on the desk set this field at once: nothing goes out until the editor picks.
    for conflict in library.store().open_conflicts(&article.id)? {
        let candidates: Vec<String> = conflict
            .candidates
            .iter()
            .map(|c| {
                format!(
                    "{} (by {})",
                    c.value,
                    if c.by.is_empty() { "someone" } else { &c.by }
                )
            })
            .collect();
        problem(
            &conflict.field,
            format!(
                "The {} was changed at once on the desk to {}: pick one or write another",
                conflict.field.replace('_', " "),
                candidates.join(" and ")
            ),
        );
    }

    // The agency killed or withheld the wire item this story was started from: nothing goes
    // out until an editor has looked and cleared it.
    if let Some(origin) = library.store().wire_origin(&article.id)?
        && let Some(stop) = origin.stop
    {
        let what = match stop.status {
            crate::wire_item::WireStatus::Withheld => "withheld",
            _ => "killed",
        };
        let note = if stop.note.is_empty() {
            String::new()
        } else {
            format!(" ({})", stop.note)
        };
        problem(
            "wire",
            format!(
                "{} {what} the wire item this story was started from ({}){note}: check the story, then clear the notice",
                origin.agency, origin.guid
            ),
        );
    }

    for (reference, is_lead) in render::placed_photos(fields) {
        if checked
            .placements
            .iter()
            .any(|p| p.photo.id == reference.photo_id && p.crop == reference.crop)
            || checked
                .problems
                .iter()
                .any(|p| p.photo_id.as_deref() == Some(reference.photo_id.as_str()))
        {
            continue;
        }
        let field = if is_lead { "lead_photo" } else { "body" };
        match check_photo(library, &reference, is_lead)? {
            Ok(photo) => checked.placements.push(Placement {
                photo,
                crop: reference.crop.clone(),
                lead: is_lead,
            }),
            Err(messages) => checked
                .problems
                .extend(messages.into_iter().map(|message| Problem {
                    field: field.into(),
                    message,
                    photo_id: Some(reference.photo_id.clone()),
                })),
        }
    }

    for warning in render::warnings(fields, &stats) {
        if !checked.problems.iter().any(|p| p.field == warning.field) {
            checked.warnings.push(Problem {
                field: warning.field,
                message: warning.message,
                photo_id: None,
            });
        }
    }
    // The writing desk's findings warn, never block: a name the checker does not know is no
    // reason to hold a story.
    for report in library.copy_desk().check_story(fields) {
        let open = report.problems.len();
        if open > 0 {
            checked.warnings.push(Problem {
                field: report.field.as_str().into(),
                message: format!(
                    "The {} has {open} writing problem{} (spelling, grammar, house style)",
                    report.field.as_str(),
                    if open == 1 { "" } else { "s" }
                ),
                photo_id: None,
            });
        }
    }
    if let Some(embargo) = fields.embargo.filter(|e| *e > crate::store::now()) {
        checked.warnings.push(Problem {
            field: "embargo".into(),
            message: format!(
                "The story is under embargo until {}: the receiving desk must hold it until then",
                crate::store::format_time(embargo)
            ),
            photo_id: None,
        });
    }
    Ok(checked)
}

/// The photo if it can go out, and what stops it otherwise.
fn check_photo(
    library: &Library,
    reference: &PhotoRef,
    is_lead: bool,
) -> Result<Result<Photo, Vec<String>>> {
    let name = if is_lead {
        "The lead photo".to_owned()
    } else {
        "A photo in the body".to_owned()
    };
    let short = crate::text::short_photo_id(&reference.photo_id);
    let photo = match library.store().photo(&reference.photo_id) {
        Ok(photo) => photo,
        Err(Error::NotFound { .. }) => {
            return Ok(Err(vec![format!("{name} ({short}) is not in the library")]));
        }
        Err(e) => return Err(e),
    };
    let label = format!(
        "{name} ({})",
        if photo.source_name.is_empty() {
            short
        } else {
            &photo.source_name
        }
    );
    let mut problems = Vec::new();
    // Came from the desk thumbnail first: the package's renditions need the original.
    if photo.awaiting_original {
        problems.push(format!(
            "{label}: its original has not arrived from the desk yet (only its thumbnail is \
             here): the next desk sync brings it"
        ));
    }
    if let Some(crop) = &reference.crop
        && photo.crop(crop).is_none()
    {
        problems.push(format!("{label} has no crop called {crop:?}"));
    }
    if photo.desk.credit.trim().is_empty() {
        problems.push(format!("{label} has no credit: add it on the photo desk"));
    }
    if photo.desk.alt_text.trim().is_empty() {
        problems.push(format!(
            "{label} has no alt text for readers who cannot see it: add it on the photo desk"
        ));
    }
    // Two people on the desk changed the photo at once: it waits for the photo desk to pick.
    for conflict in library.store().open_photo_conflicts(&photo.id)? {
        let candidates: Vec<String> = conflict
            .candidates
            .iter()
            .map(|c| {
                // A crop's `null` is its deletion (`resolve_photo_conflict`).
                let value = match &c.value {
                    serde_json::Value::Null if conflict.field.starts_with(CROP_FIELD) => {
                        "deleted".to_owned()
                    }
                    value => value.to_string(),
                };
                format!(
                    "{value} (by {})",
                    if c.by.is_empty() { "someone" } else { &c.by }
                )
            })
            .collect();
        problems.push(format!(
            "{label}: its {} was changed at once on the desk to {}: pick one on the photo desk",
            conflict.field.replace('_', " "),
            candidates.join(" and ")
        ));
    }
    Ok(if problems.is_empty() {
        Ok(photo)
    } else {
        Err(problems)
    })
}

fn capitalised(message: &str) -> String {
    let mut chars = message.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}
