//! Reading a transaction: every record checked as it is found (its LEN, its tags, its
//! separators, each field once), then the Type-1 record against the records found, before a
//! record's `from_nist` takes the Type-2 fields and the images it maps.
//!
//! Nothing is copied but the values taken: the records are views of the input, which is checked
//! against [`TRANSACTION_LIMIT`] before anything else.

use super::images;
use super::separator::{FS, GS, RS, US, is_separator};
use super::{
    Domain, NistError, NistProblem, NistText, RECORDS_LIMIT, TEXT_LIMIT, TRANSACTION_LIMIT,
    VERSIONS_READ,
};
use crate::{Fingerprints, FingerprintsAndPalms, Photo, Signature};

/// The record types a transaction of these lists holds.
const RECORD_TYPES: [u16; 6] = [1, 2, 10, 14, 15, 20];

/// The highest field number read: the standard's field numbers have at most three digits.
const FIELD_LIMIT: u32 = 999;

/// One record of the input: its type and its fields, by number, in the order found.
pub(crate) struct RecordView<'v> {
    pub(crate) record_type: u16,
    fields: Vec<(u32, &'v [u8])>,
}

impl<'v> RecordView<'v> {
    pub(crate) fn field(&self, number: u32) -> Option<&'v [u8]> {
        self.fields
            .iter()
            .find(|(field, _)| *field == number)
            .map(|(_, value)| *value)
    }

    fn error(&self, field: u32, problem: NistProblem, item: &'static str) -> NistError {
        NistError::new(problem)
            .at_field(self.record_type, field)
            .for_item(item)
    }

    /// The field's text, which must be there and not empty.
    pub(crate) fn required_text(
        &self,
        field: u32,
        item: &'static str,
    ) -> Result<&'v str, NistError> {
        self.field(field)
            .map(text_of)
            .transpose()
            .map_err(|error| error.at_field(self.record_type, field).for_item(item))?
            .flatten()
            .ok_or_else(|| self.error(field, NistProblem::MissingField, item))
    }

    pub(crate) fn number<T: std::str::FromStr>(
        &self,
        field: u32,
        item: &'static str,
        form: &'static str,
    ) -> Result<T, NistError> {
        let text = self.required_text(field, item)?;
        if !text.bytes().all(|byte| byte.is_ascii_digit()) {
            return Err(self.error(field, NistProblem::Form(form), item));
        }
        text.parse()
            .map_err(|_| self.error(field, NistProblem::Form(form), item))
    }

    pub(crate) fn date(&self, field: u32, item: &'static str) -> Result<crate::Date, NistError> {
        let text = self.required_text(field, item)?;
        <crate::Date as NistText>::read_nist(text)
            .map_err(|problem| self.error(field, problem, item))
    }

    /// Refuses a field not among `allowed`.
    pub(crate) fn only(&self, allowed: &[u32], item: &'static str) -> Result<(), NistError> {
        match self
            .fields
            .iter()
            .find(|(field, _)| !allowed.contains(field))
        {
            Some((field, _)) => Err(self.error(*field, NistProblem::UnexpectedField, item)),
            None => Ok(()),
        }
    }
}

/// The text of a field: `None` when empty. Text holds no separator, and is UTF-8 (the Type-1
/// record declares it, or the transaction is refused).
pub(crate) fn text_of(value: &[u8]) -> Result<Option<&str>, NistError> {
    if value.is_empty() {
        return Ok(None);
    }
    if value.iter().any(|byte| is_separator(*byte)) {
        return Err(NistError::new(NistProblem::Form(
            "one value without separators",
        )));
    }
    std::str::from_utf8(value)
        .map(Some)
        .map_err(|_| NistError::new(NistProblem::Encoding))
}

/// A transaction read and checked, whose Type-2 fields and images a record's `from_nist` takes
/// one by one; [`Received::finish`] refuses what none took. `Debug` shows its records' types and
/// field numbers, never a value.
pub struct Received<'v> {
    text: RecordView<'v>,
    taken: Vec<u32>,
    images: Vec<(RecordView<'v>, bool)>,
}

impl std::fmt::Debug for RecordView<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Record")
            .field("type", &self.record_type)
            .field(
                "fields",
                &self
                    .fields
                    .iter()
                    .map(|(field, _)| field)
                    .collect::<Vec<_>>(),
            )
            .finish()
    }
}

impl std::fmt::Debug for Received<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let images: Vec<&RecordView<'_>> = self.images.iter().map(|(record, _)| record).collect();
        f.debug_struct("Received")
            .field("text", &self.text)
            .field("images", &images)
            .finish()
    }
}

impl<'v> Received<'v> {
    /// Reads `transaction`, a transaction of `domain`.
    ///
    /// # Errors
    ///
    /// When the transaction is larger than [`TRANSACTION_LIMIT`], a record is malformed (LEN,
    /// tags, separators, a field twice), a record's type is not one these lists hold, or the
    /// Type-1 record does not list the records, is not of `domain` or declares another encoding.
    pub fn parse(transaction: &'v [u8], domain: Domain) -> Result<Received<'v>, NistError> {
        if transaction.len() > TRANSACTION_LIMIT {
            return Err(NistError::new(NistProblem::TooLarge {
                limit: TRANSACTION_LIMIT,
            }));
        }
        let mut records = Vec::new();
        let mut at = 0;
        while at < transaction.len() {
            if records.len() == RECORDS_LIMIT {
                return Err(NistError::new(NistProblem::TooManyRecords));
            }
            let (record, length) = record(&transaction[at..], records.is_empty())?;
            records.push(record);
            at += length;
        }
        let mut records = records.into_iter();
        let first = records
            .next()
            .ok_or_else(|| NistError::new(NistProblem::MissingRecord).in_record(1))?;
        let records: Vec<RecordView<'v>> = records.collect();
        check_type_1(&first, &records, domain)?;
        let mut text = None;
        let mut images = Vec::new();
        for record in records {
            if record.record_type == 2 {
                if text.is_some() {
                    return Err(NistError::new(NistProblem::DuplicateRecord).in_record(2));
                }
                text = Some(record);
            } else {
                images.push((record, false));
            }
        }
        let text = text.ok_or_else(|| NistError::new(NistProblem::MissingRecord).in_record(2))?;
        // Each image record names the Type-2 record it belongs to (T2C), by its IDC.
        let idc = text.field(2);
        for (record, _) in &images {
            let reference = images::TYPE_2_REFERENCE;
            match record.field(reference) {
                Some(value) if Some(value) == idc => {}
                Some(_) => {
                    return Err(
                        NistError::new(NistProblem::Form("the IDC of the Type-2 record"))
                            .at_field(record.record_type, reference),
                    );
                }
                None => {
                    return Err(NistError::new(NistProblem::MissingField)
                        .at_field(record.record_type, reference));
                }
            }
        }
        Ok(Received {
            text,
            taken: Vec::new(),
            images,
        })
    }

    fn take_text<T: NistText>(
        &mut self,
        field: u32,
        item: &'static str,
    ) -> Result<Option<T>, NistError> {
        self.taken.push(field);
        let located = |error: NistError| error.at_field(2, field).for_item(item);
        match self
            .text
            .field(field)
            .map(text_of)
            .transpose()
            .map_err(located)?
        {
            Some(Some(text)) => T::read_nist(text)
                .map(Some)
                .map_err(|problem| located(NistError::new(problem))),
            Some(None) => Err(located(NistError::new(NistProblem::Form("a value")))),
            None => Ok(None),
        }
    }

    /// The value of Type-2 field `field`, for the record's item `item`.
    ///
    /// # Errors
    ///
    /// When the field is missing, or its text is not a value of `T`.
    pub fn text<T: NistText>(&mut self, field: u32, item: &'static str) -> Result<T, NistError> {
        self.take_text(field, item)?.ok_or_else(|| {
            NistError::new(NistProblem::MissingField)
                .at_field(2, field)
                .for_item(item)
        })
    }

    /// The value of Type-2 field `field`, when the transaction has it.
    ///
    /// # Errors
    ///
    /// When its text is not a value of `T`.
    pub fn optional_text<T: NistText>(
        &mut self,
        field: u32,
        item: &'static str,
    ) -> Result<Option<T>, NistError> {
        self.take_text(field, item)
    }

    /// Whether the transaction has any of the Type-2 fields `fields`: whether an optional
    /// composite mapped to them is given.
    pub fn has_any(&self, fields: &[u32]) -> bool {
        fields.iter().any(|field| self.text.field(*field).is_some())
    }

    /// Whether the transaction holds a record of `record_type`: whether an optional image item
    /// is given.
    pub fn has_record_type(&self, record_type: u16) -> bool {
        self.images
            .iter()
            .any(|(record, _)| record.record_type == record_type)
    }

    /// The ten fingers, from the Type-14 records.
    ///
    /// # Errors
    ///
    /// When a finger's record is missing, given twice, or malformed.
    pub fn fingerprints(&mut self, item: &'static str) -> Result<Fingerprints, NistError> {
        images::read_fingers(&mut self.images, item)
    }

    /// The ten fingers and the two full palms, from the Type-14 and Type-15 records.
    ///
    /// # Errors
    ///
    /// When a finger's or a palm's record is missing, given twice, or malformed.
    pub fn fingerprints_and_palms(
        &mut self,
        item: &'static str,
    ) -> Result<FingerprintsAndPalms, NistError> {
        images::read_fingers_and_palms(&mut self.images, item)
    }

    /// The photograph, from the Type-10 record.
    ///
    /// # Errors
    ///
    /// When the record is missing, given twice, or malformed.
    pub fn photo(&mut self, item: &'static str) -> Result<Photo, NistError> {
        images::read_photo(&mut self.images, item)
    }

    /// The signature, from the Type-20 record.
    ///
    /// # Errors
    ///
    /// When the record is missing, given twice, or malformed.
    pub fn signature(&mut self, item: &'static str) -> Result<Signature, NistError> {
        images::read_signature(&mut self.images, item)
    }

    /// Refuses the Type-2 fields and the records no item took.
    ///
    /// # Errors
    ///
    /// When one is left.
    pub fn finish(self) -> Result<(), NistError> {
        if let Some((field, _)) = self
            .text
            .fields
            .iter()
            .find(|(field, _)| *field > 2 && !self.taken.contains(field))
        {
            return Err(NistError::new(NistProblem::UnexpectedField).at_field(2, *field));
        }
        if let Some((record, _)) = self.images.iter().find(|(_, taken)| !taken) {
            return Err(
                NistError::new(NistProblem::UnexpectedRecordType).in_record(record.record_type)
            );
        }
        Ok(())
    }
}

/// The record at the start of `input`, and its length.
fn record(input: &[u8], first: bool) -> Result<(RecordView<'_>, usize), NistError> {
    let (record_type, field, after_tag) = tag(input).ok_or(NistProblem::Syntax)?;
    let in_record = |problem: NistProblem| NistError::new(problem).in_record(record_type);
    if !RECORD_TYPES.contains(&record_type) || (record_type == 1) != first {
        return Err(in_record(NistProblem::UnexpectedRecordType));
    }
    if field != 1 {
        return Err(in_record(NistProblem::MissingField).at_field(record_type, 1));
    }
    let digits = input[after_tag..]
        .iter()
        .take_while(|byte| byte.is_ascii_digit())
        .count();
    if digits == 0 || digits > 10 || input.get(after_tag + digits) != Some(&GS) {
        return Err(in_record(NistProblem::Length).at_field(record_type, 1));
    }
    // At most ten digits: less than 2^34, a `usize` on every platform this builds for.
    let length = input[after_tag..after_tag + digits]
        .iter()
        .fold(0u64, |number, digit| number * 10 + u64::from(digit - b'0'));
    let length = usize::try_from(length).map_err(|_| {
        in_record(NistProblem::TooLarge {
            limit: TRANSACTION_LIMIT,
        })
    })?;
    // An image record holds at most its image's limit, and a text record's worth of fields.
    let limit = match record_type {
        10 => crate::PHOTO_LIMIT + TEXT_LIMIT,
        14 => crate::FINGER_IMPRESSION_LIMIT + TEXT_LIMIT,
        15 => crate::IMPRESSION_LIMIT + TEXT_LIMIT,
        20 => crate::SIGNATURE_LIMIT + TEXT_LIMIT,
        _ => TEXT_LIMIT,
    };
    if length > limit {
        return Err(in_record(NistProblem::TooLarge { limit }).at_field(record_type, 1));
    }
    if length > input.len() {
        return Err(in_record(NistProblem::Truncated));
    }
    if length <= after_tag + digits + 1 || input[length - 1] != FS {
        return Err(in_record(NistProblem::Length).at_field(record_type, 1));
    }
    let body = &input[..length - 1];
    let mut fields = Vec::new();
    let mut at = 0;
    while at < body.len() {
        let (this_type, number, after) =
            tag(&body[at..]).ok_or_else(|| in_record(NistProblem::Syntax))?;
        if this_type != record_type {
            return Err(in_record(NistProblem::Syntax));
        }
        if fields.iter().any(|(seen, _)| *seen == number) {
            return Err(in_record(NistProblem::DuplicateField).at_field(record_type, number));
        }
        let start = at + after;
        // The image data runs to the end of the record, and holds any byte.
        let end = if number == 999 && record_type > 2 {
            body.len()
        } else {
            body[start..]
                .iter()
                .position(|byte| *byte == GS || *byte == FS)
                .map_or(body.len(), |offset| start + offset)
        };
        if end < body.len() && body[end] == FS {
            return Err(in_record(NistProblem::Length).at_field(record_type, 1));
        }
        fields.push((number, &body[start..end]));
        at = end + 1;
    }
    let second = fields.get(1).map(|(number, _)| *number);
    if record_type != 1 && second != Some(2) {
        return Err(in_record(NistProblem::MissingField).at_field(record_type, 2));
    }
    Ok((
        RecordView {
            record_type,
            fields,
        },
        length,
    ))
}

/// The record type and field number of the tag `<type>.<number>:` at the start of `input`, and
/// where its value starts. The type has one or two digits, the number one to three.
fn tag(input: &[u8]) -> Option<(u16, u32, usize)> {
    let (record_type, dot) = digits_until(input, b'.', 2)?;
    let (field, colon) = digits_until(&input[dot + 1..], b':', 3)?;
    let record_type = u16::try_from(record_type).ok()?;
    (1..=FIELD_LIMIT)
        .contains(&field)
        .then_some((record_type, field, dot + 1 + colon + 1))
}

/// The number of 1 to `most` ASCII digits at the start of `input`, and where `end` follows them.
fn digits_until(input: &[u8], end: u8, most: usize) -> Option<(u32, usize)> {
    let mut number = 0u32;
    for (at, byte) in input.iter().enumerate().take(most + 1) {
        match *byte {
            b'0'..=b'9' if at < most => number = number * 10 + u32::from(byte - b'0'),
            byte if byte == end && at > 0 => return Some((number, at)),
            _ => return None,
        }
    }
    None
}

/// Checks the Type-1 record: its version, domain and encoding, and that CNT lists the records
/// in order, with their IDCs, each IDC once.
fn check_type_1(
    first: &RecordView<'_>,
    records: &[RecordView<'_>],
    domain: Domain,
) -> Result<(), NistError> {
    let at = |field: u32, problem: NistProblem| Err(NistError::new(problem).at_field(1, field));
    let required = |field: u32| first.field(field).filter(|value| !value.is_empty());
    for field in [2, 3, 4, 5, 7, 8, 9, 11, 12] {
        if required(field).is_none() {
            return at(field, NistProblem::MissingField);
        }
    }
    if !VERSIONS_READ
        .iter()
        .any(|version| required(2) == Some(version.as_bytes()))
    {
        return at(2, NistProblem::Version);
    }
    first
        .only(
            &[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15],
            "transaction",
        )
        .map_err(|mut error| {
            error.item = None;
            error
        })?;
    let expected_domain = format!("{}{}{}", domain.name, char::from(US), domain.version);
    if first.field(13) != Some(expected_domain.as_bytes()) {
        return at(13, NistProblem::Domain);
    }
    match first.field(15) {
        Some(b"003\x1fUTF-8") => {}
        None => {
            if records.iter().any(|record| {
                record.record_type == 2 && !record.fields.iter().all(|(_, value)| value.is_ascii())
            }) {
                return at(15, NistProblem::Encoding);
            }
        }
        Some(_) => return at(15, NistProblem::Encoding),
    }
    // CNT: `1 US <records>`, then `<type> US <IDC>` per record, in order.
    let contents = required(3).unwrap_or_default();
    let mut subfields = contents.split(|byte| *byte == RS);
    let count = format!("1{}{}", char::from(US), records.len());
    if subfields.next() != Some(count.as_bytes()) {
        return at(3, NistProblem::Contents);
    }
    let mut idcs = Vec::with_capacity(records.len());
    for record in records {
        let listed = subfields.next().unwrap_or_default();
        let idc = record.field(2).unwrap_or_default();
        let expected = [record.record_type.to_string().as_bytes(), &[US], idc].concat();
        if listed != expected.as_slice()
            || idc.is_empty()
            || !idc.iter().all(u8::is_ascii_digit)
            || idcs.contains(&idc)
        {
            return at(3, NistProblem::Contents);
        }
        idcs.push(idc);
    }
    if subfields.next().is_some() {
        return at(3, NistProblem::Contents);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_have_short_types_and_numbers() {
        assert_eq!(tag(b"2.031:x"), Some((2, 31, 6)));
        assert_eq!(tag(b"14.999:"), Some((14, 999, 7)));
        assert_eq!(tag(b"2.1000:"), None);
        assert_eq!(tag(b"2.000:"), None);
        assert_eq!(tag(b"2.+31:"), None);
        assert_eq!(tag(b"123.001:"), None);
        assert_eq!(tag(b"2.031"), None);
    }
}
