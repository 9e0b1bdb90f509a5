//! The paths of a run: where its outputs go and how they must stand apart, how generated headers
//! name the spec, and how messages show the project's paths.

use std::path::{Component, Path, PathBuf};

use dactylo_codegen::Error;

/// One place a run writes: a directory of generated files, or one generated file.
pub(crate) struct Destination<'a> {
    /// How the user named it: the option, or the key of the project's configuration.
    pub(crate) named: String,
    pub(crate) path: &'a Path,
}

/// Refuses destinations that are the same path or lie one inside another. Each output removes
/// the stale generated files of the directories it owns and locks its directory while it
/// works: two outputs in one place would take each other's files for stale ones (so that
/// `--check` is never clean), or lock the same directory twice.
pub(crate) fn refuse_overlaps(destinations: &[Destination<'_>]) -> Result<(), Error> {
    let resolved: Vec<PathBuf> = destinations
        .iter()
        .map(|destination| resolved(destination.path))
        .collect();
    for (first, a) in resolved.iter().enumerate() {
        for (second, b) in resolved.iter().enumerate().skip(first + 1) {
            let relation = if a == b {
                "is the same path as"
            } else if b.starts_with(a) {
                "is inside"
            } else if a.starts_with(b) {
                "contains"
            } else {
                continue;
            };
            let (outer, inner) = (&destinations[first], &destinations[second]);
            return Err(Error::InvalidOption(format!(
                "{} {} {relation} {} {}: each output needs a place of its own, outside the \
                 others, since a run removes the generated files it no longer gives from the \
                 directories it writes",
                inner.named,
                inner.path.display(),
                outer.named,
                outer.path.display(),
            )));
        }
    }
    Ok(())
}

/// `path` made absolute, with its existing part resolved as the file system sees it (links,
/// `..`) and the rest appended as written, `.` and `..` applied.
pub(crate) fn resolved(path: &Path) -> PathBuf {
    let absolute = std::env::current_dir()
        .map(|current| current.join(path))
        .unwrap_or_else(|_| path.to_owned());
    let mut resolved = PathBuf::new();
    let mut exists = true;
    for component in absolute.components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir if !exists => {
                resolved.pop();
            }
            _ => {
                resolved.push(component);
                if exists {
                    match resolved.canonicalize() {
                        Ok(canonical) => resolved = canonical,
                        Err(_) => exists = false,
                    }
                }
            }
        }
    }
    resolved
}

/// How generated headers name the spec, the same from any directory and on every machine:
/// relative to the project's root when the spec is inside the project, and otherwise relative to
/// the crate's directory `out`.
pub(crate) fn label(spec: &Path, root: Option<&Path>, out: &Path) -> String {
    let spec = resolved(spec);
    let from_root =
        root.and_then(|root| spec.strip_prefix(resolved(root)).map(Path::to_owned).ok());
    from_root
        .unwrap_or_else(|| relative(&spec, &resolved(out)))
        .to_string_lossy()
        .replace('\\', "/")
}

/// `path` as seen from the directory `from`, climbing out of it with `..` where it must. Both
/// are absolute (the project's paths are joined to the directory the project was found from),
/// and neither need exist yet.
pub(crate) fn relative(path: &Path, from: &Path) -> PathBuf {
    let (path_components, from_components) = (normal(path), normal(from));
    let common = path_components
        .iter()
        .zip(&from_components)
        .take_while(|(a, b)| a == b)
        .count();
    if common == 0 {
        return path.to_owned();
    }
    let mut relative = PathBuf::new();
    for _ in &from_components[common..] {
        relative.push("..");
    }
    for component in &path_components[common..] {
        relative.push(component);
    }
    if relative.as_os_str().is_empty() {
        PathBuf::from(".")
    } else {
        relative
    }
}

/// The components of `path` but `.`.
fn normal(path: &Path) -> Vec<Component<'_>> {
    path.components()
        .filter(|component| *component != Component::CurDir)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn destination<'a>(named: &str, path: &'a Path) -> Destination<'a> {
        Destination {
            named: named.to_owned(),
            path,
        }
    }

    #[test]
    fn outputs_in_one_place_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("generated");
        std::fs::create_dir_all(out.join("src/records")).unwrap();
        let (cases, table) = (
            dir.path().join("cases"),
            dir.path().join("codegen/table.txt"),
        );
        let refused = [
            (out.join("src/records"), &table, "--cases"),
            (out.join("src/records/../records/new"), &table, "--cases"),
            (out.clone(), &table, "--cases"),
            (dir.path().to_owned(), &table, "--cases"),
            (cases.clone(), &out.join("table.txt"), "composites-table"),
            (cases.clone(), &cases.join("table.txt"), "composites-table"),
            (cases.clone(), &out, "composites-table"),
        ];
        for (cases, table, named) in refused {
            let destinations = [
                destination("--out", &out),
                destination("--cases", &cases),
                destination("composites-table", table),
            ];
            let Err(Error::InvalidOption(message)) = refuse_overlaps(&destinations) else {
                panic!(
                    "{} and {} were let through",
                    cases.display(),
                    table.display()
                );
            };
            assert!(message.starts_with(named), "{message}");
            assert!(message.contains("needs a place of its own"), "{message}");
        }
        // Apart, even when the names begin alike or one file sits above a directory.
        let (cases, table) = (
            dir.path().join("generated-cases"),
            dir.path().join("table.txt"),
        );
        let apart = [
            destination("--out", &out),
            destination("--cases", &cases),
            destination("composites-table", &table),
        ];
        assert!(refuse_overlaps(&apart).is_ok());
    }

    #[test]
    fn paths_are_shown_from_a_directory() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        let spec = root.join("spec");
        assert_eq!(relative(&spec, root), Path::new("spec"));
        assert_eq!(
            relative(&spec, &root.join("codegen/src")),
            Path::new("../../spec")
        );
        assert_eq!(relative(root, root), Path::new("."));
    }

    #[test]
    fn headers_name_the_spec_the_same_from_every_directory() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().canonicalize().unwrap();
        std::fs::create_dir_all(root.join("spec")).unwrap();
        std::fs::write(root.join("spec/a.yaml"), "").unwrap();
        let out = root.join("records");
        assert_eq!(
            label(&root.join("spec/a.yaml"), Some(&root), &out),
            "spec/a.yaml"
        );
        // Outside any project, or outside the project: from the crate's directory.
        assert_eq!(
            label(&root.join("spec/a.yaml"), None, &out),
            "../spec/a.yaml"
        );
        assert_eq!(
            label(
                &root.join("spec/a.yaml"),
                Some(&root.join("elsewhere")),
                &out
            ),
            "../spec/a.yaml"
        );
    }
}
