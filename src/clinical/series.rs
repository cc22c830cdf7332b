//! Serial labs (SPEC section 10): earlier results, each row's MELD without the dialysis rule,
//! the earlier TBIL the mean daily rise uses (the clinician's pick, else SPEC section 8's rule:
//! the most recent result at least one calendar day before the latest), and the trend of TBIL
//! and MELD as plain chart geometry (the UI draws the SVG).
//!
//! The rise itself is [`daily_rise`] of the ACLF criterion (SPEC section 2): one formula.

use super::aclf::{daily_rise, long_interval, Rise};
use super::date::Date;
use super::form::{read_number, FieldError, FieldMessage};
use super::meld::{meld, Meld, MeldInput, ScoreOutcome};
use super::patient::Patient;
use super::plausibility::Quantity;
use super::protocol::Protocol;
use super::units::{
    Albumin, AlbuminUnit, Bilirubin, Creatinine, FieldUnit, Inr, MolarUnit, Sodium,
};

/// One row of the earlier results, as validated by the form (`None` = empty or rejected),
/// each value in the main field's unit.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct SeriesRow {
    /// Date of the results.
    pub date: Option<Date>,
    /// Total bilirubin.
    pub tbil: Option<Bilirubin>,
    /// INR.
    pub inr: Option<Inr>,
    /// Creatinine.
    pub creatinine: Option<Creatinine>,
    /// Sodium.
    pub sodium: Option<Sodium>,
    /// Albumin.
    pub albumin: Option<Albumin>,
}

/// One row of the earlier results as typed (the `series-*` inputs).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SeriesRowText {
    /// Date (YYYY-MM-DD).
    pub date: String,
    /// Total bilirubin, in the bilirubin fields' unit.
    pub tbil: String,
    /// INR.
    pub inr: String,
    /// Creatinine, in the creatinine field's unit.
    pub creatinine: String,
    /// Sodium, mmol/L.
    pub sodium: String,
    /// Albumin, in the albumin field's unit.
    pub albumin: String,
}

impl SeriesRowText {
    /// The text of one field, as typed.
    #[must_use]
    pub fn text(&self, field: SeriesField) -> &str {
        match field {
            SeriesField::Date => &self.date,
            SeriesField::Tbil => &self.tbil,
            SeriesField::Inr => &self.inr,
            SeriesField::Creatinine => &self.creatinine,
            SeriesField::Sodium => &self.sodium,
            SeriesField::Albumin => &self.albumin,
        }
    }

    /// The text of one field, to write into.
    pub fn text_mut(&mut self, field: SeriesField) -> &mut String {
        match field {
            SeriesField::Date => &mut self.date,
            SeriesField::Tbil => &mut self.tbil,
            SeriesField::Inr => &mut self.inr,
            SeriesField::Creatinine => &mut self.creatinine,
            SeriesField::Sodium => &mut self.sodium,
            SeriesField::Albumin => &mut self.albumin,
        }
    }
}

/// A field of an earlier-results row (`error-series-<index>-<field>`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum SeriesField {
    /// The row's date.
    Date,
    /// Total bilirubin.
    Tbil,
    /// INR.
    Inr,
    /// Creatinine.
    Creatinine,
    /// Sodium.
    Sodium,
    /// Albumin.
    Albumin,
}

impl SeriesField {
    /// The contract's name (`series-<name>`).
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            SeriesField::Date => "date",
            SeriesField::Tbil => "tbil",
            SeriesField::Inr => "inr",
            SeriesField::Creatinine => "creatinine",
            SeriesField::Sodium => "sodium",
            SeriesField::Albumin => "albumin",
        }
    }
}

/// The main fields' unit selectors, which every row uses (one unit per analyte).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct SeriesUnits {
    /// Bilirubin.
    pub tbil: MolarUnit,
    /// Creatinine.
    pub creatinine: MolarUnit,
    /// Albumin.
    pub albumin: AlbuminUnit,
}

/// Reads one typed row with the form's own parsing and plausibility: the values and each
/// field's message, in field order. A date that is not a date is an error here; a future date
/// or one after the latest TBIL is reported by [`series`] ([`RowResult::date_error`]).
#[must_use]
pub fn read_row(
    text: &SeriesRowText,
    units: SeriesUnits,
    protocol: &Protocol,
) -> (SeriesRow, Vec<(SeriesField, FieldMessage)>) {
    let mut messages = Vec::new();
    let date = match Date::parse(&text.date) {
        Ok(d) => d,
        Err(e) => {
            messages.push((SeriesField::Date, FieldMessage::Error(FieldError::Date(e))));
            None
        }
    };
    let mut number = |field: SeriesField, text: &str, q: Quantity, unit: FieldUnit| {
        let (value, message) = read_number(text, q, unit, protocol);
        if let Some(m) = message {
            messages.push((field, m));
        }
        value
    };
    let tbil = number(
        SeriesField::Tbil,
        &text.tbil,
        Quantity::Bilirubin,
        units.tbil.into(),
    );
    let inr = number(SeriesField::Inr, &text.inr, Quantity::Inr, FieldUnit::Ratio);
    let creatinine = number(
        SeriesField::Creatinine,
        &text.creatinine,
        Quantity::Creatinine,
        units.creatinine.into(),
    );
    let sodium = number(
        SeriesField::Sodium,
        &text.sodium,
        Quantity::Sodium,
        FieldUnit::MmolPerL,
    );
    let albumin = number(
        SeriesField::Albumin,
        &text.albumin,
        Quantity::Albumin,
        units.albumin.into(),
    );
    let row = SeriesRow {
        date,
        tbil: tbil.map(|v| Bilirubin::new(v, units.tbil)),
        inr: inr.map(Inr),
        creatinine: creatinine.map(|v| Creatinine::new(v, units.creatinine)),
        sodium: sodium.map(Sodium),
        albumin: albumin.map(|v| Albumin::new(v, units.albumin)),
    };
    (row, messages)
}

/// What the core makes of one row.
#[derive(Clone, Debug, PartialEq)]
pub struct RowResult {
    /// The row's date as used: `None` when empty or rejected.
    pub date: Option<Date>,
    /// Why the date was rejected ([`FieldError::FutureDate`] or
    /// [`FieldError::EarlierAfterLater`]); shown on the row's date.
    pub date_error: Option<FieldError>,
    /// MELD from the row's own labs, never with the dialysis rule (dialysis is recorded for the
    /// current date only).
    pub meld: ScoreOutcome<Meld>,
    /// The dialysis box is checked and this row's MELD is shown: mark it "without the dialysis
    /// rule".
    pub without_dialysis_rule: bool,
}

/// The earlier TBIL the mean daily rise uses, and the rise.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RiseChoice {
    /// The row used: the clinician's pick, else SPEC section 8's rule; `None` when no row
    /// qualifies.
    pub row: Option<usize>,
    /// Whether the clinician picked the row (shown with the rise).
    pub picked: bool,
    /// The row's TBIL (`None` without a row or when the picked row has none).
    pub earlier: Option<Bilirubin>,
    /// The row's date as used (`None` when empty or rejected).
    pub earlier_date: Option<Date>,
    /// The rise of [`daily_rise`]: computed, same day (not a rise), or incomplete.
    pub rise: Rise,
    /// Computed over more days than the protocol's warning interval.
    pub long_interval: bool,
}

impl RiseChoice {
    /// The patient with the chosen earlier TBIL in place of the main "earlier TBIL" pair, for
    /// the ACLF criterion: the screening then evaluates the rise the series shows.
    #[must_use]
    pub fn apply_to(&self, p: &Patient) -> Patient {
        Patient {
            tbil_earlier: self.earlier,
            tbil_earlier_date: self.earlier_date,
            ..p.clone()
        }
    }
}

/// Where a trend point comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PointSource {
    /// A row of the earlier results, by index.
    Row(usize),
    /// The main fields: the latest TBIL with its date, and the reported MELD.
    Latest,
}

/// One dated result of the trend (a row of the table beside the chart).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TrendPoint {
    /// Its date.
    pub date: Date,
    /// TBIL in the selected unit, if any.
    pub tbil: Option<f64>,
    /// MELD, if computable (the latest with the dialysis rule, rows without).
    pub meld: Option<u8>,
    /// Where it comes from.
    pub source: PointSource,
}

/// Why no chart is drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum NoChart {
    /// No dated TBIL or MELD at all.
    NoDatedValues,
    /// Only one dated result.
    OneDatedValue,
    /// Several results, all on this one date: no time axis.
    OneDate(Date),
}

/// Which panel of the chart.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PanelKind {
    /// TBIL against the I3 line (171 umol/L, 10 mg/dL).
    Tbil,
    /// MELD against the gate (30 fails).
    Meld,
}

/// A point drawn in a panel.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PanelPoint {
    /// Index into [`Trend::points`].
    pub point: usize,
    /// SVG x (user units).
    pub x: f64,
    /// SVG y (user units, downwards).
    pub y: f64,
    /// The plotted value (TBIL in the selected unit, or MELD).
    pub value: f64,
    /// The most recent point: highlighted.
    pub latest: bool,
}

/// One of the two stacked panels.
#[derive(Clone, Debug, PartialEq)]
pub struct Panel {
    /// Which one.
    pub kind: PanelKind,
    /// SVG y of the panel's top edge (the scale's `y_max`).
    pub top: f64,
    /// SVG y of the panel's bottom edge (the scale's `y_min`).
    pub bottom: f64,
    /// Value at the bottom edge.
    pub y_min: f64,
    /// Value at the top edge.
    pub y_max: f64,
    /// The threshold (171 umol/L or 10 mg/dL; MELD 30).
    pub threshold: f64,
    /// SVG y of the threshold line: always strictly inside the panel.
    pub threshold_y: f64,
    /// The points with a value in this panel, by date.
    pub points: Vec<PanelPoint>,
}

/// The chart's geometry in SVG user units (viewBox `0 0 width height`).
#[derive(Clone, Debug, PartialEq)]
pub struct ChartGeometry {
    /// viewBox width.
    pub width: f64,
    /// viewBox height.
    pub height: f64,
    /// x of the first date.
    pub x_left: f64,
    /// x of the last date.
    pub x_right: f64,
    /// First date on the time axis.
    pub first: Date,
    /// Last date on the time axis.
    pub last: Date,
    /// TBIL (top) and MELD (bottom).
    pub panels: [Panel; 2],
}

/// Drawn or not.
#[derive(Clone, Debug, PartialEq)]
pub enum TrendChart {
    /// Two or more dates: the geometry.
    Drawn(ChartGeometry),
    /// No chart; the line says why.
    None(NoChart),
}

/// The trend: the table's points and the chart.
#[derive(Clone, Debug, PartialEq)]
pub struct Trend {
    /// Dated results sorted by date (on one date, rows in table order, then the latest).
    pub points: Vec<TrendPoint>,
    /// Index of the most recent point.
    pub latest: Option<usize>,
    /// The chart, or why there is none.
    pub chart: TrendChart,
}

/// Everything the serial-labs section shows.
#[derive(Clone, Debug, PartialEq)]
pub struct Series {
    /// One result per row, in table order.
    pub rows: Vec<RowResult>,
    /// The rise and the row it uses.
    pub rise: RiseChoice,
    /// The trend.
    pub trend: Trend,
}

/// Chart size and margins (SVG user units).
pub mod layout {
    /// viewBox width.
    pub const WIDTH: f64 = 560.0;
    /// Height of each panel's plot area.
    pub const PANEL_HEIGHT: f64 = 140.0;
    /// Left margin (y-axis labels).
    pub const LEFT: f64 = 52.0;
    /// Right margin (room for the last point's label).
    pub const RIGHT: f64 = 24.0;
    /// Top margin (panel title).
    pub const TOP: f64 = 20.0;
    /// Gap between the panels (the second title).
    pub const GAP: f64 = 36.0;
    /// Bottom margin (date labels).
    pub const BOTTOM: f64 = 28.0;
}

/// Reads the serial labs against the main fields.
///
/// `rows[0]` is the main "earlier TBIL" pair; `picked` is the row the clinician chose for the
/// rise (the `series-rise` radio); `tbil_unit` is the bilirubin fields' unit.
///
/// ```
/// use aclf_screen::clinical::date::Date;
/// use aclf_screen::clinical::patient::Patient;
/// use aclf_screen::clinical::protocol::PROTOCOL;
/// use aclf_screen::clinical::series::*;
/// use aclf_screen::clinical::units::*;
/// let d = |s| Date::parse(s).unwrap();
/// let latest = Patient {
///     tbil: Some(Bilirubin::from_umol_per_l(150.0)),
///     tbil_date: d("2026-11-25"),
///     ..Patient::default()
/// };
/// let rows = [
///     SeriesRow { date: d("2026-11-23"), tbil: Some(Bilirubin::from_umol_per_l(100.0)), ..SeriesRow::default() },
///     SeriesRow { date: d("2026-11-20"), tbil: Some(Bilirubin::from_umol_per_l(60.0)), ..SeriesRow::default() },
/// ];
/// let s = series(&latest, &rows, None, MolarUnit::UmolPerL, d("2026-11-25").unwrap(), &PROTOCOL);
/// assert_eq!(s.rise.row, Some(0));
/// assert!(matches!(s.trend.chart, TrendChart::Drawn(_)));
/// assert_eq!(s.trend.latest, Some(2));
/// ```
#[must_use]
pub fn series(
    latest: &Patient,
    rows: &[SeriesRow],
    picked: Option<usize>,
    tbil_unit: MolarUnit,
    today: Date,
    protocol: &Protocol,
) -> Series {
    let gate_below = protocol.thresholds.meld_below;
    let results: Vec<RowResult> = rows
        .iter()
        .map(|row| row_result(row, latest, today, gate_below))
        .collect();
    let rise = choose_rise(latest, rows, &results, picked, protocol);
    let latest_meld = meld(&MeldInput::from(latest), gate_below)
        .computed()
        .map(|m| m.score);
    let trend = trend(latest, latest_meld, &results, rows, tbil_unit, protocol);
    Series {
        rows: results,
        rise,
        trend,
    }
}

fn row_result(row: &SeriesRow, latest: &Patient, today: Date, gate_below: u8) -> RowResult {
    let date_error = match (row.date, latest.tbil_date) {
        (Some(d), _) if d > today => Some(FieldError::FutureDate),
        (Some(d), Some(l)) if d > l => Some(FieldError::EarlierAfterLater),
        _ => None,
    };
    let input = MeldInput {
        creatinine: row.creatinine,
        bilirubin: row.tbil,
        inr: row.inr,
        dialysis: false,
        sodium: row.sodium,
        albumin: row.albumin,
        ..MeldInput::default()
    };
    let meld = meld(&input, gate_below);
    RowResult {
        date: row.date.filter(|_| date_error.is_none()),
        date_error,
        without_dialysis_rule: latest.dialysis && meld.computed().is_some(),
        meld,
    }
}

/// The clinician's pick, else the most recent row with TBIL dated at least one calendar day
/// before the latest (SPEC section 8); ties on a date go to the first row in the table.
fn choose_rise(
    latest: &Patient,
    rows: &[SeriesRow],
    results: &[RowResult],
    picked: Option<usize>,
    protocol: &Protocol,
) -> RiseChoice {
    let by_rule = || {
        let latest_date = latest.tbil_date?;
        let usable = |i: &usize| rows[*i].tbil.is_some() && results[*i].date.is_some();
        let earlier = (0..rows.len())
            .filter(usable)
            .filter(|i| results[*i].date < Some(latest_date))
            // max_by_key keeps the last maximum: iterate backwards to keep the first row.
            .rev()
            .max_by_key(|i| results[*i].date);
        // Only same-day results: name that row, so the rise says "same day".
        earlier.or_else(|| {
            (0..rows.len())
                .filter(usable)
                .find(|i| results[*i].date == Some(latest_date))
        })
    };
    let picked_row = picked.filter(|i| *i < rows.len());
    let row = picked_row.or_else(by_rule);
    let (earlier, earlier_date) = row.map_or((None, None), |i| (rows[i].tbil, results[i].date));
    let rise = daily_rise(latest.tbil, latest.tbil_date, earlier, earlier_date);
    let long =
        matches!(rise, Rise::Computed { days, .. } if long_interval(days, &protocol.thresholds));
    RiseChoice {
        row,
        picked: picked_row.is_some(),
        earlier,
        earlier_date,
        rise,
        long_interval: long,
    }
}

fn tbil_in(b: Bilirubin, unit: MolarUnit) -> f64 {
    match unit {
        MolarUnit::UmolPerL => b.umol_per_l(),
        MolarUnit::MgPerDl => b.mg_per_dl(),
    }
}

fn trend(
    latest: &Patient,
    latest_meld: Option<u8>,
    results: &[RowResult],
    rows: &[SeriesRow],
    unit: MolarUnit,
    protocol: &Protocol,
) -> Trend {
    let mut points: Vec<TrendPoint> = results
        .iter()
        .zip(rows)
        .enumerate()
        .filter_map(|(i, (r, row))| {
            Some(TrendPoint {
                date: r.date?,
                tbil: row.tbil.map(|b| tbil_in(b, unit)),
                meld: r.meld.computed().map(|m| m.score),
                source: PointSource::Row(i),
            })
        })
        .chain(latest.tbil_date.map(|date| TrendPoint {
            date,
            tbil: latest.tbil.map(|b| tbil_in(b, unit)),
            meld: latest_meld,
            source: PointSource::Latest,
        }))
        .filter(|p| p.tbil.is_some() || p.meld.is_some())
        .collect();
    // Stable: on one date, rows keep table order and the latest (chained last) stays last.
    crate::sorting::sort_by_key(&mut points, |p| p.date);
    let latest_index = points.len().checked_sub(1);
    let chart = match points.as_slice() {
        [] => TrendChart::None(NoChart::NoDatedValues),
        [_] => TrendChart::None(NoChart::OneDatedValue),
        [first, .., last] if first.date == last.date => {
            TrendChart::None(NoChart::OneDate(first.date))
        }
        _ => TrendChart::Drawn(geometry(&points, unit, protocol)),
    };
    Trend {
        points,
        latest: latest_index,
        chart,
    }
}

/// The value scale of a panel: the values and the threshold, padded so that the threshold line
/// is never on an edge; `min_pad` keeps a flat series from filling the panel.
fn scale(values: impl Iterator<Item = f64>, threshold: f64, min_pad: f64) -> (f64, f64) {
    let (lo, hi) = values.fold((threshold, threshold), |(lo, hi), v| (lo.min(v), hi.max(v)));
    let pad = ((hi - lo) * 0.1).max(min_pad);
    ((lo - pad).max(0.0), hi + pad)
}

fn geometry(points: &[TrendPoint], unit: MolarUnit, protocol: &Protocol) -> ChartGeometry {
    use layout::*;
    let first = points[0].date;
    let last = points[points.len() - 1].date;
    let span = last.days_since(first) as f64;
    let (x_left, x_right) = (LEFT, WIDTH - RIGHT);
    let x_of = |d: Date| x_left + d.days_since(first) as f64 / span * (x_right - x_left);
    let latest = points.len() - 1;
    let tbil_threshold = tbil_in(
        Bilirubin::from_umol_per_l(protocol.thresholds.tbil_umol_per_l),
        unit,
    );
    let panel =
        |kind: PanelKind, top: f64, threshold: f64, value: &dyn Fn(&TrendPoint) -> Option<f64>| {
            let bottom = top + PANEL_HEIGHT;
            let (y_min, y_max) = scale(points.iter().filter_map(value), threshold, threshold * 0.1);
            let y_of = |v: f64| bottom - (v - y_min) / (y_max - y_min) * PANEL_HEIGHT;
            Panel {
                kind,
                top,
                bottom,
                y_min,
                y_max,
                threshold,
                threshold_y: y_of(threshold),
                points: points
                    .iter()
                    .enumerate()
                    .filter_map(|(i, p)| {
                        value(p).map(|v| PanelPoint {
                            point: i,
                            x: x_of(p.date),
                            y: y_of(v),
                            value: v,
                            latest: i == latest,
                        })
                    })
                    .collect(),
            }
        };
    let tbil_top = TOP;
    let meld_top = TOP + PANEL_HEIGHT + GAP;
    ChartGeometry {
        width: WIDTH,
        height: meld_top + PANEL_HEIGHT + BOTTOM,
        x_left,
        x_right,
        first,
        last,
        panels: [
            panel(PanelKind::Tbil, tbil_top, tbil_threshold, &|p| p.tbil),
            panel(
                PanelKind::Meld,
                meld_top,
                f64::from(protocol.thresholds.meld_below),
                &|p| p.meld.map(f64::from),
            ),
        ],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clinical::aclf::evaluate;
    use crate::clinical::outcome::Evidence;
    use crate::clinical::protocol::PROTOCOL;

    fn d(s: &str) -> Date {
        Date::parse(s).unwrap().unwrap()
    }

    fn today() -> Date {
        d("2026-12-01")
    }

    fn latest(tbil: f64, date: &str) -> Patient {
        Patient {
            tbil: Some(Bilirubin::from_umol_per_l(tbil)),
            tbil_date: Some(d(date)),
            ..Patient::default()
        }
    }

    fn tbil_row(date: &str, tbil: f64) -> SeriesRow {
        SeriesRow {
            date: Some(d(date)),
            tbil: Some(Bilirubin::from_umol_per_l(tbil)),
            ..SeriesRow::default()
        }
    }

    fn run(p: &Patient, rows: &[SeriesRow], picked: Option<usize>) -> Series {
        series(p, rows, picked, MolarUnit::UmolPerL, today(), &PROTOCOL)
    }

    #[test]
    fn rule_takes_the_most_recent_result_at_least_a_day_before_the_latest() {
        let rows = [
            tbil_row("2026-11-20", 60.0),
            tbil_row("2026-11-25", 140.0), // same day as the latest: not a rise
            tbil_row("2026-11-23", 100.0),
            tbil_row("2026-11-23", 90.0), // same date as row 2: the first row wins
        ];
        let s = run(&latest(150.0, "2026-11-25"), &rows, None);
        assert_eq!(s.rise.row, Some(2));
        assert!(!s.rise.picked);
        assert_eq!(
            s.rise.rise,
            Rise::Computed {
                umol_per_day: 25.0,
                days: 2
            }
        );
        assert!(!s.rise.long_interval);
    }

    #[test]
    fn same_day_values_alone_are_not_a_rise() {
        let rows = [tbil_row("2026-11-25", 100.0)];
        let s = run(&latest(150.0, "2026-11-25"), &rows, None);
        assert_eq!(s.rise.row, Some(0));
        assert_eq!(s.rise.rise, Rise::SameDay(d("2026-11-25")));
    }

    #[test]
    fn a_row_dated_after_the_latest_is_an_error_on_its_date_and_not_used() {
        let rows = [tbil_row("2026-11-27", 100.0), tbil_row("2026-11-22", 90.0)];
        let s = run(&latest(150.0, "2026-11-25"), &rows, None);
        assert_eq!(s.rows[0].date_error, Some(FieldError::EarlierAfterLater));
        assert_eq!(s.rows[0].date, None);
        assert_eq!(s.rows[1].date_error, None);
        assert_eq!(s.rise.row, Some(1));
        assert!(s
            .trend
            .points
            .iter()
            .all(|p| p.source != PointSource::Row(0)));
    }

    #[test]
    fn a_future_row_date_is_an_error_even_without_a_latest_date() {
        let rows = [tbil_row("2026-12-02", 100.0)];
        let p = Patient {
            tbil_date: None,
            ..latest(150.0, "2026-11-25")
        };
        let s = run(&p, &rows, None);
        assert_eq!(s.rows[0].date_error, Some(FieldError::FutureDate));
        assert_eq!(s.rise.row, None);
        assert_eq!(s.rise.rise, Rise::Incomplete);
    }

    #[test]
    fn a_rise_over_more_than_14_days_is_computed_with_the_warning() {
        let rows = [tbil_row("2026-11-10", 0.0 + 60.0)];
        let s = run(&latest(210.0, "2026-11-25"), &rows, None);
        assert_eq!(
            s.rise.rise,
            Rise::Computed {
                umol_per_day: 10.0,
                days: 15
            }
        );
        assert!(s.rise.long_interval);
        let rows = [tbil_row("2026-11-11", 60.0)];
        assert!(
            !run(&latest(200.0, "2026-11-25"), &rows, None)
                .rise
                .long_interval
        );
    }

    #[test]
    fn the_clinicians_choice_wins_over_the_rule_and_is_shown_as_picked() {
        let rows = [tbil_row("2026-11-23", 100.0), tbil_row("2026-11-15", 50.0)];
        let s = run(&latest(150.0, "2026-11-25"), &rows, Some(1));
        assert_eq!(s.rise.row, Some(1));
        assert!(s.rise.picked);
        assert_eq!(
            s.rise.rise,
            Rise::Computed {
                umol_per_day: 10.0,
                days: 10
            }
        );
    }

    #[test]
    fn a_picked_same_day_row_gives_no_rise_rather_than_another_row() {
        let rows = [tbil_row("2026-11-23", 100.0), tbil_row("2026-11-25", 120.0)];
        let s = run(&latest(150.0, "2026-11-25"), &rows, Some(1));
        assert_eq!(s.rise.row, Some(1));
        assert_eq!(s.rise.rise, Rise::SameDay(d("2026-11-25")));
    }

    #[test]
    fn the_chosen_row_feeds_the_acl_criterion_through_the_same_rise_formula() {
        let rows = [tbil_row("2026-11-23", 100.0)];
        let p = latest(150.0, "2026-11-25");
        let s = run(&p, &rows, None);
        let r = evaluate(&s.rise.apply_to(&p), &PROTOCOL.thresholds);
        let rise = r.parts[1]
            .evidence()
            .iter()
            .find_map(|e| match e {
                Evidence::TbilRise { umol_per_day, .. } => Some(*umol_per_day),
                _ => None,
            })
            .unwrap();
        assert_eq!(rise, 25.0);
    }

    #[test]
    fn each_row_gets_its_meld_without_the_dialysis_rule() {
        let rows = [
            SeriesRow {
                date: Some(d("2026-11-20")),
                tbil: Some(Bilirubin::from_mg_per_dl(4.2)),
                inr: Some(Inr(1.2)),
                creatinine: Some(Creatinine::from_mg_per_dl(1.9)),
                ..SeriesRow::default()
            },
            SeriesRow {
                inr: Some(Inr(1.2)),
                ..SeriesRow::default()
            },
        ];
        let mut p = latest(150.0, "2026-11-25");
        let s = run(&p, &rows, None);
        // ameld's reference: 20 with creatinine 1.9 (the dialysis rule would make it 4.0).
        assert_eq!(s.rows[0].meld.computed().unwrap().score, 20);
        assert!(!s.rows[0].without_dialysis_rule);
        assert!(s.rows[1].meld.computed().is_none());
        p.dialysis = true;
        let s = run(&p, &rows, None);
        assert_eq!(s.rows[0].meld.computed().unwrap().score, 20);
        assert!(s.rows[0].without_dialysis_rule);
        assert!(!s.rows[1].without_dialysis_rule);
    }

    fn chart(s: &Series) -> &ChartGeometry {
        match &s.trend.chart {
            TrendChart::Drawn(g) => g,
            TrendChart::None(why) => panic!("{why:?}"),
        }
    }

    fn meld_row(date: &str, tbil: f64, inr: f64) -> SeriesRow {
        SeriesRow {
            inr: Some(Inr(inr)),
            creatinine: Some(Creatinine::from_umol_per_l(88.4)),
            ..tbil_row(date, tbil)
        }
    }

    #[test]
    fn trend_points_are_sorted_by_date_with_the_latest_highlighted() {
        let rows = [
            meld_row("2026-11-21", 300.0, 2.5),
            meld_row("2026-11-11", 100.0, 1.5),
            meld_row("2026-11-15", 200.0, 2.0),
        ];
        let p = Patient {
            inr: Some(Inr(3.0)),
            creatinine: Some(Creatinine::from_umol_per_l(88.4)),
            ..latest(400.0, "2026-11-25")
        };
        let s = run(&p, &rows, None);
        let dates: Vec<_> = s.trend.points.iter().map(|p| p.date.iso()).collect();
        assert_eq!(
            dates,
            ["2026-11-11", "2026-11-15", "2026-11-21", "2026-11-25"]
        );
        assert_eq!(s.trend.latest, Some(3));
        assert_eq!(s.trend.points[3].source, PointSource::Latest);
        let g = chart(&s);
        for panel in &g.panels {
            assert_eq!(panel.points.len(), 4, "{:?}", panel.kind);
            let latest: Vec<_> = panel.points.iter().map(|p| p.latest).collect();
            assert_eq!(latest, [false, false, false, true]);
        }
        // Higher TBIL is drawn higher (smaller y).
        let tbil = &g.panels[0].points;
        assert!(tbil.windows(2).all(|w| w[1].y < w[0].y));
    }

    #[test]
    fn the_time_axis_is_proportional_to_days() {
        let rows = [tbil_row("2026-11-11", 100.0), tbil_row("2026-11-15", 120.0)];
        let s = run(&latest(150.0, "2026-11-25"), &rows, None);
        let g = chart(&s);
        let x: Vec<_> = g.panels[0].points.iter().map(|p| p.x).collect();
        assert_eq!(x[0], g.x_left);
        assert_eq!(x[2], g.x_right);
        // 4 of 14 days.
        let fraction = (x[1] - x[0]) / (x[2] - x[0]);
        assert!((fraction - 4.0 / 14.0).abs() < 1e-12, "{fraction}");
        assert!(g.x_left < g.x_right && g.x_right <= g.width);
    }

    #[test]
    fn threshold_lines_are_always_inside_their_panels() {
        let cases: [(&[f64], f64); 4] = [
            (&[20.0, 30.0], 40.0),      // all below 171
            (&[900.0, 1200.0], 1500.0), // all far above
            (&[171.0, 171.0], 171.0),   // flat on the line
            (&[1.0, 1700.0], 500.0),    // the whole range
        ];
        for (earlier, last) in cases {
            let rows: Vec<_> = earlier
                .iter()
                .enumerate()
                .map(|(i, v)| meld_row(&format!("2026-11-{:02}", 10 + i), *v, 1.0 + i as f64))
                .collect();
            let p = Patient {
                inr: Some(Inr(1.1)),
                creatinine: Some(Creatinine::from_umol_per_l(88.4)),
                ..latest(last, "2026-11-25")
            };
            let s = run(&p, &rows, None);
            for panel in &chart(&s).panels {
                assert!(
                    panel.top < panel.threshold_y && panel.threshold_y < panel.bottom,
                    "{:?} {earlier:?}",
                    panel.kind
                );
                assert!(panel
                    .points
                    .iter()
                    .all(|p| panel.top <= p.y && p.y <= panel.bottom));
            }
        }
    }

    #[test]
    fn the_tbil_line_is_10_mg_dl_in_conventional_units() {
        let rows = [tbil_row("2026-11-20", 100.0)];
        let s = series(
            &latest(150.0, "2026-11-25"),
            &rows,
            None,
            MolarUnit::MgPerDl,
            today(),
            &PROTOCOL,
        );
        let g = chart(&s);
        assert!((g.panels[0].threshold - 10.0).abs() < 1e-9);
        assert!((s.trend.points[0].tbil.unwrap() - 100.0 / 17.1).abs() < 1e-9);
        assert_eq!(g.panels[1].threshold, 30.0);
        assert!(g.panels[1].points.is_empty());
    }

    #[test]
    fn fewer_than_two_dated_values_draw_no_chart_and_say_why() {
        let p = latest(150.0, "2026-11-25");
        assert_eq!(
            run(&Patient::default(), &[], None).trend.chart,
            TrendChart::None(NoChart::NoDatedValues)
        );
        assert_eq!(
            run(&p, &[], None).trend.chart,
            TrendChart::None(NoChart::OneDatedValue)
        );
        let undated = SeriesRow {
            date: None,
            ..tbil_row("2026-11-20", 100.0)
        };
        assert_eq!(
            run(&p, &[undated], None).trend.chart,
            TrendChart::None(NoChart::OneDatedValue)
        );
        assert_eq!(
            run(&p, &[tbil_row("2026-11-25", 100.0)], None).trend.chart,
            TrendChart::None(NoChart::OneDate(d("2026-11-25")))
        );
    }

    #[test]
    fn a_typed_row_is_read_with_the_forms_parsing_and_plausibility() {
        let text = SeriesRowText {
            date: "2026-11-2".into(),
            tbil: "5,85 mg/dL".into(),
            inr: "25".into(),
            creatinine: "1.0".into(),
            sodium: "".into(),
            albumin: "3.0".into(),
        };
        let units = SeriesUnits {
            tbil: MolarUnit::MgPerDl,
            creatinine: MolarUnit::MgPerDl,
            albumin: AlbuminUnit::GPerDl,
        };
        let (row, messages) = read_row(&text, units, &PROTOCOL);
        assert_eq!(row.date, None);
        assert_eq!(row.tbil, Some(Bilirubin::from_mg_per_dl(5.85)));
        assert_eq!(row.inr, None);
        assert_eq!(row.creatinine, Some(Creatinine::from_mg_per_dl(1.0)));
        assert_eq!(row.sodium, None);
        assert_eq!(row.albumin, Some(Albumin::from_g_per_dl(3.0)));
        let fields: Vec<_> = messages.iter().map(|(f, _)| f.name()).collect();
        assert_eq!(fields, ["date", "inr"]);
        assert!(matches!(
            messages[1].1,
            FieldMessage::Error(FieldError::Impossible { .. })
        ));
    }
}
