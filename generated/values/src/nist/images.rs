//! The image records: Type-14 for a finger, Type-15 for a palm, Type-10 for the photograph and
//! Type-20 for the signature. Written from the values, and read back into them.

use super::header::{self, Facts, Kind};
use super::read::RecordView;
use super::separator::US;
use super::write::{Tagged, Value};
use super::{NistError, NistProblem, TransactionInfo};
use crate::{
    Absence, Capture, FingerPosition, Fingerprints, FingerprintsAndPalms, ImageFormat, Impression,
    ImpressionFormat, PalmPosition, Photo, Signature,
};

/// An item's images, as a record's `to_nist` puts them.
#[derive(Debug)]
pub(crate) enum Image<'r> {
    Fingers(&'r Fingerprints, &'static str),
    FingersAndPalms(&'r FingerprintsAndPalms, &'static str),
    Photo(&'r Photo, &'static str),
    Signature(&'r Signature, &'static str),
}

/// The fields of a friction ridge record (Type-14 or Type-15) that an image brings.
const IMAGE_FIELDS: [u32; 7] = [6, 7, 8, 9, 10, 11, 12];

/// Appends the records of `image` to `records`, each with the next IDC; `capture_date` is the
/// info's, written.
pub(crate) fn write<'r>(
    image: &Image<'r>,
    info: &'r TransactionInfo,
    capture_date: &'r [u8; 8],
    records: &mut Vec<Tagged<'r>>,
) -> Result<(), NistError> {
    match *image {
        Image::Fingers(fingers, item) => write_fingers(fingers, info, capture_date, item, records),
        Image::FingersAndPalms(captures, item) => {
            write_fingers(captures.fingers(), info, capture_date, item, records)?;
            for position in PalmPosition::ALL {
                let record = friction_ridge(
                    15,
                    position.code(),
                    captures.palm(position),
                    info,
                    capture_date,
                    item,
                )?;
                push(records, record);
            }
            Ok(())
        }
        Image::Photo(photo, item) => {
            let facts = facts(photo_kind(photo.format()), photo.as_bytes(), 10, item)?;
            let mut record = Tagged::new(10);
            record.text(3, "FACE");
            record.text(4, &info.capturing_agency);
            record.binary(5, capture_date);
            size_and_scale(&mut record, &facts);
            record.text(11, facts.compression);
            record.text(12, facts.colour_space);
            record.binary(999, photo.as_bytes());
            push(records, record);
            Ok(())
        }
        Image::Signature(signature, item) => {
            let kind = photo_kind(signature.format());
            let facts = facts(kind, signature.as_bytes(), 20, item)?;
            let mut record = Tagged::new(20);
            record.text(3, "S");
            record.text(4, &info.capturing_agency);
            record.binary(5, capture_date);
            size_and_scale(&mut record, &facts);
            record.text(11, facts.compression);
            record.number(12, facts.bits_per_pixel);
            record.text(13, facts.colour_space);
            record.text(15, file_type(kind));
            record.text(20, "SIGNATURE");
            record.number(21, 1u8);
            record.binary(999, signature.as_bytes());
            push(records, record);
            Ok(())
        }
    }
}

fn write_fingers<'r>(
    fingers: &'r Fingerprints,
    info: &'r TransactionInfo,
    capture_date: &'r [u8; 8],
    item: &'static str,
    records: &mut Vec<Tagged<'r>>,
) -> Result<(), NistError> {
    for (position, capture) in fingers.iter() {
        let record = friction_ridge(14, position.code(), capture, info, capture_date, item)?;
        push(records, record);
    }
    Ok(())
}

/// The field of an image record that names its Type-2 record by IDC (T2C, mandatory since the
/// 2013 Update).
pub(crate) const TYPE_2_REFERENCE: u32 = 992;

/// Gives `record` the next IDC (the Type-2 record, first, has 0) and its T2C, before its image
/// data, and appends it.
fn push<'r>(records: &mut Vec<Tagged<'r>>, mut record: Tagged<'r>) {
    record.idc = Some(records.len() as u64);
    let data = record
        .fields
        .iter()
        .position(|(field, _)| *field == 999)
        .unwrap_or(record.fields.len());
    record
        .fields
        .insert(data, (TYPE_2_REFERENCE, Value::Number(0)));
    records.push(record);
}

/// A Type-14 (finger) or Type-15 (palm) record of the capture at `position`.
fn friction_ridge<'r>(
    record_type: u16,
    position: u8,
    capture: &'r Capture,
    info: &'r TransactionInfo,
    capture_date: &'r [u8; 8],
    item: &'static str,
) -> Result<Tagged<'r>, NistError> {
    let mut record = Tagged::new(record_type);
    let impression = match record_type {
        14 => info.finger_impression.code(),
        _ => info.palm_impression.code(),
    };
    record.number(3, impression);
    record.text(4, &info.capturing_agency);
    record.binary(5, capture_date);
    match capture {
        Capture::Impression(impression) => {
            let kind = match impression.format() {
                ImpressionFormat::Wsq => Kind::Wsq,
                ImpressionFormat::Jpeg2000 => Kind::Jpeg2000,
                ImpressionFormat::Png => Kind::Png,
                _ => {
                    return Err(NistError::new(NistProblem::NotAnImage)
                        .in_record(record_type)
                        .for_item(item));
                }
            };
            let facts = facts(kind, impression.as_bytes(), record_type, item)?;
            size_and_scale(&mut record, &facts);
            record.text(11, facts.compression);
            record.number(12, facts.bits_per_pixel);
            record.number(13, position);
            record.binary(999, impression.as_bytes());
        }
        Capture::Absent(absence) => {
            record.number(13, position);
            record.owned(
                18,
                format!("{position}{}{}", char::from(US), absence.code()),
            );
        }
    }
    Ok(record)
}

fn photo_kind(format: ImageFormat) -> Kind {
    match format {
        ImageFormat::Jpeg => Kind::Jpeg,
        ImageFormat::Jpeg2000 => Kind::Jpeg2000,
        _ => Kind::Png,
    }
}

fn file_type(kind: Kind) -> &'static str {
    match kind {
        Kind::Jpeg => "JPG",
        Kind::Jpeg2000 => "JP2",
        _ => "PNG",
    }
}

fn facts(
    kind: Kind,
    bytes: &[u8],
    record_type: u16,
    item: &'static str,
) -> Result<Facts, NistError> {
    header::facts(kind, bytes).ok_or_else(|| {
        NistError::new(NistProblem::ImageHeader)
            .in_record(record_type)
            .for_item(item)
    })
}

fn size_and_scale(record: &mut Tagged<'_>, facts: &Facts) {
    record.number(6, facts.width);
    record.number(7, facts.height);
    record.number(8, facts.scale.unit);
    record.number(9, facts.scale.horizontal);
    record.number(10, facts.scale.vertical);
}

/// Reads the ten fingers from the Type-14 records.
pub(crate) fn read_fingers(
    records: &mut [(RecordView<'_>, bool)],
    item: &'static str,
) -> Result<Fingerprints, NistError> {
    let mut captures = Vec::with_capacity(10);
    for position in FingerPosition::ALL {
        let capture = read_friction_ridge(records, 14, position.code(), item)?;
        captures.push((position, capture));
    }
    Fingerprints::new(captures)
        .map_err(|error| NistError::new(NistProblem::Value(error.to_string())).for_item(item))
}

/// Reads the ten fingers and the two full palms from the Type-14 and Type-15 records.
pub(crate) fn read_fingers_and_palms(
    records: &mut [(RecordView<'_>, bool)],
    item: &'static str,
) -> Result<FingerprintsAndPalms, NistError> {
    let fingers = read_fingers(records, item)?;
    let right = read_friction_ridge(records, 15, PalmPosition::RightFullPalm.code(), item)?;
    let left = read_friction_ridge(records, 15, PalmPosition::LeftFullPalm.code(), item)?;
    Ok(FingerprintsAndPalms::new(fingers, right, left))
}

/// The one record of `record_type` whose `select` field is `value`, marked as read.
fn take<'a, 'v>(
    records: &'a mut [(RecordView<'v>, bool)],
    record_type: u16,
    select: Option<(u32, &str)>,
    item: &'static str,
) -> Result<&'a RecordView<'v>, NistError> {
    let mut found = None;
    for (index, (record, _)) in records.iter().enumerate() {
        if record.record_type != record_type {
            continue;
        }
        if let Some((field, value)) = select
            && record.field(field) != Some(value.as_bytes())
        {
            continue;
        }
        if found.is_some() {
            let error = NistError::new(NistProblem::DuplicateRecord).in_record(record_type);
            return Err(match select {
                Some((field, _)) => error.at_field(record_type, field),
                None => error,
            }
            .for_item(item));
        }
        found = Some(index);
    }
    let index = found.ok_or_else(|| {
        let error = NistError::new(NistProblem::MissingRecord).in_record(record_type);
        match select {
            Some((field, _)) => error.at_field(record_type, field),
            None => error,
        }
        .for_item(item)
    })?;
    records[index].1 = true;
    Ok(&records[index].0)
}

fn read_friction_ridge(
    records: &mut [(RecordView<'_>, bool)],
    record_type: u16,
    position: u8,
    item: &'static str,
) -> Result<Capture, NistError> {
    let position_text = position.to_string();
    let record = take(records, record_type, Some((13, &position_text)), item)?;
    let (low, high) = match record_type {
        14 => (0, 3),
        _ => (10, 11),
    };
    let impression: u8 = record.number(3, item, "an impression type code")?;
    if !(low..=high).contains(&impression) {
        return Err(
            NistError::new(NistProblem::Form("an impression type this record holds"))
                .at_field(record_type, 3)
                .for_item(item),
        );
    }
    record.required_text(4, item)?;
    record.date(5, item)?;
    match record.field(999) {
        Some(data) => {
            record.only(&[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 992, 999], item)?;
            for field in IMAGE_FIELDS {
                record.required_text(field, item)?;
            }
            let format = match record.required_text(11, item)? {
                "WSQ20" => ImpressionFormat::Wsq,
                "JP2" | "JP2L" => ImpressionFormat::Jpeg2000,
                "PNG" => ImpressionFormat::Png,
                _ => {
                    return Err(NistError::new(NistProblem::Form("WSQ20, JP2, JP2L or PNG"))
                        .at_field(record_type, 11)
                        .for_item(item));
                }
            };
            let limit = if record_type == 14 {
                crate::FINGER_IMPRESSION_LIMIT
            } else {
                crate::IMPRESSION_LIMIT
            };
            check_size(data, limit, record_type, item)?;
            let impression = Impression::new(format, data.to_vec()).map_err(|error| {
                NistError::new(NistProblem::Value(error.to_string())).at_field(record_type, 999)
            })?;
            Ok(Capture::Impression(impression))
        }
        None => {
            record.only(&[1, 2, 3, 4, 5, 13, 18, 992], item)?;
            let amputation = record
                .field(18)
                .filter(|value| !value.is_empty())
                .ok_or_else(|| {
                    NistError::new(NistProblem::MissingField)
                        .at_field(record_type, 18)
                        .for_item(item)
                })?;
            let form = || {
                NistError::new(NistProblem::Form(
                    "the position and `XX` (amputated) or `UP` (unable to print)",
                ))
                .at_field(record_type, 18)
                .for_item(item)
            };
            let us = amputation
                .iter()
                .position(|byte| *byte == US)
                .ok_or_else(form)?;
            let (frap, code) = (&amputation[..us], &amputation[us + 1..]);
            if frap != position_text.as_bytes() {
                return Err(form());
            }
            match code {
                b"XX" => Ok(Capture::Absent(Absence::Amputated)),
                b"UP" => Ok(Capture::Absent(Absence::UnableToPrint)),
                _ => Err(form()),
            }
        }
    }
}

/// Reads the photograph from the Type-10 record.
pub(crate) fn read_photo(
    records: &mut [(RecordView<'_>, bool)],
    item: &'static str,
) -> Result<Photo, NistError> {
    let record = take(records, 10, None, item)?;
    record.only(&[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 992, 999], item)?;
    if record.required_text(3, item)? != "FACE" {
        return Err(NistError::new(NistProblem::Form("`FACE`"))
            .at_field(10, 3)
            .for_item(item));
    }
    read_image(record, 10, 11, item).and_then(|(format, data)| {
        check_size(data, crate::PHOTO_LIMIT, 10, item)?;
        Photo::new(format, data.to_vec()).map_err(|error| {
            NistError::new(NistProblem::Value(error.to_string()))
                .at_field(10, 999)
                .for_item(item)
        })
    })
}

/// Reads the signature from the Type-20 record.
pub(crate) fn read_signature(
    records: &mut [(RecordView<'_>, bool)],
    item: &'static str,
) -> Result<Signature, NistError> {
    let record = take(records, 20, None, item)?;
    record.only(
        &[
            1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 15, 20, 21, 992, 999,
        ],
        item,
    )?;
    for (field, expected, form) in [
        (3, "S", "`S`"),
        (20, "SIGNATURE", "`SIGNATURE`"),
        (21, "1", "`1`"),
    ] {
        if record.required_text(field, item)? != expected {
            return Err(NistError::new(NistProblem::Form(form))
                .at_field(20, field)
                .for_item(item));
        }
    }
    record.required_text(12, item)?;
    record.required_text(15, item)?;
    read_image(record, 20, 11, item).and_then(|(format, data)| {
        check_size(data, crate::SIGNATURE_LIMIT, 20, item)?;
        Signature::new(format, data.to_vec()).map_err(|error| {
            NistError::new(NistProblem::Value(error.to_string()))
                .at_field(20, 999)
                .for_item(item)
        })
    })
}

/// Refuses image data larger than its value's limit, before any of it is copied.
fn check_size(
    data: &[u8],
    limit: usize,
    record_type: u16,
    item: &'static str,
) -> Result<(), NistError> {
    if data.len() > limit {
        return Err(NistError::new(NistProblem::TooLarge { limit })
            .at_field(record_type, 999)
            .for_item(item));
    }
    Ok(())
}

/// The format and the data of a Type-10 or Type-20 image, after the fields every such image has.
fn read_image<'v>(
    record: &RecordView<'v>,
    record_type: u16,
    compression: u32,
    item: &'static str,
) -> Result<(ImageFormat, &'v [u8]), NistError> {
    record.required_text(4, item)?;
    record.date(5, item)?;
    for field in [6, 7, 8, 9, 10] {
        record.required_text(field, item)?;
    }
    let format = match record.required_text(compression, item)? {
        "JPEGB" | "JPEGL" => ImageFormat::Jpeg,
        "JP2" | "JP2L" => ImageFormat::Jpeg2000,
        "PNG" => ImageFormat::Png,
        _ => {
            return Err(
                NistError::new(NistProblem::Form("JPEGB, JPEGL, JP2, JP2L or PNG"))
                    .at_field(record_type, compression)
                    .for_item(item),
            );
        }
    };
    let data = record.field(999).ok_or_else(|| {
        NistError::new(NistProblem::MissingField)
            .at_field(record_type, 999)
            .for_item(item)
    })?;
    Ok((format, data))
}
