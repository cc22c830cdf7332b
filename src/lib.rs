//! aclf-screen: pre-screening aid for the CG-BM1 trial in acute-on-chronic liver failure
//! (NCT06740149). `clinical` is the pure core (no browser APIs); `i18n` holds every text shown
//! to users, one file per language; `ui` is the Leptos shell, compiled only for the browser.
#![forbid(unsafe_code)]

pub mod clinical;
pub mod form_fields;
pub mod i18n;
pub mod report;
#[cfg(target_arch = "wasm32")]
pub mod ui;
