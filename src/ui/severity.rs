//! The severity context card (SPEC 11) in the results, near the scores: the EASL-CLIF grade
//! with the organ failures that made it, CLIF-C OF, CLIF-C ACLF / AD, AARC with its grade, each
//! output always in the DOM (empty when not computable, with what it needs), and the EASL-CLIF
//! cirrhosis note. Context only: never part of a verdict. The trails are in the score panel's
//! "How this was computed". Printed only when a score is computed.

use leptos::prelude::*;

use super::Ctx;
use crate::i18n::Key;
use crate::report::panels::{severity_computed, severity_scores, SeverityScoreText};

/// One score of the card.
#[component]
fn SeverityScore(score: SeverityScoreText) -> impl IntoView {
    view! {
        <li class="severity-score">
            <span class="score-name">{score.name}</span>
            " "
            <span
                class="severity-value"
                data-testid=score.testid
                data-grade=score.data_grade
                data-failures=score.data_failures
            >
                {score.value}
            </span>
            {score
                .grade
                .map(|(grade, words)| {
                    view! {
                        " "
                        <span class="severity-grade" data-testid="aarc-grade" data-grade=grade>
                            {words}
                        </span>
                    }
                })}
            {score.needs.map(|n| view! { <span class="score-needs">{n}</span> })}
        </li>
    }
}

/// The severity context card.
#[component]
pub fn SeverityCard() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let rows = Memo::new(move |_| {
        let lang = ctx.lang.get();
        ctx.vm.with(|v| severity_scores(lang, &v.severity))
    });
    let computed = Memo::new(move |_| ctx.vm.with(|v| severity_computed(&v.severity)));
    view! {
        <div class="severity-card" class:severity-empty=move || !computed.get()>
            <h3>{ctx.tr(Key::SeverityTitle)}</h3>
            <ul class="severity-scores">
                {move || rows.get().into_iter().map(|score| view! { <SeverityScore score/> }).collect_view()}
            </ul>
            <p class="severity-note">{ctx.tr(Key::CirrhosisNote)}</p>
        </div>
    }
}
