//! Names that would collide in the generated output, found from the plan's list of every name it
//! declares ([`crate::plan::Plan::declarations`]) rather than by rules that could forget an item.

use std::collections::{BTreeMap, BTreeSet};

use crate::error::Finding;
use crate::plan::{Declaration, Node, NodeKind, Origin, Scope};

/// One finding per spec node whose generated name another declaration of its scope already has.
/// A node is reported once, at its first collision; a value type's name is fixed by its
/// hand-written type, so the other side of its collision is the one reported.
pub(crate) fn findings(declarations: &[Declaration]) -> Vec<Finding> {
    let mut first: BTreeMap<(&Scope, &str), &Origin> = BTreeMap::new();
    let mut reported: BTreeSet<String> = BTreeSet::new();
    let mut findings = Vec::new();
    for declaration in declarations {
        let key = (&declaration.scope, declaration.name.as_str());
        let Some(earlier) = first.get(&key).copied() else {
            first.insert(key, &declaration.origin);
            continue;
        };
        let later = &declaration.origin;
        let (at, other) = match (renamed(later), renamed(earlier)) {
            (Some(node), _) => (node, earlier),
            (None, Some(node)) => (node, later),
            (None, None) => match (&later.node, &earlier.node) {
                (Some(node), _) => (node, earlier),
                (None, Some(node)) => (node, later),
                // Two items of the generator itself: a bug the tests of the name list catch.
                (None, None) => continue,
            },
        };
        if !reported.insert(at.path.clone()) {
            continue;
        }
        let this = if std::ptr::eq(other, earlier) {
            later
        } else {
            earlier
        };
        let message = if this.what == other.what {
            format!("{} appears twice", this.what)
        } else {
            format!(
                "`{}` would name both {} and {}",
                declaration.name, other.what, this.what
            )
        };
        let help = format!("rename the {}", at.kind.noun());
        let finding = Finding::at(&at.path, message).help(help);
        findings.push(if at.on_key { finding.on_key() } else { finding });
    }
    findings
}

/// The spec node behind `origin`, if renaming it could resolve a collision.
fn renamed(origin: &Origin) -> Option<&Node> {
    origin
        .node
        .as_ref()
        .filter(|node| node.kind != NodeKind::Value)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn declared(
        scope: &Scope,
        name: &str,
        what: &str,
        node: Option<(&str, NodeKind)>,
    ) -> Declaration {
        Declaration {
            scope: scope.clone(),
            name: name.to_owned(),
            kind: crate::plan::Kind::Module,
            origin: Origin {
                what: what.to_owned(),
                node: node.map(|(path, kind)| Node {
                    path: path.to_owned(),
                    on_key: true,
                    kind,
                }),
            },
        }
    }

    #[test]
    fn a_spec_name_is_reported_against_the_generator() {
        let root = Scope::Module(Vec::new());
        let findings = findings(&[
            declared(&root, "composites", "the module of composites", None),
            declared(
                &root,
                "composites",
                "the module of record `Composites`",
                Some(("records.Composites", NodeKind::Record)),
            ),
        ]);
        assert_eq!(findings.len(), 1);
        assert_eq!(findings[0].path, "records.Composites");
        assert_eq!(
            findings[0].message,
            "`composites` would name both the module of composites and the module of record `Composites`"
        );
        assert_eq!(findings[0].help.as_deref(), Some("rename the record"));
    }

    #[test]
    fn the_side_that_can_be_renamed_is_reported() {
        let root = Scope::Module(Vec::new());
        let findings = findings(&[
            declared(
                &root,
                "Photo",
                "the composite `Photo`",
                Some(("composites.Photo", NodeKind::Composite)),
            ),
            declared(
                &root,
                "Photo",
                "the value type `Photo`",
                Some(("values.Photo", NodeKind::Value)),
            ),
        ]);
        assert_eq!(findings[0].path, "composites.Photo");
        assert_eq!(findings[0].help.as_deref(), Some("rename the composite"));
    }

    #[test]
    fn a_node_is_reported_once_and_other_scopes_do_not_collide() {
        let fields = Scope::Fields(vec!["m".into()], "R".into());
        let setters = Scope::Associated(vec!["m".into()], "RBuilder".into());
        let field = |path| Some((path, NodeKind::Field));
        let findings = findings(&[
            declared(
                &fields,
                "x",
                "the field `x` of `R`",
                field("records.R.fields[0].ident"),
            ),
            declared(
                &setters,
                "x",
                "the setter of field `x`",
                field("records.R.fields[0].ident"),
            ),
            declared(
                &fields,
                "x",
                "the field `x` of `R`",
                field("records.R.fields[1].ident"),
            ),
            declared(
                &setters,
                "x",
                "the setter of field `x`",
                field("records.R.fields[1].ident"),
            ),
        ]);
        assert_eq!(findings.len(), 1);
        assert_eq!(findings[0].path, "records.R.fields[1].ident");
        assert_eq!(findings[0].message, "the field `x` of `R` appears twice");
    }
}
