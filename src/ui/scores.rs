//! The score panel: MELD (the trial's gate) large, with its rule, gate decision and borderline
//! flag; MELD-Na and MELD 3.0 beside it, marked "context only"; the score trail in a disclosure.

use leptos::prelude::*;

use super::Ctx;
use crate::clinical::meld::ScoreOutcome;
use crate::clinical::patient::InputSet;
use crate::i18n::render::{input_list, meld3_trail, meld_na_trail, meld_trail};
use crate::i18n::{num, Key};

/// The integer as ASCII text, or nothing when not computable (test contract).
fn value_text<T>(s: &ScoreOutcome<T>, score: impl Fn(&T) -> u8) -> String {
    s.computed()
        .map(|t| score(t).to_string())
        .unwrap_or_default()
}

/// The inputs a score still needs, if it is not computable.
fn missing_of<T>(s: &ScoreOutcome<T>) -> Option<InputSet> {
    match s {
        ScoreOutcome::NotComputable(m) => Some(*m),
        ScoreOutcome::Computed(_) => None,
    }
}

/// A context-only score: name, value, and what it still needs.
#[component]
fn ContextScore(
    name: Key,
    testid: &'static str,
    value: Signal<String>,
    needs: Signal<Option<String>>,
) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    view! {
        <div class="score score-context">
            <span class="score-name">{move || ctx.t(name)}</span>
            <span class="score-value" data-testid=testid>{value}</span>
            <span class="score-tag">{move || ctx.t(Key::ContextOnly)}</span>
            {move || needs.get().map(|n| view! { <p class="score-needs">{n}</p> })}
        </div>
    }
}

/// The score panel.
#[component]
pub fn Scores() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let needs = move |missing: Option<InputSet>| {
        missing.map(|m| {
            ctx.lang
                .get()
                .fill(Key::NeedsInputs, &[&input_list(ctx.lang.get(), m)])
        })
    };
    let meld = move || ctx.vm.with(|v| v.screening.meld.computed().copied());
    let meld_value = move || ctx.vm.with(|v| value_text(&v.screening.meld, |m| m.score));
    let gate_line = move || {
        let lang = ctx.lang.get();
        match meld() {
            Some(m) => {
                let key = if m.gate.passes {
                    Key::GatePass
                } else {
                    Key::GateFail
                };
                lang.fill(key, &[&m.score.to_string(), &m.gate.below.to_string()])
            }
            None => needs(ctx.vm.with(|v| missing_of(&v.screening.meld))).unwrap_or_default(),
        }
    };
    let gate_class = move || match meld() {
        Some(m) if m.gate.passes => "gate gate-pass",
        Some(_) => "gate gate-fail",
        None => "gate gate-unknown",
    };
    let borderline = move || {
        meld().filter(|m| m.gate.borderline).map(|m| {
            view! {
                <p class="borderline" data-testid="meld-borderline">
                    <span aria-hidden="true">"⚠ "</span>
                    {move || ctx.lang.get().fill(Key::Borderline, &[&num(m.unrounded, 2), &m.score.to_string()])}
                </p>
            }
        })
    };
    let na_value = Signal::derive(move || {
        ctx.vm
            .with(|v| value_text(&v.screening.meld_na, |m| m.score))
    });
    let na_needs = Signal::derive(move || needs(ctx.vm.with(|v| missing_of(&v.screening.meld_na))));
    let m3_value =
        Signal::derive(move || ctx.vm.with(|v| value_text(&v.screening.meld3, |m| m.score)));
    let m3_needs = Signal::derive(move || needs(ctx.vm.with(|v| missing_of(&v.screening.meld3))));
    let trail = move || {
        let lang = ctx.lang.get();
        ctx.vm.with(|v| {
            let s = &v.screening;
            let mut lines = Vec::new();
            if let Some(m) = s.meld.computed() {
                lines.push((lang.t(Key::Meld), meld_trail(lang, m)));
            }
            if let Some(m) = s.meld_na.computed() {
                lines.push((lang.t(Key::MeldNa), meld_na_trail(lang, m)));
            }
            if let Some(m) = s.meld3.computed() {
                lines.push((lang.t(Key::Meld3), meld3_trail(lang, m)));
            }
            lines
                .into_iter()
                .map(|(name, rows)| {
                    view! {
                        <h4>{name}</h4>
                        <ul>{rows.into_iter().map(|r| view! { <li>{r}</li> }).collect_view()}</ul>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <div class="scores">
            <div class="score score-main">
                <span class="score-name">{move || ctx.t(Key::Meld)}</span>
                <span class="score-value" data-testid="meld">{meld_value}</span>
                <p class="score-rule">
                    {move || ctx.lang.get().fill(Key::MeldRule, &[&crate::clinical::protocol::PROTOCOL.thresholds.meld_below.to_string()])}
                </p>
                <p class=gate_class>{gate_line}</p>
                {borderline}
            </div>
            <ContextScore name=Key::MeldNa testid="meld-na" value=na_value needs=na_needs/>
            <ContextScore name=Key::Meld3 testid="meld-3" value=m3_value needs=m3_needs/>
            <details class="trail">
                <summary>{move || ctx.t(Key::Trail)}</summary>
                {trail}
            </details>
        </div>
    }
}
