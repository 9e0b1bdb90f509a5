//! [`Random`]: values drawn from the strategies of [`crate::strategies`], one seed per record, so
//! that a property test can draw any record of the spec with [`any_record`]. A value depends on
//! the seed and the member's path only, not on the order of the draws, so that a record built
//! in two orders from one seed is the same record.

use dactylo_records::{
    AddressLine, Authority, BirthDate, Citizenship, Country, CourtActKind, Date, DocumentNumber,
    Ethnicity, Fingerprints, FingerprintsAndPalms, Iin, Name, Photo, Place, RegistrationBasis, Sex,
    Signature, ValidityEnd,
};
use std::hash::{DefaultHasher, Hash, Hasher};

use proptest::prelude::*;
use proptest::strategy::ValueTree;
use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};

use crate::fixtures::{Record, Values};
use crate::strategies;

/// Values drawn at random, the same for the same seed and path. Optional members are given one
/// time in two, or always. Images begin with their format's signature, or with a whole header
/// that gives their size, as a transaction's image records need.
pub struct Random {
    seed: u64,
    every_optional: bool,
    headed_images: bool,
}

impl Random {
    /// The values of `seed`.
    pub fn new(seed: u64) -> Random {
        Random {
            seed,
            every_optional: false,
            headed_images: false,
        }
    }

    /// The values of `seed`, every optional member given.
    pub fn complete(seed: u64) -> Random {
        Random {
            seed,
            every_optional: true,
            headed_images: false,
        }
    }

    /// The same values, with images whose headers give their size.
    pub fn with_headed_images(mut self) -> Random {
        self.headed_images = true;
        self
    }

    /// A value of `strategy` for the member at `at` (`what` tells two draws for one member
    /// apart).
    fn draw<S: Strategy>(&mut self, at: &str, what: &str, strategy: S) -> S::Value {
        let mut hasher = DefaultHasher::new();
        (self.seed, at, what).hash(&mut hasher);
        let mut bytes = [0; 32];
        bytes[..8].copy_from_slice(&hasher.finish().to_le_bytes());
        let rng = TestRng::from_seed(RngAlgorithm::ChaCha, &bytes);
        let mut runner = TestRunner::new_with_rng(Config::default(), rng);
        strategy
            .new_tree(&mut runner)
            .expect("the value strategies reject few of their draws")
            .current()
    }
}

/// Any record of type `R`, drawn from a seed. It does not shrink: a failure shows the seed's
/// record, as the test prints it.
pub fn any_record<R: Record>() -> impl Strategy<Value = R> {
    any::<u64>().prop_map(|seed| R::draw(&mut Random::new(seed), R::NAME))
}

/// Any record of type `R` whose images have headers that give their size, drawn from a seed.
pub fn any_transferable_record<R: Record>() -> impl Strategy<Value = R> {
    any::<u64>().prop_map(|seed| R::draw(&mut Random::new(seed).with_headed_images(), R::NAME))
}

/// A record of type `R` with every item, the same on every call.
pub fn complete<R: Record>() -> R {
    R::draw(&mut Random::complete(0), R::NAME)
}

impl Values for Random {
    fn draw_name(&mut self, at: &str) -> Name {
        self.draw(at, "value", strategies::name())
    }

    fn draw_date(&mut self, at: &str) -> Date {
        self.draw(at, "value", strategies::day())
    }

    fn draw_birth_date(&mut self, at: &str) -> BirthDate {
        self.draw(at, "value", strategies::birth_date())
    }

    fn draw_place(&mut self, at: &str) -> Place {
        self.draw(at, "value", strategies::text())
    }

    fn draw_sex(&mut self, at: &str) -> Sex {
        self.draw(at, "value", strategies::sex())
    }

    fn draw_ethnicity(&mut self, at: &str) -> Ethnicity {
        self.draw(at, "value", strategies::text())
    }

    fn draw_country(&mut self, at: &str) -> Country {
        self.draw(at, "value", strategies::country())
    }

    fn draw_citizenship(&mut self, at: &str) -> Citizenship {
        self.draw(at, "value", strategies::citizenship())
    }

    fn draw_photo(&mut self, at: &str) -> Photo {
        let (format, bytes) = match self.headed_images {
            true => self.draw(at, "value", strategies::headed_image()),
            false => self.draw(at, "value", strategies::image()),
        };
        Photo::new(format, bytes).unwrap()
    }

    fn draw_signature(&mut self, at: &str) -> Signature {
        let (format, bytes) = match self.headed_images {
            true => self.draw(at, "value", strategies::headed_image()),
            false => self.draw(at, "value", strategies::image()),
        };
        Signature::new(format, bytes).unwrap()
    }

    fn draw_fingerprints(&mut self, at: &str) -> Fingerprints {
        match self.headed_images {
            true => self.draw(at, "value", strategies::headed_fingerprints()),
            false => self.draw(at, "value", strategies::fingerprints()),
        }
    }

    fn draw_fingerprints_and_palms(&mut self, at: &str) -> FingerprintsAndPalms {
        match self.headed_images {
            true => self.draw(at, "value", strategies::headed_palms()),
            false => self.draw(at, "value", strategies::palms()),
        }
    }

    fn draw_document_number(&mut self, at: &str) -> DocumentNumber {
        self.draw(at, "value", strategies::document_number())
    }

    fn draw_iin(&mut self, at: &str) -> Iin {
        self.draw(at, "value", strategies::iin())
    }

    fn draw_registration_basis(&mut self, at: &str) -> RegistrationBasis {
        self.draw(at, "value", strategies::text())
    }

    fn draw_authority(&mut self, at: &str) -> Authority {
        self.draw(at, "value", strategies::text())
    }

    fn draw_address_line(&mut self, at: &str) -> AddressLine {
        self.draw(at, "value", strategies::text())
    }

    fn draw_validity_end(&mut self, at: &str) -> ValidityEnd {
        self.draw(at, "value", strategies::validity_end())
    }

    fn draw_court_act_kind(&mut self, at: &str) -> CourtActKind {
        self.draw(at, "value", strategies::court_act_kind())
    }

    fn give(&mut self, at: &str) -> bool {
        self.every_optional || self.draw(at, "given", any::<bool>())
    }
}
