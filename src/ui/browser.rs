//! The few things read from or written to the browser: today's date, the time for print, the
//! language (from `?lang=`, the stored choice, or the browser), `<html lang>`. The only thing
//! ever stored is the language tag; no clinical value is stored or put in the URL.

use leptos::prelude::*;

use super::Ctx;
use crate::clinical::date::Date;
use crate::i18n::{Key, Lang};

/// localStorage key of the language choice (the only thing this app stores).
const LANG_KEY: &str = "aclf-screen.lang";

/// Today's local calendar date.
pub fn today() -> Date {
    let d = js_sys::Date::new_0();
    // The browser's clock always gives a real date; the epoch is only a type-level fallback.
    Date::from_ymd(
        d.get_full_year() as i32,
        d.get_month() as u8 + 1,
        d.get_date() as u8,
    )
    .unwrap_or(Date::EPOCH)
}

/// Local date and time as "YYYY-MM-DD HH:MM" for the printed and copied summary.
pub fn now_text() -> String {
    let d = js_sys::Date::new_0();
    format!(
        "{:04}-{:02}-{:02} {:02}:{:02}",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date(),
        d.get_hours(),
        d.get_minutes()
    )
}

fn storage() -> Option<web_sys::Storage> {
    // Sandboxed iframes and some privacy modes throw on access: treat as no storage.
    window().local_storage().ok().flatten()
}

/// The starting language: the one set by `?lang=` or the host element, else the stored
/// choice, else the browser's languages.
pub fn initial_lang(explicit: Option<Lang>) -> Lang {
    let stored = storage().and_then(|s| s.get_item(LANG_KEY).ok().flatten());
    let browser: Vec<String> = window()
        .navigator()
        .languages()
        .iter()
        .filter_map(|v| v.as_string())
        .collect();
    let browser: Vec<&str> = browser.iter().map(String::as_str).collect();
    Lang::choose(explicit.map(Lang::tag), stored.as_deref(), &browser)
}

/// Removes the static "loading / this browser cannot run the tool" message of index.html.
pub fn remove_boot_message() {
    if let Some(boot) = document().get_element_by_id("aclf-boot") {
        boot.remove();
    }
}

/// Moves focus to a form field (and scrolls it into view), found from the element that was
/// clicked: inside a shadow root the document's `getElementById` cannot see it.
pub fn focus_field(ev: &web_sys::MouseEvent, testid: &str) {
    use leptos::wasm_bindgen::JsCast;
    let field = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|el| el.closest(".aclf").ok().flatten())
        .and_then(|root| {
            root.query_selector(&format!("#aclf-{testid}"))
                .ok()
                .flatten()
        })
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(field) = field {
        field.scroll_into_view();
        let _ = field.focus();
    }
}

/// Reloads the page (after a new version was installed).
pub fn reload() {
    let _ = window().location().reload();
}

/// Sets `<html lang>` and the document title to the language.
pub fn apply_lang(lang: Lang) {
    let doc = document();
    if let Some(root) = doc.document_element() {
        let _ = root.set_attribute("lang", lang.tag());
    }
    doc.set_title(lang.t(Key::AppTitle));
}

fn remember(lang: Lang) {
    if let Some(s) = storage() {
        // Failing to remember the language is harmless: it is chosen again next time.
        let _ = s.set_item(LANG_KEY, lang.tag());
    }
}

/// The language switch. Switching keeps every entry: only the language signal changes.
#[component]
pub fn LanguageSelect() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let options = [Lang::En, Lang::ZhCn];
    view! {
        <div class="aclf-lang no-print">
            <label for="aclf-lang">{ctx.tr(Key::Language)}</label>
            <select
                id="aclf-lang"
                data-testid="lang"
                on:change=move |ev| {
                    if let Some(lang) = Lang::from_tag(&event_target_value(&ev)) {
                        ctx.lang.set(lang);
                        remember(lang);
                    }
                }
            >
                {options
                    .into_iter()
                    .map(|l| {
                        let name = l.autonym();
                        view! {
                            <option value=l.tag() lang=l.tag() prop:selected=move || ctx.lang.get() == l>
                                {name}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
        </div>
    }
}
