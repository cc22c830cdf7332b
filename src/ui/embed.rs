//! Embedding: the compact iframe mode that reports its height to the parent page, and mounting
//! into a host page's element inside a shadow root. Nothing clinical is read from or written to
//! the URL: only `embed`, `lang` and `phase` are read.

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use super::App;
use crate::clinical::protocol::PROTOCOL;
use crate::i18n::Lang;

/// How the widget runs.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Mode {
    /// In an iframe with `?embed=1`: compact, reports its height to the parent.
    pub embed: bool,
    /// Mounted into a host page's element (shadow root).
    pub mounted: bool,
    /// Language set by `?lang=` or the host element's `data-lang`.
    pub lang: Option<Lang>,
    /// The phase to show first (`?phase=phase2` or `data-phase`).
    pub focus_phase: Option<&'static str>,
}

fn known_phase(id: &str) -> Option<&'static str> {
    PROTOCOL.phases.iter().map(|p| p.id).find(|p| *p == id)
}

impl Mode {
    /// The mode of the app's own page, from its query string.
    pub fn from_page() -> Mode {
        let params = window()
            .location()
            .search()
            .ok()
            .and_then(|s| web_sys::UrlSearchParams::new_with_str(&s).ok());
        let get = |name: &str| params.as_ref().and_then(|p| p.get(name));
        Mode {
            embed: get("embed").is_some_and(|v| v != "0"),
            mounted: false,
            lang: get("lang").and_then(|t| Lang::from_tag(&t)),
            focus_phase: get("phase").and_then(|p| known_phase(&p)),
        }
    }
}

/// The stylesheet URL that `loader.js` publishes (Trunk-hashed, relative to the loader).
fn stylesheet_url() -> Option<String> {
    let assets = js_sys::Reflect::get(&js_sys::global(), &"aclfScreenAssets".into()).ok()?;
    js_sys::Reflect::get(&assets, &"css".into())
        .ok()?
        .as_string()
}

/// Mounts into `<div data-aclf-screen data-lang="zh-CN" data-phase="phase2">` if the page has
/// one: an open shadow root holding a `<link>` to the hashed stylesheet (an inline `<style>`
/// would be blocked by a strict CSP) and the widget. Returns false when there is no host.
pub fn mount_into_host() -> bool {
    let doc = document();
    let Some(host) = doc.query_selector("[data-aclf-screen]").ok().flatten() else {
        return false;
    };
    let shadow = match host.shadow_root() {
        Some(s) => s,
        None => {
            match host.attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open)) {
                Ok(s) => s,
                Err(_) => return false,
            }
        }
    };
    if let (Some(href), Ok(link)) = (stylesheet_url(), doc.create_element("link")) {
        let _ = link.set_attribute("rel", "stylesheet");
        let _ = link.set_attribute("href", &href);
        let _ = shadow.append_child(&link);
    }
    let Ok(root) = doc.create_element("div") else {
        return false;
    };
    if shadow.append_child(&root).is_err() {
        return false;
    }
    let mode = Mode {
        embed: false,
        mounted: true,
        lang: host
            .get_attribute("data-lang")
            .and_then(|t| Lang::from_tag(&t)),
        focus_phase: host
            .get_attribute("data-phase")
            .and_then(|p| known_phase(&p)),
    };
    leptos::mount::mount_to(root.unchecked_into(), move || view! { <App mode=mode/> }).forget();
    true
}

/// Tells the parent frame the document's height whenever it changes. The message carries only
/// `{type: "aclf-screen:resize", height}`, never a clinical value.
pub fn report_height_to_parent() {
    let Some(root) = document().document_element() else {
        return;
    };
    let send = Closure::<dyn FnMut()>::new(move || {
        let Some(html) = document().document_element() else {
            return;
        };
        let height = html.get_bounding_client_rect().height().ceil();
        let message = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&message, &"type".into(), &"aclf-screen:resize".into());
        let _ = js_sys::Reflect::set(&message, &"height".into(), &height.into());
        if let Ok(Some(parent)) = window().parent() {
            // "*": the message holds a height only, so any embedding origin may read it.
            let _ = parent.post_message(&message, "*");
        }
    });
    if let Ok(observer) = web_sys::ResizeObserver::new(send.as_ref().unchecked_ref()) {
        observer.observe(&root);
        // Both live as long as the page.
        std::mem::forget(observer);
    }
    send.forget();
}
