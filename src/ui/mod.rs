//! The Leptos 0.8 (CSR) shell: it holds what the user typed, calls the core on every change and
//! renders the view model. It decides no clinical question itself.
//!
//! Three ways to run (README, "For hospital web teams"): the app's own page; the same page in an
//! iframe with `?embed=1` (compact, reports its height to the parent); and mounted into a host
//! page's `<div data-aclf-screen>`, inside a shadow root so that host and widget styles do not
//! leak into each other.

mod actions;
pub mod browser;
mod compact;
mod embed;
mod form_view;
mod icons;
pub mod intake;
mod referral;
mod scores;
mod series;
mod verdicts;

use leptos::mount::mount_to;
use leptos::prelude::*;

use crate::clinical::date::Date;
use crate::clinical::form::{evaluate, FormInput, ScreeningViewModel};
use crate::clinical::patient::Willingness;
use crate::clinical::protocol::PROTOCOL;
use crate::i18n::{Key, Lang};

pub use embed::Mode;

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
    /// How the widget runs (page, iframe, mounted).
    pub mode: Mode,
}

impl Ctx {
    /// A text in the current language (reactive when called inside a closure).
    pub fn t(&self, key: Key) -> &'static str {
        self.lang.get().t(key)
    }

    /// A fixed text that follows the language. Every such text goes through this one function
    /// so that they share one closure type: each distinct closure is its own instantiation of
    /// Leptos' reactive text (size measured with `make bench`, README "Tests and measurements").
    pub fn tr(self, key: Key) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
        move || self.lang.get().t(key)
    }
}

/// The page's own header (not when embedded or mounted): title, subtitle, privacy promise.
#[component]
fn PageHeader() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    view! {
        <div>
            <h1>{ctx.tr(Key::AppTitle)}</h1>
            <p class="aclf-sub">{ctx.tr(Key::AppSubtitle)}</p>
            <p class="aclf-privacy">{ctx.tr(Key::Privacy)}</p>
        </div>
    }
}

/// The form's starting state: SI units, willingness "not yet asked" (SPEC section 6);
/// everything else unanswered - the TBIL date too (SPEC 2, revised: an assumed date would turn
/// a 30/day rise into a 15/day one; a "today" button fills it).
pub fn initial_form() -> FormInput {
    FormInput {
        consent: Some(Willingness::NotAsked),
        contraception: Some(Willingness::NotAsked),
        ..FormInput::default()
    }
}

/// Mounts the widget: into the host page's `[data-aclf-screen]` element if there is one,
/// otherwise on `<body>`. Removes the "loading / unsupported browser" message.
pub fn mount() {
    browser::remove_boot_message();
    if !embed::mount_into_host() {
        let mode = Mode::from_page();
        leptos::mount::mount_to_body(move || view! { <App mode=mode/> });
    }
}

/// The whole widget.
#[component]
pub fn App(#[prop(optional)] mode: Mode) -> impl IntoView {
    let today = browser::today();
    let lang = RwSignal::new(browser::initial_lang(mode.lang));
    let form = RwSignal::new(initial_form());
    let vm = Memo::new(move |_| form.with(|f| evaluate(f, today, &PROTOCOL)));
    let ctx = Ctx {
        form,
        lang,
        vm,
        today,
        mode,
    };
    provide_context(ctx);
    // The "from import" marks: read by the form, printed, and kept by Reset for Undo.
    let imported = intake::Imported::new();
    provide_context(imported);

    // On its own page the widget owns <html lang> and the title; mounted, it leaves the host's.
    if !mode.mounted {
        Effect::new(move |_| browser::apply_lang(lang.get()));
    }
    if mode.embed {
        embed::report_height_to_parent();
    }
    let update_available = RwSignal::new(false);
    let _listener = window_event_listener_untyped("aclf-screen:update-available", move |_| {
        update_available.set(true)
    });

    // The form and the compact summary first, the full results one task later, mounted into
    // their section: the form is painted and can be typed into sooner, and the code that
    // renders the full results (compiled by the browser on first use) runs after that.
    // Measured with `make bench` (README, "Tests and measurements"). The compact summary
    // (MELD and both verdicts) is in the first task: below 900 px it sits above the form, and
    // mounted later it pushed the painted form down on every load (a layout shift of 0.086 at
    // 360 px; 0 with it in the first task, the form present 3 ms later, within noise).
    let results = NodeRef::<leptos::html::Section>::new();
    let print = NodeRef::<leptos::html::Div>::new();
    set_timeout(
        move || {
            let (Some(results), Some(print)) = (results.get_untracked(), print.get_untracked())
            else {
                return;
            };
            mount_to(print.into(), move || {
                provide_context(ctx);
                provide_context(imported);
                view! { <actions::PrintHeader/> }
            })
            .forget();
            mount_to(results, move || {
                provide_context(ctx);
                provide_context(imported);
                view! {
                    <scores::Scores/>
                    <verdicts::Phases/>
                    <actions::Actions/>
                    <referral::Referral/>
                    <series::Trend/>
                }
            })
            .forget();
        },
        std::time::Duration::ZERO,
    );

    let header = (!mode.embed && !mode.mounted).then(|| view! { <PageHeader/> });
    view! {
        <div class="aclf" class:aclf-compact=mode.embed || mode.mounted class:aclf-embed=mode.embed lang=move || lang.get().tag()>
            {move || {
                update_available
                    .get()
                    .then(|| {
                        view! {
                            <div class="update-banner no-print" role="status">
                                {ctx.tr(Key::UpdateAvailable)}
                                " "
                                <button type="button" on:click=|_| browser::reload()>{ctx.tr(Key::Reload)}</button>
                            </div>
                        }
                    })
            }}
            <header class="aclf-header no-print">{header} <browser::LanguageSelect/></header>
            <div node_ref=print></div>
            <main class="aclf-main">
                <div class="aclf-form-col">
                    <intake::ImportPanel/>
                    <form_view::Form/>
                </div>
                <div class="aclf-results-col">
                    <compact::CompactSummary/>
                    <section class="aclf-results" aria-labelledby="results-heading" node_ref=results>
                        <h2 id="results-heading" class="no-print" tabindex="-1">{ctx.tr(Key::Results)}</h2>
                    </section>
                </div>
            </main>
        </div>
    }
}
