//! "Did you mean …?": the closest of the names a spot accepts, when one is close enough.

/// How alike two names must be (Jaro–Winkler, 0 to 1) for one to be offered for the other.
const CLOSE_ENOUGH: f64 = 0.82;

/// The candidate `wrong` most likely misspells, if any is close enough.
pub(crate) fn closest<'a>(
    wrong: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let wrong_lower = wrong.to_lowercase();
    candidates
        .into_iter()
        .filter(|candidate| *candidate != wrong)
        .map(|candidate| {
            let score = if candidate.to_lowercase() == wrong_lower {
                1.0
            } else {
                strsim::jaro_winkler(&wrong_lower, &candidate.to_lowercase())
            };
            (score, candidate)
        })
        .filter(|(score, _)| *score >= CLOSE_ENOUGH)
        .max_by(|(left, _), (right, _)| left.total_cmp(right))
        .map(|(_, candidate)| candidate)
}

/// `did you mean `x`?` for the closest candidate.
pub(crate) fn did_you_mean<'a>(
    wrong: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<String> {
    closest(wrong, candidates).map(|candidate| format!("did you mean `{candidate}`?"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offers_the_closest_name_only_when_close() {
        let keys = [
            "ident",
            "type",
            "citation",
            "kk",
            "en",
            "optional",
            "condition",
        ];
        assert_eq!(closest("optinal", keys), Some("optional"));
        assert_eq!(closest("citaton", keys), Some("citation"));
        assert_eq!(closest("conditon", keys), Some("condition"));
        assert_eq!(closest("colour", keys), None);
        assert_eq!(closest("date", ["Date", "Name"]), Some("Date"));
        assert_eq!(closest("Datum", ["Date", "Name", "Place"]), Some("Date"));
        assert_eq!(
            did_you_mean("repeald", ["in_force", "repealed"]).as_deref(),
            Some("did you mean `repealed`?")
        );
    }
}
