//! Phase I and Phase II side by side: each phase's verdict (announced to screen readers), then
//! every criterion with its state as icon and text (never colour alone), the evidence that
//! decided it, what is missing, and the notes that apply. The verdict block is a persistent
//! element (a live region must persist for its changes to be announced); its content and the
//! criteria rows (one `CriterionRow` component, I3's parts nested) follow the core's result.

use leptos::prelude::*;

use super::browser::focus_field;
use super::icons::Icon;
use super::{Ctx, Lines};
use crate::clinical::outcome::State;
use crate::clinical::protocol::PROTOCOL;
use crate::i18n::{Key, Lang};
use crate::report::panels::{
    criteria, state_attr, state_icon, verdict, verdict_attr, CriterionText, Glyph,
};
use crate::report::render::protocol_text;

/// One criterion as a list item, its parts nested (type-erased: the row contains rows).
#[component]
fn CriterionRow(c: CriterionText, lang: Lang) -> AnyView {
    let state = state_attr(c.state);
    let note_testid = c.testid.replacen("criterion-", "note-", 1);
    // A study-team criterion is not the referrer's to answer: while Unknown it reads "to be
    // confirmed by the study team" in a neutral style (its data-state stays `unknown`).
    let team_pending = c.study_team && c.state == State::Unknown;
    let class = if team_pending {
        "criterion state-team".to_string()
    } else {
        format!("criterion state-{state}")
    };
    let badge = if team_pending {
        view! { <span class="state-badge">{lang.t(Key::ToBeConfirmedByTeam)}</span> }.into_any()
    } else {
        view! {
            <span class="state-badge">
                <Icon of=state_icon(c.state)/>
                " "
                {lang.t(Key::State(c.state))}
            </span>
        }
        .into_any()
    };
    let parts = (!c.parts.is_empty()).then(|| {
        let rows = c
            .parts
            .into_iter()
            .map(|c| view! { <CriterionRow c lang/> })
            .collect_view();
        view! { <ul class="parts">{rows}</ul> }
    });
    view! {
        <li
            class=class
            data-testid=c.testid
            data-state=state
            data-confirmed-by=c.study_team.then_some("study-team")
        >
            <div class="criterion-head">
                {badge}
                <span class="criterion-id">{c.id}</span>
                <span class="criterion-title">{c.title}</span>
            </div>
            {(c.by_team && !team_pending).then(|| view! { <p class="by-team">{lang.t(Key::ConfirmedByStudyTeam)}</p> })}
            {(!c.evidence.is_empty()).then(|| view! { <ul class="evidence"><Lines lines=c.evidence/></ul> })}
            {c.missing.map(|m| view! { <p class="missing">{m}</p> })}
            {c
                .notes
                .into_iter()
                .map(|(name, text)| {
                    view! { <p class="note" data-testid=note_testid.clone() data-note=name>{text}</p> }
                })
                .collect_view()}
            {parts}
        </li>
    }
    .into_any()
}

/// Items that name a field: buttons that move focus to it and scroll it into view (no link: a
/// `#hash` changes the URL and cannot reach into a shadow root).
#[component]
fn GoTo(items: Vec<(&'static str, String)>, prefix: String) -> impl IntoView {
    items
        .into_iter()
        .map(|(testid, label)| {
            view! {
                <li>
                    <button
                        type="button"
                        class="link-button"
                        data-testid=format!("{prefix}-{testid}")
                        on:click=move |ev| focus_field(&ev, testid)
                    >
                        {label}
                    </button>
                </li>
            }
        })
        .collect_view()
}

/// The typical exclusions raised by the values: `exclusion-flag` items with their `data-rule`.
#[component]
pub fn Flags(flags: Vec<(&'static str, String)>) -> impl IntoView {
    flags
        .into_iter()
        .map(|(rule, text)| {
            view! {
                <li data-testid="exclusion-flag" data-rule=rule>
                    <Icon of=Glyph::Warning/>
                    " "
                    {text}
                </li>
            }
        })
        .collect_view()
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
        ctx.vm.with(|v| {
            v.screening
                .phases
                .get(index)
                .map(|r| verdict(lang, &PROTOCOL, r, &v.screening.flags))
        })
    });
    let phase_id = phase.id;
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
                                    <Icon of=v.icon/>
                                    " "
                                    {v.title}
                                </p>
                                {(!v.lines.is_empty() || !v.enter_next.is_empty())
                                    .then(|| view! { <p class="verdict-detail-head">{v.head}</p> })}
                                <ul class="verdict-detail">
                                    <Lines lines=v.lines/>
                                    <GoTo items=v.enter_next.into_iter().map(|(t, l)| (t, l.to_string())).collect() prefix=format!("enter-next-{phase_id}")/>
                                </ul>
                                {(!v.find_out.is_empty())
                                    .then(|| {
                                        view! {
                                            <p class="verdict-detail-head">{v.find_out_head}</p>
                                            <ul class="verdict-detail">
                                                <GoTo items=v.find_out prefix=format!("find-out-{phase_id}")/>
                                            </ul>
                                        }
                                    })}
                                {(!v.flags.is_empty())
                                    .then(|| {
                                        view! {
                                            <p class="verdict-detail-head">{v.flags_head}</p>
                                            <ul class="flags"><Flags flags=v.flags/></ul>
                                        }
                                    })}
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
