//! The wire desk: every agency example reads as its file says; a story started from the wire
//! carries the agency into its byline, its photo credits and its export; a NewsML-G2 update
//! keeps the earlier text and a kill stops the story until an editor clears it; a watched
//! folder keeps flowing past hostile files, half-written files and duplicates.

use std::fs;
use std::path::{Path, PathBuf};

use newsdesk_core::package::{self, Existing};
use newsdesk_core::store::{ArticleFilter, Recorded};
use newsdesk_core::wire::{FolderReport, WireFolder};
use newsdesk_core::wire_item::{WireCopy, WireFilter, WireKind, WireStatus};
use newsdesk_core::{Error, Library};
use serde_json::Value;

use super::common::library;

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/wire")
}

fn fixture(name: &str) -> PathBuf {
    fixtures().join(name)
}

/// A JPEG with no embedded metadata at all: whatever credit it gets comes from the wire item.
fn plain_jpeg(path: &Path) {
    let pixels = image::RgbImage::from_fn(480, 320, |x, y| {
        image::Rgb([(x % 256) as u8, (y % 256) as u8, 90])
    });
    pixels
        .save_with_format(path, image::ImageFormat::Jpeg)
        .unwrap();
}

fn import_one(library: &mut Library, path: &Path) -> String {
    let reports = library.wire_import(&[path.to_path_buf()], "test").unwrap();
    assert_eq!(reports.len(), 1);
    let report = &reports[0];
    assert_eq!(report.refused, None, "{}", path.display());
    report.item_id.clone().unwrap()
}

/// Two polls: the first sees the files, the second reads those that stood still.
fn poll_twice(library: &mut Library, folder: &mut WireFolder) -> FolderReport {
    let mut report = library.wire_poll(folder).unwrap();
    let second = library.wire_poll(folder).unwrap();
    report.files.extend(second.files);
    report.failed.extend(second.failed);
    report.waiting = second.waiting;
    report
}

struct Expected {
    file: &'static str,
    format: &'static str,
    kind: WireKind,
    headline: &'static str,
    byline: &'static str,
    /// Text the Markdown body holds (every one), or "" for an item whose file has no body.
    body: &'static [&'static str],
    subjects: &'static [&'static str],
    photos: &'static [&'static str],
}

#[test]
fn every_agency_example_reads_as_its_file_says() {
    let cases = [
        Expected {
            file: "ninjs/1.4_ninjsExSimplePhoto1.json",
            format: "ninjs 1.x",
            kind: WireKind::Picture,
            headline: "Costa Concordia cruise ship",
            byline: "Paulo Santalucia",
            body: &["The Costa Concordia cruise ship lies on its side"],
            subjects: &[],
            photos: &["http://hosted.ap.org/photos/2/2643c588-dc8d-4923-bebd-e3b904edbb3a-big.jpg"],
        },
        Expected {
            file: "ninjs/1.4_ninjsExSimpleText1.json",
            format: "ninjs 1.x",
            kind: WireKind::Text,
            headline: "Captain of wrecked cruise ship on trial in Italy",
            byline: "Paulo Santalucia and Frances d'Emilio",
            body: &[
                "GROSSETO, Italy (AP) -- The trial of the captain",
                "tragedy.\n\nThe sole defendant, Francesco Schettino",
                "Schettino has denied wrongdoing.",
            ],
            subjects: &[],
            photos: &[],
        },
        Expected {
            file: "ninjs/3.0_SIPA_image_3.json",
            format: "ninjs 3.x",
            kind: WireKind::Picture,
            headline: "Italy: Italy Demonstration of the workers congresses and conferences",
            byline: "Insidefoto",
            // SIPA's example carries AP's text in its XHTML body: the item says what the file says.
            body: &["GROSSETO, Italy (AP)"],
            subjects: &[
                "News",
                "General News",
                "rome",
                "italy",
                "politics",
                "face masks",
                "covid-19",
                "man",
                "woman",
                "women",
            ],
            photos: &[
                "https://XXXXXX.amazonaws.com/sipa-20201027-153349-sipausa_31238900.jpg?AWSAccessKeyId=XXXX&Expires=1621756446&Signature=XXXX",
            ],
        },
        Expected {
            file: "ninjs/3.0_ap_image.json",
            format: "ninjs 3.x",
            kind: WireKind::Picture,
            headline: "Turkey Islamic State",
            byline: "",
            body: &["FILE - In this Monday, Nov. 11, 2019 file photo, a man identified"],
            subjects: &[
                "International News",
                "File photo",
                "Government and politics",
            ],
            photos: &[
                "http://api.ap.org/media/v/content/b2b6c3f4642f46deac7509d4db315ca0.0/download?role=main&qt=H1Kdh42orF&cid=ad53e3cd73934bbabd38e8bf9c6aff4a&ai=2cc1cee3495f548653f5d38130750408/f1a1b7afc83b4963822157483f758e62",
            ],
        },
        Expected {
            file: "ninjs/3.0_dpa_text.json",
            format: "ninjs 3.x",
            kind: WireKind::Text,
            headline: "Faktencheck Derby-Elfmeter: Hat Schiedsrichter Zwayer recht?",
            byline: "Christian Hollmann, dpa",
            body: &[
                "Für Lucien Favre war es «der größte Skandal im Fußball seit Jahren».",
                "\n\nAuf Hinweis seines Video-Assistenten",
            ],
            subjects: &[],
            photos: &[],
        },
        Expected {
            file: "ninjs/3.0_ntb_text.json",
            format: "ninjs 3.x",
            kind: WireKind::Text,
            headline: "Google har kjøpt giganttomt i Skien",
            byline: "NTB",
            body: &["IT-giganten Google har kjøpt en tomt på nærmere 2.000 mål i Skien"],
            subjects: &["Innenriks", "Teknologi", "Industri", "Olje og energi"],
            photos: &[],
        },
        Expected {
            file: "ninjs/3.0_tt_text_image_3.json",
            format: "ninjs 3.x",
            kind: WireKind::Text,
            headline: "Militärövning i jätteformat hålls 2023",
            byline: "",
            body: &[
                "Pandemin satte stopp för den stora internationella militärövningen",
                "[Sydöstran](https://www.sydostran.se/nyheter/beskedet-da-genomfors-forsvarsmaktens-jatteovning-13d95038/)",
                "> Aurora 2023 kommer att genomföras",
            ],
            subjects: &["Krig, konflikter och oroligheter"],
            photos: &[
                "https://beta.tt.se/media/text/210526-militarovning-a0f2d045/a001_NormalHires.jpg",
            ],
        },
        Expected {
            file: "newsml-g2/LISTING_1_A_NewsML-G2_News_Item.xml",
            format: "NewsML-G2",
            kind: WireKind::Text,
            headline: "Fed to halt QE to avert \"bubble\"",
            byline: "Meredith Jameson",
            // Its inlineXML holds only comments.
            body: &[],
            subjects: &["economy, business and finance", "labour market"],
            photos: &[],
        },
        Expected {
            file: "newsml-g2/LISTING_2_NewsML-G2_Text_Document.xml",
            format: "NewsML-G2",
            kind: WireKind::Text,
            headline: "Fed to halt QE to avert \"bubble\"",
            byline: "Meredith Jameson",
            body: &[
                "(New York, NY - October 21) Et, sent luptat luptat, commy",
                "faccumsan ecte modoloreet ad ex el utat.\n\nUgiating ea feugait utat",
            ],
            subjects: &[
                "economy, business and finance",
                "central bank",
                "money and monetary policy",
            ],
            photos: &[],
        },
        Expected {
            file: "newsml-g2/LISTING_3_Photo_in_NewsML-G2.xml",
            format: "NewsML-G2",
            kind: WireKind::Picture,
            headline: "Variety Of Recessionary Forces Leave Las Vegas Economy Scarred",
            byline: "Spencer Platt",
            body: &["A general view of part of downtown, including Las Vegas Boulevard"],
            subjects: &[
                "labour market",
                "unemployment",
                "Las Vegas Boulevard",
                "Las Vegas",
                "business",
                "economic",
                "economy",
                "finance",
                "poor",
                "poverty",
                "gamble",
            ],
            photos: &["./GYI0062134533.jpg"],
        },
        Expected {
            file: "newsml-g2/LISTING_26_Embedded_photo_metadata_fields_mapped_to_NewsML-G2.xml",
            format: "NewsML-G2",
            kind: WireKind::Picture,
            headline: "A firefighter walks past the remains of a military jet that crashed into homes in the University City neighborhood of San Bernardino",
            byline: "John Smith",
            body: &["A firefighter in a flameproof suit walks past the remains"],
            subjects: &["us", "military", "aviation", "crash", "fire"],
            photos: &[
                "http://www.acmenews.com/content/pictures/hires/20081208/USA-CRASH-MILITARY_001_HI.jpg",
            ],
        },
        Expected {
            file: "newsml-g2/LISTING_6_Simple_NewsML-G2_Package.xml",
            format: "NewsML-G2",
            kind: WireKind::Package,
            headline: "UK",
            byline: "",
            body: &[
                "- **Obama annonce son équipe**: Le rachat il y a deux ans",
                "- **Barack Obama arrive à Washington**: Si nous avons aujourd'hui",
            ],
            subjects: &[],
            photos: &[""],
        },
        Expected {
            file: "newsml-g2/ap_metadata_example.xml",
            format: "NewsML-G2",
            kind: WireKind::Text,
            // No headline, no slugline: the queue names it by its file.
            headline: "ap_metadata_example.xml",
            byline: "",
            body: &[],
            // Named by the item's own asserts.
            subjects: &["Kentucky", "Keegan Murray", "Volkswagen AG"],
            photos: &[],
        },
    ];
    // Every example is in the table, and only they are.
    let mut on_disk: Vec<String> = ["ninjs", "newsml-g2"]
        .iter()
        .flat_map(|dir| {
            fs::read_dir(fixtures().join(dir))
                .unwrap()
                .map(move |e| format!("{dir}/{}", e.unwrap().file_name().to_string_lossy()))
        })
        .filter(|name| name.ends_with(".json") || name.ends_with(".xml"))
        .collect();
    on_disk.sort();
    let mut listed: Vec<String> = cases.iter().map(|c| c.file.to_owned()).collect();
    listed.sort();
    assert_eq!(listed, on_disk);

    let (_dir, mut library) = library();
    for case in &cases {
        let id = import_one(&mut library, &fixture(case.file));
        let (item, _) = library.wire_item(&id).unwrap();
        let copy = &item.copy;
        let what = case.file;
        assert_eq!(copy.format, case.format, "{what}");
        assert_eq!(copy.kind, case.kind, "{what}");
        assert_eq!(copy.headline, case.headline, "{what}");
        assert_eq!(copy.byline, case.byline, "{what}");
        if case.body.is_empty() {
            assert_eq!(copy.body, "", "{what}");
        }
        for text in case.body {
            assert!(
                copy.body.contains(text),
                "{what}: {text:?} not in\n{}",
                copy.body
            );
        }
        assert_eq!(copy.subjects, case.subjects, "{what}");
        let hrefs: Vec<&str> = copy.photos.iter().map(|p| p.href.as_str()).collect();
        assert_eq!(hrefs, case.photos, "{what}");
        // Never a script or a style from an agency's HTML.
        assert!(
            !copy.body.contains("<script") && !copy.body.contains("<style"),
            "{what}"
        );
    }
    assert_eq!(
        library.wire_list(&WireFilter::default()).unwrap().len(),
        cases.len()
    );
}

#[test]
fn html_bodies_keep_structure_and_lose_scripts_and_styles() {
    let (dir, mut library) = library();
    let body = "<h2>Heading</h2><p>First <a href=\"https://example.com/a\">link</a>.</p>\
        <script>alert('x')</script><style>p{color:red}</style>\
        <ul><li>one</li><li>two</li></ul><ol><li>first</li></ol>\
        <blockquote>A quote.</blockquote><p onclick=\"steal()\">Last.</p>";
    let item = serde_json::json!({
        "uri": "urn:test:html", "type": "text", "version": "1",
        "headlines": [{"role": "main", "value": "HTML"}],
        "bodies": [{"role": "main", "contentType": "text/html", "value": body}],
    });
    let path = dir.path().join("html.json");
    fs::write(&path, item.to_string()).unwrap();
    let id = import_one(&mut library, &path);
    let markdown = library.wire_item(&id).unwrap().0.copy.body;
    for kept in [
        "## Heading",
        "[link](https://example.com/a)",
        "*   one",
        "1.  first",
        "> A quote.",
        "Last.",
    ] {
        assert!(markdown.contains(kept), "{kept:?} not in\n{markdown}");
    }
    for dropped in ["alert", "color:red", "steal", "<"] {
        assert!(!markdown.contains(dropped), "{dropped:?} in\n{markdown}");
    }
}

#[test]
fn a_story_from_the_ninjs_text_example_exports_valid_with_the_agencys_photo_credits() {
    let (dir, mut library) = library();
    // The agency's picture came beside the item, under the name its href ends with.
    let feed = dir.path().join("feed");
    fs::create_dir(&feed).unwrap();
    fs::copy(
        fixture("ninjs/3.0_tt_text_image_3.json"),
        feed.join("tt.json"),
    )
    .unwrap();
    plain_jpeg(&feed.join("a001_NormalHires.jpg"));
    let id = import_one(&mut library, &feed.join("tt.json"));
    let (item, _) = library.wire_item(&id).unwrap();
    let photo_id = item.copy.photos[0]
        .photo_id
        .clone()
        .expect("the photo beside it is in");

    let story = library.wire_start_story(&id[..8]).unwrap();
    let f = &story.fields;
    assert_eq!(f.headline, "Militärövning i jätteformat hålls 2023");
    // TT names no writer: the byline is the agency.
    assert_eq!(f.byline(), "TT");
    assert_eq!(f.keywords, ["Krig, konflikter och oroligheter"]);
    assert_eq!(f.language, "sv");
    assert_eq!(f.dateline.date, "2021-05-26");
    assert!(f.body.contains("> Aurora 2023 kommer att genomföras"));
    assert_eq!(f.lead_photo.as_ref().unwrap().photo_id, photo_id);
    let photo = library.store().photo(&photo_id).unwrap();
    assert_eq!(photo.desk.credit, "TT");
    assert_eq!(photo.desk.creator, "Karl Melander/TT");
    assert!(
        photo
            .desk
            .caption
            .starts_with("En stor internationell försvarsövning")
    );
    let origin = library.wire_origin(&story.id).unwrap().unwrap();
    assert_eq!(
        origin.guid,
        "http://tt.se/media/text/210526-militarovning-a0f2d045"
    );
    assert_eq!(origin.stop, None);

    let out = dir.path().join("out");
    package::export(
        &mut library,
        &story.id,
        &out,
        Existing::Refuse,
        &mut |_, _, _| {},
    )
    .unwrap();
    let ninjs: Value =
        serde_json::from_slice(&fs::read(out.join(package::NINJS_FILE)).unwrap()).unwrap();
    let validator = super::ninjs::validator_with_formats(false);
    let errors: Vec<String> = validator
        .iter_errors(&ninjs)
        .map(|e| e.to_string())
        .collect();
    assert_eq!(errors, Vec::<String>::new());
    assert_eq!(ninjs["by"], "TT");
    let associations = ninjs["associations"].as_array().unwrap();
    let lead = associations.iter().find(|a| a["rel"] == "lead").unwrap();
    assert_eq!(lead["infoSources"][0]["name"], "TT");
    assert_eq!(lead["by"], "Karl Melander/TT");
    let derived = associations
        .iter()
        .find(|a| a["rel"] == "irel:derivedFrom")
        .unwrap();
    assert_eq!(derived["uri"], origin.guid);
    assert_eq!(derived["version"], "1");
}

#[test]
fn story_bylines_name_the_writer_and_the_agency_once() {
    let (_dir, mut library) = library();
    for (file, byline) in [
        ("ninjs/3.0_dpa_text.json", "Christian Hollmann, dpa"),
        (
            "newsml-g2/LISTING_2_NewsML-G2_Text_Document.xml",
            "Meredith Jameson, Acme News and Media LLC",
        ),
        ("ninjs/3.0_ntb_text.json", "NTB"),
        (
            "ninjs/1.4_ninjsExSimpleText1.json",
            "Paulo Santalucia and Frances d'Emilio, ninjs.example.com",
        ),
    ] {
        let id = import_one(&mut library, &fixture(file));
        let story = library.wire_start_story(&id).unwrap();
        assert_eq!(story.fields.byline(), byline, "{file}");
    }
}

/// LISTING_2 as version `version`, its first paragraph starting with `lead`, its status `status`.
fn listing_2(version: i64, lead: &str, status: &str) -> String {
    fs::read_to_string(fixture("newsml-g2/LISTING_2_NewsML-G2_Text_Document.xml"))
        .unwrap()
        .replace("version=\"11\"", &format!("version=\"{version}\""))
        .replace("(New York, NY - October 21) Et", &format!("{lead} Et"))
        .replace(
            "<pubStatus qcode=\"stat:usable\" />",
            &format!("<pubStatus qcode=\"stat:{status}\" /><edNote>{status} notice</edNote>"),
        )
}

#[test]
fn a_newsml_update_replaces_the_item_and_a_kill_stops_its_story_until_cleared() {
    let (dir, mut library) = library();
    let feed = dir.path().join("feed");
    fs::create_dir(&feed).unwrap();
    let mut folder = WireFolder::new(&feed, "Acme").unwrap();
    fs::write(
        feed.join("fed-v11.xml"),
        listing_2(11, "FIRST TAKE", "usable"),
    )
    .unwrap();
    let report = poll_twice(&mut library, &mut folder);
    assert_eq!(report.files.len(), 1, "{report:?}");
    assert_eq!(report.files[0].recorded, Some(Recorded::New));
    let id = report.files[0].item_id.clone().unwrap();
    let story = library.wire_start_story(&id).unwrap();

    fs::write(
        feed.join("fed-v12.xml"),
        listing_2(12, "SECOND TAKE", "usable"),
    )
    .unwrap();
    let report = poll_twice(&mut library, &mut folder);
    assert_eq!(
        report.files[0].recorded,
        Some(Recorded::Updated { previous: 11 })
    );
    assert_eq!(report.files[0].item_id.as_deref(), Some(id.as_str()));
    let (item, earlier) = library.wire_item(&id).unwrap();
    assert_eq!(item.copy.version, 12);
    assert!(item.copy.body.starts_with("SECOND TAKE"));
    assert_eq!(item.earlier_versions, [11]);
    assert_eq!(earlier.len(), 1);
    assert!(
        earlier[0].copy.body.starts_with("FIRST TAKE"),
        "the earlier text is kept"
    );
    assert_eq!(library.wire_list(&WireFilter::default()).unwrap().len(), 1);
    // An update alone does not stop the story.
    assert_eq!(library.wire_origin(&story.id).unwrap().unwrap().stop, None);

    fs::write(feed.join("fed-kill.xml"), listing_2(13, "KILL", "canceled")).unwrap();
    poll_twice(&mut library, &mut folder);
    let (item, _) = library.wire_item(&id).unwrap();
    assert_eq!(item.copy.status, WireStatus::Canceled);
    let summary = &library.wire_list(&WireFilter::default()).unwrap()[0];
    assert_eq!(summary.status, WireStatus::Canceled);
    assert_eq!(summary.stories, [story.id.as_str()]);
    let stop = library
        .wire_origin(&story.id)
        .unwrap()
        .unwrap()
        .stop
        .unwrap();
    assert_eq!(stop.status, WireStatus::Canceled);
    assert_eq!(stop.note, "canceled notice");
    // The list says so (the window draws the row in red).
    let listed_stop = |library: &Library| {
        let rows = library
            .store()
            .list_articles(&ArticleFilter::default())
            .unwrap();
        rows.into_iter()
            .find(|row| row.id == story.id)
            .unwrap()
            .wire_stop
    };
    assert_eq!(listed_stop(&library), Some(WireStatus::Canceled));
    // Preflight names it, and nothing goes out.
    let out = dir.path().join("out");
    match package::export(
        &mut library,
        &story.id,
        &out,
        Existing::Refuse,
        &mut |_, _, _| {},
    ) {
        Err(Error::Preflight { problems, .. }) => {
            assert_eq!(problems.len(), 1, "{problems:?}");
            assert_eq!(problems[0].field, "wire");
            assert!(
                problems[0].message.contains("killed"),
                "{}",
                problems[0].message
            );
        }
        other => panic!("a killed story went out: {other:?}"),
    }
    assert!(!out.exists());
    // No new story starts from a killed item.
    assert_eq!(library.wire_start_story(&id).unwrap_err().kind(), "invalid");
    // An editor clears it; then it goes out.
    library.wire_clear_stop(&story.id).unwrap();
    assert_eq!(library.wire_origin(&story.id).unwrap().unwrap().stop, None);
    assert_eq!(listed_stop(&library), None);
    package::export(
        &mut library,
        &story.id,
        &out,
        Existing::Refuse,
        &mut |_, _, _| {},
    )
    .unwrap();
    assert_eq!(
        library.wire_clear_stop(&story.id).unwrap_err().kind(),
        "invalid"
    );
}

#[test]
fn a_withheld_item_stops_its_story_too() {
    let (dir, mut library) = library();
    let first = dir.path().join("v1.xml");
    fs::write(&first, listing_2(1, "TAKE", "usable")).unwrap();
    let id = import_one(&mut library, &first);
    let story = library.wire_start_story(&id).unwrap();
    let hold = dir.path().join("v2.xml");
    fs::write(&hold, listing_2(2, "TAKE", "withheld")).unwrap();
    import_one(&mut library, &hold);
    let stop = library
        .wire_origin(&story.id)
        .unwrap()
        .unwrap()
        .stop
        .unwrap();
    assert_eq!(stop.status, WireStatus::Withheld);
    let article = library.store().article(&story.id).unwrap();
    let checked = package::preflight(&library, &article).unwrap();
    assert!(
        checked
            .problems
            .iter()
            .any(|p| p.field == "wire" && p.message.contains("withheld"))
    );
}

/// A file each way a folder can be attacked or broken, and the words its reason must have.
fn hostile_files(dir: &Path) -> Vec<(&'static str, &'static str)> {
    let g2 = |inner: &str| {
        format!(
            "<?xml version=\"1.0\"?>\n{inner}\n<newsItem xmlns=\"http://iptc.org/std/nar/2006-10-01/\" \
             guid=\"urn:hostile\" version=\"1\" standard=\"NewsML-G2\" standardversion=\"2.35\">\
             <contentMeta><headline>&e;</headline></contentMeta></newsItem>"
        )
    };
    fs::write(
        dir.join("xxe.xml"),
        g2("<!DOCTYPE newsItem [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"),
    )
    .unwrap();
    let mut laughs = String::from("<!DOCTYPE newsItem [<!ENTITY l0 \"lol\">");
    for n in 1..=9 {
        let previous = format!("&l{};", n - 1).repeat(10);
        laughs.push_str(&format!("<!ENTITY l{n} \"{previous}\">"));
    }
    laughs.push_str("<!ENTITY e \"&l9;\">]>");
    fs::write(dir.join("laughs.xml"), g2(&laughs)).unwrap();
    // 100 MB, sparse: never read, so never written either.
    fs::File::create(dir.join("huge.json"))
        .unwrap()
        .set_len(100 * 1024 * 1024)
        .unwrap();
    let mut latin1 = fs::read(fixture("ninjs/3.0_dpa_text.json")).unwrap();
    latin1.extend_from_slice(b" \xfc\xdf");
    fs::write(dir.join("latin1.json"), latin1).unwrap();
    fs::write(dir.join("nesting.json"), "[".repeat(100_000)).unwrap();
    let deep = serde_json::json!({
        "uri": "urn:test:deep", "headlines": [{"role": "main", "value": "Deep"}],
        "bodies": [{"contentType": "text/html", "value": "<div>".repeat(100_000)}],
    });
    fs::write(dir.join("deep-html.json"), deep.to_string()).unwrap();
    let invalid = fs::read_to_string(fixture("newsml-g2/LISTING_2_NewsML-G2_Text_Document.xml"))
        .unwrap()
        .replace("<itemMeta>", "<itemMeta><notInTheSchema/>");
    fs::write(dir.join("invalid.xml"), invalid).unwrap();
    fs::write(dir.join("notes.txt"), "call the desk").unwrap();
    vec![
        ("xxe.xml", "DTD"),
        ("laughs.xml", "DTD"),
        ("huge.json", "104857600 bytes"),
        ("latin1.json", "not UTF-8"),
        ("nesting.json", "128 levels"),
        ("deep-html.json", "nests"),
        ("invalid.xml", "NewsML-G2 2.35 schema"),
        ("notes.txt", "neither ninjs"),
    ]
}

#[test]
fn hostile_files_are_quarantined_with_reasons_and_good_files_beside_them_ingest() {
    let (dir, mut library) = library();
    let feed = dir.path().join("feed");
    fs::create_dir(&feed).unwrap();
    let hostile = hostile_files(&feed);
    for good in [
        "ninjs/3.0_dpa_text.json",
        "newsml-g2/LISTING_3_Photo_in_NewsML-G2.xml",
    ] {
        let name = Path::new(good).file_name().unwrap();
        fs::copy(fixture(good), feed.join(name)).unwrap();
    }
    // Names an uploader writes under are never looked at.
    fs::write(feed.join("incoming.json.part"), "{").unwrap();
    fs::write(feed.join(".hidden.json"), "{").unwrap();

    let mut folder = WireFolder::new(&feed, "mixed").unwrap();
    let report = poll_twice(&mut library, &mut folder);
    assert_eq!(report.failed, Vec::<String>::new());
    for (file, words) in &hostile {
        let reason = fs::read_to_string(feed.join("quarantine").join(format!("{file}.reason.txt")))
            .unwrap_or_else(|e| panic!("{file} has no reason: {e}"));
        assert!(reason.contains(words), "{file}: {reason}");
        assert!(feed.join("quarantine").join(file).exists());
        assert!(!feed.join(file).exists());
    }
    let mut ingested: Vec<String> = fs::read_dir(feed.join("ingested"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    ingested.sort();
    assert_eq!(
        ingested,
        ["3.0_dpa_text.json", "LISTING_3_Photo_in_NewsML-G2.xml"]
    );
    let queue = library.wire_list(&WireFilter::default()).unwrap();
    assert_eq!(queue.len(), 2);
    assert!(queue.iter().all(|i| i.source == "mixed"));
    assert!(feed.join("incoming.json.part").exists() && feed.join(".hidden.json").exists());
    // Nothing of /etc/passwd went anywhere.
    assert!(queue.iter().all(|i| !i.headline.contains("root")));
}

#[test]
fn a_file_still_being_written_is_read_only_once_whole_and_a_file_dropped_twice_is_one_item() {
    let (dir, mut library) = library();
    let feed = dir.path().join("feed");
    fs::create_dir(&feed).unwrap();
    let whole = fs::read(fixture("ninjs/3.0_ntb_text.json")).unwrap();
    let half = whole.len() / 2;
    let growing = feed.join("ntb.json");
    fs::write(&growing, &whole[..half]).unwrap();
    let mut folder = WireFolder::new(&feed, "NTB").unwrap();
    let first = library.wire_poll(&mut folder).unwrap();
    assert_eq!((first.files.len(), first.waiting), (0, 1));
    // The rest arrives before the next poll: it changed, so it waits again.
    fs::write(&growing, &whole).unwrap();
    let second = library.wire_poll(&mut folder).unwrap();
    assert_eq!((second.files.len(), second.waiting), (0, 1));
    let third = library.wire_poll(&mut folder).unwrap();
    assert_eq!(third.files.len(), 1, "{third:?}");
    assert_eq!(third.files[0].recorded, Some(Recorded::New));
    assert_eq!(
        third.files[0].headline,
        "Google har kjøpt giganttomt i Skien"
    );

    // The same bytes again, under another name: one item.
    fs::write(feed.join("ntb-again.json"), &whole).unwrap();
    let again = poll_twice(&mut library, &mut folder);
    assert_eq!(again.files[0].recorded, Some(Recorded::Duplicate));
    assert_eq!(again.files[0].item_id, third.files[0].item_id);
    assert_eq!(library.wire_list(&WireFilter::default()).unwrap().len(), 1);
    // And by import too.
    let id = import_one(&mut library, &fixture("ninjs/3.0_ntb_text.json"));
    assert_eq!(Some(id), third.files[0].item_id);
}

#[test]
fn the_queue_filters_by_source_urgency_and_subject_and_searches() {
    let (_dir, mut library) = library();
    for (file, source) in [
        ("ninjs/3.0_ntb_text.json", "NTB"),
        ("ninjs/3.0_tt_text_image_3.json", "TT"),
        ("ninjs/3.0_dpa_text.json", "dpa"),
        ("ninjs/3.0_ap_image.json", "AP"),
    ] {
        library.wire_import(&[fixture(file)], source).unwrap();
    }
    let headlines = |filter: WireFilter| -> Vec<String> {
        library
            .wire_list(&filter)
            .unwrap()
            .into_iter()
            .map(|s| s.source)
            .collect()
    };
    // Newest first.
    assert_eq!(headlines(WireFilter::default()), ["AP", "dpa", "TT", "NTB"]);
    let by_source = WireFilter {
        source: Some("TT".into()),
        ..WireFilter::default()
    };
    assert_eq!(headlines(by_source), ["TT"]);
    // dpa 4, NTB 5, TT 3, AP 5.
    let urgent = WireFilter {
        urgency: Some(4),
        ..WireFilter::default()
    };
    assert_eq!(headlines(urgent), ["dpa", "TT"]);
    let subject = WireFilter {
        subject: Some("teknologi".into()),
        ..WireFilter::default()
    };
    assert_eq!(headlines(subject), ["NTB"]);
    let search = WireFilter {
        text: "schiedsrichter".into(),
        ..WireFilter::default()
    };
    let hits = library.wire_list(&search).unwrap();
    assert_eq!(hits.len(), 1);
    assert!(
        hits[0].snippet.contains("[Schiedsrichter]"),
        "{}",
        hits[0].snippet
    );
    // What an editor types is never FTS syntax.
    let syntax = WireFilter {
        text: "NEAR( body: \"".into(),
        ..WireFilter::default()
    };
    library.wire_list(&syntax).unwrap();
    assert_eq!(library.wire_sources().unwrap(), ["AP", "NTB", "TT", "dpa"]);
}

#[test]
fn a_newsml_file_in_latin_1_reads_as_its_declaration_says() {
    let (dir, mut library) = library();
    let utf8 = fs::read_to_string(fixture("newsml-g2/LISTING_2_NewsML-G2_Text_Document.xml"))
        .unwrap()
        .replace(
            "Fed to halt QE to avert \"bubble\"",
            "Fed in Zürich: Überraschung",
        );
    let latin_1 = |text: &str| -> Vec<u8> {
        text.chars()
            .map(|c| u8::try_from(u32::from(c)).unwrap())
            .collect()
    };
    let declared = dir.path().join("latin-1.xml");
    fs::write(
        &declared,
        latin_1(&utf8.replacen("encoding=\"UTF-8\"", "encoding='ISO-8859-1'", 1)),
    )
    .unwrap();
    let id = import_one(&mut library, &declared);
    assert_eq!(
        library.wire_item(&id).unwrap().0.copy.headline,
        "Fed in Zürich: Überraschung"
    );
    // The same bytes saying they are UTF-8 are refused, not read as mojibake.
    let undeclared = dir.path().join("lying.xml");
    fs::write(&undeclared, latin_1(&utf8)).unwrap();
    let reports = library.wire_import(&[undeclared], "test").unwrap();
    let refused = reports[0].refused.as_deref().unwrap_or_default();
    assert!(refused.contains("not UTF-8"), "{refused:?}");
}

#[test]
fn a_word_on_most_of_the_wire_ranks_only_the_newest_items() {
    let (_dir, mut library) = library();
    let item = |n: usize, headline: &str, body: &str| {
        let copy = WireCopy {
            format: "ninjs 3.x".into(),
            guid: format!("urn:test:harbour:{n}"),
            version: 1,
            headline: headline.into(),
            body: body.into(),
            ..WireCopy::default()
        };
        (copy, format!("{n:064x}"))
    };
    // The best match by its words is the oldest item, from another source.
    library
        .store_mut()
        .record_wire_items(
            "archive",
            &[item(0, "Harbour harbour harbour", "The harbour.")],
        )
        .unwrap();
    let newer: Vec<_> = (1..=2_100)
        .map(|n| {
            item(
                n,
                &format!("Story {n}"),
                &format!("Boats in the harbour, day {n}."),
            )
        })
        .collect();
    library.store_mut().record_wire_items("AP", &newer).unwrap();
    let find = |source: Option<&str>| -> Vec<String> {
        let filter = WireFilter {
            text: "harbour".into(),
            source: source.map(str::to_owned),
            ..WireFilter::default()
        };
        let hits = library.wire_list(&filter).unwrap();
        hits.into_iter().map(|hit| hit.headline).collect()
    };
    let hits = find(None);
    assert_eq!(hits.len(), 50);
    assert!(
        !hits.iter().any(|h| h.starts_with("Harbour")),
        "more than 2,000 matches: only the newest 2,000 are ranked"
    );
    // Filters apply before the cut: narrowed to its source, the old item is found.
    assert_eq!(find(Some("archive")), ["Harbour harbour harbour"]);
}

#[test]
fn an_agency_photo_file_is_a_picture_item_with_its_embedded_credit() {
    let (_dir, mut library) = library();
    let id = import_one(&mut library, &super::common::wire("getty.jpg"));
    let (item, _) = library.wire_item(&id).unwrap();
    assert_eq!(item.copy.kind, WireKind::Picture);
    assert_eq!(item.copy.format, "photo");
    let photo_id = item.copy.photos[0].photo_id.clone().unwrap();
    let photo = library.store().photo(&photo_id).unwrap();
    assert_eq!(item.copy.photos[0].credit, photo.desk.credit);
    assert!(!photo.desk.credit.is_empty());
    let story = library.wire_start_story(&id).unwrap();
    assert_eq!(story.fields.lead_photo.unwrap().photo_id, photo_id);
}
