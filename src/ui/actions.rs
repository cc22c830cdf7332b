//! Reset (with Undo for 10 s), copy (the concise summary that fits a message, or the full text)
//! and print. Copy uses the Clipboard API where the page is a secure context; on plain-HTTP
//! intranets, where it is missing, the text is shown selected for Ctrl+C. Print shows the
//! referral on page one, with blank lines for the referring physician and department and for
//! the patient's name and hospital number, which are never typed into the widget.

use leptos::prelude::*;

use super::browser::now_text;
use super::{initial_form, Ctx, APP_VERSION};
use crate::clinical::form::FormInput;
use crate::clinical::protocol::PROTOCOL;
use crate::i18n::Key;
use crate::report::markup::print_header;
use crate::report::summary::{concise, summary};

/// How long Undo is offered after a reset.
const UNDO_FOR: std::time::Duration = std::time::Duration::from_secs(10);

/// What the copy button last did.
#[derive(Clone, Copy, PartialEq, Eq)]
enum CopyState {
    /// Nothing yet (or reset).
    Idle,
    /// Copied to the clipboard (`true`: the full text).
    Copied(bool),
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

    // The form kept by Reset, with its "from import" marks: Undo restores both.
    let undo = RwSignal::new(None::<(FormInput, Option<super::intake::Marks>)>);
    let imported = use_context::<super::intake::Imported>();
    let undo_timer = StoredValue::new(None::<TimeoutHandle>);

    let copy = move |full: bool| {
        let lang = ctx.lang.get_untracked();
        let body = ctx.vm.with(|v| {
            if full {
                summary(lang, v, &PROTOCOL, APP_VERSION)
            } else {
                concise(lang, v, &PROTOCOL)
            }
        });
        text.set(body.clone());
        if !clipboard_available() {
            copy_state.set(CopyState::Fallback);
            request_animation_frame(move || select_fallback_text(area));
            return;
        }
        let promise = window().navigator().clipboard().write_text(&body);
        leptos::task::spawn_local(async move {
            match wasm_bindgen_futures::JsFuture::from(promise).await {
                Ok(_) => copy_state.set(CopyState::Copied(full)),
                Err(_) => {
                    // Permission denied or no focus: fall back to manual copy.
                    copy_state.set(CopyState::Fallback);
                    request_animation_frame(move || select_fallback_text(area));
                }
            }
        });
    };
    let on_reset = move |_| {
        undo.set(Some((
            ctx.form.get_untracked(),
            imported.map(|i| i.snapshot()),
        )));
        ctx.form.set(initial_form());
        copy_state.set(CopyState::Idle);
        text.set(String::new());
        if let Some(h) = undo_timer.get_value() {
            h.clear();
        }
        undo_timer.set_value(set_timeout_with_handle(move || undo.set(None), UNDO_FOR).ok());
    };
    let on_undo = move |_| {
        if let Some((previous, marks)) = undo.get_untracked() {
            ctx.form.set(previous);
            if let (Some(i), Some(marks)) = (imported, marks) {
                i.restore(marks);
            }
        }
        undo.set(None);
    };
    let on_print = move |_| {
        let _ = window().print();
    };
    view! {
        <div class="actions no-print">
            <button type="button" data-testid="copy-summary" on:click=move |_| copy(false)>{ctx.tr(Key::CopySummary)}</button>
            <button type="button" data-testid="copy-full" class="secondary" on:click=move |_| copy(true)>{ctx.tr(Key::CopyFull)}</button>
            <button type="button" data-testid="print" on:click=on_print>{ctx.tr(Key::Print)}</button>
            <button type="button" data-testid="reset" class="secondary" on:click=on_reset>{ctx.tr(Key::Reset)}</button>
            <p class="copy-status" role="status">
                {move || match copy_state.get() {
                    CopyState::Idle => "",
                    CopyState::Copied(false) => ctx.t(Key::Copied),
                    CopyState::Copied(true) => ctx.t(Key::CopiedFull),
                    CopyState::Fallback => ctx.t(Key::CopyFallback),
                }}
            </p>
            {move || {
                undo.with(|u| u.is_some())
                    .then(|| {
                        view! {
                            <p class="undo" role="status">
                                {ctx.tr(Key::ResetDone)}
                                " "
                                <button type="button" data-testid="undo-reset" on:click=on_undo>{ctx.tr(Key::Undo)}</button>
                            </p>
                        }
                    })
            }}
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
    let imported = use_context::<super::intake::Imported>();
    let content = Memo::new(move |_| {
        let lang = ctx.lang.get();
        let at = printed_at.get();
        let dates = imported.map(|i| i.dates.get()).unwrap_or_default();
        ctx.vm
            .with(|v| print_header(lang, &at, v, &PROTOCOL, &dates).into_string())
    });
    view! { <div class="print-only print-header" inner_html=content></div> }
}
