//! Lab intake (SPEC section 8): a pasted report, FHIR R4 JSON or labs pushed by the host portal
//! become candidates for the form's fields, which the clinician confirms before anything is
//! used. Pure: no browser API, no clock ("today" is passed in). Names, codes and units come from
//! `shared/intake/LABS.md`, as one table in [`names`].
//!
//! This file holds the candidate type, the reasons and warnings (enums, each with the ASCII name
//! of the test contract, CONTRACT.md "Lab intake"), the choice among several results of one
//! analyte (latest wins, earlier TBIL, same-date and undated rules) and the checks made on the
//! raw input before reading it (size, emptiness, JSON or report, JSON nesting depth).

pub mod apply;
pub mod fhir;
pub mod json;
pub mod names;
pub mod push;
pub mod text;

use crate::clinical::date::Date;
use crate::clinical::parse::{parse_number, Parsed};
use crate::clinical::plausibility::{classify, default_limits, Plausibility, Quantity};
use crate::clinical::units::{
    FieldUnit, ALBUMIN_G_L_PER_G_DL, BILIRUBIN_UMOL_PER_MG_DL, CREATININE_UMOL_PER_MG_DL,
};

/// WBC and lactate rows were unusable (`not-available`) until the severity inputs existed;
/// they exist (issue 13), so the rows are usable.
pub const SEVERITY_INPUTS_AVAILABLE: bool = true;

/// Largest input read, in UTF-8 bytes (SPEC 8: checked before reading).
pub const MAX_INPUT_BYTES: usize = 4 * 1024 * 1024;

/// Deepest JSON nesting read (SPEC 8): a deeper document is refused before deserialising, so
/// the recursive deserialiser cannot overflow the wasm stack under `panic = "abort"`.
pub const MAX_JSON_DEPTH: usize = 64;

/// A result older than this many days (before today) warns.
pub const OLD_RESULT_DAYS: i64 = 7;

/// The form field a candidate is for (CONTRACT `data-analyte`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Analyte {
    /// Latest total bilirubin (`tbil`, with `tbil-date`).
    Tbil,
    /// Earlier total bilirubin, at least one calendar day before the latest (`tbil-earlier`).
    TbilEarlier,
    /// INR.
    Inr,
    /// Prothrombin activity, %.
    Pta,
    /// Serum creatinine.
    Creatinine,
    /// Serum sodium.
    Sodium,
    /// Serum albumin.
    Albumin,
    /// White cell count (severity context).
    Wbc,
    /// Lactate (severity context).
    Lactate,
    /// Age in whole years, from a report header or a birth date.
    Age,
    /// Sex, from a report header or a FHIR Patient.
    Sex,
}

impl Analyte {
    /// The contract's `data-analyte` value.
    #[must_use]
    pub fn contract_name(&self) -> &'static str {
        match self {
            Analyte::Tbil => "tbil",
            Analyte::TbilEarlier => "tbil-earlier",
            Analyte::Inr => "inr",
            Analyte::Pta => "pta",
            Analyte::Creatinine => "creatinine",
            Analyte::Sodium => "sodium",
            Analyte::Albumin => "albumin",
            Analyte::Wbc => "wbc",
            Analyte::Lactate => "lactate",
            Analyte::Age => "age",
            Analyte::Sex => "sex",
        }
    }

    /// The unit the form's parser is called with for this field when the report names none
    /// of the selectable units (`None`: sex, not a number).
    fn fixed_field_unit(&self) -> Option<FieldUnit> {
        match self {
            Analyte::Inr => Some(FieldUnit::Ratio),
            Analyte::Pta => Some(FieldUnit::Percent),
            Analyte::Sodium | Analyte::Lactate => Some(FieldUnit::MmolPerL),
            // 10^9/L = 10^3/µL: the same number (LABS.md).
            Analyte::Wbc => Some(FieldUnit::GigaPerL),
            Analyte::Age => Some(FieldUnit::Years),
            Analyte::Tbil | Analyte::TbilEarlier | Analyte::Creatinine | Analyte::Albumin => None,
            Analyte::Sex => None,
        }
    }
}

/// A known analyte the widget never uses: listed as "also in the report", never a row.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum UnusedAnalyte {
    /// Direct (conjugated) bilirubin: not total bilirubin.
    DirectBilirubin,
    /// Indirect (unconjugated) bilirubin.
    IndirectBilirubin,
    /// Prothrombin time in seconds: neither INR nor PTA, and not convertible to them.
    ProthrombinSeconds,
    /// Prothrombin time ratio: not the INR.
    ProthrombinRatio,
    /// Urea / urea nitrogen.
    Urea,
}

/// A unit value of the form's unit selects (`tbil-unit`, `creatinine-unit`, `albumin-unit`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FormUnit {
    /// `umol/L` (bilirubin, creatinine).
    UmolPerL,
    /// `mg/dL` (bilirubin, creatinine).
    MgPerDl,
    /// `g/L` (albumin).
    GPerL,
    /// `g/dL` (albumin).
    GPerDl,
}

impl FormUnit {
    /// The select's option value.
    #[must_use]
    pub fn contract_name(&self) -> &'static str {
        match self {
            FormUnit::UmolPerL => "umol/L",
            FormUnit::MgPerDl => "mg/dL",
            FormUnit::GPerL => "g/L",
            FormUnit::GPerDl => "g/dL",
        }
    }

    fn field_unit(self) -> FieldUnit {
        match self {
            FormUnit::UmolPerL => FieldUnit::UmolPerL,
            FormUnit::MgPerDl => FieldUnit::MgPerDl,
            FormUnit::GPerL => FieldUnit::GPerL,
            FormUnit::GPerDl => FieldUnit::GPerDl,
        }
    }
}

/// A unit as a report or resource writes it, recognised from [`names::UNITS`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ReportUnit {
    /// µmol/L.
    UmolPerL,
    /// mg/dL.
    MgPerDl,
    /// mg/L (creatinine on some reports: never converted).
    MgPerL,
    /// g/L.
    GPerL,
    /// g/dL.
    GPerDl,
    /// mmol/L.
    MmolPerL,
    /// mEq/L (the same number as mmol/L for sodium).
    MeqPerL,
    /// %.
    Percent,
    /// The INR's "unit": {INR}, (INR), INR or 1.
    InrRatio,
    /// Seconds.
    Seconds,
    /// 10^9/L (WBC).
    PerNanoLitre,
    /// 10^3/µL (WBC, the same number as 10^9/L).
    ThousandPerMicroLitre,
}

/// The unit of a candidate, as the form will take it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CandidateUnit {
    /// One of the form's unit select values; "use" sets the select.
    Form(FormUnit),
    /// The field has one unit and the report's agrees with it (or names none where none is
    /// needed: INR, PTA, sodium).
    FieldsOwn,
    /// No unit written where the field needs one (bilirubin, creatinine, albumin).
    Missing,
    /// A unit the field does not take; carries the text as written.
    Refused(String),
}

/// Where a candidate's date comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateSource {
    /// The result's own date (FHIR effective[x], a host item's date, or a date on the row).
    Own,
    /// The report's collection date (采样/采集时间, "Collected").
    Collection,
    /// The report's test date (检验日期).
    Test,
    /// The report date (报告时间/日期, "Reported").
    ReportHeader,
    /// FHIR `issued`: the report time, not the sample's (warns).
    FhirIssued,
}

/// A date with its source and, when written, its time (minutes after midnight) for the
/// "later time wins on the same date" rule.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Dated {
    /// Calendar date as written (never converted between time zones).
    pub date: Date,
    /// Minutes after midnight, when the timestamp has a time.
    pub minutes: Option<u16>,
    /// Where the date comes from.
    pub source: DateSource,
}

/// How a name was matched.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MatchedBy {
    /// A LOINC code (FHIR coding with system http://loinc.org, or a host item's `loinc`).
    Loinc,
    /// An abbreviation (TBIL, Cr, INR).
    Abbreviation,
    /// A Chinese name (总胆红素).
    ChineseName,
    /// An English name (Total Bilirubin).
    EnglishName,
    /// A FHIR coding that is not LOINC (a local code whose display or code is a table name).
    LocalCode,
    /// FHIR `code.text` (no coding matched).
    CodeText,
    /// A header key (性别, Age, DOB; FHIR Patient; the host's `patient` object).
    PatientHeader,
}

/// Where a candidate came from, shown in the confirmation table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Origin {
    /// A report line: 1-based line number and its text (for age and sex only the matched
    /// fragment, never the header line, which holds the patient's name).
    Line {
        /// 1-based line number in the pasted text.
        number: usize,
        /// The line's text, or for age/sex the fragment ("性别: 男").
        text: String,
    },
    /// A FHIR resource: the code that matched and the resource's id.
    Fhir {
        /// The matched code (LOINC code, local code, or code.text).
        code: String,
        /// The resource's `id`, when it has one.
        id: Option<String>,
    },
    /// A host-pushed item, by its index in `items` (or the patient object).
    Pushed {
        /// 0-based index in `items`; `None` for the `patient` object.
        index: Option<usize>,
    },
}

/// Why a row cannot be used (CONTRACT `data-reason`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unusable {
    /// A censored result (`<44`, `> 800`, FHIR `comparator`, or a text `valueString`).
    Censored,
    /// A unit the field does not take, or none where one is needed (creatinine in mg/L).
    Unit,
    /// The date cannot be read without guessing (03/04/2026: MM/DD or DD/MM).
    AmbiguousDate,
    /// Two different results on the same date without times: type the one to use.
    SameDate,
    /// No date, while results of the same analyte with a date exist.
    Undated,
    /// Reports of different patients pasted together (names or record numbers differ), or
    /// patient data that disagree with each other (an age that is not the birth date's).
    OtherPatient,
    /// A status the result cannot be used with (FHIR: not final, amended, corrected or
    /// preliminary).
    Status,
    /// A unit that contradicts the code (LOINC 5894-1 not in %) or the unit of the other TBIL
    /// value (one unit serves every TBIL value).
    UnitMismatch,
    /// The form has no field for it yet (WBC, lactate until the severity inputs exist).
    NotAvailable,
}

impl Unusable {
    /// The contract's `data-reason` value.
    #[must_use]
    pub fn contract_name(&self) -> &'static str {
        match self {
            Unusable::Censored => "censored",
            Unusable::Unit => "unit",
            Unusable::AmbiguousDate => "ambiguous-date",
            Unusable::SameDate => "same-date",
            Unusable::Undated => "undated",
            Unusable::OtherPatient => "other-patient",
            Unusable::Status => "status",
            Unusable::UnitMismatch => "unit-mismatch",
            Unusable::NotAvailable => "not-available",
        }
    }
}

/// Why a usable row warns (it stays checked).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Warning {
    /// The result is more than 7 days older than today.
    OlderThan7Days,
    /// FHIR status `preliminary`.
    Preliminary,
    /// Matched by FHIR `code.text` or a local code, not by LOINC.
    NotLoinc,
    /// Outside the usual range of SPEC section 5 (please check).
    OutsideUsualRange,
    /// No date found: on use the TBIL date field is emptied.
    NoDate,
    /// The date is FHIR `issued` (the report's time, not the sample's).
    IssuedDate,
    /// 凝血酶原活动度(AT): may be antithrombin activity on some templates.
    AmbiguousName,
}

impl Warning {
    /// An ASCII name for the warning (tests, `data-warning`).
    #[must_use]
    pub fn contract_name(&self) -> &'static str {
        match self {
            Warning::OlderThan7Days => "older-than-7-days",
            Warning::Preliminary => "preliminary",
            Warning::NotLoinc => "not-loinc",
            Warning::OutsideUsualRange => "outside-usual-range",
            Warning::NoDate => "no-date",
            Warning::IssuedDate => "issued-date",
            Warning::AmbiguousName => "ambiguous-name",
        }
    }
}

/// Whether a row can be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Status {
    /// Checked by default.
    Usable,
    /// Checked by default, shown with its warnings (at least one).
    Warning(Vec<Warning>),
    /// Not checkable, with its reason.
    Unusable(Unusable),
}

impl Status {
    /// The contract's `data-status` value.
    #[must_use]
    pub fn contract_name(&self) -> &'static str {
        match self {
            Status::Usable => "usable",
            Status::Warning(_) => "warning",
            Status::Unusable(_) => "unusable",
        }
    }

    /// Usable or usable with a warning.
    #[must_use]
    pub fn is_usable(&self) -> bool {
        !matches!(self, Status::Unusable(_))
    }
}

/// One row of the confirmation table: a candidate value for one form field.
#[derive(Clone, Debug, PartialEq)]
pub struct Candidate {
    /// The field.
    pub analyte: Analyte,
    /// The text the field receives ("198.6", "male", "47"); for usable rows it always parses
    /// with the form's own parser in the field's unit.
    pub value: String,
    /// The value as written in the source ("198.6↑", "３１２．５").
    pub written: String,
    /// The unit.
    pub unit: CandidateUnit,
    /// The date, when one was found.
    pub date: Option<Dated>,
    /// Where it came from.
    pub origin: Origin,
    /// How the name was matched.
    pub matched: MatchedBy,
    /// Usable, warning or unusable.
    pub status: Status,
}

impl Candidate {
    /// The unit the form's parser reads this value in (`None` for sex, which is a select).
    #[must_use]
    pub fn parser_unit(&self) -> Option<FieldUnit> {
        parser_unit(self.analyte, &self.unit)
    }
}

/// An older result beyond the latest (and the earlier TBIL): goes to the serial labs.
#[derive(Clone, Debug, PartialEq)]
pub struct SeriesEntry {
    /// The analyte (never `TbilEarlier`, `Age` or `Sex`).
    pub analyte: Analyte,
    /// The result's date.
    pub date: Date,
    /// Minutes after midnight, when the timestamp has a time (a later time on the same date
    /// wins, SPEC 8).
    pub minutes: Option<u16>,
    /// The value text.
    pub value: String,
    /// Its unit.
    pub unit: CandidateUnit,
}

/// A message about the input as a whole (CONTRACT `import-message` `data-reason`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Message {
    /// More than 4 MB: not read.
    TooLarge,
    /// Looked like JSON (`{` or `[`) but did not parse: read as a report instead.
    NotJson,
    /// JSON nested deeper than 64 levels: not read.
    TooDeep,
    /// Nothing but spaces.
    Empty,
    /// The file was not UTF-8 and was decoded as GB18030 (the browser decodes; the UI adds it).
    DecodedGb18030,
}

impl Message {
    /// The contract's `data-reason` value.
    #[must_use]
    pub fn contract_name(&self) -> &'static str {
        match self {
            Message::TooLarge => "too-large",
            Message::NotJson => "not-json",
            Message::TooDeep => "too-deep",
            Message::Empty => "empty",
            Message::DecodedGb18030 => "decoded-gb18030",
        }
    }
}

/// What one input gave: the rows, the series, the other known analytes, the count of lines
/// (or resources, or items) not read, and messages.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Reading {
    /// One row per candidate, in [`Analyte`] order.
    pub candidates: Vec<Candidate>,
    /// Older results (serial labs), sorted by analyte then date.
    pub series: Vec<SeriesEntry>,
    /// Known analytes never used ("also in the report"), each once, in table order.
    pub also_in_report: Vec<UnusedAnalyte>,
    /// Lines (text), resources (FHIR) or items (host push) not read.
    pub unread: usize,
    /// Messages about the input.
    pub messages: Vec<Message>,
}

impl Reading {
    /// A reading holding only a message.
    #[must_use]
    pub fn message(message: Message) -> Reading {
        Reading {
            messages: vec![message],
            ..Reading::default()
        }
    }

    /// Whether no row is usable (CONTRACT `import-none`).
    #[must_use]
    pub fn none_usable(&self) -> bool {
        !self.candidates.iter().any(|c| c.status.is_usable())
    }
}

/// A result as found, before the choice among several results of one analyte.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Found {
    /// The measured analyte (never `TbilEarlier`, `Age` or `Sex`).
    pub analyte: Analyte,
    pub value: String,
    pub written: String,
    pub unit: CandidateUnit,
    pub date: Option<Dated>,
    pub origin: Origin,
    pub matched: MatchedBy,
    /// A reason found while reading (censored, unit, status, ambiguous date...).
    pub unusable: Option<Unusable>,
    /// Warnings found while reading (preliminary, not LOINC, issued date, ambiguous name).
    pub warnings: Vec<Warning>,
}

/// The unit of a result for `analyte`, from the unit written (if recognised) and its text.
pub(crate) fn candidate_unit(
    analyte: Analyte,
    unit: Option<ReportUnit>,
    written: &str,
) -> CandidateUnit {
    use ReportUnit as R;
    let refused = || CandidateUnit::Refused(written.to_string());
    match analyte {
        Analyte::Tbil | Analyte::TbilEarlier | Analyte::Creatinine => match unit {
            Some(R::UmolPerL) => CandidateUnit::Form(FormUnit::UmolPerL),
            Some(R::MgPerDl) => CandidateUnit::Form(FormUnit::MgPerDl),
            None if written.trim().is_empty() => CandidateUnit::Missing,
            _ => refused(),
        },
        Analyte::Albumin => match unit {
            Some(R::GPerL) => CandidateUnit::Form(FormUnit::GPerL),
            Some(R::GPerDl) => CandidateUnit::Form(FormUnit::GPerDl),
            None if written.trim().is_empty() => CandidateUnit::Missing,
            _ => refused(),
        },
        Analyte::Sodium => match unit {
            Some(R::MmolPerL | R::MeqPerL) => CandidateUnit::FieldsOwn,
            None if written.trim().is_empty() => CandidateUnit::FieldsOwn,
            _ => refused(),
        },
        Analyte::Lactate => match unit {
            Some(R::MmolPerL) => CandidateUnit::FieldsOwn,
            None if written.trim().is_empty() => CandidateUnit::FieldsOwn,
            _ => refused(),
        },
        Analyte::Pta => match unit {
            Some(R::Percent) => CandidateUnit::FieldsOwn,
            None if written.trim().is_empty() => CandidateUnit::FieldsOwn,
            _ => refused(),
        },
        Analyte::Inr => match unit {
            Some(R::InrRatio) => CandidateUnit::FieldsOwn,
            None if written.trim().is_empty() => CandidateUnit::FieldsOwn,
            _ => refused(),
        },
        Analyte::Wbc => match unit {
            Some(R::PerNanoLitre | R::ThousandPerMicroLitre) => CandidateUnit::FieldsOwn,
            None if written.trim().is_empty() => CandidateUnit::FieldsOwn,
            _ => refused(),
        },
        Analyte::Age | Analyte::Sex => CandidateUnit::FieldsOwn,
    }
}

/// The parser unit for a value of `analyte` in `unit` (`None`: not a number field).
pub(crate) fn parser_unit(analyte: Analyte, unit: &CandidateUnit) -> Option<FieldUnit> {
    match unit {
        CandidateUnit::Form(f) => Some(f.field_unit()),
        _ => analyte.fixed_field_unit().or(match analyte {
            Analyte::Albumin => Some(FieldUnit::GPerL),
            Analyte::Sex => None,
            _ => Some(FieldUnit::UmolPerL),
        }),
    }
}

/// The value in SI for the plausibility check, when the field has limits.
fn si_value(analyte: Analyte, unit: &CandidateUnit, x: f64) -> Option<(Quantity, f64)> {
    let form = match unit {
        CandidateUnit::Form(f) => Some(*f),
        _ => None,
    };
    Some(match (analyte, form) {
        (Analyte::Tbil | Analyte::TbilEarlier, Some(FormUnit::MgPerDl)) => {
            (Quantity::Bilirubin, x * BILIRUBIN_UMOL_PER_MG_DL)
        }
        (Analyte::Tbil | Analyte::TbilEarlier, Some(_)) => (Quantity::Bilirubin, x),
        (Analyte::Creatinine, Some(FormUnit::MgPerDl)) => {
            (Quantity::Creatinine, x * CREATININE_UMOL_PER_MG_DL)
        }
        (Analyte::Creatinine, Some(_)) => (Quantity::Creatinine, x),
        (Analyte::Albumin, Some(FormUnit::GPerDl)) => (Quantity::Albumin, x * ALBUMIN_G_L_PER_G_DL),
        (Analyte::Albumin, Some(_)) => (Quantity::Albumin, x),
        (Analyte::Inr, _) => (Quantity::Inr, x),
        (Analyte::Pta, _) => (Quantity::Pta, x),
        (Analyte::Sodium, _) => (Quantity::Sodium, x),
        (Analyte::Age, _) => {
            // Below 18 is decided by criterion I2, not flagged (SPEC 5): only above 100 warns.
            return (x > 100.0).then_some((Quantity::Age, 1000.0));
        }
        _ => return None,
    })
}

/// A number text as the form's parser reads it for `analyte` in `unit`.
pub(crate) fn parses(analyte: Analyte, unit: &CandidateUnit, text: &str) -> Option<f64> {
    let field = parser_unit(analyte, unit)?;
    match parse_number(text, field) {
        Ok(Parsed::Number(x)) => Some(x),
        _ => None,
    }
}

/// Final status of a chosen result as `analyte` (which may be `TbilEarlier`).
fn status_of(f: &Found, analyte: Analyte, extra: Option<Unusable>, today: Date) -> Status {
    if let Some(reason) = f.unusable.or(extra) {
        return Status::Unusable(reason);
    }
    if matches!(analyte, Analyte::Wbc | Analyte::Lactate) && !SEVERITY_INPUTS_AVAILABLE {
        return Status::Unusable(Unusable::NotAvailable);
    }
    if !matches!(f.unit, CandidateUnit::Form(_) | CandidateUnit::FieldsOwn) {
        return Status::Unusable(Unusable::Unit);
    }
    let number = if analyte == Analyte::Sex {
        None
    } else {
        match parses(analyte, &f.unit, &f.value) {
            Some(x) => Some(x),
            // The reader only builds candidates from numbers; anything else is censored text.
            None => return Status::Unusable(Unusable::Censored),
        }
    };
    let mut warnings = f.warnings.clone();
    match f.date {
        Some(d) if today.days_since(d.date) > OLD_RESULT_DAYS => {
            warnings.push(Warning::OlderThan7Days);
        }
        None if !matches!(analyte, Analyte::Age | Analyte::Sex) => warnings.push(Warning::NoDate),
        _ => {}
    }
    if let Some((q, si)) = number.and_then(|x| si_value(analyte, &f.unit, x)) {
        if classify(si, default_limits(q)) != Plausibility::Usual {
            warnings.push(Warning::OutsideUsualRange);
        }
    }
    if warnings.is_empty() {
        Status::Usable
    } else {
        Status::Warning(warnings)
    }
}

fn candidate(f: &Found, analyte: Analyte, extra: Option<Unusable>, today: Date) -> Candidate {
    Candidate {
        analyte,
        value: f.value.clone(),
        written: f.written.clone(),
        unit: f.unit.clone(),
        date: f.date,
        origin: f.origin.clone(),
        matched: f.matched,
        status: status_of(f, analyte, extra, today),
    }
}

/// Results that are the same reading (same value and unit) count once.
fn same_result(a: &Found, b: &Found) -> bool {
    a.value == b.value && a.unit == b.unit
}

/// The results of one date: the later time wins; without times, two different values are both
/// unusable (`same-date`). Returns (chosen rows with an extra reason, left over for the series).
fn choose_on_date(group: &[&Found]) -> (Vec<(usize, Option<Unusable>)>, Vec<usize>) {
    let latest_minutes = group
        .iter()
        .filter_map(|f| f.date.and_then(|d| d.minutes))
        .max();
    let mut idx: Vec<usize> = (0..group.len()).collect();
    let mut rest = Vec::new();
    if let Some(m) = latest_minutes {
        let timed: Vec<usize> = idx
            .iter()
            .copied()
            .filter(|&i| group[i].date.and_then(|d| d.minutes) == Some(m))
            .collect();
        // Untimed results on a date that also has timed ones cannot be ordered: keep them
        // beside the latest timed one (they tie).
        let untimed: Vec<usize> = idx
            .iter()
            .copied()
            .filter(|&i| group[i].date.and_then(|d| d.minutes).is_none())
            .collect();
        rest = idx
            .iter()
            .copied()
            .filter(|i| !timed.contains(i) && !untimed.contains(i))
            .collect();
        idx = timed.into_iter().chain(untimed).collect();
    }
    let mut distinct: Vec<usize> = Vec::new();
    for i in idx {
        if !distinct.iter().any(|&j| same_result(group[i], group[j])) {
            distinct.push(i);
        }
    }
    if distinct.len() == 1 {
        (vec![(distinct[0], None)], rest)
    } else {
        (
            distinct
                .into_iter()
                .map(|i| (i, Some(Unusable::SameDate)))
                .collect(),
            rest,
        )
    }
}

/// Chooses among several results per analyte (SPEC 8): latest date wins, earlier TBIL is the
/// most recent result at least one calendar day before, the rest go to the series; undated
/// results beside dated ones are unusable. `other_patient` makes every row unusable.
pub(crate) fn resolve(found: Vec<Found>, other_patient: bool, today: Date) -> Reading {
    let mut reading = Reading::default();
    let extra_all = other_patient.then_some(Unusable::OtherPatient);
    let mut analytes: Vec<Analyte> = found.iter().map(|f| f.analyte).collect();
    crate::sorting::sort_dedup(&mut analytes);
    for analyte in analytes {
        let all: Vec<&Found> = found.iter().filter(|f| f.analyte == analyte).collect();
        // Age and sex: one value each; differing values from several headers keep the first
        // with the latest date.
        if matches!(analyte, Analyte::Age | Analyte::Sex) {
            let mut sorted = all.clone();
            crate::sorting::sort_by_key(&mut sorted, |f| std::cmp::Reverse(f.date.map(|d| d.date)));
            let mut shown: Vec<&Found> = Vec::new();
            for f in sorted {
                if f.unusable.is_some() || !shown.iter().any(|s| same_result(s, f)) {
                    shown.push(f);
                }
            }
            let keep = if shown.iter().any(|f| f.unusable.is_some()) {
                shown
            } else {
                shown.into_iter().take(1).collect()
            };
            for f in keep {
                reading
                    .candidates
                    .push(candidate(f, analyte, extra_all, today));
            }
            continue;
        }
        // A result whose date could not be read without guessing is its own unusable row.
        let (ambiguous, rest): (Vec<&Found>, Vec<&Found>) = all
            .into_iter()
            .partition(|f| f.unusable == Some(Unusable::AmbiguousDate));
        for f in &ambiguous {
            reading
                .candidates
                .push(candidate(f, analyte, extra_all, today));
        }
        let (dated, undated): (Vec<&Found>, Vec<&Found>) =
            rest.into_iter().partition(|f| f.date.is_some());
        if dated.is_empty() {
            if undated.is_empty() {
                continue;
            }
            let (chosen, _) = choose_on_date(&undated);
            let several = chosen.len() > 1;
            for (i, _) in chosen {
                let reason = extra_all.or(several.then_some(Unusable::Undated));
                reading
                    .candidates
                    .push(candidate(undated[i], analyte, reason, today));
            }
            continue;
        }
        for f in &undated {
            let reason = extra_all.or(Some(Unusable::Undated));
            reading
                .candidates
                .push(candidate(f, analyte, reason, today));
        }
        let mut dates: Vec<Date> = dated
            .iter()
            .filter_map(|f| f.date.map(|d| d.date))
            .collect();
        crate::sorting::sort_dedup(&mut dates);
        let on = |day: Date| -> Vec<&Found> {
            dated
                .iter()
                .copied()
                .filter(|f| f.date.map(|d| d.date) == Some(day))
                .collect()
        };
        let latest = dates[dates.len() - 1];
        let mut series_from: Vec<&Found> = Vec::new();
        let group = on(latest);
        let (chosen, left) = choose_on_date(&group);
        let latest_unit = (chosen.len() == 1).then(|| group[chosen[0].0].unit.clone());
        for (i, reason) in chosen {
            reading
                .candidates
                .push(candidate(group[i], analyte, extra_all.or(reason), today));
        }
        series_from.extend(left.into_iter().map(|i| group[i]));
        let mut older: &[Date] = &dates[..dates.len() - 1];
        if analyte == Analyte::Tbil {
            if let Some((&earlier, before)) = older.split_last() {
                let group = on(earlier);
                let (chosen, left) = choose_on_date(&group);
                for (i, reason) in chosen {
                    let f = group[i];
                    let mismatch = match &latest_unit {
                        Some(u @ CandidateUnit::Form(_)) if f.unit != *u => {
                            Some(Unusable::UnitMismatch)
                        }
                        _ => None,
                    };
                    let reason = extra_all.or(reason).or(mismatch);
                    reading
                        .candidates
                        .push(candidate(f, Analyte::TbilEarlier, reason, today));
                }
                series_from.extend(left.into_iter().map(|i| group[i]));
                older = before;
            }
        }
        for &day in older {
            series_from.extend(on(day));
        }
        // A censored or otherwise unusable older result cannot be a point of the trend; the
        // same result twice on one date (a report pasted twice, a cumulative report) counts
        // once, as for the latest.
        let mut kept: Vec<&Found> = Vec::new();
        for f in series_from.into_iter().filter(|f| f.unusable.is_none()) {
            let day = f.date.map(|d| d.date);
            if !kept
                .iter()
                .any(|k| k.date.map(|d| d.date) == day && same_result(k, f))
            {
                kept.push(f);
            }
        }
        for f in kept {
            if let Some(d) = f.date {
                reading.series.push(SeriesEntry {
                    analyte,
                    date: d.date,
                    minutes: d.minutes,
                    value: f.value.clone(),
                    unit: f.unit.clone(),
                });
            }
        }
    }
    crate::sorting::sort_by_key(&mut reading.series, |s| (s.analyte, s.date));
    reading
}

/// What an input is, before it is read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InputKind {
    /// Nothing but spaces.
    Empty,
    /// More than [`MAX_INPUT_BYTES`].
    TooLarge,
    /// Starts with `{` or `[` and is nested at most [`MAX_JSON_DEPTH`] deep: try JSON, and
    /// read it as a report if it does not parse.
    Json,
    /// Starts with `{` or `[` but nested too deep: refused.
    TooDeep,
    /// A report.
    Text,
}

/// Classifies an input by its size, first non-space character and JSON depth, without parsing.
#[must_use]
pub fn classify_input(text: &str) -> InputKind {
    if text.len() > MAX_INPUT_BYTES {
        return InputKind::TooLarge;
    }
    let body = text.trim_start_matches('\u{feff}').trim_start();
    if body.trim_end().is_empty() {
        return InputKind::Empty;
    }
    if body.starts_with(['{', '[']) {
        if json_depth(body) > MAX_JSON_DEPTH {
            InputKind::TooDeep
        } else {
            InputKind::Json
        }
    } else {
        InputKind::Text
    }
}

/// The deepest nesting of `{`/`[` in a JSON text, skipping strings and their escapes. Stops
/// counting once past [`MAX_JSON_DEPTH`] (the result is then `MAX_JSON_DEPTH + 1`).
#[must_use]
pub fn json_depth(text: &str) -> usize {
    let mut depth = 0usize;
    let mut deepest = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    for b in text.bytes() {
        if in_string {
            if escaped {
                escaped = false;
            } else if b == b'\\' {
                escaped = true;
            } else if b == b'"' {
                in_string = false;
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'{' | b'[' => {
                depth += 1;
                if depth > deepest {
                    deepest = depth;
                    if deepest > MAX_JSON_DEPTH {
                        return deepest;
                    }
                }
            }
            b'}' | b']' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    deepest
}

/// Reads one input from the import box: refuses it whole (too large, too deep, empty), or reads
/// it as FHIR when it is a FHIR JSON text ([`json`], [`fhir`]), else as a report (with `not-json`
/// when it looked like JSON).
#[must_use]
pub fn read_input(text: &str, today: Date) -> Reading {
    match classify_input(text) {
        InputKind::Empty => Reading::message(Message::Empty),
        InputKind::TooLarge => Reading::message(Message::TooLarge),
        InputKind::TooDeep => Reading::message(Message::TooDeep),
        InputKind::Text => text::read_text(text, today),
        InputKind::Json => match fhir::FhirDocument::parse(text.trim_start_matches('\u{feff}')) {
            Ok(doc) => fhir::read_fhir(&doc, today),
            Err(_) => {
                let mut r = text::read_text(text, today);
                r.messages.push(Message::NotJson);
                r
            }
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn depth_counts_brackets_outside_strings_only() {
        assert_eq!(json_depth(r#"{"a":[1,{"b":"[[[{{"}]}"#), 3);
        assert_eq!(json_depth(r#"["\"[[[", []]"#), 2);
        assert_eq!(json_depth("[]"), 1);
    }

    #[test]
    fn deep_json_is_refused_without_recursion() {
        let deep = "[".repeat(100_000);
        assert_eq!(classify_input(&deep), InputKind::TooDeep);
        let ok = format!("{}{}", "[".repeat(64), "]".repeat(64));
        assert_eq!(classify_input(&ok), InputKind::Json);
        let over = format!("{}{}", "[".repeat(65), "]".repeat(65));
        assert_eq!(classify_input(&over), InputKind::TooDeep);
    }

    #[test]
    fn input_kinds() {
        assert_eq!(classify_input("  \n "), InputKind::Empty);
        assert_eq!(classify_input("\u{feff} {}"), InputKind::Json);
        assert_eq!(classify_input("TBIL 20"), InputKind::Text);
        assert_eq!(
            classify_input(&"a".repeat(MAX_INPUT_BYTES + 1)),
            InputKind::TooLarge
        );
    }

    #[test]
    fn analyte_names_are_the_contracts() {
        let all = [
            Analyte::Tbil,
            Analyte::TbilEarlier,
            Analyte::Inr,
            Analyte::Pta,
            Analyte::Creatinine,
            Analyte::Sodium,
            Analyte::Albumin,
            Analyte::Wbc,
            Analyte::Lactate,
            Analyte::Age,
            Analyte::Sex,
        ];
        let names: Vec<_> = all.iter().map(Analyte::contract_name).collect();
        assert_eq!(
            names,
            [
                "tbil",
                "tbil-earlier",
                "inr",
                "pta",
                "creatinine",
                "sodium",
                "albumin",
                "wbc",
                "lactate",
                "age",
                "sex"
            ]
        );
        let units = [
            FormUnit::UmolPerL,
            FormUnit::MgPerDl,
            FormUnit::GPerL,
            FormUnit::GPerDl,
        ];
        let names: Vec<_> = units.iter().map(FormUnit::contract_name).collect();
        assert_eq!(names, ["umol/L", "mg/dL", "g/L", "g/dL"]);
    }

    #[test]
    fn contract_names_are_the_contracts() {
        let reasons = [
            Unusable::Censored,
            Unusable::Unit,
            Unusable::AmbiguousDate,
            Unusable::SameDate,
            Unusable::Undated,
            Unusable::OtherPatient,
            Unusable::Status,
            Unusable::UnitMismatch,
            Unusable::NotAvailable,
        ];
        let names: Vec<_> = reasons.iter().map(Unusable::contract_name).collect();
        assert_eq!(
            names,
            [
                "censored",
                "unit",
                "ambiguous-date",
                "same-date",
                "undated",
                "other-patient",
                "status",
                "unit-mismatch",
                "not-available"
            ]
        );
        let messages = [
            Message::TooLarge,
            Message::NotJson,
            Message::TooDeep,
            Message::Empty,
            Message::DecodedGb18030,
        ];
        let names: Vec<_> = messages.iter().map(Message::contract_name).collect();
        assert_eq!(
            names,
            [
                "too-large",
                "not-json",
                "too-deep",
                "empty",
                "decoded-gb18030"
            ]
        );
    }
}
