//! The score panel: MELD (the trial's gate) large, with its rule, gate decision and borderline
//! flag and what would change the gate (`ui::gate`); MELD-Na and MELD 3.0 beside it, marked
//! "context only"; the severity context card (`ui::severity`); the score trail (with the gate
//! limits and the severity scores) in a disclosure.
//! One `ScoreCard` component for the three cards; the disclosure is a persistent element, so
//! that it stays open while values change.

use leptos::prelude::*;

use super::gate::GateChanges;
use super::icons::Icon;
use super::severity::SeverityCard;
use super::{Ctx, Lines};
use crate::clinical::protocol::PROTOCOL;
use crate::i18n::Key;
use crate::report::panels::{gate_trail, scores, severity_trail, trail, Glyph, ScoreText};

/// One score card.
#[component]
fn ScoreCard(score: ScoreText) -> impl IntoView {
    let main = score.context.is_none();
    view! {
        <div class=if main { "score score-main" } else { "score score-context" }>
            <span class="score-name">{score.name}</span>
            <span class="score-value" data-testid=score.testid>{score.value}</span>
            {score.rule.map(|r| view! { <p class="score-rule">{r}</p> })}
            {score.gate.map(|(class, line)| view! { <p class=class>{line}</p> })}
            {score
                .borderline
                .map(|b| {
                    view! {
                        <p class="borderline" data-testid="meld-borderline">
                            <Icon of=Glyph::Warning/>
                            " "
                            {b}
                        </p>
                    }
                })}
            {main.then(|| view! { <GateChanges/> })}
            {score.context.map(|c| view! { <span class="score-tag">{c}</span> })}
            {score.needs.map(|n| view! { <p class="score-needs">{n}</p> })}
        </div>
    }
}

/// The score panel.
#[component]
pub fn Scores() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let cards = Memo::new(move |_| {
        let lang = ctx.lang.get();
        ctx.vm.with(|v| scores(lang, &PROTOCOL, &v.screening))
    });
    let steps = Memo::new(move |_| {
        let lang = ctx.lang.get();
        ctx.vm.with(|v| {
            let mut steps = trail(lang, &v.screening);
            steps.extend(gate_trail(lang, &PROTOCOL, v.gate.as_ref()));
            steps.extend(severity_trail(lang, &v.severity));
            steps
        })
    });
    view! {
        <div class="scores">
            <div class="score-cards">
                {move || cards.get().into_iter().map(|score| view! { <ScoreCard score/> }).collect_view()}
            </div>
            <SeverityCard/>
            <details class="trail">
                <summary>{ctx.tr(Key::Trail)}</summary>
                <div>
                    {move || {
                        steps
                            .get()
                            .into_iter()
                            .map(|(name, rows)| view! { <h4>{name}</h4><ul><Lines lines=rows/></ul> })
                            .collect_view()
                    }}
                </div>
            </details>
        </div>
    }
}
