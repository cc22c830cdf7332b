//! Icons as inline SVG (issue 9: hospital PCs often lack an emoji or symbol font). One
//! component for every icon; each is decorative - the word beside it says the same - so it is
//! hidden from screen readers.

use leptos::prelude::*;

use crate::report::panels::Glyph;

/// The path of each icon on a 16 x 16 grid, drawn as a 2-unit stroke (style/main.css `.icon`).
fn path(g: Glyph) -> &'static str {
    match g {
        Glyph::Check => "M3 8.5l3.2 3.2L13 4.8",
        Glyph::Cross => "M4 4l8 8M12 4l-8 8",
        Glyph::Question => "M5.6 6.2a2.5 2.5 0 1 1 3.6 2.2c-.8.4-1.2.9-1.2 1.8v.5M8 13.4v.1",
        Glyph::Dash => "M4 8h8",
        Glyph::Arrow => "M2.5 8h10M9 4.5L12.5 8 9 11.5",
        Glyph::Ellipsis => "M3.5 8h.1M8 8h.1M12.5 8h.1",
        Glyph::Warning => "M8 2.2L14.2 13.3H1.8zM8 6.5v3M8 11.6v.1",
        Glyph::Stop => "M8 1.8a6.2 6.2 0 1 0 .01 0zM5.5 5.5l5 5M10.5 5.5l-5 5",
    }
}

/// One icon.
#[component]
pub fn Icon(of: Glyph) -> impl IntoView {
    view! {
        <svg class="icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
            <path d=path(of)></path>
        </svg>
    }
}
