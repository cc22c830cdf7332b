//! The read-only result panels (scores, each phase's verdict and criteria, the score trail, the
//! referral and print lists) as HTML text, which the Leptos shell sets with `inner_html`.
//!
//! Why text and not Leptos views: these panels are redrawn whole whenever the result changes,
//! and as Leptos views every distinct element shape is its own generic instantiation. Measured
//! with `make bench`: the results section as views cost about 25 KB of brotli'd wasm; as text
//! it is a few string pushes. It also lets the panels' markup be tested natively, here.
//!
//! Safety: every text and attribute value goes through [`escape`]; tags and attribute names
//! are `&'static str` from this file only. Nothing the user typed reaches these panels except
//! as a number the core parsed, and it is escaped like everything else.

use super::render::{
    criterion_title, evidence, field_message as message_text, input_list, meld3_trail,
    meld_na_trail, meld_trail, protocol_text, study_team_item, verdict_title,
};
use super::summary::{referral_lines, values_entered};
use crate::i18n::DECISIONS;
use crate::i18n::{num, Key, Lang};
use crate::clinical::form::{FieldMessage, ScreeningViewModel};
use crate::clinical::meld::ScoreOutcome;
use crate::clinical::outcome::{deciding_evidence, Outcome, State};
use crate::clinical::protocol::{Confirmer, Protocol};
use crate::clinical::screening::{CriterionResult, PhaseResult, Screening, Verdict};

/// Appends `text` with `& < > " '` escaped, so that it is text in both content and attributes.
pub fn escape(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
}

/// A small HTML writer: tags and attribute names are the caller's constants, every value is
/// escaped.
#[derive(Default)]
pub struct Markup(String);

impl Markup {
    /// `<tag a="v" ...>`.
    pub fn open(&mut self, tag: &'static str, attrs: &[(&'static str, &str)]) -> &mut Self {
        self.0.push('<');
        self.0.push_str(tag);
        for (name, value) in attrs {
            self.0.push(' ');
            self.0.push_str(name);
            self.0.push_str("=\"");
            escape(&mut self.0, value);
            self.0.push('"');
        }
        self.0.push('>');
        self
    }

    /// `</tag>`.
    pub fn close(&mut self, tag: &'static str) -> &mut Self {
        self.0.push_str("</");
        self.0.push_str(tag);
        self.0.push('>');
        self
    }

    /// Escaped text.
    pub fn text(&mut self, text: &str) -> &mut Self {
        escape(&mut self.0, text);
        self
    }

    /// `<tag class="class">text</tag>` (no class attribute when `class` is empty).
    pub fn leaf(&mut self, tag: &'static str, class: &str, text: &str) -> &mut Self {
        if class.is_empty() {
            self.open(tag, &[]);
        } else {
            self.open(tag, &[("class", class)]);
        }
        self.text(text).close(tag)
    }

    /// An icon for sighted users, hidden from screen readers (the text beside it says the same).
    fn icon(&mut self, icon: &str) -> &mut Self {
        self.open("span", &[("aria-hidden", "true")])
            .text(icon)
            .close("span")
    }

    /// One `<li>` per line.
    pub fn items<S: AsRef<str>>(&mut self, lines: &[S]) -> &mut Self {
        for line in lines {
            self.leaf("li", "", line.as_ref());
        }
        self
    }

    /// The HTML written so far.
    #[must_use]
    pub fn finish(self) -> String {
        self.0
    }
}

/// The message under a field: `<p id="aclf-msg-<testid>" data-testid="error-<testid>">` (or
/// `warning-`), which the field names in `aria-describedby`.
#[must_use]
pub fn field_message(lang: Lang, testid: &str, m: &FieldMessage) -> String {
    let (class, kind, icon) = match m {
        FieldMessage::Error(_) => ("msg msg-error", "error", "⛔ "),
        FieldMessage::Unusual { .. } => ("msg msg-warning", "warning", "⚠ "),
    };
    let id = format!("aclf-msg-{testid}");
    let tid = format!("{kind}-{testid}");
    let mut out = Markup::default();
    out.open("p", &[("class", class), ("id", &id), ("data-testid", &tid)])
        .icon(icon)
        .text(&message_text(lang, m))
        .close("p");
    out.finish()
}

/// A criterion state as the `data-state` value (test contract).
#[must_use]
pub fn state_attr(s: State) -> &'static str {
    match s {
        State::Met => "met",
        State::NotMet => "not-met",
        State::Unknown => "unknown",
        State::NotApplicable => "not-applicable",
    }
}

fn state_icon(s: State) -> &'static str {
    match s {
        State::Met => "✓",
        State::NotMet => "✗",
        State::Unknown => "?",
        State::NotApplicable => "–",
    }
}

/// A verdict as the `data-verdict` value (test contract).
#[must_use]
pub fn verdict_attr(v: &Verdict) -> &'static str {
    match v {
        Verdict::NotEligible(_) => "not-eligible",
        Verdict::Incomplete(_) => "incomplete",
        Verdict::Refer(_) => "refer",
    }
}

fn verdict_icon(v: &Verdict) -> &'static str {
    match v {
        Verdict::NotEligible(_) => "✗",
        Verdict::Incomplete(_) => "…",
        Verdict::Refer(_) => "→",
    }
}

/// One criterion (and, for I3, its parts) as a list item: state as icon and text (never colour
/// alone), id, title, who confirms it, the evidence that decided it, what is missing, notes.
fn criterion(m: &mut Markup, lang: Lang, protocol: &Protocol, phase_id: &str, c: &CriterionResult) {
    let state = c.outcome.state();
    let testid = format!("criterion-{phase_id}-{}", c.id);
    let class = format!("criterion state-{}", state_attr(state));
    m.open(
        "li",
        &[
            ("class", &class),
            ("data-testid", &testid),
            ("data-state", state_attr(state)),
        ],
    );
    m.open("div", &[("class", "criterion-head")])
        .open("span", &[("class", "state-badge")])
        .icon(state_icon(state))
        .text(" ")
        .text(lang.t(Key::State(state)))
        .close("span")
        .leaf("span", "criterion-id", c.id)
        .leaf(
            "span",
            "criterion-title",
            &criterion_title(lang, c, protocol),
        )
        .close("div");
    // Study-team criteria say so once: through their note when the core attached one.
    if c.confirmed_by == Confirmer::StudyTeam && c.notes.is_empty() {
        m.leaf("p", "by-team", lang.t(Key::ConfirmedByStudyTeam));
    }
    let found = c.outcome.evidence();
    if !found.is_empty() {
        m.open("ul", &[("class", "evidence")]);
        for e in found {
            m.leaf("li", "", &evidence(lang, e));
        }
        m.close("ul");
    }
    if !c.outcome.missing().is_empty() {
        let missing = lang.fill(Key::Missing, &[&input_list(lang, c.outcome.missing())]);
        m.leaf("p", "missing", &missing);
    }
    for n in c.notes.iter() {
        m.leaf("p", "note", lang.t(Key::Note(n)));
    }
    if !c.parts.is_empty() {
        m.open("ul", &[("class", "parts")]);
        for p in &c.parts {
            criterion(m, lang, protocol, phase_id, p);
        }
        m.close("ul");
    }
    m.close("li");
}

/// The `<li>` items of a phase's criteria list (inclusions, then declared exclusions).
#[must_use]
pub fn criteria(lang: Lang, protocol: &Protocol, r: &PhaseResult) -> String {
    let mut m = Markup::default();
    for c in r.criteria.iter().chain(&r.exclusions) {
        criterion(&mut m, lang, protocol, r.phase.id, c);
    }
    m.finish()
}

/// What the verdict rests on: the deciding evidence per Not-met criterion, the inputs to enter
/// next, or what the study team will confirm.
fn verdict_detail(lang: Lang, protocol: &Protocol, r: &PhaseResult) -> (&'static str, Vec<String>) {
    match &r.verdict {
        Verdict::NotEligible(ids) => {
            let lines = ids
                .iter()
                .filter_map(|id| r.criteria.iter().chain(&r.exclusions).find(|c| c.id == *id))
                .map(|c| {
                    let parts: Vec<&Outcome> = c.parts.iter().map(|p| &p.outcome).collect();
                    let ev: Vec<String> = deciding_evidence(&c.outcome, &parts)
                        .iter()
                        .map(|e| evidence(lang, e))
                        .collect();
                    format!("{}: {}", c.id, ev.join("; "))
                })
                .collect();
            (lang.t(Key::DecidedBy), lines)
        }
        Verdict::Incomplete(missing) => (
            lang.t(Key::EnterNext),
            missing
                .iter()
                .map(|m| lang.t(Key::Label(m)).to_string())
                .collect(),
        ),
        Verdict::Refer(items) => (
            lang.t(Key::StudyTeamWillConfirm),
            items
                .iter()
                .map(|i| study_team_item(lang, *i, protocol))
                .collect(),
        ),
    }
}

/// The inside of a phase's verdict block (the block itself, a live region, stays in place so
/// that screen readers announce the change).
#[must_use]
pub fn verdict(lang: Lang, protocol: &Protocol, r: &PhaseResult) -> String {
    let v = &r.verdict;
    let (head, lines) = verdict_detail(lang, protocol, r);
    let mut m = Markup::default();
    m.open("p", &[("class", "verdict-title")])
        .icon(verdict_icon(v))
        .text(" ")
        .text(verdict_title(lang, v))
        .close("p")
        .leaf("p", "verdict-detail-head", head)
        .open("ul", &[("class", "verdict-detail")])
        .items(&lines)
        .close("ul");
    if matches!(v, Verdict::Refer(_)) {
        m.leaf("p", "exclusion-note", lang.t(Key::ExclusionNote));
    }
    m.finish()
}

/// The integer as ASCII text, or nothing when not computable (test contract).
fn score_text<T>(s: &ScoreOutcome<T>, score: impl Fn(&T) -> u8) -> String {
    s.computed()
        .map(|t| score(t).to_string())
        .unwrap_or_default()
}

/// "Not computable yet. Needs: ..." for a score that is not computable.
fn needs<T>(lang: Lang, s: &ScoreOutcome<T>) -> Option<String> {
    match s {
        ScoreOutcome::NotComputable(missing) => {
            Some(lang.fill(Key::NeedsInputs, &[&input_list(lang, *missing)]))
        }
        ScoreOutcome::Computed(_) => None,
    }
}

/// A context-only score card: name, value, "context only", and what it still needs.
fn context_score(
    m: &mut Markup,
    lang: Lang,
    name: Key,
    testid: &str,
    value: &str,
    needs: Option<String>,
) {
    m.open("div", &[("class", "score score-context")])
        .leaf("span", "score-name", lang.t(name))
        .open("span", &[("class", "score-value"), ("data-testid", testid)])
        .text(value)
        .close("span")
        .leaf("span", "score-tag", lang.t(Key::ContextOnly));
    if let Some(n) = needs {
        m.leaf("p", "score-needs", &n);
    }
    m.close("div");
}

/// The score cards: MELD (the trial's gate) large with its rule, gate decision and borderline
/// flag; MELD-Na and MELD 3.0 beside it, marked "context only".
#[must_use]
pub fn scores(lang: Lang, protocol: &Protocol, s: &Screening) -> String {
    let below = protocol.thresholds.meld_below.to_string();
    let meld = s.meld.computed();
    let (gate_class, gate_line) = match meld {
        Some(m) => {
            let (class, key) = if m.gate.passes {
                ("gate gate-pass", Key::GatePass)
            } else {
                ("gate gate-fail", Key::GateFail)
            };
            let line = lang.fill(key, &[&m.score.to_string(), &m.gate.below.to_string()]);
            (class, line)
        }
        None => (
            "gate gate-unknown",
            needs(lang, &s.meld).unwrap_or_default(),
        ),
    };
    let mut m = Markup::default();
    m.open("div", &[("class", "score score-main")])
        .leaf("span", "score-name", lang.t(Key::Meld))
        .open("span", &[("class", "score-value"), ("data-testid", "meld")])
        .text(&score_text(&s.meld, |m| m.score))
        .close("span")
        .leaf("p", "score-rule", &lang.fill(Key::MeldRule, &[&below]))
        .leaf("p", gate_class, &gate_line);
    if let Some(x) = meld.filter(|x| x.gate.borderline) {
        let text = lang.fill(
            Key::Borderline,
            &[&num(x.unrounded, 2), &x.score.to_string()],
        );
        m.open(
            "p",
            &[("class", "borderline"), ("data-testid", "meld-borderline")],
        )
        .icon("⚠ ")
        .text(&text)
        .close("p");
    }
    m.close("div");
    let na = score_text(&s.meld_na, |m| m.score);
    context_score(
        &mut m,
        lang,
        Key::MeldNa,
        "meld-na",
        &na,
        needs(lang, &s.meld_na),
    );
    let m3 = score_text(&s.meld3, |m| m.score);
    context_score(
        &mut m,
        lang,
        Key::Meld3,
        "meld-3",
        &m3,
        needs(lang, &s.meld3),
    );
    m.finish()
}

/// The score trail: for each computed score, every value used and every rounding step.
#[must_use]
pub fn trail(lang: Lang, s: &Screening) -> String {
    let mut m = Markup::default();
    let mut section = |name: Key, rows: Vec<String>| {
        m.leaf("h4", "", lang.t(name))
            .open("ul", &[])
            .items(&rows)
            .close("ul");
    };
    if let Some(x) = s.meld.computed() {
        section(Key::Meld, meld_trail(lang, x));
    }
    if let Some(x) = s.meld_na.computed() {
        section(Key::MeldNa, meld_na_trail(lang, x));
    }
    if let Some(x) = s.meld3.computed() {
        section(Key::Meld3, meld3_trail(lang, x));
    }
    m.finish()
}

/// The page's own header (not when embedded or mounted): title, subtitle, privacy promise.
#[must_use]
pub fn page_header(lang: Lang) -> String {
    let mut m = Markup::default();
    m.leaf("h1", "", lang.t(Key::AppTitle))
        .leaf("p", "aclf-sub", lang.t(Key::AppSubtitle))
        .leaf("p", "aclf-privacy", lang.t(Key::Privacy));
    m.finish()
}

/// Shown only in print: title, disclaimer with the time of printing, blank lines for the
/// patient's name and hospital number (never typed into the widget), and the values entered
/// with their dates.
#[must_use]
pub fn print_header(lang: Lang, vm: &ScreeningViewModel, printed_at: &str) -> String {
    let blank = ": ______________________________";
    let values = values_entered(lang, vm);
    let values: Vec<&str> = values.iter().map(|l| l.trim()).collect();
    let mut m = Markup::default();
    m.leaf("h1", "", lang.t(Key::AppTitle))
        .open("p", &[("class", "print-disclaimer")])
        .leaf("strong", "", lang.t(Key::PrintDisclaimer))
        .text(" ")
        .text(&lang.fill(Key::PrintedAt, &[printed_at]))
        .close("p")
        .leaf(
            "p",
            "print-blank",
            &format!("{}{blank}", lang.t(Key::PrintName)),
        )
        .leaf(
            "p",
            "print-blank",
            &format!("{}{blank}", lang.t(Key::PrintHospitalNumber)),
        )
        .leaf("h2", "", lang.t(Key::LabValues))
        .open("ul", &[("class", "print-values")])
        .items(&values)
        .close("ul");
    m.finish()
}

/// Referral details (SPEC section 7) with the exclusion note; the "typical, not confirmed"
/// exclusion checklist; "how this was decided": every product decision, visible. They change
/// only with the language.
#[must_use]
pub fn referral(lang: Lang, protocol: &Protocol, app_version: &str) -> String {
    let typical: Vec<&str> = protocol
        .typical_exclusions
        .iter()
        .map(|t| protocol_text(lang, t))
        .collect();
    let decisions: Vec<&str> = DECISIONS
        .iter()
        .map(|d| lang.t(Key::Decision(*d)))
        .collect();
    let mut m = Markup::default();
    m.open(
        "section",
        &[
            ("class", "referral"),
            ("aria-labelledby", "aclf-referral-heading"),
        ],
    )
    .open("h3", &[("id", "aclf-referral-heading")])
    .text(lang.t(Key::Referral))
    .close("h3")
    .open("ul", &[("class", "referral-lines")])
    .items(&referral_lines(lang, protocol, app_version))
    .close("ul")
    .leaf("p", "exclusion-note", lang.t(Key::ExclusionNote))
    .close("section")
    .open("details", &[("class", "typical no-print")])
    .leaf("summary", "", lang.t(Key::TypicalExclusions))
    .leaf("p", "typical-label", lang.t(Key::TypicalNotConfirmed))
    .open("ul", &[])
    .items(&typical)
    .close("ul")
    .close("details")
    .open("details", &[("class", "decisions")])
    .leaf("summary", "", lang.t(Key::Decisions))
    .open("ul", &[])
    .items(&decisions)
    .close("ul")
    .close("details");
    m.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clinical::date::Date;
    use crate::clinical::form::fixtures::refer_patient;
    use crate::clinical::form::{evaluate, FormInput, ScreeningViewModel};
    use crate::clinical::protocol::PROTOCOL;

    fn vm(form: &FormInput) -> ScreeningViewModel {
        evaluate(form, Date::from_ymd(2026, 11, 25).unwrap(), &PROTOCOL)
    }

    /// Every opened tag is closed in order (the panels are inserted as HTML: a stray tag would
    /// swallow what follows).
    fn assert_balanced(html: &str) {
        let mut stack: Vec<&str> = Vec::new();
        let mut rest = html;
        while let Some(start) = rest.find('<') {
            let end = rest[start..].find('>').expect("unterminated tag") + start;
            let tag = &rest[start + 1..end];
            if let Some(name) = tag.strip_prefix('/') {
                assert_eq!(stack.pop(), Some(name), "in {html}");
            } else {
                stack.push(tag.split(' ').next().unwrap());
            }
            rest = &rest[end + 1..];
        }
        assert!(stack.is_empty(), "unclosed {stack:?} in {html}");
    }

    #[test]
    fn escape_makes_markup_characters_text() {
        let mut out = String::new();
        escape(&mut out, r#"<b a="1">Tom & 'Jerry'</b>"#);
        assert_eq!(
            out,
            "&lt;b a=&quot;1&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/b&gt;"
        );
    }

    #[test]
    fn attribute_values_and_text_are_escaped() {
        let mut m = Markup::default();
        m.open("p", &[("title", "a\"><script>")])
            .text("1 < 2")
            .close("p");
        assert_eq!(
            m.finish(),
            "<p title=\"a&quot;&gt;&lt;script&gt;\">1 &lt; 2</p>"
        );
    }

    #[test]
    fn field_messages_are_named_by_kind_and_field() {
        let v = vm(&FormInput {
            tbil: "abc".into(),
            inr: "9.5".into(),
            ..refer_patient()
        });
        let error = v.message(crate::clinical::patient::InputId::Tbil).unwrap();
        let html = field_message(Lang::En, "tbil", error);
        assert_balanced(&html);
        assert!(
            html.starts_with(r#"<p class="msg msg-error" id="aclf-msg-tbil" data-testid="error-tbil"><span aria-hidden="true">⛔ </span>"#),
            "{html}"
        );
        let warning = v.message(crate::clinical::patient::InputId::Inr).unwrap();
        let html = field_message(Lang::ZhCn, "inr", warning);
        assert_balanced(&html);
        assert!(html.contains(r#"data-testid="warning-inr""#), "{html}");
    }

    #[test]
    fn print_header_has_blank_lines_and_the_values_entered() {
        let html = print_header(Lang::En, &vm(&refer_patient()), "2026-11-25 10:00");
        assert_balanced(&html);
        assert!(html.contains("2026-11-25 10:00"), "{html}");
        assert_eq!(html.matches("______________________________").count(), 2);
        assert!(
            html.contains("<li>Total bilirubin (TBIL): 342 µmol/L (2026-11-25)</li>"),
            "{html}"
        );
    }

    #[test]
    fn referral_holds_details_exclusions_and_every_decision_in_both_languages() {
        for lang in [Lang::En, Lang::ZhCn] {
            let html = referral(lang, &PROTOCOL, "0.1.0");
            assert_balanced(&html);
            assert!(html.contains(r#"<h3 id="aclf-referral-heading">"#));
            assert_eq!(html.matches("<details").count(), 2);
            for d in DECISIONS {
                let mut text = String::new();
                escape(&mut text, lang.t(Key::Decision(d)));
                assert!(html.contains(&text), "{lang:?} {d:?}");
            }
            assert!(html.contains("NCT06740149"), "{html}");
        }
        assert_balanced(&page_header(Lang::ZhCn));
    }

    #[test]
    fn refer_patient_scores_show_meld_26_and_the_gate_passed() {
        let v = vm(&refer_patient());
        let html = scores(Lang::En, &PROTOCOL, &v.screening);
        assert_balanced(&html);
        assert!(
            html.contains(r#"<span class="score-value" data-testid="meld">26</span>"#),
            "{html}"
        );
        assert!(
            html.contains(r#"<p class="gate gate-pass">Gate passed: 26 &lt; 30.</p>"#),
            "{html}"
        );
        assert!(!html.contains("meld-borderline"));
        assert!(
            html.contains(r#"data-testid="meld-na""#) && html.contains(r#"data-testid="meld-3""#)
        );
    }

    #[test]
    fn an_empty_form_leaves_scores_blank_and_names_what_is_needed() {
        let v = vm(&FormInput::default());
        let html = scores(Lang::En, &PROTOCOL, &v.screening);
        assert_balanced(&html);
        assert!(html.contains(r#"data-testid="meld"></span>"#), "{html}");
        assert!(
            html.contains(r#"<p class="gate gate-unknown">Not computable yet. Needs: "#),
            "{html}"
        );
        assert_eq!(html.matches(r#"class="score-needs""#).count(), 2, "{html}");
    }

    #[test]
    fn borderline_meld_is_flagged_with_its_unrounded_value() {
        // INR 2.9 moves the refer patient to MELD 29 (unrounded 29.3x): borderline below 30.
        let v = vm(&FormInput {
            inr: "2.9".into(),
            ..refer_patient()
        });
        let m = v.screening.meld.computed().unwrap();
        assert!(
            m.gate.borderline,
            "fixture must be borderline: {}",
            m.unrounded
        );
        let html = scores(Lang::En, &PROTOCOL, &v.screening);
        assert_balanced(&html);
        assert!(html.contains(r#"data-testid="meld-borderline""#), "{html}");
        assert!(html.contains(&num(m.unrounded, 2)), "{html}");
    }

    #[test]
    fn criteria_carry_state_and_testids_and_i3_nests_its_parts() {
        let v = vm(&refer_patient());
        for r in &v.screening.phases {
            let html = criteria(Lang::En, &PROTOCOL, r);
            assert_balanced(&html);
            for id in ["I1", "I2", "I3", "I3-1", "I3-2", "I3-3", "I4", "I5", "I6"] {
                let testid = format!(r#"data-testid="criterion-{}-{id}""#, r.phase.id);
                assert!(html.contains(&testid), "{testid} missing in {html}");
            }
            let parts = html.find(r#"<ul class="parts">"#).unwrap();
            assert!(html.find("criterion-phase").unwrap() < parts);
            assert!(html[parts..].starts_with(&format!(
                r#"<ul class="parts"><li class="criterion state-met" data-testid="criterion-{}-I3-1" data-state="met">"#,
                r.phase.id
            )));
        }
    }

    #[test]
    fn a_not_met_criterion_shows_its_evidence_and_the_verdict_names_it() {
        let v = vm(&FormInput {
            age: "17".into(),
            ..refer_patient()
        });
        let r = &v.screening.phases[0];
        assert_eq!(verdict_attr(&r.verdict), "not-eligible");
        let list = criteria(Lang::En, &PROTOCOL, r);
        assert!(list.contains(r#"data-state="not-met""#), "{list}");
        assert!(list.contains("Age 17 years (minimum 18)"), "{list}");
        let html = verdict(Lang::En, &PROTOCOL, r);
        assert_balanced(&html);
        assert!(
            html.contains("<li>I2: Age 17 years (minimum 18)</li>"),
            "{html}"
        );
        assert!(!html.contains("exclusion-note"));
    }

    #[test]
    fn incomplete_verdict_lists_the_inputs_to_enter_next() {
        let v = vm(&FormInput {
            inr: String::new(),
            ..refer_patient()
        });
        let r = &v.screening.phases[0];
        assert_eq!(verdict_attr(&r.verdict), "incomplete");
        let html = verdict(Lang::En, &PROTOCOL, r);
        assert_balanced(&html);
        assert!(html.contains("<li>INR</li>"), "{html}");
    }

    #[test]
    fn refer_verdict_carries_the_exclusion_note_in_both_languages() {
        let v = vm(&refer_patient());
        let r = &v.screening.phases[0];
        assert_eq!(verdict_attr(&r.verdict), "refer");
        for lang in [Lang::En, Lang::ZhCn] {
            let html = verdict(lang, &PROTOCOL, r);
            assert_balanced(&html);
            assert!(
                html.contains(r#"<span aria-hidden="true">→</span> "#),
                "{html}"
            );
            assert!(html.contains(verdict_title(lang, &r.verdict)));
            assert!(html.contains(r#"<p class="exclusion-note">"#), "{html}");
        }
    }

    #[test]
    fn trail_lists_each_computed_score_with_its_steps() {
        let v = vm(&refer_patient());
        let html = trail(Lang::En, &v.screening);
        assert_balanced(&html);
        assert_eq!(html.matches("<h4>").count(), 3, "{html}");
        assert!(html.starts_with("<h4>MELD</h4><ul><li>"), "{html}");
        assert_eq!(trail(Lang::En, &vm(&FormInput::default()).screening), "");
    }
}
