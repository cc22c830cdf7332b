//! Baseline page: one labelled input and one derived output, nothing else.
use leptos::prelude::*;

fn main() {
    leptos::mount::mount_to_body(|| {
        let (text, set_text) = signal(String::new());
        let doubled = move || text.get().trim().parse::<f64>().map(|v| (v * 2.0).to_string()).unwrap_or_default();
        view! {
            <label for="value">"Value"</label>
            <input id="value" type="text" data-testid="value" on:input=move |ev| set_text.set(event_target_value(&ev))/>
            <output data-testid="output">{doubled}</output>
        }
    });
}
