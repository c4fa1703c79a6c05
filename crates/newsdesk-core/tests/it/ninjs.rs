//! ninjs 3.1 against the IPTC's own schema. The validator is first shown to accept the IPTC's
//! examples and to follow its test suite (pass what should pass, reject what should fail);
//! only then is it trusted with what Newsdesk writes.

use std::fs;
use std::path::{Path, PathBuf};

use serde_json::{Value, json};

use super::common::library;
use super::package::{export, illustrated_article, text_article};

fn ninjs_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/standards/ninjs")
}

fn read_json(path: &Path) -> Value {
    serde_json::from_slice(&fs::read(path).unwrap())
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The official schema, offline: its one remote reference (GeoJSON, for place geometry, which
/// Newsdesk never writes) is registered as a permissive local schema instead of fetched.
/// `format` is an annotation in draft 2020-12 unless asked for: a package's `href`s are
/// relative to the package (as in the IPTC's own example 002), which `format: uri` refuses.
pub fn validator_with_formats(formats: bool) -> jsonschema::Validator {
    let schema = read_json(&ninjs_dir().join("ninjs-schema_3.1.json"));
    let registry = jsonschema::Registry::new()
        .add("https://geojson.org/schema/GeoJSON.json", json!({}))
        .unwrap()
        .prepare()
        .unwrap();
    jsonschema::options()
        .with_registry(&registry)
        .should_validate_formats(formats)
        .build(&schema)
        .expect("the ninjs 3.1 schema compiles")
}

fn validator() -> jsonschema::Validator {
    validator_with_formats(false)
}

fn errors(validator: &jsonschema::Validator, instance: &Value) -> Vec<String> {
    validator
        .iter_errors(instance)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect()
}

fn json_files(dir: &str) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = fs::read_dir(ninjs_dir().join(dir))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no examples in {dir}");
    files
}

#[test]
fn the_validator_accepts_every_iptc_example() {
    let validator = validator();
    let files = json_files("examples-3.1");
    assert_eq!(files.len(), 8);
    let strict = validator_with_formats(true);
    for file in files {
        let example = read_json(&file);
        assert_eq!(
            errors(&validator, &example),
            Vec::<String>::new(),
            "{}",
            file.display()
        );
        // With `format` enforced only 002 fails, on its relative uri, as the IPTC notes say.
        let relative_uri = file.ends_with("002_renditions_example.json");
        assert_eq!(
            strict.is_valid(&example),
            !relative_uri,
            "{}",
            file.display()
        );
    }
}

#[test]
fn the_validator_follows_the_iptc_test_suite() {
    let validator = validator();
    for file in json_files("test-suite-3.1/should_pass") {
        assert_eq!(
            errors(&validator, &read_json(&file)),
            Vec::<String>::new(),
            "{}",
            file.display()
        );
    }
    for file in json_files("test-suite-3.1/should_fail") {
        assert!(
            !validator.is_valid(&read_json(&file)),
            "{} should fail",
            file.display()
        );
    }
    // And what Newsdesk could get wrong is caught: a missing uri, a misspelt property, a
    // pubStatus outside the vocabulary.
    for bad in [
        json!({"headlines": [{"value": "no uri"}]}),
        json!({"uri": "urn:x", "headline": "singular is not ninjs"}),
        json!({"uri": "urn:x", "pubStatus": "published"}),
        json!({"uri": "urn:x", "associations": [{"name": "lead"}]}),
    ] {
        assert!(!validator.is_valid(&bad), "{bad} should fail");
    }
}

fn exported_ninjs(illustrated: bool) -> (newsdesk_core::Article, Value) {
    let (dir, mut library) = library();
    let article = if illustrated {
        illustrated_article(&mut library)
    } else {
        text_article(&mut library)
    };
    export(&mut library, &article.id, &dir.path().join("pkg")).unwrap();
    (
        article,
        read_json(&dir.path().join("pkg/article.ninjs.json")),
    )
}

#[test]
fn what_newsdesk_writes_is_valid_ninjs() {
    let validator = validator();
    for illustrated in [false, true] {
        let (_, ninjs) = exported_ninjs(illustrated);
        assert_eq!(
            errors(&validator, &ninjs),
            Vec::<String>::new(),
            "{ninjs:#}"
        );
    }
}

#[test]
fn the_ninjs_carries_the_article_and_its_photos() {
    let (article, ninjs) = exported_ninjs(true);
    let f = &article.fields;
    let updated = article
        .updated_at
        .format(&time::format_description::well_known::Rfc3339)
        .unwrap();
    for (pointer, expected) in [
        (
            "/uri",
            json!(format!("urn:newsdesk:article:{}", article.id)),
        ),
        ("/version", json!("1")),
        ("/versionCreated", json!(updated)),
        ("/pubStatus", json!("usable")),
        ("/language", json!("en")),
        ("/slugline", json!("harbour-fire")),
        ("/headlines/0/value", json!(f.headline)),
        ("/descriptions/0/value", json!(f.dek)),
        ("/by", json!("Ana Lima")),
        ("/located", json!("PORTO")),
        ("/subjects/1/name", json!("harbour")),
        ("/edNote", json!(f.editors_note)),
        ("/bodies/0/contentType", json!("text/html")),
        ("/bodies/0/wordCount", json!(11)),
        ("/associations/0/name", json!("lead")),
        (
            "/associations/0/uri",
            json!(format!(
                "urn:newsdesk:photo:{}:wide",
                f.lead_photo.as_ref().unwrap().photo_id
            )),
        ),
        (
            "/associations/0/infoSources/0/name",
            json!("Agency/Photographer"),
        ),
        ("/associations/0/copyrightHolder", json!("Agency Ltd")),
        ("/associations/0/usageTerms", json!("Editorial use only")),
        (
            "/associations/0/renditions/0/contentType",
            json!("image/jpeg"),
        ),
        ("/associations/0/renditions/0/width", json!(564)),
        ("/associations/0/renditions/0/height", json!(400)),
        ("/associations/1/name", json!("inline-1")),
        (
            "/associations/1/descriptions/1/value",
            json!("What getty.jpg shows"),
        ),
    ] {
        assert_eq!(
            ninjs.pointer(pointer),
            Some(&expected),
            "{pointer} in {ninjs:#}"
        );
    }
    assert!(ninjs.get("embargoedUntil").is_none());
    let body = ninjs["bodies"][0]["value"].as_str().unwrap();
    assert!(
        body.contains("<figure") && body.contains("renditions/"),
        "{body}"
    );
    for association in ninjs["associations"].as_array().unwrap() {
        for rendition in association["renditions"].as_array().unwrap() {
            assert!(
                rendition["href"]
                    .as_str()
                    .unwrap()
                    .starts_with("renditions/"),
                "{rendition}"
            );
        }
    }
}
