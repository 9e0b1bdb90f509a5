//! Walking and changing JSON by path, for the tests that damage records.

use serde_json::Value;

/// Every node of `json` by its path of keys and indices, the root (the empty path) first.
pub fn paths(json: &Value) -> Vec<Vec<String>> {
    fn walk(json: &Value, prefix: &mut Vec<String>, found: &mut Vec<Vec<String>>) {
        found.push(prefix.clone());
        let children: Vec<(String, &Value)> = match json {
            Value::Array(items) => items
                .iter()
                .enumerate()
                .map(|(index, item)| (index.to_string(), item))
                .collect(),
            Value::Object(entries) => entries
                .iter()
                .map(|(key, value)| (key.clone(), value))
                .collect(),
            _ => Vec::new(),
        };
        for (step, child) in children {
            prefix.push(step);
            walk(child, prefix, found);
            prefix.pop();
        }
    }
    let mut found = Vec::new();
    walk(json, &mut Vec::new(), &mut found);
    found
}

/// The node of `json` at `path`, which [`paths`] gave.
pub fn node_mut<'a>(json: &'a mut Value, path: &[String]) -> &'a mut Value {
    path.iter().fold(json, |node, step| match node {
        Value::Array(items) => &mut items[step.parse::<usize>().unwrap()],
        Value::Object(entries) => entries.get_mut(step).unwrap(),
        _ => unreachable!("paths lead through arrays and objects"),
    })
}
