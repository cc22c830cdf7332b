//! The one table of analyte names and units the lab-intake reader knows (LABS.md: LOINC codes,
//! abbreviations, Chinese and English names, look-alikes, units as written). Matching is on
//! whole tokens (whitespace-separated words, then the parts of a word split at brackets and
//! colons), never on substrings, so 前白蛋白 is not 白蛋白 and TBA is not TB.
//!
//! This material contains content from LOINC (http://loinc.org), available at no cost under the
//! license at http://loinc.org/license.
//!
//! LOINC check digits are never validated (some published codes carry wrong ones, SPEC 8).

use super::{Analyte, ReportUnit, UnusedAnalyte};
use std::sync::OnceLock;

/// What a table name stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    /// A form field (or a severity input).
    Field(Analyte),
    /// A field's name that some templates also use for another analyte: read, with a warning.
    Ambiguous(Analyte),
    /// A known analyte the widget never uses ("also in the report").
    Unused(UnusedAnalyte),
    /// A look-alike that is none of them (前白蛋白, LDH, TBA, CRP, APTT, urine values): the
    /// line is not a row, and the look-alike's name is never read as a shorter name.
    LookAlike,
}

/// How a table name is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NameKind {
    /// A LOINC code (FHIR and host push only).
    Loinc,
    /// An abbreviation, compared case-insensitively.
    Abbreviation,
    /// A Chinese name.
    Chinese,
    /// An English name (one or more words), compared case-insensitively.
    English,
}

/// One row of the table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NameRow {
    /// The name or code as written (ASCII parts in any case).
    pub text: &'static str,
    /// How it is written.
    pub kind: NameKind,
    /// What it stands for.
    pub target: Target,
}

const fn row(text: &'static str, kind: NameKind, target: Target) -> NameRow {
    NameRow { text, kind, target }
}

use Analyte as A;
use NameKind::{Abbreviation as Ab, Chinese as Zh, English as En, Loinc as Ln};
use Target::{Ambiguous as Amb, Field as F, LookAlike as Look, Unused as U};
use UnusedAnalyte as Un;

/// Every name, code and look-alike of LABS.md.
pub const NAMES: &[NameRow] = &[
    // Total bilirubin.
    row("14631-6", Ln, F(A::Tbil)),
    row("1975-2", Ln, F(A::Tbil)),
    row("42719-5", Ln, F(A::Tbil)),
    row("54363-7", Ln, F(A::Tbil)),
    row("总胆红素", Zh, F(A::Tbil)),
    row("血清总胆红素", Zh, F(A::Tbil)),
    row("TBIL", Ab, F(A::Tbil)),
    row("TB", Ab, F(A::Tbil)),
    row("T-BIL", Ab, F(A::Tbil)),
    row("STB", Ab, F(A::Tbil)),
    row("Bilirubin, Total", En, F(A::Tbil)),
    row("Total Bilirubin", En, F(A::Tbil)),
    row("Bilirubin Total", En, F(A::Tbil)),
    row("T. Bili", En, F(A::Tbil)),
    // Direct and indirect bilirubin (recognised, never used).
    row("1968-7", Ln, U(Un::DirectBilirubin)),
    row("14629-0", Ln, U(Un::DirectBilirubin)),
    row("29760-6", Ln, U(Un::DirectBilirubin)),
    row("15152-2", Ln, U(Un::DirectBilirubin)),
    row("直接胆红素", Zh, U(Un::DirectBilirubin)),
    row("结合胆红素", Zh, U(Un::DirectBilirubin)),
    row("DBIL", Ab, U(Un::DirectBilirubin)),
    row("DB", Ab, U(Un::DirectBilirubin)),
    row("D-BIL", Ab, U(Un::DirectBilirubin)),
    row("CB", Ab, U(Un::DirectBilirubin)),
    row("Bilirubin, Direct", En, U(Un::DirectBilirubin)),
    row("Direct Bilirubin", En, U(Un::DirectBilirubin)),
    row("间接胆红素", Zh, U(Un::IndirectBilirubin)),
    row("非结合胆红素", Zh, U(Un::IndirectBilirubin)),
    row("IBIL", Ab, U(Un::IndirectBilirubin)),
    row("IDBIL", Ab, U(Un::IndirectBilirubin)),
    row("UCB", Ab, U(Un::IndirectBilirubin)),
    row("Bilirubin, Indirect", En, U(Un::IndirectBilirubin)),
    // INR.
    row("6301-6", Ln, F(A::Inr)),
    row("34714-6", Ln, F(A::Inr)),
    row("5895-7", Ln, F(A::Inr)),
    row("国际标准化比值", Zh, F(A::Inr)),
    row("国际标准化比率", Zh, F(A::Inr)),
    row("凝血酶原国际标准化比值", Zh, F(A::Inr)),
    row("INR", Ab, F(A::Inr)),
    row("PT-INR", Ab, F(A::Inr)),
    row("PT/INR", En, F(A::Inr)),
    // Prothrombin time in seconds and its ratio (recognised, never used).
    row("5902-2", Ln, U(Un::ProthrombinSeconds)),
    row("5964-2", Ln, U(Un::ProthrombinSeconds)),
    row("凝血酶原时间", Zh, U(Un::ProthrombinSeconds)),
    row("血浆凝血酶原时间", Zh, U(Un::ProthrombinSeconds)),
    row("PT", Ab, U(Un::ProthrombinSeconds)),
    row("Prothrombin Time", En, U(Un::ProthrombinSeconds)),
    row("凝血酶原时间比值", Zh, U(Un::ProthrombinRatio)),
    row("PTR", Ab, U(Un::ProthrombinRatio)),
    row("PT-R", Ab, U(Un::ProthrombinRatio)),
    // PTA.
    row("5894-1", Ln, F(A::Pta)),
    row("凝血酶原活动度", Zh, F(A::Pta)),
    row("凝血酶原时间活动度", Zh, F(A::Pta)),
    row("PT活动度", Zh, F(A::Pta)),
    row("凝血酶原活性", Zh, F(A::Pta)),
    row("PTA", Ab, F(A::Pta)),
    row("PT%", Ab, F(A::Pta)),
    row("PT(%)", Ab, F(A::Pta)),
    row("凝血酶原活动度(AT)", Zh, Amb(A::Pta)),
    // Creatinine.
    row("14682-9", Ln, F(A::Creatinine)),
    row("2160-0", Ln, F(A::Creatinine)),
    row("38483-4", Ln, F(A::Creatinine)),
    row("77140-2", Ln, F(A::Creatinine)),
    row("59826-8", Ln, F(A::Creatinine)),
    row("肌酐", Zh, F(A::Creatinine)),
    row("血清肌酐", Zh, F(A::Creatinine)),
    row("血肌酐", Zh, F(A::Creatinine)),
    row("CREA", Ab, F(A::Creatinine)),
    row("Cr", Ab, F(A::Creatinine)),
    row("CRE", Ab, F(A::Creatinine)),
    row("Scr", Ab, F(A::Creatinine)),
    row("Creatinine", En, F(A::Creatinine)),
    row("Creat", En, F(A::Creatinine)),
    // Sodium ("NA" and "N/A" are "not available": see NOT_AVAILABLE, never a name).
    row("2951-2", Ln, F(A::Sodium)),
    row("2947-0", Ln, F(A::Sodium)),
    row("钠", Zh, F(A::Sodium)),
    row("血钠", Zh, F(A::Sodium)),
    row("钠离子", Zh, F(A::Sodium)),
    row("Na", Ab, F(A::Sodium)),
    row("Na+", Ab, F(A::Sodium)),
    row("Sodium", En, F(A::Sodium)),
    // Albumin.
    row("1751-7", Ln, F(A::Albumin)),
    row("61151-7", Ln, F(A::Albumin)),
    row("61152-5", Ln, F(A::Albumin)),
    row("2862-1", Ln, F(A::Albumin)),
    row("54347-0", Ln, F(A::Albumin)),
    row("62234-0", Ln, F(A::Albumin)),
    row("62235-7", Ln, F(A::Albumin)),
    row("76631-1", Ln, F(A::Albumin)),
    row("白蛋白", Zh, F(A::Albumin)),
    row("清蛋白", Zh, F(A::Albumin)),
    row("血清白蛋白", Zh, F(A::Albumin)),
    row("ALB", Ab, F(A::Albumin)),
    row("Albumin", En, F(A::Albumin)),
    // WBC and lactate (severity context).
    row("6690-2", Ln, F(A::Wbc)),
    row("26464-8", Ln, F(A::Wbc)),
    row("49498-9", Ln, F(A::Wbc)),
    row("804-5", Ln, F(A::Wbc)),
    row("白细胞", Zh, F(A::Wbc)),
    row("白细胞计数", Zh, F(A::Wbc)),
    row("WBC", Ab, F(A::Wbc)),
    row("White Blood Cell Count", En, F(A::Wbc)),
    row("Leukocytes", En, F(A::Wbc)),
    row("2524-7", Ln, F(A::Lactate)),
    row("32693-4", Ln, F(A::Lactate)),
    row("乳酸", Zh, F(A::Lactate)),
    row("血乳酸", Zh, F(A::Lactate)),
    row("LAC", Ab, F(A::Lactate)),
    row("Lactate", En, F(A::Lactate)),
    row("Lactic Acid", En, F(A::Lactate)),
    // Urea (recognised, never used).
    row("22664-7", Ln, U(Un::Urea)),
    row("3094-0", Ln, U(Un::Urea)),
    row("尿素", Zh, U(Un::Urea)),
    row("尿素氮", Zh, U(Un::Urea)),
    row("UREA", Ab, U(Un::Urea)),
    row("BUN", Ab, U(Un::Urea)),
    row("Urea Nitrogen", En, U(Un::Urea)),
    // Look-alikes (LABS.md): never the analyte whose name they contain.
    row("前白蛋白", Zh, Look),
    row("PA", Ab, Look),
    row("Prealbumin", En, Look),
    row("白蛋白/球蛋白", Zh, Look),
    row("A/G", Ab, Look),
    row("球蛋白", Zh, Look),
    row("乳酸脱氢酶", Zh, Look),
    row("LDH", Ab, Look),
    row("总胆汁酸", Zh, Look),
    row("TBA", Ab, Look),
    row("CRP", Ab, Look),
    row("C反应蛋白", Zh, Look),
    row("APTT", Ab, Look),
    row("活化部分凝血活酶时间", Zh, Look),
    row("TT", Ab, Look),
    row("凝血酶时间", Zh, Look),
    row("抗凝血酶III", Zh, Look),
    row("AT-III", Ab, Look),
    row("尿肌酐", Zh, Look),
    row("肌酐清除率", Zh, Look),
    row("尿钠", Zh, Look),
    row("尿白细胞", Zh, Look),
    row("U-ALB", Ab, Look),
    row("mALB", Ab, Look),
    row("尿微量白蛋白", Zh, Look),
];

/// Words that mean "not available" and are never sodium.
pub const NOT_AVAILABLE: &[&str] = &["NA", "N/A"];

/// Every unit spelling (lowercase; µ and μ both), with its meaning.
pub const UNITS: &[(&str, ReportUnit)] = &[
    ("µmol/l", ReportUnit::UmolPerL),
    ("μmol/l", ReportUnit::UmolPerL),
    ("umol/l", ReportUnit::UmolPerL),
    ("mg/dl", ReportUnit::MgPerDl),
    ("mg/l", ReportUnit::MgPerL),
    ("g/l", ReportUnit::GPerL),
    ("g/dl", ReportUnit::GPerDl),
    ("mmol/l", ReportUnit::MmolPerL),
    ("meq/l", ReportUnit::MeqPerL),
    ("%", ReportUnit::Percent),
    ("{inr}", ReportUnit::InrRatio),
    ("(inr)", ReportUnit::InrRatio),
    ("inr", ReportUnit::InrRatio),
    ("ratio", ReportUnit::InrRatio),
    ("s", ReportUnit::Seconds),
    ("sec", ReportUnit::Seconds),
    ("秒", ReportUnit::Seconds),
    ("10^9/l", ReportUnit::PerNanoLitre),
    ("×10^9/l", ReportUnit::PerNanoLitre),
    ("x10^9/l", ReportUnit::PerNanoLitre),
    ("10*9/l", ReportUnit::PerNanoLitre),
    ("10e9/l", ReportUnit::PerNanoLitre),
    ("10^3/ul", ReportUnit::ThousandPerMicroLitre),
    ("10^3/µl", ReportUnit::ThousandPerMicroLitre),
    ("10^3/μl", ReportUnit::ThousandPerMicroLitre),
    ("10*3/ul", ReportUnit::ThousandPerMicroLitre),
    ("k/ul", ReportUnit::ThousandPerMicroLitre),
];

/// UCUM codes (FHIR `valueQuantity.code` with system http://unitsofmeasure.org), compared
/// case-sensitively.
pub const UCUM: &[(&str, ReportUnit)] = &[
    ("umol/L", ReportUnit::UmolPerL),
    ("mg/dL", ReportUnit::MgPerDl),
    ("mg/L", ReportUnit::MgPerL),
    ("g/L", ReportUnit::GPerL),
    ("g/dL", ReportUnit::GPerDl),
    ("mmol/L", ReportUnit::MmolPerL),
    ("meq/L", ReportUnit::MeqPerL),
    ("%", ReportUnit::Percent),
    ("{INR}", ReportUnit::InrRatio),
    ("1", ReportUnit::InrRatio),
    ("s", ReportUnit::Seconds),
    ("10*9/L", ReportUnit::PerNanoLitre),
    ("10*3/uL", ReportUnit::ThousandPerMicroLitre),
];

/// A unit written in free text (a report cell, a FHIR `unit`, a host item's `unit`).
#[must_use]
pub fn unit_from_text(text: &str) -> Option<ReportUnit> {
    let spelled = || text.chars().map(key_char).filter(|c| *c != ' ');
    UNITS
        .iter()
        .find(|(s, _)| spelled().eq(s.chars()))
        .map(|(_, u)| *u)
}

/// A UCUM code, case-sensitive.
#[must_use]
pub fn unit_from_ucum(code: &str) -> Option<ReportUnit> {
    UCUM.iter().find(|(s, _)| *s == code).map(|(_, u)| *u)
}

/// Full-width ASCII forms (U+FF01-FF5E) and the ideographic space to ASCII, the ideographic
/// full stop to a point, µ kept; one char for one char, so positions line up with the source.
#[must_use]
pub fn normalise(text: &str) -> String {
    if text.is_ascii() {
        return text.to_string();
    }
    text.chars().map(normalise_char).collect()
}

fn normalise_char(c: char) -> char {
    match c {
        '\u{ff01}'..='\u{ff5e}' => char::from_u32(c as u32 - 0xfee0).unwrap_or(c),
        '\u{3000}' => ' ',
        '。' => '.',
        '−' => '-',
        _ => c,
    }
}

/// A char as words are compared: normalised, ASCII letters lowercased (the table's names are
/// ASCII or Chinese, which has no case).
fn key_char(c: char) -> char {
    normalise_char(c).to_ascii_lowercase()
}

/// The key a word is looked up by.
fn key(word: &str) -> String {
    word.chars().map(key_char).collect()
}

/// The key a word is looked up by (normalised, ASCII letters lowercased).
#[must_use]
pub fn word_key(word: &str) -> String {
    key(word)
}

/// [`match_words`] on words already turned into keys by [`word_key`]; the caller checks
/// [`NOT_AVAILABLE`] on the words as written (only the capitals mean "not available").
#[must_use]
pub fn match_keys(keys: &[&str]) -> Option<(usize, NameRow)> {
    let first = keys.first()?;
    starting_with(first).iter().find_map(|(_, w, r)| {
        (w.len() <= keys.len() && w.iter().zip(keys).all(|(a, b)| a == b)).then_some((w.len(), *r))
    })
}

/// Whether `word` has the key `k`, without allocating.
fn has_key(word: &str, k: &str) -> bool {
    word.chars().map(key_char).eq(k.chars())
}

/// Sorted lists searched by halves rather than hash maps: the table is small, and each map
/// type was compiled into the wasm on its own (a few KB each).
struct Index {
    /// (first word as a key, all words as keys, row): by first word, the longest name first
    /// among names with the same first word.
    by_first: Vec<(String, Vec<String>, NameRow)>,
    /// (LOINC code, row), by code.
    by_loinc: Vec<(&'static str, NameRow)>,
}

/// The entries of `list` (sorted by `key`) whose key is `k`.
fn equal_range<'a, T>(list: &'a [T], k: &str, key: impl Fn(&T) -> &str) -> &'a [T] {
    let start = list.partition_point(|e| key(e) < k);
    let len = list[start..].partition_point(|e| key(e) == k);
    &list[start..start + len]
}

/// The names whose first word has the key `first`, longest first.
fn starting_with(first: &str) -> &'static [(String, Vec<String>, NameRow)] {
    equal_range(&index().by_first, first, |(k, _, _)| k)
}

fn index() -> &'static Index {
    static INDEX: OnceLock<Index> = OnceLock::new();
    INDEX.get_or_init(|| {
        let mut by_first = Vec::new();
        let mut by_loinc = Vec::new();
        for r in NAMES {
            if r.kind == NameKind::Loinc {
                by_loinc.push((r.text, *r));
                continue;
            }
            let words: Vec<String> = r.text.split(' ').map(key).collect();
            debug_assert!(words.iter().all(|w| *w == w.to_lowercase()), "{}", r.text);
            by_first.push((words[0].clone(), words, *r));
        }
        // Stable: names of one first word and length keep the table's order.
        crate::sorting::sort_by(&mut by_first, |a, b| {
            a.0.cmp(&b.0).then(b.1.len().cmp(&a.1.len()))
        });
        crate::sorting::sort_by(&mut by_loinc, |a, b| a.0.cmp(b.0));
        Index { by_first, by_loinc }
    })
}

/// The row for a LOINC code.
#[must_use]
pub fn by_loinc(code: &str) -> Option<NameRow> {
    // A code listed twice: the later row, as the table reads.
    equal_range(&index().by_loinc, code.trim(), |(c, _)| c)
        .last()
        .map(|(_, r)| *r)
}

/// The longest table name made of whole words at the start of `words` (already split, each
/// without a trailing colon), with the number of words it takes.
#[must_use]
pub fn match_words(words: &[&str]) -> Option<(usize, NameRow)> {
    let first = words.first()?;
    if NOT_AVAILABLE.contains(first) {
        return None;
    }
    starting_with(&key(first)).iter().find_map(|(_, w, r)| {
        (w.len() <= words.len() && w.iter().zip(words).all(|(a, b)| has_key(b, a)))
            .then_some((w.len(), *r))
    })
}

/// A whole name (a host item's `name`, a FHIR `code.text` or display): all of it must be one
/// table name. Brackets are read as separate words: "总胆红素(TBIL)" is total bilirubin.
#[must_use]
pub fn match_whole(name: &str) -> Option<NameRow> {
    let words = split_words(name);
    let refs: Vec<&str> = words.iter().map(String::as_str).collect();
    let mut at = 0;
    let mut found: Option<NameRow> = None;
    while at < refs.len() {
        let (n, r) = match_words(&refs[at..])?;
        if found.is_some_and(|f| f.target != r.target) {
            return None;
        }
        found = Some(r);
        at += n;
    }
    found
}

/// Words of a name or a line: whitespace-separated, then, for a word that is not itself a table
/// name, split at brackets and colons ("总胆红素(TBIL):" -> 总胆红素, TBIL).
#[must_use]
pub fn split_words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for w in normalise(text).split_whitespace() {
        push_word(w, &mut out);
    }
    out
}

/// Adds one whitespace-separated word, split as [`split_words`] does.
pub fn push_word(w: &str, out: &mut Vec<String>) {
    let trimmed = w.trim_end_matches(':');
    if trimmed.is_empty() {
        return;
    }
    if !trimmed.contains(['(', ')', ':']) || match_words(&[trimmed]).is_some() {
        out.push(trimmed.to_string());
        return;
    }
    for part in trimmed.split(['(', ')', ':']) {
        if !part.is_empty() {
            out.push(part.to_string());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each row matches itself as a whole name, and in a result line "<name> 1.0".
    #[test]
    fn every_row_matches_itself_as_a_whole_token() {
        for r in NAMES {
            if r.kind == NameKind::Loinc {
                assert_eq!(by_loinc(r.text), Some(*r), "{}", r.text);
                continue;
            }
            assert_eq!(
                match_whole(r.text).map(|m| m.target),
                Some(r.target),
                "{}",
                r.text
            );
            let upper = r.text.to_uppercase();
            if NOT_AVAILABLE.contains(&upper.as_str()) {
                // "NA" in capitals means "not available", never sodium.
                assert_eq!(match_whole(&upper), None);
                continue;
            }
            assert_eq!(
                match_whole(&upper).map(|m| m.target),
                Some(r.target),
                "{} (any case)",
                r.text
            );
        }
    }

    #[test]
    fn every_row_is_listed_once() {
        for (i, r) in NAMES.iter().enumerate() {
            let dup = NAMES[..i]
                .iter()
                .any(|o| o.text.to_lowercase() == r.text.to_lowercase());
            assert!(!dup, "{} twice", r.text);
        }
    }

    #[test]
    fn look_alikes_are_not_the_analytes_they_contain() {
        for (name, not) in [
            ("前白蛋白", Target::Field(Analyte::Albumin)),
            ("乳酸脱氢酶", Target::Field(Analyte::Lactate)),
            ("TBA", Target::Field(Analyte::Tbil)),
            ("CRP", Target::Field(Analyte::Creatinine)),
            ("APTT", Target::Unused(UnusedAnalyte::ProthrombinSeconds)),
            ("尿肌酐", Target::Field(Analyte::Creatinine)),
            ("尿钠", Target::Field(Analyte::Sodium)),
            ("U-ALB", Target::Field(Analyte::Albumin)),
            ("白蛋白/球蛋白", Target::Field(Analyte::Albumin)),
            ("TBILX", Target::Field(Analyte::Tbil)),
            ("总胆红素素", Target::Field(Analyte::Tbil)),
        ] {
            assert_ne!(match_whole(name).map(|r| r.target), Some(not), "{name}");
        }
        assert_eq!(match_whole("NA"), None);
        assert_eq!(match_whole("N/A"), None);
        assert_eq!(
            match_whole("凝血酶原活动度(AT)").map(|r| r.target),
            Some(Target::Ambiguous(Analyte::Pta))
        );
        assert_eq!(
            match_whole("总胆红素(TBIL)").map(|r| r.target),
            Some(Target::Field(Analyte::Tbil))
        );
        assert_eq!(match_whole("总胆红素(DBIL)"), None);
    }

    #[test]
    fn units_as_written() {
        for (text, unit) in [
            ("μmol/L", ReportUnit::UmolPerL),
            ("µmol/l", ReportUnit::UmolPerL),
            ("μ mol/L", ReportUnit::UmolPerL),
            ("UMOL/L", ReportUnit::UmolPerL),
            ("mg/dl", ReportUnit::MgPerDl),
            ("g／L", ReportUnit::GPerL),
            ("％", ReportUnit::Percent),
            ("mEq/L", ReportUnit::MeqPerL),
        ] {
            assert_eq!(unit_from_text(text), Some(unit), "{text}");
        }
        assert_eq!(unit_from_ucum("mg/dL"), Some(ReportUnit::MgPerDl));
        assert_eq!(unit_from_ucum("MG/DL"), None);
    }
}
