//! The read-only content of the result panels as HTML templates: score cards with what would
//! change the gate, the severity scores, the score trail, the verdict's detail, the criteria
//! rows, the trend chart and its table, the referral lists, the print header (with the
//! imported dates of labs without a date field), and the import panel's notes and older results
//! (the confirmation table, with its checkboxes, stays views). Written with
//! `maud`'s `html!`, which escapes every spliced value by construction (there is no escape
//! function in this crate); the shell sets each template's output as the `inner_html` of an
//! element that stays a Leptos element, so live regions and disclosures persist.
//!
//! Why templates and not Leptos views (issue 10: "decide by measured bytes"): every distinct
//! Leptos view shape is its own compiled code (build, rebuild, mount, unmount of each nested
//! tuple), while a template is a run of string pushes. Measured on one release build (raw
//! code bytes, wasm-bindgen's describe functions excluded): the severity list alone cost
//! 8,060 B more as views than as this template; all panels together are in the closing note
//! and `make bench` prints each module's share. The form, the import table and the
//! earlier-results table, which the user types into, stay views. The older-results list is a
//! template for speed too: a cumulative FHIR bundle gives hundreds of lines.
//!
//! Pure: natively tested (escaping, the test contract's attributes, nesting).

use maud::{html, Markup};

use super::panels::{
    checklist, flags as flag_texts, print_blanks, print_values, state_attr, state_icon,
    CriterionText, GateChangeText, Glyph, ScoreText, SeverityScoreText, VerdictText,
};
use super::series::{
    axis_labels, column_label, date_ticks, no_chart, panel_title, threshold_label, trend_alt,
    trend_rows, value_label, TrendRowView,
};
use crate::clinical::date::Date;
use crate::clinical::form::ScreeningViewModel;
use crate::clinical::outcome::State;
use crate::clinical::patient::InputId;
use crate::clinical::protocol::Protocol;
use crate::clinical::series::{
    ChartGeometry, Panel, PanelKind, PanelPoint, SeriesField, SeriesUnits, Trend, TrendChart,
};
use crate::clinical::units::MolarUnit;
use crate::i18n::{fixed, Key, Lang};
use crate::intake::apply::{field, SeriesLine, SeriesOutcome};
use crate::intake::{CandidateUnit, SeriesEntry, UnusedAnalyte};

/// One icon (decorative: the word beside it says the same).
#[must_use]
pub fn icon(g: Glyph) -> Markup {
    html! {
        svg.icon viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false" {
            path d=(g.path()) {}
        }
    }
}

/// A list's items, one `<li>` per line.
#[must_use]
pub fn lines<S: AsRef<str>>(lines: &[S]) -> Markup {
    html! { @for l in lines { li { (l.as_ref()) } } }
}

/// The score cards; "what would change the gate" inside the MELD card.
#[must_use]
pub fn score_cards(cards: &[ScoreText], gate: Option<&(&str, Vec<GateChangeText>)>) -> Markup {
    html! {
        @for score in cards {
            @let main = score.context.is_none();
            div class=(if main { "score score-main" } else { "score score-context" }) {
                span.score-name { (score.name) }
                span.score-value data-testid=(score.testid) { (score.value) }
                @if let Some(r) = &score.rule { p.score-rule { (r) } }
                @if let Some((class, line)) = &score.gate { p class=(class) { (line) } }
                @if let Some(b) = &score.borderline {
                    p.borderline data-testid="meld-borderline" { (icon(Glyph::Warning)) " " (b) }
                }
                @if main {
                    @if let Some((intro, items)) = gate {
                        div.gate-changes {
                            p.gate-intro { (intro) }
                            ul {
                                @for item in items {
                                    li data-testid=(item.testid) data-kind=(item.kind)
                                        data-reachable=(item.reachable) data-limit=[item.limit.as_deref()]
                                        data-reason=[item.reason] { (item.text) }
                                }
                            }
                        }
                    }
                }
                @if let Some(c) = score.context { span.score-tag { (c) } }
                @if let Some(n) = &score.needs { p.score-needs { (n) } }
            }
        }
    }
}

/// The severity context scores, each output always present (empty when not computable).
#[must_use]
pub fn severity_scores(scores: &[SeverityScoreText]) -> Markup {
    html! {
        @for score in scores {
            li.severity-score {
                span.score-name { (score.name) }
                " "
                span.severity-value data-testid=(score.testid) data-grade=[score.data_grade.as_deref()]
                    data-failures=[score.data_failures.as_deref()] { (score.value) }
                @if let Some((grade, words)) = &score.grade {
                    " "
                    span.severity-grade data-testid="aarc-grade" data-grade=(grade) { (words) }
                }
                @if let Some(n) = &score.needs { span.score-needs { (n) } }
            }
        }
    }
}

/// The score trail: a heading and the lines of each step.
#[must_use]
pub fn trail(steps: &[(&str, Vec<String>)]) -> Markup {
    html! { @for (name, rows) in steps { h4 { (name) } ul { (lines(rows)) } } }
}

/// An item that names a field: a button that moves focus to it (the shell's one click handler
/// on the verdict block reads `data-goto`; no link: a `#hash` changes the URL and cannot reach
/// into a shadow root).
fn goto(prefix: &str, testid: &str, label: &str) -> Markup {
    html! {
        li {
            button.link-button type="button" data-testid=(format!("{prefix}-{testid}")) data-goto=(testid) {
                (label)
            }
        }
    }
}

/// The typical exclusions raised by the values: `exclusion-flag` items with their `data-rule`.
#[must_use]
pub fn flags(flags: &[(&str, String)]) -> Markup {
    html! {
        @for (rule, text) in flags {
            li data-testid="exclusion-flag" data-rule=(rule) { (icon(Glyph::Warning)) " " (text) }
        }
    }
}

/// What a phase's verdict block says (the block, a live region, stays a Leptos element).
#[must_use]
pub fn verdict(v: &VerdictText, phase_id: &str) -> Markup {
    let enter_next = format!("enter-next-{phase_id}");
    let find_out = format!("find-out-{phase_id}");
    html! {
        p.verdict-title { (icon(v.icon)) " " (v.title) }
        @if !v.lines.is_empty() || !v.enter_next.is_empty() { p.verdict-detail-head { (v.head) } }
        ul.verdict-detail {
            (lines(&v.lines))
            @for (testid, label) in &v.enter_next { (goto(&enter_next, testid, label)) }
        }
        @if !v.find_out.is_empty() {
            p.verdict-detail-head { (v.find_out_head) }
            ul.verdict-detail { @for (testid, label) in &v.find_out { (goto(&find_out, testid, label)) } }
        }
        @if !v.flags.is_empty() {
            p.verdict-detail-head { (v.flags_head) }
            ul.flags { (flags(&v.flags)) }
        }
        @if let Some(n) = v.exclusion_note { p.exclusion-note { (n) } }
    }
}

/// The criteria rows of a phase, I3's parts nested.
#[must_use]
pub fn criteria(lang: Lang, items: &[CriterionText]) -> Markup {
    html! { @for c in items { (criterion(lang, c)) } }
}

fn criterion(lang: Lang, c: &CriterionText) -> Markup {
    let state = state_attr(c.state);
    let note_testid = c.testid.replacen("criterion-", "note-", 1);
    // A study-team criterion is not the referrer's to answer: while Unknown it reads "to be
    // confirmed by the study team" in a neutral style (its data-state stays `unknown`).
    let team_pending = c.study_team && c.state == State::Unknown;
    let class = if team_pending {
        "criterion state-team".to_string()
    } else {
        format!("criterion state-{state}")
    };
    html! {
        li class=(class) data-testid=(c.testid) data-state=(state)
            data-confirmed-by=[c.study_team.then_some("study-team")] {
            div.criterion-head {
                span.state-badge {
                    @if team_pending {
                        (lang.t(Key::ToBeConfirmedByTeam))
                    } @else {
                        (icon(state_icon(c.state))) " " (lang.t(Key::State(c.state)))
                    }
                }
                span.criterion-id { (c.id) }
                span.criterion-title { (c.title) }
            }
            @if c.by_team && !team_pending { p.by-team { (lang.t(Key::ConfirmedByStudyTeam)) } }
            @if !c.evidence.is_empty() { ul.evidence { (lines(&c.evidence)) } }
            @if let Some(m) = &c.missing { p.missing { (m) } }
            @for (name, text) in &c.notes { p.note data-testid=(note_testid) data-note=(name) { (text) } }
            @if !c.parts.is_empty() { ul.parts { (criteria(lang, &c.parts)) } }
        }
    }
}

/// A coordinate for an SVG attribute (integer formatting: no float-formatting code).
fn c(v: f64) -> String {
    fixed(v, 1)
}

/// Where a label sits along x: at the left or right edge it is anchored inwards.
fn anchor(x: f64, x_left: f64, x_right: f64) -> &'static str {
    if x <= x_left + 1.0 {
        "start"
    } else if x >= x_right - 1.0 {
        "end"
    } else {
        "middle"
    }
}

/// A point of a panel, its value label above it (below when near the top edge); the latest is
/// larger and filled.
fn point_mark(
    kind: PanelKind,
    p: &PanelPoint,
    panel: &Panel,
    date: &str,
    unit: MolarUnit,
    g: &ChartGeometry,
) -> Markup {
    let label = value_label(kind, p.value, unit);
    let kind_name = match kind {
        PanelKind::Tbil => "tbil",
        PanelKind::Meld => "meld",
    };
    let label_y = if p.y - panel.top < 16.0 {
        p.y + 16.0
    } else {
        p.y - 8.0
    };
    html! {
        circle class=(if p.latest { "trend-point trend-latest" } else { "trend-point" })
            data-point=(kind_name) data-date=(date) data-value=(label)
            data-latest=[p.latest.then_some("true")] cx=(c(p.x)) cy=(c(p.y))
            r=(if p.latest { "5.5" } else { "3.5" }) {}
        text class=(if p.latest { "trend-label trend-label-latest" } else { "trend-label" })
            x=(c(p.x)) y=(c(label_y)) text-anchor=(anchor(p.x, g.x_left, g.x_right)) { (label) }
    }
}

/// One of the two stacked panels: frame, title, value axis, threshold line, line and points.
fn panel_view(
    lang: Lang,
    panel: &Panel,
    dates: &[String],
    unit: MolarUnit,
    g: &ChartGeometry,
) -> Markup {
    let (x_left, x_right) = (g.x_left, g.x_right);
    let line = panel
        .points
        .iter()
        .map(|p| format!("{},{}", c(p.x), c(p.y)))
        .collect::<Vec<_>>()
        .join(" ");
    html! {
        g class=(match panel.kind { PanelKind::Tbil => "trend-panel trend-tbil", PanelKind::Meld => "trend-panel trend-meld" }) {
            text.trend-title x=(c(x_left)) y=(c(panel.top - 7.0)) { (panel_title(lang, panel.kind, unit)) }
            rect.trend-frame x=(c(x_left)) y=(c(panel.top)) width=(c(x_right - x_left))
                height=(c(panel.bottom - panel.top)) {}
            @for (y, label) in axis_labels(panel) {
                text.trend-axis x=(c(x_left - 6.0)) y=(c(y + 3.5)) text-anchor="end" { (label) }
            }
            line.trend-threshold x1=(c(x_left)) x2=(c(x_right)) y1=(c(panel.threshold_y))
                y2=(c(panel.threshold_y)) {}
            text.trend-threshold-label x=(c(x_right - 2.0)) y=(c(panel.threshold_y - 3.0)) text-anchor="end" {
                (threshold_label(lang, panel, unit))
            }
            polyline.trend-line points=(line) {}
            @for p in &panel.points { (point_mark(panel.kind, p, panel, &dates[p.point], unit, g)) }
            @if panel.points.is_empty() {
                text.trend-empty x=(c((x_left + x_right) / 2.0)) y=(c((panel.top + panel.bottom) / 2.0))
                    text-anchor="middle" { (lang.t(Key::SeriesNoValue)) }
            }
        }
    }
}

/// The chart: the time axis (ticks across both panels, dates under the lower one) and the two
/// panels, with the text alternative as its accessible name.
fn chart(lang: Lang, trend: &Trend, g: &ChartGeometry, unit: MolarUnit) -> Markup {
    let dates: Vec<String> = trend.points.iter().map(|p| p.date.iso()).collect();
    let [tbil, meld] = &g.panels;
    let (top, bottom) = (tbil.top, meld.bottom);
    html! {
        svg.trend-chart data-testid="trend-chart" role="img" aria-label=(trend_alt(lang, trend, g, unit))
            viewBox=(format!("0 0 {} {}", c(g.width), c(g.height))) preserveAspectRatio="xMidYMid meet"
            xmlns="http://www.w3.org/2000/svg" {
            @for (x, label) in date_ticks(trend, g) {
                line.trend-tick x1=(c(x)) x2=(c(x)) y1=(c(top)) y2=(c(bottom)) {}
                text.trend-date x=(c(x)) y=(c(bottom + 16.0)) text-anchor=(anchor(x, g.x_left, g.x_right)) { (label) }
            }
            (panel_view(lang, tbil, &dates, unit, g))
            (panel_view(lang, meld, &dates, unit, g))
        }
    }
}

fn trend_row(lang: Lang, row: &TrendRowView) -> Markup {
    let dash = |s: &str| {
        if s.is_empty() {
            lang.t(Key::SeriesNoValue).to_string()
        } else {
            s.to_string()
        }
    };
    html! {
        tr data-testid="trend-row" class=[row.latest.then_some("trend-row-latest")] data-date=(row.date)
            data-tbil=(row.tbil) data-meld=(row.meld) {
            td { (row.date) }
            td { (dash(&row.tbil)) }
            td { (dash(&row.meld)) }
            td { (row.source) }
        }
    }
}

/// The trend in the results: the chart (or why there is none) and the table of its values.
#[must_use]
pub fn trend(lang: Lang, trend: &Trend, units: SeriesUnits) -> Markup {
    let unit = units.tbil;
    html! {
        @match &trend.chart {
            TrendChart::Drawn(g) => (chart(lang, trend, g, unit)),
            TrendChart::None(why) => p.trend-none data-testid="trend-none" { (no_chart(lang, *why)) },
        }
        @if !trend.points.is_empty() {
            table.trend-table {
                caption { (lang.t(Key::TrendTableCaption)) }
                thead {
                    tr {
                        th scope="col" { (lang.t(Key::SeriesDate)) }
                        th scope="col" { (column_label(lang, SeriesField::Tbil, units)) }
                        th scope="col" { (lang.t(Key::SeriesMeld)) }
                        th scope="col" { (lang.t(Key::TrendSource)) }
                    }
                }
                tbody { @for r in trend_rows(lang, trend, unit) { (trend_row(lang, &r)) } }
            }
        }
    }
}

/// Shown only in print: title, disclaimer with the time of printing, blank lines for what the
/// widget never asks (name, record number ...), the values entered with their dates and the
/// imported dates of the other labs (SPEC 8: "and printed"), the typical exclusions the values
/// raise, and the checklist.
#[must_use]
pub fn print_header(
    lang: Lang,
    printed_at: &str,
    vm: &ScreeningViewModel,
    protocol: &Protocol,
    imported: &[(InputId, Date)],
) -> Markup {
    let raised = flag_texts(lang, &vm.screening.flags);
    html! {
        h1 { (lang.t(Key::AppTitle)) }
        p.print-disclaimer {
            strong { (lang.t(Key::PrintDisclaimer)) } " " (lang.fill(Key::PrintedAt, &[printed_at]))
        }
        div.print-blanks {
            @for (field, blank) in print_blanks(lang) {
                p.print-blank data-testid="print-blank" data-field=(field) { (blank) }
            }
        }
        h2 { (lang.t(Key::LabValues)) }
        ul.print-values { (lines(&print_values(lang, vm))) }
        // The imported dates of labs without a date field of their own: on screen beside their
        // fields (the form is not printed), here one line each.
        @if !imported.is_empty() {
            ul.print-values data-testid="print-imported-dates" {
                @for (input, date) in imported {
                    li { (lang.t(Key::Label(*input))) ": " (lang.fill(Key::ImportDated, &[&date.iso()])) }
                }
            }
        }
        @if !raised.is_empty() {
            p.print-flags-head { strong { (lang.t(Key::CheckWithStudyTeam)) } }
            ul.flags { (flags(&raised)) }
        }
        p.print-flags-head { (lang.t(Key::TypicalExclusions)) " — " (lang.t(Key::TypicalNotConfirmed)) }
        ul.checklist {
            @for (text, flagged) in checklist(lang, protocol, &vm.screening) { li.flagged[flagged] { (text) } }
        }
    }
}

/// A candidate's unit as written in the confirmation table (empty where the field has one).
#[must_use]
pub fn unit_text(u: &CandidateUnit) -> String {
    match u {
        CandidateUnit::Form(f) => f.contract_name().replace("umol", "µmol"),
        CandidateUnit::Refused(s) => s.clone(),
        CandidateUnit::FieldsOwn | CandidateUnit::Missing => String::new(),
    }
}

/// The import panel's notes under the table: lines not read, and the known analytes the widget
/// never uses ("also in the report").
#[must_use]
pub fn import_notes(lang: Lang, unread: usize, also: &[UnusedAnalyte]) -> Markup {
    let sep = if lang == Lang::ZhCn { "、" } else { ", " };
    let names: Vec<&str> = also.iter().map(|u| lang.t(Key::ImportUnused(*u))).collect();
    html! {
        @if unread > 0 {
            p data-testid="import-unread" data-count=(unread) { (lang.fill(Key::ImportUnread, &[&unread.to_string()])) }
        }
        @if !also.is_empty() {
            p data-testid="import-also" { (lang.fill(Key::ImportAlso, &[&names.join(sep)])) }
        }
    }
}

/// The older results, one line per analyte and date (`import-series`), each saying whether
/// "Use" adds the one shown to the earlier-results table (with the rows as checked now).
#[must_use]
pub fn import_series(
    lang: Lang,
    series: &[SeriesEntry],
    lines: &[SeriesLine],
    outcomes: &[SeriesOutcome],
) -> Markup {
    html! {
        @for line in lines {
            @let e = &series[line.shown];
            @let outcome = outcomes.get(line.shown).copied();
            @let note = match outcome {
                Some(SeriesOutcome::Added) => lang.t(Key::ImportSeriesAdded),
                Some(SeriesOutcome::NotAdded(skip)) => lang.t(Key::ImportSeriesSkip(skip)),
                None => "",
            };
            @let value = format!("{} {}", e.value, unit_text(&e.unit));
            li data-testid="import-series" data-analyte=(e.analyte.contract_name()) data-date=(e.date.iso())
                data-added=[outcome.map(|o| if o.added() { "true" } else { "false" })] {
                (e.date.iso()) " " (lang.t(Key::Label(field(e.analyte)))) ": " (value.trim()) " (" (note) ")"
                @if line.others > 0 { " " (lang.fill(Key::ImportSeriesOthers, &[&line.others.to_string()])) }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clinical::date::Date;
    use crate::clinical::form::{evaluate, FormInput};
    use crate::clinical::protocol::PROTOCOL;
    use crate::report::panels::{criteria as criterion_texts, scores, verdict as verdict_text};

    fn count(haystack: &str, needle: &str) -> usize {
        haystack.matches(needle).count()
    }

    #[test]
    fn spliced_text_is_escaped_by_construction() {
        let html = lines(&["<script>alert(1)</script> & \"x\""]).into_string();
        assert_eq!(
            html,
            "<li>&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot;</li>"
        );
    }

    #[test]
    fn an_icon_is_decorative_inline_svg_with_its_path() {
        let html = icon(Glyph::Check).into_string();
        assert!(html.starts_with("<svg class=\"icon\" viewBox=\"0 0 16 16\""));
        assert!(html.contains("aria-hidden=\"true\""));
        assert!(html.contains(&format!("<path d=\"{}\"></path>", Glyph::Check.path())));
    }

    #[test]
    fn criteria_rows_carry_the_contract_attributes_and_nest_i3_parts() {
        let form = FormInput {
            tbil: "200".into(),
            inr: "1.6".into(),
            ..FormInput::default()
        };
        let today = Date::from_ymd(2026, 11, 30).unwrap();
        let vm = evaluate(&form, today, &PROTOCOL);
        let phase = &vm.screening.phases[0];
        let items = criterion_texts(Lang::En, &PROTOCOL, phase);
        let html = criteria(Lang::En, &items).into_string();
        // One <li> per criterion and per I3 part, every one closed.
        let rows = items.len() + items.iter().map(|c| c.parts.len()).sum::<usize>();
        assert_eq!(count(&html, "<li class=\"criterion"), rows);
        assert_eq!(count(&html, "<li"), count(&html, "</li>"));
        assert_eq!(count(&html, "<ul class=\"parts\">"), 1);
        for c in &items {
            assert!(html.contains(&format!(
                "data-testid=\"{}\" data-state=\"{}\"",
                c.testid,
                state_attr(c.state)
            )));
        }
    }

    #[test]
    fn the_verdict_names_each_missing_field_as_a_button_with_its_target() {
        let vm = evaluate(
            &FormInput::default(),
            Date::from_ymd(2026, 11, 30).unwrap(),
            &PROTOCOL,
        );
        let phase = &vm.screening.phases[0];
        let v = verdict_text(Lang::En, &PROTOCOL, phase, &vm.screening.flags);
        assert!(!v.enter_next.is_empty());
        let html = verdict(&v, "phase1").into_string();
        for (testid, label) in &v.enter_next {
            assert!(html.contains(&format!(
                "<button class=\"link-button\" type=\"button\" data-testid=\"enter-next-phase1-{testid}\" data-goto=\"{testid}\">{label}</button>"
            )));
        }
    }

    #[test]
    fn the_meld_card_holds_the_gate_limits_and_the_context_cards_do_not() {
        let form = FormInput {
            tbil: "200".into(),
            inr: "2.0".into(),
            creatinine: "100".into(),
            ..FormInput::default()
        };
        let vm = evaluate(&form, Date::from_ymd(2026, 11, 30).unwrap(), &PROTOCOL);
        let cards = scores(Lang::En, &PROTOCOL, &vm.screening);
        let gate = crate::report::panels::gate_changes(Lang::En, &PROTOCOL, vm.gate.as_ref());
        assert!(gate.is_some());
        let html = score_cards(&cards, gate.as_ref()).into_string();
        assert_eq!(count(&html, "<div class=\"gate-changes\">"), 1);
        let main_end = html.find("<div class=\"score score-context\"").unwrap();
        assert!(html.find("gate-changes").unwrap() < main_end);
        for lab in ["inr", "tbil", "creatinine"] {
            assert!(html.contains(&format!("data-testid=\"meld-change-{lab}\"")));
        }
    }

    #[test]
    fn older_results_say_whether_use_adds_them_and_keep_the_report_text_as_text() {
        use crate::intake::apply::SeriesSkip;
        use crate::intake::{Analyte, FormUnit};
        let day = |d| Date::from_ymd(2026, 11, d).unwrap();
        let entry = |d, value: &str| SeriesEntry {
            analyte: Analyte::Tbil,
            date: day(d),
            minutes: None,
            value: value.into(),
            unit: CandidateUnit::Form(FormUnit::UmolPerL),
        };
        let series = [entry(20, "150"), entry(21, "<b>160</b>")];
        let lines = [
            SeriesLine {
                shown: 0,
                others: 0,
            },
            SeriesLine {
                shown: 1,
                others: 2,
            },
        ];
        let outcomes = [
            SeriesOutcome::Added,
            SeriesOutcome::NotAdded(SeriesSkip::OtherUnit),
        ];
        let html = import_series(Lang::En, &series, &lines, &outcomes).into_string();
        assert_eq!(count(&html, "data-testid=\"import-series\""), 2);
        assert!(html.contains("data-date=\"2026-11-20\" data-added=\"true\""));
        assert!(html.contains("data-date=\"2026-11-21\" data-added=\"false\""));
        assert!(html.contains("&lt;b&gt;160&lt;/b&gt; µmol/L"));
        assert!(!html.contains("<b>"));
        assert!(html.contains(&Lang::En.fill(Key::ImportSeriesOthers, &["2"])));
    }

    #[test]
    fn imported_dates_print_one_line_per_lab_and_nothing_without_them() {
        let today = Date::from_ymd(2026, 11, 30).unwrap();
        let vm = evaluate(&FormInput::default(), today, &PROTOCOL);
        let none = print_header(Lang::En, "now", &vm, &PROTOCOL, &[]).into_string();
        assert!(!none.contains("print-imported-dates"));
        let dated = [(InputId::Inr, today), (InputId::Sodium, today)];
        let html = print_header(Lang::En, "now", &vm, &PROTOCOL, &dated).into_string();
        let list = &html[html.find("data-testid=\"print-imported-dates\"").unwrap()..];
        let list = &list[..list.find("</ul>").unwrap()];
        assert_eq!(count(list, "<li>"), 2);
        assert!(list.contains(&format!(
            "INR: {}",
            Lang::En.fill(Key::ImportDated, &["2026-11-30"])
        )));
    }
}
