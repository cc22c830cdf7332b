//! Referral details (SPEC section 7), the exclusion note, the "typical, not confirmed"
//! exclusion checklist, and "how this was decided": markup by language (`report::markup`).

use leptos::prelude::*;

use super::{Ctx, APP_VERSION};
use crate::clinical::protocol::PROTOCOL;
use crate::report::markup;

/// Referral details, exclusions and decisions.
#[component]
pub fn Referral() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    view! { <div inner_html=ctx.lang_html(|lang| markup::referral(lang, &PROTOCOL, APP_VERSION))></div> }
}
