//! What an image record says of its image, read from the image's own header: its size, bits per
//! pixel, colour space, resolution and compression. The record does not hold these apart from
//! the image, and a transaction invents none of them.

/// What an image's header says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Facts {
    pub(crate) width: u32,
    pub(crate) height: u32,
    pub(crate) bits_per_pixel: u16,
    /// The colour space code of field CSP: `GRAY`, `RGB`, `SRGB`, `YCC`, `SYCC` or `UNK`.
    pub(crate) colour_space: &'static str,
    pub(crate) scale: Scale,
    /// The compression code of field CGA: `WSQ20`, `JPEGB`, `JPEGL`, `JP2`, `JP2L` or `PNG`.
    pub(crate) compression: &'static str,
}

/// Fields SLC, THPS and TVPS: the resolution, where the header states it, or else the pixel
/// aspect ratio with no scale (SLC 0).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Scale {
    /// 0: no scale (the numbers are an aspect ratio), 1: pixels per inch, 2: per centimetre.
    pub(crate) unit: u8,
    pub(crate) horizontal: u32,
    pub(crate) vertical: u32,
}

const NO_SCALE: Scale = Scale {
    unit: 0,
    horizontal: 1,
    vertical: 1,
};

/// The kinds of image the records hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Wsq,
    Jpeg,
    Jpeg2000,
    Png,
}

/// The facts of `bytes`, an image of `kind`, when its header gives its size and depth.
pub(crate) fn facts(kind: Kind, bytes: &[u8]) -> Option<Facts> {
    let facts = match kind {
        Kind::Wsq => wsq(bytes),
        Kind::Jpeg => jpeg(bytes),
        Kind::Jpeg2000 => jpeg2000(bytes),
        Kind::Png => png(bytes),
    }?;
    (facts.width > 0 && facts.height > 0 && facts.bits_per_pixel > 0).then_some(facts)
}

fn u16_at(bytes: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_be_bytes(bytes.get(at..at + 2)?.try_into().ok()?))
}

fn u32_at(bytes: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_be_bytes(bytes.get(at..at + 4)?.try_into().ok()?))
}

/// Pixels per metre as pixels per inch, to the nearest whole number.
fn per_inch_of_per_metre(per_metre: u32) -> u32 {
    let per_inch = (u64::from(per_metre) * 254 + 5_000) / 10_000;
    u32::try_from(per_inch).unwrap_or(u32::MAX)
}

/// PNG: the IHDR chunk, and the pHYs chunk when it comes before the image data.
fn png(bytes: &[u8]) -> Option<Facts> {
    if bytes.get(12..16)? != b"IHDR" {
        return None;
    }
    let (width, height) = (u32_at(bytes, 16)?, u32_at(bytes, 20)?);
    let depth = u16::from(*bytes.get(24)?);
    let (channels, colour_space) = match *bytes.get(25)? {
        0 => (1, "GRAY"),
        2 => (3, "RGB"),
        3 => (1, "RGB"),
        4 => (2, "GRAY"),
        6 => (4, "RGB"),
        _ => return None,
    };
    let mut scale = NO_SCALE;
    let mut at = 8;
    while let (Some(length), Some(kind)) = (u32_at(bytes, at), bytes.get(at + 4..at + 8)) {
        let length = usize::try_from(length).ok()?;
        if kind == b"IDAT" || kind == b"IEND" {
            break;
        }
        if kind == b"pHYs" && length == 9 {
            let (x, y) = (u32_at(bytes, at + 8)?, u32_at(bytes, at + 12)?);
            scale = match *bytes.get(at + 16)? {
                1 => Scale {
                    unit: 1,
                    horizontal: per_inch_of_per_metre(x),
                    vertical: per_inch_of_per_metre(y),
                },
                _ => Scale {
                    unit: 0,
                    horizontal: x,
                    vertical: y,
                },
            };
        }
        at = at.checked_add(length)?.checked_add(12)?;
    }
    Some(Facts {
        width,
        height,
        bits_per_pixel: depth * channels,
        colour_space,
        scale,
        compression: "PNG",
    })
}

/// JPEG: the JFIF APP0 segment's density, and the first start-of-frame segment.
fn jpeg(bytes: &[u8]) -> Option<Facts> {
    let mut scale = NO_SCALE;
    let mut at = 2;
    loop {
        if *bytes.get(at)? != 0xFF {
            return None;
        }
        let marker = *bytes.get(at + 1)?;
        if marker == 0xFF {
            at += 1;
            continue;
        }
        let length = usize::from(u16_at(bytes, at + 2)?);
        let segment = bytes.get(at + 4..at + 2 + length)?;
        match marker {
            0xE0 if segment.starts_with(b"JFIF\0") => {
                let (x, y) = (u16_at(segment, 8)?, u16_at(segment, 10)?);
                scale = Scale {
                    unit: *segment.get(7)?,
                    horizontal: u32::from(x),
                    vertical: u32::from(y),
                };
                if scale.unit > 2 {
                    scale = NO_SCALE;
                }
            }
            0xC0..=0xCF if ![0xC4, 0xC8, 0xCC].contains(&marker) => {
                let precision = u16::from(*segment.first()?);
                let height = u32::from(u16_at(segment, 1)?);
                let width = u32::from(u16_at(segment, 3)?);
                let components = *segment.get(5)?;
                let lossless = matches!(marker, 0xC3 | 0xC7 | 0xCB | 0xCF);
                return Some(Facts {
                    width,
                    height,
                    bits_per_pixel: precision * u16::from(components),
                    colour_space: match components {
                        1 => "GRAY",
                        3 => "YCC",
                        _ => "UNK",
                    },
                    scale,
                    compression: if lossless { "JPEGL" } else { "JPEGB" },
                });
            }
            0xD9 | 0xDA => return None,
            _ => {}
        }
        at += 2 + length;
    }
}

/// WSQ: the start-of-frame segment, and the `PPI` of a `NIST_COM` comment when there is one.
fn wsq(bytes: &[u8]) -> Option<Facts> {
    let mut scale = NO_SCALE;
    let mut at = 2;
    loop {
        if *bytes.get(at)? != 0xFF {
            return None;
        }
        let marker = *bytes.get(at + 1)?;
        let length = usize::from(u16_at(bytes, at + 2)?);
        let segment = bytes.get(at + 4..at + 2 + length)?;
        match marker {
            0xA8 => {
                if let Some(ppi) = nist_com_ppi(segment) {
                    scale = Scale {
                        unit: 1,
                        horizontal: ppi,
                        vertical: ppi,
                    };
                }
            }
            0xA2 => {
                let height = u32::from(u16_at(segment, 2)?);
                let width = u32::from(u16_at(segment, 4)?);
                return Some(Facts {
                    width,
                    height,
                    bits_per_pixel: 8,
                    colour_space: "GRAY",
                    scale,
                    compression: "WSQ20",
                });
            }
            0xA1 | 0xA3 => return None,
            _ => {}
        }
        at += 2 + length;
    }
}

/// The `PPI` line of a WSQ `NIST_COM` comment: lines of `NAME value`.
fn nist_com_ppi(comment: &[u8]) -> Option<u32> {
    let text = std::str::from_utf8(comment).ok()?;
    if !text.starts_with("NIST_COM") {
        return None;
    }
    text.lines()
        .find_map(|line| line.strip_prefix("PPI "))
        .and_then(|ppi| ppi.trim().parse().ok())
        .filter(|ppi| *ppi > 0)
}

/// JPEG 2000: the codestream's SIZ and COD segments, inside a JP2 file's `jp2c` box or bare;
/// the JP2 file's `colr` box for the colour space.
fn jpeg2000(bytes: &[u8]) -> Option<Facts> {
    let mut colour_space = None;
    let codestream = if bytes.starts_with(&[0xFF, 0x4F]) {
        bytes
    } else {
        let mut found = None;
        boxes(bytes, &mut |kind, content| match kind {
            b"jp2h" => boxes(content, &mut |kind, content| {
                if kind == b"colr" && content.first() == Some(&1) {
                    colour_space = match u32_at(content, 3) {
                        Some(16) => Some("SRGB"),
                        Some(17) => Some("GRAY"),
                        Some(18) => Some("SYCC"),
                        _ => Some("UNK"),
                    };
                }
                false
            }),
            b"jp2c" => {
                found = Some(content);
                true
            }
            _ => false,
        });
        found?
    };
    // SIZ follows SOC directly.
    if codestream.get(2..4)? != [0xFF, 0x51] {
        return None;
    }
    let siz = codestream.get(4..)?;
    let siz_length = usize::from(u16_at(siz, 0)?);
    let width = u32_at(siz, 4)?.checked_sub(u32_at(siz, 12)?)?;
    let height = u32_at(siz, 8)?.checked_sub(u32_at(siz, 16)?)?;
    let components = u16_at(siz, 36)?;
    let depth = u16::from((*siz.get(38)? & 0x7F) + 1);
    // COD: the wavelet transform, 1 for the reversible (lossless) 5-3 filter.
    let mut at = 4 + siz_length;
    let mut lossless = false;
    while let (Some(0xFF), Some(&marker)) = (codestream.get(at), codestream.get(at + 1)) {
        let length = usize::from(u16_at(codestream, at + 2)?);
        if marker == 0x52 {
            lossless = *codestream.get(at + 4 + 9)? == 1;
            break;
        }
        if marker == 0x90 {
            break;
        }
        at += 2 + length;
    }
    Some(Facts {
        width,
        height,
        bits_per_pixel: depth.checked_mul(components)?,
        colour_space: colour_space.unwrap_or(if components == 1 { "GRAY" } else { "UNK" }),
        scale: NO_SCALE,
        compression: if lossless { "JP2L" } else { "JP2" },
    })
}

/// Calls `visit` with each box of a JP2 box sequence, until it returns true or a box is
/// malformed.
fn boxes<'b>(bytes: &'b [u8], visit: &mut dyn FnMut(&[u8; 4], &'b [u8]) -> bool) -> bool {
    let mut at = 0;
    while let (Some(length), Some(kind)) = (u32_at(bytes, at), bytes.get(at + 4..at + 8)) {
        let Ok(kind) = <&[u8; 4]>::try_from(kind) else {
            return false;
        };
        let end = match length {
            0 => bytes.len(),
            length => match usize::try_from(length)
                .ok()
                .and_then(|length| at.checked_add(length))
            {
                Some(end) if end <= bytes.len() && length >= 8 => end,
                _ => return false,
            },
        };
        if visit(kind, &bytes[at + 8..end]) {
            return true;
        }
        at = end;
    }
    false
}
