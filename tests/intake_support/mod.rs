//! Helpers shared by the intake tests: today's date and a one-line-per-fact description of a
//! reading, so that a fixture's expectation names every candidate.
#![allow(dead_code)]

use aclf_screen::clinical::date::Date;
use aclf_screen::intake::{CandidateUnit, Origin, Reading, Status};

/// The tests' "today".
pub fn today() -> Date {
    Date::from_ymd(2026, 12, 1).expect("date")
}

fn unit(u: &CandidateUnit) -> String {
    match u {
        CandidateUnit::Form(f) => f.contract_name().to_string(),
        CandidateUnit::FieldsOwn => "own".to_string(),
        CandidateUnit::Missing => "missing".to_string(),
        CandidateUnit::Refused(s) => format!("refused({s})"),
    }
}

fn status(s: &Status) -> String {
    match s {
        Status::Usable => "usable".to_string(),
        Status::Warning(w) => format!(
            "warning({})",
            w.iter()
                .map(|w| w.contract_name())
                .collect::<Vec<_>>()
                .join(",")
        ),
        Status::Unusable(r) => format!("unusable({})", r.contract_name()),
    }
}

/// One line per candidate, series entry, "also" list, unread count and message.
pub fn describe(r: &Reading) -> String {
    let mut out = String::new();
    for c in &r.candidates {
        let date = c.date.map_or("-".to_string(), |d| {
            format!("{}/{:?}", d.date.iso(), d.source)
        });
        let origin = match &c.origin {
            Origin::Line { number, text } => format!("line {number}: {text}"),
            Origin::Fhir { code, id } => format!("fhir {code} {}", id.as_deref().unwrap_or("-")),
            Origin::Pushed { index } => format!("item {index:?}"),
        };
        out += &format!(
            "{} {} [{}] {} {} {} {:?} <{}>\n",
            c.analyte.contract_name(),
            c.value,
            c.written,
            unit(&c.unit),
            date,
            status(&c.status),
            c.matched,
            origin
        );
    }
    for s in &r.series {
        out += &format!(
            "series {} {} {} {}\n",
            s.analyte.contract_name(),
            s.date.iso(),
            s.value,
            unit(&s.unit)
        );
    }
    if !r.also_in_report.is_empty() {
        out += &format!("also {:?}\n", r.also_in_report);
    }
    out += &format!("unread {}\n", r.unread);
    for m in &r.messages {
        out += &format!("message {}\n", m.contract_name());
    }
    out
}
