//! Form controls: a labelled text, date, select or checkbox bound to one slot of the form, with
//! its message from the core (error or "please check") underneath. Controls show exactly what
//! was typed; the core's messages are rendered, never computed here.

use leptos::prelude::*;

use super::Ctx;
use crate::clinical::form::{FieldMessage, FormInput};
use crate::clinical::patient::InputId;
use crate::i18n::markup::field_message;
use crate::i18n::Key;

/// Reads and writes one text slot of the form.
#[derive(Clone, Copy)]
pub struct TextSlot {
    /// Reads the text as typed.
    pub get: fn(&FormInput) -> String,
    /// Stores the text as typed.
    pub set: fn(&mut FormInput, String),
}

/// Reads and writes one choice of the form as its option value ("" = unanswered).
#[derive(Clone, Copy)]
pub struct ChoiceSlot {
    /// The selected option's value.
    pub get: fn(&FormInput) -> &'static str,
    /// Stores the selected option's value.
    pub set: fn(&mut FormInput, &str),
}

/// An option: its value (the test contract's) and its label.
pub type Choice = (&'static str, Key);

fn element_id(testid: &str) -> String {
    format!("aclf-{testid}")
}

/// The message under a field (`error-<testid>` or `warning-<testid>`), present only while the
/// core reports one; set as markup (`i18n::markup::field_message`) and only when it changes.
fn message(ctx: Ctx, input: InputId, testid: &'static str) -> impl IntoView {
    let html = Memo::new(move |_| {
        let lang = ctx.lang.get();
        ctx.vm.with(|v| {
            v.message(input)
                .map(|m| field_message(lang, testid, m))
                .unwrap_or_default()
        })
    });
    view! { <div class="msg-slot" inner_html=move || html.get()></div> }
}

fn has_error(ctx: Ctx, input: InputId) -> bool {
    ctx.vm
        .with(|v| matches!(v.message(input), Some(FieldMessage::Error(_))))
}

fn has_message(ctx: Ctx, input: InputId) -> bool {
    ctx.vm.with(|v| v.message(input).is_some())
}

/// A labelled text field for a number (`inputmode="decimal"`, so the core's parser sees exactly
/// what was typed), with an optional unit selector and hint.
#[component]
pub fn NumberField(
    input: InputId,
    testid: &'static str,
    access: TextSlot,
    #[prop(optional)] hint: Option<Key>,
    #[prop(optional)] unit: Option<AnyView>,
    #[prop(optional)] unit_text: Option<&'static str>,
) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let id = element_id(testid);
    let hint_id = format!("aclf-hint-{testid}");
    let described = move || {
        let mut ids = Vec::new();
        if hint.is_some() {
            ids.push(format!("aclf-hint-{testid}"));
        }
        if has_message(ctx, input) {
            ids.push(format!("aclf-msg-{testid}"));
        }
        (!ids.is_empty()).then(|| ids.join(" "))
    };
    view! {
        <div class="field">
            <label for=id.clone()>{ctx.tr(Key::Label(input))}</label>
            <div class="field-row">
                <input
                    type="text"
                    inputmode="decimal"
                    autocomplete="off"
                    spellcheck="false"
                    id=id
                    data-testid=testid
                    prop:value=move || ctx.form.with(|f| (access.get)(f))
                    on:input=move |ev| {
                        let text = event_target_value(&ev);
                        ctx.form.update(|f| (access.set)(f, text));
                    }
                    aria-invalid=move || has_error(ctx, input).then_some("true")
                    aria-describedby=described
                />
                {unit}
                {unit_text.map(|u| view! { <span class="unit">{u}</span> })}
            </div>
            {hint.map(|k| view! { <p class="hint" id=hint_id>{ctx.tr(k)}</p> })}
            {message(ctx, input, testid)}
        </div>
    }
}

/// A labelled date field (`<input type=date>`, value YYYY-MM-DD).
#[component]
pub fn DateField(
    input: InputId,
    testid: &'static str,
    access: TextSlot,
    #[prop(optional)] hint: Option<Key>,
) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let id = element_id(testid);
    let max = ctx.today.iso();
    view! {
        <div class="field">
            <label for=id.clone()>{ctx.tr(Key::Label(input))}</label>
            <input
                type="date"
                id=id
                data-testid=testid
                max=max
                prop:value=move || ctx.form.with(|f| (access.get)(f))
                on:input=move |ev| {
                    let text = event_target_value(&ev);
                    ctx.form.update(|f| (access.set)(f, text));
                }
                aria-invalid=move || has_error(ctx, input).then_some("true")
                aria-describedby=move || has_message(ctx, input).then(|| format!("aclf-msg-{testid}"))
            />
            {hint.map(|k| view! { <p class="hint">{ctx.tr(k)}</p> })}
            {message(ctx, input, testid)}
        </div>
    }
}

/// The `<option>`s of a select, the current one selected.
fn options(
    ctx: Ctx,
    choices: &'static [Choice],
    access: ChoiceSlot,
    placeholder: bool,
) -> impl IntoView {
    let placeholder = placeholder.then(|| {
        view! {
            <option value="" prop:selected=move || ctx.form.with(|f| (access.get)(f).is_empty())>
                {ctx.tr(Key::Choose)}
            </option>
        }
    });
    view! {
        {placeholder}
        {choices
            .iter()
            .map(|(value, key)| {
                let value: &'static str = value;
                let key = *key;
                view! {
                    <option value=value prop:selected=move || ctx.form.with(|f| (access.get)(f) == value)>
                        {ctx.tr(key)}
                    </option>
                }
            })
            .collect_view()}
    }
}

/// A labelled select; an empty first option means unanswered (Unknown).
#[component]
pub fn SelectField(
    input: InputId,
    testid: &'static str,
    choices: &'static [Choice],
    access: ChoiceSlot,
    #[prop(optional)] hint: Option<Key>,
    #[prop(optional)] required_answer: bool,
) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let id = element_id(testid);
    let hint_id = format!("aclf-hint-{testid}");
    view! {
        <div class="field">
            <label for=id.clone()>{ctx.tr(Key::Label(input))}</label>
            <select
                id=id
                data-testid=testid
                aria-describedby=hint.map(|_| hint_id.clone())
                on:change=move |ev| {
                    let value = event_target_value(&ev);
                    ctx.form.update(|f| (access.set)(f, &value));
                }
            >
                {options(ctx, choices, access, !required_answer)}
            </select>
            {hint.map(|k| view! { <p class="hint" id=hint_id>{ctx.tr(k)}</p> })}
        </div>
    }
}

/// A unit selector beside a number field (named by the field's label + "unit"); its options
/// are unit symbols, the same in both languages.
#[component]
pub fn UnitSelect(
    input: InputId,
    testid: &'static str,
    choices: &'static [(&'static str, &'static str)],
    access: ChoiceSlot,
) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    view! {
        <select
            class="unit-select"
            data-testid=testid
            aria-label=move || format!("{} ({})", ctx.t(Key::Label(input)), ctx.t(Key::Unit))
            on:change=move |ev| {
                let value = event_target_value(&ev);
                ctx.form.update(|f| (access.set)(f, &value));
            }
        >
            {choices
                .iter()
                .map(|(value, symbol)| {
                    let value: &'static str = value;
                    view! {
                        <option value=value prop:selected=move || ctx.form.with(|f| (access.get)(f) == value)>
                            {*symbol}
                        </option>
                    }
                })
                .collect_view()}
        </select>
    }
}

/// A labelled checkbox with a hint.
#[component]
pub fn CheckboxField(
    input: InputId,
    testid: &'static str,
    get: fn(&FormInput) -> bool,
    set: fn(&mut FormInput, bool),
    hint: Key,
) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let id = element_id(testid);
    let hint_id = format!("aclf-hint-{testid}");
    view! {
        <div class="field field-check">
            <input
                type="checkbox"
                id=id.clone()
                data-testid=testid
                aria-describedby=hint_id.clone()
                prop:checked=move || ctx.form.with(get)
                on:change=move |ev| {
                    let checked = event_target_checked(&ev);
                    ctx.form.update(|f| set(f, checked));
                }
            />
            <label for=id>{ctx.tr(Key::Label(input))}</label>
            <p class="hint" id=hint_id>{ctx.tr(hint)}</p>
        </div>
    }
}
