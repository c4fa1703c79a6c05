//! Crop presets, their validation and the default crop placed on the focal point.

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::Rect;
use crate::{Error, Result};

/// No crop side may be shorter than this: smaller is not a usable picture.
pub const MIN_CROP_SIDE: u32 = 32;

/// The aspect ratios the desk crops to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Aspect {
    Ratio(u32, u32),
    Free,
}

impl Aspect {
    pub const PRESETS: [Aspect; 8] = [
        Aspect::Ratio(16, 9),
        Aspect::Ratio(3, 2),
        Aspect::Ratio(4, 3),
        Aspect::Ratio(5, 4),
        Aspect::Ratio(1, 1),
        Aspect::Ratio(4, 5),
        Aspect::Ratio(2, 3),
        Aspect::Free,
    ];
}

impl std::fmt::Display for Aspect {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Aspect::Ratio(w, h) => write!(f, "{w}:{h}"),
            Aspect::Free => f.write_str("free"),
        }
    }
}

impl std::str::FromStr for Aspect {
    type Err = Error;
    fn from_str(s: &str) -> Result<Aspect> {
        let s = s.trim();
        Aspect::PRESETS.into_iter().find(|a| a.to_string() == s).ok_or_else(|| {
            Error::invalid(format!(
                "unknown aspect ratio {s:?}: use one of 16:9, 3:2, 4:3, 5:4, 1:1, 4:5, 2:3, free"
            ))
        })
    }
}

impl Serialize for Aspect {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Aspect {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Aspect, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

/// Refuses a crop that falls outside the (upright) photo, is too small, or does not have its
/// aspect ratio. One pixel of rounding either way is accepted.
pub fn validate_crop(
    aspect: Aspect,
    rect: Rect,
    photo_width: u32,
    photo_height: u32,
) -> Result<()> {
    let (right, bottom) = (
        rect.x as u64 + rect.width as u64,
        rect.y as u64 + rect.height as u64,
    );
    if right > photo_width as u64 || bottom > photo_height as u64 {
        return Err(Error::invalid(format!(
            "the crop {}x{} at {},{} reaches outside the photo, which is {photo_width}x{photo_height}",
            rect.width, rect.height, rect.x, rect.y
        )));
    }
    if rect.width < MIN_CROP_SIDE || rect.height < MIN_CROP_SIDE {
        return Err(Error::invalid(format!(
            "the crop {}x{} is too small: each side needs at least {MIN_CROP_SIDE} pixels",
            rect.width, rect.height
        )));
    }
    if let Aspect::Ratio(w, h) = aspect {
        // Exact height for this width, and the width for this height; either within a pixel.
        let ideal_height = rect.width as f64 * h as f64 / w as f64;
        let ideal_width = rect.height as f64 * w as f64 / h as f64;
        if (ideal_height - rect.height as f64).abs() > 1.0
            && (ideal_width - rect.width as f64).abs() > 1.0
        {
            return Err(Error::invalid(format!(
                "the crop {}x{} is not {aspect}: at that width it would be {}x{}",
                rect.width,
                rect.height,
                rect.width,
                ideal_height.round()
            )));
        }
    }
    Ok(())
}

/// The largest rectangle of `aspect` inside the photo, centred on the focal point (the
/// photo's centre when none is set) and pushed back inside the edges.
pub fn default_crop(
    aspect: Aspect,
    photo_width: u32,
    photo_height: u32,
    focal: Option<(f64, f64)>,
) -> Rect {
    let (width, height) = match aspect {
        Aspect::Free => (photo_width, photo_height),
        Aspect::Ratio(w, h) => {
            let (w, h) = (w as u64, h as u64);
            if photo_width as u64 * h <= photo_height as u64 * w {
                // Full width; height follows.
                (
                    photo_width,
                    ((photo_width as u64 * h + w / 2) / w).min(photo_height as u64) as u32,
                )
            } else {
                (
                    ((photo_height as u64 * w + h / 2) / h).min(photo_width as u64) as u32,
                    photo_height,
                )
            }
        }
    };
    let (fx, fy) = focal.unwrap_or((0.5, 0.5));
    let place = |extent: u32, size: u32, at: f64| -> u32 {
        let centre = at.clamp(0.0, 1.0) * extent as f64;
        let start = (centre - size as f64 / 2.0).round().max(0.0) as u32;
        start.min(extent - size)
    };
    Rect {
        x: place(photo_width, width, fx),
        y: place(photo_height, height, fy),
        width,
        height,
    }
}
