//! Values that are one of a few kinds.

/// The holder's sex as the identity document gives it: written `M`, `F` or `X`. `Debug` shows
/// `Sex(<redacted>)`.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub enum Sex {
    /// Male, written `M`.
    Male,
    /// Female, written `F`.
    Female,
    /// Unspecified, written `X`: ICAO Doc 9303 writes `X` where the document does not state
    /// the holder's sex as male or female, and foreign passports carry it.
    Unspecified,
}

named_variants!(Sex, "a sex written M, F or X", {
    Male => "M",
    Female => "F",
    Unspecified => "X",
});

/// The kind of the judicial act that ordered an expulsion, written `verdict` or `decision`.
/// `Debug` shows `CourtActKind(<redacted>)`.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub enum CourtActKind {
    /// A verdict (үкім) in a criminal case, where a court imposes expulsion as a punishment.
    Verdict,
    /// Any other judicial act that orders expulsion: a court's decision (шешім), and the ruling
    /// (қаулы) by which a judge imposes administrative expulsion in a case of an administrative
    /// offence, which is recorded as this kind.
    Decision,
}

named_variants!(CourtActKind, "a kind of court act", {
    Verdict => "verdict",
    Decision => "decision",
});

redacted_debug!(Sex, CourtActKind);
