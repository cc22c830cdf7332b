//! Results in sight: one compact line (MELD, each phase's verdict as icon + word) and a button
//! to the full results. It sticks to the top of the viewport while the form scrolls: on a wide
//! screen at the top of the results column, beside the form; on a narrow one above the form (on
//! a phone the results are 3,000 px below the first input). In `?embed=1` (the iframe takes its
//! full height, nothing can stick) it stays where it is, static. Hidden in print. Not a live
//! region: the verdict blocks stay the only announcements.

use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;

use super::icons::Icon;
use super::Ctx;
use crate::clinical::protocol::PROTOCOL;
use crate::i18n::Key;
use crate::report::panels::{verdict_attr, verdict_icon, verdict_word, Glyph};
use crate::report::render::protocol_text;

/// Moves focus to the results heading (found from the button, so that it works inside a shadow
/// root too).
fn show_results(ev: &web_sys::MouseEvent) {
    let heading = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|b| b.closest(".aclf").ok().flatten())
        .and_then(|root| root.query_selector("#results-heading").ok().flatten())
        .and_then(|h| h.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(h) = heading {
        h.scroll_into_view();
        let _ = h.focus();
    }
}

/// One phase in the compact line.
#[component]
fn CompactVerdict(index: usize) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let phase = &PROTOCOL.phases[index];
    let verdict = Memo::new(move |_| {
        ctx.vm
            .with(|v| v.screening.phases.get(index).map(|r| r.verdict.clone()))
    });
    let attr = move || verdict.with(|v| v.as_ref().map_or("incomplete", verdict_attr));
    view! {
        <span
            class=move || format!("compact-verdict verdict-{}", attr())
            data-testid=format!("compact-verdict-{}", phase.id)
            data-verdict=attr
        >
            {move || {
                let glyph = verdict.with(|v| v.as_ref().map_or(Glyph::Ellipsis, verdict_icon));
                view! { <Icon of=glyph/> }
            }}
            " "
            {move || protocol_text(ctx.lang.get(), &phase.name)}
            ": "
            {move || {
                let lang = ctx.lang.get();
                verdict.with(|v| v.as_ref().map_or("", |v| verdict_word(lang, v)))
            }}
        </span>
    }
}

/// The compact summary.
#[component]
pub fn CompactSummary() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let meld = Memo::new(move |_| {
        ctx.vm.with(|v| {
            v.screening
                .meld
                .computed()
                .map(|m| m.score.to_string())
                .unwrap_or_default()
        })
    });
    view! {
        <div class="compact-summary no-print" data-testid="compact-summary" data-meld=meld>
            <span class="compact-meld">
                {ctx.tr(Key::Meld)}
                " "
                <strong>{move || { let m = meld.get(); if m.is_empty() { "–".to_string() } else { m } }}</strong>
            </span>
            {(0..PROTOCOL.phases.len()).map(|index| view! { <CompactVerdict index/> }).collect_view()}
            <button type="button" class="secondary" data-testid="compact-show-results" on:click=|ev| show_results(&ev)>
                {ctx.tr(Key::ShowResults)}
            </button>
        </div>
    }
}
