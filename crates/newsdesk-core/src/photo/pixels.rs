//! From file bytes to upright sRGB pixels, and from pixels to resized JPEG. Decoding is bounded
//! (`image::Limits` plus our own pixel cap), so a file declaring absurd dimensions is refused
//! before anything is allocated.

use std::io::Cursor;
use std::ops::Deref;
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
    _permit: Permit,
}

impl Deref for Decoded {
    type Target = RgbImage;
    fn deref(&self) -> &RgbImage {
        &self.image
    }
}

/// Decodes the whole image, upright and in sRGB.
pub fn decode_upright(bytes: &[u8]) -> Result<Decoded, String> {
    refuse_truncated_jpeg(bytes)?;
    decode_whole(bytes)
}

fn decode_whole(bytes: &[u8]) -> Result<Decoded, String> {
    let mut decoder = decoder(bytes)?;
    let (w, h) = decoder.dimensions();
    let permit = reserve(w as u64 * h as u64);
    let orientation = decoder.orientation().unwrap_or(Orientation::NoTransforms);
    let icc = decoder.icc_profile().ok().flatten();
    let mut image = DynamicImage::from_decoder(decoder).map_err(describe)?;
    image.apply_orientation(orientation);
    let gray = matches!(
        image,
        DynamicImage::ImageLuma8(_) | DynamicImage::ImageLumaA8(_)
    );
    let mut rgb = match image {
        DynamicImage::ImageRgba8(rgba) => without_alpha(rgba),
        other => other.into_rgb8(),
    };
    // A grey picture is converted as if its gamma were sRGB's (Gray Gamma 2.2 is within a
    // hair of it); only RGB profiles are applied. A CMYK profile on RGB pixels (a broken
    // file seen in the wild) cannot describe those pixels and is ignored. CMYK and YCCK JPEGs
    // are converted by the decoder as Adobe (inverted) CMYK without their profile: the naive
    // conversion ImageMagick makes by default, somewhat darker than a colour-managed one.
    if let Some(icc) = icc.filter(|_| !gray) {
        to_srgb(&mut rgb, &icc);
    }
    Ok(Decoded {
        image: rgb,
        _permit: permit,
    })
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

/// Upright sRGB pixels with a long edge of at least `long_edge` (or the whole image when it is
/// smaller), for thumbnails. JPEG's DCT scaling decodes at 1/2, 1/4 or 1/8 size for little
/// more than the entropy decoding (which still reads, and so checks, all of the data); that is
/// what brings the import thumbnail near libvips' shrink-on-load. Other formats and JPEG
/// colour models other than RGB and grey take the full decode.
pub fn decode_upright_for(bytes: &[u8], long_edge: u32) -> Result<Decoded, String> {
    refuse_truncated_jpeg(bytes)?;
    match scaled_jpeg(bytes, long_edge)? {
        Some(image) => Ok(image),
        None => decode_whole(bytes),
    }
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

fn scaled_jpeg(bytes: &[u8], long_edge: u32) -> Result<Option<Decoded>, String> {
    if !is_jpeg(bytes) {
        return Ok(None);
    }
    let damaged = |e: jpeg_decoder::Error| format!("the image data is damaged ({e})");
    let mut decoder = jpeg_decoder::Decoder::new(bytes);
    decoder.read_info().map_err(damaged)?;
    let info = decoder.info().expect("read_info succeeded");
    within_limits(info.width.into(), info.height.into())?;
    let format = info.pixel_format;
    if !matches!(
        format,
        jpeg_decoder::PixelFormat::RGB24 | jpeg_decoder::PixelFormat::L8
    ) {
        return Ok(None);
    }
    let factor = (long_edge as f64 / info.width.max(info.height) as f64).min(1.0);
    let want = |side: u16| ((side as f64 * factor).ceil() as u16).max(1);
    let (w, h) = decoder
        .scale(want(info.width), want(info.height))
        .map_err(damaged)?;
    let permit = reserve(w as u64 * h as u64);
    let pixels = decoder.decode().map_err(damaged)?;
    let size_error = || "the decoder returned fewer pixels than the image declares".to_owned();
    let mut rgb = if format == jpeg_decoder::PixelFormat::L8 {
        let gray = image::GrayImage::from_raw(w as u32, h as u32, pixels).ok_or_else(size_error)?;
        DynamicImage::ImageLuma8(gray).into_rgb8()
    } else {
        let mut rgb = RgbImage::from_raw(w as u32, h as u32, pixels).ok_or_else(size_error)?;
        if let Some(icc) = decoder.icc_profile() {
            to_srgb(&mut rgb, &icc);
        }
        rgb
    };
    // From the EXIF this decoder has already read: no second parse of the file.
    if let Some(o) = decoder
        .exif_data()
        .and_then(Orientation::from_exif_chunk)
        .filter(|o| *o != Orientation::NoTransforms)
    {
        let mut turned = DynamicImage::ImageRgb8(rgb);
        turned.apply_orientation(o);
        rgb = turned.into_rgb8();
    }
    Ok(Some(Decoded {
        image: rgb,
        _permit: permit,
    }))
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
    let src = fast_image_resize::images::ImageRef::new(
        image.width(),
        image.height(),
        image.as_raw(),
        PixelType::U8x3,
    )
    .expect("an RgbImage buffer matches its size");
    let mut dst = Image::new(width, height, PixelType::U8x3);
    let options = ResizeOptions::new()
        .resize_alg(ResizeAlg::Convolution(FilterType::Lanczos3))
        .crop(
            rect.x as f64,
            rect.y as f64,
            rect.width as f64,
            rect.height as f64,
        );
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
