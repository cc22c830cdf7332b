//! Phase I and Phase II side by side: each phase's verdict (announced to screen readers), then
//! every criterion with its state as icon and text (never colour alone), the evidence that
//! decided it, what is missing, and the notes that apply. The verdict block is a persistent
//! element (a live region must persist for its changes to be announced); its content and the
//! criteria rows (one `CriterionRow` component, I3's parts nested) follow the core's result.

use leptos::prelude::*;

use super::{Ctx, Lines};
use crate::clinical::protocol::PROTOCOL;
use crate::i18n::{Key, Lang};
use crate::report::panels::{
    criteria, state_attr, state_icon, verdict, verdict_attr, CriterionText,
};
use crate::report::render::protocol_text;

/// One criterion as a list item, its parts nested (type-erased: the row contains rows).
#[component]
fn CriterionRow(c: CriterionText, lang: Lang) -> AnyView {
    let state = state_attr(c.state);
    let parts = (!c.parts.is_empty()).then(|| {
        let rows = c
            .parts
            .into_iter()
            .map(|c| view! { <CriterionRow c lang/> })
            .collect_view();
        view! { <ul class="parts">{rows}</ul> }
    });
    view! {
        <li class=format!("criterion state-{state}") data-testid=c.testid data-state=state>
            <div class="criterion-head">
                <span class="state-badge">
                    <span aria-hidden="true">{state_icon(c.state)}</span>
                    " "
                    {lang.t(Key::State(c.state))}
                </span>
                <span class="criterion-id">{c.id}</span>
                <span class="criterion-title">{c.title}</span>
            </div>
            {c.by_team.then(|| view! { <p class="by-team">{lang.t(Key::ConfirmedByStudyTeam)}</p> })}
            {(!c.evidence.is_empty()).then(|| view! { <ul class="evidence"><Lines lines=c.evidence/></ul> })}
            {c.missing.map(|m| view! { <p class="missing">{m}</p> })}
            {c.notes.into_iter().map(|n| view! { <p class="note">{n}</p> }).collect_view()}
            {parts}
        </li>
    }
    .into_any()
}

/// One phase card.
#[component]
fn PhaseCard(index: usize) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let phase = &PROTOCOL.phases[index];
    let heading_id = format!("aclf-{}-heading", phase.id);
    let labelled_by = heading_id.clone();
    let result = Memo::new(move |_| ctx.vm.with(|v| v.screening.phases.get(index).cloned()));
    let verdict_value = move || {
        result.with(|r| {
            r.as_ref()
                .map_or("incomplete", |r| verdict_attr(&r.verdict))
        })
    };
    let said = Memo::new(move |_| {
        let lang = ctx.lang.get();
        result.with(|r| r.as_ref().map(|r| verdict(lang, &PROTOCOL, r)))
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
            >
                {move || {
                    said.get()
                        .map(|v| {
                            view! {
                                <p class="verdict-title">
                                    <span aria-hidden="true">{v.icon}</span>
                                    " "
                                    {v.title}
                                </p>
                                <p class="verdict-detail-head">{v.head}</p>
                                <ul class="verdict-detail"><Lines lines=v.lines/></ul>
                                {v.exclusion_note.map(|n| view! { <p class="exclusion-note">{n}</p> })}
                            }
                        })
                }}
            </div>
            <ul class="criteria">
                {move || {
                    let lang = ctx.lang.get();
                    result.with(|r| {
                        r.as_ref()
                            .map(|r| criteria(lang, &PROTOCOL, r))
                            .unwrap_or_default()
                            .into_iter()
                            .map(|c| view! { <CriterionRow c lang/> })
                            .collect_view()
                    })
                }}
            </ul>
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
