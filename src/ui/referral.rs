//! Referral details (SPEC section 7), the exclusion note, the "typical, not confirmed"
//! exclusion checklist, and "how this was decided". They change only with the language; the
//! lists are `report::markup` templates, the disclosures persistent elements (a language
//! switch keeps them open).

use leptos::prelude::*;

use super::{Ctx, APP_VERSION};
use crate::clinical::protocol::PROTOCOL;
use crate::i18n::Key;
use crate::report::markup::lines;
use crate::report::panels::{decisions, referral, typical_exclusions};

/// Referral details, exclusions and decisions.
#[component]
pub fn Referral() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let details = move || lines(&referral(ctx.lang.get(), &PROTOCOL, APP_VERSION)).into_string();
    let typical = move || lines(&typical_exclusions(ctx.lang.get(), &PROTOCOL)).into_string();
    let decided = move || lines(&decisions(ctx.lang.get())).into_string();
    view! {
        <div>
            <section class="referral" aria-labelledby="aclf-referral-heading">
                <h3 id="aclf-referral-heading">{ctx.tr(Key::Referral)}</h3>
                <ul class="referral-lines" inner_html=details></ul>
                <p class="exclusion-note">{ctx.tr(Key::ExclusionNote)}</p>
            </section>
            <details class="typical no-print">
                <summary>{ctx.tr(Key::TypicalExclusions)}</summary>
                <p class="typical-label">{ctx.tr(Key::TypicalNotConfirmed)}</p>
                <ul inner_html=typical></ul>
            </details>
            <details class="decisions">
                <summary>{ctx.tr(Key::Decisions)}</summary>
                <ul inner_html=decided></ul>
            </details>
        </div>
    }
}
