//! Reading a lab report pasted as text (SPEC 8; layouts of LABS.md): a Chinese LIS grid
//! (tab-separated), PDF text (runs of spaces, or every cell on its own line), two result tables
//! on one line, several reports one after another, English EHR lines ("value (H) range unit"),
//! LabCorp-style lines with the previous result and its date, full-width digits and points.
//!
//! A line is a result line when it holds a name of the table in [`super::names`] as whole
//! words; the value is the first number after the name, its flag and unit follow. Header lines
//! give the report's date (collection beats test date beats report date) and the patient (sex,
//! age or birth date; names and record numbers are compared between reports, never kept).

use super::names::{self, NameKind, NameRow, Target};
use super::{
    candidate_unit, resolve, Analyte, DateSource, Dated, Found, MatchedBy, Origin, Reading,
    Unusable, UnusedAnalyte, Warning,
};
use crate::clinical::date::Date;

/// A date as read from text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateRead {
    /// A calendar date, with minutes after midnight when a time follows.
    Date(Date, Option<u16>),
    /// A slash date whose first two parts are both 12 or less and differ (03/04/2026).
    Ambiguous,
}

const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

fn digits(c: &[char], at: usize, min: usize, max: usize) -> Option<(u32, usize)> {
    let mut n = 0u32;
    let mut len = 0;
    while at + len < c.len() && len < max && c[at + len].is_ascii_digit() {
        n = n * 10 + c[at + len].to_digit(10).unwrap_or(0);
        len += 1;
    }
    (len >= min).then_some((n, at + len))
}

/// Reads a date at the start of `text` (after spaces): YYYY-MM-DD, YYYY/MM/DD, YYYY.MM.DD,
/// YYYY年M月D日, 30-Nov-2026, 30 Nov 2026, MM/DD/YYYY or DD/MM/YYYY (ambiguous when both
/// could be the month), with an optional time HH:MM. Returns the date and the chars read.
#[must_use]
pub fn read_date(text: &str) -> Option<(DateRead, usize)> {
    let c: Vec<char> = names::normalise(text).chars().collect();
    let mut at = 0;
    while at < c.len() && c[at] == ' ' {
        at += 1;
    }
    let (date, end) = read_date_chars(&c, at)?;
    let mut minutes = None;
    let mut t = end;
    while t < c.len() && (c[t] == ' ' || c[t] == 'T') && t < end + 3 {
        t += 1;
    }
    let mut stop = end;
    if let Some((h, e)) = digits(&c, t, 1, 2) {
        if e < c.len() && c[e] == ':' {
            if let Some((m, e2)) = digits(&c, e + 1, 2, 2) {
                if h < 24 && m < 60 {
                    minutes = Some((h * 60 + m) as u16);
                    stop = e2;
                }
            }
        }
    }
    let read = match date {
        DateRead::Date(d, _) => DateRead::Date(d, minutes),
        a => a,
    };
    Some((read, stop))
}

fn read_date_chars(c: &[char], at: usize) -> Option<(DateRead, usize)> {
    let ymd = |y: u32, m: u32, d: u32| {
        Date::from_ymd(y as i32, u8::try_from(m).ok()?, u8::try_from(d).ok()?)
    };
    // Year first.
    if let Some((y, e)) = digits(c, at, 4, 4) {
        let sep = *c.get(e)?;
        if matches!(sep, '-' | '/' | '.' | '年') {
            let (m, e) = digits(c, e + 1, 1, 2)?;
            let sep2 = *c.get(e)?;
            let ok = if sep == '年' {
                sep2 == '月'
            } else {
                sep2 == sep
            };
            if !ok {
                return None;
            }
            let (d, mut e) = digits(c, e + 1, 1, 2)?;
            if sep == '年' && c.get(e) == Some(&'日') {
                e += 1;
            }
            return Some((DateRead::Date(ymd(y, m, d)?, None), e));
        }
        return None;
    }
    let (a, e) = digits(c, at, 1, 2)?;
    let sep = *c.get(e)?;
    // 30-Nov-2026, 30 Nov 2026.
    if matches!(sep, '-' | ' ') {
        let word: String = c
            .get(e + 1..e + 4)?
            .iter()
            .collect::<String>()
            // ASCII only: the month names are ASCII, and Unicode's lowercasing (its tables and
            // code, 17 KB of the wasm, 6.8 KB brotli, measured) serves no letter of a month.
            .to_ascii_lowercase();
        let m = MONTHS.iter().position(|m| *m == word)? as u32 + 1;
        let mut e = e + 4;
        while e < c.len() && c[e].is_ascii_alphabetic() {
            e += 1;
        }
        if c.get(e) != Some(&sep) {
            return None;
        }
        let (y, e) = digits(c, e + 1, 4, 4)?;
        return Some((DateRead::Date(ymd(y, m, a)?, None), e));
    }
    if !matches!(sep, '/' | '.') {
        return None;
    }
    let (b, e) = digits(c, e + 1, 1, 2)?;
    if c.get(e) != Some(&sep) {
        return None;
    }
    let (y, e) = digits(c, e + 1, 4, 4)?;
    let read = match (a <= 12, b <= 12) {
        (true, true) if a != b => DateRead::Ambiguous,
        (true, _) => DateRead::Date(ymd(y, a, b)?, None),
        (false, true) => DateRead::Date(ymd(y, b, a)?, None),
        (false, false) => return None,
    };
    Some((read, e))
}

/// Header keys of a report's dates, by kind (earlier kinds win).
const DATE_KEYS: &[(&str, DateSource)] = &[
    ("采样时间", DateSource::Collection),
    ("采集时间", DateSource::Collection),
    ("采样日期", DateSource::Collection),
    ("采集日期", DateSource::Collection),
    ("标本采集时间", DateSource::Collection),
    ("date of collection", DateSource::Collection),
    ("collection date", DateSource::Collection),
    ("collected", DateSource::Collection),
    ("检验日期", DateSource::Test),
    ("检验时间", DateSource::Test),
    ("检测日期", DateSource::Test),
    ("test date", DateSource::Test),
    ("报告时间", DateSource::ReportHeader),
    ("报告日期", DateSource::ReportHeader),
    ("report date", DateSource::ReportHeader),
    ("reported", DateSource::ReportHeader),
];

/// Patient header keys.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum PatientKey {
    Name,
    Record,
    Sex,
    Age,
    BirthDate,
}

const PATIENT_KEYS: &[(&str, PatientKey)] = &[
    ("姓名", PatientKey::Name),
    ("patient name", PatientKey::Name),
    ("name", PatientKey::Name),
    ("patient", PatientKey::Name),
    ("住院号", PatientKey::Record),
    ("病历号", PatientKey::Record),
    ("门诊号", PatientKey::Record),
    ("病案号", PatientKey::Record),
    ("mrn", PatientKey::Record),
    ("性别", PatientKey::Sex),
    ("gender", PatientKey::Sex),
    ("sex", PatientKey::Sex),
    ("年龄", PatientKey::Age),
    ("age", PatientKey::Age),
    ("出生日期", PatientKey::BirthDate),
    ("date of birth", PatientKey::BirthDate),
    ("dob", PatientKey::BirthDate),
];

/// Finds `key` in `lower` (the line, ASCII-lowercased) as a whole key: an ASCII key must not be
/// inside a word. Returns the byte range of the key.
fn find_key(lower: &str, key: &str) -> Option<(usize, usize)> {
    let mut from = 0;
    while let Some(p) = lower[from..].find(key) {
        let start = from + p;
        let end = start + key.len();
        let before = lower[..start].chars().next_back();
        let after = lower[end..].chars().next();
        let ascii = key.is_ascii();
        let bounded = !ascii
            || (!before.is_some_and(|c| c.is_ascii_alphanumeric())
                && !after.is_some_and(|c| c.is_ascii_alphanumeric()));
        // A key is followed by a colon, spaces or its value; "Collected" may be a result word.
        if bounded {
            return Some((start, end));
        }
        from = end;
    }
    None
}

/// The text after a key: colon and spaces skipped.
fn after_key(line: &str, end: usize) -> (usize, &str) {
    let rest = &line[end..];
    let trimmed = rest.trim_start_matches([' ', '\t', ':', '：', '\u{3000}', '=']);
    (end + rest.len() - trimmed.len(), trimmed)
}

/// One report in the pasted text: its header date, patient and results.
#[derive(Default)]
struct Block {
    dates: Vec<(DateSource, Option<DateRead>, usize)>,
    name: Option<String>,
    record: Option<String>,
    patient: Vec<Found>,
    birth_age: Option<(String, usize, String)>,
    results: Vec<Found>,
    saw_patient_key: bool,
}

impl Block {
    /// Adds what a header line held.
    fn merge(&mut self, line: Block) {
        self.dates.extend(line.dates);
        self.name = line.name.or(self.name.take());
        self.record = line.record.or(self.record.take());
        self.patient.extend(line.patient);
        self.birth_age = line.birth_age.or(self.birth_age.take());
        self.saw_patient_key |= line.saw_patient_key;
    }

    /// The report's date: the best kind present; an ambiguous one is `Err`.
    fn date(&self) -> Result<Option<Dated>, ()> {
        let best = self
            .dates
            .iter()
            .min_by_key(|(s, _, line)| (source_rank(*s), *line));
        match best {
            None => Ok(None),
            Some((source, Some(DateRead::Date(date, minutes)), _)) => Ok(Some(Dated {
                date: *date,
                minutes: *minutes,
                source: *source,
            })),
            Some((_, Some(DateRead::Ambiguous), _)) => Err(()),
            Some((_, None, _)) => Ok(None),
        }
    }
}

fn source_rank(s: DateSource) -> u8 {
    match s {
        DateSource::Own => 0,
        DateSource::Collection => 1,
        DateSource::Test => 2,
        DateSource::ReportHeader | DateSource::FhirIssued => 3,
    }
}

/// A word of a line, normalised, with the index of the whitespace token it came from.
struct Word {
    text: String,
    /// The name-table key of `text`.
    key: String,
    token: usize,
}

fn words_of(line: &str) -> (Vec<Word>, Vec<&str>) {
    let tokens: Vec<&str> = line.split_whitespace().collect();
    let mut words = Vec::new();
    for (i, t) in tokens.iter().enumerate() {
        let mut parts = Vec::new();
        if t.is_ascii() {
            names::push_word(t, &mut parts);
        } else {
            names::push_word(&names::normalise(t), &mut parts);
        }
        words.extend(parts.into_iter().map(|text| Word {
            key: names::word_key(&text),
            text,
            token: i,
        }));
    }
    (words, tokens)
}

/// Name matches in a line's words: (start, length, row).
fn name_matches(words: &[Word]) -> Vec<(usize, usize, NameRow)> {
    let keys: Vec<&str> = words.iter().map(|w| w.key.as_str()).collect();
    let mut out = Vec::new();
    let mut at = 0;
    while at < keys.len() {
        let not_available = names::NOT_AVAILABLE.contains(&words[at].text.as_str());
        let found = if not_available {
            None
        } else {
            names::match_keys(&keys[at..])
        };
        if let Some((n, r)) = found {
            out.push((at, n, r));
            at += n;
        } else {
            at += 1;
        }
    }
    out
}

const FLAGS: &[&str] = &[
    "↑", "↓", "▲", "▼", "*", "H", "L", "HH", "LL", "高", "低", "H*", "L*", "↑↑", "↓↓", "A",
];

fn is_flag(w: &str) -> bool {
    FLAGS.contains(&w) || w.eq_ignore_ascii_case("high") || w.eq_ignore_ascii_case("low")
}

/// Splits a value word into (censor sign, number, glued rest).
fn split_number(w: &str) -> Option<(Option<char>, &str, &str)> {
    let (sign, body) = match w.chars().next()? {
        c @ ('<' | '>' | '≤' | '≥') => (Some(c), &w[c.len_utf8()..]),
        _ => (None, w),
    };
    let end = body
        .char_indices()
        .find(|(_, c)| !(c.is_ascii_digit() || *c == '.' || *c == ','))
        .map_or(body.len(), |(i, _)| i);
    let number = &body[..end];
    if !number.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    Some((sign, number, &body[end..]))
}

/// A number word with nothing but a flag glued to it ("286.4↑"), or a plain number.
fn plain_number(w: &str) -> Option<&str> {
    let (sign, n, rest) = split_number(w)?;
    (sign.is_none() && (rest.is_empty() || is_flag(rest))).then_some(n)
}

/// A unit word: known, or looking like one (letters and a slash, not a date).
fn unit_word(words: &[Word], at: usize) -> Option<(String, usize)> {
    let w = &words.get(at)?.text;
    if let Some(next) = words.get(at + 1) {
        if matches!(w.as_str(), "µ" | "μ" | "u") {
            let joined = format!("{w}{}", next.text);
            if names::unit_from_text(&joined).is_some() {
                return Some((joined, 2));
            }
        }
    }
    if names::unit_from_text(w).is_some() {
        return Some((w.clone(), 1));
    }
    let looks = w.contains('/')
        && w.chars().any(char::is_alphabetic)
        && read_date(w).is_none()
        && !w.starts_with(|c: char| c.is_ascii_digit() && !w.contains('^'));
    looks.then(|| (w.clone(), 1))
}

/// What a result segment holds.
struct Segment {
    value: String,
    written: String,
    censored: bool,
    unit: String,
    previous: Option<(String, Dated)>,
}

/// Reads the words after a name: value, flag, unit, range, and a previous result with its date.
fn read_segment(words: &[Word], tokens: &[&str]) -> Option<Segment> {
    let mut at = 0;
    let mut censor_word = None;
    // The value: the first number (or a lone "<" / ">" before one).
    let (sign, number, glued) = loop {
        let w = &words.get(at)?.text;
        if matches!(w.as_str(), "<" | ">" | "≤" | "≥") {
            censor_word = Some(w.clone());
            at += 1;
            continue;
        }
        if let Some(parts) = split_number(w) {
            break parts;
        }
        if censor_word.is_some() {
            return None;
        }
        // "NA", "N/A", "-", "未检出": no value.
        if names::NOT_AVAILABLE.contains(&w.as_str()) || w == "-" || w == "--" {
            return None;
        }
        at += 1;
    };
    let censored = sign.is_some() || censor_word.is_some();
    let value_at = at;
    let mut unit = String::new();
    if !glued.is_empty() && !is_flag(glued) {
        if names::unit_from_text(glued).is_some() {
            unit = glued.to_string();
        } else if glued.starts_with(['-', '–', '~']) {
            // "3.4-20.5": a range, not a value.
            return None;
        } else {
            return None;
        }
    }
    let value = match (sign, &censor_word) {
        (Some(s), _) => format!("{s}{number}"),
        (None, Some(s)) => format!("{s}{number}"),
        _ => number.to_string(),
    };
    let token = tokens[words[value_at].token];
    let written = match &censor_word {
        Some(c) => format!("{c} {token}"),
        None => token.to_string(),
    };
    at += 1;
    while words.get(at).is_some_and(|w| is_flag(&w.text)) {
        at += 1;
    }
    // LabCorp-style: a previous result and its date right after the current one.
    let mut previous = None;
    if let (Some(n), Some(d)) = (
        words.get(at).and_then(|w| plain_number(&w.text)),
        words.get(at + 1),
    ) {
        if let Some((DateRead::Date(date, minutes), _)) = read_date(&d.text) {
            previous = Some((
                n.to_string(),
                Dated {
                    date,
                    minutes,
                    source: DateSource::Own,
                },
            ));
            at += 2;
        }
    }
    if unit.is_empty() {
        let mut i = at;
        while i < words.len() {
            if let Some((u, _)) = unit_word(words, i) {
                unit = u;
                break;
            }
            i += 1;
        }
    }
    Some(Segment {
        value,
        written,
        censored,
        unit,
        previous,
    })
}

fn matched_by(kind: NameKind) -> MatchedBy {
    match kind {
        NameKind::Loinc => MatchedBy::Loinc,
        NameKind::Abbreviation => MatchedBy::Abbreviation,
        NameKind::Chinese => MatchedBy::ChineseName,
        NameKind::English => MatchedBy::EnglishName,
    }
}

/// A result found in a line, before its report's date is known.
struct LineResult {
    analyte: Analyte,
    ambiguous_name: bool,
    segment: Segment,
    matched: MatchedBy,
    line: usize,
    text: String,
}

/// Whole years from `birth` to `today`.
#[must_use]
pub fn age_on(birth: Date, today: Date) -> Option<u32> {
    let (by, bm, bd) = ymd(birth);
    let (ty, tm, td) = ymd(today);
    let mut years = ty - by;
    if (tm, td) < (bm, bd) {
        years -= 1;
    }
    u32::try_from(years).ok()
}

fn ymd(d: Date) -> (i32, u8, u8) {
    let iso = d.iso();
    let y = iso[..iso.len() - 6].parse().unwrap_or(0);
    let m = iso[iso.len() - 5..iso.len() - 3].parse().unwrap_or(0);
    let dd = iso[iso.len() - 2..].parse().unwrap_or(0);
    (y, m, dd)
}

fn sex_value(word: &str) -> Option<&'static str> {
    // ASCII lowercasing is enough: the words are ASCII or Chinese (no case).
    match word.to_ascii_lowercase().as_str() {
        "男" | "m" | "male" | "男性" => Some("male"),
        "女" | "f" | "female" | "女性" => Some("female"),
        _ => None,
    }
}

/// Reads the header keys of a line into `block`. Returns whether the line held any, and whether
/// a key's value was taken from the next line (PDF text with every cell on its own line).
fn read_header(
    line: &str,
    next: Option<&str>,
    number: usize,
    block: &mut Block,
    today: Date,
) -> (bool, bool) {
    let mut used_next = false;
    // ASCII lowercasing keeps byte offsets, so fragments are cut from the line as written.
    let norm = line;
    let lower = line.to_ascii_lowercase();
    let mut any = false;
    let mut taken: Vec<(usize, usize)> = Vec::new();
    // Keys are ASCII words or Chinese: skip the kind the line cannot hold.
    let has_ascii = lower.bytes().any(|b| b.is_ascii_alphabetic());
    let has_other = !lower.is_ascii();
    let searched = |key: &str| if key.is_ascii() { has_ascii } else { has_other };
    for (key, source) in DATE_KEYS.iter().filter(|(k, _)| searched(k)) {
        let Some((start, end)) = find_key(&lower, key) else {
            continue;
        };
        if taken.iter().any(|&(s, e)| start < e && s < end) {
            continue;
        }
        taken.push((start, end));
        let (_, rest) = after_key(norm, end);
        let read = read_date(rest).map(|(d, _)| d).or_else(|| {
            let from_next = rest
                .trim()
                .is_empty()
                .then(|| next.and_then(read_date))
                .flatten();
            used_next |= from_next.is_some();
            from_next.map(|(d, _)| d)
        });
        block.dates.push((*source, read, number));
        any = true;
    }
    for (key, what) in PATIENT_KEYS.iter().filter(|(k, _)| searched(k)) {
        let Some((start, end)) = find_key(&lower, key) else {
            continue;
        };
        if taken.iter().any(|&(s, e)| start < e && s < end) {
            continue;
        }
        taken.push((start, end));
        let (vstart, rest) = after_key(norm, end);
        let rest_or_next = if rest.trim().is_empty() {
            used_next |= next.is_some_and(|n| !n.trim().is_empty() && words_of(n).0.len() <= 2);
            next.map(str::trim).unwrap_or("")
        } else {
            rest
        };
        let word = rest_or_next.split_whitespace().next().unwrap_or("");
        any = true;
        block.saw_patient_key = true;
        let fragment = |len: usize| {
            let end = (vstart + len).min(norm.len());
            line.get(start..end).unwrap_or("").to_string()
        };
        match what {
            PatientKey::Name => {
                // The whole name ("DOE, JOHN"), up to a tab, a run of spaces or the next key,
                // so that two patients sharing a surname are told apart.
                let name = whole_value(rest, &lower[vstart..]);
                block.name = (!name.is_empty()).then(|| name.to_string());
            }
            PatientKey::Record => block.record = (!word.is_empty()).then(|| word.to_string()),
            PatientKey::Sex => {
                let w = word.trim_end_matches([',', ';']);
                if let Some(v) = sex_value(w) {
                    let frag = if rest.trim().is_empty() {
                        format!("{} {}", &line[start..end], w)
                    } else {
                        fragment(w.len())
                    };
                    block
                        .patient
                        .push(patient_found(Analyte::Sex, v, w, frag, number));
                }
            }
            PatientKey::Age => {
                let digits_end = word
                    .char_indices()
                    .find(|(_, c)| !c.is_ascii_digit())
                    .map_or(word.len(), |(i, _)| i);
                let n = &word[..digits_end];
                let unit = word[digits_end..].trim();
                let next_word = rest_or_next.split_whitespace().nth(1).unwrap_or("");
                let years = matches!(unit, "" | "岁" | "y" | "yrs" | "years" | "yo");
                if !n.is_empty() && years {
                    let len = if unit.is_empty() && next_word == "岁" {
                        rest.find('岁').map_or(word.len(), |p| p + '岁'.len_utf8())
                    } else {
                        word.len()
                    };
                    let frag = fragment(len);
                    block
                        .patient
                        .push(patient_found(Analyte::Age, n, word, frag, number));
                }
            }
            PatientKey::BirthDate => {
                if let Some((DateRead::Date(birth, _), len)) = read_date(rest_or_next) {
                    if let Some(age) = age_on(birth, today) {
                        let frag = fragment(len.min(rest.len()));
                        block.birth_age = Some((age.to_string(), number, frag));
                    }
                }
            }
        }
    }
    (any, used_next)
}

/// A header value that may hold spaces: `rest` up to a tab, two spaces or the next key
/// (`lower_rest` is `rest` ASCII-lowercased).
fn whole_value<'a>(rest: &'a str, lower_rest: &str) -> &'a str {
    let mut end = rest.len();
    for stop in ["\t", "  ", "\u{3000}"] {
        if let Some(p) = rest.find(stop) {
            end = end.min(p);
        }
    }
    let keys = PATIENT_KEYS.iter().map(|(k, _)| *k);
    for key in keys.chain(DATE_KEYS.iter().map(|(k, _)| *k)) {
        if let Some((p, _)) = find_key(lower_rest, key) {
            if p > 0 {
                end = end.min(p);
            }
        }
    }
    rest[..end].trim()
}

fn patient_found(analyte: Analyte, value: &str, written: &str, frag: String, line: usize) -> Found {
    Found {
        analyte,
        value: value.to_string(),
        written: written.to_string(),
        unit: super::CandidateUnit::FieldsOwn,
        date: None,
        origin: Origin::Line {
            number: line,
            text: frag,
        },
        matched: MatchedBy::PatientHeader,
        unusable: None,
        warnings: Vec::new(),
    }
}

/// Reads a pasted report. `today` decides ages from birth dates and the 7-day warning.
#[must_use]
pub fn read_text(text: &str, today: Date) -> Reading {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let lines: Vec<&str> = text.lines().collect();
    let mut blocks: Vec<Block> = vec![Block::default()];
    let mut also: Vec<UnusedAnalyte> = Vec::new();
    let mut unread = 0usize;
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        let number = i + 1;
        i += 1;
        if line.trim().is_empty() {
            continue;
        }
        let (mut words, mut tokens) = words_of(line);
        let matches = name_matches(&words);
        if matches.is_empty() {
            // A header line (maybe the start of the next report), or a line not read.
            let starts_report = {
                let b = blocks.last().expect("one block");
                !b.results.is_empty()
            };
            let mut probe = Block::default();
            let next = lines.get(i).copied();
            let (any, used_next) = read_header(line, next, number, &mut probe, today);
            if any {
                // After results, a patient line, a collection date or a second date of a kind
                // already seen starts the next report; a test or report date is the footer of
                // the current one.
                let current = blocks.last().expect("one block");
                let new_kind = probe.dates.iter().any(|(s, _, _)| {
                    *s == DateSource::Collection || current.dates.iter().any(|(c, _, _)| c == s)
                });
                if starts_report && (probe.saw_patient_key || new_kind) {
                    blocks.push(Block::default());
                }
                blocks.last_mut().expect("one block").merge(probe);
                if used_next {
                    i += 1;
                }
            } else {
                unread += 1;
            }
            continue;
        }
        // PDF text with every cell on its own line: a lone name takes the next lines' cells.
        let last = matches[matches.len() - 1];
        let mut joined = line.to_string();
        if read_segment(&words[last.0 + last.1..], &tokens).is_none() {
            let mut j = i;
            while j < lines.len() && j < i + 6 {
                let (w2, _) = words_of(lines[j]);
                let mut probe = Block::default();
                let header = read_header(lines[j], None, j + 1, &mut probe, today).0;
                if lines[j].trim().is_empty() || header || !name_matches(&w2).is_empty() {
                    break;
                }
                joined.push(' ');
                joined.push_str(lines[j]);
                j += 1;
            }
            let (w3, t3) = words_of(&joined);
            if read_segment(&w3[last.0 + last.1..], &t3).is_some() {
                i = j;
            } else {
                joined = line.to_string();
            }
        }
        let owned;
        if joined != line {
            owned = joined;
            (words, tokens) = words_of(&owned);
        }
        let mut read_any = false;
        let mut k = 0;
        while k < matches.len() {
            let (start, len, row) = matches[k];
            // Adjacent names of one analyte ("TBIL 总胆红素") are one name.
            let mut end = start + len;
            let mut target = row.target;
            let mut conflict = false;
            while k + 1 < matches.len() && matches[k + 1].0 == end {
                if matches[k + 1].2.target != target {
                    conflict = true;
                    if matches[k + 1].2.target == Target::LookAlike {
                        target = Target::LookAlike;
                    }
                }
                end = matches[k + 1].0 + matches[k + 1].1;
                k += 1;
            }
            let seg_end = matches.get(k + 1).map_or(words.len(), |m| m.0);
            k += 1;
            if conflict {
                continue;
            }
            let Some(segment) = read_segment(&words[end..seg_end], &tokens) else {
                continue;
            };
            match target {
                Target::Field(a) | Target::Ambiguous(a) => {
                    read_any = true;
                    let result = LineResult {
                        analyte: a,
                        ambiguous_name: matches!(target, Target::Ambiguous(_)),
                        segment,
                        matched: matched_by(row.kind),
                        line: number,
                        text: result_origin(line, &tokens, words[start].token),
                    };
                    let b = blocks.last_mut().expect("one block");
                    b.results.extend(found_of(result));
                }
                Target::Unused(u) => {
                    read_any = true;
                    if !also.contains(&u) {
                        also.push(u);
                    }
                }
                Target::LookAlike => {}
            }
        }
        if !read_any {
            unread += 1;
        }
    }
    finish(blocks, also, unread, today)
}

/// The text shown as a result's origin: its line, or - when the line also holds the patient's
/// name (a header and a result on one line) - only the part from the result's name on.
fn result_origin(line: &str, tokens: &[&str], first_token: usize) -> String {
    let lower = line.to_ascii_lowercase();
    let names_patient = PATIENT_KEYS
        .iter()
        .any(|(k, what)| *what == PatientKey::Name && find_key(&lower, k).is_some());
    if names_patient {
        tokens[first_token..].join(" ")
    } else {
        line.to_string()
    }
}

/// The result of a line, and the previous result a LabCorp-style line carries.
fn found_of(r: LineResult) -> Vec<Found> {
    let seg = r.segment;
    let unit = candidate_unit(
        r.analyte,
        names::unit_from_text(&seg.unit).filter(|_| !seg.unit.is_empty()),
        &seg.unit,
    );
    let mut warnings = Vec::new();
    if r.ambiguous_name {
        warnings.push(Warning::AmbiguousName);
    }
    let origin = Origin::Line {
        number: r.line,
        text: r.text,
    };
    let previous = seg.previous.map(|(value, dated)| Found {
        analyte: r.analyte,
        written: value.clone(),
        value,
        unit: unit.clone(),
        date: Some(dated),
        origin: origin.clone(),
        matched: r.matched,
        unusable: None,
        warnings: warnings.clone(),
    });
    let value = if seg.censored {
        seg.value
    } else {
        seg.value.replace(',', ".")
    };
    let current = Found {
        analyte: r.analyte,
        value,
        written: seg.written,
        unit,
        date: None,
        origin,
        matched: r.matched,
        unusable: seg.censored.then_some(Unusable::Censored),
        warnings,
    };
    std::iter::once(current).chain(previous).collect()
}

fn finish(blocks: Vec<Block>, mut also: Vec<UnusedAnalyte>, unread: usize, today: Date) -> Reading {
    let mut names: Vec<String> = blocks.iter().filter_map(|b| b.name.clone()).collect();
    crate::sorting::sort_dedup(&mut names);
    let mut records: Vec<String> = blocks.iter().filter_map(|b| b.record.clone()).collect();
    crate::sorting::sort_dedup(&mut records);
    let other_patient = names.len() > 1 || records.len() > 1;
    let mut found = Vec::new();
    for b in blocks {
        let date = b.date();
        for mut f in b.results.into_iter().chain(b.patient) {
            match date {
                // A previous result on a LabCorp line keeps its own date.
                _ if f.date.is_some() => {}
                Ok(d) => f.date = d,
                Err(()) if !matches!(f.analyte, Analyte::Age | Analyte::Sex) => {
                    f.unusable = f.unusable.or(Some(Unusable::AmbiguousDate));
                }
                Err(()) => {}
            }
            found.push(f);
        }
        if let Some((age, line, frag)) = b.birth_age {
            let mut from_birth = patient_found(Analyte::Age, &age, &frag, frag.clone(), line);
            from_birth.date = date.ok().flatten();
            let disagree = found.iter_mut().filter(|f| {
                f.analyte == Analyte::Age && f.matched == MatchedBy::PatientHeader && f.value != age
            });
            let mut any = false;
            for f in disagree {
                f.unusable = Some(Unusable::OtherPatient);
                any = true;
            }
            if any {
                from_birth.unusable = Some(Unusable::OtherPatient);
            }
            found.push(from_birth);
        }
    }
    let mut reading = resolve(found, other_patient, today);
    crate::sorting::sort(&mut also);
    reading.also_in_report = also;
    reading.unread = unread;
    reading
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u8, day: u8) -> Date {
        Date::from_ymd(y, m, day).expect("date")
    }

    #[test]
    fn report_date_formats() {
        for (text, date, minutes) in [
            ("2026-11-30", d(2026, 11, 30), None),
            ("2026/11/30 05:10", d(2026, 11, 30), Some(310)),
            ("2026.11.30", d(2026, 11, 30), None),
            ("2026年11月3日 8:05", d(2026, 11, 3), Some(485)),
            ("２０２６年１１月３０日", d(2026, 11, 30), None),
            ("30-Nov-2026 05:10", d(2026, 11, 30), Some(310)),
            ("30 November 2026", d(2026, 11, 30), None),
            ("11/30/2026", d(2026, 11, 30), None),
            ("30/11/2026", d(2026, 11, 30), None),
            ("05/05/2026", d(2026, 5, 5), None),
            ("2026-11-30T06:10:00+08:00", d(2026, 11, 30), Some(370)),
        ] {
            assert_eq!(
                read_date(text).map(|r| r.0),
                Some(DateRead::Date(date, minutes)),
                "{text}"
            );
        }
        assert_eq!(
            read_date("03/04/2026").map(|r| r.0),
            Some(DateRead::Ambiguous)
        );
        for text in ["2026-02-30", "13/13/2026", "2026-11", "11/30/26", "abc"] {
            assert_eq!(read_date(text), None, "{text}");
        }
    }

    #[test]
    fn age_on_a_date_counts_whole_years() {
        assert_eq!(age_on(d(1980, 12, 1), d(2026, 12, 1)), Some(46));
        assert_eq!(age_on(d(1980, 12, 2), d(2026, 12, 1)), Some(45));
        assert_eq!(age_on(d(2000, 2, 29), d(2026, 2, 28)), Some(25));
        assert_eq!(age_on(d(2027, 1, 1), d(2026, 12, 1)), None);
    }

    #[test]
    fn the_header_line_with_the_name_is_never_an_origin() {
        let r = read_text(
            "姓名: 张三 性别: 男 年龄: 47 岁\n总胆红素 200 μmol/L",
            d(2026, 12, 1),
        );
        for c in &r.candidates {
            let super::super::Origin::Line { text, .. } = &c.origin else {
                panic!("{c:?}")
            };
            assert!(!text.contains("张三"), "{text}");
        }
        let fragments: Vec<_> = r
            .candidates
            .iter()
            .filter_map(|c| match &c.origin {
                super::super::Origin::Line { text, .. } if c.analyte != Analyte::Tbil => {
                    Some(text.as_str())
                }
                _ => None,
            })
            .collect();
        assert_eq!(fragments, ["年龄: 47 岁", "性别: 男"]);
    }

    #[test]
    fn patients_sharing_a_surname_are_told_apart() {
        let text = "Patient: DOE, JOHN  MRN: 1\nCollected: 2026-11-30\nINR 2.0\n\
                    Patient: DOE, JANE  MRN: 1\nCollected: 2026-11-29\nINR 1.5\n";
        let r = read_text(text, d(2026, 12, 1));
        assert_eq!(r.candidates.len(), 1);
        assert_eq!(
            r.candidates[0].status,
            super::super::Status::Unusable(Unusable::OtherPatient)
        );
        let same = text.replace("JANE", "JOHN");
        let r = read_text(&same, d(2026, 12, 1));
        assert_eq!(r.candidates[0].status, super::super::Status::Usable);
        assert_eq!(r.series.len(), 1);
    }

    #[test]
    fn a_result_on_the_name_line_does_not_show_the_name() {
        let r = read_text("姓名: 张三  总胆红素 200 μmol/L", d(2026, 12, 1));
        assert_eq!(r.candidates.len(), 1);
        assert_eq!(
            r.candidates[0].origin,
            super::super::Origin::Line {
                number: 1,
                text: "总胆红素 200 μmol/L".to_string()
            }
        );
    }

    #[test]
    fn severity_rows_are_usable_now_that_the_inputs_exist() {
        const { assert!(super::super::SEVERITY_INPUTS_AVAILABLE) };
        let r = read_text(
            "Collected: 2026-11-30\nWBC 12.3 10^9/L\nLactate 2.0 mmol/L",
            d(2026, 12, 1),
        );
        assert_eq!(r.candidates.len(), 2);
        for c in &r.candidates {
            assert_eq!(c.status, super::super::Status::Usable, "{c:?}");
        }
    }
}
