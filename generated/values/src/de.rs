//! Deserialization that names where a value is wrong and never what it was.
//!
//! A record is personal data, and a service logs its deserialization errors. So every error this
//! crate raises says what kind of input it found ("a string of 10 characters", "an integer") and
//! which rule it breaks, prefixed with the path of the value (`full_name.surname`,
//! `fingerprints[9].position`), and never repeats the input: not a character of it but one
//! named by its code point, never an unknown key or variant.
//!
//! Formats build errors of their own when a typed call (`deserialize_str`) meets input of
//! another type, and those quote the input. So every type here asks for `deserialize_any` (or
//! `deserialize_option`) and judges what the format hands its visitor: records therefore
//! deserialize from self-describing formats (JSON, CBOR, MessagePack, a `serde_json::Value`),
//! not from formats that cannot say what their input holds (bincode, postcard). Errors a format
//! raises before its visitor is called (a syntax error, a YAML tag that does not fit its
//! scalar) are the format's own.
//!
//! A mapping or list refused is read to its end through a visitor that wipes every string and
//! byte buffer handed over owned, so that a `serde_json::Value`'s unread strings are not freed
//! as they are.
//!
//! Generated code uses this module (`DeserializeAt`, `At`, `MapOnly`, `Key`); it is public
//! for that reason, not as an API.

use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};

/// Where a value is in the record, as errors name it: `full_name.surname`, `fingerprints[9]`.
#[derive(Clone, Copy)]
pub enum Path<'a> {
    /// The record (or value) being deserialized itself.
    Root,
    /// A field or part of the value at the path.
    Field(&'a Path<'a>, &'static str),
    /// An entry of the list at the path, counted from 0.
    Index(&'a Path<'a>, usize),
}

impl<'a> Path<'a> {
    /// The path of the field `name` of the value here.
    pub fn field(&'a self, name: &'static str) -> Path<'a> {
        Path::Field(self, name)
    }

    /// The path of the `index`th entry of the list here.
    pub fn index(&'a self, index: usize) -> Path<'a> {
        Path::Index(self, index)
    }

    /// An error at this path: `path: message`, or the message alone at the root.
    pub fn error<E: de::Error>(&self, message: impl fmt::Display) -> E {
        match self {
            Path::Root => E::custom(message),
            _ => E::custom(format_args!("{self}: {message}")),
        }
    }
}

impl fmt::Display for Path<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Path::Root => Ok(()),
            Path::Field(Path::Root, name) => f.write_str(name),
            Path::Field(parent, name) => write!(f, "{parent}.{name}"),
            Path::Index(parent, index) => write!(f, "{parent}[{index}]"),
        }
    }
}

impl fmt::Debug for Path<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Path({self})")
    }
}

/// A type that deserializes at a path, so that its errors, and those of what it holds, say where.
pub trait DeserializeAt<'de>: Sized {
    /// Deserializes the value at `at`.
    ///
    /// # Errors
    ///
    /// The format's error, with a message that names the path and never the input.
    fn deserialize_at<D: Deserializer<'de>>(
        deserializer: D,
        at: Path<'_>,
    ) -> Result<Self, D::Error>;
}

/// The `visit_*` methods of an option's visitor that give an owned scalar to `T`, through
/// serde's deserializer of that scalar.
macro_rules! forward_to_some {
    ($($method:ident($ty:ty) => $deserializer:ident),* $(,)?) => {$(
        fn $method<E: de::Error>(self, value: $ty) -> Result<Self::Value, E> {
            let deserializer = de::value::$deserializer::<E>::new(value);
            T::deserialize_at(deserializer, self.at).map(Some)
        }
    )*};
}

/// An optional value: absent, or `null`, is `None`.
impl<'de, T: DeserializeAt<'de>> DeserializeAt<'de> for Option<T> {
    fn deserialize_at<D: Deserializer<'de>>(
        deserializer: D,
        at: Path<'_>,
    ) -> Result<Self, D::Error> {
        struct OptionVisitor<'a, T> {
            at: Path<'a>,
            value: PhantomData<T>,
        }

        impl<'de, T: DeserializeAt<'de>> Visitor<'de> for OptionVisitor<'_, T> {
            type Value = Option<T>;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a value or null")
            }

            fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
                Ok(None)
            }

            fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
                Ok(None)
            }

            fn visit_some<D: Deserializer<'de>>(
                self,
                deserializer: D,
            ) -> Result<Self::Value, D::Error> {
                T::deserialize_at(deserializer, self.at).map(Some)
            }

            // Formats without an option of their own (serde's value deserializers) hand the
            // value itself: it is given to `T` as it came, to be judged by `T`'s rules, so that
            // no error of serde's defaults quotes it.
            forward_to_some!(
                visit_bool(bool) => BoolDeserializer,
                visit_i64(i64) => I64Deserializer,
                visit_u64(u64) => U64Deserializer,
                visit_i128(i128) => I128Deserializer,
                visit_u128(u128) => U128Deserializer,
                visit_f64(f64) => F64Deserializer,
                visit_char(char) => CharDeserializer,
                visit_string(String) => StringDeserializer,
            );

            fn visit_str<E: de::Error>(self, text: &str) -> Result<Self::Value, E> {
                let deserializer = de::value::StrDeserializer::<E>::new(text);
                T::deserialize_at(deserializer, self.at).map(Some)
            }

            fn visit_borrowed_str<E: de::Error>(self, text: &'de str) -> Result<Self::Value, E> {
                let deserializer = de::value::BorrowedStrDeserializer::<E>::new(text);
                T::deserialize_at(deserializer, self.at).map(Some)
            }

            fn visit_bytes<E: de::Error>(self, bytes: &[u8]) -> Result<Self::Value, E> {
                let deserializer = de::value::BytesDeserializer::<E>::new(bytes);
                T::deserialize_at(deserializer, self.at).map(Some)
            }

            fn visit_byte_buf<E: de::Error>(self, bytes: Vec<u8>) -> Result<Self::Value, E> {
                let bytes = zeroize::Zeroizing::new(bytes);
                self.visit_bytes(&bytes)
            }

            fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Self::Value, A::Error> {
                let deserializer = de::value::SeqAccessDeserializer::new(seq);
                T::deserialize_at(deserializer, self.at).map(Some)
            }

            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
                let deserializer = de::value::MapAccessDeserializer::new(map);
                T::deserialize_at(deserializer, self.at).map(Some)
            }

            fn visit_enum<A: de::EnumAccess<'de>>(self, data: A) -> Result<Self::Value, A::Error> {
                let deserializer = de::value::EnumAccessDeserializer::new(data);
                T::deserialize_at(deserializer, self.at).map(Some)
            }

            fn visit_newtype_struct<D: Deserializer<'de>>(
                self,
                deserializer: D,
            ) -> Result<Self::Value, D::Error> {
                T::deserialize_at(deserializer, self.at).map(Some)
            }
        }

        deserializer.deserialize_option(OptionVisitor {
            at,
            value: PhantomData,
        })
    }
}

/// A seed that deserializes a `T` at a path, for `next_value_seed` and `next_element_seed`.
pub struct At<'a, T> {
    at: Path<'a>,
    value: PhantomData<T>,
}

impl<'a, T> At<'a, T> {
    /// Deserializes a `T` at `at`.
    pub fn new(at: Path<'a>) -> Self {
        At {
            at,
            value: PhantomData,
        }
    }
}

impl<'de, T: DeserializeAt<'de>> DeserializeSeed<'de> for At<'_, T> {
    type Value = T;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<T, D::Error> {
        T::deserialize_at(deserializer, self.at)
    }
}

/// What kind of input a visitor was given, described without its content.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Found {
    /// `true` or `false`.
    Boolean,
    /// A whole number.
    Integer,
    /// A number with a fraction or an exponent.
    Number,
    /// A string of this many characters.
    String(usize),
    /// A byte string of this many bytes.
    Bytes(usize),
    /// `null`, or a unit.
    Null,
    /// A list.
    List,
    /// A mapping.
    Mapping,
    /// An enum's variant, as formats other than JSON write them.
    Variant,
}

impl fmt::Display for Found {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Found::Boolean => f.write_str("a boolean"),
            Found::Integer => f.write_str("an integer"),
            Found::Number => f.write_str("a number"),
            Found::String(1) => f.write_str("a string of 1 character"),
            Found::String(length) => write!(f, "a string of {length} characters"),
            Found::Bytes(1) => f.write_str("a byte string of 1 byte"),
            Found::Bytes(length) => write!(f, "a byte string of {length} bytes"),
            Found::Null => f.write_str("null"),
            Found::List => f.write_str("a list"),
            Found::Mapping => f.write_str("a mapping"),
            Found::Variant => f.write_str("an enum variant"),
        }
    }
}

/// `expected …, found …` at `at`.
pub fn unexpected<E: de::Error>(at: Path<'_>, expected: &str, found: Found) -> E {
    at.error(format_args!("expected {expected}, found {found}"))
}

/// What a visitor expects and where, for the errors of the input it refuses.
pub trait Expecting {
    /// Where the value is.
    fn at(&self) -> Path<'_>;
    /// What it should be: "a name", "a mapping of `format` and `data`".
    fn expected(&self) -> &str;
}

/// The error for a visitor that was given `found`.
pub fn refused<E: de::Error>(visitor: &impl Expecting, found: Found) -> E {
    unexpected(visitor.at(), visitor.expected(), found)
}

/// For a visitor of one kind of input: every `visit_*` method named refuses what it is given,
/// naming only its kind, through the visitor's [`Expecting`].
macro_rules! refuse_other_input {
    ($($method:ident),* $(,)?) => {
        $($crate::de::refuse_other_input!(@one $method);)*
    };
    (@one bool) => {
        fn visit_bool<E: ::serde::de::Error>(self, _: bool) -> Result<Self::Value, E> {
            Err($crate::de::refused(&self, $crate::de::Found::Boolean))
        }
    };
    (@one integers) => {
        fn visit_i64<E: ::serde::de::Error>(self, _: i64) -> Result<Self::Value, E> {
            Err($crate::de::refused(&self, $crate::de::Found::Integer))
        }
        fn visit_u64<E: ::serde::de::Error>(self, _: u64) -> Result<Self::Value, E> {
            Err($crate::de::refused(&self, $crate::de::Found::Integer))
        }
        fn visit_i128<E: ::serde::de::Error>(self, _: i128) -> Result<Self::Value, E> {
            Err($crate::de::refused(&self, $crate::de::Found::Integer))
        }
        fn visit_u128<E: ::serde::de::Error>(self, _: u128) -> Result<Self::Value, E> {
            Err($crate::de::refused(&self, $crate::de::Found::Integer))
        }
    };
    (@one float) => {
        fn visit_f64<E: ::serde::de::Error>(self, _: f64) -> Result<Self::Value, E> {
            Err($crate::de::refused(&self, $crate::de::Found::Number))
        }
    };
    (@one str) => {
        fn visit_str<E: ::serde::de::Error>(self, text: &str) -> Result<Self::Value, E> {
            let found = $crate::de::Found::String(text.chars().count());
            Err($crate::de::refused(&self, found))
        }
        // An owned string refused is wiped, as it may hold personal data.
        fn visit_string<E: ::serde::de::Error>(self, text: String) -> Result<Self::Value, E> {
            let text = ::zeroize::Zeroizing::new(text);
            self.visit_str(&text)
        }
    };
    (@one bytes) => {
        fn visit_bytes<E: ::serde::de::Error>(self, bytes: &[u8]) -> Result<Self::Value, E> {
            let found = $crate::de::Found::Bytes(bytes.len());
            Err($crate::de::refused(&self, found))
        }
        fn visit_byte_buf<E: ::serde::de::Error>(self, bytes: Vec<u8>) -> Result<Self::Value, E> {
            let bytes = ::zeroize::Zeroizing::new(bytes);
            self.visit_bytes(&bytes)
        }
    };
    (@one null) => {
        fn visit_none<E: ::serde::de::Error>(self) -> Result<Self::Value, E> {
            Err($crate::de::refused(&self, $crate::de::Found::Null))
        }
        fn visit_unit<E: ::serde::de::Error>(self) -> Result<Self::Value, E> {
            Err($crate::de::refused(&self, $crate::de::Found::Null))
        }
        fn visit_some<D: ::serde::Deserializer<'de>>(self, _: D) -> Result<Self::Value, D::Error> {
            Err($crate::de::refused(&self, $crate::de::Found::Null))
        }
    };
    (@one seq) => {
        fn visit_seq<A: ::serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
            $crate::de::wipe_rest_of_seq(&mut seq);
            Err($crate::de::refused(&self, $crate::de::Found::List))
        }
    };
    (@one map) => {
        fn visit_map<A: ::serde::de::MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
            $crate::de::wipe_rest_of_map(&mut $crate::de::Tracked::new(map));
            Err($crate::de::refused(&self, $crate::de::Found::Mapping))
        }
    };
    (@one newtype) => {
        fn visit_newtype_struct<D: ::serde::Deserializer<'de>>(self, _: D) -> Result<Self::Value, D::Error> {
            Err($crate::de::refused(&self, $crate::de::Found::Variant))
        }
    };
    (@one enum) => {
        fn visit_enum<A: ::serde::de::EnumAccess<'de>>(self, _: A) -> Result<Self::Value, A::Error> {
            Err($crate::de::refused(&self, $crate::de::Found::Variant))
        }
    };
}
pub(crate) use refuse_other_input;

/// Deserializes a string at `at` and makes a value of it with `make`, whose error message names
/// the rule the string breaks (never the string). Every other kind of input is refused.
pub fn text<'de, D, T, M>(
    deserializer: D,
    at: Path<'_>,
    expected: &'static str,
    make: M,
) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    M: FnOnce(&str) -> Result<T, String>,
{
    deserializer.deserialize_any(TextVisitor { at, expected, make })
}

struct TextVisitor<'a, M> {
    at: Path<'a>,
    expected: &'static str,
    make: M,
}

impl<'de, T, M: FnOnce(&str) -> Result<T, String>> Visitor<'de> for TextVisitor<'_, M> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.expected)
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<T, E> {
        (self.make)(text).map_err(|message| self.at.error(message))
    }

    fn visit_string<E: de::Error>(self, text: String) -> Result<T, E> {
        // An owned string is the crate's to wipe, as it may hold personal data.
        let text = zeroize::Zeroizing::new(text);
        self.visit_str(&text)
    }

    refuse_other_input!(bool, integers, float, bytes, null, seq, map, newtype, enum);
}

impl<M> Expecting for TextVisitor<'_, M> {
    fn at(&self) -> Path<'_> {
        self.at
    }

    fn expected(&self) -> &str {
        self.expected
    }
}

/// A visitor of mappings only: what a record, a composite or an encoded value implements, and
/// [`MapOnly`] wraps to refuse every other kind of input.
pub trait MapVisitor<'de>: Sized {
    /// What the mapping makes.
    type Value;

    /// What is expected, for errors: "a mapping of the parts of `FullName`".
    fn expected(&self) -> &'static str;

    /// Where the mapping is.
    fn at(&self) -> Path<'_>;

    /// Reads the mapping.
    ///
    /// # Errors
    ///
    /// The format's error, naming the path and never the input.
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error>;
}

/// The [`Visitor`] of a [`MapVisitor`].
pub struct MapOnly<V>(pub V);

impl<'de, V: MapVisitor<'de>> Visitor<'de> for MapOnly<V> {
    type Value = V::Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0.expected())
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
        let mut map = Tracked::new(map);
        let read = self.0.visit_map(&mut map);
        if read.is_err() {
            wipe_rest_of_map(&mut map);
        }
        read
    }

    refuse_other_input!(bool, integers, float, str, bytes, null, seq, newtype, enum);
}

impl<'de, V: MapVisitor<'de>> Expecting for MapOnly<V> {
    fn at(&self) -> Path<'_> {
        self.0.at()
    }

    fn expected(&self) -> &str {
        self.0.expected()
    }
}

/// A visitor of lists only, as [`MapVisitor`] is of mappings.
pub trait SeqVisitor<'de>: Sized {
    /// What the list makes.
    type Value;

    /// What is expected, for errors.
    fn expected(&self) -> &'static str;

    /// Where the list is.
    fn at(&self) -> Path<'_>;

    /// Reads the list.
    ///
    /// # Errors
    ///
    /// The format's error, naming the path and never the input.
    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Self::Value, A::Error>;
}

/// The [`Visitor`] of a [`SeqVisitor`].
pub struct SeqOnly<V>(pub V);

impl<'de, V: SeqVisitor<'de>> Visitor<'de> for SeqOnly<V> {
    type Value = V::Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0.expected())
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let read = self.0.visit_seq(&mut seq);
        if read.is_err() {
            wipe_rest_of_seq(&mut seq);
        }
        read
    }

    refuse_other_input!(bool, integers, float, str, bytes, null, map, newtype, enum);
}

impl<'de, V: SeqVisitor<'de>> Expecting for SeqOnly<V> {
    fn at(&self) -> Path<'_> {
        self.0.at()
    }

    fn expected(&self) -> &str {
        self.0.expected()
    }
}

/// A mapping that knows whether a key was read whose value was not: after an error, the rest is
/// read from there.
pub(crate) struct Tracked<A> {
    map: A,
    value_pending: bool,
}

impl<A> Tracked<A> {
    /// Tracks `map` from its start.
    pub(crate) fn new(map: A) -> Self {
        Tracked {
            map,
            value_pending: false,
        }
    }
}

impl<'de, A: MapAccess<'de>> MapAccess<'de> for Tracked<A> {
    type Error = A::Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, A::Error> {
        let key = self.map.next_key_seed(seed);
        // A key refused (unknown, or given twice) was read all the same: its value is next.
        self.value_pending = !matches!(key, Ok(None));
        key
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, A::Error> {
        self.value_pending = false;
        self.map.next_value_seed(seed)
    }

    fn size_hint(&self) -> Option<usize> {
        self.map.size_hint()
    }
}

/// Reads the rest of a mapping whose reading failed, wiping every string and byte buffer the
/// format hands over owned (a `serde_json::Value`'s), which would otherwise be freed as they
/// are when the format drops them. Stops at the format's first error: what it has not parsed is
/// still the caller's input.
pub(crate) fn wipe_rest_of_map<'de, A: MapAccess<'de>>(map: &mut Tracked<A>) {
    if map.value_pending && map.next_value_seed(Wipe).is_err() {
        return;
    }
    while let Ok(Some(())) = map.next_key_seed(Wipe) {
        if map.next_value_seed(Wipe).is_err() {
            return;
        }
    }
}

/// Reads the rest of a list whose reading failed, as [`wipe_rest_of_map`] does.
pub(crate) fn wipe_rest_of_seq<'de, A: SeqAccess<'de>>(seq: &mut A) {
    while let Ok(Some(())) = seq.next_element_seed(Wipe) {}
}

/// Input read only to wipe it.
struct Wipe;

impl<'de> DeserializeSeed<'de> for Wipe {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_any(Wipe)
    }
}

/// The `visit_*` methods of [`Wipe`] for input that holds nothing to wipe.
macro_rules! nothing_to_wipe {
    ($($method:ident($ty:ty)),* $(,)?) => {$(
        fn $method<E: de::Error>(self, _: $ty) -> Result<(), E> {
            Ok(())
        }
    )*};
}

impl<'de> Visitor<'de> for Wipe {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("anything")
    }

    nothing_to_wipe!(
        visit_bool(bool),
        visit_i64(i64),
        visit_u64(u64),
        visit_i128(i128),
        visit_u128(u128),
        visit_f64(f64),
        visit_char(char),
        visit_str(&str),
        visit_bytes(&[u8]),
    );

    fn visit_string<E: de::Error>(self, text: String) -> Result<(), E> {
        drop(zeroize::Zeroizing::new(text));
        Ok(())
    }

    fn visit_byte_buf<E: de::Error>(self, bytes: Vec<u8>) -> Result<(), E> {
        drop(zeroize::Zeroizing::new(bytes));
        Ok(())
    }

    fn visit_none<E: de::Error>(self) -> Result<(), E> {
        Ok(())
    }

    fn visit_unit<E: de::Error>(self) -> Result<(), E> {
        Ok(())
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_any(Wipe)
    }

    fn visit_newtype_struct<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_any(Wipe)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        while seq.next_element_seed(Wipe)?.is_some() {}
        Ok(())
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while map.next_key_seed(Wipe)?.is_some() {
            map.next_value_seed(Wipe)?;
        }
        Ok(())
    }

    fn visit_enum<A: de::EnumAccess<'de>>(self, data: A) -> Result<(), A::Error> {
        // The variant's content, if any, is the format's to drop: no self-describing format of
        // the records hands one over.
        let ((), _) = data.variant_seed(Wipe)?;
        Ok(())
    }
}

/// A key of a mapping with the given `fields`: deserializes to the field's index, and refuses an
/// unknown key without repeating it.
pub struct Key<'a> {
    at: Path<'a>,
    fields: &'static [&'static str],
}

impl<'a> Key<'a> {
    /// A key of the mapping at `at`, which has the fields `fields`.
    pub fn new(at: Path<'a>, fields: &'static [&'static str]) -> Self {
        Key { at, fields }
    }
}

impl<'de> DeserializeSeed<'de> for Key<'_> {
    type Value = usize;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<usize, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Key<'_> {
    type Value = usize;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a field name")
    }

    fn visit_str<E: de::Error>(self, key: &str) -> Result<usize, E> {
        self.fields
            .iter()
            .position(|field| *field == key)
            .ok_or_else(|| {
                let length = key.chars().count();
                let unit = if length == 1 {
                    "character"
                } else {
                    "characters"
                };
                self.at.error(format_args!(
                    "unknown field, a key of {length} {unit}; the fields are {}",
                    backticked(self.fields)
                ))
            })
    }

    refuse_other_input!(bool, integers, float, bytes, null, seq, map, newtype, enum);
}

impl Expecting for Key<'_> {
    fn at(&self) -> Path<'_> {
        self.at
    }

    fn expected(&self) -> &str {
        "a field name"
    }
}

/// `` `a`, `b` and `c` `` for errors.
pub fn backticked(names: &[&str]) -> String {
    let quoted: Vec<String> = names.iter().map(|name| format!("`{name}`")).collect();
    match quoted.split_last() {
        None => String::new(),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
    }
}

/// The error for a field given twice.
pub fn duplicate<E: de::Error>(at: Path<'_>, field: &str) -> E {
    at.error(format_args!("the field `{field}` is given twice"))
}

/// The error for a required field left out.
pub fn missing<E: de::Error>(at: Path<'_>, field: &str) -> E {
    at.error(format_args!("missing field `{field}`"))
}

/// A unit enum read from its name: the variant `names[i]` is `variants[i]`.
pub fn variant<'de, D: Deserializer<'de>, T: Copy>(
    deserializer: D,
    at: Path<'_>,
    expected: &'static str,
    names: &'static [&'static str],
    variants: &'static [T],
) -> Result<T, D::Error> {
    text(deserializer, at, expected, |name| {
        names
            .iter()
            .position(|known| *known == name)
            .map(|index| variants[index])
            .ok_or_else(|| {
                format!(
                    "expected {}, found {}",
                    one_of(names),
                    Found::String(name.chars().count())
                )
            })
    })
}

/// `` one of `a`, `b` or `c` `` for errors.
pub fn one_of(names: &[&str]) -> String {
    let quoted: Vec<String> = names.iter().map(|name| format!("`{name}`")).collect();
    match quoted.split_last() {
        None => "nothing".to_owned(),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("one of {} or {last}", rest.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_read_as_rust_code_names_them() {
        let root = Path::Root;
        let fingerprints = root.field("fingerprints");
        let entry = fingerprints.index(9);
        let position = entry.field("position");
        assert_eq!(position.to_string(), "fingerprints[9].position");
        let full_name = root.field("full_name");
        assert_eq!(full_name.field("surname").to_string(), "full_name.surname");
        assert_eq!(root.to_string(), "");
    }

    #[test]
    fn found_says_the_kind_and_size_only() {
        assert_eq!(Found::String(10).to_string(), "a string of 10 characters");
        assert_eq!(Found::String(1).to_string(), "a string of 1 character");
        assert_eq!(Found::Integer.to_string(), "an integer");
    }

    #[test]
    fn lists_of_names_read_as_english() {
        assert_eq!(one_of(&["M", "F", "X"]), "one of `M`, `F` or `X`");
        assert_eq!(backticked(&["a", "b", "c"]), "`a`, `b` and `c`");
    }

    /// serde's value deserializers have no option of their own: they hand the value itself.
    #[test]
    fn an_option_given_its_value_directly_reads_it_by_its_type_s_rules() {
        use serde::de::IntoDeserializer;
        use serde::de::value::Error;

        let from_str = IntoDeserializer::<Error>::into_deserializer("Smith");
        let name = Option::<crate::Name>::deserialize_at(from_str, Path::Root).unwrap();
        assert_eq!(name.unwrap().as_str(), "Smith");
        let from_string = IntoDeserializer::<Error>::into_deserializer(String::from("Smith"));
        assert!(Option::<crate::Name>::deserialize_at(from_string, Path::Root).is_ok());

        let at = Path::Root;
        let surname = at.field("surname");
        for (error, input) in [
            (
                Option::<crate::Name>::deserialize_at(
                    IntoDeserializer::<Error>::into_deserializer("Sm1th"),
                    surname,
                )
                .unwrap_err(),
                "Sm1th",
            ),
            (
                Option::<crate::Name>::deserialize_at(
                    IntoDeserializer::<Error>::into_deserializer(19_570_412_i64),
                    surname,
                )
                .unwrap_err(),
                "19570412",
            ),
            (
                Option::<crate::Date>::deserialize_at(
                    IntoDeserializer::<Error>::into_deserializer(true),
                    surname,
                )
                .unwrap_err(),
                "true",
            ),
        ] {
            let error = error.to_string();
            assert!(error.starts_with("surname: "), "{error}");
            assert!(!error.contains(input), "{error}");
        }
    }
}
