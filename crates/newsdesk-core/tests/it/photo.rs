//! The photo desk: real agency files come in with their embedded credits, bad files are
//! refused with a reason and leave nothing behind, crops are checked, and renditions carry the
//! desk's record in a form exiftool (the independent reader) reads back exactly.

use std::path::{Path, PathBuf};
use std::process::Command;

use newsdesk_core::photo::{self, Aspect, DeskEdit, Rect};
use newsdesk_core::{Error, Library};

use super::common::{library, wire};

fn import(library: &mut Library, name: &str) -> photo::Photo {
    photo::import_file(library, &wire(name))
        .unwrap_or_else(|e| panic!("{name}: {e}"))
        .photo
}

/// `exiftool -j` of a file, as the one JSON object it prints.
fn exiftool(path: &Path, args: &[&str]) -> serde_json::Value {
    let out = Command::new("exiftool")
        .args(["-j", "-G1"])
        .args(args)
        .arg(path)
        .output()
        .expect("exiftool runs");
    assert!(
        out.status.success(),
        "exiftool failed on {}: {}",
        path.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    let mut all: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
    all.remove(0)
}

enum Expect {
    Is(&'static str),
    StartsWith(&'static str),
    Contains(&'static str),
    Absent,
}

/// The table of shared/fixtures/photos/wire/README.md, plus the dimensions as displayed.
#[test]
fn every_wire_fixture_comes_in_with_the_readme_values() {
    use Expect::*;
    type Row = (&'static str, (u32, u32), &'static [(&'static str, Expect)]);
    let table: &[Row] = &[
        (
            "getty.jpg",
            (100, 60),
            &[
                ("creator", Is("CHRISTOF STACHE")),
                ("credit", Is("AFP/Getty Images")),
                ("source", Is("AFP")),
                ("copyright", Is("CHRISTOF STACHE")),
                ("caption", StartsWith("Austria's Matthias Mayer attends")),
            ],
        ),
        (
            "pa.jpg",
            (38, 50),
            &[
                ("creator", Is("Martin Rickett")),
                ("credit", Is("PA")),
                ("source", Is("PA")),
                ("copyright", Is("PA Wire")),
                (
                    "caption",
                    Contains("Photo credit should read Martin Rickett/PA Wire"),
                ),
            ],
        ),
        (
            "corbis.jpg",
            (50, 35),
            &[
                ("creator", Is("Mike Cardew")),
                ("credit", Is("© Mike Cardew/ZUMA Press/Corbis")),
                ("copyright", Is("© Corbis.  All Rights Reserved.")),
                (
                    "special_instructions",
                    Is("For latest restrictions check www.corbisimages.com"),
                ),
            ],
        ),
        (
            "guardian-turner.jpg",
            (50, 33),
            &[("creator", Is("Graham Turner"))],
        ),
        (
            "cech.jpg",
            (8, 8),
            &[
                ("creator", Is("Phil Cole")),
                ("credit", Is("Getty Images")),
                ("city", Is("London")),
                ("headline", StartsWith("Petr Cech Retiring")),
            ],
        ),
        (
            "longXMP.jpg",
            (2, 2),
            &[("credit", StartsWith("Lorem ipsum dolor sit amet"))],
        ),
        (
            "longdescription.png",
            (2, 2),
            &[("caption", StartsWith("Lorem ipsum dolor sit amet"))],
        ),
        (
            "cmyk.jpg",
            (5, 4),
            &[
                ("creator", Is("Christopher Furlong")),
                ("credit", Is("Getty Images")),
            ],
        ),
        (
            "rgb-with-cmyk-profile.jpg",
            (5, 3),
            &[
                ("creator", Is("PAT HEALY")),
                ("credit", Is("RACINGFOTOS.COM")),
            ],
        ),
        (
            "rgb-with-rgb-profile.jpg",
            (5, 3),
            &[
                ("creator", Is("PAT HEALY")),
                ("credit", Is("RACINGFOTOS.COM")),
            ],
        ),
        (
            "rgb-wo-profile.jpg",
            (5, 3),
            &[
                ("creator", Is("PAT HEALY")),
                ("credit", Is("RACINGFOTOS.COM")),
            ],
        ),
        (
            "grayscale-with-profile.jpg",
            (5, 4),
            &[("creator", Absent), ("credit", Absent)],
        ),
        (
            "grayscale-wo-profile.jpg",
            (5, 4),
            &[("creator", Absent), ("credit", Absent), ("caption", Absent)],
        ),
        (
            "exif-orientated.jpg",
            (2304, 3456),
            &[
                ("creator", Absent),
                ("date_created", Is("2015-04-23T19:12:34")),
            ],
        ),
        (
            "exif-orientated-no-rotation.jpg",
            (3456, 2304),
            &[("creator", Absent)],
        ),
        (
            "rubbish.jpg",
            (564, 800),
            &[("creator", Absent), ("credit", Absent), ("caption", Absent)],
        ),
    ];
    let (_dir, mut library) = library();
    for (file, (width, height), expected) in table {
        let photo = import(&mut library, file);
        assert_eq!(
            (photo.width, photo.height),
            (*width, *height),
            "{file}: size as displayed"
        );
        let embedded = serde_json::to_value(&photo.embedded).unwrap();
        for (field, expect) in *expected {
            let value = embedded[field].as_str();
            let ok = match (expect, value) {
                (Is(want), Some(v)) => v == *want,
                (StartsWith(want), Some(v)) => v.starts_with(want),
                (Contains(want), Some(v)) => v.contains(want),
                (Absent, None) => true,
                _ => false,
            };
            assert!(ok, "{file}: {field} is {value:?}");
        }
        // The desk starts from what the file said, shortened past the limit (longXMP.jpg).
        let embedded = photo.embedded.credit.as_deref().unwrap_or("");
        match photo.desk.credit.strip_suffix('…') {
            Some(start) if embedded.len() > newsdesk_core::store::MAX_DESK_FIELD_BYTES => {
                assert!(embedded.starts_with(start), "{file}")
            }
            _ => assert_eq!(photo.desk.credit, embedded, "{file}"),
        }
    }
    assert_eq!(library.store().list_photos().unwrap().len(), table.len());
}

#[test]
fn the_same_file_twice_is_one_photo_and_the_original_is_kept_untouched() {
    let (_dir, mut library) = library();
    let first = photo::import_file(&mut library, &wire("getty.jpg")).unwrap();
    let again = photo::import_file(&mut library, &wire("getty.jpg")).unwrap();
    assert!(!first.duplicate);
    assert!(again.duplicate);
    assert_eq!(first.photo.id, again.photo.id);
    assert_eq!(library.store().list_photos().unwrap().len(), 1);
    let kept = std::fs::read(library.root().join(&first.photo.original)).unwrap();
    assert_eq!(kept, std::fs::read(wire("getty.jpg")).unwrap());
    assert_eq!(first.photo.id, first.photo.sha256);
    assert_eq!(first.photo.byte_size, kept.len() as u64);
}

/// A CRC-32 (PNG's) so the test can forge a PNG header that decoders accept.
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

fn png_declaring(width: u32, height: u32) -> Vec<u8> {
    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    let mut ihdr = b"IHDR".to_vec();
    ihdr.extend_from_slice(&width.to_be_bytes());
    ihdr.extend_from_slice(&height.to_be_bytes());
    ihdr.extend_from_slice(&[8, 2, 0, 0, 0]); // 8-bit RGB
    png.extend_from_slice(&13u32.to_be_bytes());
    png.extend_from_slice(&ihdr);
    png.extend_from_slice(&crc32(&ihdr).to_be_bytes());
    // A tiny IDAT (an empty zlib stream) and IEND: the header is all a bomb needs.
    for (kind, data) in [
        (
            &b"IDAT"[..],
            &[0x78u8, 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01][..],
        ),
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

/// A JPEG with noise from the middle of its image data on (up to 1,000 bytes, no 0xFF, so no
/// new marker): a transfer that went wrong. Decoders read on through it, so only one that checks
/// refuses it.
fn damaged_in_the_middle(original: PathBuf) -> Vec<u8> {
    let mut bytes = std::fs::read(original).unwrap();
    let scan = bytes.windows(2).position(|w| w == [0xFF, 0xDA]).unwrap();
    let middle = (scan + bytes.len()) / 2;
    let end = (middle + 1_000).min(bytes.len() - 2);
    let mut noise = 0x2545_f491_u32;
    for byte in &mut bytes[middle..end] {
        noise ^= noise << 13;
        noise ^= noise >> 17;
        noise ^= noise << 5;
        *byte = (noise % 255) as u8;
    }
    bytes
}

/// Every kind of bad input, made at run time, in one batch with two good files.
#[test]
fn bad_files_are_refused_with_a_reason_and_leave_nothing_behind() {
    let (dir, mut library) = library();
    let bad = dir.path().join("incoming");
    std::fs::create_dir_all(&bad).unwrap();
    let rubbish = std::fs::read(wire("rubbish.jpg")).unwrap();
    let big = bad.join("huge.jpg");
    let file = std::fs::File::create(&big).unwrap();
    file.set_len(200 * 1024 * 1024).unwrap(); // sparse: instant, no disk used
    let cases: Vec<(PathBuf, &str)> = vec![
        (wire("thisisnotanimage.jpg"), "empty"),
        (
            write(&bad, "notes.jpg", b"Reporter's notes, not a photo\n"),
            "not an image",
        ),
        (
            write(&bad, "truncated.jpg", &rubbish[..rubbish.len() / 2]),
            "truncated",
        ),
        (
            write(
                &bad,
                "damaged.jpg",
                &damaged_in_the_middle(wire("getty.jpg")),
            ),
            "damaged",
        ),
        (
            write(&bad, "bomb.png", &png_declaring(100_000, 100_000)),
            "100000x100000",
        ),
        (big.clone(), "200 MB"),
        (
            write(
                &bad,
                "animation.gif",
                b"GIF89a\x01\x00\x01\x00\x00\x00\x00;",
            ),
            "not supported",
        ),
    ];
    let mut paths: Vec<PathBuf> = cases.iter().map(|(p, _)| p.clone()).collect();
    paths.insert(2, wire("pa.jpg"));
    paths.push(wire("cech.jpg"));
    let mut seen = 0;
    let report = photo::import_batch(&mut library, &paths, |done, total, _, _| {
        seen += 1;
        assert!(done <= total);
    });
    assert_eq!(seen, paths.len());
    assert_eq!(
        report.imported.len(),
        2,
        "the good files still come in: {:?}",
        report.refused
    );
    assert_eq!(report.refused.len(), cases.len());
    for (path, reason) in &cases {
        let refusal = report
            .refused
            .iter()
            .find(|r| &r.file == path)
            .expect("refused");
        let name = path.file_name().unwrap().to_string_lossy();
        assert!(
            refusal.reason.contains(&*name),
            "{name}: {}",
            refusal.reason
        );
        assert!(
            refusal.reason.contains(reason),
            "{name}: {}",
            refusal.reason
        );
        // The same file alone gives the same refusal as an Invalid error.
        let err = photo::import_file(&mut library, path).unwrap_err();
        assert!(matches!(err, Error::Invalid(_)), "{name}: {err:?}");
    }
    // Only the two good photos' files exist: no temporary or half-written file anywhere.
    let mut files = Vec::new();
    collect_files(&library.root().join("photos"), &mut files);
    assert_eq!(
        files.len(),
        4,
        "originals and thumbnails of the two good photos only: {files:?}"
    );
    assert_eq!(library.store().list_photos().unwrap().len(), 2);
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

fn collect_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            collect_files(&path, out);
        } else {
            out.push(path);
        }
    }
}

#[test]
fn thumbnails_and_renditions_are_upright() {
    let (_dir, mut library) = library();
    let photo = import(&mut library, "exif-orientated.jpg");
    let thumb = image::open(photo::thumbnail(&library, &photo.id).unwrap()).unwrap();
    assert_eq!((thumb.width(), thumb.height()), (267, 400));
    let r = photo::renditions(&library, &photo.id, None, &[640]).unwrap();
    assert_eq!((r[0].width, r[0].height), (640, 960));
    // The stored pixels turned by hand (image::open ignores EXIF orientation) look like the
    // thumbnail; turned the other way they do not, so the check can tell.
    let stored = image::open(wire("exif-orientated.jpg")).unwrap();
    let by_hand = |turned: image::DynamicImage| {
        turned
            .resize_exact(267, 400, image::imageops::FilterType::Triangle)
            .to_rgb8()
    };
    let right = mean_difference(&thumb.to_rgb8(), &by_hand(stored.rotate90()));
    let wrong = mean_difference(&thumb.to_rgb8(), &by_hand(stored.rotate270()));
    assert!(
        right < 4.0 && wrong > 2.0 * right,
        "difference {right} upright, {wrong} turned the wrong way"
    );
}

/// Every fixture the desk takes, at every size a decode can take: a JPEG in YCbCr, RGB or grey
/// is decoded at 1/2, 1/4 or 1/8 size when the crop is that many times wider than the largest
/// rendition, and without the rows below the crop when it is not turned; CMYK, PNG and the rest
/// are decoded whole.
///
/// Every rendition has the size the crop and width give, carries the desk's record, and shows
/// the crop upright: it stays close to the same crop of the whole picture decoded by the image
/// crate (turned by hand) and scaled on its own. Not compared: renditions under 32 pixels a
/// side, a few JPEG blocks where 4:2:0 chroma alone moves the mean (cmyk.jpg, 5x4: 11.9 levels
/// whichever decoder), and guardian-turner.jpg, Adobe RGB converted to sRGB in the rendition
/// and not in that reference (`odd_colour_models_come_out_as_srgb_with_sane_colours` checks
/// those colours).
#[test]
fn renditions_of_every_fixture_have_their_size_record_and_pixels_at_every_decode_scale() {
    let rect = |x, y, width, height| Rect {
        x,
        y,
        width,
        height,
    };
    // (file, upright size, a crop where the photo is large enough for one)
    let table: &[(&str, (u32, u32), Option<Rect>)] = &[
        ("getty.jpg", (100, 60), Some(rect(10, 10, 64, 36))),
        ("pa.jpg", (38, 50), None),
        ("corbis.jpg", (50, 35), None),
        ("guardian-turner.jpg", (50, 33), None),
        ("cech.jpg", (8, 8), None),
        ("longXMP.jpg", (2, 2), None),
        ("longdescription.png", (2, 2), None),
        ("cmyk.jpg", (5, 4), None),
        ("rgb-with-cmyk-profile.jpg", (5, 3), None),
        ("rgb-with-rgb-profile.jpg", (5, 3), None),
        ("rgb-wo-profile.jpg", (5, 3), None),
        ("grayscale-with-profile.jpg", (5, 4), None),
        ("grayscale-wo-profile.jpg", (5, 4), None),
        // Orientation 6: no rows can be left out, the crop is in upright pixels.
        (
            "exif-orientated.jpg",
            (2304, 3456),
            Some(rect(200, 300, 1600, 2400)),
        ),
        // The crop ends 754 rows above the bottom: those are not decoded.
        (
            "exif-orientated-no-rotation.jpg",
            (3456, 2304),
            Some(rect(300, 200, 2400, 1350)),
        ),
        ("rubbish.jpg", (564, 800), Some(rect(0, 100, 564, 376))),
    ];
    // For the 3456-pixel photos: the defaults decode at full size, 1000 at 1/2 (1/1 for the
    // turned photo's crop), 300 at 1/8 (1/4 turned).
    let width_sets: [&[u32]; 3] = [&photo::DEFAULT_WIDTHS, &[1000], &[300]];
    let (_dir, mut library) = library();
    // A width set that gives the same sizes gives the same files: each is checked once.
    let mut checked = std::collections::HashSet::new();
    for &(name, (width, height), crop) in table {
        let photo = import(&mut library, name);
        assert_eq!((photo.width, photo.height), (width, height), "{name}");
        let mut regions = vec![(None, photo.full_rect())];
        if let Some(crop) = crop {
            library
                .store_mut()
                .save_crop(&photo.id, photo.version, "lead", Aspect::Free, crop)
                .unwrap();
            regions.push((Some("lead"), crop));
        }
        // DynamicImage's own methods run as optimised as the image crate (its generic
        // imageops, built into this test at opt-level 0, took a minute here).
        let upright = image::DynamicImage::ImageRgb8(upright_by_hand(&wire(name)));
        let credit = &photo.desk.credit;
        for (crop_name, region) in regions {
            let part = upright.crop_imm(region.x, region.y, region.width, region.height);
            for widths in width_sets {
                let made = photo::renditions(&library, &photo.id, crop_name, widths).unwrap();
                let mut want: Vec<(u32, u32)> = widths
                    .iter()
                    .map(|&w| {
                        let w = w.min(region.width);
                        let h = (region.height as f64 * w as f64 / region.width as f64).round();
                        (w, (h as u32).max(1))
                    })
                    .collect();
                want.dedup();
                let got: Vec<(u32, u32)> = made.iter().map(|r| (r.width, r.height)).collect();
                assert_eq!(got, want, "{name} {crop_name:?} {widths:?}");
                for r in made.iter().filter(|r| checked.insert(r.path.clone())) {
                    let tags = check_rendition_metadata(&r.path);
                    if !credit.is_empty() {
                        assert_eq!(tags["XMP-photoshop:Credit"], credit.as_str(), "{name}");
                    }
                    let pixels = image::open(&r.path).unwrap().to_rgb8();
                    assert_eq!(pixels.dimensions(), (r.width, r.height), "{name}");
                    if r.width.min(r.height) < 32 || name == "guardian-turner.jpg" {
                        continue;
                    }
                    let expected = part
                        .resize_exact(r.width, r.height, image::imageops::FilterType::Lanczos3)
                        .into_rgb8();
                    let difference = mean_difference(&pixels, &expected);
                    assert!(
                        difference < 4.0,
                        "{name} {crop_name:?} at {}x{}: mean difference {difference}",
                        r.width,
                        r.height
                    );
                }
            }
        }
    }
}

/// The whole picture decoded by the image crate and turned upright by its EXIF orientation.
fn upright_by_hand(path: &Path) -> image::RgbImage {
    use image::ImageDecoder;
    let mut decoder = image::ImageReader::open(path)
        .unwrap()
        .with_guessed_format()
        .unwrap()
        .into_decoder()
        .unwrap();
    let orientation = decoder.orientation().unwrap();
    let mut picture = image::DynamicImage::from_decoder(decoder).unwrap();
    picture.apply_orientation(orientation);
    picture.to_rgb8()
}

fn mean_difference(a: &image::RgbImage, b: &image::RgbImage) -> f64 {
    let total: u64 = a
        .as_raw()
        .iter()
        .zip(b.as_raw())
        .map(|(x, y)| x.abs_diff(*y) as u64)
        .sum();
    total as f64 / a.as_raw().len() as f64
}

#[test]
fn crops_are_checked_and_default_crops_follow_the_focal_point() {
    let (_dir, mut library) = library();
    let photo = import(&mut library, "rubbish.jpg"); // 564x800
    let store = library.store_mut();
    let rect = |x, y, width, height| Rect {
        x,
        y,
        width,
        height,
    };
    let refused: &[(Aspect, Rect, &str)] = &[
        (Aspect::Free, rect(500, 0, 100, 100), "outside"),
        (Aspect::Free, rect(0, 780, 100, 40), "outside"),
        (Aspect::Free, rect(0, 0, 20, 100), "too small"),
        (Aspect::Ratio(16, 9), rect(0, 0, 320, 200), "not 16:9"),
        (Aspect::Ratio(1, 1), rect(0, 0, 300, 302), "not 1:1"),
    ];
    for (aspect, r, reason) in refused {
        let err = store
            .save_crop(&photo.id, 1, "web", *aspect, *r)
            .unwrap_err();
        assert!(err.to_string().contains(reason), "{r:?} {aspect}: {err}");
    }
    // A pixel of rounding is fine.
    store
        .save_crop(
            &photo.id,
            1,
            "square",
            Aspect::Ratio(1, 1),
            rect(0, 0, 300, 301),
        )
        .unwrap();
    store
        .save_crop(
            &photo.id,
            2,
            "wide",
            Aspect::Ratio(16, 9),
            rect(0, 100, 564, 317),
        )
        .unwrap();
    let saved = store.photo(&photo.id).unwrap();
    assert_eq!(
        saved
            .crops
            .iter()
            .map(|c| c.name.as_str())
            .collect::<Vec<_>>(),
        ["square", "wide"]
    );

    type Case = (Aspect, Option<(f64, f64)>, Rect);
    let cases: &[Case] = &[
        (Aspect::Ratio(16, 9), None, rect(0, 242, 564, 317)),
        (Aspect::Ratio(16, 9), Some((0.5, 0.0)), rect(0, 0, 564, 317)),
        (
            Aspect::Ratio(16, 9),
            Some((0.5, 1.0)),
            rect(0, 483, 564, 317),
        ),
        (Aspect::Ratio(1, 1), Some((0.5, 0.25)), rect(0, 0, 564, 564)),
        (
            Aspect::Ratio(1, 1),
            Some((0.5, 0.6)),
            rect(0, 198, 564, 564),
        ),
        (Aspect::Ratio(4, 5), None, rect(0, 48, 564, 705)),
        (Aspect::Free, Some((0.1, 0.1)), rect(0, 0, 564, 800)),
    ];
    for (aspect, focal, want) in cases {
        let got = photo::default_crop(*aspect, 564, 800, *focal);
        assert_eq!(got, *want, "{aspect} at {focal:?}");
        photo::validate_crop(*aspect, got, 564, 800).unwrap();
    }
    let err = store
        .set_focal_point(&photo.id, 3, Some((1.5, 0.5)))
        .unwrap_err();
    assert!(err.to_string().contains("outside"), "{err}");
    let with_focal = store
        .set_focal_point(&photo.id, 3, Some((0.25, 0.75)))
        .unwrap();
    assert_eq!(with_focal.focal_point, Some((0.25, 0.75)));
}

#[test]
fn renditions_carry_the_desks_record_and_exiftool_reads_it_back_exactly() {
    let (_dir, mut library) = library();
    let photo = import(&mut library, "corbis.jpg");
    let big = import(&mut library, "rubbish.jpg");
    let edit = || DeskEdit {
        credit: Some("© Zoë Ångström/Ñandú Press".into()),
        caption: Some("Kraków: the «old town» at dusk & the 市場 — a long caption line".into()),
        alt_text: Some("A market square at dusk, lit stalls in front of a church".into()),
        creator: Some("Zoë Ångström".into()),
        copyright: Some("© 2024 Ñandú Press".into()),
        usage_terms: Some("Editorial use only".into()),
        ..Default::default()
    };
    library
        .store_mut()
        .edit_photo_desk(&photo.id, 1, edit())
        .unwrap();
    let edited = library
        .store_mut()
        .edit_photo_desk(&big.id, 1, edit())
        .unwrap();
    // The embedded values stay visible beside the edited ones.
    assert_eq!(
        library
            .store()
            .photo(&photo.id)
            .unwrap()
            .embedded
            .credit
            .as_deref(),
        Some("© Mike Cardew/ZUMA Press/Corbis")
    );

    library
        .store_mut()
        .save_crop(
            &big.id,
            2,
            "lead",
            Aspect::Ratio(3, 2),
            Rect {
                x: 0,
                y: 100,
                width: 564,
                height: 376,
            },
        )
        .unwrap();
    let renditions =
        photo::renditions(&library, &big.id, Some("lead"), &photo::DEFAULT_WIDTHS).unwrap();
    // Never upscaled: the crop is 564 wide, so 2048 and 1280 collapse into one 564 rendition.
    let sizes: Vec<(u32, u32)> = renditions.iter().map(|r| (r.width, r.height)).collect();
    assert_eq!(sizes, [(564, 376), (320, 213)]);
    let small = photo::renditions(&library, &photo.id, None, &[320]).unwrap();
    for r in renditions.iter().chain(&small) {
        let tags = exiftool(&r.path, &["-XMP:all", "-IPTC:all", "-File:all"]);
        let d = &edited.desk;
        for (tag, want) in [
            ("XMP-photoshop:Credit", &d.credit),
            ("IPTC:Credit", &d.credit),
            ("XMP-dc:Creator", &d.creator),
            ("IPTC:By-line", &d.creator),
            ("XMP-dc:Rights", &d.copyright),
            ("IPTC:CopyrightNotice", &d.copyright),
            ("XMP-dc:Description", &d.caption),
            ("IPTC:Caption-Abstract", &d.caption),
            ("XMP-iptcCore:AltTextAccessibility", &d.alt_text),
            ("XMP-xmpRights:UsageTerms", &d.usage_terms),
        ] {
            assert_eq!(
                tags[tag].as_str(),
                Some(want.as_str()),
                "{tag} in {}: {tags}",
                r.path.display()
            );
        }
        assert_eq!(tags["IPTC:CodedCharacterSet"], "UTF8");
        assert_eq!(tags["File:YCbCrSubSampling"], "YCbCr4:2:0 (2 2)");
        assert_eq!(tags["File:ImageWidth"], r.width);
        assert_eq!(r.content_type, "image/jpeg");
        assert!(tags.get("ExifTool:Warning").is_none(), "{tags}");
    }
}

#[test]
fn renditions_are_byte_identical_when_made_again_and_change_with_the_record() {
    let (_dir, mut library) = library();
    let photo = import(&mut library, "rubbish.jpg");
    let first = photo::renditions(&library, &photo.id, None, &[400, 200]).unwrap();
    std::fs::remove_dir_all(library.root().join("photos/renditions")).unwrap();
    let again = photo::renditions(&library, &photo.id, None, &[400, 200]).unwrap();
    assert_eq!(first, again);
    assert!(again.iter().all(|r| r.path.exists()));
    let edit = DeskEdit {
        credit: Some(" Sta\u{7}ff\r ".into()),
        ..Default::default()
    };
    assert_eq!(
        library
            .store_mut()
            .edit_photo_desk(&photo.id, 1, edit)
            .unwrap()
            .desk
            .credit,
        "Staff"
    );
    let credited = photo::renditions(&library, &photo.id, None, &[400, 200]).unwrap();
    assert_ne!(credited[0].sha256, first[0].sha256);
    assert_ne!(credited[0].path, first[0].path);
    library
        .store_mut()
        .save_crop(
            &photo.id,
            2,
            "Home page",
            Aspect::Free,
            Rect {
                x: 0,
                y: 0,
                width: 100,
                height: 100,
            },
        )
        .unwrap();
    let named = photo::renditions(&library, &photo.id, Some("Home page"), &[50]).unwrap();
    assert_eq!(
        named[0].file_name,
        format!("{}-Home-page-50.jpg", &photo.id[..12])
    );
    let err = photo::renditions(&library, &photo.id, Some("nope"), &[400]).unwrap_err();
    assert_eq!(err.kind(), "not_found");
}

/// ImageMagick's idea of a file's mean colour in sRGB, 0..255 per channel.
fn magick_mean(path: &Path) -> [f64; 3] {
    let out = Command::new("convert")
        .arg(path)
        .args([
            "-colorspace",
            "sRGB",
            "-type",
            "TrueColor",
            "-scale",
            "1x1!",
            "-depth",
            "8",
            "txt:-",
        ])
        .output()
        .expect("ImageMagick runs");
    let text = String::from_utf8_lossy(&out.stdout);
    // "0,0: (r,g,b)  #RRGGBB  srgb(...)": the hex triple is unambiguous.
    let line = text
        .lines()
        .find(|l| l.starts_with("0,0:"))
        .expect("a pixel line");
    let hex = line
        .split('#')
        .nth(1)
        .expect("a colour")
        .get(..6)
        .unwrap()
        .to_owned();
    let channel = |i: usize| u8::from_str_radix(&hex[i * 2..i * 2 + 2], 16).unwrap() as f64;
    [channel(0), channel(1), channel(2)]
}

fn our_mean(path: &Path) -> [f64; 3] {
    let image = image::open(path).unwrap();
    assert!(
        matches!(image, image::DynamicImage::ImageRgb8(_)),
        "{} decodes as RGB",
        path.display()
    );
    let rgb = image.to_rgb8();
    let n = (rgb.width() * rgb.height()) as f64;
    let mut sum = [0f64; 3];
    for p in rgb.pixels() {
        for c in 0..3 {
            sum[c] += p[c] as f64;
        }
    }
    sum.map(|s| s / n)
}

#[test]
fn odd_colour_models_come_out_as_srgb_with_sane_colours() {
    let (_dir, mut library) = library();
    for file in [
        "cmyk.jpg",
        "grayscale-with-profile.jpg",
        "grayscale-wo-profile.jpg",
        "rgb-with-cmyk-profile.jpg",
        "rgb-with-rgb-profile.jpg",
        "rgb-wo-profile.jpg",
        "getty.jpg",
    ] {
        let photo = import(&mut library, file);
        let r = &photo::renditions(&library, &photo.id, None, &[photo.width]).unwrap()[0];
        let ours = our_mean(&r.path);
        let theirs = magick_mean(&wire(file));
        for c in 0..3 {
            assert!(
                (ours[c] - theirs[c]).abs() < 24.0,
                "{file}: our mean colour {ours:?}, ImageMagick's {theirs:?}"
            );
        }
    }
}

#[test]
fn attaching_places_the_lead_photo_and_body_figures_that_render_with_caption_and_credit() {
    use newsdesk_core::render::{PhotoRef, render};
    use newsdesk_core::store::RevisionKind;
    use newsdesk_core::{ArticleFields, Status};

    let (_dir, mut library) = library();
    let photo = import(&mut library, "pa.jpg");
    let wide = import(&mut library, "rubbish.jpg");
    library
        .store_mut()
        .save_crop(
            &wide.id,
            1,
            "square",
            Aspect::Ratio(1, 1),
            Rect {
                x: 0,
                y: 0,
                width: 564,
                height: 564,
            },
        )
        .unwrap();
    let fields = ArticleFields {
        headline: "Moeen Ali".into(),
        body: "First paragraph.".into(),
        ..Default::default()
    };
    let article = library
        .store_mut()
        .create_article(None, &fields, Status::Draft, RevisionKind::Create)
        .unwrap();

    let missing = photo::attach(
        &mut library,
        &article.id,
        &wide.id,
        Some("nope"),
        photo::Placement::Lead,
        1,
    )
    .unwrap_err();
    assert_eq!(missing.kind(), "not_found");
    let led = photo::attach(
        &mut library,
        &article.id,
        &wide.id,
        Some("square"),
        photo::Placement::Lead,
        1,
    )
    .unwrap();
    assert_eq!(led.version, 2);
    let lead = led.fields.lead_photo.as_ref().unwrap();
    assert_eq!(
        (lead.photo_id.as_str(), lead.crop.as_str()),
        (wide.id.as_str(), "square")
    );
    let inline = photo::attach(
        &mut library,
        &article.id,
        &photo.id,
        None,
        photo::Placement::Inline,
        2,
    )
    .unwrap();
    assert_eq!(
        inline.fields.body,
        format!("First paragraph.\n\n![](photo:{})\n", photo.id)
    );
    let stale = photo::attach(
        &mut library,
        &article.id,
        &photo.id,
        None,
        photo::Placement::Inline,
        2,
    )
    .unwrap_err();
    assert_eq!(stale.kind(), "conflict");

    let figures = photo::LibraryFigures::new(library.store(), |p, crop| {
        format!(
            "thumb/{}/{}",
            p.id,
            crop.map_or("full", |c| c.name.as_str())
        )
    });
    let body = format!(
        "{}\n\n![](photo:{}/square)\n\n![](photo:{}/gone)",
        inline.fields.body, wide.id, wide.id
    );
    let rendered = render(&body, &figures).unwrap();
    assert!(
        rendered.html.contains(&format!("thumb/{}/full", photo.id)),
        "{}",
        rendered.html
    );
    assert!(
        rendered.html.contains(&format!("thumb/{}/square", wide.id)),
        "{}",
        rendered.html
    );
    assert!(
        rendered.html.contains("PA"),
        "the credit is shown: {}",
        rendered.html
    );
    assert!(
        rendered.html.contains("Moeen Ali"),
        "the caption is shown: {}",
        rendered.html
    );
    assert_eq!(
        rendered.missing,
        [PhotoRef {
            photo_id: wide.id.clone(),
            crop: Some("gone".into())
        }]
    );
}

/// PNG, WebP and TIFF made at run time with ImageMagick, their XMP written by exiftool.
#[test]
fn png_webp_and_tiff_come_in_with_their_xmp() {
    let (dir, mut library) = library();
    for (ext, format) in [("png", "png"), ("webp", "webp"), ("tif", "tiff")] {
        let file = dir.path().join(format!("staff.{ext}"));
        let made = Command::new("convert")
            .arg(wire("rubbish.jpg"))
            .args(["-resize", "50%"])
            .arg(&file)
            .status()
            .unwrap();
        assert!(made.success());
        let tagged = Command::new("exiftool")
            .args([
                "-q",
                "-overwrite_original",
                "-XMP-photoshop:Credit=Zoë Ångström/Staff",
                "-XMP-dc:Creator=Ann Lee",
            ])
            .arg(&file)
            .status()
            .unwrap();
        assert!(tagged.success());
        let photo = photo::import_file(&mut library, &file).unwrap().photo;
        assert_eq!(photo.format, format);
        assert_eq!((photo.width, photo.height), (282, 400));
        assert_eq!(
            photo.embedded.credit.as_deref(),
            Some("Zoë Ångström/Staff"),
            "{ext}"
        );
        assert_eq!(photo.embedded.creator.as_deref(), Some("Ann Lee"), "{ext}");
        let r = &photo::renditions(&library, &photo.id, None, &[200]).unwrap()[0];
        assert_eq!((r.width, r.height), (200, 284));
        assert!(image::open(photo::thumbnail(&library, &photo.id).unwrap()).is_ok());
    }
}

#[test]
fn the_longest_desk_record_still_fits_in_a_rendition_and_longer_is_refused() {
    let (_dir, mut library) = library();
    let photo = import(&mut library, "getty.jpg");
    let longest = "é".repeat(newsdesk_core::store::MAX_DESK_FIELD_BYTES / 2);
    let all = |v: &str| DeskEdit {
        credit: Some(v.into()),
        caption: Some(v.into()),
        alt_text: Some(v.into()),
        creator: Some(v.into()),
        copyright: Some(v.into()),
        source: Some(v.into()),
        usage_terms: Some(v.into()),
        special_instructions: Some(v.into()),
    };
    let too_long = format!("{longest}x");
    let err = library
        .store_mut()
        .edit_photo_desk(&photo.id, 1, all(&too_long))
        .unwrap_err();
    assert!(err.to_string().contains("the credit of photo"), "{err}");
    library
        .store_mut()
        .edit_photo_desk(&photo.id, 1, all(&longest))
        .unwrap();
    let r = &photo::renditions(&library, &photo.id, None, &[100]).unwrap()[0];
    let tags = exiftool(&r.path, &["-XMP-dc:Description", "-IPTC:Caption-Abstract"]);
    assert_eq!(tags["XMP-dc:Description"].as_str(), Some(longest.as_str()));
    assert_eq!(
        tags["IPTC:Caption-Abstract"].as_str(),
        Some(longest.as_str())
    );
}

/// The database refuses the record (another process holds the write lock past the busy
/// timeout): the original and thumbnail written just before are removed again.
#[test]
fn a_failed_recording_leaves_no_files_behind() {
    let (_dir, mut library) = library();
    let other =
        rusqlite::Connection::open(library.root().join(newsdesk_core::library::DB_FILE)).unwrap();
    other.execute_batch("BEGIN IMMEDIATE").unwrap();
    let err = photo::import_file(&mut library, &wire("pa.jpg")).unwrap_err();
    assert_eq!(err.kind(), "database", "{err}");
    let mut files = Vec::new();
    collect_files(&library.root().join("photos"), &mut files);
    assert!(files.is_empty(), "left behind: {files:?}");
    other.execute_batch("ROLLBACK").unwrap();
    let photo = import(&mut library, "pa.jpg");
    assert!(library.root().join(&photo.original).exists());
}

/// The Metadata Working Group's rule, on files exiftool writes: XMP over IIM over EXIF.
#[test]
fn xmp_wins_over_iim_which_wins_over_exif() {
    let (dir, mut library) = library();
    let xmp = [
        "-XMP-dc:Creator=XMP creator",
        "-XMP-dc:Rights=XMP rights",
        "-XMP-dc:Description=XMP caption",
    ];
    let iim = [
        "-IPTC:By-line=IIM creator",
        "-IPTC:CopyrightNotice=IIM rights",
        "-IPTC:Caption-Abstract=IIM caption",
    ];
    let exif = [
        "-EXIF:Artist=EXIF creator",
        "-EXIF:Copyright=EXIF rights",
        "-EXIF:ImageDescription=EXIF caption",
    ];
    let rows: [(&str, Vec<&str>, &str); 3] = [
        ("all.jpg", [xmp, iim, exif].concat(), "XMP"),
        ("iim-exif.jpg", [iim, exif].concat(), "IIM"),
        ("exif.jpg", exif.to_vec(), "EXIF"),
    ];
    for (name, tags, winner) in rows {
        let file = dir.path().join(name);
        let out = Command::new("exiftool")
            .args(["-q", "-all=", "-o"])
            .arg(&file)
            .args(&tags)
            .arg(wire("rubbish.jpg"))
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let m = photo::import_file(&mut library, &file)
            .unwrap()
            .photo
            .embedded;
        assert_eq!(m.creator, Some(format!("{winner} creator")), "{name}");
        assert_eq!(m.copyright, Some(format!("{winner} rights")), "{name}");
        assert_eq!(m.caption, Some(format!("{winner} caption")), "{name}");
    }
}

/// IIM text is UTF-8 when dataset 1:90 says so and Latin-1 otherwise; exiftool writes both.
#[test]
fn iim_text_is_read_in_the_character_set_the_file_declares() {
    let (dir, mut library) = library();
    let rows: [(&str, &[&str]); 2] = [
        (
            "utf8.jpg",
            &["-IPTC:CodedCharacterSet=UTF8", "-charset", "iptc=UTF8"],
        ),
        ("latin1.jpg", &["-charset", "iptc=Latin"]),
    ];
    for (name, charset) in rows {
        let file = dir.path().join(name);
        let out = Command::new("exiftool")
            .args(["-q", "-all=", "-o"])
            .arg(&file)
            .args(charset)
            .args([
                "-IPTC:Credit=Zoë Ångström/Ñandú",
                &format!("-IPTC:Source={name}"),
            ])
            .arg(wire("rubbish.jpg"))
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let raw = std::fs::read(&file).unwrap();
        let utf8_bytes = "Zoë".as_bytes();
        assert_eq!(
            raw.windows(utf8_bytes.len()).any(|w| w == utf8_bytes),
            name == "utf8.jpg",
            "{name} is encoded as intended"
        );
        let m = photo::import_file(&mut library, &file)
            .unwrap()
            .photo
            .embedded;
        assert_eq!(m.credit.as_deref(), Some("Zoë Ångström/Ñandú"), "{name}");
    }
}

/// A crash between writing a temporary file and renaming it into place leaves the temporary
/// file behind; the next import clears it, and nothing else.
#[test]
fn temporary_files_a_crash_left_are_cleared_by_the_next_import() {
    use std::time::{Duration, SystemTime};
    let (_dir, mut library) = library();
    let photo = import(&mut library, "getty.jpg");
    let rendition = photo::renditions(&library, &photo.id, None, &[64])
        .unwrap()
        .remove(0)
        .path;
    let original = library.root().join(&photo.original);
    let bytes = std::fs::read(&original).unwrap();
    let made = |path: PathBuf, hours_ago: u64| {
        std::fs::write(&path, &bytes).unwrap();
        let at = SystemTime::now() - Duration::from_secs(hours_ago * 3600);
        std::fs::File::options()
            .write(true)
            .open(&path)
            .unwrap()
            .set_modified(at)
            .unwrap();
        path
    };
    let beside_original = original.parent().unwrap();
    let abandoned = [
        made(
            beside_original.join(".tmp-2f1c9a8e-3c1e-4f7a-9d1b-0b7e4a52e110"),
            3,
        ),
        made(
            rendition
                .parent()
                .unwrap()
                .join(".tmp-9d1b2f6f-1c9a-4e11-8b7e-4a523c1e4f7a"),
            3,
        ),
    ];
    let kept = [
        // Being written right now by another window's import.
        made(
            beside_original.join(".tmp-4a523c1e-4f7a-4d1b-9f6f-1c9a8e110b7e"),
            0,
        ),
        // Not of our naming, however old.
        made(beside_original.join(".tmp-notes"), 3),
        made(beside_original.join("kept-by-hand.jpg"), 3),
    ];
    let report = photo::import_batch(&mut library, &[wire("pa.jpg")], |_, _, _, _| {});
    assert_eq!(report.imported.len(), 1);
    for path in &abandoned {
        assert!(!path.exists(), "{} is cleared", path.display());
    }
    for path in &kept {
        assert!(path.exists(), "{} stays", path.display());
    }
    assert_eq!(
        std::fs::read(&original).unwrap(),
        std::fs::read(wire("getty.jpg")).unwrap(),
        "the original stays as it was"
    );
    assert!(rendition.is_file(), "the rendition stays");
    assert_eq!(
        library.store().photo(&photo.id).unwrap().original,
        photo.original
    );
}

/// The command line names photos by the start of their id, in either case.
#[test]
fn a_photo_is_found_by_the_start_of_its_id() {
    let (_dir, mut library) = library();
    let mut ids: Vec<String> = [
        "getty.jpg",
        "pa.jpg",
        "grayscale-with-profile.jpg",
        "grayscale-wo-profile.jpg",
        "longXMP.jpg",
        "cech.jpg",
    ]
    .map(|f| import(&mut library, f).id)
    .into();
    ids.sort();
    let store = library.store();
    assert_eq!(
        store.resolve_photo_id(&ids[0][..8].to_uppercase()).unwrap(),
        ids[0]
    );
    assert_eq!(
        store.resolve_photo_id(&format!(" {} ", ids[1])).unwrap(),
        ids[1]
    );
    assert_eq!(store.resolve_photo_id("").unwrap_err().kind(), "invalid");
    assert_eq!(
        store.resolve_photo_id("zz").unwrap_err().kind(),
        "not_found"
    );
    let shared = ids
        .windows(2)
        .find(|w| w[0][..1] == w[1][..1])
        .expect("two of these ids share a first digit");
    let err = store.resolve_photo_id(&shared[0][..1]).unwrap_err();
    assert!(err.to_string().contains("matches several photos"), "{err}");
}

/// Photo-sized CMYK JPEGs made at run time both ways they come in: Adobe CMYK with no colour
/// transform, inverted (as Photoshop writes; made by libvips), and YCCK (libjpeg's default; made
/// by ImageMagick). Ours come out with ImageMagick's colours: an inversion or transform read
/// wrongly would be off by far more than the few levels a re-encode moves the mean.
#[test]
fn cmyk_jpegs_plain_and_ycck_come_out_with_imagemagicks_colours() {
    let (dir, mut library) = library();
    let plain = dir.path().join("plain-cmyk.jpg");
    let ycck = dir.path().join("ycck.jpg");
    let made = [
        Command::new("vips")
            .arg("icc_export")
            .arg(wire("rubbish.jpg"))
            .arg(&plain)
            .args(["--output-profile", "cmyk"])
            .status(),
        Command::new("convert")
            .arg(wire("rubbish.jpg"))
            .args(["-colorspace", "CMYK"])
            .arg(&ycck)
            .status(),
    ];
    assert!(
        made.iter().all(|s| s.as_ref().is_ok_and(|s| s.success())),
        "{made:?}"
    );
    for (file, transform) in [(&plain, 0), (&ycck, 2)] {
        let tags = exiftool(file, &["-ColorTransform#", "-ColorComponents"]);
        assert_eq!(
            (
                tags["Adobe:ColorTransform"].as_i64(),
                tags["File:ColorComponents"].as_i64()
            ),
            (Some(transform), Some(4)),
            "{}",
            file.display()
        );
        let photo = photo::import_file(&mut library, file).unwrap().photo;
        let r = &photo::renditions(&library, &photo.id, None, &[photo.width]).unwrap()[0];
        let (ours, theirs) = (our_mean(&r.path), magick_mean(file));
        for c in 0..3 {
            assert!(
                (ours[c] - theirs[c]).abs() <= 3.0,
                "{}: our mean colour {ours:?}, ImageMagick's {theirs:?}",
                file.display()
            );
        }
    }
}

// ---- Defect 3: agency metadata follows the desk's rules; rendition metadata always fits ----

/// One IIM dataset, in the extended length form when the value needs it (as agencies send
/// long captions).
fn iim_dataset(record: u8, number: u8, value: &[u8]) -> Vec<u8> {
    let mut out = vec![0x1C, record, number];
    if value.len() < 0x8000 {
        out.extend_from_slice(&(value.len() as u16).to_be_bytes());
    } else {
        out.extend_from_slice(&0x8004u16.to_be_bytes());
        out.extend_from_slice(&(value.len() as u32).to_be_bytes());
    }
    out.extend_from_slice(value);
    out
}

/// `base` (a JPEG) with `iim` in one Photoshop IIM resource right after SOI, split across as
/// many APP13 segments as it needs (how Photoshop carries resources past 64 KB).
fn jpeg_with_iim(base: &[u8], iim: &[u8]) -> Vec<u8> {
    const HEADER: &[u8] = b"Photoshop 3.0\0";
    let mut resource = b"8BIM\x04\x04\0\0".to_vec();
    resource.extend_from_slice(&(iim.len() as u32).to_be_bytes());
    resource.extend_from_slice(iim);
    if resource.len() % 2 == 1 {
        resource.push(0);
    }
    let mut out = base[..2].to_vec();
    for chunk in resource.chunks(65533 - HEADER.len()) {
        out.extend_from_slice(&[0xFF, 0xED]);
        out.extend_from_slice(&((2 + HEADER.len() + chunk.len()) as u16).to_be_bytes());
        out.extend_from_slice(HEADER);
        out.extend_from_slice(chunk);
    }
    out.extend_from_slice(&base[2..]);
    out
}

/// The APP segments of a JPEG file: (marker, whole body length) and the XMP packet, read by
/// hand so the test does not trust the code under test.
fn app_segments(jpeg: &[u8]) -> (Vec<(u8, usize)>, Vec<String>) {
    let (mut segments, mut xmp) = (Vec::new(), Vec::new());
    let mut at = 2;
    while at + 4 <= jpeg.len() && jpeg[at] == 0xFF && jpeg[at + 1] != 0xDA {
        let len = u16::from_be_bytes([jpeg[at + 2], jpeg[at + 3]]) as usize;
        let body = &jpeg[at + 4..at + 2 + len];
        segments.push((jpeg[at + 1], body.len()));
        if let Some(packet) = body.strip_prefix(b"http://ns.adobe.com/xap/1.0/\0".as_slice()) {
            xmp.push(String::from_utf8(packet.to_vec()).expect("XMP is UTF-8"));
        }
        at += 2 + len;
    }
    (segments, xmp)
}

/// A strict XML reader (roxmltree) reads every XMP packet of the rendition; every metadata
/// segment fits; exiftool reads the file without a warning. Returns exiftool's tags.
fn check_rendition_metadata(path: &Path) -> serde_json::Value {
    let bytes = std::fs::read(path).unwrap();
    let (segments, xmp) = app_segments(&bytes);
    for (marker, len) in &segments {
        assert!(
            *len <= 65533,
            "APP{} of {} is {len} bytes",
            marker - 0xE0,
            path.display()
        );
    }
    assert!(!xmp.is_empty(), "the rendition carries XMP");
    for packet in &xmp {
        let xml =
            &packet[packet.find("<x:xmpmeta").unwrap()..packet.rfind("</x:xmpmeta>").unwrap() + 12];
        roxmltree::Document::parse(xml)
            .unwrap_or_else(|e| panic!("strict XML reader refuses the XMP: {e}"));
    }
    let tags = exiftool(path, &["-XMP:all", "-IPTC:all"]);
    assert!(tags.get("ExifTool:Warning").is_none(), "{tags}");
    tags
}

fn has_control(text: &str) -> bool {
    text.chars()
        .any(|c| c.is_control() && c != '\n' && c != '\t')
}

/// An agency file with a 180 KB IIM caption, terminal escape sequences and IIM control
/// characters: the desk record follows the same rules as an edit (shortened, cleaned), the
/// embedded values stay whole beside it, preflight and export agree, and later edits work.
#[test]
fn defect_3_agency_metadata_is_normalised_at_import_like_an_edit() {
    use newsdesk_core::package;
    use newsdesk_core::store::RevisionKind;
    use newsdesk_core::{ArticleFields, Author, Status};

    let (dir, mut library) = library();
    let caption = format!("Ça\x1b[1m va\x07 {}", "é<&\"'> ".repeat(23_000));
    assert!(caption.len() > 180_000);
    let mut iim = iim_dataset(1, 90, b"\x1b%G");
    for (number, value) in [
        (110, "AFP\x1b[31m Photo\x1b]0;owned\x07\x00"),
        (80, "Ann\x0b Lee\x1b%G"),
        (40, "Use\u{85} only\r\n with credit"),
        (115, "AFP"),
        (116, "© AFP"),
        (120, caption.as_str()),
    ] {
        iim.extend(iim_dataset(2, number, value.as_bytes()));
    }
    let file = write(
        dir.path(),
        "agency.jpg",
        &jpeg_with_iim(&std::fs::read(wire("rubbish.jpg")).unwrap(), &iim),
    );
    let photo = photo::import_file(&mut library, &file).unwrap().photo;

    assert_eq!(
        photo.embedded.caption.as_deref(),
        Some(caption.trim()),
        "the embedded value stays whole"
    );
    let desk = &photo.desk;
    for (field, value) in [
        ("credit", &desk.credit),
        ("creator", &desk.creator),
        ("instructions", &desk.special_instructions),
        ("caption", &desk.caption),
    ] {
        assert!(!has_control(value), "{field}: {value:?}");
        assert!(
            value.len() <= newsdesk_core::store::MAX_DESK_FIELD_BYTES,
            "{field}: {} bytes",
            value.len()
        );
    }
    assert_eq!(desk.credit, "AFP Photo");
    assert_eq!(desk.creator, "Ann Lee");
    assert_eq!(desk.special_instructions, "Use only\n with credit");
    assert!(
        desk.caption.starts_with("Ça va é<&\"'> é<&"),
        "{}",
        &desk.caption[..40]
    );
    assert!(desk.caption.ends_with('…'), "a shortened value says so");

    // Every later edit of the photo is accepted.
    let edited = library
        .store_mut()
        .edit_photo_desk(
            &photo.id,
            photo.version,
            DeskEdit {
                alt_text: Some("A street".into()),
                ..Default::default()
            },
        )
        .unwrap();
    assert_eq!(edited.desk.caption, photo.desk.caption);

    // Preflight says ready, and export works.
    let fields = ArticleFields {
        headline: "Street".into(),
        authors: vec![Author {
            name: "Ana Lima".into(),
            role: "Reporter".into(),
        }],
        body: format!("Words.\n\n![](photo:{})\n", photo.id),
        ..Default::default()
    };
    let article = library
        .store_mut()
        .create_article(None, &fields, Status::Ready, RevisionKind::Create)
        .unwrap();
    let checked = package::preflight(&library, &article).unwrap();
    assert!(checked.problems.is_empty(), "{:?}", checked.problems);
    package::export(
        &mut library,
        &article.id,
        &dir.path().join("out"),
        package::Existing::Refuse,
        &mut |_, _, _| {},
    )
    .unwrap();

    let r = &photo::renditions(&library, &photo.id, None, &[200]).unwrap()[0];
    let tags = check_rendition_metadata(&r.path);
    assert_eq!(tags["XMP-photoshop:Credit"], "AFP Photo");
    assert_eq!(tags["IPTC:Credit"], "AFP Photo");
    assert_eq!(
        tags["IPTC:Caption-Abstract"].as_str(),
        Some(edited.desk.caption.as_str())
    );
}

/// What the escaping of XML does to text: `"` becomes 6 bytes. Desk records within the limit
/// whose XMP would not fit one APP1 segment still make valid renditions, by the documented
/// shortening; the IIM copy keeps every value whole.
#[test]
fn defect_3_rendition_metadata_always_fits_its_segments() {
    let (_dir, mut library) = library();
    let limit = newsdesk_core::store::MAX_DESK_FIELD_BYTES;
    let escapes = "<&\"'>".repeat(limit / 5);
    let quotes = "\"".repeat(limit);
    let accents = "é\"".repeat(limit / 3);
    type Row<'a> = (&'a str, &'a str, usize);
    let rows: [Row; 4] = [
        ("two fields of quotes", &quotes, 2),
        ("all fields of <&\"'>", &escapes, 7),
        ("all fields of quotes", &quotes, 7),
        ("all fields of é\"", &accents, 7),
    ];
    let photo = import(&mut library, "rubbish.jpg");
    let mut version = photo.version;
    for (name, value, fields) in rows {
        let v = |i: usize| {
            (i < fields)
                .then(|| value.to_owned())
                .or(Some(String::new()))
        };
        let edit = DeskEdit {
            credit: Some("AFP".into()),
            caption: v(0),
            alt_text: v(1),
            creator: v(2),
            copyright: v(3),
            source: v(4),
            usage_terms: v(5),
            special_instructions: v(6),
        };
        let edited = library
            .store_mut()
            .edit_photo_desk(&photo.id, version, edit)
            .unwrap();
        version = edited.version;
        let made = photo::renditions(&library, &photo.id, None, &[120]);
        let r = &made.unwrap_or_else(|e| panic!("{name}: {e}"))[0];
        let tags = check_rendition_metadata(&r.path);
        assert_eq!(
            tags["XMP-photoshop:Credit"], "AFP",
            "{name}: the short credit is never cut"
        );
        let d = &edited.desk;
        for (xmp, iim, want) in [
            (
                "XMP-dc:Description",
                Some("IPTC:Caption-Abstract"),
                &d.caption,
            ),
            ("XMP-iptcCore:AltTextAccessibility", None, &d.alt_text),
            ("XMP-dc:Creator", Some("IPTC:By-line"), &d.creator),
            ("XMP-dc:Rights", Some("IPTC:CopyrightNotice"), &d.copyright),
            ("XMP-photoshop:Source", Some("IPTC:Source"), &d.source),
            ("XMP-xmpRights:UsageTerms", None, &d.usage_terms),
            (
                "XMP-photoshop:Instructions",
                Some("IPTC:SpecialInstructions"),
                &d.special_instructions,
            ),
        ] {
            if want.is_empty() {
                continue;
            }
            let got = tags[xmp]
                .as_str()
                .unwrap_or_else(|| panic!("{name}: {xmp} missing: {tags}"));
            let kept = got.strip_suffix('…').unwrap_or(got);
            assert!(
                got == want || (want.starts_with(kept) && kept.len() * 5 >= want.len()),
                "{name}: {xmp} is {got:?}"
            );
            if let Some(iim) = iim {
                assert_eq!(
                    tags[iim].as_str(),
                    Some(want.as_str()),
                    "{name}: {iim} keeps the whole value"
                );
            }
        }
    }
}

/// A library from before the fix: a desk record holding control characters and a caption
/// past the limit. Renditions are still valid, and an edit of another field is accepted.
#[test]
fn defect_3_an_old_record_past_the_rules_still_renders_and_can_be_edited() {
    let (_dir, mut library) = library();
    let photo = import(&mut library, "rubbish.jpg");
    let desk = serde_json::json!({
        "credit": "AFP\u{1b}[31m\u{7}", "caption": "x".repeat(180_000), "alt_text": "Bell\u{7}",
    });
    let db =
        rusqlite::Connection::open(library.root().join(newsdesk_core::library::DB_FILE)).unwrap();
    db.execute(
        "UPDATE photos SET desk = ?1 WHERE id = ?2",
        rusqlite::params![desk.to_string(), photo.id],
    )
    .unwrap();
    let r = &photo::renditions(&library, &photo.id, None, &[100]).unwrap()[0];
    check_rendition_metadata(&r.path);
    let edited = library
        .store_mut()
        .edit_photo_desk(
            &photo.id,
            photo.version,
            DeskEdit {
                source: Some("AFP".into()),
                ..Default::default()
            },
        )
        .unwrap();
    assert!(edited.desk.caption.len() <= newsdesk_core::store::MAX_DESK_FIELD_BYTES);
    assert_eq!(edited.desk.credit, "AFP");
}

// ---- Defect 8: several photos in one paragraph keep their order ----

#[test]
fn defect_8_photos_in_one_paragraph_render_in_body_order() {
    use newsdesk_core::render::render;
    let (_dir, mut library) = library();
    let ids: Vec<String> = ["pa.jpg", "getty.jpg", "cech.jpg"]
        .map(|f| import(&mut library, f).id)
        .into();
    let (a, b, c) = (&ids[0], &ids[1], &ids[2]);
    let rows: Vec<(String, Vec<&String>)> = vec![
        (format!("![](photo:{a}) ![](photo:{b})"), vec![a, b]),
        (
            format!("![](photo:{a})\n![](photo:{b})\n![](photo:{c})"),
            vec![a, b, c],
        ),
        (
            format!("Text ![](photo:{a}) more ![](photo:{b}) end ![](photo:{c})"),
            vec![a, b, c],
        ),
        (
            format!("![](photo:{c}) ![](photo:{a})\n\n![](photo:{b})"),
            vec![c, a, b],
        ),
        (
            format!("![](photo:{a}) ![](photo:{b}/nope) ![](photo:{c})"),
            vec![a, b, c],
        ),
        (format!("- ![](photo:{b}) ![](photo:{a})"), vec![b, a]),
    ];
    let figures = photo::LibraryFigures::new(library.store(), |p, _| format!("src/{}", p.id));
    for (body, order) in rows {
        let html = render(&body, &figures).unwrap().html;
        let mut at: Vec<(usize, &String)> = ids
            .iter()
            .filter_map(|id| html.find(id.as_str()).map(|i| (i, id)))
            .collect();
        at.sort();
        let found: Vec<&String> = at.into_iter().map(|(_, id)| id).collect();
        assert_eq!(found, order, "{body}\n{html}");
    }
}

// ---- Defect 13a: photo desk changes name the version they are based on ----

#[test]
fn defect_13a_a_stale_photo_change_is_refused_naming_both_versions() {
    let (_dir, mut library) = library();
    let photo = import(&mut library, "rubbish.jpg");
    assert_eq!(photo.version, 1);
    let store = library.store_mut();
    let credit = |c: &str| DeskEdit {
        credit: Some(c.into()),
        ..Default::default()
    };
    let square = Rect {
        x: 0,
        y: 0,
        width: 300,
        height: 300,
    };
    let window = store
        .edit_photo_desk(&photo.id, 1, credit("Window"))
        .unwrap();
    assert_eq!(window.version, 2);
    let with_crop = store
        .save_crop(&photo.id, 2, "square", Aspect::Ratio(1, 1), square)
        .unwrap();
    assert_eq!(with_crop.version, 3);

    type Change<'a> = (
        &'a str,
        Box<
            dyn Fn(&mut newsdesk_core::store::Store, i64) -> newsdesk_core::Result<photo::Photo>
                + 'a,
        >,
    );
    let changes: Vec<Change> = vec![
        (
            "edit",
            Box::new(|s, v| s.edit_photo_desk(&photo.id, v, credit("CLI"))),
        ),
        (
            "focal point",
            Box::new(|s, v| s.set_focal_point(&photo.id, v, Some((0.2, 0.2)))),
        ),
        (
            "crop",
            Box::new(|s, v| s.save_crop(&photo.id, v, "wide", Aspect::Free, square)),
        ),
        (
            "crop deletion",
            Box::new(|s, v| s.delete_crop(&photo.id, v, "square")),
        ),
    ];
    let mut current = 3;
    for (what, change) in &changes {
        let err = change(store, 1).unwrap_err();
        assert_eq!(err.kind(), "conflict", "{what}: {err}");
        let message = err.to_string();
        assert!(
            message.contains("version 1") && message.contains(&format!("version {current}")),
            "{what}: {message}"
        );
        let unchanged = store.photo(&photo.id).unwrap();
        assert_eq!(unchanged.version, current, "{what}: nothing changed");
        let changed = change(store, current).unwrap();
        current += 1;
        assert_eq!(changed.version, current, "{what}");
    }
    assert_eq!(store.photo(&photo.id).unwrap().desk.credit, "CLI");
}

// ---- Defect 13c: a thumbnail is made again without holding the library ----

#[test]
fn defect_13c_a_missing_thumbnail_is_made_from_what_was_looked_up() {
    let (_dir, mut library) = library();
    let photo = import(&mut library, "rubbish.jpg");
    let path = photo::thumbnail(&library, &photo.id).unwrap();
    std::fs::remove_file(&path).unwrap();
    // Looked up with the library; made once the library is no longer needed (closed here).
    let job = photo::Thumbnail::look_up(&library, &photo.id).unwrap();
    drop(library);
    assert_eq!(job.make().unwrap(), path);
    assert!(image::open(&path).is_ok());
}

#[test]
fn a_crop_a_story_uses_is_kept_and_the_refusal_names_the_story() {
    use newsdesk_core::article::PhotoPlacement;
    use newsdesk_core::store::RevisionKind;
    use newsdesk_core::{ArticleFields, Status};

    // (how the story holds the photo, its status, whether deleting crop "square" is refused)
    type Case = (&'static str, fn(&str) -> ArticleFields, Status, bool);
    let cases: &[Case] = &[
        (
            "lead photo",
            |id| ArticleFields {
                lead_photo: Some(PhotoPlacement {
                    photo_id: id.into(),
                    crop: "square".into(),
                }),
                ..Default::default()
            },
            Status::Draft,
            true,
        ),
        (
            "figure in the body",
            |id| ArticleFields {
                body: format!("Before.\n\n![Fans](photo:{id}/square)\n\nAfter."),
                ..Default::default()
            },
            Status::Ready,
            true,
        ),
        (
            "lead photo of a spiked story",
            |id| ArticleFields {
                lead_photo: Some(PhotoPlacement {
                    photo_id: id.into(),
                    crop: "square".into(),
                }),
                ..Default::default()
            },
            Status::Spiked,
            true,
        ),
        (
            "another crop of the photo",
            |id| ArticleFields {
                body: format!("![Fans](photo:{id}/squarer)"),
                lead_photo: Some(PhotoPlacement {
                    photo_id: id.into(),
                    crop: "wide".into(),
                }),
                ..Default::default()
            },
            Status::Draft,
            false,
        ),
        (
            "the reference as text, not as a figure",
            |id| ArticleFields {
                body: format!("`![Fans](photo:{id}/square)`"),
                ..Default::default()
            },
            Status::Draft,
            false,
        ),
    ];
    let square = Rect {
        x: 0,
        y: 0,
        width: 60,
        height: 60,
    };
    for (how, fields, status, refused) in cases {
        let (_dir, mut library) = library();
        let photo = import(&mut library, "getty.jpg");
        let store = library.store_mut();
        store
            .save_crop(&photo.id, 1, "square", Aspect::Ratio(1, 1), square)
            .unwrap();
        let mut fields = fields(&photo.id);
        fields.headline = "Fans queue at dawn".into();
        let article = store
            .create_article(None, &fields, *status, RevisionKind::Create)
            .unwrap();
        let deleted = store.delete_crop(&photo.id, 2, "square");
        let kept = store.photo(&photo.id).unwrap();
        if *refused {
            let err = deleted.unwrap_err();
            assert_eq!(err.kind(), "invalid", "{how}: {err}");
            assert_eq!(
                err.to_string(),
                "the crop square is used in a story (\u{201c}Fans queue at dawn\u{201d}): take it out of it first",
                "{how}"
            );
            assert_eq!((kept.version, kept.crops.len()), (2, 1), "{how}");
            // Out of the story, the crop can go.
            let mut fields = store.article(&article.id).unwrap().fields;
            fields.lead_photo = None;
            fields.body = String::new();
            store
                .save_article(
                    &article.id,
                    1,
                    &fields,
                    newsdesk_core::store::SaveKind::Save,
                )
                .unwrap();
        } else {
            deleted.unwrap_or_else(|e| panic!("{how}: {e}"));
            assert!(store.photo(&photo.id).unwrap().crops.is_empty(), "{how}");
            continue;
        }
        let gone = store.delete_crop(&photo.id, 2, "square").unwrap();
        assert_eq!((gone.version, gone.crops.len()), (3, 0), "{how}");
    }
}
