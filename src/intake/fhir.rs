//! Reading FHIR R4 JSON (SPEC 8; LABS.md "FHIR R4 Observation"): a Bundle (`entry[].resource`,
//! searchset or collection), an array of resources, or one Observation; a Patient gives sex and
//! age (on today's date). Observations are matched by LOINC (`code.coding` with system
//! http://loinc.org, any code of the group), else by a local coding or `code.text` whose name is
//! in the table (with a warning). The date is the calendar date as written in the timestamp,
//! never converted between time zones.
//!
//! Decision (issue 11, "measure before choosing"): the types below only derive
//! `serde::Deserialize`; the crate has no JSON parser. Natively the tests and benches feed them
//! from `serde_json`; in the wasm the shell parses with the browser's own `JSON.parse` and
//! converts with `serde-wasm-bindgen`, because `serde_json` would add about 18 KB (brotli) to
//! the wasm for a parser the browser already has. The nesting depth is checked on the raw text
//! first ([`super::json_depth`]), so neither parser recurses past 64 levels.

use super::names::{self, NameKind, Target};
use super::{
    candidate_unit, resolve, Analyte, DateSource, Dated, Found, MatchedBy, Origin, Reading,
    ReportUnit, Unusable, UnusedAnalyte, Warning,
};
use crate::clinical::date::Date;
use serde::Deserialize;

/// LOINC's code system URI.
pub const LOINC_SYSTEM: &str = "http://loinc.org";
/// UCUM's code system URI.
pub const UCUM_SYSTEM: &str = "http://unitsofmeasure.org";
/// PT actual/normal: a PTA only when its unit is `%`.
pub const LOINC_PTA: &str = "5894-1";

/// A pasted FHIR document: an array of resources, or one resource.
///
/// Deserialised by hand (an array or an object) rather than as an untagged enum, and a resource
/// is one flat struct rather than an enum tagged by `resourceType`: serde buffers untagged and
/// internally tagged enums whole before choosing a variant, which tripled the time spent on a
/// 5,000-observation bundle.
#[derive(Clone, Debug, PartialEq)]
pub enum FhirDocument {
    /// `[ {...}, {...} ]`.
    Many(Vec<Resource>),
    /// A Bundle, an Observation or a Patient.
    One(Box<Resource>),
}

impl<'de> Deserialize<'de> for FhirDocument {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        use serde::de::value::{MapAccessDeserializer, SeqAccessDeserializer};
        struct Document;
        impl<'de> serde::de::Visitor<'de> for Document {
            type Value = FhirDocument;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a FHIR resource or an array of resources")
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                seq: A,
            ) -> Result<FhirDocument, A::Error> {
                Vec::<Resource>::deserialize(SeqAccessDeserializer::new(seq))
                    .map(FhirDocument::Many)
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                map: A,
            ) -> Result<FhirDocument, A::Error> {
                Resource::deserialize(MapAccessDeserializer::new(map))
                    .map(|r| FhirDocument::One(Box::new(r)))
            }
        }
        d.deserialize_any(Document)
    }
}

/// Any resource, with the fields of the three kinds read (Bundle, Observation, Patient); any
/// other `resourceType` is counted as not read.
#[derive(Clone, Debug, Default, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct Resource {
    /// `resourceType`.
    pub resource_type: String,
    /// `id`.
    pub id: Option<String>,
    /// Bundle: `entry[]`.
    #[serde(default)]
    pub entry: Vec<Entry>,
    /// Observation: `status`.
    pub status: Option<String>,
    /// Observation: `code`.
    pub code: Option<CodeableConcept>,
    /// Observation: `valueQuantity`.
    pub value_quantity: Option<Quantity>,
    /// Observation: `valueString`.
    pub value_string: Option<String>,
    /// Observation: `effectiveDateTime`.
    pub effective_date_time: Option<String>,
    /// Observation: `effectivePeriod`.
    pub effective_period: Option<Period>,
    /// Observation: `effectiveInstant`.
    pub effective_instant: Option<String>,
    /// Observation: `issued`.
    pub issued: Option<String>,
    /// Patient: `gender` (male, female, other, unknown).
    pub gender: Option<String>,
    /// Patient: `birthDate` (YYYY-MM-DD; a partial date gives no age).
    pub birth_date: Option<String>,
}

/// One Bundle entry.
#[derive(Clone, Debug, Deserialize, PartialEq)]
pub struct Entry {
    /// `entry[].resource`.
    pub resource: Option<Resource>,
}

/// `CodeableConcept`.
#[derive(Clone, Debug, Default, Deserialize, PartialEq)]
pub struct CodeableConcept {
    /// `coding[]`.
    #[serde(default)]
    pub coding: Vec<Coding>,
    /// `text`.
    pub text: Option<String>,
}

/// `Coding`.
#[derive(Clone, Debug, Default, Deserialize, PartialEq)]
pub struct Coding {
    /// `system`.
    pub system: Option<String>,
    /// `code`.
    pub code: Option<String>,
    /// `display`.
    pub display: Option<String>,
}

/// `Quantity`.
#[derive(Clone, Debug, Default, Deserialize, PartialEq)]
pub struct Quantity {
    /// `value`.
    pub value: Option<f64>,
    /// `comparator` (`<`, `<=`, `>=`, `>`): a censored result.
    pub comparator: Option<String>,
    /// `unit` (display text).
    pub unit: Option<String>,
    /// `system`.
    pub system: Option<String>,
    /// `code` (UCUM, case-sensitive).
    pub code: Option<String>,
}

/// `Period`.
#[derive(Clone, Debug, Default, Deserialize, PartialEq)]
pub struct Period {
    /// `start`.
    pub start: Option<String>,
}

/// A FHIR date or dateTime as written: its calendar date and time, never converted. `None` for
/// a partial date ("2026-11") or anything else.
#[must_use]
pub fn calendar_date(text: &str) -> Option<(Date, Option<u16>)> {
    let t = text.trim();
    let date = Date::parse(t.get(..10)?).ok().flatten()?;
    let rest = &t[10..];
    if rest.is_empty() {
        return Some((date, None));
    }
    let time = rest.strip_prefix('T')?;
    let h: u16 = time.get(..2)?.parse().ok()?;
    let m: u16 = time.get(3..5)?.parse().ok()?;
    (time.as_bytes().get(2) == Some(&b':') && h < 24 && m < 60).then_some((date, Some(h * 60 + m)))
}

/// A number as its shortest decimal text (Rust's `Display` for f64 never uses an exponent).
#[must_use]
pub fn number_text(x: f64) -> String {
    format!("{x}")
}

struct Reader {
    found: Vec<Found>,
    also: Vec<UnusedAnalyte>,
    unread: usize,
    patients: Vec<(Option<String>, Option<String>)>,
    today: Date,
}

/// Reads a FHIR document.
#[must_use]
pub fn read_fhir(doc: &FhirDocument, today: Date) -> Reading {
    let mut r = Reader {
        found: Vec::new(),
        also: Vec::new(),
        unread: 0,
        patients: Vec::new(),
        today,
    };
    match doc {
        FhirDocument::Many(list) => list.iter().for_each(|res| r.resource(res)),
        FhirDocument::One(res) => r.resource(res),
    }
    let mut ids = r.patients.clone();
    ids.sort();
    ids.dedup();
    let other_patient = ids.len() > 1;
    let mut reading = resolve(r.found, other_patient, today);
    r.also.sort();
    reading.also_in_report = r.also;
    reading.unread = r.unread;
    reading
}

/// How an Observation's code matched the table.
fn match_code(code: &CodeableConcept) -> Option<(Target, MatchedBy, String, bool)> {
    for c in &code.coding {
        if c.system.as_deref() == Some(LOINC_SYSTEM) {
            if let Some(row) = c.code.as_deref().and_then(names::by_loinc) {
                let is_pta = c.code.as_deref().map(str::trim) == Some(LOINC_PTA);
                return Some((row.target, MatchedBy::Loinc, row.text.to_string(), is_pta));
            }
        }
    }
    for c in &code.coding {
        if c.system.as_deref() == Some(LOINC_SYSTEM) {
            continue;
        }
        for text in [&c.code, &c.display].into_iter().flatten() {
            if let Some(row) = names::match_whole(text) {
                if row.kind != NameKind::Loinc {
                    return Some((row.target, MatchedBy::LocalCode, text.clone(), false));
                }
            }
        }
    }
    let text = code.text.as_ref()?;
    let row = names::match_whole(text)?;
    Some((row.target, MatchedBy::CodeText, text.clone(), false))
}

impl Reader {
    fn resource(&mut self, res: &Resource) {
        match res.resource_type.as_str() {
            "Bundle" => {
                for e in &res.entry {
                    match &e.resource {
                        Some(r) => self.resource(r),
                        None => self.unread += 1,
                    }
                }
            }
            "Observation" => {
                if !self.observation(res) {
                    self.unread += 1;
                }
            }
            "Patient" => self.patient(res),
            _ => self.unread += 1,
        }
    }

    fn patient(&mut self, p: &Resource) {
        self.patients.push((p.id.clone(), p.birth_date.clone()));
        let origin = |code: &str| Origin::Fhir {
            code: code.to_string(),
            id: p.id.clone(),
        };
        let found = |analyte, value: String, written: String, code| Found {
            analyte,
            value,
            written,
            unit: super::CandidateUnit::FieldsOwn,
            date: None,
            origin: origin(code),
            matched: MatchedBy::PatientHeader,
            unusable: None,
            warnings: Vec::new(),
        };
        if let Some(g) = p.gender.as_deref() {
            if matches!(g, "male" | "female") {
                self.found.push(found(
                    Analyte::Sex,
                    g.to_string(),
                    format!("gender: {g}"),
                    "gender",
                ));
            }
        }
        if let Some(b) = p.birth_date.as_deref() {
            let age = Date::parse(b)
                .ok()
                .flatten()
                .and_then(|d| super::text::age_on(d, self.today));
            if let Some(age) = age {
                self.found.push(found(
                    Analyte::Age,
                    age.to_string(),
                    format!("birthDate: {b}"),
                    "birthDate",
                ));
            }
        }
    }

    /// Reads one Observation; `false` when it is not read (no match, no value, skipped).
    fn observation(&mut self, o: &Resource) -> bool {
        let mut warnings = Vec::new();
        let mut unusable = None;
        match o.status.as_deref() {
            Some("final" | "amended" | "corrected") => {}
            Some("preliminary") => warnings.push(Warning::Preliminary),
            Some("entered-in-error" | "cancelled" | "registered") => return false,
            _ => unusable = Some(Unusable::Status),
        }
        let Some((target, matched, code, is_pta)) = o.code.as_ref().and_then(match_code) else {
            return false;
        };
        let (analyte, ambiguous) = match target {
            Target::Field(a) => (a, false),
            Target::Ambiguous(a) => (a, true),
            Target::Unused(u) => {
                if !self.also.contains(&u) {
                    self.also.push(u);
                }
                return true;
            }
            Target::LookAlike => return false,
        };
        if ambiguous {
            warnings.push(Warning::AmbiguousName);
        }
        if matches!(matched, MatchedBy::LocalCode | MatchedBy::CodeText) {
            warnings.push(Warning::NotLoinc);
        }
        let (value, written, unit_written, unit) = if let Some(q) = &o.value_quantity {
            let Some(x) = q.value else { return false };
            let number = number_text(x);
            let ucum = (q.system.as_deref() == Some(UCUM_SYSTEM))
                .then(|| q.code.as_deref().and_then(names::unit_from_ucum))
                .flatten();
            let display = q
                .unit
                .clone()
                .or_else(|| q.code.clone())
                .unwrap_or_default();
            let unit = ucum.or_else(|| names::unit_from_text(&display));
            match q.comparator.as_deref() {
                Some(c) if !c.is_empty() => {
                    unusable = unusable.or(Some(Unusable::Censored));
                    let v = format!("{c}{number}");
                    (v.clone(), v, display, unit)
                }
                _ => (number.clone(), number, display, unit),
            }
        } else if let Some(s) = &o.value_string {
            unusable = unusable.or(Some(Unusable::Censored));
            (s.clone(), s.clone(), String::new(), None)
        } else {
            return false;
        };
        if is_pta && unit != Some(ReportUnit::Percent) {
            unusable = unusable.or(Some(Unusable::UnitMismatch));
        }
        let dated = |t: &Option<String>, source| {
            t.as_deref()
                .and_then(calendar_date)
                .map(|(date, minutes)| Dated {
                    date,
                    minutes,
                    source,
                })
        };
        let date = dated(&o.effective_date_time, DateSource::Own)
            .or_else(|| {
                let start = o.effective_period.as_ref().and_then(|p| p.start.clone());
                dated(&start, DateSource::Own)
            })
            .or_else(|| dated(&o.effective_instant, DateSource::Own))
            .or_else(|| dated(&o.issued, DateSource::FhirIssued));
        if date.is_some_and(|d| d.source == DateSource::FhirIssued) {
            warnings.push(Warning::IssuedDate);
        }
        self.found.push(Found {
            analyte,
            value,
            written,
            unit: candidate_unit(analyte, unit, &unit_written),
            date,
            origin: Origin::Fhir {
                code,
                id: o.id.clone(),
            },
            matched,
            unusable,
            warnings,
        });
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_timestamp_keeps_its_own_calendar_date() {
        let d = |y, m, day| Date::from_ymd(y, m, day).expect("date");
        for (text, date, minutes) in [
            ("2026-11-30", d(2026, 11, 30), None),
            ("2026-11-30T23:30:00-05:00", d(2026, 11, 30), Some(1410)),
            ("2026-12-01T00:10:00+08:00", d(2026, 12, 1), Some(10)),
            ("2026-11-30T06:10:00Z", d(2026, 11, 30), Some(370)),
        ] {
            assert_eq!(calendar_date(text), Some((date, minutes)), "{text}");
        }
        for text in [
            "2026-11",
            "2026",
            "30.11.2026",
            "2026-11-30 06:10",
            "2026-11-30Tx",
        ] {
            assert_eq!(calendar_date(text), None, "{text}");
        }
    }

    #[test]
    fn numbers_are_written_as_their_shortest_decimal() {
        assert_eq!(number_text(286.4), "286.4");
        assert_eq!(number_text(131.0), "131");
        assert_eq!(number_text(0.0000001), "0.0000001");
        assert_eq!(number_text(1e21), "1000000000000000000000");
    }
}
