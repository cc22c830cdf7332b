//! Phase I and Phase II side by side: each phase's verdict (announced to screen readers), then
//! every criterion with its state as icon and text (never colour alone), the evidence that
//! decided it, what is missing, and the notes that apply.

use leptos::prelude::*;

use super::Ctx;
use crate::clinical::outcome::{deciding_evidence, Outcome, State};
use crate::clinical::protocol::{Confirmer, PROTOCOL};
use crate::clinical::screening::{CriterionResult, PhaseResult, Verdict};
use crate::i18n::render::{
    criterion_title, evidence, input_list, protocol_text, study_team_item, verdict_title,
};
use crate::i18n::{Key, Lang};

fn state_attr(s: State) -> &'static str {
    match s {
        State::Met => "met",
        State::NotMet => "not-met",
        State::Unknown => "unknown",
        State::NotApplicable => "not-applicable",
    }
}

fn state_icon(s: State) -> &'static str {
    match s {
        State::Met => "✓",
        State::NotMet => "✗",
        State::Unknown => "?",
        State::NotApplicable => "–",
    }
}

fn verdict_attr(v: &Verdict) -> &'static str {
    match v {
        Verdict::NotEligible(_) => "not-eligible",
        Verdict::Incomplete(_) => "incomplete",
        Verdict::Refer(_) => "refer",
    }
}

fn verdict_icon(v: &Verdict) -> &'static str {
    match v {
        Verdict::NotEligible(_) => "✗",
        Verdict::Incomplete(_) => "…",
        Verdict::Refer(_) => "→",
    }
}

/// One criterion (and, for I3, its parts) as a list item.
fn criterion_view(lang: Lang, phase_id: &'static str, c: &CriterionResult) -> AnyView {
    let state = c.outcome.state();
    let testid = format!("criterion-{phase_id}-{}", c.id);
    let evidence_items: Vec<String> = c
        .outcome
        .evidence()
        .iter()
        .map(|e| evidence(lang, e))
        .collect();
    let missing = (!c.outcome.missing().is_empty())
        .then(|| lang.fill(Key::Missing, &[&input_list(lang, c.outcome.missing())]));
    let notes: Vec<&'static str> = c.notes.iter().map(|n| lang.t(Key::Note(n))).collect();
    // Study-team criteria say so once: through their note when the core attached one.
    let study_team = (c.confirmed_by == Confirmer::StudyTeam && c.notes.is_empty())
        .then(|| lang.t(Key::ConfirmedByStudyTeam));
    let parts = (!c.parts.is_empty()).then(|| {
        view! { <ul class="parts">{c.parts.iter().map(|p| criterion_view(lang, phase_id, p)).collect_view()}</ul> }
    });
    view! {
        <li class=format!("criterion state-{}", state_attr(state)) data-testid=testid data-state=state_attr(state)>
            <div class="criterion-head">
                <span class="state-badge">
                    <span aria-hidden="true">{state_icon(state)}</span>
                    " "
                    {lang.t(Key::State(state))}
                </span>
                <span class="criterion-id">{c.id}</span>
                <span class="criterion-title">{criterion_title(lang, c, &PROTOCOL)}</span>
            </div>
            {study_team.map(|t| view! { <p class="by-team">{t}</p> })}
            {(!evidence_items.is_empty())
                .then(|| {
                    view! {
                        <ul class="evidence">
                            {evidence_items.into_iter().map(|e| view! { <li>{e}</li> }).collect_view()}
                        </ul>
                    }
                })}
            {missing.map(|m| view! { <p class="missing">{m}</p> })}
            {notes.into_iter().map(|n| view! { <p class="note">{n}</p> }).collect_view()}
            {parts}
        </li>
    }
    .into_any()
}

/// The verdict block of one phase.
fn verdict_view(lang: Lang, r: &PhaseResult) -> AnyView {
    let v = &r.verdict;
    let detail = match v {
        Verdict::NotEligible(ids) => {
            let lines: Vec<String> = ids
                .iter()
                .filter_map(|id| r.criteria.iter().chain(&r.exclusions).find(|c| c.id == *id))
                .map(|c| {
                    let parts: Vec<&Outcome> = c.parts.iter().map(|p| &p.outcome).collect();
                    let ev: Vec<String> = deciding_evidence(&c.outcome, &parts)
                        .iter()
                        .map(|e| evidence(lang, e))
                        .collect();
                    format!("{}: {}", c.id, ev.join("; "))
                })
                .collect();
            (lang.t(Key::DecidedBy), lines)
        }
        Verdict::Incomplete(missing) => (
            lang.t(Key::EnterNext),
            missing
                .iter()
                .map(|m| lang.t(Key::Label(m)).to_string())
                .collect(),
        ),
        Verdict::Refer(items) => (
            lang.t(Key::StudyTeamWillConfirm),
            items
                .iter()
                .map(|i| study_team_item(lang, *i, &PROTOCOL))
                .collect(),
        ),
    };
    let exclusion_note = matches!(v, Verdict::Refer(_))
        .then(|| view! { <p class="exclusion-note">{lang.t(Key::ExclusionNote)}</p> });
    view! {
        <div
            class=format!("verdict verdict-{}", verdict_attr(v))
            data-testid=format!("verdict-{}", r.phase.id)
            data-verdict=verdict_attr(v)
            role="status"
            aria-live="polite"
        >
            <p class="verdict-title">
                <span aria-hidden="true">{verdict_icon(v)}" "</span>
                {verdict_title(lang, v)}
            </p>
            <p class="verdict-detail-head">{detail.0}</p>
            <ul class="verdict-detail">{detail.1.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul>
            {exclusion_note}
        </div>
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
    let body = move || {
        let lang = ctx.lang.get();
        ctx.vm.with(|v| {
            v.screening.phases.get(index).map(|r| {
                view! {
                    {verdict_view(lang, r)}
                    <ul class="criteria">
                        {r.criteria.iter().chain(&r.exclusions).map(|c| criterion_view(lang, phase.id, c)).collect_view()}
                    </ul>
                }
            })
        })
    };
    view! {
        <article class="phase" aria-labelledby=labelled_by>
            <h3 id=heading_id>
                {move || protocol_text(ctx.lang.get(), &phase.name)}
                <span class="recruiting">
                    {move || ctx.t(if phase.recruiting { Key::PhaseRecruiting } else { Key::PhaseNotRecruiting })}
                </span>
            </h3>
            <p class="phase-design">{move || protocol_text(ctx.lang.get(), &phase.design)}</p>
            {body}
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
