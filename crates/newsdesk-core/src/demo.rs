//! The demo newsroom: a handful of realistic articles across sections and every workflow
//! status, each with a history of several saves, and a photo desk with credited, cropped
//! photos, so a new user sees every desk at work at once: the sample story with its lead photo,
//! and a draft whose photo still lacks a credit and alt text (preflight stops it and says why).
//!
//! The stories are data in this file and the photos are built into the binary (see
//! `demo-photos/README.md` for where each comes from and its licence), so it works anywhere.
//! Ids are fixed (a photo's id is its SHA-256): running the demo twice adds nothing the second
//! time.

use serde::Serialize;

use crate::article::{Correction, PhotoPlacement};
use crate::photo::{Aspect, DeskEdit, default_crop, import_file, sha256_hex};
use crate::store::{RevisionKind, SaveKind, Store};
use crate::{ArticleFields, Author, Dateline, Error, Library, RelatedStory, Result, Status};

/// What a demo run did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct DemoReport {
    /// Ids of the articles written by this run.
    pub created: Vec<String>,
    /// Demo articles that were already in the library and left as they are.
    pub already_there: usize,
    /// Ids of the photos this run put on the photo desk.
    pub photos_created: Vec<String>,
    /// Demo photos that were already in the library and left as they are.
    pub photos_already_there: usize,
}

/// Ids of every demo article, in the order they are written.
pub fn article_ids() -> Vec<&'static str> {
    stories().iter().map(|s| s.id).collect()
}

/// The id of the sports-diplomacy story (the sample text of the project).
pub const SPORTS_DIPLOMACY_ID: &str = "bdfa652f-9423-4d96-ad2d-349778a31009";

/// Writes every demo article that is not in the library yet, without photos (see
/// [`fill_library`] for the whole demo newsroom).
pub fn fill(store: &mut Store) -> Result<DemoReport> {
    write_stories(store, &[])
}

/// The whole demo newsroom: the photos on the photo desk (credited, described, cropped), then
/// every demo article that is not in the library yet, with its lead photo. What is there
/// already is left as it is: a photo the desk edited since keeps the desk's edits.
pub fn fill_library(library: &mut Library) -> Result<DemoReport> {
    let mut photos_created = Vec::new();
    let mut photos_already_there = 0;
    for photo in photos() {
        let id = sha256_hex(photo.bytes);
        match library.store().photo(&id) {
            Ok(_) => photos_already_there += 1,
            Err(Error::NotFound { .. }) => {
                put_on_desk(library, &photo)?;
                photos_created.push(id);
            }
            Err(other) => return Err(other),
        }
    }
    let leads: Vec<(&str, PhotoPlacement)> = photos()
        .iter()
        .filter_map(|p| {
            p.lead_of.map(|story| {
                let placement = PhotoPlacement {
                    photo_id: sha256_hex(p.bytes),
                    crop: LEAD_CROP.to_owned(),
                };
                (story, placement)
            })
        })
        .collect();
    Ok(DemoReport {
        photos_created,
        photos_already_there,
        ..write_stories(library.store_mut(), &leads)?
    })
}

fn write_stories(store: &mut Store, leads: &[(&str, PhotoPlacement)]) -> Result<DemoReport> {
    let mut report = DemoReport::default();
    for mut story in stories() {
        match store.article(story.id) {
            Ok(_) => report.already_there += 1,
            Err(Error::NotFound { .. }) => {
                story.fields.lead_photo = leads
                    .iter()
                    .find(|(id, _)| *id == story.id)
                    .map(|(_, placement)| placement.clone());
                write_story(store, &story)?;
                report.created.push(story.id.to_owned());
            }
            Err(other) => return Err(other),
        }
    }
    Ok(report)
}

/// The crop every demo photo has for a story's lead, and the square one for social posts.
const LEAD_CROP: &str = "lead";
const SQUARE_CROP: &str = "square";

/// A photo of the demo newsroom, as the photo desk leaves it.
struct DemoPhoto {
    /// The name it is imported under.
    file: &'static str,
    bytes: &'static [u8],
    /// Empty fields stay empty: a photo that came in without a credit, as agency files do.
    desk: DeskEdit,
    /// Where the default crops centre, (x, y) in 0..1.
    focal: (f64, f64),
    lead_aspect: Aspect,
    /// The story whose lead photo it is.
    lead_of: Option<&'static str>,
}

/// Imports one demo photo through the ordinary import (original, thumbnail, embedded
/// metadata), from a file in a folder of the library that is removed again, then gives it the
/// desk's record, a focal point and its crops.
fn put_on_desk(library: &mut Library, photo: &DemoPhoto) -> Result<()> {
    let folder = library.root().join(".demo-photos");
    let file = folder.join(photo.file);
    let written =
        std::fs::create_dir_all(&folder).and_then(|()| std::fs::write(&file, photo.bytes));
    let imported = written
        .map_err(|e| Error::Library {
            path: file.clone(),
            reason: format!("cannot write the demo photo to import it: {e}"),
        })
        .and_then(|()| import_file(library, &file));
    // The folder is ours alone; whatever the import did, it goes.
    let _ = std::fs::remove_dir_all(&folder);
    let mut current = imported?.photo;
    let store = library.store_mut();
    if photo.desk != DeskEdit::default() {
        current = store.edit_photo_desk(&current.id, current.version, photo.desk.clone())?;
    }
    current = store.set_focal_point(&current.id, current.version, Some(photo.focal))?;
    for (name, aspect) in [
        (LEAD_CROP, photo.lead_aspect),
        (SQUARE_CROP, Aspect::Ratio(1, 1)),
    ] {
        let rect = default_crop(aspect, current.width, current.height, current.focal_point);
        current = store.save_crop(&current.id, current.version, name, aspect, rect)?;
    }
    Ok(())
}

fn desk(credit: &str, caption: &str, alt_text: &str, creator: &str, usage: &str) -> DeskEdit {
    DeskEdit {
        credit: Some(credit.to_owned()),
        caption: Some(caption.to_owned()),
        alt_text: Some(alt_text.to_owned()),
        creator: Some(creator.to_owned()),
        copyright: Some(usage.to_owned()),
        source: Some("Newsdesk demo".to_owned()),
        usage_terms: Some(usage.to_owned()),
        special_instructions: None,
    }
}

/// The id of the draft whose lead photo came in without a credit or alt text.
pub const UNFINISHED_DRAFT_ID: &str = "1c4af797-b93a-47d2-ac78-5001aa3aa804";
const NIGHT_BUSES_ID: &str = "37faf2bd-360e-455d-9cf4-fef67d859605";
const HEAT_WARNING_ID: &str = "320eef17-ce98-4866-82db-1e34b11ab786";

fn photos() -> Vec<DemoPhoto> {
    vec![
        DemoPhoto {
            file: "stadium-lights.jpg",
            bytes: include_bytes!("../demo-photos/stadium-lights.jpg"),
            desk: desk(
                "Newsdesk demo/CC0",
                "Floodlights over a stadium before an evening match. An illustration drawn for \
                 the demo newsroom, standing in for the agency photo the editor's note credits.",
                "A floodlit stadium at night, the pitch green under four bright lights",
                "Newsdesk demo",
                "CC0 1.0: no rights reserved",
            ),
            focal: (0.5, 0.55),
            lead_aspect: Aspect::Ratio(16, 9),
            lead_of: Some(SPORTS_DIPLOMACY_ID),
        },
        DemoPhoto {
            file: "city-dusk.jpg",
            bytes: include_bytes!("../demo-photos/city-dusk.jpg"),
            desk: desk(
                "Newsdesk demo/CC0",
                "A late bus crosses the city centre at dusk. An illustration drawn for the demo \
                 newsroom.",
                "A yellow bus in front of dark office towers with lit windows at dusk",
                "Newsdesk demo",
                "CC0 1.0: no rights reserved",
            ),
            focal: (0.3, 0.85),
            lead_aspect: Aspect::Ratio(3, 2),
            lead_of: Some(NIGHT_BUSES_ID),
        },
        DemoPhoto {
            file: "half-dome.jpg",
            bytes: include_bytes!("../demo-photos/half-dome.jpg"),
            desk: desk(
                "Guardian Grid test suite",
                "Granite domes bake above the valley floor. A stand-in photo from the test suite \
                 of the Guardian's Grid, Apache-2.0.",
                "A granite dome rising above a forested valley under white clouds",
                "Guardian News & Media",
                "Apache-2.0 (github.com/guardian/grid)",
            ),
            focal: (0.75, 0.4),
            lead_aspect: Aspect::Ratio(3, 2),
            lead_of: Some(HEAT_WARNING_ID),
        },
        DemoPhoto {
            file: "harbour-dawn.jpg",
            bytes: include_bytes!("../demo-photos/harbour-dawn.jpg"),
            // As it came in: no credit, caption or alt text yet. The draft using it stops at
            // preflight until the photo desk adds them.
            desk: DeskEdit::default(),
            focal: (0.65, 0.5),
            lead_aspect: Aspect::Ratio(16, 9),
            lead_of: Some(UNFINISHED_DRAFT_ID),
        },
    ]
}

struct Story {
    id: &'static str,
    status: Status,
    fields: ArticleFields,
    /// Added in a save after the status change, the way a correction follows publication.
    correction: Option<Correction>,
}

/// Replays a plausible history: a first draft, the full text, the workflow status and, for
/// some, a correction. Every step is a real save, so history and diff have something to show.
fn write_story(store: &mut Store, story: &Story) -> Result<()> {
    let first_draft = ArticleFields {
        dek: String::new(),
        keywords: Vec::new(),
        related: Vec::new(),
        body: story
            .fields
            .body
            .split("\n\n")
            .next()
            .unwrap_or_default()
            .to_owned(),
        ..story.fields.clone()
    };
    let mut article = store.create_article(
        Some(story.id),
        &first_draft,
        Status::Draft,
        RevisionKind::Create,
    )?;
    article = store.save_article(story.id, article.version, &story.fields, SaveKind::Autosave)?;
    if story.status != Status::Draft {
        article = store.set_status(story.id, article.version, story.status)?;
    }
    if let Some(correction) = &story.correction {
        let mut corrected = story.fields.clone();
        corrected.corrections.push(correction.clone());
        store.save_article(story.id, article.version, &corrected, SaveKind::Save)?;
    }
    Ok(())
}

fn author(name: &str, role: &str) -> Author {
    Author {
        name: name.to_owned(),
        role: role.to_owned(),
    }
}

fn related(title: &str, url: &str) -> RelatedStory {
    RelatedStory {
        title: title.to_owned(),
        url: url.to_owned(),
    }
}

fn dateline(place: &str, date: &str) -> Dateline {
    Dateline {
        place: place.to_owned(),
        date: date.to_owned(),
    }
}

fn words(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| (*s).to_owned()).collect()
}

fn stories() -> Vec<Story> {
    vec![
        Story {
            id: SPORTS_DIPLOMACY_ID,
            status: Status::Published,
            fields: ArticleFields {
                slugline: "oly-korea-selfie".into(),
                kicker: "NewsWorld News".into(),
                section: "World".into(),
                headline: "Sports diplomacy: North and South Korean athletes celebrate together with selfie".into(),
                dek: "The moment happened after medalists completed the table tennis competition, and it was \
                      described as significant amid continued tensions on the Korean Peninsula between governments."
                    .into(),
                authors: vec![author("NewsWorld Staff", "Staff")],
                dateline: dateline("PARIS", "2024-07-30"),
                body: SPORTS_DIPLOMACY_BODY.into(),
                keywords: words(&["Olympics", "Paris 2024", "table tennis", "North Korea", "South Korea"]),
                related: vec![
                    related(
                        "The Green Behind the Gold: The costs and rewards of putting on the Olympic Games",
                        "https://newsworld.example.org/sports/olympics/the-green-behind-the-gold",
                    ),
                    related(
                        "Olympic triathlon events commence a day after E. coli detected in Seine River",
                        "https://newsworld.example.org/sports/olympics/triathlon-seine-e-coli",
                    ),
                ],
                editors_note: "Lead photo to place: South Korea's Lim Jonghoon takes a selfie with North Korea's \
                               Ri Jong-sik and Kim Kum-yong, with China's Wang Chuqin. \
                               Photo: Petros Giannakouris / Associated Press."
                    .into(),
                language: "en".into(),
                ..Default::default()
            },
            correction: None,
        },
        Story {
            id: "36723114-2605-4a3a-b7ec-a35cd7c90b01",
            status: Status::Editing,
            fields: ArticleFields {
                slugline: "council-budget".into(),
                kicker: "City Hall".into(),
                section: "Local".into(),
                headline: "Council approves budget with more money for buses and libraries".into(),
                dek: "The 2025 plan raises transit spending by 12 percent and keeps branch libraries open on Sundays."
                    .into(),
                authors: vec![author("Maria Okafor", "City hall reporter")],
                dateline: dateline("RIVERTON", "2024-11-14"),
                body: "The city council on Thursday approved a $412 million budget for 2025 after a \
                       five-hour session that ran past midnight.\n\n\
                       The plan adds two new bus routes to the east side and restores Sunday hours at all \
                       six branch libraries, a change residents asked for at every public hearing this fall.\n\n\
                       > \"People told us the library is the only quiet place they have,\" said council member \
                       Dana Whitfield, who proposed the amendment.\n\n\
                       Property taxes will rise by 1.8 percent, below the 2.5 percent the mayor first proposed."
                    .into(),
                keywords: words(&["budget", "city council", "transit", "libraries"]),
                related: vec![related(
                    "What the new bus routes mean for your commute",
                    "https://newsworld.example.org/local/bus-routes-explainer",
                )],
                language: "en".into(),
                ..Default::default()
            },
            correction: None,
        },
        Story {
            id: HEAT_WARNING_ID,
            status: Status::Ready,
            fields: ArticleFields {
                slugline: "heat-warning".into(),
                kicker: "Weather".into(),
                section: "Climate".into(),
                headline: "Heat warning issued as temperatures near record for a third day".into(),
                dek: "Cooling centres open until 10 p.m.; officials urge checks on older neighbours.".into(),
                authors: vec![author("Tom Brandt", "Science writer"), author("Aiko Tanaka", "Data reporter")],
                dateline: dateline("RIVERTON", "2024-08-02"),
                body: "Forecasters extended the heat warning through Sunday as temperatures were expected to \
                       reach 38°C for a third consecutive day.\n\n\
                       The city opened **nine cooling centres**, including the central library and the \
                       Eastside community hall, and extended their hours until 10 p.m.\n\n\
                       Hospitals reported a rise in heat-related visits, most of them among people over 70.\n\n\
                       ## How to stay safe\n\n\
                       - Drink water before you feel thirsty.\n\
                       - Avoid outdoor work between noon and 4 p.m.\n\
                       - Check on neighbours who live alone."
                    .into(),
                keywords: words(&["heat", "weather", "public health"]),
                language: "en".into(),
                embargo: Some(time::macros::datetime!(2024-08-02 05:00 UTC)),
                ..Default::default()
            },
            correction: None,
        },
        Story {
            id: UNFINISHED_DRAFT_ID,
            status: Status::Draft,
            fields: ArticleFields {
                slugline: "startup-batteries".into(),
                kicker: "Business".into(),
                section: "Business".into(),
                headline: "Local startup bets on sodium batteries for home storage".into(),
                // Over the dek's 160 characters: the draft shows a warning as well.
                dek: "Voltaro says its cells cost a third less than lithium ones and last twenty years in a \
                      garage; investors, burned by two battery makers that failed in the region last year, \
                      are cautious."
                    .into(),
                authors: vec![author("Priya Raman", "Business reporter")],
                dateline: dateline("RIVERTON", "2024-10-21"),
                body: "Voltaro, a 40-person company in the old textile district, plans to start producing \
                       sodium-ion battery packs for homes next spring.\n\n\
                       Sodium is cheaper and more plentiful than lithium, but the cells store less energy for \
                       their weight, which matters less for a battery that sits in a garage.\n\n\
                       TK: comment from the regional energy agency."
                    .into(),
                keywords: words(&["batteries", "startups", "energy"]),
                language: "en".into(),
                ..Default::default()
            },
            correction: None,
        },
        Story {
            id: "00f34122-793b-4953-8e9f-5de84d79875a",
            status: Status::Published,
            fields: ArticleFields {
                slugline: "museum-reopens".into(),
                kicker: "Arts".into(),
                section: "Culture".into(),
                headline: "City museum reopens after three-year renovation".into(),
                dek: "A new glass hall, a free Thursday evening and a long-hidden mural greet visitors.".into(),
                authors: vec![author("Jonas Weber", "Culture editor")],
                dateline: dateline("RIVERTON", "2024-09-07"),
                body: "The Riverton Museum of History reopened on Saturday after a renovation that cost \
                       $38 million and took a year longer than planned.\n\n\
                       Workers uncovered a 1930s mural behind a false wall in the east wing; it is now the \
                       first thing visitors see.\n\n\
                       Admission is free on Thursday evenings from 5 to 9 p.m."
                    .into(),
                keywords: words(&["museum", "arts", "renovation"]),
                language: "en".into(),
                ..Default::default()
            },
            correction: Some(Correction {
                date: "2024-09-08".into(),
                text: "An earlier version gave the renovation cost as $83 million. It was $38 million.".into(),
            }),
        },
        Story {
            id: "3b2003de-ea88-42c6-9e6b-dee36614e66b",
            status: Status::Spiked,
            fields: ArticleFields {
                slugline: "bridge-closure".into(),
                kicker: "Traffic".into(),
                section: "Local".into(),
                headline: "Old Mill Bridge to close for a year, residents told".into(),
                dek: "City engineers have not confirmed the plan.".into(),
                authors: vec![author("Maria Okafor", "City hall reporter")],
                dateline: dateline("RIVERTON", "2024-10-02"),
                body: "Residents near the Old Mill Bridge received flyers saying the bridge would close for \
                       repairs for a year starting in January.\n\n\
                       The city's engineering office said no such decision had been made."
                    .into(),
                keywords: words(&["traffic", "bridges"]),
                editors_note: "Spiked: the flyers were not from the city. Keep for a possible follow-up."
                    .into(),
                language: "en".into(),
                ..Default::default()
            },
            correction: None,
        },
        Story {
            id: NIGHT_BUSES_ID,
            status: Status::Ready,
            fields: ArticleFields {
                slugline: "oped-night-buses".into(),
                kicker: "Opinion".into(),
                section: "Opinion".into(),
                headline: "Night buses are not a luxury".into(),
                dek: "Shift workers keep the city running; the city should keep them moving.".into(),
                authors: vec![author("Lena Hoffmann", "Contributor")],
                body: "Every night, thousands of nurses, cleaners and bakers travel when the buses do not.\n\n\
                       A single night route along the river would cost less than one kilometre of the new \
                       ring road, and it would serve the people who already keep the city running."
                    .into(),
                keywords: words(&["opinion", "transit", "night buses"]),
                editors_note: "The author is a nurse at Riverton General and a member of the transit users' group."
                    .into(),
                language: "en".into(),
                ..Default::default()
            },
            correction: None,
        },
        Story {
            id: "8d711c36-2de3-4781-8f4c-931324774527",
            status: Status::Editing,
            fields: ArticleFields {
                slugline: "cafe-fermeture".into(),
                kicker: "Vie locale".into(),
                section: "Culture".into(),
                headline: "Le Café de la Gare ferme ses portes après 60 ans".into(),
                dek: "Les habitués se sont réunis une dernière fois autour du comptoir en zinc.".into(),
                authors: vec![author("Élodie Marchand", "Correspondante")],
                dateline: dateline("LYON", "2024-06-29"),
                body: "Samedi soir, le Café de la Gare a servi son dernier café crème.\n\n\
                       « On venait ici avant le travail, puis après », raconte René, 81 ans, client depuis 1971.\n\n\
                       Le bâtiment sera transformé en logements d'ici 2026."
                    .into(),
                keywords: words(&["café", "commerce", "Lyon"]),
                language: "fr".into(),
                ..Default::default()
            },
            correction: None,
        },
    ]
}

/// The sample story's body as an editor would enter it: the caption line and the "Posted"
/// stamp belong to the page, not the text, and the "RELATED STORY |" lines are related stories.
const SPORTS_DIPLOMACY_BODY: &str = "\
Tensions have been ever more elevated on the Korean Peninsula as governments for the two sides \
continued to posture militarily in recent weeks.

Balloons carrying trash were even spotted crossing the border and landing in South Korean \
population centers, according to reports.

As the Olympics played out in Paris this week, Tuesday's table tennis match involving players from \
North and South Korea led to a moment of diplomacy through sports when medalists were seen \
celebrating together on the podium and taking a selfie together.

In a photo taken by Associated Press photographer Petros Giannakouris, South Korea's Lim Jonghoon \
was seen taking a selfie with North Korea's Ri Jong-sik and Kim Kum-yong.

China's Wang Chuqin and Sun Yingsha joined in, along with South Korean teammate Shin Yubin, during \
the 2024 Summer Olympics medal ceremony.

The moment played out as a high note for the games for players from the region and comes after a \
mishap at the Olympic Games just days ago that threatened to become a larger controversy before \
officials issued an apology.

Organizers at the 2024 Games said they \"deeply apologize\" for an incident in which South Korea's \
athletes were introduced as being from North Korea during Friday's opening ceremony in Paris.

Mark Adams, an IOC spokesperson, said the organization \"wholeheartedly\" apologized for the mistake. \
The organization issued a statement on the matter before media reports surfaced on the incident, \
calling it an \"operational mistake.\"
";
