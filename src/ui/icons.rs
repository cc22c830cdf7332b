//! Icons as inline SVG (issue 9: hospital PCs often lack an emoji or symbol font), for the
//! views that stay Leptos elements (the compact summary); the result panels' templates draw the
//! same icon (`report::markup::icon`) from the same path table (`Glyph::path`). Each icon is
//! decorative - the word beside it says the same - so it is hidden from screen readers.

use leptos::prelude::*;

use crate::report::panels::Glyph;

/// One icon.
#[component]
pub fn Icon(of: Glyph) -> impl IntoView {
    view! {
        <svg class="icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
            <path d=of.path()></path>
        </svg>
    }
}
