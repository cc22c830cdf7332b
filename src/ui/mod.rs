//! The Leptos 0.8 (CSR) shell: it holds what the user typed, calls the core on every change and
//! renders the view model. It decides no clinical question itself.

mod actions;
mod browser;
mod fields;
mod form_view;
mod referral;
mod scores;
mod verdicts;

use leptos::prelude::*;

use crate::clinical::date::Date;
use crate::clinical::form::{evaluate, FormInput, ScreeningViewModel};
use crate::clinical::patient::Willingness;
use crate::clinical::protocol::PROTOCOL;
use crate::i18n::{Key, Lang};

/// The app version shown in the referral details.
pub const APP_VERSION: &str = env!("CARGO_PKG_VERSION");

/// What every part of the screen reads: the entries, the language and the core's view model.
#[derive(Clone, Copy)]
pub struct Ctx {
    /// Everything typed or selected, exactly as entered.
    pub form: RwSignal<FormInput>,
    /// Display language.
    pub lang: RwSignal<Lang>,
    /// The core's result for the current entries.
    pub vm: Memo<ScreeningViewModel>,
    /// Today's date (local), passed into the core.
    pub today: Date,
}

impl Ctx {
    /// A text in the current language (reactive when called inside a closure).
    pub fn t(&self, key: Key) -> &'static str {
        self.lang.get().t(key)
    }
}

/// The form's starting state: SI units, the latest bilirubin dated today, willingness
/// "not yet asked" (SPEC section 6); everything else unanswered.
pub fn initial_form(today: Date) -> FormInput {
    FormInput {
        tbil_date: today.iso(),
        consent: Some(Willingness::NotAsked),
        contraception: Some(Willingness::NotAsked),
        ..FormInput::default()
    }
}

/// Mounts the widget on the page's `<body>`.
pub fn mount() {
    leptos::mount::mount_to_body(App);
}

/// The whole widget.
#[component]
pub fn App() -> impl IntoView {
    let today = browser::today();
    let lang = RwSignal::new(browser::initial_lang());
    let form = RwSignal::new(initial_form(today));
    let vm = Memo::new(move |_| form.with(|f| evaluate(f, today, &PROTOCOL)));
    let ctx = Ctx { form, lang, vm, today };
    provide_context(ctx);

    // <html lang> follows the language; the choice (and only the choice) is remembered.
    Effect::new(move |_| browser::apply_lang(lang.get()));

    view! {
        <div class="aclf" lang=move || lang.get().tag()>
            <header class="aclf-header no-print">
                <div>
                    <h1>{move || ctx.t(Key::AppTitle)}</h1>
                    <p class="aclf-sub">{move || ctx.t(Key::AppSubtitle)}</p>
                    <p class="aclf-privacy">{move || ctx.t(Key::Privacy)}</p>
                </div>
                <browser::LanguageSelect/>
            </header>
            <actions::PrintHeader/>
            <main class="aclf-main">
                <form_view::Form/>
                <section class="aclf-results" aria-labelledby="results-heading">
                    <h2 id="results-heading" class="no-print">{move || ctx.t(Key::Results)}</h2>
                    <scores::Scores/>
                    <verdicts::Phases/>
                    <actions::Actions/>
                    <referral::Referral/>
                </section>
            </main>
        </div>
    }
}
