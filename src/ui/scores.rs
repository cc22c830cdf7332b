//! The score panel: MELD (the trial's gate) large, with its rule, gate decision and borderline
//! flag and what would change the gate (SPEC 9); MELD-Na and MELD 3.0 beside it, marked
//! "context only"; the severity context card (SPEC 11: the EASL-CLIF grade with the organ
//! failures that made it, CLIF-C OF, CLIF-C ACLF / AD, AARC with its grade, each output always
//! in the DOM, and the cirrhosis note; context only, never part of a verdict); the score trail
//! in a disclosure. The content is `report::markup`'s templates; the disclosure is a
//! persistent element, so that it stays open while values change.

use leptos::prelude::*;

use super::Ctx;
use crate::clinical::protocol::PROTOCOL;
use crate::i18n::Key;
use crate::report::markup;
use crate::report::panels::{
    gate_changes, gate_trail, scores, severity_computed, severity_scores, severity_trail, trail,
};

/// The score panel.
#[component]
pub fn Scores() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let cards = Memo::new(move |_| {
        let lang = ctx.lang.get();
        ctx.vm.with(|v| {
            let gate = gate_changes(lang, &PROTOCOL, v.gate.as_ref());
            markup::score_cards(&scores(lang, &PROTOCOL, &v.screening), gate.as_ref()).into_string()
        })
    });
    let severity = Memo::new(move |_| {
        let lang = ctx.lang.get();
        ctx.vm
            .with(|v| markup::severity_scores(&severity_scores(lang, &v.severity)).into_string())
    });
    let computed = Memo::new(move |_| ctx.vm.with(|v| severity_computed(&v.severity)));
    let steps = Memo::new(move |_| {
        let lang = ctx.lang.get();
        ctx.vm.with(|v| {
            let mut steps = trail(lang, &v.screening);
            steps.extend(gate_trail(lang, &PROTOCOL, v.gate.as_ref()));
            steps.extend(severity_trail(lang, &v.severity));
            markup::trail(&steps).into_string()
        })
    });
    view! {
        <div class="scores">
            <div class="score-cards" inner_html=cards></div>
            <div class="severity-card" class:severity-empty=move || !computed.get()>
                <h3>{ctx.tr(Key::SeverityTitle)}</h3>
                <ul class="severity-scores" inner_html=severity></ul>
                <p class="severity-note">{ctx.tr(Key::CirrhosisNote)}</p>
            </div>
            <details class="trail">
                <summary>{ctx.tr(Key::Trail)}</summary>
                <div inner_html=steps></div>
            </details>
        </div>
    }
}
