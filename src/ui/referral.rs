//! Referral details (SPEC section 7), the exclusion note, the "typical, not confirmed"
//! exclusion checklist, and "how this was decided": every product decision, visible. The lists
//! change only with the language; they are set as markup (`i18n::markup`).

use leptos::prelude::*;

use super::{Ctx, APP_VERSION};
use crate::clinical::protocol::PROTOCOL;
use crate::i18n::markup::list_items;
use crate::i18n::render::protocol_text;
use crate::i18n::summary::referral_lines;
use crate::i18n::{Key, Lang, DECISIONS};

fn typical(lang: Lang) -> String {
    let lines: Vec<&str> = PROTOCOL
        .typical_exclusions
        .iter()
        .map(|t| protocol_text(lang, t))
        .collect();
    list_items(&lines)
}

fn decisions(lang: Lang) -> String {
    let lines: Vec<&str> = DECISIONS
        .iter()
        .map(|d| lang.t(Key::Decision(*d)))
        .collect();
    list_items(&lines)
}

/// Referral details, exclusions and decisions.
#[component]
pub fn Referral() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    view! {
        <section class="referral" aria-labelledby="aclf-referral-heading">
            <h3 id="aclf-referral-heading">{ctx.tr(Key::Referral)}</h3>
            <ul class="referral-lines" inner_html=ctx.lang_html(|lang| list_items(&referral_lines(lang, &PROTOCOL, APP_VERSION)))></ul>
            <p class="exclusion-note">{ctx.tr(Key::ExclusionNote)}</p>
        </section>
        <details class="typical no-print">
            <summary>{ctx.tr(Key::TypicalExclusions)}</summary>
            <p class="typical-label">{ctx.tr(Key::TypicalNotConfirmed)}</p>
            <ul inner_html=ctx.lang_html(typical)></ul>
        </details>
        <details class="decisions">
            <summary>{ctx.tr(Key::Decisions)}</summary>
            <ul inner_html=ctx.lang_html(decisions)></ul>
        </details>
    }
}
