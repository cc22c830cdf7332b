//! What would change the MELD gate (SPEC 9), inside the MELD card: the intro ("with the other
//! labs unchanged": an explanation of the formula, not advice) and one item per lab with the
//! contract's attributes. Absent while MELD is not computed; a unit switch re-expresses the
//! limits because they follow the view model.

use leptos::prelude::*;

use super::Ctx;
use crate::clinical::protocol::PROTOCOL;
use crate::report::panels::{gate_changes, GateChangeText};

/// One lab's limit: `meld-change-<lab>` with `data-kind`, `data-reachable`, `data-limit`
/// (reachable only) or `data-reason` (not reachable only).
#[component]
fn GateChange(item: GateChangeText) -> impl IntoView {
    view! {
        <li
            data-testid=item.testid
            data-kind=item.kind
            data-reachable=item.reachable
            data-limit=item.limit
            data-reason=item.reason
        >
            {item.text}
        </li>
    }
}

/// The three limits beside MELD.
#[component]
pub fn GateChanges() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let changes = Memo::new(move |_| {
        let lang = ctx.lang.get();
        ctx.vm
            .with(|v| gate_changes(lang, &PROTOCOL, v.gate.as_ref()))
    });
    move || {
        changes.get().map(|(intro, items)| {
            view! {
                <div class="gate-changes">
                    <p class="gate-intro">{intro}</p>
                    <ul>{items.into_iter().map(|item| view! { <GateChange item/> }).collect_view()}</ul>
                </div>
            }
        })
    }
}
