//! Reading FHIR R4 JSON (SPEC 8; LABS.md "FHIR R4 Observation"): a Bundle (`entry[].resource`,
//! searchset or collection), an array of resources, or one Observation; a Patient gives sex and
//! age (on today's date). Observations are matched by LOINC (`code.coding` with system
//! http://loinc.org, any code of the group), else by a local coding or `code.text` whose name is
//! in the table (with a warning). The date is the calendar date as written in the timestamp,
//! never converted between time zones.
//!
//! The JSON is read by [`super::json`] (the same code natively and in the wasm; it says why
//! there is no serde here): a wrong type or a repeated name in a member read below makes the
//! whole text "not JSON" (read as a report instead, with that message), as any other parser
//! error does. A number is kept as written (`valueQuantity.value` 1.50 is "1.50").

use super::json::{self, Json, NotJson, WrongShape};
use super::names::{self, NameKind, Target};
use super::{
    candidate_unit, resolve, Analyte, DateSource, Dated, Found, MatchedBy, Origin, Reading,
    ReportUnit, Unusable, UnusedAnalyte, Warning,
};
use crate::clinical::date::Date;

/// LOINC's code system URI.
pub const LOINC_SYSTEM: &str = "http://loinc.org";
/// UCUM's code system URI.
pub const UCUM_SYSTEM: &str = "http://unitsofmeasure.org";
/// PT actual/normal: a PTA only when its unit is `%`.
pub const LOINC_PTA: &str = "5894-1";

/// A pasted FHIR document: an array of resources, or one resource.
///
/// A resource is one flat struct rather than an enum by `resourceType`: the reader asks each
/// kind for its own fields.
#[derive(Clone, Debug, PartialEq)]
pub enum FhirDocument {
    /// `[ {...}, {...} ]`.
    Many(Vec<Resource>),
    /// A Bundle, an Observation or a Patient.
    One(Box<Resource>),
}

impl FhirDocument {
    /// Reads a JSON text as a FHIR document.
    pub fn parse(text: &str) -> Result<Self, NotJson> {
        let doc = json::parse(text)?;
        let read = match &doc {
            Json::Array(items) => items
                .iter()
                .map(Resource::from_json)
                .collect::<Result<_, _>>()
                .map(FhirDocument::Many),
            _ => Resource::from_json(&doc).map(|r| FhirDocument::One(Box::new(r))),
        };
        read.map_err(|WrongShape| NotJson)
    }
}

/// Any resource, with the fields of the three kinds read (Bundle, Observation, Patient); any
/// other `resourceType` is counted as not read.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Resource {
    /// `resourceType`.
    pub resource_type: String,
    /// `id`.
    pub id: Option<String>,
    /// Bundle: `entry[]`.
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
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    /// `entry[].resource`.
    pub resource: Option<Resource>,
}

/// `CodeableConcept`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CodeableConcept {
    /// `coding[]`.
    pub coding: Vec<Coding>,
    /// `text`.
    pub text: Option<String>,
}

/// `Coding`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Coding {
    /// `system`.
    pub system: Option<String>,
    /// `code`.
    pub code: Option<String>,
    /// `display`.
    pub display: Option<String>,
}

/// `Quantity`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Quantity {
    /// `value`, the number as written (an exponent written out: [`Json::number`]).
    pub value: Option<String>,
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
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Period {
    /// `start`.
    pub start: Option<String>,
}

/// Each member's own type is checked: a resource is an object, `code.coding` an array of
/// objects, `valueQuantity.value` a number, every other member read a string.
impl Resource {
    fn from_json(j: &Json) -> Result<Self, WrongShape> {
        Ok(Resource {
            resource_type: j.string("resourceType")?.ok_or(WrongShape)?,
            id: j.string("id")?,
            entry: j
                .items("entry")?
                .iter()
                .map(|e| {
                    let resource = e.get("resource")?.map(Resource::from_json).transpose()?;
                    Ok(Entry { resource })
                })
                .collect::<Result<_, _>>()?,
            status: j.string("status")?,
            code: j.get("code")?.map(CodeableConcept::from_json).transpose()?,
            value_quantity: j
                .get("valueQuantity")?
                .map(Quantity::from_json)
                .transpose()?,
            value_string: j.string("valueString")?,
            effective_date_time: j.string("effectiveDateTime")?,
            effective_period: j
                .get("effectivePeriod")?
                .map(|p| {
                    Ok(Period {
                        start: p.string("start")?,
                    })
                })
                .transpose()?,
            effective_instant: j.string("effectiveInstant")?,
            issued: j.string("issued")?,
            gender: j.string("gender")?,
            birth_date: j.string("birthDate")?,
        })
    }
}

impl CodeableConcept {
    fn from_json(j: &Json) -> Result<Self, WrongShape> {
        let coding = j.items("coding")?.iter().map(|c| {
            Ok(Coding {
                system: c.string("system")?,
                code: c.string("code")?,
                display: c.string("display")?,
            })
        });
        Ok(CodeableConcept {
            coding: coding.collect::<Result<_, _>>()?,
            text: j.string("text")?,
        })
    }
}

impl Quantity {
    fn from_json(j: &Json) -> Result<Self, WrongShape> {
        Ok(Quantity {
            value: j.number("value")?,
            comparator: j.string("comparator")?,
            unit: j.string("unit")?,
            system: j.string("system")?,
            code: j.string("code")?,
        })
    }
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
    crate::sorting::sort_dedup(&mut ids);
    let other_patient = ids.len() > 1;
    let mut reading = resolve(r.found, other_patient, today);
    crate::sorting::sort(&mut r.also);
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
            let Some(number) = q.value.clone() else {
                return false;
            };
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
    fn a_value_keeps_the_digits_it_was_written_with() {
        let doc = FhirDocument::parse(
            r#"{"resourceType":"Observation","status":"final",
                "code":{"coding":[{"system":"http://loinc.org","code":"6301-6"}]},
                "valueQuantity":{"value":1.50},"effectiveDateTime":"2026-11-30"}"#,
        )
        .expect("fhir");
        let FhirDocument::One(obs) = &doc else {
            panic!("one resource");
        };
        assert_eq!(
            obs.value_quantity.as_ref().and_then(|q| q.value.as_deref()),
            Some("1.50")
        );
    }

    #[test]
    fn a_member_of_the_wrong_type_or_given_twice_makes_the_text_not_json() {
        for text in [
            r#"{"resourceType":"Observation","valueQuantity":{"value":"1.5"}}"#,
            r#"{"resourceType":"Observation","valueQuantity":{"value":1e400}}"#,
            r#"{"resourceType":"Observation","status":1}"#,
            r#"{"resourceType":"Observation","code":{"coding":{}}}"#,
            r#"{"resourceType":"Bundle","entry":[{"resource":[]}]}"#,
            r#"{"resourceType":"Observation","status":"final","status":"preliminary"}"#,
            r#"{"id":"no resourceType"}"#,
            r#"[1]"#,
            r#""Observation""#,
        ] {
            assert_eq!(FhirDocument::parse(text), Err(NotJson), "{text}");
        }
        assert!(
            FhirDocument::parse(r#"{"resourceType":"Observation","unread":{"x":[1,{}]}}"#).is_ok()
        );
    }
}
