//! Referral details (SPEC section 7), the exclusion note, the "typical, not confirmed"
//! exclusion checklist, and "how this was decided": every product decision, visible.

use leptos::prelude::*;

use super::{Ctx, APP_VERSION};
use crate::clinical::protocol::PROTOCOL;
use crate::i18n::render::protocol_text;
use crate::i18n::summary::referral_lines;
use crate::i18n::{Key, DECISIONS};

/// Referral details, exclusions and decisions.
#[component]
pub fn Referral() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let lines = move || {
        referral_lines(ctx.lang.get(), &PROTOCOL, APP_VERSION)
            .into_iter()
            .map(|l| view! { <li>{l}</li> })
            .collect_view()
    };
    let typical = move || {
        let lang = ctx.lang.get();
        PROTOCOL
            .typical_exclusions
            .iter()
            .map(|t| view! { <li>{protocol_text(lang, t)}</li> })
            .collect_view()
    };
    let decisions = move || {
        let lang = ctx.lang.get();
        DECISIONS
            .iter()
            .map(|d| view! { <li>{lang.t(Key::Decision(*d))}</li> })
            .collect_view()
    };
    view! {
        <section class="referral" aria-labelledby="aclf-referral-heading">
            <h3 id="aclf-referral-heading">{move || ctx.t(Key::Referral)}</h3>
            <ul class="referral-lines">{lines}</ul>
            <p class="exclusion-note">{move || ctx.t(Key::ExclusionNote)}</p>
        </section>
        <details class="typical no-print">
            <summary>{move || ctx.t(Key::TypicalExclusions)}</summary>
            <p class="typical-label">{move || ctx.t(Key::TypicalNotConfirmed)}</p>
            <ul>{typical}</ul>
        </details>
        <details class="decisions">
            <summary>{move || ctx.t(Key::Decisions)}</summary>
            <ul>{decisions}</ul>
        </details>
    }
}
