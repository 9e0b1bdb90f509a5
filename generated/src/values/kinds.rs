//! Values that are one of a few kinds.

/// Written `M` or `F`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum Sex {
    /// Male, written `M`.
    #[cfg_attr(feature = "serde", serde(rename = "M"))]
    Male,
    /// Female, written `F`.
    #[cfg_attr(feature = "serde", serde(rename = "F"))]
    Female,
}

/// Written `visa` or `temporary_residence_permit`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum PermitKind {
    /// A visa of the Republic of Kazakhstan.
    Visa,
    /// A temporary residence permit in the Republic of Kazakhstan.
    TemporaryResidencePermit,
}

/// Written `verdict` or `decision`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum CourtActKind {
    /// A verdict (үкім) in a criminal case.
    Verdict,
    /// A decision (шешім), as in an administrative case.
    Decision,
}
