//! The score panel: MELD (the trial's gate) large, with its rule, gate decision and borderline
//! flag; MELD-Na and MELD 3.0 beside it, marked "context only"; the score trail in a disclosure.
//! The cards and the trail are the core's result put into markup by `report::markup`; the
//! disclosure itself stays a Leptos element, so that it stays open while values change.

use leptos::prelude::*;

use super::Ctx;
use crate::clinical::protocol::PROTOCOL;
use crate::report::markup;
use crate::i18n::Key;

/// The score panel.
#[component]
pub fn Scores() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    view! {
        <div class="scores">
            <div class="score-cards" inner_html=ctx.html(|lang, v| markup::scores(lang, &PROTOCOL, &v.screening))></div>
            <details class="trail">
                <summary>{ctx.tr(Key::Trail)}</summary>
                <div inner_html=ctx.html(|lang, v| markup::trail(lang, &v.screening))></div>
            </details>
        </div>
    }
}
