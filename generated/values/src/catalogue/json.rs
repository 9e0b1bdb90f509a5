//! JSON text written from Rust values, for the schemas: an object keeps its keys in the order
//! they are given, as the generated schemas show them.

/// A JSON value.
pub(crate) trait Json {
    /// Its JSON text.
    fn json(&self) -> String;
}

/// A JSON object, its keys in the order given.
#[derive(Debug, Clone, Default)]
pub(crate) struct Object(Vec<(&'static str, String)>);

impl Object {
    pub(crate) fn new() -> Object {
        Object::default()
    }

    /// The object with `key` set to `value`, after the keys already there.
    pub(crate) fn with(mut self, key: &'static str, value: impl Json) -> Object {
        self.0.push((key, value.json()));
        self
    }

    /// The object with `pattern`, and with `not` the strings that hold a line feed
    /// ([`LINE_FEED`](super::LINE_FEED)), which Python's `$` would let through.
    pub(crate) fn with_pattern(self, pattern: &str) -> Object {
        self.with("pattern", pattern)
            .with("not", Written(super::LINE_FEED))
    }

    /// Its JSON text.
    pub(crate) fn text(&self) -> String {
        self.json()
    }
}

/// JSON text written already.
struct Written(&'static str);

impl Json for Written {
    fn json(&self) -> String {
        self.0.to_owned()
    }
}

impl Json for Object {
    fn json(&self) -> String {
        let members: Vec<String> = self
            .0
            .iter()
            .map(|(key, value)| format!("{}: {value}", key.json()))
            .collect();
        format!("{{{}}}", members.join(", "))
    }
}

impl Json for &str {
    fn json(&self) -> String {
        let mut text = String::from("\"");
        for character in self.chars() {
            match character {
                '"' => text.push_str("\\\""),
                '\\' => text.push_str("\\\\"),
                control if control.is_control() => {
                    text.push_str(&format!("\\u{:04x}", u32::from(control)));
                }
                other => text.push(other),
            }
        }
        text.push('"');
        text
    }
}

/// Numbers and booleans are written as Rust displays them.
macro_rules! displayed {
    ($($type:ty),*) => {
        $(impl Json for $type {
            fn json(&self) -> String {
                self.to_string()
            }
        })*
    };
}

// `i32` for the literals of the schemas, which Rust types as `i32` when nothing says otherwise.
displayed!(usize, u8, i32, bool);

impl<T: Json> Json for Vec<T> {
    fn json(&self) -> String {
        let items: Vec<String> = self.iter().map(Json::json).collect();
        format!("[{}]", items.join(", "))
    }
}

/// `15000000` as `15,000,000`, for the descriptions.
pub(crate) fn thousands(number: usize) -> String {
    let digits = number.to_string();
    let mut text = String::new();
    for (index, digit) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index).is_multiple_of(3) {
            text.push(',');
        }
        text.push(digit);
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn objects_keep_their_order_and_strings_are_escaped() {
        let object = Object::new()
            .with("b", "x\"y\\\u{1}")
            .with("a", vec![1_usize, 2])
            .with("c", Object::new().with("d", false));
        assert_eq!(
            object.text(),
            r#"{"b": "x\"y\\\u0001", "a": [1, 2], "c": {"d": false}}"#
        );
        assert_eq!(thousands(15_000_000), "15,000,000");
        assert_eq!(thousands(999), "999");
    }
}
