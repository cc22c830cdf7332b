//! Phase I and Phase II side by side: each phase's verdict (announced to screen readers), then
//! every criterion with its state as icon and text (never colour alone), the evidence that
//! decided it, what is missing, and the notes that apply. The verdict block is a Leptos element
//! that stays in place (a live region must persist for its changes to be announced); what it
//! and the criteria list hold is the core's result put into markup by `report::markup`.

use leptos::prelude::*;

use super::Ctx;
use crate::clinical::protocol::{Protocol, PROTOCOL};
use crate::clinical::screening::PhaseResult;
use crate::report::markup;
use crate::report::render::protocol_text;
use crate::i18n::{Key, Lang};

/// Markup of phase `index`'s result, recomputed only when the result or the language changes.
/// `render` is a plain function, so that every use shares one generic instantiation.
fn phase_html(
    ctx: Ctx,
    index: usize,
    render: fn(Lang, &Protocol, &PhaseResult) -> String,
) -> Memo<String> {
    Memo::new(move |_| {
        let lang = ctx.lang.get();
        ctx.vm.with(|v| {
            v.screening
                .phases
                .get(index)
                .map(|r| render(lang, &PROTOCOL, r))
                .unwrap_or_default()
        })
    })
}

/// One phase card.
#[component]
fn PhaseCard(index: usize) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let phase = &PROTOCOL.phases[index];
    let heading_id = format!("aclf-{}-heading", phase.id);
    let labelled_by = heading_id.clone();
    let verdict = Memo::new(move |_| {
        ctx.vm.with(|v| {
            v.screening
                .phases
                .get(index)
                .map_or("incomplete", |r| markup::verdict_attr(&r.verdict))
        })
    });
    let verdict_html = phase_html(ctx, index, markup::verdict);
    let criteria_html = phase_html(ctx, index, markup::criteria);
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
                class=move || format!("verdict verdict-{}", verdict.get())
                data-testid=format!("verdict-{}", phase.id)
                data-verdict=verdict
                role="status"
                aria-live="polite"
                inner_html=verdict_html
            ></div>
            <ul class="criteria" inner_html=criteria_html></ul>
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
