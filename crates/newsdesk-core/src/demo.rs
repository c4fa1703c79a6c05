//! The demo library: a handful of realistic articles across sections and statuses, each with a
//! history of several saves, so a new user sees real content at once.
//!
//! The stories are data in this file (not read from `shared/`) so the binary works anywhere.
//! Ids are fixed: running the demo twice adds nothing the second time.

use serde::Serialize;

use crate::article::Correction;
use crate::store::{RevisionKind, SaveKind, Store};
use crate::{ArticleFields, Author, Dateline, Error, RelatedStory, Result, Status};

/// What a demo run did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct DemoReport {
    /// Ids of the articles written by this run.
    pub created: Vec<String>,
    /// Demo articles that were already in the library and left as they are.
    pub already_there: usize,
}

/// Ids of every demo article, in the order they are written.
pub fn article_ids() -> Vec<&'static str> {
    stories().iter().map(|s| s.id).collect()
}

/// The id of the sports-diplomacy story (the sample text of the project).
pub const SPORTS_DIPLOMACY_ID: &str = "bdfa652f-9423-4d96-ad2d-349778a31009";

/// Writes every demo article that is not in the library yet.
pub fn fill(store: &mut Store) -> Result<DemoReport> {
    let mut report = DemoReport::default();
    for story in stories() {
        match store.article(story.id) {
            Ok(_) => report.already_there += 1,
            Err(Error::NotFound { .. }) => {
                write_story(store, &story)?;
                report.created.push(story.id.to_owned());
            }
            Err(other) => return Err(other),
        }
    }
    Ok(report)
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
            id: "320eef17-ce98-4866-82db-1e34b11ab786",
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
            id: "1c4af797-b93a-47d2-ac78-5001aa3aa804",
            status: Status::Draft,
            fields: ArticleFields {
                slugline: "startup-batteries".into(),
                kicker: "Business".into(),
                section: "Business".into(),
                headline: "Local startup bets on sodium batteries for home storage".into(),
                dek: "Voltaro says its cells cost a third less than lithium ones; investors are cautious.".into(),
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
            id: "37faf2bd-360e-455d-9cf4-fef67d859605",
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
