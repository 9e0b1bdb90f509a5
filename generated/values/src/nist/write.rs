//! Writing a transaction: the Type-1 record from the [`TransactionInfo`], the Type-2 record from
//! the fields a record's `to_nist` puts, and the image records from its captures and images.

use std::borrow::Cow;

use super::images::{self, Image};
use super::separator::{FS, GS, RS, US, is_separator};
use super::{
    Domain, INFO_TEXT_LIMIT, NistError, NistProblem, NistText, RECORDS_LIMIT, TEXT_LIMIT,
    TRANSACTION_LIMIT, TransactionInfo, VERSION,
};
use crate::{Fingerprints, FingerprintsAndPalms, Photo, Signature};

/// A transaction being put together by a record's `to_nist`: the Type-2 fields, then the images,
/// in the order of the record's items. [`Transaction::write`] writes it.
#[derive(Debug)]
pub struct Transaction<'r> {
    domain: Domain,
    text: Vec<(u32, Vec<u8>)>,
    images: Vec<Image<'r>>,
}

/// A record of the traditional encoding before its LEN is known: its type and its fields, by
/// number, in the order written.
pub(crate) struct Tagged<'r> {
    pub(crate) record_type: u16,
    pub(crate) fields: Vec<(u32, Cow<'r, [u8]>)>,
}

impl<'r> Tagged<'r> {
    pub(crate) fn new(record_type: u16) -> Tagged<'r> {
        Tagged {
            record_type,
            fields: Vec::new(),
        }
    }

    pub(crate) fn text(&mut self, field: u32, text: impl Into<String>) {
        self.fields
            .push((field, Cow::Owned(text.into().into_bytes())));
    }

    pub(crate) fn binary(&mut self, field: u32, bytes: &'r [u8]) {
        self.fields.push((field, Cow::Borrowed(bytes)));
    }

    fn tag_length(&self, field: u32) -> usize {
        digits(usize::from(self.record_type)) + 1 + digits(field as usize).max(3) + 1
    }

    /// The record's length with LEN in it: the fields, each with its tag and its separator, and
    /// LEN's own digits.
    fn length(&self) -> usize {
        let rest: usize = self
            .fields
            .iter()
            .map(|(field, value)| self.tag_length(*field) + value.len() + 1)
            .sum();
        let fixed = rest + self.tag_length(1) + 1;
        (1..=20)
            .map(|own| fixed + own)
            .find(|length| digits(*length) == length - fixed)
            .unwrap_or(fixed)
    }

    fn write_into(&self, out: &mut Vec<u8>) {
        let length = self.length();
        let start = out.len();
        self.write_field(out, 1, length.to_string().as_bytes());
        for (field, value) in &self.fields {
            out.push(GS);
            self.write_field(out, *field, value);
        }
        out.push(FS);
        debug_assert_eq!(out.len() - start, length);
    }

    fn write_field(&self, out: &mut Vec<u8>, field: u32, value: &[u8]) {
        out.extend_from_slice(format!("{}.{field:03}:", self.record_type).as_bytes());
        out.extend_from_slice(value);
    }
}

fn digits(number: usize) -> usize {
    number.checked_ilog10().map_or(1, |log| log as usize + 1)
}

impl<'r> Transaction<'r> {
    /// A transaction of `domain`'s Type-2 record, with nothing in it yet.
    pub fn new(domain: Domain) -> Transaction<'r> {
        Transaction {
            domain,
            text: Vec::new(),
            images: Vec::new(),
        }
    }

    /// Puts `value` in Type-2 field `field`, for the record's item `item`.
    ///
    /// # Errors
    ///
    /// When the value's text holds a separator of the traditional encoding.
    pub fn text<T: NistText>(
        &mut self,
        field: u32,
        value: &T,
        item: &'static str,
    ) -> Result<(), NistError> {
        let mut text = Vec::new();
        value.write_nist(&mut text);
        if text.is_empty() || text.iter().any(|byte| is_separator(*byte)) {
            return Err(NistError::new(NistProblem::Form(
                "text with a character and without separators",
            ))
            .at_field(2, field)
            .for_item(item));
        }
        self.text.push((field, text));
        Ok(())
    }

    /// Puts `value`, when given, in Type-2 field `field`.
    ///
    /// # Errors
    ///
    /// As [`Transaction::text`].
    pub fn optional_text<T: NistText>(
        &mut self,
        field: u32,
        value: Option<&T>,
        item: &'static str,
    ) -> Result<(), NistError> {
        match value {
            Some(value) => self.text(field, value, item),
            None => Ok(()),
        }
    }

    /// Puts a Type-14 record per finger.
    pub fn fingerprints(&mut self, fingers: &'r Fingerprints, item: &'static str) {
        self.images.push(Image::Fingers(fingers, item));
    }

    /// Puts a Type-14 record per finger and a Type-15 record per full palm.
    pub fn fingerprints_and_palms(
        &mut self,
        captures: &'r FingerprintsAndPalms,
        item: &'static str,
    ) {
        self.images.push(Image::FingersAndPalms(captures, item));
    }

    /// Puts the Type-10 record of the photograph.
    pub fn photo(&mut self, photo: &'r Photo, item: &'static str) {
        self.images.push(Image::Photo(photo, item));
    }

    /// Puts the Type-20 record of the signature.
    pub fn signature(&mut self, signature: &'r Signature, item: &'static str) {
        self.images.push(Image::Signature(signature, item));
    }

    /// The transaction, as the traditional encoding writes it.
    ///
    /// # Errors
    ///
    /// When a field of `info` breaks its rule, an image's header does not give what its record
    /// needs, an impression is not an image, or the transaction would exceed its limits.
    pub fn write(self, info: &TransactionInfo) -> Result<Vec<u8>, NistError> {
        check_info(info)?;
        let mut descriptive = Tagged::new(2);
        descriptive.text(2, "0");
        let mut text = self.text;
        text.sort_by_key(|(field, _)| *field);
        if text.windows(2).any(|pair| pair[0].0 == pair[1].0) {
            return Err(NistError::new(NistProblem::DuplicateField).in_record(2));
        }
        descriptive.fields.extend(
            text.into_iter()
                .map(|(field, text)| (field, Cow::Owned(text))),
        );
        if descriptive.length() > TEXT_LIMIT {
            return Err(NistError::new(NistProblem::TooLarge { limit: TEXT_LIMIT }).in_record(2));
        }
        let mut records = vec![descriptive];
        for image in &self.images {
            images::write(image, info, &mut records)?;
        }
        if records.len() + 1 > RECORDS_LIMIT {
            return Err(NistError::new(NistProblem::TooManyRecords));
        }
        let first = type_1(info, self.domain, &records);
        let total: usize = first.length() + records.iter().map(Tagged::length).sum::<usize>();
        if total > TRANSACTION_LIMIT {
            return Err(NistError::new(NistProblem::TooLarge {
                limit: TRANSACTION_LIMIT,
            }));
        }
        let mut out = Vec::with_capacity(total);
        first.write_into(&mut out);
        for record in &records {
            record.write_into(&mut out);
        }
        Ok(out)
    }
}

/// The Type-1 record: the fields in the order of their numbers, the records in CNT with the IDC
/// each was written with (its second field).
fn type_1<'r>(info: &TransactionInfo, domain: Domain, records: &[Tagged<'_>]) -> Tagged<'r> {
    let mut first = Tagged::new(1);
    first.text(2, VERSION);
    let mut contents = format!("1{}{}", char::from(US), records.len());
    for record in records {
        let idc = record
            .fields
            .first()
            .map(|(_, idc)| String::from_utf8_lossy(idc).into_owned())
            .unwrap_or_default();
        contents.push(char::from(RS));
        contents.push_str(&format!("{}{}{idc}", record.record_type, char::from(US)));
    }
    first.text(3, contents);
    first.text(4, info.transaction_type.as_str());
    first.text(5, date(info.date));
    if let Some(priority) = info.priority {
        first.text(6, priority.to_string());
    }
    first.text(7, info.destination_agency.as_str());
    first.text(8, info.originating_agency.as_str());
    first.text(9, info.control_number.as_str());
    if let Some(reference) = &info.control_reference {
        first.text(10, reference.as_str());
    }
    first.text(11, "00.00");
    first.text(12, "00.00");
    first.text(
        13,
        format!("{}{}{}", domain.name, char::from(US), domain.version),
    );
    first.text(15, format!("003{}UTF-8", char::from(US)));
    first
}

pub(crate) fn date(date: crate::Date) -> String {
    let mut out = Vec::new();
    date.write_nist(&mut out);
    String::from_utf8(out).unwrap_or_default()
}

fn check_info(info: &TransactionInfo) -> Result<(), NistError> {
    let refuse = |rule| Err(NistError::new(NistProblem::TransactionInfo(rule)).in_record(1));
    let printable = |text: &str| {
        !text.is_empty()
            && text.len() <= INFO_TEXT_LIMIT
            && text.bytes().all(|byte| (0x20..=0x7E).contains(&byte))
    };
    let tot = &info.transaction_type;
    if tot.is_empty()
        || tot.len() > 16
        || !tot
            .bytes()
            .all(|byte| byte.is_ascii_uppercase() || byte.is_ascii_digit())
    {
        return refuse("`transaction_type` is not 1 to 16 upper-case ASCII letters and digits");
    }
    if info
        .priority
        .is_some_and(|priority| !(1..=9).contains(&priority))
    {
        return refuse("`priority` is not from 1 to 9");
    }
    let texts = [
        (
            &info.destination_agency,
            "`destination_agency` is not 1 to 40 printable ASCII characters",
        ),
        (
            &info.originating_agency,
            "`originating_agency` is not 1 to 40 printable ASCII characters",
        ),
        (
            &info.control_number,
            "`control_number` is not 1 to 40 printable ASCII characters",
        ),
        (
            &info.capturing_agency,
            "`capturing_agency` is not 1 to 40 printable ASCII characters",
        ),
    ];
    for (text, rule) in texts {
        if !printable(text) {
            return refuse(rule);
        }
    }
    if info
        .control_reference
        .as_deref()
        .is_some_and(|reference| !printable(reference))
    {
        return refuse("`control_reference` is not 1 to 40 printable ASCII characters");
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn len_counts_its_own_digits() {
        for filler in 0..2_000 {
            let mut record = Tagged::new(2);
            record.text(2, "0");
            record.text(3, "x".repeat(filler));
            let mut out = Vec::new();
            record.write_into(&mut out);
            let len: usize =
                std::str::from_utf8(&out[6..out.iter().position(|b| *b == GS).unwrap()])
                    .unwrap()
                    .parse()
                    .unwrap();
            assert_eq!(len, out.len(), "filler {filler}");
        }
    }
}
