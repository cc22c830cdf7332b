//! aclf-screen: pre-screening aid for the CG-BM1 trial in acute-on-chronic liver failure
//! (NCT06740149). `clinical` is the pure core (no browser APIs); `i18n` the language tables, one
//! file per language; `report` the words of results; `form_fields` the form as a table;
//! `intake` the lab reader; `sorting` the one stable sort; `ui` the Leptos shell (views of all
//! of these), compiled only for the browser.
#![forbid(unsafe_code)]

pub mod clinical;
pub mod form_fields;
pub mod i18n;
pub mod intake;
pub mod report;
pub mod sorting;
#[cfg(target_arch = "wasm32")]
pub mod ui;
