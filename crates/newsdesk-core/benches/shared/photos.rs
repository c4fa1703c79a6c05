//! The 12 photos the export and CMS benches share: made once under the target folder, the
//! same files for both, so their figures are comparable.

use std::path::PathBuf;

use image::{Rgb, RgbImage};

pub const PHOTOS: usize = 12;
pub const WIDTH: u32 = 3000;
pub const HEIGHT: u32 = 2000;
/// Bump when the generator changes, so old files are not taken for new ones.
const GENERATOR_VERSION: u32 = 1;

fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../target"))
}

/// 12 distinct photo-like JPEGs: smooth gradients with a fine texture, so they compress like
/// photos rather than like flat colour.
pub fn bench_photos() -> Vec<PathBuf> {
    let dir = target_dir().join(format!("bench-photos/v{GENERATOR_VERSION}"));
    std::fs::create_dir_all(&dir).unwrap();
    (0..PHOTOS)
        .map(|i| {
            let path = dir.join(format!("photo-{i:02}.jpg"));
            if !path.exists() {
                let mut seed = 0x9e37_79b9_u32.wrapping_mul(i as u32 + 1);
                let img = RgbImage::from_fn(WIDTH, HEIGHT, |x, y| {
                    seed ^= seed << 13;
                    seed ^= seed >> 17;
                    seed ^= seed << 5;
                    let noise = seed % 24;
                    let r = (x * 255 / WIDTH + i as u32 * 20 + noise) % 256;
                    let g = (y * 255 / HEIGHT + noise) % 256;
                    let b = ((x + y) / 16 + i as u32 * 7) % 256;
                    Rgb([r as u8, g as u8, b as u8])
                });
                let mut bytes = Vec::new();
                image::codecs::jpeg::JpegEncoder::new_with_quality(&mut bytes, 88)
                    .encode_image(&img)
                    .unwrap();
                let partial = path.with_extension("partial");
                std::fs::write(&partial, bytes).unwrap();
                std::fs::rename(partial, &path).unwrap();
            }
            path
        })
        .collect()
}
