//! The form. Its controls are markup from `form_fields` (why: see there), set once and again on
//! a language switch, holding the current entries. One listener on the `<form>` stores what
//! any control holds; one effect writes back into the controls only what the user did not
//! type: values after a reset, and the core's messages with their `aria-invalid` /
//! `aria-describedby`. No submit: results follow every keystroke.

use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;
use web_sys::{Element, HtmlInputElement};

use super::Ctx;
use crate::clinical::form::{FieldMessage, FormInput, ScreeningViewModel};
use crate::form_fields::{described_by, earlier_tbil_unit, form_markup, Slot, SLOTS};
use crate::report::markup::field_message;
use crate::i18n::Lang;

/// Stores what the control that fired `ev` now holds (text as typed, option value, checkbox).
fn store_edit(ctx: Ctx, ev: &web_sys::Event) {
    let Some(target) = ev.target().and_then(|t| t.dyn_into::<Element>().ok()) else {
        return;
    };
    let Some(slot) = Slot::from_element_id(&target.id()) else {
        return;
    };
    let value = if slot.is_checkbox() {
        if event_target_checked(ev) { "on" } else { "" }.to_string()
    } else {
        event_target_value(ev)
    };
    // Selects and checkboxes fire both `input` and `change`: store once.
    if ctx.form.with_untracked(|f| slot.get(f) != value) {
        ctx.form.update(|f| slot.set(f, &value));
    }
}

fn set_attr(el: &Element, name: &str, value: Option<&str>) {
    let _ = match value {
        Some(v) if el.get_attribute(name).as_deref() != Some(v) => el.set_attribute(name, v),
        Some(_) => Ok(()),
        None => el.remove_attribute(name),
    };
}

/// Writes the entries and the core's messages into the controls, touching only what differs
/// (so the caret of the field being typed in never moves). `shown` holds each message slot's
/// current markup.
fn sync(
    root: &Element,
    lang: Lang,
    form: &FormInput,
    vm: &ScreeningViewModel,
    shown: &mut [String],
) {
    for (slot, shown) in SLOTS.into_iter().zip(shown.iter_mut()) {
        let testid = slot.testid();
        let Ok(Some(el)) = root.query_selector(&format!("#aclf-{testid}")) else {
            continue;
        };
        // Inputs and selects both have `value`; the getter and setter are structural.
        let control = el.unchecked_ref::<HtmlInputElement>();
        let want = slot.get(form);
        if slot.is_checkbox() {
            let checked = !want.is_empty();
            if control.checked() != checked {
                control.set_checked(checked);
            }
        } else if control.value() != want {
            control.set_value(&want);
        }
        let Some(input) = slot.validated() else {
            continue;
        };
        let message = vm.message(input);
        let invalid = matches!(message, Some(FieldMessage::Error(_)));
        set_attr(&el, "aria-invalid", invalid.then_some("true"));
        set_attr(
            &el,
            "aria-describedby",
            described_by(slot, message.is_some()).as_deref(),
        );
        let html = message
            .map(|m| field_message(lang, testid, m))
            .unwrap_or_default();
        if *shown != html {
            if let Ok(Some(target)) = root.query_selector(&format!("[data-msg-of=\"{testid}\"]")) {
                target.set_inner_html(&html);
            }
            *shown = html;
        }
    }
    if let Ok(Some(unit)) = root.query_selector("[data-unit-of=\"tbil-earlier\"]") {
        let want = earlier_tbil_unit(lang, form);
        if unit.text_content().as_deref() != Some(want) {
            unit.set_text_content(Some(want));
        }
    }
}

/// The whole form.
#[component]
pub fn Form() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let root = NodeRef::<leptos::html::Form>::new();
    let today = ctx.today.iso();
    let first_lang = ctx.lang.get_untracked();
    let first = form_markup(first_lang, &ctx.form.get_untracked(), &today);
    // Carries the language the controls are in and each message slot's markup between runs.
    Effect::new(move |previous: Option<(Lang, Vec<String>)>| {
        let lang = ctx.lang.get();
        let (before, mut shown) =
            previous.unwrap_or_else(|| (first_lang, vec![String::new(); SLOTS.len()]));
        if let Some(el) = root.get() {
            if before != lang {
                // A language switch rebuilds the controls, holding the current entries.
                el.set_inner_html(&form_markup(lang, &ctx.form.get_untracked(), &today));
                shown.iter_mut().for_each(String::clear);
            }
            ctx.form
                .with(|f| ctx.vm.with(|vm| sync(&el, lang, f, vm, &mut shown)));
        }
        (lang, shown)
    });
    let on_edit = move |ev: web_sys::Event| store_edit(ctx, &ev);
    view! {
        <form
            class="aclf-form no-print"
            autocomplete="off"
            node_ref=root
            on:submit=|ev| ev.prevent_default()
            on:input=on_edit
            on:change=on_edit
            inner_html=first
        ></form>
    }
}
