//! Reading a number as a person types it or pastes it from a lab report (SPEC section 5).
//!
//! Accepted: surrounding spaces (also the ideographic and no-break spaces), a decimal comma,
//! full-width digits, the full-width point "．" and the ideographic full stop "。" as decimal
//! point, a trailing abnormal flag (↑ ↓ H L) and a trailing unit that matches the field's
//! selected unit. Everything else is a typed [`ParseError`] that tells the user what to type.
//! An empty field is [`Parsed::Missing`], not an error.

use super::units::FieldUnit;

/// Result of reading one field.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Parsed {
    /// Nothing typed (or only spaces): the input is missing, which is not an error.
    Missing,
    /// A number, in the field's selected unit.
    Number(f64),
}

/// Why a typed text is not a usable number. Each variant is one thing the user can fix.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ParseError {
    /// A censored result such as "<10" or ">800": the exact value is needed.
    Censored,
    /// A unit that is not the field's selected unit (e.g. "mg/dL" in a umol/L field).
    /// Carries the unit recognised in the text.
    OtherUnit(FieldUnit),
    /// More than one number, e.g. "1.2 3.4" or a range "10-20".
    SeveralNumbers,
    /// A decimal point or comma used more than once, or in a thousands-separator position.
    MisplacedSeparator,
    /// A whole number was expected (age in years) but a fraction was typed.
    NotWhole,
    /// Anything else: letters, exponent notation ("1e3"), "NaN", symbols.
    NotANumber,
}

/// Reads `text` as a number for a field whose selected unit is `unit`.
///
/// ```
/// use aclf_screen::clinical::parse::{parse_number, Parsed, ParseError};
/// use aclf_screen::clinical::units::FieldUnit;
///
/// assert_eq!(parse_number(" 2,5 mg/dL ↑", FieldUnit::MgPerDl), Ok(Parsed::Number(2.5)));
/// assert_eq!(parse_number("３４２．０", FieldUnit::UmolPerL), Ok(Parsed::Number(342.0)));
/// assert_eq!(parse_number("", FieldUnit::UmolPerL), Ok(Parsed::Missing));
/// assert_eq!(parse_number("<10", FieldUnit::UmolPerL), Err(ParseError::Censored));
/// ```
pub fn parse_number(text: &str, unit: FieldUnit) -> Result<Parsed, ParseError> {
    let normalised = normalise(text);
    let mut rest = normalised.trim();
    if rest.is_empty() {
        return Ok(Parsed::Missing);
    }
    if rest.starts_with(['<', '>', '≤', '≥']) {
        return Err(ParseError::Censored);
    }
    // Strip what may trail a value on a lab report: a flag and/or the unit, in either order.
    for _ in 0..2 {
        rest = strip_flag(rest).trim_end();
        rest = strip_unit(rest, unit)?.trim_end();
    }
    let number = read_decimal(rest)?;
    if unit == FieldUnit::Years && number.fract() != 0.0 {
        return Err(ParseError::NotWhole);
    }
    Ok(Parsed::Number(number))
}

/// Maps full-width and locale-specific characters to their ASCII forms.
fn normalise(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
            '．' | '。' | ',' | '，' => '.',
            '\u{3000}' | '\u{a0}' | '\t' => ' ',
            '－' | '−' => '-',
            '＜' => '<',
            '＞' => '>',
            'Ｈ' => 'H',
            'Ｌ' => 'L',
            '％' => '%',
            '／' => '/',
            // Flags some LIS grids print: the same as ↑ / ↓; "*" marks a critical value.
            '▲' => '↑',
            '▼' => '↓',
            'μ' => 'µ',
            _ => c,
        })
        .collect()
}

/// Removes one trailing abnormal-result flag, if present.
fn strip_flag(text: &str) -> &str {
    for flag in ['↑', '↓', '*', 'H', 'L'] {
        if let Some(rest) = text.strip_suffix(flag) {
            // "H"/"L" must stand apart from a unit ending in L ("umol/L"): only a flag when
            // what precedes it is a digit or a space.
            let ok = matches!(flag, '↑' | '↓' | '*')
                || rest.ends_with(|c: char| c.is_ascii_digit() || c == ' ');
            if ok {
                return rest;
            }
        }
    }
    text
}

/// Every unit spelling the parser recognises, with the unit it means.
const UNIT_SPELLINGS: &[(&str, FieldUnit)] = &[
    ("µmol/l", FieldUnit::UmolPerL),
    ("umol/l", FieldUnit::UmolPerL),
    ("mg/dl", FieldUnit::MgPerDl),
    ("mmol/l", FieldUnit::MmolPerL),
    ("meq/l", FieldUnit::MmolPerL),
    ("g/dl", FieldUnit::GPerDl),
    ("g/l", FieldUnit::GPerL),
    ("%", FieldUnit::Percent),
    ("mmhg", FieldUnit::MmHg),
    ("kpa", FieldUnit::KPa),
    // Longest first: "x10^9/l" must not be cut as "10^9/l", leaving a stray "x".
    ("×10⁹/l", FieldUnit::GigaPerL),
    ("x10^9/l", FieldUnit::GigaPerL),
    ("×10^9/l", FieldUnit::GigaPerL),
    ("10^9/l", FieldUnit::GigaPerL),
    ("10⁹/l", FieldUnit::GigaPerL),
    ("years", FieldUnit::Years),
    ("岁", FieldUnit::Years),
];

/// Removes a trailing unit if it is the field's unit; a different known unit is an error.
fn strip_unit(text: &str, unit: FieldUnit) -> Result<&str, ParseError> {
    let lower = text.to_ascii_lowercase();
    for (spelling, meaning) in UNIT_SPELLINGS {
        if lower.ends_with(spelling) {
            // The spelling is ASCII-lowercased the same way, so lengths line up byte for byte.
            let cut = text.len() - spelling.len();
            if *meaning == unit {
                return Ok(&text[..cut]);
            }
            return Err(ParseError::OtherUnit(*meaning));
        }
    }
    Ok(text)
}

/// Reads an optionally signed decimal number made only of ASCII digits and one point.
fn read_decimal(text: &str) -> Result<f64, ParseError> {
    let body = text.strip_prefix('-').unwrap_or(text);
    let negative = body.len() != text.len();
    if body.is_empty() {
        return Err(ParseError::NotANumber);
    }
    if body.contains(' ') || body.chars().skip(1).any(|c| c == '-') {
        let words = body.split([' ', '-']).filter(|w| !w.is_empty());
        if words.clone().count() > 1 && words.clone().all(is_decimal) {
            return Err(ParseError::SeveralNumbers);
        }
        return Err(ParseError::NotANumber);
    }
    if !body.chars().all(|c| c.is_ascii_digit() || c == '.') {
        return Err(ParseError::NotANumber);
    }
    if body.matches('.').count() > 1 {
        return Err(ParseError::MisplacedSeparator);
    }
    if !body.chars().any(|c| c.is_ascii_digit()) {
        return Err(ParseError::NotANumber);
    }
    let magnitude = decimal_value(body);
    Ok(if negative { -magnitude } else { magnitude })
}

/// The value of ASCII digits with at most one point, e.g. "0.285" = 285 / 10^3.
///
/// Written out instead of `str::parse::<f64>` to keep the float parser out of the wasm. It is
/// exact (the same correctly rounded f64 as the standard parser) whenever the digits fit in 15
/// significant figures and 22 decimals - an integer below 2^53 divided by an exact power of ten
/// is correctly rounded - which every lab value does; further digits are dropped.
fn decimal_value(body: &str) -> f64 {
    let mut mantissa: u64 = 0;
    let mut significant = 0;
    let mut decimals = 0i32;
    let mut integer_excess = 0i32;
    let mut after_point = false;
    for b in body.bytes() {
        if b == b'.' {
            after_point = true;
            continue;
        }
        let digit = u64::from(b - b'0');
        if significant >= 15 || (after_point && decimals >= 22) {
            // Beyond double precision: keep the magnitude of integer digits, drop the rest.
            if !after_point {
                integer_excess += 1;
            }
            continue;
        }
        mantissa = mantissa * 10 + digit;
        if mantissa > 0 {
            significant += 1;
        }
        if after_point {
            decimals += 1;
        }
    }
    mantissa as f64 * 10f64.powi(integer_excess) / 10f64.powi(decimals)
}

fn is_decimal(word: &str) -> bool {
    !word.is_empty()
        && word.chars().all(|c| c.is_ascii_digit() || c == '.')
        && word.chars().any(|c| c.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;
    use FieldUnit::*;

    fn num(text: &str, unit: FieldUnit) -> f64 {
        match parse_number(text, unit) {
            Ok(Parsed::Number(n)) => n,
            other => panic!("{text:?} gave {other:?}"),
        }
    }

    #[test]
    fn full_width_percent_and_slash_and_grid_flags_are_accepted() {
        // Issue 9, item 9: like their ASCII forms.
        let n = |t: &str, u| parse_number(t, u);
        assert_eq!(n("32％", FieldUnit::Percent), Ok(Parsed::Number(32.0)));
        assert_eq!(n("2.5 mg／dL", FieldUnit::MgPerDl), Ok(Parsed::Number(2.5)));
        assert_eq!(n("286.4▲", FieldUnit::UmolPerL), Ok(Parsed::Number(286.4)));
        assert_eq!(n("3.1 ▼", FieldUnit::Ratio), Ok(Parsed::Number(3.1)));
        assert_eq!(n("4.2*", FieldUnit::Ratio), Ok(Parsed::Number(4.2)));
        assert_eq!(
            n("4.2 * µmol/L", FieldUnit::UmolPerL),
            Ok(Parsed::Number(4.2))
        );
        assert_eq!(n("*", FieldUnit::Ratio), Err(ParseError::NotANumber));
    }

    #[test]
    fn accepted_paste_forms() {
        let cases: &[(&str, FieldUnit, f64)] = &[
            ("250", UmolPerL, 250.0),
            ("  250  ", UmolPerL, 250.0),
            ("65 mmHg", MmHg, 65.0),
            ("8,2 kPa", KPa, 8.2),
            ("12.5 x10^9/L", GigaPerL, 12.5),
            ("12.5×10⁹/L", GigaPerL, 12.5),
            ("12.5 10^9/L ↑", GigaPerL, 12.5),
            ("2.5", MgPerDl, 2.5),
            ("2,5", MgPerDl, 2.5),
            ("２５０", UmolPerL, 250.0),
            ("２．５", MgPerDl, 2.5),
            ("2。5", MgPerDl, 2.5),
            ("2，5", MgPerDl, 2.5),
            ("\u{3000}250\u{3000}", UmolPerL, 250.0),
            ("250↑", UmolPerL, 250.0),
            ("250 ↑", UmolPerL, 250.0),
            ("3.2↓", GPerDl, 3.2),
            ("250 H", UmolPerL, 250.0),
            ("250H", UmolPerL, 250.0),
            ("28 L", GPerL, 28.0),
            ("250 umol/L", UmolPerL, 250.0),
            ("250 µmol/L", UmolPerL, 250.0),
            ("250 μmol/L", UmolPerL, 250.0),
            ("250μmol/L↑", UmolPerL, 250.0),
            ("250 umol/l H", UmolPerL, 250.0),
            ("250 ↑ umol/L", UmolPerL, 250.0),
            ("14.6 mg/dL", MgPerDl, 14.6),
            ("130 mmol/L", MmolPerL, 130.0),
            ("130 mEq/L", MmolPerL, 130.0),
            ("28 g/L", GPerL, 28.0),
            ("2.8 g/dL", GPerDl, 2.8),
            ("35 %", Percent, 35.0),
            ("35%", Percent, 35.0),
            ("1.8", Ratio, 1.8),
            (".5", Ratio, 0.5),
            ("45", Years, 45.0),
            ("45岁", Years, 45.0),
            ("0", Percent, 0.0),
            ("-5", UmolPerL, -5.0),
            ("0.285", MgPerDl, 0.285),
            ("007.50", MgPerDl, 7.5),
            ("5.", UmolPerL, 5.0),
        ];
        for (text, unit, expected) in cases {
            assert_eq!(num(text, *unit), *expected, "{text:?}");
        }
    }

    #[test]
    fn digits_beyond_double_precision_keep_the_magnitude() {
        let v = num("1234567890123456789", UmolPerL);
        assert!((v / 1.234_567_890_123_457e18 - 1.0).abs() < 1e-14, "{v}");
        assert_eq!(num("0.1234567890123456789", MgPerDl), 0.123_456_789_012_345);
    }

    #[test]
    fn empty_or_blank_is_missing() {
        for text in ["", " ", "\u{3000}", "\t"] {
            assert_eq!(
                parse_number(text, UmolPerL),
                Ok(Parsed::Missing),
                "{text:?}"
            );
        }
    }

    #[test]
    fn rejected_forms_with_their_reason() {
        let cases: &[(&str, FieldUnit, ParseError)] = &[
            ("<10", UmolPerL, ParseError::Censored),
            (">800", UmolPerL, ParseError::Censored),
            ("＜10", UmolPerL, ParseError::Censored),
            ("≥ 1.5", Ratio, ParseError::Censored),
            ("14.6 mg/dL", UmolPerL, ParseError::OtherUnit(MgPerDl)),
            ("250 umol/L", MgPerDl, ParseError::OtherUnit(UmolPerL)),
            ("2.8 g/dL", GPerL, ParseError::OtherUnit(GPerDl)),
            ("28 g/L", GPerDl, ParseError::OtherUnit(GPerL)),
            ("130 mmol/L", UmolPerL, ParseError::OtherUnit(MmolPerL)),
            ("8 kPa", MmHg, ParseError::OtherUnit(KPa)),
            ("60 mmHg", KPa, ParseError::OtherUnit(MmHg)),
            ("1.2 3.4", UmolPerL, ParseError::SeveralNumbers),
            ("10-20", UmolPerL, ParseError::SeveralNumbers),
            ("1.2.3", UmolPerL, ParseError::MisplacedSeparator),
            ("1,234.5", UmolPerL, ParseError::MisplacedSeparator),
            ("45.5", Years, ParseError::NotWhole),
            ("abc", UmolPerL, ParseError::NotANumber),
            ("1e3", UmolPerL, ParseError::NotANumber),
            ("NaN", UmolPerL, ParseError::NotANumber),
            ("inf", UmolPerL, ParseError::NotANumber),
            ("infinity", Ratio, ParseError::NotANumber),
            ("0x10", UmolPerL, ParseError::NotANumber),
            ("+5", UmolPerL, ParseError::NotANumber),
            (".", UmolPerL, ParseError::NotANumber),
            ("-", UmolPerL, ParseError::NotANumber),
            ("↑", UmolPerL, ParseError::NotANumber),
            ("umol/L", UmolPerL, ParseError::NotANumber),
            ("12 abc", UmolPerL, ParseError::NotANumber),
            ("HL", UmolPerL, ParseError::NotANumber),
        ];
        for (text, unit, expected) in cases {
            assert_eq!(parse_number(text, *unit), Err(expected.clone()), "{text:?}");
        }
    }
}
