//! The words and view data of the serial labs (SPEC 10): the rise line under the earlier
//! results, the trend table's rows, the chart's text alternative, its labels and date ticks, and
//! why no chart is drawn. Pure: the Leptos views of `ui::series` only lay these out.

use crate::clinical::aclf::Rise;
use crate::clinical::date::Date;
use crate::clinical::series::{
    ChartGeometry, NoChart, Panel, PanelKind, PointSource, RiseChoice, RowResult, SeriesField,
    SeriesUnits, Trend,
};
use crate::clinical::units::{Bilirubin, FieldUnit, MolarUnit};
use crate::i18n::{fixed, Key, Lang};
use crate::report::render::unit_symbol;

/// TBIL on the grid of its field: µmol/L one decimal (`100.0`), mg/dL two (`5.85`).
#[must_use]
pub fn tbil_grid(value: f64, unit: MolarUnit) -> String {
    match unit {
        MolarUnit::UmolPerL => fixed(value, 1),
        MolarUnit::MgPerDl => fixed(value, 2),
    }
}

/// The symbol of the bilirubin unit.
#[must_use]
pub fn tbil_symbol(lang: Lang, unit: MolarUnit) -> &'static str {
    unit_symbol(lang, FieldUnit::from(unit))
}

/// A plotted value as its label and its `data-value`: TBIL on its grid, MELD whole.
#[must_use]
pub fn value_label(kind: PanelKind, value: f64, unit: MolarUnit) -> String {
    match kind {
        PanelKind::Tbil => tbil_grid(value, unit),
        PanelKind::Meld => fixed(value, 0),
    }
}

/// A column's header: its name and, for a lab with a unit, the main field's unit.
#[must_use]
pub fn column_label(lang: Lang, field: SeriesField, units: SeriesUnits) -> String {
    let (key, unit) = match field {
        SeriesField::Date => (Key::SeriesDate, None),
        SeriesField::Tbil => (Key::SeriesTbil, Some(FieldUnit::from(units.tbil))),
        SeriesField::Inr => (Key::SeriesInr, None),
        SeriesField::Creatinine => (Key::SeriesCreatinine, Some(units.creatinine.into())),
        SeriesField::Sodium => (Key::SeriesSodium, Some(FieldUnit::MmolPerL)),
        SeriesField::Albumin => (Key::SeriesAlbumin, Some(units.albumin.into())),
    };
    match unit {
        Some(u) => format!("{} ({})", lang.t(key), unit_symbol(lang, u)),
        None => lang.t(key).to_string(),
    }
}

/// The fields of a row, in column order.
pub const COLUMNS: [SeriesField; 6] = [
    SeriesField::Date,
    SeriesField::Tbil,
    SeriesField::Inr,
    SeriesField::Creatinine,
    SeriesField::Sodium,
    SeriesField::Albumin,
];

/// A row's MELD as shown in the earlier results: the score, or a dash.
#[must_use]
pub fn row_meld(r: &RowResult) -> Option<String> {
    r.meld.computed().map(|m| m.score.to_string())
}

/// One row of the table beside the chart (`trend-row`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TrendRowView {
    /// `data-date`, YYYY-MM-DD.
    pub date: String,
    /// `data-tbil`: grid decimals of the selected unit, or empty.
    pub tbil: String,
    /// `data-meld`: integer, or empty.
    pub meld: String,
    /// Where the result comes from ("row 2", "latest (main fields)").
    pub source: String,
    /// The most recent result.
    pub latest: bool,
}

/// The table's rows, sorted by date as the trend is.
#[must_use]
pub fn trend_rows(lang: Lang, trend: &Trend, unit: MolarUnit) -> Vec<TrendRowView> {
    trend
        .points
        .iter()
        .enumerate()
        .map(|(i, p)| TrendRowView {
            date: p.date.iso(),
            tbil: p.tbil.map(|v| tbil_grid(v, unit)).unwrap_or_default(),
            meld: p.meld.map(|m| m.to_string()).unwrap_or_default(),
            source: match p.source {
                PointSource::Latest => lang.t(Key::TrendLatest).to_string(),
                PointSource::Row(r) => lang.fill(Key::TrendRowN, &[&r.to_string()]),
            },
            latest: trend.latest == Some(i),
        })
        .collect()
}

/// Why no chart is drawn.
#[must_use]
pub fn no_chart(lang: Lang, why: NoChart) -> String {
    match why {
        NoChart::NoDatedValues => lang.t(Key::TrendNoDated).to_string(),
        NoChart::OneDatedValue => lang.t(Key::TrendOneDated).to_string(),
        NoChart::OneDate(d) => lang.fill(Key::TrendOneDate, &[&d.iso()]),
    }
}

/// The date of a panel point.
fn point_date(trend: &Trend, point: usize) -> String {
    trend.points[point].date.iso()
}

/// One panel's sentence: the first and last value, rose / fell / stayed.
fn panel_sentence(lang: Lang, trend: &Trend, panel: &Panel, unit: MolarUnit) -> String {
    let (name, symbol) = match panel.kind {
        PanelKind::Tbil => (lang.t(Key::SeriesTbil), tbil_symbol(lang, unit)),
        PanelKind::Meld => (lang.t(Key::SeriesMeld), ""),
    };
    let with_space = if symbol.is_empty() {
        String::new()
    } else {
        format!(" {symbol}")
    };
    let label = |v: f64| value_label(panel.kind, v, unit);
    match panel.points.as_slice() {
        [] => lang.fill(Key::TrendNoValues, &[name]),
        [only] => lang.fill(
            Key::TrendOnly,
            &[
                name,
                "",
                &label(only.value),
                &with_space,
                &point_date(trend, only.point),
            ],
        ),
        [first, .., last] => {
            let (a, b) = (label(first.value), label(last.value));
            let key = match (a == b, last.value > first.value) {
                (true, _) => Key::TrendSame,
                (false, true) => Key::TrendRose,
                (false, false) => Key::TrendFell,
            };
            lang.fill(
                key,
                &[
                    name,
                    &a,
                    &b,
                    &with_space,
                    &point_date(trend, first.point),
                    &point_date(trend, last.point),
                ],
            )
        }
    }
}

/// The chart's text alternative: each panel's trend, the lines and the latest date.
#[must_use]
pub fn trend_alt(lang: Lang, trend: &Trend, g: &ChartGeometry, unit: MolarUnit) -> String {
    let [tbil, meld] = &g.panels;
    let lines = lang.fill(
        Key::TrendAltLines,
        &[
            &tbil_grid(tbil.threshold, unit),
            tbil_symbol(lang, unit),
            &fixed(meld.threshold, 0),
            &g.last.iso(),
        ],
    );
    let sep = if lang == Lang::En { " " } else { "" };
    [
        panel_sentence(lang, trend, tbil, unit),
        panel_sentence(lang, trend, meld, unit),
        lines,
    ]
    .join(sep)
}

/// A panel's title.
#[must_use]
pub fn panel_title(lang: Lang, kind: PanelKind, unit: MolarUnit) -> String {
    match kind {
        PanelKind::Tbil => lang.fill(Key::TrendTbilPanel, &[tbil_symbol(lang, unit)]),
        PanelKind::Meld => lang.t(Key::TrendMeldPanel).to_string(),
    }
}

/// The label of a panel's threshold line ("I3: 171 µmol/L", "gate: 30 fails").
#[must_use]
pub fn threshold_label(lang: Lang, panel: &Panel, unit: MolarUnit) -> String {
    match panel.kind {
        PanelKind::Tbil => lang.fill(
            Key::TrendTbilLine,
            &[&tbil_grid(panel.threshold, unit), tbil_symbol(lang, unit)],
        ),
        PanelKind::Meld => lang.fill(Key::TrendGateLine, &[&fixed(panel.threshold, 0)]),
    }
}

/// The value-axis labels of a panel: its bottom and top value (MELD whole; TBIL whole above 10,
/// else one decimal).
#[must_use]
pub fn axis_labels(panel: &Panel) -> [(f64, String); 2] {
    let d = if panel.kind == PanelKind::Meld || panel.y_max >= 10.0 {
        0
    } else {
        1
    };
    [
        (panel.bottom, fixed(panel.y_min, d)),
        (panel.top, fixed(panel.y_max, d)),
    ]
}

/// Minimum distance between two date labels (SVG user units; an ISO date at the chart's font
/// size is about 60 wide).
pub const TICK_GAP: f64 = 70.0;

/// The dates labelled on the time axis, with their x: the first and the last always, and each
/// other date with a result where it leaves room. x is linear in calendar days.
#[must_use]
pub fn date_ticks(trend: &Trend, g: &ChartGeometry) -> Vec<(f64, String)> {
    let span = g.last.days_since(g.first) as f64;
    let x_of = |d: Date| g.x_left + d.days_since(g.first) as f64 / span * (g.x_right - g.x_left);
    let mut ticks = vec![(g.x_left, g.first.iso())];
    for p in &trend.points {
        let x = x_of(p.date);
        let last_x = ticks.last().map_or(f64::MIN, |t| t.0);
        if x - last_x >= TICK_GAP && g.x_right - x >= TICK_GAP {
            ticks.push((x, p.date.iso()));
        }
    }
    ticks.push((g.x_right, g.last.iso()));
    ticks
}

/// The rise's value in words.
fn rise_value(lang: Lang, rise: Rise, unit: MolarUnit) -> String {
    match rise {
        Rise::Computed { umol_per_day, days } => {
            let b = Bilirubin::from_umol_per_l(umol_per_day);
            let v = match unit {
                MolarUnit::UmolPerL => fixed(b.umol_per_l(), 1),
                MolarUnit::MgPerDl => fixed(b.mg_per_dl(), 2),
            };
            lang.fill(
                Key::SeriesRiseValue,
                &[&v, tbil_symbol(lang, unit), &days.to_string()],
            )
        }
        Rise::SameDay(_) => lang.t(Key::SeriesRiseSameDay).to_string(),
        Rise::Incomplete => lang.t(Key::SeriesRiseIncomplete).to_string(),
    }
}

/// The line under the earlier results: which row the rise uses, who chose it, and the rise.
#[must_use]
pub fn rise_line(lang: Lang, rise: &RiseChoice, unit: MolarUnit) -> String {
    let Some(row) = rise.row else {
        return lang.t(Key::SeriesRiseNone).to_string();
    };
    let date = rise
        .earlier_date
        .map_or_else(|| lang.t(Key::SeriesDateMissing).to_string(), |d| d.iso());
    let key = if rise.picked {
        Key::SeriesRisePicked
    } else {
        Key::SeriesRiseByRule
    };
    lang.fill(
        key,
        &[&row.to_string(), &date, &rise_value(lang, rise.rise, unit)],
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clinical::form::{evaluate, FormInput};
    use crate::clinical::protocol::PROTOCOL;
    use crate::clinical::series::{SeriesRowText, TrendChart};

    fn today() -> Date {
        Date::parse("2026-12-01").unwrap().unwrap()
    }

    fn form() -> FormInput {
        FormInput {
            tbil: "150".into(),
            tbil_date: "2026-12-01".into(),
            inr: "2.0".into(),
            creatinine: "88.4".into(),
            series: vec![
                SeriesRowText {
                    date: "2026-11-29".into(),
                    tbil: "100".into(),
                    inr: "1.8".into(),
                    creatinine: "80".into(),
                    ..SeriesRowText::default()
                },
                SeriesRowText {
                    date: "2026-11-20".into(),
                    tbil: "60".into(),
                    ..SeriesRowText::default()
                },
            ],
            ..FormInput::default()
        }
    }

    #[test]
    fn grid_decimals_follow_the_unit() {
        assert_eq!(tbil_grid(100.0, MolarUnit::UmolPerL), "100.0");
        assert_eq!(tbil_grid(5.848, MolarUnit::MgPerDl), "5.85");
        assert_eq!(value_label(PanelKind::Meld, 26.0, MolarUnit::MgPerDl), "26");
    }

    #[test]
    fn the_table_rows_are_the_trend_points_by_date() {
        let vm = evaluate(&form(), today(), &PROTOCOL);
        let rows = trend_rows(Lang::En, &vm.series.trend, MolarUnit::UmolPerL);
        let dates: Vec<&str> = rows.iter().map(|r| r.date.as_str()).collect();
        assert_eq!(dates, ["2026-11-20", "2026-11-29", "2026-12-01"]);
        assert_eq!(rows[0].tbil, "60.0");
        assert_eq!(rows[0].meld, "");
        assert_eq!(rows[0].source, "row 2");
        assert!(rows[1].meld.parse::<u8>().is_ok());
        assert_eq!(rows[2].source, "latest (main fields)");
        assert!(rows[2].latest && !rows[1].latest);
    }

    #[test]
    fn the_text_alternative_states_the_trend_in_both_languages() {
        let vm = evaluate(&form(), today(), &PROTOCOL);
        let TrendChart::Drawn(g) = &vm.series.trend.chart else {
            panic!("a chart")
        };
        let en = trend_alt(Lang::En, &vm.series.trend, g, MolarUnit::UmolPerL);
        assert!(
            en.starts_with(
                "TBIL rose from 60.0 to 150.0 µmol/L between 2026-11-20 and 2026-12-01."
            ),
            "{en}"
        );
        assert!(en.contains("MELD "), "{en}");
        assert!(en.contains("171.0 µmol/L"), "{en}");
        let zh = trend_alt(Lang::ZhCn, &vm.series.trend, g, MolarUnit::UmolPerL);
        assert!(
            zh.starts_with("总胆红素在 2026-11-20 至 2026-12-01 间由 60.0 升至 150.0 µmol/L。"),
            "{zh}"
        );
    }

    #[test]
    fn a_fall_and_a_flat_series_are_worded_as_such() {
        let mut f = form();
        f.tbil = "60".into();
        f.series.truncate(1);
        f.series[0].tbil = "60".into();
        let vm = evaluate(&f, today(), &PROTOCOL);
        let TrendChart::Drawn(g) = &vm.series.trend.chart else {
            panic!("a chart")
        };
        let en = trend_alt(Lang::En, &vm.series.trend, g, MolarUnit::UmolPerL);
        assert!(en.starts_with("TBIL stayed at 60.0 µmol/L"), "{en}");
        f.series[0].tbil = "90".into();
        let vm = evaluate(&f, today(), &PROTOCOL);
        let TrendChart::Drawn(g) = &vm.series.trend.chart else {
            panic!("a chart")
        };
        let en = trend_alt(Lang::En, &vm.series.trend, g, MolarUnit::UmolPerL);
        assert!(en.starts_with("TBIL fell from 90.0 to 60.0"), "{en}");
    }

    #[test]
    fn columns_show_the_main_fields_units() {
        let units = SeriesUnits {
            tbil: MolarUnit::MgPerDl,
            ..SeriesUnits::default()
        };
        assert_eq!(
            column_label(Lang::En, SeriesField::Tbil, units),
            "TBIL (mg/dL)"
        );
        assert_eq!(
            column_label(Lang::En, SeriesField::Creatinine, units),
            "Creatinine (µmol/L)"
        );
        assert_eq!(
            column_label(Lang::ZhCn, SeriesField::Sodium, units),
            "血钠 (mmol/L)"
        );
        assert_eq!(column_label(Lang::En, SeriesField::Inr, units), "INR");
    }

    #[test]
    fn no_chart_says_why() {
        assert!(no_chart(Lang::En, NoChart::OneDatedValue).contains("only one"));
        let d = today();
        assert!(no_chart(Lang::ZhCn, NoChart::OneDate(d)).contains("2026-12-01"));
    }

    #[test]
    fn date_ticks_are_on_a_true_time_axis_and_never_crowd() {
        let vm = evaluate(&form(), today(), &PROTOCOL);
        let TrendChart::Drawn(g) = &vm.series.trend.chart else {
            panic!("a chart")
        };
        let ticks = date_ticks(&vm.series.trend, g);
        assert_eq!(ticks.first().unwrap().1, "2026-11-20");
        assert_eq!(ticks.last().unwrap().1, "2026-12-01");
        // 11-29 is 9 of 11 days along: x at 9/11 of the width, 88 units from the last date.
        assert_eq!(ticks.len(), 3);
        assert_eq!(ticks[1].1, "2026-11-29");
        for w in ticks.windows(2) {
            assert!(w[1].0 - w[0].0 >= TICK_GAP);
        }
        // The points themselves are placed by days: 11-29 at 9/11.
        let p = &g.panels[0].points[1];
        let expected = g.x_left + 9.0 / 11.0 * (g.x_right - g.x_left);
        assert!((p.x - expected).abs() < 1e-9);
    }

    #[test]
    fn the_rise_line_names_the_row_and_who_chose_it() {
        let vm = evaluate(&form(), today(), &PROTOCOL);
        let en = rise_line(Lang::En, &vm.series.rise, MolarUnit::UmolPerL);
        assert_eq!(
            en,
            "Mean daily rise from row 1 (2026-11-29), chosen by the rule (the most recent result at least one day before the latest): 25.0 µmol/L per day over 2 days"
        );
        let mut f = form();
        f.series_pick = Some(2);
        let vm = evaluate(&f, today(), &PROTOCOL);
        let en = rise_line(Lang::En, &vm.series.rise, MolarUnit::UmolPerL);
        assert!(en.starts_with("Mean daily rise from row 2 (2026-11-20), chosen by you: 8.2 µmol/L per day over 11 days"), "{en}");
        let none = evaluate(&FormInput::default(), today(), &PROTOCOL);
        assert_eq!(
            rise_line(Lang::En, &none.series.rise, MolarUnit::UmolPerL),
            "No earlier TBIL for the mean daily rise."
        );
    }
}
