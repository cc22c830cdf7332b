//! The form as Leptos views, built from the field table (`form_fields::SECTIONS`): one component
//! per kind of control (number with what follows it, date, select, checkbox), sections and rows
//! collected from the table. Values are `prop:value` / `prop:checked` of the entries; the core's
//! message, `aria-invalid` and `aria-describedby` are reactive attributes of its view model. A
//! language switch changes only texts (labels, options, hints, messages): the control nodes
//! stay, with their value, focus and caret. One listener on the `<form>` stores what any
//! control holds (typed text -> `FormInput` -> core -> view model -> views; one way). No
//! submit: results follow every keystroke.

use leptos::either::Either;
use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;
use web_sys::Element;

use super::icons::Icon;
use super::Ctx;
use crate::clinical::form::{FieldError, FieldMessage};
use crate::clinical::patient::InputId;
use crate::form_fields::{
    described_by, earlier_tbil_unit, ids, unit_select_label, unit_slot_of, unit_value, After,
    Control, Field, Section, Slot, GRADES, SECTIONS,
};
use crate::i18n::{Key, Lang};
use crate::report::panels::Glyph;
use crate::report::render::{did_you_mean, field_message};

/// Stores what the control that fired `ev` now holds (text as typed, option value, checkbox).
fn store_edit(ctx: Ctx, ev: &web_sys::Event) {
    let Some(target) = ev.target().and_then(|t| t.dyn_into::<Element>().ok()) else {
        return;
    };
    let Some(slot) = Slot::from_element_id(&target.id()) else {
        return;
    };
    super::intake::forget_edited(slot);
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

/// The core's message for a typed field, re-computed with the view model but changing (and
/// re-rendering) only when the message itself changes.
fn message_of(ctx: Ctx, slot: Slot) -> Memo<Option<FieldMessage>> {
    Memo::new(move |_| {
        slot.validated()
            .and_then(|input| ctx.vm.with(|v| v.message(input).cloned()))
    })
}

/// The text of an option.
#[derive(Clone, Copy)]
enum OptionText {
    /// A word of the language table.
    Key(Key),
    /// "Grade n" (West Haven).
    Grade(&'static str),
    /// A unit symbol, the same in both languages.
    Fixed(&'static str),
}

impl OptionText {
    fn text(self, lang: Lang) -> String {
        match self {
            OptionText::Key(k) => lang.t(k).to_string(),
            OptionText::Grade(g) => lang.fill(Key::Grade, &[g]),
            OptionText::Fixed(s) => s.to_string(),
        }
    }
}

/// A `<select>`: its options' texts follow the language in place, the selected one follows the
/// entries. `name`: the accessible name of a unit selector (the others have a `<label>`).
#[component]
fn Choices(
    of: Slot,
    options: Vec<(&'static str, OptionText)>,
    #[prop(optional)] class: Option<&'static str>,
    #[prop(optional)] name: Option<InputId>,
) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let slot = of;
    let (id, _, _) = ids(slot);
    let label = name.map(|of| move || unit_select_label(ctx.lang.get(), of));
    // The West Haven grade counts only while HE is present: disabled otherwise, its choice kept
    // (counted again once HE is present; reset clears it).
    let disabled = move || {
        slot == Slot::Input(InputId::HeGrade) && ctx.form.with(|f| f.encephalopathy != Some(true))
    };
    view! {
        <select
            class=class
            id=id
            data-testid=slot.testid()
            aria-label=label
            aria-describedby=described_by(slot, false)
            prop:disabled=disabled
            data-source=super::intake::source_of(slot)
        >
            {options
                .into_iter()
                .map(|(value, text)| {
                    view! {
                        <option
                            value=value
                            prop:selected=move || ctx.form.with(|f| slot.get(f) == value)
                        >
                            {move || text.text(ctx.lang.get())}
                        </option>
                    }
                })
                .collect_view()}
        </select>
    }
}

/// An `<input>` of a typed value (number text, date, or checkbox), with the core's message
/// state on it.
#[component]
fn Entry(of: Slot, kind: &'static str, #[prop(optional)] max: Option<String>) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let slot = of;
    let (id, _, _) = ids(slot);
    let message = message_of(ctx, slot);
    let text = kind == "text";
    view! {
        <input
            type=kind
            id=id
            data-testid=slot.testid()
            inputmode=text.then_some("decimal")
            autocomplete=text.then_some("off")
            spellcheck=text.then_some("false")
            max=max
            data-source=super::intake::source_of(slot)
            aria-describedby=move || message.with(|m| described_by(slot, m.is_some()))
            aria-invalid=move || {
                message.with(|m| matches!(m, Some(FieldMessage::Error(_)))).then_some("true")
            }
            // A checkbox keeps its default value "on"; its state is `checked`.
            prop:value=move || if kind == "checkbox" { "on".to_string() } else { ctx.form.with(|f| slot.get(f)) }
            prop:checked=move || kind == "checkbox" && ctx.form.with(|f| !slot.get(f).is_empty())
        />
    }
}

/// The message under a typed field: `<p id="aclf-msg-<testid>" data-testid="error-<testid>">`
/// (or `warning-`), which the field names in `aria-describedby`.
#[component]
fn Message(of: Slot) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let slot = of;
    let message = message_of(ctx, slot);
    let testid = slot.testid();
    let (_, _, msg_id) = ids(slot);
    move || {
        message.get().map(|m| {
            let (class, kind, icon) = match m {
                FieldMessage::Error(_) => ("msg msg-error", "error", Glyph::Stop),
                FieldMessage::Unusual { .. } => ("msg msg-warning", "warning", Glyph::Warning),
            };
            // "Did you mean 0.88 mg/dL?": one click switches the field's unit selector; the
            // text typed stays as it is and is read again in that unit.
            let suggestion = match (&m, slot.validated().and_then(unit_slot_of)) {
                (
                    FieldMessage::Error(FieldError::DidYouMean { suggest, value, .. }),
                    Some(unit_slot),
                ) => unit_value(*suggest).map(|v| (*suggest, *value, unit_slot, v)),
                _ => None,
            };
            let button = suggestion.map(|(suggest, value, unit_slot, v)| {
                view! {
                    " "
                    <button
                        type="button"
                        class="unit-suggest"
                        data-testid=format!("unit-suggest-{testid}")
                        on:click=move |_| ctx.form.update(|f| unit_slot.set(f, v))
                    >
                        {move || did_you_mean(ctx.lang.get(), value, suggest)}
                    </button>
                }
            });
            view! {
                <p class=class id=msg_id.clone() data-testid=format!("{kind}-{testid}")>
                    <Icon of=icon/>
                    " "
                    {move || field_message(ctx.lang.get(), &m)}
                    {button}
                </p>
            }
        })
    }
}

fn choices(
    table: &'static [(&'static str, Key)],
    placeholder: bool,
) -> Vec<(&'static str, OptionText)> {
    let first = placeholder.then_some(("", OptionText::Key(Key::Choose)));
    first
        .into_iter()
        .chain(table.iter().map(|(v, k)| (*v, OptionText::Key(*k))))
        .collect()
}

/// The control of a field and what follows it.
fn control(ctx: Ctx, f: &'static Field) -> AnyView {
    let slot = f.slot();
    match f.control {
        Control::Number(after) => {
            let after = match after {
                After::Nothing => ().into_any(),
                After::Unit(u) => view! { <span class="unit">{u}</span> }.into_any(),
                After::UnitSelect(unit, units) => {
                    let options = units
                        .iter()
                        .map(|(v, s)| (*v, OptionText::Fixed(s)))
                        .collect();
                    view! { <Choices of=unit options class="unit-select" name=f.input/> }.into_any()
                }
                After::LatestTbilUnit => view! {
                    <span class="unit" data-unit-of=slot.testid()>
                        {move || ctx.form.with(|form| earlier_tbil_unit(ctx.lang.get(), form))}
                    </span>
                }
                .into_any(),
                After::RoomAir => view! {
                    <span class="unit">"%"</span>
                    <button
                        type="button"
                        class="room-air"
                        data-testid="fio2-room-air"
                        on:click=move |_| ctx.form.update(|form| slot.set(form, "21"))
                    >
                        {ctx.tr(Key::RoomAir)}
                    </button>
                }
                .into_any(),
            };
            view! {
                <div class="field-row">
                    <Entry of=slot kind="text"/>
                    {after}
                </div>
            }
            .into_any()
        }
        // The latest TBIL's date starts empty (SPEC 2, revised); a button fills in today.
        Control::Date if slot == Slot::Input(InputId::TbilDate) => view! {
            <div class="field-row">
                <Entry of=slot kind="date" max=ctx.today.iso()/>
                <button
                    type="button"
                    class="secondary"
                    data-testid="tbil-date-today"
                    on:click=move |_| ctx.form.update(|f| f.tbil_date = ctx.today.iso())
                >
                    {ctx.tr(Key::Today)}
                </button>
            </div>
        }
        .into_any(),
        Control::Date => view! { <Entry of=slot kind="date" max=ctx.today.iso()/> }.into_any(),
        Control::Checkbox => view! { <Entry of=slot kind="checkbox"/> }.into_any(),
        Control::Select(table, placeholder) => {
            view! { <Choices of=slot options=choices(table, placeholder)/> }.into_any()
        }
        Control::Grade => {
            let options = std::iter::once(("", OptionText::Key(Key::Choose)))
                .chain(GRADES.iter().map(|g| (*g, OptionText::Grade(g))))
                .collect();
            view! { <Choices of=slot options/> }.into_any()
        }
    }
}

/// One labelled field: label and control (a checkbox first, its label after it), hint, and
/// the slot of the core's message.
#[component]
fn FieldView(field: &'static Field) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let slot = field.slot();
    let (id, hint_id, _) = ids(slot);
    let checkbox = matches!(field.control, Control::Checkbox);
    let label = view! { <label for=id>{ctx.tr(Key::Label(field.input))}</label> };
    let control = control(ctx, field);
    let (first, second) = if checkbox {
        (control, label.into_any())
    } else {
        (label.into_any(), control)
    };
    view! {
        <div class=if checkbox { "field field-check" } else { "field" }>
            {first}
            {second}
            <super::intake::FieldBadge input=field.input/>
            {field.hint.map(|h| view! { <p class="hint" id=hint_id>{ctx.tr(h)}</p> })}
            {slot
                .validated()
                .map(|_| view! { <div class="msg-slot" data-msg-of=slot.testid()><Message of=slot/></div> })}
        </div>
    }
}

/// A fieldset: legend, hint, rows of one field or a pair side by side.
#[component]
fn SectionView(section: &'static Section) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let rows = section
        .rows
        .iter()
        .map(|row| {
            let fields = row
                .iter()
                .map(|field| view! { <FieldView field/> })
                .collect_view();
            if row.len() > 1 {
                Either::Left(view! { <div class="pair">{fields}</div> })
            } else {
                Either::Right(fields)
            }
        })
        .collect_view();
    let hint = section
        .hint
        .map(|h| view! { <p class="hint">{ctx.tr(h)}</p> });
    match section.collapsed() {
        // SPEC 11: optional, collapsed; the HE grade and the dialysis box above are reused.
        Some(testid) => Either::Left(view! {
            <details class="section section-collapsed" data-testid=testid>
                <summary>{ctx.tr(section.legend)}</summary>
                {hint}
                <p class="hint">{ctx.tr(Key::SeverityReuses)}</p>
                {rows}
            </details>
        }),
        None => Either::Right(view! {
            <fieldset class="section">
                <legend>{ctx.tr(section.legend)}</legend>
                {hint}
                {rows}
            </fieldset>
        }),
    }
}

/// The whole form.
#[component]
pub fn Form() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let on_edit = move |ev: web_sys::Event| store_edit(ctx, &ev);
    view! {
        <form
            class="aclf-form no-print"
            autocomplete="off"
            on:submit=|ev| ev.prevent_default()
            on:input=on_edit
            on:change=on_edit
        >
            {SECTIONS.iter().map(|section| view! { <SectionView section/> {(section.legend == Key::SectionLabs).then(|| view! { <super::series::SeriesTable/> })} }).collect_view()}
        </form>
    }
}
