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

/// PNG's CRC-32.
fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = 0xFFFF_FFFFu32;
    for &b in bytes {
        crc ^= b as u32;
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

/// A transparent black RGBA PNG of `side` x `side` pixels: all of its image data is zero
/// bytes, written as one deflate block of back-references (fixed Huffman codes), so a
/// 100-megapixel picture takes about 2.5 MB on disk and 400 MB once decoded.
fn png_bomb(side: u32) -> Vec<u8> {
    struct Bits {
        out: Vec<u8>,
        acc: u64,
        n: u32,
    }
    impl Bits {
        fn put(&mut self, value: u32, count: u32) {
            self.acc |= (value as u64) << self.n;
            self.n += count;
            while self.n >= 8 {
                self.out.push(self.acc as u8);
                self.acc >>= 8;
                self.n -= 8;
            }
        }
        /// Huffman codes go most significant bit first.
        fn code(&mut self, code: u32, len: u32) {
            for i in (0..len).rev() {
                self.put((code >> i) & 1, 1);
            }
        }
    }
    let raw = (side as u64) * (1 + 4 * side as u64); // a filter byte per row, then RGBA
    let mut bits = Bits {
        out: vec![0x78, 0x01],
        acc: 0,
        n: 0,
    };
    bits.put(1, 1); // final block
    bits.put(1, 2); // fixed Huffman codes
    bits.code(0b0011_0000, 8); // literal 0
    let mut left = raw - 1;
    while left >= 258 {
        bits.code(0b1100_0101, 8); // length 258 (code 285)
        bits.code(0, 5); // distance 1
        left -= 258;
    }
    for _ in 0..left {
        bits.code(0b0011_0000, 8);
    }
    bits.code(0, 7); // end of block
    if bits.n > 0 {
        bits.put(0, 8 - bits.n);
    }
    let mut zlib = bits.out;
    // Adler-32 of zero bytes: a stays 1, b adds 1 per byte.
    let adler = (((raw % 65521) as u32) << 16) | 1;
    zlib.extend_from_slice(&adler.to_be_bytes());

    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    let mut ihdr = side.to_be_bytes().to_vec();
    ihdr.extend_from_slice(&side.to_be_bytes());
    ihdr.extend_from_slice(&[8, 6, 0, 0, 0]); // 8-bit RGBA
    for (kind, data) in [
        (&b"IHDR"[..], &ihdr[..]),
        (b"IDAT", &zlib[..]),
        (b"IEND", &[]),
    ] {
        let mut chunk = kind.to_vec();
        chunk.extend_from_slice(data);
        png.extend_from_slice(&(data.len() as u32).to_be_bytes());
        png.extend_from_slice(&chunk);
        png.extend_from_slice(&crc32(&chunk).to_be_bytes());
    }
    png
}

/// The largest resident set (bytes) of any child this test process has waited for.
#[allow(unsafe_code)] // getrusage through libc: the one measurement std does not offer.
fn children_peak_rss() -> u64 {
    let mut usage = std::mem::MaybeUninit::<libc::rusage>::zeroed();
    // SAFETY: getrusage fills the struct it is given.
    let usage = unsafe {
        assert_eq!(
            libc::getrusage(libc::RUSAGE_CHILDREN, usage.as_mut_ptr()),
            0
        );
        usage.assume_init()
    };
    usage.ru_maxrss as u64 * 1024
}

/// Four 100-megapixel PNG bombs in one batch: one budget of decoded pixels across the batch
/// means they decode one after another, so the import peaks near one decode, not one per core.
/// A memory bound with a wide margin (one decode is 400 MB of RGBA, then 300 MB of RGB), not a
/// timing.
#[test]
fn defect_6_a_batch_of_png_bombs_decodes_within_one_pixel_budget() {
    let dir = tempfile::tempdir().unwrap();
    let lib = dir.path().join("lib");
    let bomb = png_bomb(10_000);
    let files: Vec<String> = (0..4)
        .map(|i| {
            let path = dir.path().join(format!("bomb-{i}.png"));
            std::fs::write(&path, &bomb).unwrap();
            path.to_str().unwrap().to_owned()
        })
        .collect();
    let mut args = vec!["--json", "photo", "import"];
    args.extend(files.iter().map(String::as_str));
    let (code, stdout, stderr) = newsdesk(&lib, &args);
    assert_eq!(code, 0, "{stderr}");
    let summary = json(&stdout);
    assert_eq!(
        (summary["imported"].as_u64(), summary["duplicates"].as_u64()),
        (Some(1), Some(3)),
        "{stdout}"
    );
    assert_eq!(summary["photos"][0]["width"], 10_000);
    let peak = children_peak_rss();
    let one_decode = 10_000u64 * 10_000 * (4 + 3);
    assert!(
        peak < one_decode * 3 / 2,
        "the import peaked at {} MB",
        peak / (1024 * 1024)
    );
}

/// A JPEG whose IIM credit and caption carry terminal escape sequences (craft the APP13 by
/// hand, as an agency system would send it).
fn jpeg_with_hostile_iim(dir: &Path) -> String {
    let mut iim = Vec::new();
    for (number, value) in [
        (110u8, &b"AFP\x1b[2J\x1b]0;owned\x07 Photo"[..]),
        (120, b"Caption\x1b[31m red\x9b1m\r\nnext"),
        (80, b"Ann\x08\x08\x08Bob"),
    ] {
        iim.extend_from_slice(&[0x1C, 2, number]);
        iim.extend_from_slice(&(value.len() as u16).to_be_bytes());
        iim.extend_from_slice(value);
    }
    let mut body = b"Photoshop 3.0\08BIM\x04\x04\0\0".to_vec();
    body.extend_from_slice(&(iim.len() as u32).to_be_bytes());
    body.extend_from_slice(&iim);
    if body.len() % 2 == 1 {
        body.push(0);
    }
    let base = std::fs::read(wire("rubbish.jpg")).unwrap();
    let mut jpeg = base[..2].to_vec();
    jpeg.extend_from_slice(&[0xFF, 0xED]);
    jpeg.extend_from_slice(&((body.len() + 2) as u16).to_be_bytes());
    jpeg.extend_from_slice(&body);
    jpeg.extend_from_slice(&base[2..]);
    let path = dir.join("agency\x1b[1m.jpg");
    std::fs::write(&path, jpeg).unwrap();
    path.to_str().unwrap().to_owned()
}

fn control_characters(text: &str) -> Vec<char> {
    text.chars()
        .filter(|&c| c.is_control() && c != '\n')
        .collect()
}

#[test]
fn defect_9_photo_list_and_show_never_print_control_characters_from_data() {
    let dir = tempfile::tempdir().unwrap();
    let lib = dir.path().join("lib");
    let file = jpeg_with_hostile_iim(dir.path());
    let (code, stdout, stderr) = newsdesk(&lib, &["photo", "import", &file]);
    assert_eq!(code, 0, "{stderr}");
    for (name, text) in [("import stdout", &stdout), ("import stderr", &stderr)] {
        assert!(control_characters(text).is_empty(), "{name}: {text:?}");
    }
    let (_, listed, _) = newsdesk(&lib, &["--json", "photo", "list"]);
    let id = json(&listed)[0]["id"].as_str().unwrap().to_owned();
    let (_, shown, _) = newsdesk(&lib, &["--json", "photo", "show", &id]);
    assert!(
        json(&shown)["embedded"]["credit"]
            .as_str()
            .unwrap()
            .contains('\u{1b}'),
        "--json keeps the data, escaped by JSON"
    );
    for args in [vec!["photo", "list"], vec!["photo", "show", &id[..8]]] {
        let (code, stdout, stderr) = newsdesk(&lib, &args);
        assert_eq!(code, 0, "{args:?}: {stderr}");
        assert!(
            control_characters(&stdout).is_empty(),
            "{args:?}: {stdout:?}"
        );
        assert!(
            control_characters(&stderr).is_empty(),
            "{args:?}: {stderr:?}"
        );
        assert!(
            stdout.contains("agency\\u{1b}[1m.jpg"),
            "{args:?}: the escape is shown, visibly: {stdout}"
        );
    }
    let (_, shown, _) = newsdesk(&lib, &["photo", "show", &id]);
    assert!(
        shown.contains("AFP\\u{1b}[2J\\u{1b}]0;owned\\u{7} Photo"),
        "the embedded credit, visibly: {shown}"
    );
    let (code, _, stderr) = newsdesk(&lib, &["photo", "show", "zz\x1b[2J"]);
    assert_eq!(code, 1);
    assert!(control_characters(&stderr).is_empty(), "{stderr:?}");
}

#[test]
fn defect_13a_photo_edit_and_crop_take_a_base_version() {
    let dir = tempfile::tempdir().unwrap();
    let lib = dir.path().join("lib");
    let (code, _, stderr) = newsdesk(&lib, &["photo", "import", &wire("rubbish.jpg")]);
    assert_eq!(code, 0, "{stderr}");
    let (_, listed, _) = newsdesk(&lib, &["--json", "photo", "list"]);
    let photo = &json(&listed)[0];
    assert_eq!(photo["version"], 1);
    let id = photo["id"].as_str().unwrap().to_owned();

    let (code, edited, stderr) = newsdesk(
        &lib,
        &[
            "--json",
            "photo",
            "edit",
            &id,
            "--credit",
            "Window",
            "--base-version",
            "1",
        ],
    );
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(json(&edited)["version"], 2);
    for args in [
        vec![
            "--json",
            "photo",
            "edit",
            &id,
            "--credit",
            "CLI",
            "--base-version",
            "1",
        ],
        vec![
            "--json",
            "photo",
            "crop",
            &id,
            "lead",
            "--aspect",
            "1:1",
            "--base-version",
            "1",
        ],
        vec![
            "--json",
            "photo",
            "crop",
            &id,
            "lead",
            "--focal",
            "0.5,0.5",
            "--base-version",
            "1",
        ],
    ] {
        let (code, _, stderr) = newsdesk(&lib, &args);
        assert_eq!(code, 1, "{args:?}");
        let report = json(stderr.trim());
        assert_eq!(report["kind"], "conflict", "{args:?}");
        let message = report["message"].as_str().unwrap();
        assert!(
            message.contains("version 1") && message.contains("version 2"),
            "{message}"
        );
    }
    let (_, shown, _) = newsdesk(&lib, &["--json", "photo", "show", &id]);
    assert_eq!(
        (
            json(&shown)["desk"]["credit"].as_str(),
            json(&shown)["version"].as_i64()
        ),
        (Some("Window"), Some(2))
    );
    // Without --base-version the change applies to the version there is now.
    let (code, cropped, stderr) = newsdesk(
        &lib,
        &[
            "--json", "photo", "crop", &id, "lead", "--aspect", "1:1", "--focal", "0.5,0.5",
        ],
    );
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(
        json(&cropped)["version"],
        4,
        "the focal point and the crop are two changes"
    );
}

#[test]
fn delete_crop_is_refused_while_a_story_uses_it() {
    let dir = tempfile::tempdir().unwrap();
    let lib = dir.path().join("lib");
    let (code, _, stderr) = newsdesk(&lib, &["photo", "import", &wire("getty.jpg")]);
    assert_eq!(code, 0, "{stderr}");
    let (_, listed, _) = newsdesk(&lib, &["--json", "photo", "list"]);
    let id = json(&listed)[0]["id"].as_str().unwrap().to_owned();
    for crop in ["wide", "square"] {
        let (code, _, stderr) = newsdesk(&lib, &["photo", "crop", &id, crop]);
        assert_eq!(code, 0, "{stderr}");
    }
    let body = format!("![](photo:{id}/wide)");
    let (code, _, stderr) = newsdesk(&lib, &["new", "--headline", "Downhill", "--body", &body]);
    assert_eq!(code, 0, "{stderr}");

    let (code, _, stderr) = newsdesk(&lib, &["--json", "photo", "delete-crop", &id, "wide"]);
    assert_eq!(code, 1);
    let report = json(stderr.trim());
    assert_eq!(report["kind"], "invalid");
    assert!(
        report["message"]
            .as_str()
            .unwrap()
            .contains("\u{201c}Downhill\u{201d}"),
        "{report}"
    );
    let (code, deleted, stderr) =
        newsdesk(&lib, &["--json", "photo", "delete-crop", &id, "square"]);
    assert_eq!(code, 0, "{stderr}");
    let deleted = json(&deleted);
    let names: Vec<&str> = deleted["crops"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["wide"]);
}
