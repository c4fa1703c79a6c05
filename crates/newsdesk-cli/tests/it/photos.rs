//! `newsdesk photo ...` and `attach` as a script sees them.

use std::path::Path;
use std::process::Command;

use super::common::{json, newsdesk, wire};

#[test]
fn import_edit_crop_render_and_attach_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let lib = dir.path().join("lib");

    let files = [
        wire("pa.jpg"),
        wire("thisisnotanimage.jpg"),
        wire("rubbish.jpg"),
    ];
    let mut args = vec!["--json", "photo", "import"];
    args.extend(files.iter().map(String::as_str));
    let (code, stdout, stderr) = newsdesk(&lib, &args);
    assert_eq!(code, 1, "a refused file makes the batch fail: {stderr}");
    let summary = json(&stdout);
    assert_eq!(
        (summary["imported"].as_u64(), summary["duplicates"].as_u64()),
        (Some(2), Some(0))
    );
    let reason = summary["refused"][0]["reason"].as_str().unwrap();
    assert!(
        reason.contains("thisisnotanimage.jpg") && reason.contains("empty"),
        "{reason}"
    );
    assert_eq!(
        stderr.lines().filter(|l| l.starts_with('[')).count(),
        3,
        "one progress line per file: {stderr}"
    );
    let (code, _, _) = newsdesk(&lib, &["photo", "import", &wire("pa.jpg")]);
    assert_eq!(code, 0, "the same file again is no error");

    let (_, listed, _) = newsdesk(&lib, &["--json", "photo", "list"]);
    let photos = json(&listed);
    let rubbish = photos
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["source_name"] == "rubbish.jpg")
        .unwrap();
    let id = rubbish["id"].as_str().unwrap().to_owned();
    let short = &id[..10];

    let (code, edited, stderr) = newsdesk(
        &lib,
        &[
            "--json",
            "photo",
            "edit",
            short,
            "--credit",
            "Zoë Ångström/Staff",
            "--alt",
            "A street",
        ],
    );
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(json(&edited)["desk"]["credit"], "Zoë Ångström/Staff");

    let (code, cropped, stderr) = newsdesk(
        &lib,
        &[
            "--json", "photo", "crop", short, "lead", "--aspect", "16:9", "--focal", "0.5,0",
        ],
    );
    assert_eq!(code, 0, "{stderr}");
    let crop = &json(&cropped)["crops"][0];
    assert_eq!(
        (
            crop["y"].as_u64(),
            crop["width"].as_u64(),
            crop["height"].as_u64()
        ),
        (Some(0), Some(564), Some(317))
    );
    let (code, _, stderr) = newsdesk(
        &lib,
        &[
            "--json",
            "photo",
            "crop",
            short,
            "bad",
            "--aspect",
            "1:1",
            "--rect",
            "0,0,100,50",
        ],
    );
    assert_eq!(code, 1);
    assert_eq!(json(stderr.trim())["kind"], "invalid");

    let out = dir.path().join("out");
    let (code, rendered, stderr) = newsdesk(
        &lib,
        &[
            "--json",
            "photo",
            "render",
            short,
            "--crop",
            "lead",
            "--widths",
            "320,160",
            "--out",
            out.to_str().unwrap(),
        ],
    );
    assert_eq!(code, 0, "{stderr}");
    let renditions = json(&rendered);
    assert_eq!(renditions.as_array().unwrap().len(), 2);
    let first = Path::new(renditions[0]["path"].as_str().unwrap());
    assert!(first.starts_with(&out));
    let tags = Command::new("exiftool")
        .args(["-j", "-IPTC:Credit"])
        .arg(first)
        .output()
        .unwrap();
    assert_eq!(
        json(&String::from_utf8(tags.stdout).unwrap())[0]["Credit"],
        "Zoë Ångström/Staff"
    );

    let (_, created, _) = newsdesk(&lib, &["--json", "new", "--headline", "Street life"]);
    let article = json(&created)["id"].as_str().unwrap().to_owned();
    let (code, attached, stderr) = newsdesk(
        &lib,
        &[
            "--json",
            "attach",
            &article,
            short,
            "--crop",
            "lead",
            "--lead",
            "--base-version",
            "1",
        ],
    );
    assert_eq!(code, 0, "{stderr}");
    let attached = json(&attached);
    assert_eq!(attached["version"], 2);
    assert_eq!(attached["lead_photo"]["photo_id"], id.as_str());
    let (code, _, stderr) = newsdesk(
        &lib,
        &[
            "--json",
            "attach",
            &article,
            short,
            "--inline",
            "--base-version",
            "1",
        ],
    );
    assert_eq!(code, 1);
    assert_eq!(json(stderr.trim())["kind"], "conflict");
}
