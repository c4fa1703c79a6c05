//! "Start a story": a draft made from a wire item, the agency credited in the byline and on
//! every photo, and the item it came from recorded with the story (exports write it as the
//! ninjs `derivedFrom` association).

use crate::article::{
    ArticleFields, Author, Dateline, PhotoPlacement, RelatedStory, is_language_tag, web_address,
};
use crate::photo::{DeskEdit, Overlong, desk_text};
use crate::wire_item::{WireItem, WirePhoto, WireStatus};
use crate::{Article, Error, Library, Result};

/// Creates a draft from wire item `item_id`. A killed item starts nothing; a story started from
/// a withheld one is stopped until an editor clears it.
pub fn start_story(library: &mut Library, item_id: &str) -> Result<Article> {
    let item = library.store().wire_item(item_id)?;
    if item.copy.status == WireStatus::Canceled {
        return Err(Error::invalid(format!(
            "the agency killed wire item {:?} ({}): no story can start from it",
            item.copy.headline, item.copy.guid
        )));
    }
    let mut fields = fields_of(&item);
    let mut placed = Vec::new();
    for wire_photo in &item.copy.photos {
        if let Some(photo_id) = &wire_photo.photo_id {
            credit_photo(library, photo_id, wire_photo, &item)?;
            placed.push(photo_id.clone());
        }
    }
    if let Some((lead, inline)) = placed.split_first() {
        fields.lead_photo = Some(PhotoPlacement {
            photo_id: lead.clone(),
            crop: String::new(),
        });
        for photo_id in inline {
            fields.body.push_str(&format!("\n\n![](photo:{photo_id})"));
        }
    }
    library.store_mut().start_wire_story(&item, &fields)
}

/// The agency's name for the byline: its own name, or the feed's.
fn agency(item: &WireItem) -> String {
    if item.copy.agency.trim().is_empty() {
        item.source.clone()
    } else {
        item.copy.agency.clone()
    }
}

fn fields_of(item: &WireItem) -> ArticleFields {
    let copy = &item.copy;
    let agency = agency(item);
    // "By NAME, AGENCY": the agency once, even when the agency's byline already names it
    // ("Christian Hollmann, dpa").
    let byline = match copy.byline.trim() {
        "" => agency.clone(),
        name if name.to_lowercase().contains(&agency.to_lowercase()) => name.to_owned(),
        name => format!("{name}, {agency}"),
    };
    ArticleFields {
        slugline: copy.slugline.clone(),
        headline: copy.headline.clone(),
        dek: copy.dek.clone(),
        authors: vec![Author {
            name: byline,
            role: "Agency".into(),
        }],
        dateline: Dateline {
            place: copy.dateline.clone(),
            date: copy
                .sent_at
                .map(|t| {
                    let d = t.date();
                    format!("{:04}-{:02}-{:02}", d.year(), u8::from(d.month()), d.day())
                })
                .unwrap_or_default(),
        },
        body: copy.body.clone(),
        keywords: copy.subjects.clone(),
        related: copy
            .links
            .iter()
            .filter(|l| web_address(&l.url).is_some())
            .map(|l| RelatedStory {
                title: if l.title.is_empty() {
                    l.url.clone()
                } else {
                    l.title.clone()
                },
                url: l.url.clone(),
            })
            .collect(),
        language: if is_language_tag(&copy.language) {
            copy.language.clone()
        } else {
            String::new()
        },
        embargo: copy.embargo,
        ..ArticleFields::default()
    }
}

/// The agency's credits on the photo desk's record, where the desk has none yet: what the
/// photo desk wrote, or the file embedded, stays.
fn credit_photo(
    library: &mut Library,
    photo_id: &str,
    wire_photo: &WirePhoto,
    item: &WireItem,
) -> Result<()> {
    let photo = library.store().photo(photo_id)?;
    let desk = &photo.desk;
    // Under the desk's rules, shortened where an agency caption runs past the field's limit.
    let fill = |current: &str, wire: &str| {
        (current.trim().is_empty() && !wire.trim().is_empty())
            .then(|| desk_text(wire, Overlong::Shorten).unwrap_or_default())
    };
    let credit = if wire_photo.credit.is_empty() {
        agency(item)
    } else {
        wire_photo.credit.clone()
    };
    // The agency's caption is the starting point for the alt text too: preflight wants one,
    // and the desk can write a better one before the story goes out.
    let caption = if wire_photo.caption.is_empty() {
        item.copy.headline.as_str()
    } else {
        wire_photo.caption.as_str()
    };
    let edit = DeskEdit {
        credit: fill(&desk.credit, &credit),
        creator: fill(&desk.creator, &wire_photo.by),
        caption: fill(&desk.caption, caption),
        alt_text: fill(&desk.alt_text, caption),
        source: fill(&desk.source, &agency(item)),
        ..DeskEdit::default()
    };
    if edit == DeskEdit::default() {
        return Ok(());
    }
    library
        .store_mut()
        .edit_photo_desk(photo_id, photo.version, edit)?;
    Ok(())
}
