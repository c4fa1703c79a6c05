//! From file bytes to upright sRGB pixels, and from pixels to resized JPEG. Decoding is bounded
//! (`image::Limits` plus our own pixel cap), so a file declaring absurd dimensions is refused
//! before anything is allocated.

use std::io::Cursor;
use std::ops::Deref;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::{Condvar, Mutex, PoisonError};

use fast_image_resize::{FilterType, PixelType, ResizeAlg, ResizeOptions, Resizer, images::Image};
use image::{
    DynamicImage, ImageDecoder, ImageFormat, ImageReader, RgbImage, metadata::Orientation,
};

use super::Rect;
use super::metadata::jpeg_segments;

/// Larger originals are refused: no news photo needs more, and it bounds memory and time.
pub const MAX_FILE_BYTES: u64 = 100 * 1024 * 1024;
/// 100 megapixels: 300 MB of RGB once decoded.
pub const MAX_PIXELS: u64 = 100_000_000;
const MAX_SIDE: u32 = 40_000;
/// Decoded pixels held at once by the whole process: every import worker and every rendition
/// (export makes several in parallel) takes its share before it decodes and gives it back
/// when the pixels are freed. A decode takes 3 to 8 bytes a pixel (the decoder's own buffer,
/// then RGB), so this keeps the desk near 700 MB at worst however many cores decode, instead
/// of that much per core. One picture larger than the budget still decodes, alone.
pub const PIXEL_BUDGET: u64 = MAX_PIXELS;
/// Decoder allocation cap (bytes); comfortably above MAX_PIXELS x 4 channels.
const MAX_ALLOC: u64 = 512 * 1024 * 1024;
/// Fixed encoder settings: renditions must be byte-identical for the same input.
pub const JPEG_QUALITY: u8 = 85;
const TRUNCATED: &str = "the JPEG is truncated (its image data stops before the end)";

/// The formats the desk takes in.
pub fn format_of(bytes: &[u8]) -> Result<&'static str, String> {
    if bytes.is_empty() {
        return Err("the file is empty".into());
    }
    match image::guess_format(bytes) {
        Ok(ImageFormat::Jpeg) => Ok("jpeg"),
        Ok(ImageFormat::Png) => Ok("png"),
        Ok(ImageFormat::WebP) => Ok("webp"),
        Ok(ImageFormat::Tiff) => Ok("tiff"),
        Ok(other) => Err(format!(
            "{} images are not supported: use JPEG, PNG, WebP or TIFF",
            other
                .extensions_str()
                .first()
                .unwrap_or(&"these")
                .to_uppercase()
        )),
        Err(_) => Err("this is not an image (not JPEG, PNG, WebP or TIFF)".into()),
    }
}

/// What a file's header says, read without decoding the pixels.
pub struct Header {
    pub stored_width: u32,
    pub stored_height: u32,
    pub orientation: u8,
}

impl Header {
    /// Width and height as displayed.
    pub fn upright(&self) -> (u32, u32) {
        if swaps_sides(self.orientation) {
            (self.stored_height, self.stored_width)
        } else {
            (self.stored_width, self.stored_height)
        }
    }
}

fn swaps_sides(orientation: u8) -> bool {
    (5..=8).contains(&orientation)
}

fn limits() -> image::Limits {
    let mut limits = image::Limits::default();
    limits.max_image_width = Some(MAX_SIDE);
    limits.max_image_height = Some(MAX_SIDE);
    limits.max_alloc = Some(MAX_ALLOC);
    limits
}

fn decoder(bytes: &[u8]) -> Result<Box<dyn ImageDecoder + '_>, String> {
    let reader = ImageReader::new(Cursor::new(bytes))
        .with_guessed_format()
        .map_err(|e| e.to_string())?;
    let mut decoder = reader.into_decoder().map_err(describe)?;
    let (w, h) = decoder.dimensions();
    within_limits(w, h)?;
    decoder.set_limits(limits()).map_err(describe)?;
    Ok(Box::new(decoder))
}

/// Refuses declared dimensions before anything of that size is allocated.
fn within_limits(w: u32, h: u32) -> Result<(), String> {
    if w as u64 * h as u64 > MAX_PIXELS || w > MAX_SIDE || h > MAX_SIDE {
        return Err(format!(
            "it declares {w}x{h} pixels, more than the {} megapixel limit",
            MAX_PIXELS / 1_000_000
        ));
    }
    Ok(())
}

fn describe(err: image::ImageError) -> String {
    match err {
        image::ImageError::Limits(_) => "it is too large to decode safely".into(),
        other => format!("the image data is damaged ({other})"),
    }
}

pub fn header(bytes: &[u8]) -> Result<Header, String> {
    let mut decoder = decoder(bytes)?;
    let (stored_width, stored_height) = decoder.dimensions();
    let orientation = decoder.orientation().map(|o| o.to_exif()).unwrap_or(1);
    Ok(Header {
        stored_width,
        stored_height,
        orientation,
    })
}

/// The shared [`PIXEL_BUDGET`]: pixels in use, and a signal when some are given back.
struct PixelBudget {
    in_use: Mutex<u64>,
    freed: Condvar,
}

static BUDGET: PixelBudget = PixelBudget {
    in_use: Mutex::new(0),
    freed: Condvar::new(),
};

/// A share of the budget, given back when dropped.
pub struct Permit {
    pixels: u64,
}

/// Waits until `pixels` (at most the whole budget) are free, and takes them.
fn reserve(pixels: u64) -> Permit {
    let pixels = pixels.clamp(1, PIXEL_BUDGET);
    let mut in_use = BUDGET.in_use.lock().unwrap_or_else(PoisonError::into_inner);
    while *in_use + pixels > PIXEL_BUDGET {
        in_use = BUDGET
            .freed
            .wait(in_use)
            .unwrap_or_else(PoisonError::into_inner);
    }
    *in_use += pixels;
    Permit { pixels }
}

impl Drop for Permit {
    fn drop(&mut self) {
        let mut in_use = BUDGET.in_use.lock().unwrap_or_else(PoisonError::into_inner);
        *in_use -= self.pixels;
        BUDGET.freed.notify_all();
    }
}

/// Decoded pixels with their share of the budget: the share goes back when they are freed.
pub struct Decoded {
    image: RgbImage,
    /// How many pixels of the original one decoded pixel spans on each side: 1, or 2, 4 or 8
    /// when a JPEG was decoded smaller.
    shrink: u32,
    _permit: Permit,
}

impl Deref for Decoded {
    type Target = RgbImage;
    fn deref(&self) -> &RgbImage {
        &self.image
    }
}

impl Decoded {
    /// `rect` (in the upright original's pixels) scaled to `width` x `height`.
    pub fn resize(&self, rect: Rect, width: u32, height: u32) -> RgbImage {
        let s = self.shrink as f64;
        let crop = [rect.x, rect.y, rect.width, rect.height].map(|v| v as f64 / s);
        resize_crop(&self.image, crop, width, height)
    }
}

/// Upright sRGB pixels with a long edge of at least `long_edge` (or the whole image when it is
/// smaller), for thumbnails.
pub fn decode_upright_for(bytes: &[u8], long_edge: u32) -> Result<Decoded, String> {
    decode_upright(
        bytes,
        |w, h| w.max(h) as f64 / long_edge.max(1) as f64,
        None,
    )
}

/// Upright sRGB pixels holding `rect` of the original at least `width` wide, for renditions of
/// it; rows below it may be left out. [`Decoded::resize`] takes `rect` from them.
pub fn decode_upright_region(bytes: &[u8], rect: Rect, width: u32) -> Result<Decoded, String> {
    let room = rect.width as f64 / width.max(1) as f64;
    decode_upright(bytes, |_, _| room, Some(rect.y + rect.height))
}

/// Decodes upright and in sRGB. A JPEG may come out smaller: `room` says, from the stored width
/// and height, how many times smaller than the original the caller can take it, and rows below
/// `bottom` (upright) may be left out. Other formats, and JPEGs libjpeg does not take, are
/// decoded whole at full size.
fn decode_upright(
    bytes: &[u8],
    room: impl FnOnce(u32, u32) -> f64,
    bottom: Option<u32>,
) -> Result<Decoded, String> {
    refuse_truncated_jpeg(bytes)?;
    // The image crate reads the header, the limits, the orientation and the ICC profile the
    // same way whichever decoder then makes the pixels.
    let mut decoder = decoder(bytes)?;
    let orientation = decoder.orientation().unwrap_or(Orientation::NoTransforms);
    let icc = decoder.icc_profile().ok().flatten();
    let (w, h) = decoder.dimensions();
    if is_jpeg(bytes) {
        match libjpeg(bytes, orientation, room, bottom) {
            Libjpeg::Decoded(scaled) => {
                let rgb = upright_srgb(scaled.image, orientation, icc.as_deref(), scaled.gray);
                return Ok(Decoded {
                    image: rgb,
                    shrink: scaled.shrink,
                    _permit: scaled.permit,
                });
            }
            Libjpeg::Warned => refuse_damaged_jpeg(bytes, w, h)?,
            Libjpeg::Declined => {}
        }
    }
    let permit = reserve(w as u64 * h as u64);
    let image = DynamicImage::from_decoder(decoder).map_err(describe)?;
    let gray = matches!(
        image,
        DynamicImage::ImageLuma8(_) | DynamicImage::ImageLumaA8(_)
    );
    let rgb = match image {
        DynamicImage::ImageRgba8(rgba) => without_alpha(rgba),
        other => other.into_rgb8(),
    };
    Ok(Decoded {
        image: upright_srgb(rgb, orientation, icc.as_deref(), gray),
        shrink: 1,
        _permit: permit,
    })
}

/// Turns stored pixels upright and converts them to sRGB.
fn upright_srgb(
    rgb: RgbImage,
    orientation: Orientation,
    icc: Option<&[u8]>,
    gray: bool,
) -> RgbImage {
    let mut rgb = if orientation == Orientation::NoTransforms {
        rgb
    } else {
        let mut turned = DynamicImage::ImageRgb8(rgb);
        turned.apply_orientation(orientation);
        turned.into_rgb8()
    };
    // A grey picture is converted as if its gamma were sRGB's (Gray Gamma 2.2 is within a
    // hair of it); only RGB profiles are applied. A CMYK profile on RGB pixels (a broken
    // file seen in the wild) cannot describe those pixels and is ignored. CMYK and YCCK JPEGs
    // are converted by the decoder as Adobe (inverted) CMYK without their profile: the naive
    // conversion ImageMagick makes by default, somewhat darker than a colour-managed one.
    if let Some(icc) = icc.filter(|_| !gray) {
        to_srgb(&mut rgb, icc);
    }
    rgb
}

/// RGBA to RGB in the same buffer (alpha dropped, as `into_rgb8` does): a copy would hold both,
/// 700 MB at once for a 100-megapixel PNG with alpha instead of 400.
fn without_alpha(rgba: image::RgbaImage) -> RgbImage {
    let (w, h) = rgba.dimensions();
    let mut data = rgba.into_raw();
    let pixels = w as usize * h as usize;
    for i in 0..pixels {
        data.copy_within(i * 4..i * 4 + 3, i * 3);
    }
    data.truncate(pixels * 3);
    data.shrink_to_fit();
    RgbImage::from_raw(w, h, data).expect("three bytes a pixel")
}

fn is_jpeg(bytes: &[u8]) -> bool {
    bytes.starts_with(&[0xFF, 0xD8])
}

fn refuse_truncated_jpeg(bytes: &[u8]) -> Result<(), String> {
    if is_jpeg(bytes) && !jpeg_complete(bytes) {
        Err(TRUNCATED.into())
    } else {
        Ok(())
    }
}

/// What libjpeg made of a JPEG.
enum Libjpeg {
    Decoded(Scaled),
    /// It decoded on through damaged data (see [`listener`]).
    Warned,
    /// Not a file it takes (CMYK), or an error: the full decode says what is wrong.
    Declined,
}

/// Libjpeg decodes on through damaged data (a bad Huffman code, a segment cut short) and only
/// warns: the picture comes out with grey or smeared blocks. But it also warns of stray bytes
/// before the end marker, which some encoders leave in pictures every viewer shows whole. So
/// a second opinion: zune-jpeg (the image crate's decoder) in its strict mode, which refuses
/// what it cannot decode to the letter. An agency photo damaged in the middle is refused at
/// import with a reason, as jpeg-decoder refused it before libjpeg decoded photos here,
/// rather than published with grey blocks.
fn refuse_damaged_jpeg(bytes: &[u8], width: u32, height: u32) -> Result<(), String> {
    let _permit = reserve(width as u64 * height as u64);
    let strict = zune_jpeg::zune_core::options::DecoderOptions::default()
        .set_strict_mode(true)
        .set_max_width(width as usize)
        .set_max_height(height as usize);
    let cursor = zune_jpeg::zune_core::bytestream::ZCursor::new(bytes);
    zune_jpeg::JpegDecoder::new_with_options(cursor, strict)
        .decode()
        .map(drop)
        .map_err(|e| format!("the image data is damaged ({e})"))
}

/// Stored pixels from libjpeg, possibly smaller than the original.
struct Scaled {
    image: RgbImage,
    shrink: u32,
    gray: bool,
    permit: Permit,
}

/// A YCbCr, RGB or grey JPEG through libjpeg-turbo (MozJPEG's build of it). Its DCT scaling
/// decodes at 1/2, 1/4 or 1/8 size for little more than the entropy decoding, the way libvips'
/// shrink-on-load does; the largest of those within `room` is taken. It hands out rows one at a
/// time, so when the picture is not turned or flipped upside down, rows below `bottom` (and
/// the few the resize filter reads past it) are never decoded.
fn libjpeg(
    bytes: &[u8],
    orientation: Orientation,
    room: impl FnOnce(u32, u32) -> f64,
    bottom: Option<u32>,
) -> Libjpeg {
    let decode = || -> std::io::Result<Option<Scaled>> {
        let mut jpeg = mozjpeg::Decompress::with_err(listener()).from_mem(bytes)?;
        let gray = match jpeg.color_space() {
            mozjpeg::ColorSpace::JCS_GRAYSCALE => true,
            mozjpeg::ColorSpace::JCS_YCbCr | mozjpeg::ColorSpace::JCS_RGB => false,
            _ => return Ok(None),
        };
        let (w, h) = jpeg.size();
        let room = room(w as u32, h as u32);
        let shrink = [8, 4, 2]
            .into_iter()
            .find(|&s| s as f64 <= room)
            .unwrap_or(1);
        jpeg.scale((8 / shrink) as u8);
        let mut rows = jpeg.rgb()?;
        let (width, height) = (rows.width(), rows.height());
        // The resize reads past the crop's edge what Lanczos 3 spans: three source pixels a
        // side, times what is left to scale down after the DCT. With those rows decoded too,
        // the rendition is what a decode of the whole picture gives.
        let filter_rows = (3.0 * (room / shrink as f64).max(1.0)).ceil() as usize + 1;
        let wanted = match bottom {
            Some(bottom)
                if matches!(
                    orientation,
                    Orientation::NoTransforms | Orientation::FlipHorizontal
                ) =>
            {
                (bottom.div_ceil(shrink) as usize + filter_rows).min(height)
            }
            _ => height,
        };
        let permit = reserve((width * wanted) as u64);
        let mut pixels = vec![0; width * 3 * wanted];
        rows.read_scanlines_into(&mut pixels)?;
        let image =
            RgbImage::from_raw(width as u32, wanted as u32, pixels).expect("three bytes a pixel");
        Ok(Some(Scaled {
            image,
            shrink,
            gray,
            permit,
        }))
    };
    match catch_unwind(AssertUnwindSafe(decode)) {
        Ok(Ok(Some(scaled))) => Libjpeg::Decoded(scaled),
        Err(unwound) if unwound.is::<Warning>() => Libjpeg::Warned,
        _ => Libjpeg::Declined,
    }
}

/// What [`listener`] unwinds with when libjpeg warns.
struct Warning;

/// How libjpeg tells us about trouble: its errors and its warnings (see
/// [`refuse_damaged_jpeg`]) unwind back to `libjpeg`'s `catch_unwind` (no panic message
/// printed), as the mozjpeg crate's own manager does with errors.
fn listener() -> mozjpeg_sys::jpeg_error_mgr {
    use mozjpeg_sys::jpeg_common_struct as Jpeg;
    extern "C-unwind" fn give_up(_: &mut Jpeg) {
        std::panic::resume_unwind(Box::new(()))
    }
    extern "C-unwind" fn warned(_: &mut Jpeg, level: std::os::raw::c_int) {
        // Level -1 is a warning; higher levels are trace messages, off here.
        if level < 0 {
            std::panic::resume_unwind(Box::new(Warning))
        }
    }
    extern "C-unwind" fn nothing(_: &mut Jpeg) {}
    // Every field, because `jpeg_std_error` (which fills them) is C: the message tables it
    // would point to are only read by the default handlers, replaced here.
    mozjpeg_sys::jpeg_error_mgr {
        error_exit: Some(give_up),
        emit_message: Some(warned),
        output_message: Some(nothing),
        format_message: None,
        reset_error_mgr: Some(nothing),
        msg_code: 0,
        msg_parm: mozjpeg_sys::msg_parm_union {
            _bindgen_data_: [0; 20],
        },
        trace_level: 0,
        num_warnings: 0,
        jpeg_message_table: std::ptr::null(),
        last_jpeg_message: 0,
        addon_message_table: std::ptr::null(),
        first_addon_message: 0,
        last_addon_message: 0,
    }
}

/// Converts pixels described by an RGB ICC profile to sRGB in place; a profile that cannot be
/// read or is not RGB leaves the pixels as they are.
fn to_srgb(rgb: &mut RgbImage, icc: &[u8]) {
    let Ok(profile) = moxcms::ColorProfile::new_from_slice(icc) else {
        return;
    };
    if profile.color_space != moxcms::DataColorSpace::Rgb {
        return;
    }
    let srgb = moxcms::ColorProfile::new_srgb();
    let Ok(transform) = profile.create_transform_8bit(
        moxcms::Layout::Rgb,
        &srgb,
        moxcms::Layout::Rgb,
        moxcms::TransformOptions::default(),
    ) else {
        return;
    };
    // A few rows at a time through a small buffer: a copy of the whole picture would add
    // 300 MB to the peak of a 100-megapixel decode.
    let row = rgb.width() as usize * 3;
    let mut src = Vec::with_capacity(row * 64);
    for rows in rgb.chunks_mut(row * 64) {
        src.clear();
        src.extend_from_slice(rows);
        let _ = transform.transform(&src, rows);
    }
}

/// A JPEG is complete when an end-of-image marker follows its first scan.
fn jpeg_complete(bytes: &[u8]) -> bool {
    let Some((_, sos)) = jpeg_segments(bytes).into_iter().find(|(m, _)| *m == 0xDA) else {
        return false;
    };
    let scan_start = sos.as_ptr() as usize - bytes.as_ptr() as usize;
    // Entropy-coded data escapes 0xFF, so FF D9 after the scan start is the real end marker.
    bytes[scan_start..]
        .windows(2)
        .rev()
        .any(|w| w == [0xFF, 0xD9])
}

/// `rect` of `image` scaled to `width` x `height` (Lanczos3).
pub fn resize(image: &RgbImage, rect: Rect, width: u32, height: u32) -> RgbImage {
    let crop = [rect.x, rect.y, rect.width, rect.height].map(f64::from);
    resize_crop(image, crop, width, height)
}

/// The region `[x, y, width, height]` of `image` (fractions of pixels allowed) scaled to
/// `width` x `height` with Lanczos3.
fn resize_crop(image: &RgbImage, crop: [f64; 4], width: u32, height: u32) -> RgbImage {
    let src = fast_image_resize::images::ImageRef::new(
        image.width(),
        image.height(),
        image.as_raw(),
        PixelType::U8x3,
    )
    .expect("an RgbImage buffer matches its size");
    let mut dst = Image::new(width, height, PixelType::U8x3);
    let [x, y, w, h] = crop;
    let options = ResizeOptions::new()
        .resize_alg(ResizeAlg::Convolution(FilterType::Lanczos3))
        .crop(x, y, w, h);
    Resizer::new()
        .resize(&src, &mut dst, &options)
        .expect("pixel types and crop are valid");
    RgbImage::from_raw(width, height, dst.into_vec()).expect("buffer matches its size")
}

/// Baseline JPEG, 4:2:0, fixed quality, with the given APP segments `(n, body)` after SOI.
pub fn encode_jpeg(image: &RgbImage, segments: &[(u8, &[u8])]) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    let mut encoder = jpeg_encoder::Encoder::new(&mut out, JPEG_QUALITY);
    encoder.set_sampling_factor(jpeg_encoder::SamplingFactor::F_2_2);
    for (n, body) in segments {
        encoder
            .add_app_segment(*n, body.to_vec())
            .map_err(|e| e.to_string())?;
    }
    let (w, h) = (u16::try_from(image.width()), u16::try_from(image.height()));
    let (Ok(w), Ok(h)) = (w, h) else {
        return Err("a JPEG side cannot exceed 65535 pixels".into());
    };
    encoder
        .encode(image.as_raw(), w, h, jpeg_encoder::ColorType::Rgb)
        .map_err(|e| e.to_string())?;
    Ok(out)
}

/// The size of `rect` scaled to `width` wide (never wider than the rect itself).
pub fn scaled_size(rect: Rect, width: u32) -> (u32, u32) {
    let width = width.min(rect.width).max(1);
    let height =
        ((rect.height as u64 * width as u64 + rect.width as u64 / 2) / rect.width as u64).max(1);
    (width, height as u32)
}
