//! Serial labs (SPEC 10) as Leptos views: the "earlier results" table in the form (row 0 is
//! the main "earlier TBIL" pair, referenced, never copied; rows 1, 2, ... are `FormInput.series`)
//! and the trend in the results: an inline SVG of two stacked panels drawn from the core's
//! geometry, with the same values in a table (the template `report::markup::trend`). The words
//! come from `report::series`.

use leptos::prelude::*;

use super::Ctx;
use crate::clinical::form::{FieldMessage, FormInput};
use crate::clinical::series::{SeriesField, SeriesRowText, SeriesUnits, TrendChart};
use crate::i18n::Key;
use crate::report::markup;
use crate::report::render::field_message;
use crate::report::series::{column_label, rise_line, row_meld, COLUMNS};

fn units(f: &FormInput) -> SeriesUnits {
    SeriesUnits {
        tbil: f.tbil_unit,
        creatinine: f.creatinine_unit,
        albumin: f.albumin_unit,
    }
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
                .map(|r| r.text(field).to_string())
                .unwrap_or_default()
        })
    };
    let on_input = move |ev: web_sys::Event| {
        let v = event_target_value(&ev);
        ctx.form.update(|f| {
            if let Some(r) = f.series.get_mut(index - 1) {
                *r.text_mut(field) = v;
            }
        });
    };
    let label = move || {
        let lang = ctx.lang.get();
        let column = ctx.form.with(|f| column_label(lang, field, units(f)));
        lang.fill(Key::SeriesCellLabel, &[&column, &index.to_string()])
    };
    let described = msg_id.clone();
    // "From import" while the cell holds the value "Use" wrote (SPEC 8), as the main fields.
    let imported = use_context::<super::intake::Imported>();
    let from_import = move || {
        imported.is_some_and(|i| {
            ctx.form.with(|f| {
                f.series
                    .get(index - 1)
                    .is_some_and(|r| i.has_series(r, field))
            })
        })
    };
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
                data-source=move || from_import().then_some("import")
            />
            {move || from_import().then(|| view! { <span class="import-badge">{ctx.tr(Key::ImportBadge)}</span> })}
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
                        {move || (1..=count.get()).map(|index| view! { <SeriesRowView index/> }).collect_view()}
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

/// The trend in the results: the chart (or why there is none) and the table of its values,
/// `report::markup::trend`; printed only when a chart is drawn.
#[component]
pub fn Trend() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let drawn = Memo::new(move |_| {
        ctx.vm
            .with(|v| matches!(v.series.trend.chart, TrendChart::Drawn(_)))
    });
    let body = Memo::new(move |_| {
        let lang = ctx.lang.get();
        let units = ctx.form.with(units);
        ctx.vm
            .with(|v| markup::trend(lang, &v.series.trend, units).into_string())
    });
    view! {
        <section
            class=move || if drawn.get() { "trend trend-drawn" } else { "trend no-print" }
            aria-labelledby="aclf-trend-heading"
        >
            <h3 id="aclf-trend-heading">{ctx.tr(Key::TrendHeading)}</h3>
            <div class="trend-body" inner_html=body></div>
        </section>
    }
}
