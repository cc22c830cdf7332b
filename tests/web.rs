//! Browser tests of the Leptos shell (wasm-bindgen-test in headless Chromium): what the native
//! tests of the core cannot see - that the mounted widget reads its inputs, shows the core's
//! result, marks rejected fields and follows the language. Run by `make test-wasm`.
#![cfg(target_arch = "wasm32")]

use aclf_screen::ui::App;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Document, Event, EventInit, HtmlElement, HtmlInputElement, HtmlSelectElement};

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> Document {
    web_sys::window()
        .and_then(|w| w.document())
        .expect("a document")
}

/// Mounts a fresh widget into its own div and returns the div.
fn mount() -> HtmlElement {
    let doc = document();
    let host: HtmlElement = doc.create_element("div").unwrap().dyn_into().unwrap();
    doc.body().unwrap().append_child(&host).unwrap();
    leptos::mount::mount_to(host.clone(), || leptos::prelude::view! { <App/> }).forget();
    host
}

fn by_testid(host: &HtmlElement, id: &str) -> Option<web_sys::Element> {
    host.query_selector(&format!("[data-testid=\"{id}\"]"))
        .unwrap()
}

/// An event as the browser fires it for a user's edit: `input` and `change` bubble (the form
/// listens for them on the `<form>`).
fn user_event(kind: &str) -> Event {
    let init = EventInit::new();
    init.set_bubbles(true);
    Event::new_with_event_init_dict(kind, &init).unwrap()
}

fn type_into(host: &HtmlElement, id: &str, text: &str) {
    let input: HtmlInputElement = by_testid(host, id).expect(id).dyn_into().unwrap();
    input.set_value(text);
    input.dispatch_event(&user_event("input")).unwrap();
}

fn choose(host: &HtmlElement, id: &str, value: &str) {
    let select: HtmlSelectElement = by_testid(host, id).expect(id).dyn_into().unwrap();
    select.set_value(value);
    select.dispatch_event(&user_event("change")).unwrap();
}

/// Lets Leptos run the effects scheduled by the last event (they run on the next task).
async fn settle() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

fn text(host: &HtmlElement, id: &str) -> String {
    by_testid(host, id)
        .and_then(|e| e.text_content())
        .unwrap_or_default()
}

#[wasm_bindgen_test]
async fn a_fresh_widget_shows_no_score_and_no_error() {
    let host = mount();
    settle().await;
    assert_eq!(text(&host, "meld"), "");
    assert!(host
        .query_selector("[data-testid^=\"error-\"]")
        .unwrap()
        .is_none());
    let v1 = by_testid(&host, "verdict-phase1").unwrap();
    assert_eq!(
        v1.get_attribute("data-verdict").as_deref(),
        Some("incomplete")
    );
}

#[wasm_bindgen_test]
async fn typed_labs_give_the_meld_of_the_core() {
    let host = mount();
    type_into(&host, "tbil", "342");
    type_into(&host, "creatinine", "88.4");
    type_into(&host, "inr", "2,0");
    settle().await;
    assert_eq!(text(&host, "meld"), "26");
    choose(&host, "tbil-unit", "mg/dL");
    type_into(&host, "tbil", "20");
    settle().await;
    assert_eq!(text(&host, "meld"), "26", "same MELD in conventional units");
}

#[wasm_bindgen_test]
async fn an_impossible_value_is_marked_on_its_field_and_computes_nothing() {
    let host = mount();
    type_into(&host, "tbil", "342");
    type_into(&host, "creatinine", "88.4");
    type_into(&host, "inr", "25");
    settle().await;
    assert!(by_testid(&host, "error-inr").is_some());
    let inr = by_testid(&host, "inr").unwrap();
    assert_eq!(inr.get_attribute("aria-invalid").as_deref(), Some("true"));
    assert_eq!(text(&host, "meld"), "");
    // What was typed stays as typed.
    assert_eq!(inr.dyn_into::<HtmlInputElement>().unwrap().value(), "25");
    type_into(&host, "inr", "2");
    settle().await;
    assert!(by_testid(&host, "error-inr").is_none());
}

#[wasm_bindgen_test]
async fn switching_language_keeps_entries_and_sets_html_lang() {
    let host = mount();
    type_into(&host, "age", "45");
    choose(&host, "lang", "zh-CN");
    settle().await;
    let age: HtmlInputElement = by_testid(&host, "age").unwrap().dyn_into().unwrap();
    assert_eq!(age.value(), "45");
    let root_lang = document().document_element().unwrap().get_attribute("lang");
    assert_eq!(root_lang.as_deref(), Some("zh-CN"));
    choose(&host, "lang", "en");
    settle().await;
}
