//! Referral details (SPEC section 7), the exclusion note, the "typical, not confirmed"
//! exclusion checklist, and "how this was decided". They change only with the language; the
//! disclosures are persistent elements (a language switch keeps them open).

use leptos::prelude::*;

use super::{owned, Ctx, Lines, APP_VERSION};
use crate::clinical::protocol::PROTOCOL;
use crate::i18n::Key;
use crate::report::panels::{decisions, referral, typical_exclusions};

/// Referral details, exclusions and decisions.
#[component]
pub fn Referral() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let lines = move || referral(ctx.lang.get(), &PROTOCOL, APP_VERSION);
    let typical = move || owned(typical_exclusions(ctx.lang.get(), &PROTOCOL));
    let decided = move || owned(decisions(ctx.lang.get()));
    view! {
        <div>
            <section class="referral" aria-labelledby="aclf-referral-heading">
                <h3 id="aclf-referral-heading">{ctx.tr(Key::Referral)}</h3>
                <ul class="referral-lines">{move || view! { <Lines lines=lines()/> }}</ul>
                <p class="exclusion-note">{ctx.tr(Key::ExclusionNote)}</p>
            </section>
            <details class="typical no-print">
                <summary>{ctx.tr(Key::TypicalExclusions)}</summary>
                <p class="typical-label">{ctx.tr(Key::TypicalNotConfirmed)}</p>
                <ul>{move || view! { <Lines lines=typical()/> }}</ul>
            </details>
            <details class="decisions">
                <summary>{ctx.tr(Key::Decisions)}</summary>
                <ul>{move || view! { <Lines lines=decided()/> }}</ul>
            </details>
        </div>
    }
}
