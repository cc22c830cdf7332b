//! Using confirmed candidates (SPEC 8): the confirmation table's rules that depend on the form
//! as it stands (one unit serves every value of an analyte; the earlier TBIL only with the
//! imported latest one; never two rows for one field), and "Use checked values": each value's
//! text, unit and date written into its form field, where the form's own parsing and
//! plausibility apply as if it had been typed. Pure, so it is tested natively; the shell only
//! calls it.
//!
//! The older results of a reading (SPEC 8 "the others go to the serial labs", SPEC 10) are
//! written into the earlier-results table (`FormInput::series`, rows 1, 2, ...; row 0 is the
//! main "earlier TBIL" pair) on the same "Use", after the checked values, by these rules
//! (decisions where SPEC is silent are marked so; each is pinned by a test below):
//!
//! - **Columns.** TBIL, INR, creatinine, sodium and albumin have a column. PTA, WBC and
//!   lactate do not (decision: the table is for the trend of TBIL and MELD and each row's MELD;
//!   PTA is never converted to INR): such an entry is listed and not added
//!   ([`SeriesSkip::NoColumn`]).
//! - **One row per date**, the value's text in its analyte's cell, exactly as in the report.
//!   New rows are placed newest first (decision: row 0 is the most recent earlier result, so
//!   the rows below it go back in time), before the first row already in the table that is
//!   older; rows already there keep their order, and the clinician's pick of the row the rise
//!   uses follows its row.
//! - **Typed values are never overwritten.** A date that already has a row gets only its empty
//!   cells filled; a cell that holds anything keeps it ([`SeriesSkip::CellFilled`]).
//! - **Units.** Every row uses the main field's unit selector (SPEC 10), as it is after this
//!   "Use" (an imported latest TBIL in mg/dL sets it). An entry in another unit is neither
//!   converted nor added ([`SeriesSkip::OtherUnit`]): a converted number would not be the
//!   report's.
//! - **Dates.** The table holds earlier results: an entry dated on or after the latest TBIL's
//!   date in the form after "Use" (the main fields hold that day's results; on the same date the
//!   later time wins, SPEC 8), or after today, is not added ([`SeriesSkip::NotEarlier`]). An
//!   entry dated the day of the earlier TBIL (row 0) is not added either
//!   ([`SeriesSkip::EarlierTbilDay`], decision): row 0 holds that day's TBIL and nothing is
//!   copied between fields (SPEC 10), so a second row of that date would hold the same day's
//!   TBIL twice or split the day's labs over two rows, and give no MELD of its own.
//! - **Several results of one analyte on one date**: the later time wins (the earlier ones:
//!   [`SeriesSkip::EarlierSameDay`]); two different values without times are both left out
//!   ([`SeriesSkip::SameDate`]), as for the latest (SPEC 8). The same result twice counts once
//!   (the reader keeps one).
//! - **Reports of different patients**: nothing is added ([`SeriesSkip::OtherPatient`]).

use super::{Analyte, Candidate, CandidateUnit, FormUnit, Reading, SeriesEntry, Status, Unusable};
use crate::clinical::date::Date;
use crate::clinical::form::FormInput;
use crate::clinical::patient::{InputId, Sex};
use crate::clinical::series::{SeriesField, SeriesRowText};
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
    /// What became of each of the reading's older results, in `Reading::series` order.
    pub series: Vec<SeriesOutcome>,
}

/// What "Use" does with an older result (an `import-series` row, `data-added`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SeriesOutcome {
    /// Written into the earlier-results row of its date (a new row, or an empty cell of the row
    /// of that date already in the table).
    Added,
    /// Not written, for this reason.
    NotAdded(SeriesSkip),
}

/// Why an older result is not written into the earlier-results table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SeriesSkip {
    /// PTA, WBC or lactate: the earlier-results table has no column for it.
    NoColumn,
    /// Its unit is not the one the field has after "Use" (the table's columns use the main
    /// fields' unit selectors): it is never converted.
    OtherUnit,
    /// Dated on or after the latest TBIL's date (the main fields hold the latest results), or
    /// after today.
    NotEarlier,
    /// Dated the day of the earlier TBIL, whose row (row 0) holds that day's TBIL only.
    EarlierTbilDay,
    /// Another result of this analyte on the same date has a later time: that one is used.
    EarlierSameDay,
    /// Two different results of this analyte on this date, without times: type the one to use.
    SameDate,
    /// The row of that date already holds a value for this analyte: never overwritten.
    CellFilled,
    /// Reports of different patients were pasted together: nothing is used.
    OtherPatient,
}

impl SeriesOutcome {
    /// Whether the entry is written (`data-added`).
    #[must_use]
    pub fn added(&self) -> bool {
        matches!(self, SeriesOutcome::Added)
    }
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

/// Applies the rules that depend on the form to the reader's candidates: one unit serves every
/// value of an analyte, so a value in another unit than values of that analyte already in the
/// form that the import does not replace is unusable (`unit-mismatch`): a TBIL against the
/// earlier TBIL or an earlier-results cell, a creatinine or albumin against an
/// earlier-results cell (changing the unit selector would reread those cells in the new unit).
pub fn check_against_form(form: &FormInput, candidates: &mut [Candidate]) {
    let imports = |a: Analyte, cs: &[Candidate]| cs.iter().any(|c| c.analyte == a && checkable(c));
    let replaced_latest = imports(Analyte::Tbil, candidates);
    let replaced_earlier = imports(Analyte::TbilEarlier, candidates);
    let typed_cells = |cell: fn(&SeriesRowText) -> &String| {
        form.series.iter().any(|r| !cell(r).trim().is_empty())
    };
    let tbil_kept = (!replaced_latest && !form.tbil.trim().is_empty())
        || (!replaced_earlier && !form.tbil_earlier.trim().is_empty())
        || typed_cells(|r| &r.tbil);
    let creatinine_kept = typed_cells(|r| &r.creatinine);
    let albumin_kept = typed_cells(|r| &r.albumin);
    for c in candidates.iter_mut() {
        if !checkable(c) {
            continue;
        }
        let CandidateUnit::Form(unit) = c.unit else {
            continue;
        };
        let mismatch = match c.analyte {
            Analyte::Tbil | Analyte::TbilEarlier => {
                tbil_kept && unit != molar_form_unit(form.tbil_unit)
            }
            Analyte::Creatinine => creatinine_kept && unit != molar_form_unit(form.creatinine_unit),
            Analyte::Albumin => albumin_kept && unit != albumin_form_unit(form.albumin_unit),
            _ => false,
        };
        if mismatch {
            c.status = Status::Unusable(Unusable::UnitMismatch);
        }
    }
}

fn molar_form_unit(u: MolarUnit) -> FormUnit {
    match u {
        MolarUnit::UmolPerL => FormUnit::UmolPerL,
        MolarUnit::MgPerDl => FormUnit::MgPerDl,
    }
}

fn albumin_form_unit(u: AlbuminUnit) -> FormUnit {
    match u {
        AlbuminUnit::GPerL => FormUnit::GPerL,
        AlbuminUnit::GPerDl => FormUnit::GPerDl,
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

/// "Use checked values": writes each checked candidate's text, unit and date into the form,
/// then the reading's older results into the earlier-results table (the rules in the module's
/// doc). A latest TBIL without a date empties the TBIL date (an old date is never kept for a
/// new value); nothing unchecked or unusable is written. Also what the panel shows before
/// "Use": whether each older result will be added ([`Applied::series`]).
#[must_use]
pub fn apply(form: &FormInput, reading: &Reading, checks: &[bool], today: Date) -> Applied {
    let mut f = form.clone();
    let mut from_import = Vec::new();
    let mut dates = Vec::new();
    for (c, on) in reading.candidates.iter().zip(checks) {
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
    crate::sorting::sort(&mut from_import);
    let series = add_series(&mut f, reading, today);
    Applied {
        form: f,
        from_import,
        dates,
        series,
    }
}

/// The earlier-results cell of an analyte (`None`: the table has no column for it).
fn cell(row: &mut SeriesRowText, a: Analyte) -> Option<&mut String> {
    column(a).map(|field| row.text_mut(field))
}

/// The earlier-results column of an analyte (none for PTA, WBC, lactate, age, sex).
fn column(a: Analyte) -> Option<SeriesField> {
    match a {
        Analyte::Tbil => Some(SeriesField::Tbil),
        Analyte::Inr => Some(SeriesField::Inr),
        Analyte::Creatinine => Some(SeriesField::Creatinine),
        Analyte::Sodium => Some(SeriesField::Sodium),
        Analyte::Albumin => Some(SeriesField::Albumin),
        _ => None,
    }
}

/// An earlier-results cell that "Use" filled (SPEC 8: "marked from import until edited"): it
/// shows the mark while its row's date and its own text are still the imported ones, so an
/// edit of either, a removed row or a reset ends it, as for the main fields.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SeriesMark {
    /// The row's date (YYYY-MM-DD).
    pub date: String,
    /// The column.
    pub field: SeriesField,
    /// The text written.
    pub value: String,
}

/// The cells "Use" filled: one mark per older result added ([`Applied::series`]).
#[must_use]
pub fn series_marks(reading: &Reading, outcomes: &[SeriesOutcome]) -> Vec<SeriesMark> {
    reading
        .series
        .iter()
        .zip(outcomes)
        .filter(|(_, o)| o.added())
        .filter_map(|(e, _)| {
            column(e.analyte).map(|field| SeriesMark {
                date: e.date.iso(),
                field,
                value: e.value.clone(),
            })
        })
        .collect()
}

/// Whether a cell of the earlier-results table shows the "from import" mark.
#[must_use]
pub fn is_marked(marks: &[SeriesMark], row: &SeriesRowText, field: SeriesField) -> bool {
    marks
        .iter()
        .any(|m| m.field == field && m.date == row.date && m.value == row.text(field))
}

/// The unit an older result must have to go into its column: the main field's, as it is.
fn column_unit(f: &FormInput, a: Analyte) -> CandidateUnit {
    match a {
        Analyte::Tbil => CandidateUnit::Form(molar_form_unit(f.tbil_unit)),
        Analyte::Creatinine => CandidateUnit::Form(molar_form_unit(f.creatinine_unit)),
        Analyte::Albumin => CandidateUnit::Form(albumin_form_unit(f.albumin_unit)),
        _ => CandidateUnit::FieldsOwn,
    }
}

fn date_of(text: &str) -> Option<Date> {
    Date::parse(text).ok().flatten()
}

/// The form's dates an older result is compared with, as they are after "Use".
struct Bounds {
    /// The latest TBIL's date.
    latest: Option<Date>,
    /// The earlier TBIL's date (row 0).
    earlier: Option<Date>,
    today: Date,
}

/// Why an older result is left out, by itself (before the rules of several results on one
/// date): other patients, no column, another unit, not earlier than the latest TBIL, the
/// earlier TBIL's day.
fn own_skip(
    e: &SeriesEntry,
    f: &FormInput,
    bounds: &Bounds,
    other_patient: bool,
) -> Option<SeriesSkip> {
    if other_patient {
        Some(SeriesSkip::OtherPatient)
    } else if column(e.analyte).is_none() {
        Some(SeriesSkip::NoColumn)
    } else if e.unit != column_unit(f, e.analyte) {
        Some(SeriesSkip::OtherUnit)
    } else if e.date > bounds.today || bounds.latest.is_some_and(|l| e.date >= l) {
        Some(SeriesSkip::NotEarlier)
    } else if bounds.earlier == Some(e.date) {
        Some(SeriesSkip::EarlierTbilDay)
    } else {
        None
    }
}

/// Several results of one analyte on one date (SPEC 8): the later time wins; without times to
/// order them, different values are all left out. `group` is every entry of that analyte and
/// date, usable or not: an earlier time never stands in for a later result that cannot be
/// used.
fn same_day_skip(e: &SeriesEntry, group: &[SeriesEntry]) -> Option<SeriesSkip> {
    if group.len() < 2 {
        return None;
    }
    match group.iter().filter_map(|o| o.minutes).max() {
        Some(m) if e.minutes.is_some_and(|own| own < m) => Some(SeriesSkip::EarlierSameDay),
        latest => {
            // The results tied at the latest time, with the untimed ones (they cannot be
            // ordered against it).
            let tied = group
                .iter()
                .filter(|o| o.minutes.is_none() || o.minutes == latest)
                .count();
            (tied > 1).then_some(SeriesSkip::SameDate)
        }
    }
}

/// Writes the reading's older results into the earlier-results table (module doc).
fn add_series(f: &mut FormInput, reading: &Reading, today: Date) -> Vec<SeriesOutcome> {
    let other_patient = reading
        .candidates
        .iter()
        .any(|c| c.status == Status::Unusable(Unusable::OtherPatient));
    let bounds = Bounds {
        latest: date_of(&f.tbil_date),
        earlier: date_of(&f.tbil_earlier_date),
        today,
    };
    // Each analyte's results of one date are next to each other (`Reading::series` is sorted
    // by analyte, then date): found once per group, not per result (a bundle has thousands).
    let mut group: &[SeriesEntry] = &[];
    let mut new_rows: Vec<SeriesRowText> = Vec::new();
    let mut outcomes = Vec::with_capacity(reading.series.len());
    for (i, e) in reading.series.iter().enumerate() {
        if !group
            .first()
            .is_some_and(|g| g.analyte == e.analyte && g.date == e.date)
        {
            let len = reading.series[i..]
                .iter()
                .take_while(|o| o.analyte == e.analyte && o.date == e.date)
                .count();
            group = &reading.series[i..i + len];
        }
        let skip = own_skip(e, f, &bounds, other_patient).or_else(|| same_day_skip(e, group));
        if let Some(skip) = skip {
            outcomes.push(SeriesOutcome::NotAdded(skip));
            continue;
        }
        let iso = e.date.iso();
        let row = match f
            .series
            .iter()
            .position(|r| date_of(&r.date) == Some(e.date))
        {
            Some(at) => &mut f.series[at],
            // New rows are kept newest first (ISO dates compare as text), without a sort.
            None => match new_rows.iter().position(|r| r.date <= iso) {
                Some(at) if new_rows[at].date == iso => &mut new_rows[at],
                found => {
                    let at = found.unwrap_or(new_rows.len());
                    let row = SeriesRowText {
                        date: iso,
                        ..SeriesRowText::default()
                    };
                    new_rows.insert(at, row);
                    &mut new_rows[at]
                }
            },
        };
        let Some(cell) = cell(row, e.analyte) else {
            outcomes.push(SeriesOutcome::NotAdded(SeriesSkip::NoColumn));
            continue;
        };
        if cell.trim().is_empty() {
            *cell = e.value.clone();
            outcomes.push(SeriesOutcome::Added);
        } else {
            outcomes.push(SeriesOutcome::NotAdded(SeriesSkip::CellFilled));
        }
    }
    insert_newest_first(f, new_rows);
    outcomes
}

/// One line of the panel's older results: the results of one analyte on one date (a
/// cumulative bundle has dozens a day; a clinician reads one line per analyte and day).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SeriesLine {
    /// The result shown, an index into `Reading::series`: the day's latest by time (the one
    /// the same-day rule would use), else the first. Its outcome is the line's.
    pub shown: usize,
    /// How many other results of that analyte on that date there are (not used).
    pub others: usize,
}

/// The older results grouped per analyte and date, in `series` order (which the reader sorts
/// by analyte, then date).
#[must_use]
pub fn series_lines(series: &[SeriesEntry]) -> Vec<SeriesLine> {
    let mut lines: Vec<SeriesLine> = Vec::new();
    let mut start = 0;
    for i in 1..=series.len() {
        let same = |a: &SeriesEntry, b: &SeriesEntry| a.analyte == b.analyte && a.date == b.date;
        if i < series.len() && same(&series[i], &series[start]) {
            continue;
        }
        // max_by_key keeps the last maximum: iterate backwards to keep the first of a tie.
        let shown = (start..i)
            .rev()
            .max_by_key(|&j| series[j].minutes)
            .unwrap_or(start);
        lines.push(SeriesLine {
            shown,
            others: i - start - 1,
        });
        start = i;
    }
    lines
}

/// Puts new rows (one per date, newest first) into the table: each before the first row that is
/// older; the rows already there keep their order, and the clinician's pick follows its row.
fn insert_newest_first(f: &mut FormInput, new_rows: Vec<SeriesRowText>) {
    for row in new_rows {
        let date = date_of(&row.date);
        let at = f
            .series
            .iter()
            .position(|r| date_of(&r.date).is_some_and(|d| Some(d) < date))
            .unwrap_or(f.series.len());
        f.series.insert(at, row);
        // Pick 0 is the main pair; pick p is row p of the table, `series[p - 1]`.
        if let Some(p) = f.series_pick.as_mut() {
            if *p > at {
                *p += 1;
            }
        }
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
        let a = apply(&FormInput::default(), &r, &checks, today());
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
        assert_eq!(apply(&before, &r, &checks, today()).form.tbil_date, "");
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
    // --- older results into the earlier-results table (the module doc's rules)

    /// Reads `text`, applies the form's checks and the default checks, and uses them.
    fn use_report(form: &FormInput, text: &str) -> (Reading, Applied) {
        let mut r = read_text(text, today());
        check_against_form(form, &mut r.candidates);
        let checks = default_checks(&r.candidates);
        let a = apply(form, &r, &checks, today());
        (r, a)
    }

    /// Each older result with what became of it: (analyte, date, value, outcome).
    fn outcomes(r: &Reading, a: &Applied) -> Vec<(&'static str, String, String, SeriesOutcome)> {
        assert_eq!(r.series.len(), a.series.len());
        r.series
            .iter()
            .zip(&a.series)
            .map(|(e, o)| (e.analyte.contract_name(), e.date.iso(), e.value.clone(), *o))
            .collect()
    }

    fn row(date: &str, tbil: &str, inr: &str) -> SeriesRowText {
        SeriesRowText {
            date: date.into(),
            tbil: tbil.into(),
            inr: inr.into(),
            ..SeriesRowText::default()
        }
    }

    use SeriesOutcome::{Added, NotAdded};

    #[test]
    fn three_dated_tbil_results_put_the_third_in_row_1() {
        let text = "采样时间: 2026-11-30\n总胆红素\t250.0\tμmol/L\n肌酐\t110\tμmol/L\n\
                    采样时间: 2026-11-27\n总胆红素\t180.0\tμmol/L\n肌酐\t100\tμmol/L\n\
                    采样时间: 2026-11-24\n总胆红素\t120.0\tμmol/L\n";
        let (r, a) = use_report(&FormInput::default(), text);
        assert_eq!(a.form.tbil, "250.0");
        assert_eq!(
            (
                a.form.tbil_earlier.as_str(),
                a.form.tbil_earlier_date.as_str()
            ),
            ("180.0", "2026-11-27")
        );
        assert_eq!(a.form.series, [row("2026-11-24", "120.0", "")]);
        assert_eq!(
            outcomes(&r, &a),
            [
                ("tbil", "2026-11-24".into(), "120.0".into(), Added),
                // Row 0 holds the 27th's TBIL only: its creatinine would be a second row of
                // that date.
                (
                    "creatinine",
                    "2026-11-27".into(),
                    "100".into(),
                    NotAdded(SeriesSkip::EarlierTbilDay)
                ),
            ]
        );
    }

    #[test]
    fn the_cells_use_filled_are_marked_until_their_text_or_their_rows_date_changes() {
        let text = "采样时间: 2026-11-30\n总胆红素\t250.0\tμmol/L\n\
                    采样时间: 2026-11-27\n总胆红素\t180.0\tμmol/L\n肌酐\t100\tμmol/L\n\
                    采样时间: 2026-11-24\n总胆红素\t120.0\tμmol/L\n";
        let (r, a) = use_report(&FormInput::default(), text);
        let marks = series_marks(&r, &a.series);
        // Only what was added: the 24th's TBIL (the 27th's creatinine was not written).
        assert_eq!(
            marks,
            [SeriesMark {
                date: "2026-11-24".into(),
                field: SeriesField::Tbil,
                value: "120.0".into(),
            }]
        );
        let mut filled = a.form.series[0].clone();
        assert!(is_marked(&marks, &filled, SeriesField::Tbil));
        assert!(!is_marked(&marks, &filled, SeriesField::Inr));
        filled.tbil = "121.0".into();
        assert!(!is_marked(&marks, &filled, SeriesField::Tbil), "edited");
        filled.tbil = "120.0".into();
        filled.date = "2026-11-23".into();
        assert!(
            !is_marked(&marks, &filled, SeriesField::Tbil),
            "another date"
        );
    }

    #[test]
    fn one_row_per_date_newest_first_with_each_value_in_its_column() {
        let text = "采样时间: 2026-11-30\nTBIL 300 μmol/L\nINR 2.1\n肌酐 100 μmol/L\n\
                    钠 133 mmol/L\n白蛋白 29 g/L\n\
                    采样时间: 2026-11-28\nTBIL 250 μmol/L\nINR 1.9\n\
                    采样时间: 2026-11-20\nTBIL 100 μmol/L\nINR 1.4\n钠 135 mmol/L\n白蛋白 31 g/L\n\
                    采样时间: 2026-11-24\nTBIL 180 μmol/L\nINR 1.6\n肌酐 90 μmol/L\n";
        let (r, a) = use_report(&FormInput::default(), text);
        let mut row20 = row("2026-11-20", "100", "1.4");
        row20.sodium = "135".into();
        row20.albumin = "31".into();
        let mut row24 = row("2026-11-24", "180", "1.6");
        row24.creatinine = "90".into();
        assert_eq!(a.form.series, [row24, row20]);
        let added: Vec<bool> = a.series.iter().map(SeriesOutcome::added).collect();
        // INR of the 28th: the earlier TBIL's day; everything else is added.
        let skipped: Vec<_> = outcomes(&r, &a)
            .into_iter()
            .filter(|o| !o.3.added())
            .collect();
        assert_eq!(
            skipped,
            [(
                "inr",
                "2026-11-28".into(),
                "1.9".into(),
                NotAdded(SeriesSkip::EarlierTbilDay)
            )]
        );
        assert_eq!(added.iter().filter(|a| **a).count(), 7);
    }

    #[test]
    fn pta_wbc_and_lactate_have_no_column() {
        let text = "采样时间: 2026-11-30\nTBIL 300 μmol/L\nPTA 30 %\nWBC 12.0 10^9/L\n\
                    乳酸 3.0 mmol/L\n\
                    采样时间: 2026-11-25\nTBIL 200 μmol/L\n\
                    采样时间: 2026-11-22\nPTA 45 %\nWBC 9.1 10^9/L\n乳酸 2.1 mmol/L\n";
        let (r, a) = use_report(&FormInput::default(), text);
        let o = outcomes(&r, &a);
        assert_eq!(o.len(), 3, "{o:?}");
        assert!(o
            .iter()
            .all(|(_, _, _, out)| *out == NotAdded(SeriesSkip::NoColumn)));
        assert!(a.form.series.is_empty());
    }

    #[test]
    fn a_value_in_another_unit_than_the_fields_after_use_is_not_converted_nor_added() {
        let text = "采样时间: 2026-11-30\nTBIL 300 μmol/L\n肌酐 88 μmol/L\n\
                    采样时间: 2026-11-27\nTBIL 250 μmol/L\n\
                    采样时间: 2026-11-24\nTBIL 10.5 mg/dL\n肌酐 1.2 mg/dL\n";
        let (r, a) = use_report(&FormInput::default(), text);
        assert_eq!(
            outcomes(&r, &a)
                .into_iter()
                .map(|o| (o.0, o.3))
                .collect::<Vec<_>>(),
            [
                ("tbil", NotAdded(SeriesSkip::OtherUnit)),
                ("creatinine", NotAdded(SeriesSkip::OtherUnit)),
            ]
        );
        assert!(a.form.series.is_empty());
    }

    #[test]
    fn the_columns_take_the_unit_the_import_sets() {
        // The form starts in µmol/L; the imported latest TBIL in mg/dL sets the unit, and the
        // older mg/dL result goes into the table as written.
        let text = "采样时间: 2026-11-30\nTBIL 15.2 mg/dL\n\
                    采样时间: 2026-11-27\nTBIL 12.0 mg/dL\n\
                    采样时间: 2026-11-24\nTBIL 9.8 mg/dL\n";
        let (r, a) = use_report(&FormInput::default(), text);
        assert_eq!(a.form.tbil_unit, MolarUnit::MgPerDl);
        assert_eq!(a.form.series, [row("2026-11-24", "9.8", "")]);
        assert_eq!(a.series, [Added]);
        // Unchecked, the latest TBIL leaves the unit at µmol/L: the mg/dL result is not added.
        let mut checks = default_checks(&r.candidates);
        checks.iter_mut().for_each(|c| *c = false);
        let a = apply(&FormInput::default(), &r, &checks, today());
        assert_eq!(a.series, [NotAdded(SeriesSkip::OtherUnit)]);
    }

    #[test]
    fn a_typed_cell_is_never_overwritten_and_its_row_gets_only_the_empty_cells() {
        let form = FormInput {
            series: vec![row("2026-11-24", "99", "")],
            ..FormInput::default()
        };
        let text = "采样时间: 2026-11-30\nTBIL 300 μmol/L\nINR 2.0\n\
                    采样时间: 2026-11-27\nTBIL 250 μmol/L\n\
                    采样时间: 2026-11-24\nTBIL 120 μmol/L\nINR 1.5\n";
        let (r, a) = use_report(&form, text);
        assert_eq!(a.form.series, [row("2026-11-24", "99", "1.5")]);
        assert_eq!(
            outcomes(&r, &a)
                .into_iter()
                .map(|o| (o.0, o.3))
                .collect::<Vec<_>>(),
            [("tbil", NotAdded(SeriesSkip::CellFilled)), ("inr", Added)]
        );
    }

    #[test]
    fn results_on_or_after_the_latest_tbil_date_or_after_today_are_not_added() {
        // TBIL's latest is the 28th; INR has results up to the 30th (the latest is the main
        // INR), the 29th is after the latest TBIL, the 28th on its day, the 26th the earlier
        // TBIL's day.
        let text = "采样时间: 2026-11-30\nINR 2.0\n\
                    采样时间: 2026-11-29\nINR 1.9\n\
                    采样时间: 2026-11-28\nTBIL 200 μmol/L\nINR 1.8\n\
                    采样时间: 2026-11-26\nTBIL 150 μmol/L\nINR 1.6\n";
        let (r, a) = use_report(&FormInput::default(), text);
        assert_eq!(a.form.inr, "2.0");
        assert_eq!(
            outcomes(&r, &a)
                .into_iter()
                .map(|o| (o.1, o.3))
                .collect::<Vec<_>>(),
            [
                (
                    "2026-11-26".to_string(),
                    NotAdded(SeriesSkip::EarlierTbilDay)
                ),
                ("2026-11-28".to_string(), NotAdded(SeriesSkip::NotEarlier)),
                ("2026-11-29".to_string(), NotAdded(SeriesSkip::NotEarlier)),
            ]
        );
        assert!(a.form.series.is_empty());
        // No TBIL at all: an older INR is added, one after today is not.
        let text = "采样时间: 2026-12-06\nINR 2.2\n采样时间: 2026-12-05\nINR 2.0\n\
                    采样时间: 2026-11-25\nINR 1.5\n";
        let (r, a) = use_report(&FormInput::default(), text);
        assert_eq!(
            outcomes(&r, &a)
                .into_iter()
                .map(|o| (o.1, o.3))
                .collect::<Vec<_>>(),
            [
                ("2026-11-25".to_string(), Added),
                ("2026-12-05".to_string(), NotAdded(SeriesSkip::NotEarlier)),
            ]
        );
        assert_eq!(a.form.series, [row("2026-11-25", "", "1.5")]);
    }

    #[test]
    fn an_earlier_time_of_the_earlier_tbils_day_is_not_added_twice() {
        let text = "采样时间: 2026-11-30 08:00\nTBIL 300 μmol/L\n\
                    采样时间: 2026-11-27 18:00\nTBIL 200 μmol/L\n\
                    采样时间: 2026-11-27 06:00\nTBIL 190 μmol/L\n\
                    采样时间: 2026-11-30 06:00\nTBIL 290 μmol/L\n";
        let (r, a) = use_report(&FormInput::default(), text);
        assert_eq!(a.form.tbil, "300");
        assert_eq!(a.form.tbil_earlier, "200");
        assert_eq!(
            outcomes(&r, &a)
                .into_iter()
                .map(|o| (o.1, o.3))
                .collect::<Vec<_>>(),
            [
                (
                    "2026-11-27".to_string(),
                    NotAdded(SeriesSkip::EarlierTbilDay)
                ),
                ("2026-11-30".to_string(), NotAdded(SeriesSkip::NotEarlier)),
            ]
        );
        assert!(a.form.series.is_empty());
    }

    #[test]
    fn on_one_older_date_the_later_time_wins_and_untimed_different_values_are_both_left_out() {
        let latest = "采样时间: 2026-11-30\nTBIL 300 μmol/L\nINR 2.0\n";
        let timed = format!(
            "{latest}采样时间: 2026-11-25 06:00\nINR 1.5\n采样时间: 2026-11-25 18:00\nINR 1.7\n"
        );
        let (r, a) = use_report(&FormInput::default(), &timed);
        assert_eq!(
            outcomes(&r, &a)
                .into_iter()
                .map(|o| (o.2, o.3))
                .collect::<Vec<_>>(),
            [
                ("1.5".to_string(), NotAdded(SeriesSkip::EarlierSameDay)),
                ("1.7".to_string(), Added),
            ]
        );
        assert_eq!(a.form.series, [row("2026-11-25", "", "1.7")]);
        let untimed =
            format!("{latest}采样时间: 2026-11-25\nINR 1.5\n采样时间: 2026-11-25\nINR 1.7\n");
        let (_, a) = use_report(&FormInput::default(), &untimed);
        assert_eq!(
            a.series,
            [
                NotAdded(SeriesSkip::SameDate),
                NotAdded(SeriesSkip::SameDate)
            ]
        );
        assert!(a.form.series.is_empty());
    }

    #[test]
    fn the_same_older_result_twice_counts_once() {
        let report =
            "采样时间: 2026-11-30\nTBIL 300 μmol/L\n采样时间: 2026-11-27\nTBIL 250 μmol/L\n\
                      采样时间: 2026-11-24\nTBIL 120 μmol/L\n";
        let (r, a) = use_report(&FormInput::default(), &format!("{report}{report}"));
        assert_eq!(r.series.len(), 1);
        assert_eq!(a.form.series, [row("2026-11-24", "120", "")]);
    }

    #[test]
    fn reports_of_different_patients_add_nothing() {
        let text = "姓名: 张三\n采样时间: 2026-11-30\nTBIL 300 μmol/L\n\
                    姓名: 李四\n采样时间: 2026-11-27\nTBIL 250 μmol/L\n\
                    姓名: 张三\n采样时间: 2026-11-24\nTBIL 120 μmol/L\n";
        let (r, a) = use_report(&FormInput::default(), text);
        assert!(!r.series.is_empty());
        assert!(a
            .series
            .iter()
            .all(|o| *o == NotAdded(SeriesSkip::OtherPatient)));
        assert!(a.form.series.is_empty());
    }

    #[test]
    fn new_rows_go_before_older_typed_rows_and_the_pick_follows_its_row() {
        let form = FormInput {
            series: vec![row("2026-11-26", "", "1.6"), row("2026-11-20", "80", "")],
            series_pick: Some(2),
            ..FormInput::default()
        };
        let text = "采样时间: 2026-11-30\nTBIL 300 μmol/L\n采样时间: 2026-11-28\nTBIL 250 μmol/L\n\
                    采样时间: 2026-11-23\nTBIL 150 μmol/L\n采样时间: 2026-11-18\nTBIL 60 μmol/L\n";
        let (_, a) = use_report(&form, text);
        let dates: Vec<&str> = a.form.series.iter().map(|r| r.date.as_str()).collect();
        assert_eq!(
            dates,
            ["2026-11-26", "2026-11-23", "2026-11-20", "2026-11-18"]
        );
        assert_eq!(a.form.series_pick, Some(3), "still the row of the 20th");
        assert_eq!(a.form.series[2].tbil, "80");
    }

    #[test]
    fn a_creatinine_in_another_unit_than_typed_earlier_results_is_unusable() {
        let form = FormInput {
            creatinine_unit: MolarUnit::MgPerDl,
            series: vec![SeriesRowText {
                date: "2026-11-20".into(),
                creatinine: "1.1".into(),
                ..SeriesRowText::default()
            }],
            ..FormInput::default()
        };
        let mut r = read_text("采样时间: 2026-11-30\n肌酐 88 μmol/L\n", today());
        check_against_form(&form, &mut r.candidates);
        assert_eq!(
            r.candidates[0].status,
            Status::Unusable(Unusable::UnitMismatch)
        );
        let mut r = read_text("采样时间: 2026-11-30\n肌酐 1.0 mg/dL\n", today());
        check_against_form(&form, &mut r.candidates);
        assert!(checkable(&r.candidates[0]));
    }

    #[test]
    fn the_panel_shows_one_line_per_analyte_and_date_with_the_latest_time() {
        let latest = "采样时间: 2026-11-30\nTBIL 300 μmol/L\nINR 2.0\n采样时间: 2026-11-27\nTBIL 250 μmol/L\n";
        let text = format!(
            "{latest}采样时间: 2026-11-25 06:00\nINR 1.5\n采样时间: 2026-11-25 18:00\nINR 1.7\n\
             采样时间: 2026-11-25 12:00\nINR 1.6\n采样时间: 2026-11-24\nINR 1.4\nTBIL 200 μmol/L\n"
        );
        let (r, a) = use_report(&FormInput::default(), &text);
        let lines = series_lines(&r.series);
        let shown: Vec<_> = lines
            .iter()
            .map(|l| {
                let e = &r.series[l.shown];
                (
                    e.analyte.contract_name(),
                    e.date.iso(),
                    e.value.as_str(),
                    l.others,
                    a.series[l.shown],
                )
            })
            .collect();
        assert_eq!(
            shown,
            [
                ("tbil", "2026-11-24".to_string(), "200", 0, Added),
                ("inr", "2026-11-24".to_string(), "1.4", 0, Added),
                ("inr", "2026-11-25".to_string(), "1.7", 2, Added),
            ]
        );
        assert!(series_lines(&[]).is_empty());
    }
}
