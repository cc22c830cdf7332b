//! Phase I and Phase II side by side: each phase's verdict (announced to screen readers), then
//! every criterion with its state as icon and text (never colour alone), the evidence that
//! decided it, what is missing, and the notes that apply. The verdict block is a persistent
//! element (a live region must persist for its changes to be announced); its content and the
//! criteria rows are `report::markup` templates that follow the core's result, set only when
//! their text changes (a memo), so an unchanged verdict is not announced again.

use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;

use super::browser::focus_field;
use super::Ctx;
use crate::clinical::protocol::PROTOCOL;
use crate::i18n::Key;
use crate::report::markup;
use crate::report::panels::{criteria, verdict, verdict_attr};
use crate::report::render::protocol_text;

/// A click on an "enter next" / "find out" item (a button with `data-goto`, in the verdict's
/// template) moves focus to its field.
fn on_goto(ev: web_sys::MouseEvent) {
    let target = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|el| el.closest("[data-goto]").ok().flatten())
        .and_then(|b| b.get_attribute("data-goto"));
    if let Some(testid) = target {
        focus_field(&ev, &testid);
    }
}

/// One phase card.
#[component]
fn PhaseCard(index: usize) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let phase = &PROTOCOL.phases[index];
    let heading_id = format!("aclf-{}-heading", phase.id);
    let labelled_by = heading_id.clone();
    let phase_id = phase.id;
    let result = Memo::new(move |_| ctx.vm.with(|v| v.screening.phases.get(index).cloned()));
    let verdict_value = move || {
        result.with(|r| {
            r.as_ref()
                .map_or("incomplete", |r| verdict_attr(&r.verdict))
        })
    };
    let said = Memo::new(move |_| {
        let lang = ctx.lang.get();
        ctx.vm.with(|v| {
            v.screening
                .phases
                .get(index)
                .map(|r| {
                    markup::verdict(&verdict(lang, &PROTOCOL, r, &v.screening.flags), phase_id)
                        .into_string()
                })
                .unwrap_or_default()
        })
    });
    let rows = Memo::new(move |_| {
        let lang = ctx.lang.get();
        result.with(|r| {
            r.as_ref()
                .map(|r| markup::criteria(lang, &criteria(lang, &PROTOCOL, r)).into_string())
                .unwrap_or_default()
        })
    });
    view! {
        <article class="phase" aria-labelledby=labelled_by>
            <h3 id=heading_id>
                {move || protocol_text(ctx.lang.get(), &phase.name)}
                <span class="recruiting">
                    {ctx.tr(if phase.recruiting { Key::PhaseRecruiting } else { Key::PhaseNotRecruiting })}
                </span>
            </h3>
            <p class="phase-design">{move || protocol_text(ctx.lang.get(), &phase.design)}</p>
            <div
                class=move || format!("verdict verdict-{}", verdict_value())
                data-testid=format!("verdict-{}", phase.id)
                data-verdict=verdict_value
                role="status"
                aria-live="polite"
                inner_html=said
                on:click=on_goto
            >
            </div>
            <ul class="criteria" inner_html=rows></ul>
        </article>
    }
}

/// Every phase of the protocol, side by side; a phase chosen by `?phase=` comes first.
#[component]
pub fn Phases() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let focus = ctx.mode.focus_phase;
    let is_focus = |i: &usize| Some(PROTOCOL.phases[*i].id) == focus;
    let (first, rest): (Vec<usize>, Vec<usize>) = (0..PROTOCOL.phases.len()).partition(is_focus);
    let order = first.into_iter().chain(rest);
    view! { <div class="phases">{order.into_iter().map(|i| view! { <PhaseCard index=i/> }).collect_view()}</div> }
}
