//! Embedded photo metadata: IPTC-IIM (JPEG APP13), XMP (JPEG APP1, PNG iTXt, WebP, TIFF) and
//! EXIF, read with the Metadata Working Group's precedence (XMP over IIM over EXIF), and the
//! IIM + XMP segments written into renditions.
//!
//! IIM is read and written here rather than with the `iptc` crate: its 0.3 writer produces an
//! APP13 segment that exiftool rejects as corrupt, and the format (tagged records in an 8BIM
//! resource) is a few dozen lines either way.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::{DeskRecord, ELLIPSIS};
// The page's HTML escape is also right for XML text: its character references are XML's too.
use crate::render::escape;

/// What a file says about itself. `None` where the file says nothing (or only blanks).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(default)]
pub struct PhotoMetadata {
    pub creator: Option<String>,
    pub credit: Option<String>,
    pub copyright: Option<String>,
    pub caption: Option<String>,
    pub headline: Option<String>,
    pub date_created: Option<String>,
    pub city: Option<String>,
    pub country: Option<String>,
    pub source: Option<String>,
    pub special_instructions: Option<String>,
    pub job_id: Option<String>,
    pub alt_text: Option<String>,
    pub usage_terms: Option<String>,
}

/// The raw metadata blocks found in a file, before interpretation.
#[derive(Debug, Default)]
struct Blocks {
    exif: Option<Vec<u8>>,
    /// Every XMP packet, in file order.
    xmp: Vec<Vec<u8>>,
    iim: Option<Vec<u8>>,
}

const XMP_APP1: &[u8] = b"http://ns.adobe.com/xap/1.0/\0";
const XMP_NS_TAIL: &[u8] = b"ns.adobe.com/xap/1.0/\0";
const PHOTOSHOP_APP13: &[u8] = b"Photoshop 3.0\0";
const IIM_RESOURCE: u16 = 0x0404;
/// ESC % G: dataset 1:90 saying the IIM text is UTF-8.
const IIM_UTF8: &[u8] = b"\x1b%G";

/// Reads the metadata of a JPEG, PNG, WebP or TIFF file. Never fails: a file whose metadata is
/// damaged simply says less.
pub fn read_metadata(bytes: &[u8]) -> PhotoMetadata {
    let blocks = blocks(bytes);
    let xmp = Xmp::parse(&blocks.xmp);
    let iim = blocks.iim.as_deref().map(Iim::parse).unwrap_or_default();
    let exif = blocks.exif.as_deref().map(Exif::parse).unwrap_or_default();
    // MWG: a value from XMP wins, then IIM, then EXIF. (MWG also compares the IIM digest to
    // decide whether IIM was edited after XMP; agency files rarely carry it, so it is skipped.)
    let pick = |values: [Option<String>; 3]| values.into_iter().flatten().find(|v| !v.is_empty());
    PhotoMetadata {
        creator: pick([xmp.get("creator"), iim.get(80), exif.artist]),
        credit: pick([xmp.get("Credit"), iim.get(110), None]),
        copyright: pick([xmp.get("rights"), iim.get(116), exif.copyright]),
        caption: pick([xmp.get("description"), iim.get(120), exif.description]),
        headline: pick([xmp.get("Headline"), iim.get(105), None]),
        date_created: pick([
            xmp.get("DateCreated"),
            iim.date_created(),
            exif.date_time_original,
        ]),
        city: pick([xmp.get("City"), iim.get(90), None]),
        country: pick([xmp.get("Country"), iim.get(101), None]),
        source: pick([xmp.get("Source"), iim.get(115), None]),
        special_instructions: pick([xmp.get("Instructions"), iim.get(40), None]),
        job_id: pick([xmp.get("TransmissionReference"), iim.get(103), None]),
        alt_text: pick([xmp.get("AltTextAccessibility"), None, None]),
        usage_terms: pick([xmp.get("UsageTerms"), None, None]),
    }
}

fn blocks(bytes: &[u8]) -> Blocks {
    if bytes.starts_with(&[0xFF, 0xD8]) {
        jpeg_blocks(bytes)
    } else {
        decoder_blocks(bytes)
    }
}

/// JPEG segments are walked by hand: exiftool-compatible reading needs the odd non-standard
/// XMP header some newsroom tools write, which general decoders skip.
fn jpeg_blocks(bytes: &[u8]) -> Blocks {
    let mut found = Blocks::default();
    // Photoshop resources past 64 KB continue in the next APP13 segment: the bodies after
    // their headers are one stream.
    let mut resources = Vec::new();
    for (marker, body) in jpeg_segments(bytes) {
        match marker {
            0xE1 if body.starts_with(b"Exif\0\0") && found.exif.is_none() => {
                found.exif = Some(body[6..].to_vec());
            }
            0xE1 => found.xmp.extend(xmp_packet(body).map(<[u8]>::to_vec)),
            0xED if body.starts_with(PHOTOSHOP_APP13) => {
                resources.extend_from_slice(&body[PHOTOSHOP_APP13.len()..]);
            }
            _ => {}
        }
    }
    let iim = photoshop_iim(&resources);
    if !iim.is_empty() {
        found.iim = Some(iim);
    }
    found
}

/// The XMP packet of an APP1 body: the standard header, or one that merely ends with the XMP
/// namespace (`XMP\0://ns.adobe.com/xap/1.0/\0` is seen in the wild).
fn xmp_packet(body: &[u8]) -> Option<&[u8]> {
    if let Some(rest) = body.strip_prefix(XMP_APP1) {
        return Some(rest);
    }
    let head = &body[..body.len().min(64)];
    let at = head
        .windows(XMP_NS_TAIL.len())
        .position(|w| w == XMP_NS_TAIL)?;
    Some(&body[at + XMP_NS_TAIL.len()..])
}

/// `(marker, body)` of each JPEG segment before the first scan.
pub(crate) fn jpeg_segments(bytes: &[u8]) -> Vec<(u8, &[u8])> {
    let mut out = Vec::new();
    let mut at = 2;
    while at + 4 <= bytes.len() && bytes[at] == 0xFF {
        let marker = bytes[at + 1];
        if marker == 0xFF {
            at += 1; // fill byte
            continue;
        }
        if marker == 0xD8 || (0xD0..=0xD7).contains(&marker) {
            at += 2;
            continue;
        }
        let len = u16::from_be_bytes([bytes[at + 2], bytes[at + 3]]) as usize;
        if len < 2 || at + 2 + len > bytes.len() {
            break;
        }
        out.push((marker, &bytes[at + 4..at + 2 + len]));
        if marker == 0xDA {
            break;
        }
        at += 2 + len;
    }
    out
}

/// The IIM bytes in Photoshop image resources (`8BIM` blocks).
fn photoshop_iim(mut data: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    while data.len() >= 12 && &data[..4] == b"8BIM" {
        let id = u16::from_be_bytes([data[4], data[5]]);
        let name_len = data[6] as usize;
        let name_total = (1 + name_len + 1) & !1; // padded to even
        let at = 6 + name_total;
        if at + 4 > data.len() {
            break;
        }
        let size =
            u32::from_be_bytes([data[at], data[at + 1], data[at + 2], data[at + 3]]) as usize;
        let start = at + 4;
        let end = (start + size).min(data.len());
        if id == IIM_RESOURCE {
            out.extend_from_slice(&data[start..end]);
        }
        let next = start + size + (size & 1);
        if next >= data.len() {
            break;
        }
        data = &data[next..];
    }
    out
}

/// PNG, WebP and TIFF: the image decoders already find EXIF and XMP there.
fn decoder_blocks(bytes: &[u8]) -> Blocks {
    use image::ImageDecoder;
    let Ok(reader) = image::ImageReader::new(std::io::Cursor::new(bytes)).with_guessed_format()
    else {
        return Blocks::default();
    };
    let Ok(mut decoder) = reader.into_decoder() else {
        return Blocks::default();
    };
    Blocks {
        exif: decoder.exif_metadata().ok().flatten(),
        xmp: decoder.xmp_metadata().ok().flatten().into_iter().collect(),
        iim: decoder.iptc_metadata().ok().flatten(),
    }
}

/// IIM datasets of record 2, decoded to text.
#[derive(Default)]
struct Iim {
    datasets: Vec<(u8, String)>,
}

impl Iim {
    fn parse(data: &[u8]) -> Iim {
        let mut raw: Vec<(u8, u8, &[u8])> = Vec::new();
        let mut at = 0;
        while at + 5 <= data.len() && data[at] == 0x1C {
            let (record, dataset) = (data[at + 1], data[at + 2]);
            let mut len = u16::from_be_bytes([data[at + 3], data[at + 4]]) as usize;
            at += 5;
            if len & 0x8000 != 0 {
                // Extended dataset: the next (len & 0x7FFF) bytes hold the real length.
                let n = len & 0x7FFF;
                if n > 4 || at + n > data.len() {
                    break;
                }
                len = data[at..at + n]
                    .iter()
                    .fold(0usize, |acc, b| acc << 8 | *b as usize);
                at += n;
            }
            let end = (at + len).min(data.len());
            raw.push((record, dataset, &data[at..end]));
            at = end;
        }
        let utf8 = raw
            .iter()
            .any(|(r, d, v)| *r == 1 && *d == 90 && v.starts_with(IIM_UTF8));
        let datasets = raw
            .into_iter()
            .filter(|(r, _, _)| *r == 2)
            .map(|(_, d, v)| (d, decode_text(v, utf8)))
            .collect();
        Iim { datasets }
    }

    /// All values of a repeatable dataset joined (creators), or the one value.
    fn get(&self, dataset: u8) -> Option<String> {
        let values: Vec<&str> = self
            .datasets
            .iter()
            .filter(|(d, _)| *d == dataset)
            .map(|(_, v)| v.trim())
            .filter(|v| !v.is_empty())
            .collect();
        (!values.is_empty()).then(|| values.join(", "))
    }

    /// 2:55 (CCYYMMDD) and 2:60 (HHMMSS±HHMM) as ISO 8601.
    fn date_created(&self) -> Option<String> {
        let date = self
            .get(55)
            .filter(|d| d.len() == 8 && d.bytes().all(|b| b.is_ascii_digit()))?;
        let mut out = format!("{}-{}-{}", &date[..4], &date[4..6], &date[6..]);
        if let Some(t) = self.get(60).filter(|t| t.len() >= 6 && t.is_ascii()) {
            out.push_str(&format!("T{}:{}:{}", &t[..2], &t[2..4], &t[4..6]));
            if t.len() == 11 {
                out.push_str(&format!("{}:{}", &t[6..9], &t[9..]));
            }
        }
        Some(out)
    }
}

/// UTF-8 when the file says so, else Latin-1 (each byte is the code point), which is what
/// agencies that do not declare a charset mean in practice.
fn decode_text(bytes: &[u8], utf8: bool) -> String {
    let bytes = trim_nul(bytes);
    if utf8 {
        String::from_utf8_lossy(bytes).into_owned()
    } else {
        bytes.iter().map(|&b| b as char).collect()
    }
}

fn trim_nul(bytes: &[u8]) -> &[u8] {
    let end = bytes.iter().rposition(|&b| b != 0).map_or(0, |i| i + 1);
    &bytes[..end]
}

#[derive(Default)]
struct Exif {
    artist: Option<String>,
    copyright: Option<String>,
    description: Option<String>,
    date_time_original: Option<String>,
}

impl Exif {
    fn parse(tiff: &[u8]) -> Exif {
        let Ok(exif) = exif::Reader::new().read_raw(tiff.to_vec()) else {
            return Exif::default();
        };
        let text = |tag| {
            let field = exif.get_field(tag, exif::In::PRIMARY)?;
            match &field.value {
                exif::Value::Ascii(parts) => {
                    let first = parts.first()?;
                    let text = std::str::from_utf8(trim_nul(first))
                        .map(str::to_owned)
                        .unwrap_or_else(|_| decode_text(first, false));
                    Some(text.trim().to_owned()).filter(|t| !t.is_empty())
                }
                _ => None,
            }
        };
        Exif {
            artist: text(exif::Tag::Artist),
            copyright: text(exif::Tag::Copyright),
            description: text(exif::Tag::ImageDescription),
            // "2015:04:23 18:37:32" -> "2015-04-23T18:37:32"
            date_time_original: text(exif::Tag::DateTimeOriginal).and_then(|t| {
                let (date, time) = t.split_once(' ')?;
                Some(format!("{}T{time}", date.replace(':', "-")))
            }),
        }
    }
}

const NS_DC: &str = "http://purl.org/dc/elements/1.1/";
const NS_PHOTOSHOP: &str = "http://ns.adobe.com/photoshop/1.0/";
const NS_RDF: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
const NS_IPTC_CORE: &str = "http://iptc.org/std/Iptc4xmpCore/1.0/xmlns/";
const NS_XMP_RIGHTS: &str = "http://ns.adobe.com/xap/1.0/rights/";
const NS_XML: &str = "http://www.w3.org/XML/1998/namespace";

/// The properties of the XMP packets of a file; a later packet overrides an earlier one (as
/// exiftool reads them: some agency files carry a stale packet and then the current one).
#[derive(Default)]
struct Xmp(HashMap<&'static str, String>);

/// (namespace, property) pairs the desk reads.
const XMP_PROPERTIES: [(&str, &str); 13] = [
    (NS_DC, "creator"),
    (NS_PHOTOSHOP, "Credit"),
    (NS_DC, "rights"),
    (NS_DC, "description"),
    (NS_PHOTOSHOP, "Headline"),
    (NS_PHOTOSHOP, "DateCreated"),
    (NS_PHOTOSHOP, "City"),
    (NS_PHOTOSHOP, "Country"),
    (NS_PHOTOSHOP, "Source"),
    (NS_PHOTOSHOP, "Instructions"),
    (NS_PHOTOSHOP, "TransmissionReference"),
    (NS_IPTC_CORE, "AltTextAccessibility"),
    (NS_XMP_RIGHTS, "UsageTerms"),
];

impl Xmp {
    fn parse(packets: &[Vec<u8>]) -> Xmp {
        let mut found = HashMap::new();
        for packet in packets {
            let text = String::from_utf8_lossy(packet);
            // The packet is padded with whitespace or NULs and wrapped in processing instructions.
            let (Some(start), Some(end)) = (text.find('<'), text.rfind('>')) else {
                continue;
            };
            let Ok(doc) = roxmltree::Document::parse(&text[start..=end]) else {
                continue;
            };
            for (ns, name) in XMP_PROPERTIES {
                if let Some(value) = xmp_property(&doc, ns, name) {
                    found.insert(name, value);
                }
            }
        }
        Xmp(found)
    }

    fn get(&self, name: &str) -> Option<String> {
        self.0.get(name).cloned()
    }
}

/// A property written either as an attribute of `rdf:Description` or as an element holding
/// text or an `rdf:Seq`/`Bag` (joined) or `rdf:Alt` (the `x-default` entry, else the first).
fn xmp_property(doc: &roxmltree::Document<'_>, ns: &str, name: &str) -> Option<String> {
    for node in doc.descendants().filter(|n| n.is_element()) {
        if let Some(value) = node.attribute((ns, name)) {
            return non_empty(value);
        }
        if node.tag_name().namespace() != Some(ns) || node.tag_name().name() != name {
            continue;
        }
        let items: Vec<roxmltree::Node<'_, '_>> = node
            .descendants()
            .filter(|n| n.tag_name().namespace() == Some(NS_RDF) && n.tag_name().name() == "li")
            .collect();
        if items.is_empty() {
            return non_empty(&node_text(node));
        }
        let is_alt = node.children().any(|c| c.tag_name().name() == "Alt");
        if is_alt {
            let default = items
                .iter()
                .find(|li| li.attribute((NS_XML, "lang")) == Some("x-default"));
            return non_empty(&node_text(*default.unwrap_or(&items[0])));
        }
        let values: Vec<String> = items
            .iter()
            .map(|li| node_text(*li))
            .filter(|v| !v.trim().is_empty())
            .collect();
        return non_empty(&values.join(", "));
    }
    None
}

fn node_text(node: roxmltree::Node<'_, '_>) -> String {
    node.descendants()
        .filter(|n| n.is_text())
        .filter_map(|n| n.text())
        .collect()
}

fn non_empty(value: &str) -> Option<String> {
    let value = value.trim();
    (!value.is_empty()).then(|| value.to_owned())
}

/// The most a JPEG APP segment body holds: its length field counts itself (2 bytes) and
/// cannot pass 65535.
pub(crate) const MAX_SEGMENT_BODY: usize = 65533;

/// The APP1 XMP and APP13 IIM segment bodies carrying the desk's record. Deterministic: no
/// timestamps, no generated ids, fixed order, so the same record gives the same bytes.
///
/// Both always fit one segment, measured on the bytes written. The record is first brought
/// under the desk's rules (a record stored before they applied to imports may break them).
/// IIM then fits whole: eight fields of at most `MAX_DESK_FIELD_BYTES` are far below a
/// segment. XMP escapes `&<>"'` (up to six bytes for one), so a record within the rules can
/// still overflow APP1; then the longest values are shortened, all to the same encoded
/// length, the largest that fits, each cut at a character and ending with "…" (short values
/// such as the credit are never cut). The IIM copy in the same file and the desk record keep
/// the whole text. Extended XMP would carry more, but the readers renditions go to (CMS
/// importers, browsers, WordPress) mostly read the main packet only, where the text would
/// then be missing rather than shortened.
pub(crate) fn rendition_segments(desk: &DeskRecord) -> (Vec<u8>, Vec<u8>) {
    let mut desk = desk.clone();
    desk.normalise();
    (
        fitted(|cap| xmp_app1(&desk, cap)),
        fitted(|cap| iim_app13(&desk, cap)),
    )
}

/// `build(None)` when it fits a segment, else `build(Some(cap))` with the largest cap (the
/// encoded bytes each value may take) that fits.
fn fitted(build: impl Fn(Option<usize>) -> Vec<u8>) -> Vec<u8> {
    let whole = build(None);
    if whole.len() <= MAX_SEGMENT_BODY {
        return whole;
    }
    // The body shrinks as the cap does; cap 0 leaves only "…" for each long value.
    let (mut fits, mut over) = (0, whole.len());
    while over - fits > 1 {
        let cap = fits + (over - fits) / 2;
        if build(Some(cap)).len() <= MAX_SEGMENT_BODY {
            fits = cap
        } else {
            over = cap
        }
    }
    build(Some(fits))
}

/// The bytes `c` takes in XML text as [`escape`] writes it.
fn xmp_cost(c: char) -> usize {
    match c {
        '&' | '\'' => 5,
        '<' | '>' => 4,
        '"' => 6,
        c => c.len_utf8(),
    }
}

/// `value` whole when its encoded size (`cost` per character) is within `cap`; else its
/// longest start that is, with "…" (counted) after it.
fn within(value: &str, cap: Option<usize>, cost: fn(char) -> usize) -> std::borrow::Cow<'_, str> {
    let Some(cap) = cap else { return value.into() };
    if value.chars().map(cost).sum::<usize>() <= cap {
        return value.into();
    }
    let room = cap.saturating_sub(ELLIPSIS.len_utf8());
    let (mut used, mut end) = (0, 0);
    for (at, c) in value.char_indices() {
        used += cost(c);
        if used > room {
            break;
        }
        end = at + c.len_utf8();
    }
    format!("{}{ELLIPSIS}", &value[..end]).into()
}

fn xmp_app1(desk: &DeskRecord, cap: Option<usize>) -> Vec<u8> {
    let text = |value: &str| escape(&within(value, cap, xmp_cost));
    let mut props = String::new();
    let mut alt = |ns_name: &str, value: &str| {
        if !value.is_empty() {
            props.push_str(&format!(
                "   <{ns_name}><rdf:Alt><rdf:li xml:lang=\"x-default\">{}</rdf:li></rdf:Alt></{ns_name}>\n",
                text(value)
            ));
        }
    };
    alt("dc:rights", &desk.copyright);
    alt("dc:description", &desk.caption);
    alt("xmpRights:UsageTerms", &desk.usage_terms);
    alt("Iptc4xmpCore:AltTextAccessibility", &desk.alt_text);
    if !desk.creator.is_empty() {
        props.push_str(&format!(
            "   <dc:creator><rdf:Seq><rdf:li>{}</rdf:li></rdf:Seq></dc:creator>\n",
            text(&desk.creator)
        ));
    }
    for (name, value) in [
        ("photoshop:Credit", &desk.credit),
        ("photoshop:Source", &desk.source),
        ("photoshop:Instructions", &desk.special_instructions),
    ] {
        if !value.is_empty() {
            props.push_str(&format!("   <{name}>{}</{name}>\n", text(value)));
        }
    }
    let packet = format!(
        "<?xpacket begin=\"\u{feff}\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n\
         <x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n\
         \x20<rdf:RDF xmlns:rdf=\"{NS_RDF}\">\n\
         \x20 <rdf:Description rdf:about=\"\"\n\
         \x20   xmlns:dc=\"{NS_DC}\"\n\
         \x20   xmlns:photoshop=\"{NS_PHOTOSHOP}\"\n\
         \x20   xmlns:xmpRights=\"{NS_XMP_RIGHTS}\"\n\
         \x20   xmlns:Iptc4xmpCore=\"{NS_IPTC_CORE}\">\n\
         {props}\
         \x20 </rdf:Description>\n\
         \x20</rdf:RDF>\n\
         </x:xmpmeta>\n\
         <?xpacket end=\"r\"?>"
    );
    let mut body = XMP_APP1.to_vec();
    body.extend_from_slice(packet.as_bytes());
    body
}

/// Photoshop APP13 with one IIM resource, declared UTF-8 (1:90). Values are written whole even
/// past IIM's nominal byte limits (credit 32): a cut credit is a wrong credit, and readers
/// (exiftool, WordPress) accept longer values.
fn iim_app13(desk: &DeskRecord, cap: Option<usize>) -> Vec<u8> {
    let mut iim = Vec::new();
    let mut dataset = |record: u8, number: u8, value: &[u8]| {
        // Standard datasets hold up to 32767 bytes (desk fields are far shorter).
        let value = &value[..floor_char_boundary(value, 0x7FFF)];
        iim.extend_from_slice(&[0x1C, record, number]);
        iim.extend_from_slice(&(value.len() as u16).to_be_bytes());
        iim.extend_from_slice(value);
    };
    dataset(1, 90, IIM_UTF8);
    dataset(2, 0, &[0, 4]); // record version 4
    for (number, value) in [
        (40, &desk.special_instructions),
        (80, &desk.creator),
        (110, &desk.credit),
        (115, &desk.source),
        (116, &desk.copyright),
        (120, &desk.caption),
    ] {
        if !value.is_empty() {
            dataset(2, number, within(value, cap, char::len_utf8).as_bytes());
        }
    }
    let mut body = PHOTOSHOP_APP13.to_vec();
    body.extend_from_slice(b"8BIM");
    body.extend_from_slice(&IIM_RESOURCE.to_be_bytes());
    body.extend_from_slice(&[0, 0]); // empty name, padded to even
    body.extend_from_slice(&(iim.len() as u32).to_be_bytes());
    body.extend_from_slice(&iim);
    if iim.len() % 2 == 1 {
        body.push(0);
    }
    body
}

/// The largest index <= max that is a UTF-8 boundary of `bytes` (which is valid UTF-8).
fn floor_char_boundary(bytes: &[u8], max: usize) -> usize {
    if bytes.len() <= max {
        return bytes.len();
    }
    (0..=max)
        .rev()
        .find(|&i| bytes[i] & 0xC0 != 0x80)
        .unwrap_or(0)
}
