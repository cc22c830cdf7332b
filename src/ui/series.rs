//! Serial labs (SPEC 10) as Leptos views: the "earlier results" table in the form (row 0 is
//! the main "earlier TBIL" pair, referenced, never copied; rows 1, 2, ... are `FormInput.series`)
//! and the trend in the results: an inline SVG of two stacked panels drawn from the core's
//! geometry, with the same values in a table. The words come from `report::series`.

use leptos::prelude::*;

use super::Ctx;
use crate::clinical::form::{FieldMessage, FormInput};
use crate::clinical::series::{
    ChartGeometry, Panel, PanelKind, PanelPoint, SeriesField, SeriesRowText, SeriesUnits,
    TrendChart,
};
use crate::clinical::units::MolarUnit;
use crate::i18n::{fixed, Key};
use crate::report::render::field_message;
use crate::report::series::{
    axis_labels, column_label, date_ticks, no_chart, panel_title, rise_line, row_meld,
    threshold_label, trend_alt, trend_rows, value_label, COLUMNS,
};

fn units(f: &FormInput) -> SeriesUnits {
    SeriesUnits {
        tbil: f.tbil_unit,
        creatinine: f.creatinine_unit,
        albumin: f.albumin_unit,
    }
}

fn text_of(r: &SeriesRowText, field: SeriesField) -> &str {
    match field {
        SeriesField::Date => &r.date,
        SeriesField::Tbil => &r.tbil,
        SeriesField::Inr => &r.inr,
        SeriesField::Creatinine => &r.creatinine,
        SeriesField::Sodium => &r.sodium,
        SeriesField::Albumin => &r.albumin,
    }
}

fn text_mut(r: &mut SeriesRowText, field: SeriesField) -> &mut String {
    match field {
        SeriesField::Date => &mut r.date,
        SeriesField::Tbil => &mut r.tbil,
        SeriesField::Inr => &mut r.inr,
        SeriesField::Creatinine => &mut r.creatinine,
        SeriesField::Sodium => &mut r.sodium,
        SeriesField::Albumin => &mut r.albumin,
    }
}

/// A coordinate for an SVG attribute (integer formatting: no float-formatting code in the wasm).
fn c(v: f64) -> String {
    fixed(v, 1)
}

/// One typed value of a row: the input and the core's message under it, like the main fields.
#[component]
fn SeriesCell(index: usize, field: SeriesField) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let name = field.name();
    let msg_id = format!("aclf-msg-series-{index}-{name}");
    let message = Memo::new(move |_| {
        ctx.vm.with(|v| {
            v.series_messages
                .iter()
                .find(|(r, f, _)| *r == index && *f == field)
                .map(|(_, _, m)| m.clone())
        })
    });
    let date = field == SeriesField::Date;
    let value = move || {
        ctx.form.with(|f| {
            f.series
                .get(index - 1)
                .map(|r| text_of(r, field).to_string())
                .unwrap_or_default()
        })
    };
    let on_input = move |ev: web_sys::Event| {
        let v = event_target_value(&ev);
        ctx.form.update(|f| {
            if let Some(r) = f.series.get_mut(index - 1) {
                *text_mut(r, field) = v;
            }
        });
    };
    let label = move || {
        let lang = ctx.lang.get();
        let column = ctx.form.with(|f| column_label(lang, field, units(f)));
        lang.fill(Key::SeriesCellLabel, &[&column, &index.to_string()])
    };
    let described = msg_id.clone();
    view! {
        <td class="series-cell">
            <input
                type=if date { "date" } else { "text" }
                id=format!("aclf-series-{index}-{name}")
                data-testid=format!("series-{name}")
                inputmode=(!date).then_some("decimal")
                autocomplete="off"
                spellcheck=(!date).then_some("false")
                max=date.then(|| ctx.today.iso())
                aria-label=label
                aria-invalid=move || {
                    message.with(|m| matches!(m, Some(FieldMessage::Error(_)))).then_some("true")
                }
                aria-describedby=move || message.with(|m| m.is_some().then(|| described.clone()))
                prop:value=value
                on:input=on_input
            />
            {move || {
                message
                    .get()
                    .map(|m| {
                        let (class, kind, icon) = match m {
                            FieldMessage::Error(_) => ("msg msg-error", "error", "⛔ "),
                            FieldMessage::Unusual { .. } => ("msg msg-warning", "warning", "⚠ "),
                        };
                        view! {
                            <p class=class id=msg_id.clone() data-testid=format!("{kind}-series-{index}-{name}")>
                                <span aria-hidden="true">{icon}</span>
                                {move || field_message(ctx.lang.get(), &m)}
                            </p>
                        }
                    })
            }}
        </td>
    }
}

/// The radio that picks the row the mean daily rise uses (checked: the row it uses now).
#[component]
fn RiseRadio(index: usize) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    view! {
        <td class="series-rise">
            <input
                type="radio"
                name="aclf-series-rise"
                data-testid="series-rise"
                value=index.to_string()
                aria-label=move || ctx.lang.get().fill(Key::SeriesRiseLabel, &[&index.to_string()])
                prop:checked=move || ctx.vm.with(|v| v.series.rise.row == Some(index))
                on:change=move |_| ctx.form.update(|f| f.series_pick = Some(index))
            />
        </td>
    }
}

/// A row's MELD (its own labs, no dialysis rule), marked when the dialysis box is checked.
#[component]
fn RowMeld(index: usize) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let shown = Memo::new(move |_| {
        ctx.vm.with(|v| {
            v.series
                .rows
                .get(index)
                .map(|r| (row_meld(r), r.without_dialysis_rule))
        })
    });
    view! {
        <td class="series-meld" data-testid="series-meld">
            {move || {
                let (meld, without) = shown.get().unwrap_or((None, false));
                let score = meld.unwrap_or_else(|| ctx.t(Key::SeriesNoValue).to_string());
                view! {
                    {score}
                    {without
                        .then(|| {
                            view! { <span class="series-note">" " {ctx.tr(Key::SeriesWithoutDialysis)}</span> }
                        })}
                }
            }}
        </td>
    }
}

/// A typed row (1, 2, ...): the six values, its MELD, the rise radio, remove.
#[component]
fn SeriesRowView(index: usize) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let remove = move |_| {
        ctx.form.update(|f| {
            if index - 1 < f.series.len() {
                f.series.remove(index - 1);
            }
            f.series_pick = match f.series_pick {
                Some(p) if p == index => None,
                Some(p) if p > index => Some(p - 1),
                p => p,
            };
        });
    };
    view! {
        <tr data-testid="series-row" data-index=index.to_string()>
            <th scope="row">{index.to_string()}</th>
            {COLUMNS
                .into_iter()
                .map(|field| view! { <SeriesCell index field/> })
                .collect_view()}
            <RowMeld index/>
            <RiseRadio index/>
            <td>
                <button
                    type="button"
                    class="secondary series-remove"
                    data-testid="series-remove"
                    aria-label=move || ctx.lang.get().fill(Key::SeriesRemoveRow, &[&index.to_string()])
                    on:click=remove
                >
                    {ctx.tr(Key::SeriesRemove)}
                </button>
            </td>
        </tr>
    }
}

/// Row 0: the main "earlier TBIL" pair, shown as entered above (nothing is copied).
#[component]
fn MainRow() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let dash = move |s: String| {
        if s.trim().is_empty() {
            ctx.t(Key::SeriesNoValue).to_string()
        } else {
            s
        }
    };
    view! {
        <tr data-testid="series-row" data-index="0" class="series-main">
            <th scope="row">"0"</th>
            <td>{move || dash(ctx.form.with(|f| f.tbil_earlier_date.clone()))}</td>
            <td>{move || dash(ctx.form.with(|f| f.tbil_earlier.clone()))}</td>
            <td colspan="4" class="hint">{ctx.tr(Key::SeriesRowMain)}</td>
            <RowMeld index=0/>
            <RiseRadio index=0/>
            <td></td>
        </tr>
    }
}

/// The "earlier results" table, in the form right after the labs.
#[component]
pub fn SeriesTable() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let count = Memo::new(move |_| ctx.form.with(|f| f.series.len()));
    let add = move |_| ctx.form.update(|f| f.series.push(SeriesRowText::default()));
    let picked = Memo::new(move |_| ctx.form.with(|f| f.series_pick.is_some()));
    let line = move || {
        let lang = ctx.lang.get();
        let unit = ctx.form.with(|f| f.tbil_unit);
        ctx.vm.with(|v| rise_line(lang, &v.series.rise, unit))
    };
    view! {
        <fieldset class="section series" data-testid="series">
            <legend>{ctx.tr(Key::SeriesHeading)}</legend>
            <p class="hint">{ctx.tr(Key::SeriesHint)}</p>
            <div class="series-scroll">
                <table class="series-table">
                    <thead>
                        <tr>
                            <th scope="col">{ctx.tr(Key::SeriesRowHead)}</th>
                            {COLUMNS
                                .into_iter()
                                .map(|field| {
                                    view! {
                                        <th scope="col">
                                            {move || {
                                                let lang = ctx.lang.get();
                                                ctx.form.with(|f| column_label(lang, field, units(f)))
                                            }}
                                        </th>
                                    }
                                })
                                .collect_view()}
                            <th scope="col">{ctx.tr(Key::SeriesMeld)}</th>
                            <th scope="col">{ctx.tr(Key::SeriesRise)}</th>
                            <th scope="col"><span class="visually-hidden">{ctx.tr(Key::SeriesRemove)}</span></th>
                        </tr>
                    </thead>
                    <tbody>
                        <MainRow/>
                        <For
                            each=move || 1..=count.get()
                            key=|i| *i
                            children=move |index| view! { <SeriesRowView index/> }
                        />
                    </tbody>
                </table>
            </div>
            <div class="series-actions">
                <button type="button" class="secondary" data-testid="series-add" on:click=add>
                    {ctx.tr(Key::SeriesAdd)}
                </button>
                {move || {
                    picked
                        .get()
                        .then(|| {
                            view! {
                                <button
                                    type="button"
                                    class="secondary"
                                    data-testid="series-rise-auto"
                                    on:click=move |_| ctx.form.update(|f| f.series_pick = None)
                                >
                                    {ctx.tr(Key::SeriesRiseAuto)}
                                </button>
                            }
                        })
                }}
            </div>
            <p class="series-rise-line" data-testid="series-rise-line" aria-live="polite">{line}</p>
        </fieldset>
    }
}

/// A point of a panel, its value label above it (below when near the top edge); the latest is
/// larger and filled.
#[component]
fn PointMark(
    kind: PanelKind,
    point: PanelPoint,
    top: f64,
    date: String,
    unit: MolarUnit,
    x_left: f64,
    x_right: f64,
) -> impl IntoView {
    let label = value_label(kind, point.value, unit);
    let kind_name = match kind {
        PanelKind::Tbil => "tbil",
        PanelKind::Meld => "meld",
    };
    let anchor = if point.x <= x_left + 1.0 {
        "start"
    } else if point.x >= x_right - 1.0 {
        "end"
    } else {
        "middle"
    };
    let label_y = if point.y - top < 16.0 {
        point.y + 16.0
    } else {
        point.y - 8.0
    };
    view! {
        <circle
            class=if point.latest { "trend-point trend-latest" } else { "trend-point" }
            data-point=kind_name
            data-date=date
            data-value=label.clone()
            data-latest=point.latest.then_some("true")
            cx=c(point.x)
            cy=c(point.y)
            r=if point.latest { "5.5" } else { "3.5" }
        ></circle>
        <text
            class=if point.latest { "trend-label trend-label-latest" } else { "trend-label" }
            x=c(point.x)
            y=c(label_y)
            text-anchor=anchor
        >
            {label}
        </text>
    }
}

/// One of the two stacked panels: frame, title, value axis, threshold line, line and points.
#[component]
fn PanelView(
    panel: Panel,
    dates: Vec<String>,
    unit: MolarUnit,
    x_left: f64,
    x_right: f64,
) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let kind = panel.kind;
    let line: String = panel
        .points
        .iter()
        .map(|p| format!("{},{}", c(p.x), c(p.y)))
        .collect::<Vec<_>>()
        .join(" ");
    let axis = axis_labels(&panel)
        .into_iter()
        .map(|(y, label)| {
            view! {
                <text class="trend-axis" x=c(x_left - 6.0) y=c(y + 3.5) text-anchor="end">{label}</text>
            }
        })
        .collect_view();
    let title_panel = panel.clone();
    let threshold_panel = panel.clone();
    let top = panel.top;
    let points = panel
        .points
        .iter()
        .map(|p| {
            let date = dates[p.point].clone();
            view! { <PointMark kind point=*p top date unit x_left x_right/> }
        })
        .collect_view();
    view! {
        <g class=match kind { PanelKind::Tbil => "trend-panel trend-tbil", PanelKind::Meld => "trend-panel trend-meld" }>
            <text class="trend-title" x=c(x_left) y=c(panel.top - 7.0)>
                {move || panel_title(ctx.lang.get(), kind, unit)}
            </text>
            <rect
                class="trend-frame"
                x=c(x_left)
                y=c(panel.top)
                width=c(x_right - x_left)
                height=c(panel.bottom - panel.top)
            ></rect>
            {axis}
            <line
                class="trend-threshold"
                x1=c(x_left)
                x2=c(x_right)
                y1=c(panel.threshold_y)
                y2=c(panel.threshold_y)
            ></line>
            <text class="trend-threshold-label" x=c(x_right - 2.0) y=c(panel.threshold_y - 3.0) text-anchor="end">
                {move || threshold_label(ctx.lang.get(), &threshold_panel, unit)}
            </text>
            <polyline class="trend-line" points=line></polyline>
            {points}
            {move || title_panel.points.is_empty().then(|| view! {
                <text class="trend-empty" x=c((x_left + x_right) / 2.0) y=c((title_panel.top + title_panel.bottom) / 2.0) text-anchor="middle">
                    {ctx.t(Key::SeriesNoValue)}
                </text>
            })}
        </g>
    }
}

/// The chart: the time axis (ticks across both panels, dates under the lower one) and the two
/// panels, with the text alternative as its accessible name.
#[component]
fn Chart(geometry: ChartGeometry, dates: Vec<String>, unit: MolarUnit) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let g = geometry;
    let alt_g = g.clone();
    let alt = move || {
        let lang = ctx.lang.get();
        ctx.vm
            .with(|v| trend_alt(lang, &v.series.trend, &alt_g, unit))
    };
    let ticks = ctx.vm.with_untracked(|v| date_ticks(&v.series.trend, &g));
    let [tbil, meld] = g.panels.clone();
    let (top, bottom) = (tbil.top, meld.bottom);
    let ticks = ticks
        .into_iter()
        .map(|(x, label)| {
            let anchor = if x <= g.x_left + 1.0 {
                "start"
            } else if x >= g.x_right - 1.0 {
                "end"
            } else {
                "middle"
            };
            view! {
                <line class="trend-tick" x1=c(x) x2=c(x) y1=c(top) y2=c(bottom)></line>
                <text class="trend-date" x=c(x) y=c(bottom + 16.0) text-anchor=anchor>{label}</text>
            }
        })
        .collect_view();
    let (x_left, x_right) = (g.x_left, g.x_right);
    view! {
        <svg
            class="trend-chart"
            data-testid="trend-chart"
            role="img"
            aria-label=alt
            viewBox=format!("0 0 {} {}", c(g.width), c(g.height))
            preserveAspectRatio="xMidYMid meet"
            xmlns="http://www.w3.org/2000/svg"
        >
            {ticks}
            <PanelView panel=tbil dates=dates.clone() unit x_left x_right/>
            <PanelView panel=meld dates unit x_left x_right/>
        </svg>
    }
}

/// The trend in the results: the chart (or why there is none) and the table of its values.
#[component]
pub fn Trend() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let trend = Memo::new(move |_| ctx.vm.with(|v| v.series.trend.clone()));
    let unit = Memo::new(move |_| ctx.form.with(|f| f.tbil_unit));
    let drawn = Memo::new(move |_| trend.with(|t| matches!(t.chart, TrendChart::Drawn(_))));
    let chart = move || {
        let unit = unit.get();
        trend.with(|t| match &t.chart {
            TrendChart::Drawn(g) => {
                let dates = t.points.iter().map(|p| p.date.iso()).collect();
                view! { <Chart geometry=g.clone() dates unit/> }.into_any()
            }
            TrendChart::None(why) => {
                let why = *why;
                view! {
                    <p class="trend-none" data-testid="trend-none">
                        {move || no_chart(ctx.lang.get(), why)}
                    </p>
                }
                .into_any()
            }
        })
    };
    let rows = move || {
        let lang = ctx.lang.get();
        let unit = unit.get();
        trend.with(|t| trend_rows(lang, t, unit))
    };
    let has_rows = Memo::new(move |_| trend.with(|t| !t.points.is_empty()));
    view! {
        <section
            class=move || if drawn.get() { "trend trend-drawn" } else { "trend no-print" }
            aria-labelledby="aclf-trend-heading"
        >
            <h3 id="aclf-trend-heading">{ctx.tr(Key::TrendHeading)}</h3>
            <div class="trend-body">
                {chart}
                {move || {
                    has_rows
                        .get()
                        .then(|| {
                            view! {
                                <table class="trend-table">
                                    <caption>{ctx.tr(Key::TrendTableCaption)}</caption>
                                    <thead>
                                        <tr>
                                            <th scope="col">{ctx.tr(Key::SeriesDate)}</th>
                                            <th scope="col">
                                                {move || {
                                                    let lang = ctx.lang.get();
                                                    ctx.form.with(|f| column_label(lang, SeriesField::Tbil, units(f)))
                                                }}
                                            </th>
                                            <th scope="col">{ctx.tr(Key::SeriesMeld)}</th>
                                            <th scope="col">{ctx.tr(Key::TrendSource)}</th>
                                        </tr>
                                    </thead>
                                    <tbody>
                                        {move || {
                                            rows()
                                                .into_iter()
                                                .map(|r| view! { <TrendRow row=r/> })
                                                .collect_view()
                                        }}
                                    </tbody>
                                </table>
                            }
                        })
                }}
            </div>
        </section>
    }
}

/// A row of the table beside the chart.
#[component]
fn TrendRow(row: crate::report::series::TrendRowView) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let dash = |s: &str| {
        if s.is_empty() {
            ctx.t(Key::SeriesNoValue).to_string()
        } else {
            s.to_string()
        }
    };
    let (tbil, meld) = (dash(&row.tbil), dash(&row.meld));
    let date = row.date.clone();
    view! {
        <tr
            data-testid="trend-row"
            class:trend-row-latest=row.latest
            data-date=row.date
            data-tbil=row.tbil
            data-meld=row.meld
        >
            <td>{date}</td>
            <td>{tbil}</td>
            <td>{meld}</td>
            <td>{row.source}</td>
        </tr>
    }
}
