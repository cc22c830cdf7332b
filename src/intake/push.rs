//! Labs sent by the host portal (SPEC 8, "Host push"): the `aclf-screen:labs` message, version
//! 1, `items: [{loinc?, name?, value, unit?, date?}]`, `patient?: {age?, sex?, birthDate?}`,
//! mapped through the same name table and the same choice of results as a pasted report, and
//! the counts of the `aclf-screen:labs-received` answer. Origins and sources are the shell's.

use super::fhir::calendar_date;
use super::json::{self, Json, NotJson, WrongShape};
use super::names::{self, NameKind, Target};
use super::{
    candidate_unit, parses, resolve, Analyte, CandidateUnit, DateSource, Dated, Found, MatchedBy,
    Origin, Reading, Unusable,
};
use crate::clinical::date::Date;

/// The message type the widget accepts.
pub const LABS_TYPE: &str = "aclf-screen:labs";
/// The answer's type.
pub const RECEIVED_TYPE: &str = "aclf-screen:labs-received";
/// The only version read.
pub const LABS_VERSION: &str = "1";

/// `{type, version, items, patient?}`: read from the message's JSON text (the shell
/// stringifies the posted object) by [`LabsMessage::parse`]; a member of the wrong type makes
/// the whole message unreadable.
#[derive(Clone, Debug, PartialEq)]
pub struct LabsMessage {
    /// `type`: must be [`LABS_TYPE`].
    pub kind: String,
    /// `version`, the number as a plain decimal: must be 1.
    pub version: String,
    /// `items`.
    pub items: Vec<PushItem>,
    /// `patient`.
    pub patient: Option<PushPatient>,
}

/// A number or a decimal string.
#[derive(Clone, Debug, PartialEq)]
pub enum PushValue {
    /// A JSON number, as a plain decimal.
    Number(String),
    /// A decimal string ("198.6").
    Text(String),
}

/// One pushed result.
#[derive(Clone, Debug, PartialEq)]
pub struct PushItem {
    /// A LOINC code of the table.
    pub loinc: Option<String>,
    /// A name of the table (used when `loinc` is absent or unknown).
    pub name: Option<String>,
    /// The value.
    pub value: Option<PushValue>,
    /// The unit (UCUM or as written).
    pub unit: Option<String>,
    /// `YYYY-MM-DD` or an ISO date-time.
    pub date: Option<String>,
}

/// The pushed patient.
#[derive(Clone, Debug, PartialEq)]
pub struct PushPatient {
    /// Age in whole years.
    pub age: Option<PushValue>,
    /// `male` or `female`.
    pub sex: Option<String>,
    /// `YYYY-MM-DD`.
    pub birth_date: Option<String>,
}

/// Why a message is refused whole (no table, answer with every item rejected).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PushRefusal {
    /// `type` is not `aclf-screen:labs`.
    WrongType,
    /// `version` is not 1.
    WrongVersion,
}

impl LabsMessage {
    /// Reads a message from its JSON text.
    pub fn parse(text: &str) -> Result<Self, NotJson> {
        Self::from_json(&json::parse(text)?).map_err(|WrongShape| NotJson)
    }

    fn from_json(j: &Json) -> Result<Self, WrongShape> {
        let items = j.items("items")?.iter().map(|i| {
            Ok(PushItem {
                loinc: i.string("loinc")?,
                name: i.string("name")?,
                value: push_value(i, "value")?,
                unit: i.string("unit")?,
                date: i.string("date")?,
            })
        });
        let patient = j.get("patient")?.map(|p| {
            Ok(PushPatient {
                age: push_value(p, "age")?,
                sex: p.string("sex")?,
                birth_date: p.string("birthDate")?,
            })
        });
        Ok(LabsMessage {
            kind: j.string("type")?.ok_or(WrongShape)?,
            version: j.number("version")?.ok_or(WrongShape)?,
            items: items.collect::<Result<_, _>>()?,
            patient: patient.transpose()?,
        })
    }
}

/// A member that is a number or a string.
fn push_value(j: &Json, name: &str) -> Result<Option<PushValue>, WrongShape> {
    match j.get(name)? {
        Some(Json::String(s)) => Ok(Some(PushValue::Text(s.to_string()))),
        _ => Ok(j.number(name)?.map(PushValue::Number)),
    }
}

/// A plain decimal's value is one ("1", "1.0", "1.00").
fn is_one(plain: &str) -> bool {
    let trimmed = match plain.split_once('.') {
        Some((int, frac)) if frac.bytes().all(|b| b == b'0') => int,
        _ => plain,
    };
    trimmed == LABS_VERSION
}

fn value_text(v: &PushValue) -> String {
    match v {
        PushValue::Number(x) => x.clone(),
        PushValue::Text(s) => names::normalise(s.trim()),
    }
}

/// Maps a host message to a reading.
pub fn read_push(msg: &LabsMessage, today: Date) -> Result<Reading, PushRefusal> {
    if msg.kind != LABS_TYPE {
        return Err(PushRefusal::WrongType);
    }
    if !is_one(&msg.version) {
        return Err(PushRefusal::WrongVersion);
    }
    let mut found = Vec::new();
    let mut also = Vec::new();
    let mut unread = 0;
    for (index, item) in msg.items.iter().enumerate() {
        let by_loinc = item
            .loinc
            .as_deref()
            .and_then(names::by_loinc)
            .map(|r| (r, MatchedBy::Loinc));
        let by_name = || {
            let row = names::match_whole(item.name.as_deref()?)?;
            let how = match row.kind {
                NameKind::Chinese => MatchedBy::ChineseName,
                NameKind::English => MatchedBy::EnglishName,
                NameKind::Abbreviation | NameKind::Loinc => MatchedBy::Abbreviation,
            };
            Some((row, how))
        };
        let (Some((row, matched)), Some(value)) = (by_loinc.or_else(by_name), &item.value) else {
            unread += 1;
            continue;
        };
        let analyte = match row.target {
            Target::Field(a) | Target::Ambiguous(a) => a,
            Target::Unused(u) => {
                if !also.contains(&u) {
                    also.push(u);
                }
                continue;
            }
            Target::LookAlike => {
                unread += 1;
                continue;
            }
        };
        let unit_text = item.unit.clone().unwrap_or_default();
        let unit = names::unit_from_ucum(&unit_text).or_else(|| names::unit_from_text(&unit_text));
        let unit = candidate_unit(analyte, unit, &unit_text);
        let text = value_text(value);
        let censored = text.starts_with(['<', '>', '≤', '≥']);
        if !censored && parses(analyte, &unit, &text).is_none() && unit_is_taken(&unit) {
            unread += 1;
            continue;
        }
        let mut unusable = censored.then_some(Unusable::Censored);
        if row.text == super::fhir::LOINC_PTA && unit_text.trim() != "%" {
            unusable = unusable.or(Some(Unusable::UnitMismatch));
        }
        let date = match item.date.as_deref() {
            None => None,
            Some(d) => match calendar_date(d) {
                Some((date, minutes)) => Some(Dated {
                    date,
                    minutes,
                    source: DateSource::Own,
                }),
                // A date that cannot be read is never dropped silently.
                None => {
                    unusable = unusable.or(Some(Unusable::AmbiguousDate));
                    None
                }
            },
        };
        found.push(Found {
            analyte,
            value: text.replace(',', "."),
            written: text,
            unit,
            date,
            origin: Origin::Pushed { index: Some(index) },
            matched,
            unusable,
            warnings: Vec::new(),
        });
    }
    if let Some(p) = &msg.patient {
        patient(p, today, &mut found);
    }
    let mut reading = resolve(found, false, today);
    crate::sorting::sort(&mut also);
    reading.also_in_report = also;
    reading.unread = unread;
    Ok(reading)
}

fn unit_is_taken(unit: &CandidateUnit) -> bool {
    matches!(unit, CandidateUnit::Form(_) | CandidateUnit::FieldsOwn)
}

fn patient(p: &PushPatient, today: Date, found: &mut Vec<Found>) {
    let make = |analyte, value: String, written: String| Found {
        analyte,
        value,
        written,
        unit: CandidateUnit::FieldsOwn,
        date: None,
        origin: Origin::Pushed { index: None },
        matched: MatchedBy::PatientHeader,
        unusable: None,
        warnings: Vec::new(),
    };
    if let Some(s) = p.sex.as_deref() {
        if matches!(s, "male" | "female") {
            found.push(make(Analyte::Sex, s.to_string(), format!("sex: {s}")));
        }
    }
    let from_birth = p
        .birth_date
        .as_deref()
        .and_then(|b| Date::parse(b).ok().flatten())
        .and_then(|d| super::text::age_on(d, today));
    let stated = p.age.as_ref().map(value_text);
    let disagree = matches!((&stated, from_birth), (Some(a), Some(b)) if *a != b.to_string());
    let reason = disagree.then_some(Unusable::OtherPatient);
    if let Some(a) = stated {
        let mut f = make(Analyte::Age, a.clone(), format!("age: {a}"));
        f.unusable = reason;
        found.push(f);
    }
    if let Some(b) = from_birth {
        let written = format!("birthDate: {}", p.birth_date.as_deref().unwrap_or(""));
        let mut f = make(Analyte::Age, b.to_string(), written);
        f.unusable = reason;
        if !disagree && found.iter().any(|g| g.analyte == Analyte::Age) {
            return;
        }
        found.push(f);
    }
}

/// The answer's counts: `accepted` = rows usable or with a warning; `rejected` = unusable rows
/// and items not understood. Older results sent to the serial labs are in neither.
#[must_use]
pub fn receipt_counts(reading: &Reading) -> (usize, usize) {
    let accepted = reading
        .candidates
        .iter()
        .filter(|c| c.status.is_usable())
        .count();
    (
        accepted,
        reading.candidates.len() - accepted + reading.unread,
    )
}
