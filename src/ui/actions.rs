//! Reset, copy summary and print. Copy uses the Clipboard API where the page is a secure
//! context; on plain-HTTP intranets, where it is missing, the summary is shown selected for
//! Ctrl+C. Print shows a one-page summary with blank lines for the patient's name and hospital
//! number, which are never typed into the widget.

use leptos::prelude::*;

use super::browser::now_text;
use super::{initial_form, Ctx, Lines, APP_VERSION};
use crate::clinical::protocol::PROTOCOL;
use crate::i18n::Key;
use crate::report::panels::{print_blanks, print_values};
use crate::report::summary::summary;

/// What the copy button last did.
#[derive(Clone, Copy, PartialEq, Eq)]
enum CopyState {
    /// Nothing yet (or reset).
    Idle,
    /// Copied to the clipboard.
    Copied,
    /// No clipboard: the text is shown selected.
    Fallback,
}

fn clipboard_available() -> bool {
    let navigator = window().navigator();
    js_sys::Reflect::get(&navigator, &"clipboard".into())
        .is_ok_and(|c| !c.is_undefined() && !c.is_null())
}

/// Focuses and selects the fallback text (found by reference: inside a shadow root the
/// document's getElementById cannot see it).
fn select_fallback_text(area: NodeRef<leptos::html::Textarea>) {
    if let Some(area) = area.get_untracked() {
        let _ = area.focus();
        area.select();
    }
}

/// The action buttons.
#[component]
pub fn Actions() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let copy_state = RwSignal::new(CopyState::Idle);
    let text = RwSignal::new(String::new());
    let area = NodeRef::<leptos::html::Textarea>::new();

    let on_copy = move |_| {
        let body = ctx
            .vm
            .with(|v| summary(ctx.lang.get_untracked(), v, &PROTOCOL, APP_VERSION));
        text.set(body.clone());
        if !clipboard_available() {
            copy_state.set(CopyState::Fallback);
            request_animation_frame(move || select_fallback_text(area));
            return;
        }
        let promise = window().navigator().clipboard().write_text(&body);
        leptos::task::spawn_local(async move {
            match wasm_bindgen_futures::JsFuture::from(promise).await {
                Ok(_) => copy_state.set(CopyState::Copied),
                Err(_) => {
                    // Permission denied or no focus: fall back to manual copy.
                    copy_state.set(CopyState::Fallback);
                    request_animation_frame(move || select_fallback_text(area));
                }
            }
        });
    };
    let on_reset = move |_| {
        ctx.form.set(initial_form());
        copy_state.set(CopyState::Idle);
        text.set(String::new());
    };
    let on_print = move |_| {
        let _ = window().print();
    };
    view! {
        <div class="actions no-print">
            <button type="button" data-testid="copy-summary" on:click=on_copy>{ctx.tr(Key::CopySummary)}</button>
            <button type="button" data-testid="print" on:click=on_print>{ctx.tr(Key::Print)}</button>
            <button type="button" data-testid="reset" class="secondary" on:click=on_reset>{ctx.tr(Key::Reset)}</button>
            <p class="copy-status" role="status">
                {move || match copy_state.get() {
                    CopyState::Idle => "",
                    CopyState::Copied => ctx.t(Key::Copied),
                    CopyState::Fallback => ctx.t(Key::CopyFallback),
                }}
            </p>
            {move || {
                (copy_state.get() == CopyState::Fallback)
                    .then(|| {
                        view! {
                            <textarea
                                node_ref=area
                                id="aclf-summary-text"
                                data-testid="summary-text"
                                readonly=true
                                rows="12"
                                aria-label=ctx.tr(Key::CopySummary)
                                prop:value=move || text.get()
                            ></textarea>
                        }
                    })
            }}
        </div>
    }
}

/// Shown only in print: title, disclaimer, date and time, blank lines for name and hospital
/// number, and the values entered with their dates.
#[component]
pub fn PrintHeader() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    // The printed time is the time of printing, not of loading.
    let printed_at = RwSignal::new(now_text());
    let _listener =
        window_event_listener_untyped("beforeprint", move |_| printed_at.set(now_text()));
    let values = Memo::new(move |_| {
        let lang = ctx.lang.get();
        ctx.vm.with(|v| print_values(lang, v))
    });
    view! {
        <div class="print-only print-header">
            <h1>{ctx.tr(Key::AppTitle)}</h1>
            <p class="print-disclaimer">
                <strong>{ctx.tr(Key::PrintDisclaimer)}</strong>
                " "
                {move || ctx.lang.get().fill(Key::PrintedAt, &[&printed_at.get()])}
            </p>
            {move || {
                print_blanks(ctx.lang.get())
                    .into_iter()
                    .map(|b| view! { <p class="print-blank">{b}</p> })
                    .collect_view()
            }}
            <h2>{ctx.tr(Key::LabValues)}</h2>
            <ul class="print-values">{move || view! { <Lines lines=values.get()/> }}</ul>
        </div>
    }
}
