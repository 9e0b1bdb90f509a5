//! What several of the tests share.

/// The `act` section of the small specs the tests write, as a literal for `concat!`.
macro_rules! small_act {
    () => {
        "\
act:
  kind: { kk: қаулысы, en: Resolution }
  number: 1
  date: 2024-01-01
  title: { kk: атауы, en: title }
  legal_basis: { kk: негізі, en: basis }
  issuer: { kk: Үкімет, en: the Government }
  signatory: { kk: Премьер-Министр, en: the Prime Minister }
  in_force: { rule: { kk: қолданысқа енгізіледі, en: enters into force }, on: 2024-01-11 }
  citations:
    paragraph: { kk_label: \"{paragraph}-тармақ\", en: \"paragraph {paragraph}\" }
    item: { kk_label: \"{paragraph}-тармақтың {item}) тармақшасы\", en: \"paragraph {paragraph}, subparagraph {item})\" }
  status: in_force
"
    };
}
pub(crate) use small_act;

pub mod amendments;
pub mod downstream;
pub mod files;
pub mod scratch;
