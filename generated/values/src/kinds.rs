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

/// Written `verdict` or `decision`. `Debug` shows `CourtActKind(<redacted>)`.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub enum CourtActKind {
    /// A verdict (үкім) in a criminal case.
    Verdict,
    /// A decision (шешім), as in an administrative case.
    Decision,
}

named_variants!(CourtActKind, "a kind of court act", {
    Verdict => "verdict",
    Decision => "decision",
});

redacted_debug!(Sex, CourtActKind);
