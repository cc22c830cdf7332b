//! A JSON reader for the FHIR documents and host messages the intake reads (RFC 8259, strict):
//! text in, a tree of borrowed values out, numbers kept as written.
//!
//! Decision (issue 10, measured): before this, the shell parsed with the browser's
//! `JSON.parse` and converted with `serde-wasm-bindgen` into serde-derived types, and a FHIR
//! `valueQuantity.value` was parsed to a float and printed back (the float printing alone was
//! 12 KB of code); `serde_json` would add about 18 KB brotli (TOOLCHAIN.md). This reader and the
//! shared sort (`crate::sorting`), measured together on one release build, took the wasm from
//! 234.2 to 217.1 KB brotli. It is pure (the same code natively and in the wasm, so the tests
//! read what the browser reads; `tests/json_properties.rs` checks it against serde_json), and it
//! keeps a number's text as the report wrote it: FHIR decimals carry their precision ("1.50"
//! stays "1.50"), which a float loses.
//!
//! Strict where guessing would be wrong: no comments, no trailing commas, no single quotes,
//! no unescaped control characters, no lone surrogates, nothing after the value; nesting
//! deeper than [`super::MAX_JSON_DEPTH`] is refused without recursing further.

use std::borrow::Cow;

/// A JSON value borrowing from the text it was read from.
#[derive(Clone, Debug, PartialEq)]
pub enum Json<'a> {
    /// `null`.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A number exactly as written (it matches JSON's number grammar).
    Number(&'a str),
    /// A string, unescaped (borrowed when it had no escapes).
    String(Cow<'a, str>),
    /// An array.
    Array(Vec<Json<'a>>),
    /// An object's members in their order (a repeated name is kept twice: see [`Json::get`]).
    Object(Vec<(Cow<'a, str>, Json<'a>)>),
}

/// The text is not JSON (or nests too deep).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NotJson;

/// A member of an object was missing the expected type, or was given twice.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct WrongShape;

impl<'a> Json<'a> {
    /// The member `name` of an object: `Ok(None)` when absent or `null`, an error when the
    /// value is not an object or the name is given twice (which of the two is meant is not
    /// guessed).
    pub fn get(&self, name: &str) -> Result<Option<&Json<'a>>, WrongShape> {
        let Json::Object(members) = self else {
            return Err(WrongShape);
        };
        let mut found = members.iter().filter(|(k, _)| k == name).map(|(_, v)| v);
        match (found.next(), found.next()) {
            (Some(_), Some(_)) => Err(WrongShape),
            (Some(Json::Null), None) | (None, _) => Ok(None),
            (Some(v), None) => Ok(Some(v)),
        }
    }

    /// The member `name` as a string (absent or `null`: `None`; another type: an error).
    pub fn string(&self, name: &str) -> Result<Option<String>, WrongShape> {
        match self.get(name)? {
            None => Ok(None),
            Some(Json::String(s)) => Ok(Some(s.to_string())),
            Some(_) => Err(WrongShape),
        }
    }

    /// The member `name` as a number, its exponent written out ([`plain_decimal`]): absent or
    /// `null`, `None`; another type, or an exponent too large to write out, an error (as
    /// serde_json refuses numbers past a float's range).
    pub fn number(&self, name: &str) -> Result<Option<String>, WrongShape> {
        match self.get(name)? {
            None => Ok(None),
            Some(Json::Number(n)) => plain_decimal(n).map(Some).ok_or(WrongShape),
            Some(_) => Err(WrongShape),
        }
    }

    /// The member `name` as an array's items (absent or `null`: none; another type: an error).
    pub fn items(&self, name: &str) -> Result<&[Json<'a>], WrongShape> {
        match self.get(name)? {
            None => Ok(&[]),
            Some(Json::Array(items)) => Ok(items),
            Some(_) => Err(WrongShape),
        }
    }
}

/// Reads a whole JSON text (leading and trailing white space allowed).
pub fn parse(text: &str) -> Result<Json<'_>, NotJson> {
    let mut p = Parser { text, at: 0 };
    let value = p.value(0)?;
    p.space();
    if p.at == text.len() {
        Ok(value)
    } else {
        Err(NotJson)
    }
}

/// A JSON number's text as a plain decimal: "1.5e2" is "150", "2.5E-1" is "0.25"; a number
/// without an exponent is returned as written. Exact (the digits are moved, not computed);
/// `None` for an exponent that would need more than 40 digits.
#[must_use]
pub fn plain_decimal(number: &str) -> Option<String> {
    let Some(e) = number.find(['e', 'E']) else {
        return Some(number.to_string());
    };
    let (mantissa, exponent) = (&number[..e], &number[e + 1..]);
    let exponent: i32 = exponent
        .strip_prefix('+')
        .unwrap_or(exponent)
        .parse()
        .ok()?;
    let (sign, mantissa) = match mantissa.strip_prefix('-') {
        Some(m) => ("-", m),
        None => ("", mantissa),
    };
    let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let digits = format!("{int}{frac}");
    // Position of the decimal point within `digits`, after the shift.
    let point = i32::try_from(int.len()).ok()? + exponent;
    if !(-40..=40).contains(&point) || digits.len() > 40 {
        return None;
    }
    let (int, frac) = if point <= 0 {
        (
            "0".to_string(),
            format!("{}{digits}", "0".repeat(point.unsigned_abs() as usize)),
        )
    } else {
        let point = point as usize;
        if point >= digits.len() {
            (
                format!("{digits}{}", "0".repeat(point - digits.len())),
                String::new(),
            )
        } else {
            (digits[..point].to_string(), digits[point..].to_string())
        }
    };
    let int = int.trim_start_matches('0');
    let int = if int.is_empty() { "0" } else { int };
    let frac = frac.trim_end_matches('0');
    Some(if frac.is_empty() {
        format!("{sign}{int}")
    } else {
        format!("{sign}{int}.{frac}")
    })
}

struct Parser<'a> {
    text: &'a str,
    at: usize,
}

impl<'a> Parser<'a> {
    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.at).copied()
    }

    fn space(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.at += 1;
        }
    }

    fn eat(&mut self, word: &str) -> Result<(), NotJson> {
        if self.text[self.at..].starts_with(word) {
            self.at += word.len();
            Ok(())
        } else {
            Err(NotJson)
        }
    }

    fn value(&mut self, depth: usize) -> Result<Json<'a>, NotJson> {
        self.space();
        match self.peek().ok_or(NotJson)? {
            b'n' => self.eat("null").map(|()| Json::Null),
            b't' => self.eat("true").map(|()| Json::Bool(true)),
            b'f' => self.eat("false").map(|()| Json::Bool(false)),
            b'"' => self.string().map(Json::String),
            b'-' | b'0'..=b'9' => self.number().map(Json::Number),
            open @ (b'[' | b'{') => {
                if depth >= super::MAX_JSON_DEPTH {
                    return Err(NotJson);
                }
                self.at += 1;
                let close = if open == b'[' { b']' } else { b'}' };
                let mut items = Vec::new();
                let mut members = Vec::new();
                self.space();
                if self.peek() == Some(close) {
                    self.at += 1;
                } else {
                    loop {
                        if open == b'[' {
                            items.push(self.value(depth + 1)?);
                        } else {
                            self.space();
                            if self.peek() != Some(b'"') {
                                return Err(NotJson);
                            }
                            let name = self.string()?;
                            self.space();
                            self.eat(":")?;
                            members.push((name, self.value(depth + 1)?));
                        }
                        self.space();
                        match self.peek() {
                            Some(b',') => self.at += 1,
                            Some(c) if c == close => {
                                self.at += 1;
                                break;
                            }
                            _ => return Err(NotJson),
                        }
                    }
                }
                Ok(if open == b'[' {
                    Json::Array(items)
                } else {
                    Json::Object(members)
                })
            }
            _ => Err(NotJson),
        }
    }

    fn digits(&mut self) -> usize {
        let start = self.at;
        while matches!(self.peek(), Some(b'0'..=b'9')) {
            self.at += 1;
        }
        self.at - start
    }

    fn number(&mut self) -> Result<&'a str, NotJson> {
        let start = self.at;
        if self.peek() == Some(b'-') {
            self.at += 1;
        }
        let int_start = self.at;
        let int = self.digits();
        if int == 0 || (int > 1 && self.text.as_bytes()[int_start] == b'0') {
            return Err(NotJson);
        }
        if self.peek() == Some(b'.') {
            self.at += 1;
            if self.digits() == 0 {
                return Err(NotJson);
            }
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.at += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.at += 1;
            }
            if self.digits() == 0 {
                return Err(NotJson);
            }
        }
        Ok(&self.text[start..self.at])
    }

    fn hex4(&mut self) -> Result<u32, NotJson> {
        let hex = self.text.get(self.at..self.at + 4).ok_or(NotJson)?;
        if !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(NotJson);
        }
        self.at += 4;
        u32::from_str_radix(hex, 16).map_err(|_| NotJson)
    }

    /// A string, the opening quote next. A loop, not a recursion, whatever the escapes.
    fn string(&mut self) -> Result<Cow<'a, str>, NotJson> {
        self.at += 1;
        // Start of the current run without escapes; the decoded text once there was one.
        let mut run = self.at;
        let mut owned: Option<String> = None;
        loop {
            match self.peek().ok_or(NotJson)? {
                b'"' => {
                    let tail = &self.text[run..self.at];
                    self.at += 1;
                    return Ok(match owned {
                        None => Cow::Borrowed(tail),
                        Some(mut s) => {
                            s.push_str(tail);
                            Cow::Owned(s)
                        }
                    });
                }
                b'\\' => {
                    let s = owned.get_or_insert_with(String::new);
                    s.push_str(&self.text[run..self.at]);
                    self.at += 1;
                    let c = self.escape()?;
                    s.push(c);
                    run = self.at;
                }
                0..=0x1f => return Err(NotJson),
                _ => self.at += 1,
            }
        }
    }

    /// The character of an escape, the backslash read.
    fn escape(&mut self) -> Result<char, NotJson> {
        let b = self.peek().ok_or(NotJson)?;
        self.at += 1;
        Ok(match b {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => {
                let hi = self.hex4()?;
                let code = if (0xD800..0xDC00).contains(&hi) {
                    self.eat("\\u")?;
                    let lo = self.hex4()?;
                    if !(0xDC00..0xE000).contains(&lo) {
                        return Err(NotJson);
                    }
                    0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00)
                } else {
                    hi
                };
                // A lone low surrogate is no character.
                return char::from_u32(code).ok_or(NotJson);
            }
            _ => return Err(NotJson),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(text: &str) -> Json<'_> {
        Json::String(Cow::Borrowed(text))
    }

    #[test]
    fn reads_every_kind_of_value_and_keeps_numbers_as_written() {
        let doc = parse(r#" {"a": [1, -0.50, 2.5E-3, true, false, null], "b": {"c": "x"}} "#)
            .expect("json");
        assert_eq!(
            doc.get("a"),
            Ok(Some(&Json::Array(vec![
                Json::Number("1"),
                Json::Number("-0.50"),
                Json::Number("2.5E-3"),
                Json::Bool(true),
                Json::Bool(false),
                Json::Null,
            ])))
        );
        assert_eq!(
            doc.get("b").unwrap().unwrap().string("c"),
            Ok(Some("x".into()))
        );
        assert_eq!(parse("[]"), Ok(Json::Array(vec![])));
        assert_eq!(parse("{}"), Ok(Json::Object(vec![])));
        assert_eq!(parse("\"\""), Ok(s("")));
    }

    #[test]
    fn escapes_are_decoded_and_plain_strings_borrowed() {
        assert_eq!(parse(r#""plain""#), Ok(s("plain")));
        let Ok(Json::String(Cow::Owned(t))) =
            parse(r#""a\"b\\c\/d\n\t\u00b5mol\u002FL \ud83d\ude00 end""#)
        else {
            panic!("an owned string");
        };
        assert_eq!(t, "a\"b\\c/d\n\tµmol/L 😀 end");
        assert_eq!(
            parse(r#""总胆红素\u0028TBIL\u0029""#),
            Ok(Json::String("总胆红素(TBIL)".into()))
        );
        // Many escapes are read in a loop, not one call each.
        let many = format!("\"{}\"", "\\n".repeat(100_000));
        assert!(matches!(parse(&many), Ok(Json::String(t)) if t.len() == 100_000));
    }

    #[test]
    fn anything_but_strict_json_is_refused() {
        for bad in [
            "",
            "   ",
            "{",
            "[1,]",
            "{\"a\":1,}",
            "{'a':1}",
            "{a:1}",
            "[01]",
            "[1.]",
            "[.5]",
            "[1e]",
            "[+1]",
            "[NaN]",
            "[Infinity]",
            "[tru]",
            "\"open",
            "\"tab\there\"",
            "\"\\x\"",
            "\"\\u12\"",
            "\"\\ud83d\"",
            "\"\\ud83d\\u0041\"",
            "\"\\ude00\"",
            "[1] [2]",
            "[1] x",
            "// c\n[1]",
            "{\"a\" 1}",
        ] {
            assert_eq!(parse(bad), Err(NotJson), "{bad:?}");
        }
    }

    #[test]
    fn nesting_stops_at_the_limit_without_recursing_further() {
        let max = super::super::MAX_JSON_DEPTH;
        let ok = format!("{}{}", "[".repeat(max), "]".repeat(max));
        assert!(parse(&ok).is_ok());
        let over = format!("{}{}", "[".repeat(max + 1), "]".repeat(max + 1));
        assert_eq!(parse(&over), Err(NotJson));
        assert_eq!(parse(&"[".repeat(1_000_000)), Err(NotJson));
    }

    #[test]
    fn a_repeated_or_mistyped_member_is_not_guessed() {
        let doc = parse(r#"{"a": "x", "a": "y", "n": null, "k": 5}"#).expect("json");
        assert_eq!(doc.get("a"), Err(WrongShape));
        assert_eq!(doc.get("n"), Ok(None));
        assert_eq!(doc.get("missing"), Ok(None));
        assert_eq!(doc.string("k"), Err(WrongShape));
        assert_eq!(doc.items("k"), Err(WrongShape));
        assert_eq!(doc.items("missing"), Ok(&[][..]));
        assert_eq!(Json::Number("1").get("a"), Err(WrongShape));
        let doc = parse(r#"{"n": 1.5e2, "s": "1", "big": 1e400, "z": null}"#).expect("json");
        assert_eq!(doc.number("n"), Ok(Some("150".into())));
        assert_eq!(doc.number("s"), Err(WrongShape));
        assert_eq!(doc.number("big"), Err(WrongShape));
        assert_eq!(doc.number("z"), Ok(None));
    }

    #[test]
    fn exponents_become_plain_decimals_exactly() {
        for (number, plain) in [
            ("286.4", "286.4"),
            ("1.50", "1.50"),
            ("131", "131"),
            ("1.5e2", "150"),
            ("1.5E+2", "150"),
            ("2.5E-1", "0.25"),
            ("-3e0", "-3"),
            ("1e21", "1000000000000000000000"),
            ("1e-7", "0.0000001"),
            ("12.30e1", "123"),
            ("0e5", "0"),
        ] {
            assert_eq!(plain_decimal(number).as_deref(), Some(plain), "{number}");
        }
        assert_eq!(plain_decimal("1e400"), None);
        assert_eq!(plain_decimal("1e-400"), None);
    }
}
