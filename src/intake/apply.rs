//! Using confirmed candidates (SPEC 8): the confirmation table's rules that depend on the form
//! as it stands (one unit serves every TBIL value; the earlier TBIL only with the imported
//! latest one; never two rows for one field), and "Use checked values": each value's text,
//! unit and date written into its form field, where the form's own parsing and plausibility
//! apply as if it had been typed. Pure, so it is tested natively; the shell only calls it.

use super::{Analyte, Candidate, CandidateUnit, FormUnit, Status, Unusable};
use crate::clinical::date::Date;
use crate::clinical::form::FormInput;
use crate::clinical::patient::{InputId, Sex};
use crate::clinical::units::{AlbuminUnit, MolarUnit};

/// What "Use checked values" did to the form.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Applied {
    /// The form with the imported values in place.
    pub form: FormInput,
    /// The fields now filled by import ("from import" until edited), form order.
    pub from_import: Vec<InputId>,
    /// The imported dates of labs that have no date field of their own (shown read-only beside
    /// the field, "dated 2026-11-30, from import", and printed).
    pub dates: Vec<(InputId, Date)>,
}

/// The form field a candidate fills.
#[must_use]
pub fn field(a: Analyte) -> InputId {
    match a {
        Analyte::Tbil => InputId::Tbil,
        Analyte::TbilEarlier => InputId::TbilEarlier,
        Analyte::Inr => InputId::Inr,
        Analyte::Pta => InputId::Pta,
        Analyte::Creatinine => InputId::Creatinine,
        Analyte::Sodium => InputId::Sodium,
        Analyte::Albumin => InputId::Albumin,
        Analyte::Wbc => InputId::Wbc,
        Analyte::Lactate => InputId::Lactate,
        Analyte::Age => InputId::Age,
        Analyte::Sex => InputId::Sex,
    }
}

/// Whether a row can be checked.
#[must_use]
pub fn checkable(c: &Candidate) -> bool {
    !matches!(c.status, Status::Unusable(_))
}

/// Applies the rules that depend on the form to the reader's candidates: a TBIL value in
/// another unit than TBIL values already in the form that the import does not replace is
/// unusable (`unit-mismatch`: one unit serves every TBIL value).
pub fn check_against_form(form: &FormInput, candidates: &mut [Candidate]) {
    let bilirubin_unit = |c: &Candidate| match c.unit {
        CandidateUnit::Form(FormUnit::UmolPerL) => Some(MolarUnit::UmolPerL),
        CandidateUnit::Form(FormUnit::MgPerDl) => Some(MolarUnit::MgPerDl),
        _ => None,
    };
    let imports = |a: Analyte, cs: &[Candidate]| cs.iter().any(|c| c.analyte == a && checkable(c));
    let replaced_latest = imports(Analyte::Tbil, candidates);
    let replaced_earlier = imports(Analyte::TbilEarlier, candidates);
    let kept_typed = (!replaced_latest && !form.tbil.trim().is_empty())
        || (!replaced_earlier && !form.tbil_earlier.trim().is_empty())
        || form.series.iter().any(|r| !r.tbil.trim().is_empty());
    for c in candidates.iter_mut() {
        if !matches!(c.analyte, Analyte::Tbil | Analyte::TbilEarlier) || !checkable(c) {
            continue;
        }
        if kept_typed && bilirubin_unit(c).is_some_and(|u| u != form.tbil_unit) {
            c.status = Status::Unusable(Unusable::UnitMismatch);
        }
    }
}

/// The default check of each row: usable and warning rows are checked, at most one row per
/// field (the first), and the earlier TBIL only together with an imported latest TBIL.
#[must_use]
pub fn default_checks(candidates: &[Candidate]) -> Vec<bool> {
    let mut seen: Vec<Analyte> = Vec::new();
    let mut checks: Vec<bool> = candidates
        .iter()
        .map(|c| {
            let ok = checkable(c) && !seen.contains(&c.analyte);
            if ok {
                seen.push(c.analyte);
            }
            ok
        })
        .collect();
    enforce_earlier_with_latest(candidates, &mut checks);
    checks
}

/// Unchecks the earlier TBIL when no latest TBIL is checked (SPEC 8: "the earlier TBIL is
/// usable only together with the imported latest TBIL"), and keeps one checked row per field.
pub fn enforce_earlier_with_latest(candidates: &[Candidate], checks: &mut [bool]) {
    let latest = candidates
        .iter()
        .zip(checks.iter())
        .any(|(c, on)| *on && c.analyte == Analyte::Tbil);
    for (c, on) in candidates.iter().zip(checks.iter_mut()) {
        if c.analyte == Analyte::TbilEarlier && !latest {
            *on = false;
        }
    }
}

/// Toggles row `i`: checking it unchecks any other row for the same field; rows that cannot be
/// used stay unchecked.
pub fn toggle(candidates: &[Candidate], checks: &mut [bool], i: usize, on: bool) {
    let Some(c) = candidates.get(i) else {
        return;
    };
    if on && !checkable(c) {
        return;
    }
    if on {
        for (j, other) in candidates.iter().enumerate() {
            if j != i && other.analyte == c.analyte {
                checks[j] = false;
            }
        }
    }
    checks[i] = on;
    enforce_earlier_with_latest(candidates, checks);
}

fn date_text(c: &Candidate) -> String {
    c.date.map(|d| d.date.iso()).unwrap_or_default()
}

/// "Use checked values": writes each checked candidate's text, unit and date into the form.
/// A latest TBIL without a date empties the TBIL date (an old date is never kept for a new
/// value); nothing unchecked or unusable is written.
#[must_use]
pub fn apply(form: &FormInput, candidates: &[Candidate], checks: &[bool]) -> Applied {
    let mut f = form.clone();
    let mut from_import = Vec::new();
    let mut dates = Vec::new();
    for (c, on) in candidates.iter().zip(checks) {
        if !*on || !checkable(c) {
            continue;
        }
        let molar = match c.unit {
            CandidateUnit::Form(FormUnit::MgPerDl) => Some(MolarUnit::MgPerDl),
            CandidateUnit::Form(FormUnit::UmolPerL) => Some(MolarUnit::UmolPerL),
            _ => None,
        };
        let value = c.value.clone();
        match c.analyte {
            Analyte::Tbil => {
                f.tbil = value;
                if let Some(u) = molar {
                    f.tbil_unit = u;
                }
                f.tbil_date = date_text(c);
            }
            Analyte::TbilEarlier => {
                f.tbil_earlier = value;
                f.tbil_earlier_date = date_text(c);
            }
            Analyte::Inr => f.inr = value,
            Analyte::Pta => f.pta = value,
            Analyte::Creatinine => {
                f.creatinine = value;
                if let Some(u) = molar {
                    f.creatinine_unit = u;
                }
            }
            Analyte::Sodium => f.sodium = value,
            Analyte::Albumin => {
                f.albumin = value;
                match c.unit {
                    CandidateUnit::Form(FormUnit::GPerL) => f.albumin_unit = AlbuminUnit::GPerL,
                    CandidateUnit::Form(FormUnit::GPerDl) => f.albumin_unit = AlbuminUnit::GPerDl,
                    _ => {}
                }
            }
            Analyte::Wbc => f.wbc = value,
            Analyte::Lactate => f.lactate = value,
            Analyte::Age => f.age = value,
            Analyte::Sex => {
                f.sex = match value.as_str() {
                    "male" => Some(Sex::Male),
                    "female" => Some(Sex::Female),
                    _ => f.sex,
                }
            }
        }
        let id = field(c.analyte);
        from_import.push(id);
        if let (Some(d), false) = (
            c.date,
            matches!(
                c.analyte,
                Analyte::Tbil | Analyte::TbilEarlier | Analyte::Age | Analyte::Sex
            ),
        ) {
            dates.push((id, d.date));
        }
    }
    from_import.sort();
    Applied {
        form: f,
        from_import,
        dates,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::intake::text::read_text;

    fn today() -> Date {
        Date::from_ymd(2026, 11, 30).unwrap()
    }

    const REPORT: &str = "采样时间：2026-11-30 06:10\n\
        总胆红素\t342.0\tμmol/L\n\
        国际标准化比值\t2.00\n\
        肌酐\t88.4\tμmol/L\n\
        钠\t132\tmmol/L\n\
        白蛋白\t30.0\tg/L\n";

    #[test]
    fn use_writes_text_units_and_dates_and_marks_the_fields() {
        let r = read_text(REPORT, today());
        let checks = default_checks(&r.candidates);
        let a = apply(&FormInput::default(), &r.candidates, &checks);
        assert_eq!(a.form.tbil, "342.0");
        assert_eq!(a.form.tbil_unit, MolarUnit::UmolPerL);
        assert_eq!(a.form.tbil_date, "2026-11-30");
        assert_eq!(a.form.inr, "2.00");
        assert_eq!(a.form.creatinine, "88.4");
        assert_eq!(a.form.albumin_unit, AlbuminUnit::GPerL);
        assert_eq!(
            a.from_import,
            [
                InputId::Tbil,
                InputId::Inr,
                InputId::Creatinine,
                InputId::Sodium,
                InputId::Albumin
            ]
        );
        assert!(a.dates.contains(&(InputId::Inr, today())));
    }

    #[test]
    fn a_latest_tbil_without_a_date_empties_the_old_date() {
        let r = read_text("总胆红素 342.0 μmol/L\n", today());
        let checks = default_checks(&r.candidates);
        let before = FormInput {
            tbil_date: "2026-11-01".into(),
            ..FormInput::default()
        };
        assert_eq!(apply(&before, &r.candidates, &checks).form.tbil_date, "");
    }

    #[test]
    fn a_tbil_in_another_unit_than_kept_tbil_values_is_unusable() {
        let mut r = read_text("采样时间：2026-11-30\nTBIL 12.4 mg/dL\n", today());
        let form = FormInput {
            tbil_earlier: "100".into(),
            ..FormInput::default()
        };
        check_against_form(&form, &mut r.candidates);
        assert_eq!(
            r.candidates[0].status,
            Status::Unusable(Unusable::UnitMismatch)
        );
        // With no other TBIL typed the import sets the unit.
        let mut r = read_text("采样时间：2026-11-30\nTBIL 12.4 mg/dL\n", today());
        check_against_form(&FormInput::default(), &mut r.candidates);
        assert!(checkable(&r.candidates[0]));
    }

    #[test]
    fn two_rows_for_one_field_are_never_both_checked_and_earlier_needs_latest() {
        let r = read_text(
            "采样时间：2026-11-30\n总胆红素 342.0 μmol/L\n\n采样时间：2026-11-28\n总胆红素 280.0 μmol/L\n",
            today(),
        );
        let analytes: Vec<Analyte> = r.candidates.iter().map(|c| c.analyte).collect();
        assert_eq!(analytes, [Analyte::Tbil, Analyte::TbilEarlier]);
        let mut checks = default_checks(&r.candidates);
        assert_eq!(checks, [true, true]);
        toggle(&r.candidates, &mut checks, 0, false);
        assert_eq!(
            checks,
            [false, false],
            "the earlier TBIL goes with the latest"
        );
        toggle(&r.candidates, &mut checks, 1, true);
        assert_eq!(checks, [false, false]);
        toggle(&r.candidates, &mut checks, 0, true);
        toggle(&r.candidates, &mut checks, 1, true);
        assert_eq!(checks, [true, true]);
    }
}
