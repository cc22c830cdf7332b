//! Lab intake in the browser (SPEC 8, CONTRACT "Lab intake"): the import panel above the form
//! (paste box, file chooser and drop zone, "Read"), the confirmation table, "Use checked values"
//! and "Cancel"; the "from import" marks of the fields; and the host push (iframe `postMessage`
//! from the protocol document's allowed origins, or a `CustomEvent` on the mount element).
//!
//! The reading itself is `crate::intake` (pure, natively tested); this file only moves text in
//! and candidates out. The pasted text lives in one signal in memory: never stored, never in the
//! URL, cleared after use, on cancel and on reset. A chosen file's name is never shown (the file
//! input is emptied once read).

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use super::{initial_form, Ctx};
use crate::clinical::date::Date;
use crate::clinical::patient::InputId;
use crate::clinical::protocol::PROTOCOL;
use crate::clinical::series::{SeriesField, SeriesRowText};
use crate::form_fields::Slot;
use crate::i18n::{Key, Lang};
use crate::intake::apply::{
    self, apply, check_against_form, default_checks, is_marked, series_lines, series_marks, toggle,
    SeriesMark,
};
use crate::intake::push::{self, read_push, receipt_counts, LabsMessage};
use crate::intake::{
    read_input, Analyte, Candidate, Message, Origin, Reading, Status, MAX_INPUT_BYTES,
};
use crate::report::markup::{self, unit_text};

/// The fields filled by import and the imported dates of labs without a date field: the form's
/// views read them (`data-source="import"`, the badge, `imported-date-<input>`).
#[derive(Clone, Copy)]
pub struct Imported {
    /// Fields marked "from import" until edited, their unit changed, or reset.
    pub fields: RwSignal<Vec<InputId>>,
    /// Imported dates shown beside their field.
    pub dates: RwSignal<Vec<(InputId, Date)>>,
    /// Earlier-results cells filled by import (marked while their row's date and text stay).
    pub series: RwSignal<Vec<SeriesMark>>,
}

impl Imported {
    /// Nothing imported.
    pub fn new() -> Imported {
        Imported {
            fields: RwSignal::new(Vec::new()),
            dates: RwSignal::new(Vec::new()),
            series: RwSignal::new(Vec::new()),
        }
    }

    /// Whether an earlier-results cell holds an imported value (reactive).
    pub fn has_series(self, row: &SeriesRowText, field: SeriesField) -> bool {
        self.series.with(|m| is_marked(m, row, field))
    }

    /// Whether `input` holds an imported value (reactive).
    pub fn has(self, input: InputId) -> bool {
        self.fields.with(|f| f.contains(&input))
    }

    fn forget(self, inputs: &[InputId]) {
        if self
            .fields
            .with_untracked(|f| f.iter().any(|i| inputs.contains(i)))
        {
            self.fields.update(|f| f.retain(|i| !inputs.contains(i)));
        }
        if self
            .dates
            .with_untracked(|d| d.iter().any(|(i, _)| inputs.contains(i)))
        {
            self.dates
                .update(|d| d.retain(|(i, _)| !inputs.contains(i)));
        }
    }

    fn clear(self) {
        self.fields.set(Vec::new());
        self.dates.set(Vec::new());
        self.series.set(Vec::new());
    }

    /// The marks as they are (Reset keeps them for Undo).
    pub fn snapshot(self) -> Marks {
        Marks {
            fields: self.fields.get_untracked(),
            dates: self.dates.get_untracked(),
            series: self.series.get_untracked(),
        }
    }

    /// Puts back the marks of a snapshot (Undo after Reset, with the form it restores).
    pub fn restore(self, marks: Marks) {
        self.fields.set(marks.fields);
        self.dates.set(marks.dates);
        self.series.set(marks.series);
    }
}

/// The "from import" marks and imported dates at one moment: Undo after Reset restores them
/// with the form (ui::actions).
#[derive(Clone, Debug, Default)]
pub struct Marks {
    fields: Vec<InputId>,
    dates: Vec<(InputId, Date)>,
    series: Vec<SeriesMark>,
}

impl Default for Imported {
    fn default() -> Self {
        Imported::new()
    }
}

/// Called by the form's input/change listener: an edited field (or its unit) is no longer
/// "from import".
pub fn forget_edited(slot: Slot) {
    let Some(imported) = use_context::<Imported>() else {
        return;
    };
    match slot {
        Slot::Input(input) => imported.forget(&[input]),
        Slot::TbilUnit => imported.forget(&[InputId::Tbil, InputId::TbilEarlier]),
        Slot::CreatinineUnit => imported.forget(&[InputId::Creatinine]),
        Slot::AlbuminUnit => imported.forget(&[InputId::Albumin]),
        Slot::Pao2Unit => imported.forget(&[InputId::Pao2]),
    }
}

/// `data-source="import"` of a control, while its field holds an imported value.
pub fn source_of(slot: Slot) -> impl Fn() -> Option<&'static str> + Send + Sync + 'static {
    let imported = use_context::<Imported>();
    move || match (slot, imported) {
        (Slot::Input(input), Some(i)) => i.has(input).then_some("import"),
        _ => None,
    }
}

/// The "from import" badge of a field, and the imported date of a lab without a date field.
#[component]
pub fn FieldBadge(input: InputId) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let imported = use_context::<Imported>();
    let testid = Slot::Input(input).testid();
    let badge = move || {
        imported.filter(|i| i.has(input)).map(|_| {
            view! {
                <span class="import-badge" data-testid=format!("import-badge-{testid}")>
                    {ctx.tr(Key::ImportBadge)}
                </span>
            }
        })
    };
    let dated = move || {
        let date = imported.and_then(|i| {
            i.dates
                .with(|d| d.iter().find(|(id, _)| *id == input).map(|(_, d)| *d))
        })?;
        Some(view! {
            <span class="import-dated" data-testid=format!("imported-date-{testid}")>
                {move || ctx.lang.get().fill(Key::ImportDated, &[&date.iso()])}
            </span>
        })
    };
    view! { {badge} {dated} }
}

/// What the confirmation table shows: the reading (rows fixed while shown) and who sent it.
#[derive(Clone)]
struct Shown {
    reading: Reading,
    /// The host's origin for pushed labs (the table's title).
    from: Option<String>,
}

/// The panel's state.
#[derive(Clone, Copy)]
struct Panel {
    text: RwSignal<String>,
    shown: RwSignal<Option<Shown>>,
    checks: RwSignal<Vec<bool>>,
    messages: RwSignal<Vec<Message>>,
    /// A host message of another version was refused.
    refused: RwSignal<bool>,
}

impl Panel {
    fn clear(self) {
        self.text.set(String::new());
        self.shown.set(None);
        self.checks.set(Vec::new());
        self.messages.set(Vec::new());
        self.refused.set(false);
    }

    /// Shows a reading (after the checks that depend on the form).
    fn show(self, ctx: Ctx, mut reading: Reading, from: Option<String>, extra: Option<Message>) {
        ctx.form
            .with_untracked(|f| check_against_form(f, &mut reading.candidates));
        let mut messages = reading.messages.clone();
        messages.extend(extra);
        self.messages.set(messages);
        self.refused.set(false);
        self.checks.set(default_checks(&reading.candidates));
        // A whole-input refusal (too large, too deep, empty) shows only its message.
        let refused_whole = reading.candidates.is_empty()
            && reading.series.is_empty()
            && reading.also_in_report.is_empty()
            && reading.unread == 0
            && !reading.messages.is_empty();
        self.shown
            .set((!refused_whole).then_some(Shown { reading, from }));
    }
}

/// Reads a text from the box or a file.
fn read_text(panel: Panel, ctx: Ctx, text: &str, extra: Option<Message>) {
    let reading = read_input(text, ctx.today);
    // A refused text over 4 MB is not kept in the box: it is never read, and a textarea of that
    // size keeps the page slow on every later layout (seconds per change in Chromium).
    if reading.messages.contains(&Message::TooLarge) {
        panel.text.set(String::new());
    }
    panel.show(ctx, reading, None, extra);
}

/// A file's bytes as text: UTF-8 (BOM dropped by the reader), else GB18030.
fn decode(bytes: Vec<u8>) -> (String, Option<Message>) {
    match String::from_utf8(bytes) {
        Ok(s) => (s, None),
        Err(e) => {
            let bytes = e.into_bytes();
            let text = web_sys::TextDecoder::new_with_label("gb18030")
                .and_then(|d| d.decode_with_u8_array(&bytes))
                .unwrap_or_else(|_| String::from_utf8_lossy(&bytes).into_owned());
            (text, Some(Message::DecodedGb18030))
        }
    }
}

/// Reads the first file of a list (chosen or dropped); over 4 MB is refused before reading.
fn read_file(panel: Panel, ctx: Ctx, files: Option<web_sys::FileList>) {
    let Some(file) = files.and_then(|f| f.get(0)) else {
        return;
    };
    if file.size() > MAX_INPUT_BYTES as f64 {
        panel.shown.set(None);
        panel.messages.set(vec![Message::TooLarge]);
        return;
    }
    // Blob.arrayBuffer() (Chromium 76+), awaited through the promise: no file-reading crate.
    let bytes = wasm_bindgen_futures::JsFuture::from(file.array_buffer());
    leptos::task::spawn_local(async move {
        if let Ok(buffer) = bytes.await {
            let (text, extra) = decode(js_sys::Uint8Array::new(&buffer).to_vec());
            read_text(panel, ctx, &text, extra);
        }
    });
}

fn analyte_label(lang: Lang, a: Analyte) -> &'static str {
    lang.t(Key::Label(apply::field(a)))
}

fn source_text(lang: Lang, o: &Origin) -> String {
    match o {
        Origin::Line { number, text } => {
            format!(
                "{}: {}",
                lang.fill(Key::ImportLine, &[&number.to_string()]),
                text
            )
        }
        Origin::Fhir { code, id } => match id {
            Some(id) => format!("{code} ({id})"),
            None => code.clone(),
        },
        Origin::Pushed { index: Some(i) } => lang.fill(Key::ImportItem, &[&(i + 1).to_string()]),
        Origin::Pushed { index: None } => lang.t(Key::ImportPatient).to_string(),
    }
}

fn note_text(lang: Lang, s: &Status) -> String {
    let sep = if lang == Lang::ZhCn { "；" } else { "; " };
    match s {
        Status::Usable => String::new(),
        Status::Warning(ws) => ws
            .iter()
            .map(|w| lang.t(Key::ImportWarning(*w)))
            .collect::<Vec<_>>()
            .join(sep),
        Status::Unusable(r) => lang.t(Key::ImportReason(*r)).to_string(),
    }
}

/// What a row replaces: the field's current entry (with its unit where it has a select).
fn replaces_text(ctx: Ctx, a: Analyte) -> String {
    let lang = ctx.lang.get();
    let input = apply::field(a);
    ctx.form.with(|f| {
        let value = Slot::Input(input).get(f);
        if value.trim().is_empty() {
            return lang.t(Key::ImportReplacesNothing).to_string();
        }
        let unit = match input {
            InputId::Tbil | InputId::TbilEarlier => Some(Slot::TbilUnit.get(f)),
            InputId::Creatinine => Some(Slot::CreatinineUnit.get(f)),
            InputId::Albumin => Some(Slot::AlbuminUnit.get(f)),
            _ => None,
        };
        match (input, value.as_str()) {
            (InputId::Sex, "male") => lang.t(Key::Male).to_string(),
            (InputId::Sex, "female") => lang.t(Key::Female).to_string(),
            _ => match unit {
                Some(u) => format!("{value} {}", u.replace("umol", "µmol")),
                None => value,
            },
        }
    })
}

/// One row of the confirmation table.
#[component]
fn ImportRow(index: usize, candidate: Candidate) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let panel = expect_context::<Panel>();
    let c = candidate;
    let analyte = c.analyte;
    let usable = c.status.is_usable();
    let reason = match &c.status {
        Status::Unusable(r) => Some(r.contract_name()),
        _ => None,
    };
    let warnings = match &c.status {
        Status::Warning(ws) => Some(
            ws.iter()
                .map(|w| w.contract_name())
                .collect::<Vec<_>>()
                .join(" "),
        ),
        _ => None,
    };
    let value = format!("{} {}", c.written, unit_text(&c.unit))
        .trim()
        .to_string();
    let date = c.date.map(|d| d.date.iso());
    let origin = c.origin.clone();
    let status = c.status.clone();
    let on_change = move |ev: web_sys::Event| {
        let on = event_target_checked(&ev);
        let candidates = panel
            .shown
            .with_untracked(|s| s.as_ref().map(|s| s.reading.candidates.clone()));
        if let Some(candidates) = candidates {
            panel
                .checks
                .update(|checks| toggle(&candidates, checks, index, on));
        }
    };
    view! {
        <tr
            data-testid="import-row"
            data-analyte=analyte.contract_name()
            data-status=c.status.contract_name()
            data-reason=reason
            data-warning=warnings
            class:import-unusable=!usable
        >
            <td>
                <input
                    type="checkbox"
                    data-testid="import-check"
                    disabled=!usable
                    aria-label=move || {
                        let lang = ctx.lang.get();
                        lang.fill(Key::ImportUseRow, &[analyte_label(lang, analyte)])
                    }
                    prop:checked=move || panel.checks.with(|c| c.get(index).copied().unwrap_or(false))
                    on:change=on_change
                />
            </td>
            <th scope="row">
                {move || analyte_label(ctx.lang.get(), analyte)}
                <span class="import-note">{move || note_text(ctx.lang.get(), &status)}</span>
            </th>
            <td>{value}</td>
            <td>{move || date.clone().unwrap_or_else(|| ctx.t(Key::ImportNoDate).to_string())}</td>
            <td class="import-source">{move || source_text(ctx.lang.get(), &origin)}</td>
            <td>{move || replaces_text(ctx, analyte)}</td>
        </tr>
    }
}

/// The confirmation table and what goes with it.
#[component]
fn Confirm(shown: Shown) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let panel = expect_context::<Panel>();
    let imported = expect_context::<Imported>();
    let Shown { reading, from } = shown;
    let none = reading.none_usable();
    let unread = reading.unread;
    let also = reading.also_in_report.clone();
    let candidates = reading.candidates.clone();
    let series_entries = reading.series.clone();
    // What "Use" would do with each older result, with the rows as checked now (the units and
    // dates of the form after "Use" decide it).
    let for_outcomes = reading.clone();
    let outcomes = Memo::new(move |_| {
        let checks = panel.checks.get();
        ctx.form
            .with(|f| apply(f, &for_outcomes, &checks, ctx.today).series)
    });
    let on_use = move |_| {
        let checks = panel.checks.get_untracked();
        let applied = ctx
            .form
            .with_untracked(|f| apply(f, &reading, &checks, ctx.today));
        ctx.form.set(applied.form);
        imported.fields.update(|f| {
            for id in &applied.from_import {
                if !f.contains(id) {
                    f.push(*id);
                }
            }
            crate::sorting::sort(f);
        });
        imported.dates.update(|d| {
            // A field filled again without a date loses its old imported date.
            d.retain(|(id, _)| !applied.from_import.contains(id));
            d.extend(applied.dates.iter().copied());
        });
        imported
            .series
            .update(|m| m.extend(series_marks(&reading, &applied.series)));
        panel.clear();
    };
    let caption = move || match &from {
        Some(origin) => ctx.lang.get().fill(Key::ImportTableFrom, &[origin]),
        None => ctx.t(Key::ImportTableTitle).to_string(),
    };
    let notes = move || markup::import_notes(ctx.lang.get(), unread, &also).into_string();
    // One line per analyte and date: a cumulative bundle has dozens of results a day.
    let lines = series_lines(&series_entries);
    let has_series = !lines.is_empty();
    let series = move || {
        let lang = ctx.lang.get();
        outcomes.with(|o| markup::import_series(lang, &series_entries, &lines, o).into_string())
    };
    view! {
        <div class="import-confirm" data-testid="import-table">
            <table class="import-table">
                <caption>{caption}</caption>
                <thead>
                    <tr>
                        <th scope="col">{ctx.tr(Key::ImportColUse)}</th>
                        <th scope="col">{ctx.tr(Key::ImportColAnalyte)}</th>
                        <th scope="col">{ctx.tr(Key::ImportColValue)}</th>
                        <th scope="col">{ctx.tr(Key::ImportColDate)}</th>
                        <th scope="col">{ctx.tr(Key::ImportColSource)}</th>
                        <th scope="col">{ctx.tr(Key::ImportColReplaces)}</th>
                    </tr>
                </thead>
                <tbody>
                    {candidates
                        .into_iter()
                        .enumerate()
                        .map(|(index, candidate)| view! { <ImportRow index candidate/> })
                        .collect_view()}
                </tbody>
            </table>
            {none.then(|| view! { <p data-testid="import-none" class="msg msg-warning">{ctx.tr(Key::ImportNone)}</p> })}
            <div class="import-notes" inner_html=notes></div>
            {has_series
                .then(|| {
                    view! {
                        <div class="import-series">
                            <h3>{ctx.tr(Key::ImportSeries)}</h3>
                            <ul inner_html=series></ul>
                        </div>
                    }
                })}
            <div class="import-buttons">
                <button type="button" data-testid="import-use" disabled=none on:click=on_use>
                    {ctx.tr(Key::ImportUse)}
                </button>
                <button type="button" class="secondary" data-testid="import-cancel" on:click=move |_| panel.clear()>
                    {ctx.tr(Key::ImportCancel)}
                </button>
            </div>
        </div>
    }
}

/// A message about the whole input.
#[component]
fn InputMessage(message: Message) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    view! {
        <p class="msg msg-warning" data-testid="import-message" data-reason=message.contract_name() role="status">
            {ctx.tr(Key::ImportMessage(message))}
        </p>
    }
}

/// The import panel, above the form.
#[component]
pub fn ImportPanel() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let panel = Panel {
        text: RwSignal::new(String::new()),
        shown: RwSignal::new(None),
        checks: RwSignal::new(Vec::new()),
        messages: RwSignal::new(Vec::new()),
        refused: RwSignal::new(false),
    };
    provide_context(panel);
    let imported = use_context::<Imported>().unwrap_or_default();
    provide_context(imported);

    // Reset (the form back to its starting state) clears the text, the table and the marks.
    Effect::new(move |_| {
        if ctx.form.with(|f| *f == initial_form()) {
            panel.clear();
            imported.clear();
        }
    });

    host_push(ctx, panel);

    let on_read = move |_| {
        let text = panel.text.get_untracked();
        read_text(panel, ctx, &text, None);
    };
    let file_input = NodeRef::<leptos::html::Input>::new();
    let on_file = move |_| {
        let Some(input) = file_input.get_untracked() else {
            return;
        };
        let files = input.files();
        read_file(panel, ctx, files);
        // The chosen file's name is never shown: the input is emptied once taken.
        input.set_value("");
    };
    let dragging = RwSignal::new(false);
    let on_drop = move |ev: web_sys::DragEvent| {
        ev.prevent_default();
        dragging.set(false);
        read_file(panel, ctx, ev.data_transfer().and_then(|d| d.files()));
    };
    view! {
        <section class="import-panel no-print" aria-labelledby="aclf-import-heading">
            <h2 id="aclf-import-heading">{ctx.tr(Key::ImportHeading)}</h2>
            <p class="hint" id="aclf-import-intro">{ctx.tr(Key::ImportIntro)}</p>
            <div
                class="import-drop"
                class:import-dragging=move || dragging.get()
                data-testid="import-drop"
                on:dragover=move |ev: web_sys::DragEvent| {
                    ev.prevent_default();
                    dragging.set(true);
                }
                on:dragleave=move |_| dragging.set(false)
                on:drop=on_drop
            >
                <label for="aclf-import-text">{ctx.tr(Key::ImportTextLabel)}</label>
                <textarea
                    id="aclf-import-text"
                    data-testid="import-text"
                    rows="5"
                    autocomplete="off"
                    spellcheck="false"
                    aria-describedby="aclf-import-intro"
                    prop:value=move || panel.text.get()
                    on:input=move |ev| panel.text.set(event_target_value(&ev))
                ></textarea>
                <div class="import-file-row">
                    <label for="aclf-import-file">{ctx.tr(Key::ImportFileLabel)}</label>
                    <input
                        type="file"
                        id="aclf-import-file"
                        data-testid="import-file"
                        accept=".txt,.json,text/plain,application/json"
                        node_ref=file_input
                        on:change=on_file
                    />
                    <span class="hint" aria-hidden="true">{ctx.tr(Key::ImportDrop)}</span>
                </div>
                <button type="button" data-testid="import-read" on:click=on_read>
                    {ctx.tr(Key::ImportRead)}
                </button>
            </div>
            <div role="status">
                {move || {
                    panel
                        .messages
                        .get()
                        .into_iter()
                        .map(|message| view! { <InputMessage message/> })
                        .collect_view()
                }}
                {move || panel.refused.get().then(|| view! { <p class="msg msg-warning">{ctx.tr(Key::ImportRefused)}</p> })}
            </div>
            {move || panel.shown.get().map(|shown| view! { <Confirm shown/> })}
        </section>
    }
}

// --- host push

fn receipt(accepted: usize, rejected: usize) -> js_sys::Object {
    let o = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&o, &"type".into(), &push::RECEIVED_TYPE.into());
    let _ = js_sys::Reflect::set(&o, &"version".into(), &1.into());
    let _ = js_sys::Reflect::set(&o, &"accepted".into(), &(accepted as u32).into());
    let _ = js_sys::Reflect::set(&o, &"rejected".into(), &(rejected as u32).into());
    o
}

fn is_labs_message(data: &JsValue) -> bool {
    data.is_object()
        && js_sys::Reflect::get(data, &"type".into())
            .ok()
            .and_then(|t| t.as_string())
            .is_some_and(|t| t == push::LABS_TYPE)
}

/// Reads a host message into the table; returns the receipt's counts.
fn receive(ctx: Ctx, panel: Panel, data: JsValue, origin: &str) -> (usize, usize) {
    let items = js_sys::Reflect::get(&data, &"items".into())
        .ok()
        .filter(|i| i.is_array())
        .map(|i| js_sys::Array::from(&i).length() as usize)
        .unwrap_or(0);
    // The posted object as JSON text, read by the same reader as a pasted FHIR document (a
    // value JSON cannot hold, such as a BigInt or a cycle, makes the message unreadable).
    let text = js_sys::JSON::stringify(&data)
        .ok()
        .and_then(|t| t.as_string());
    let Some(msg) = text.and_then(|t| LabsMessage::parse(&t).ok()) else {
        panel.refused.set(true);
        return (0, items);
    };
    match read_push(&msg, ctx.today) {
        Ok(reading) => {
            let counts = receipt_counts(&reading);
            panel.text.set(String::new());
            panel.show(ctx, reading, Some(origin.to_string()), None);
            counts
        }
        Err(_) => {
            panel.shown.set(None);
            panel.messages.set(Vec::new());
            panel.refused.set(true);
            (0, items)
        }
    }
}

fn allowed(origin: &str) -> bool {
    PROTOCOL.allowed_origins.contains(&origin)
}

/// Host push (SPEC 8). Off when the protocol document lists no origin.
fn host_push(ctx: Ctx, panel: Panel) {
    if PROTOCOL.allowed_origins.is_empty() {
        return;
    }
    if ctx.mode.embed {
        let Ok(Some(parent)) = window().parent() else {
            return;
        };
        let me = window();
        if js_sys::Object::is(&parent, &me) {
            return;
        }
        let handle = window_event_listener_untyped("message", move |ev| {
            let Ok(ev) = ev.dyn_into::<web_sys::MessageEvent>() else {
                return;
            };
            let origin = ev.origin();
            let from_parent = ev.source().is_some_and(|s| js_sys::Object::is(&s, &parent));
            if !from_parent || !allowed(&origin) || !is_labs_message(&ev.data()) {
                return;
            }
            let (accepted, rejected) = receive(ctx, panel, ev.data(), &origin);
            let _ = parent.post_message(&receipt(accepted, rejected), &origin);
        });
        on_cleanup(move || handle.remove());
        // Tell each allowed host that the widget listens (a host never posts into an unloaded
        // frame); the browser delivers it only to a parent of that origin.
        if let Ok(Some(parent)) = window().parent() {
            let ready = js_sys::Object::new();
            let _ = js_sys::Reflect::set(&ready, &"type".into(), &"aclf-screen:ready".into());
            let _ = js_sys::Reflect::set(&ready, &"version".into(), &1.into());
            for origin in PROTOCOL.allowed_origins {
                let _ = parent.post_message(&ready, origin);
            }
        }
    } else if ctx.mode.mounted {
        let origin = window().location().origin().unwrap_or_default();
        if !allowed(&origin) {
            return;
        }
        let Some(host) = document()
            .query_selector("[data-aclf-screen]")
            .ok()
            .flatten()
        else {
            return;
        };
        let target = host.clone();
        let listener = Closure::<dyn FnMut(web_sys::Event)>::new(move |ev: web_sys::Event| {
            let Ok(ev) = ev.dyn_into::<web_sys::CustomEvent>() else {
                return;
            };
            let detail = ev.detail();
            if !is_labs_message(&detail) {
                return;
            }
            let (accepted, rejected) = receive(ctx, panel, detail, &origin);
            let init = web_sys::CustomEventInit::new();
            init.set_detail(&receipt(accepted, rejected));
            if let Ok(answer) =
                web_sys::CustomEvent::new_with_event_init_dict(push::RECEIVED_TYPE, &init)
            {
                let _ = target.dispatch_event(&answer);
            }
        });
        let _ = host
            .add_event_listener_with_callback(push::LABS_TYPE, listener.as_ref().unchecked_ref());
        // Lives as long as the page.
        listener.forget();
    }
}
