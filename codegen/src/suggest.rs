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

/// How many distinct misspelt names one [`Suggestions`] searches its candidates for. Each search
/// costs time in the number of candidates, so a spec of `n` unknown names among `n` types would
/// otherwise cost time in `n²`; past a few dozen misspellings a suggestion no longer helps.
pub(crate) const SEARCHED_NAMES: usize = 64;

/// "Did you mean …?" among one large set of candidates (a spec's types), asked for many times:
/// each distinct name is searched once, and at most [`SEARCHED_NAMES`] of them.
pub(crate) struct Suggestions {
    candidates: Vec<String>,
    found: std::collections::HashMap<String, Option<String>>,
}

impl Suggestions {
    pub(crate) fn new(candidates: impl IntoIterator<Item = String>) -> Self {
        Suggestions {
            candidates: candidates.into_iter().collect(),
            found: std::collections::HashMap::new(),
        }
    }

    /// `did you mean `x`?` for the candidate closest to `wrong`; `None` when none is close, or
    /// when [`SEARCHED_NAMES`] other names were searched already.
    pub(crate) fn did_you_mean(&mut self, wrong: &str) -> Option<String> {
        if let Some(found) = self.found.get(wrong) {
            return found.clone();
        }
        if self.found.len() == SEARCHED_NAMES {
            return None;
        }
        let found = did_you_mean(wrong, self.candidates.iter().map(String::as_str));
        self.found.insert(wrong.to_owned(), found.clone());
        found
    }
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

    #[test]
    fn many_misspellings_are_searched_for_a_bounded_number_of_names() {
        let types: Vec<String> = (0..200).map(|index| format!("Composite{index}")).collect();
        let mut suggestions = Suggestions::new(types);
        for index in 0..SEARCHED_NAMES {
            let wrong = format!("Compisite{index}");
            assert!(suggestions.did_you_mean(&wrong).is_some(), "{wrong}");
        }
        // A name searched already is still answered; a new one past the bound is not.
        assert!(suggestions.did_you_mean("Compisite0").is_some());
        assert_eq!(suggestions.did_you_mean("Compisite199"), None);
    }
}
