//! What the read-only result panels say (scores, each phase's verdict and criteria, the score
//! trail, the referral and print lists), as words and `data-*` values; `report::markup` lays
//! them out as templates. Pure, so that it is tested natively; no markup here.
//!
//! Templates, not views - measured (issue 10: "the panels go the cheaper way that escapes by
//! construction"). Session 3's figures, wasm-bindgen + wasm-opt -Oz, brotli q11: the form as
//! views cost +11.6 KB over HTML strings, the panels as views +13.6 KB. With every capability
//! in (lab intake, serial labs, severity), the same panels as Leptos views against `maud`
//! templates, one release build each: 802,384 -> 664,899 B of raw code (wasm-bindgen's describe
//! functions left out), wasm 261,980 -> 229,943 B brotli (-32.0 KB); the severity list alone
//! was 8,060 B of raw code as views. The form, the import table and the earlier-results table,
//! which the user types into, stay views.

use super::render::{
    aarc_trail, aclf_grade, borderline, clif_c_aclf_trail, clif_c_ad_trail, clif_of_trail,
    criterion_title, evidence, exclusion_flag, gate_limit, input_list, meld3_trail, meld_na_trail,
    meld_trail, protocol_text, study_team_item, verdict_title,
};
use super::summary::{referral_lines, values_entered};
use crate::clinical::form::ScreeningViewModel;
use crate::clinical::gate_limits::{GateLimits, LimitValue};
use crate::clinical::meld::ScoreOutcome;
use crate::clinical::outcome::{deciding_evidence, Outcome, State};
use crate::clinical::patient::InputId;
use crate::clinical::protocol::{Confirmer, Protocol};
use crate::clinical::screening::{CriterionResult, ExclusionFlag, PhaseResult, Screening, Verdict};
use crate::clinical::severity::{GradedOutcome, Severity};
use crate::form_fields::Slot;
use crate::i18n::DECISIONS;
use crate::i18n::{Key, Lang};

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

/// An icon, for sighted users (the word beside it always says the same). Drawn by the shell as
/// inline SVG, so that it renders on hospital PCs without an emoji or symbol font.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Glyph {
    /// Met.
    Check,
    /// Not met / not eligible.
    Cross,
    /// Unknown.
    Question,
    /// Not applicable.
    Dash,
    /// Refer.
    Arrow,
    /// Incomplete.
    Ellipsis,
    /// Please check / borderline / a flag.
    Warning,
    /// A rejected value.
    Stop,
}

impl Glyph {
    /// The icon's path on a 16 x 16 grid, drawn as a 2-unit stroke (style/main.css `.icon`):
    /// one table for the views (`ui::icons`) and the templates (`report::markup`).
    #[must_use]
    pub fn path(self) -> &'static str {
        match self {
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
}

/// The icon of a state.
#[must_use]
pub fn state_icon(s: State) -> Glyph {
    match s {
        State::Met => Glyph::Check,
        State::NotMet => Glyph::Cross,
        State::Unknown => Glyph::Question,
        State::NotApplicable => Glyph::Dash,
    }
}

/// A verdict as the `data-verdict` value (test contract).
#[must_use]
pub fn verdict_attr(v: &Verdict) -> &'static str {
    match v {
        Verdict::NotEligible(_) => "not-eligible",
        Verdict::Incomplete { .. } => "incomplete",
        Verdict::Refer(_) => "refer",
    }
}

/// The icon of a verdict, for sighted users (the title beside it says the same).
#[must_use]
pub fn verdict_icon(v: &Verdict) -> Glyph {
    match v {
        Verdict::NotEligible(_) => Glyph::Cross,
        Verdict::Incomplete { .. } => Glyph::Ellipsis,
        Verdict::Refer(_) => Glyph::Arrow,
    }
}

/// What one criterion row says (and, for I3, its parts): state, id, title, whether only the
/// study team confirms it, the evidence that decided it, what is missing, the notes.
#[derive(Clone, Debug, PartialEq)]
pub struct CriterionText {
    /// `criterion-<phase>-<id>` (test contract).
    pub testid: String,
    /// Met / Not met / Unknown / Not applicable.
    pub state: State,
    /// "I1" ...
    pub id: &'static str,
    /// The criterion's title with its thresholds.
    pub title: String,
    /// "Confirmed by the study team", said once: only when no note says it.
    pub by_team: bool,
    /// Only the study team confirms it (`data-confirmed-by="study-team"`): while Unknown it
    /// reads "to be confirmed by the study team" in a neutral style, never as a warning.
    pub study_team: bool,
    /// The evidence found.
    pub evidence: Vec<String>,
    /// "Missing: ...".
    pub missing: Option<String>,
    /// The notes that apply: the contract's `data-note` name and the words.
    pub notes: Vec<(&'static str, &'static str)>,
    /// I3's parts.
    pub parts: Vec<CriterionText>,
}

/// What a criterion row says.
#[must_use]
pub fn criterion(
    lang: Lang,
    protocol: &Protocol,
    phase_id: &str,
    c: &CriterionResult,
) -> CriterionText {
    let missing = (!c.outcome.missing().is_empty())
        .then(|| lang.fill(Key::Missing, &[&input_list(lang, c.outcome.missing())]));
    CriterionText {
        testid: format!("criterion-{phase_id}-{}", c.id),
        state: c.outcome.state(),
        id: c.id,
        title: criterion_title(lang, c, protocol),
        by_team: c.confirmed_by == Confirmer::StudyTeam && c.notes.is_empty(),
        study_team: c.confirmed_by == Confirmer::StudyTeam,
        evidence: c
            .outcome
            .evidence()
            .iter()
            .map(|e| evidence(lang, e))
            .collect(),
        missing,
        notes: c
            .notes
            .iter()
            .map(|n| (n.contract_name(), lang.t(Key::Note(n))))
            .collect(),
        parts: c
            .parts
            .iter()
            .map(|p| criterion(lang, protocol, phase_id, p))
            .collect(),
    }
}

/// A phase's criteria rows (inclusions, then declared exclusions).
#[must_use]
pub fn criteria(lang: Lang, protocol: &Protocol, r: &PhaseResult) -> Vec<CriterionText> {
    r.criteria
        .iter()
        .chain(&r.exclusions)
        .map(|c| criterion(lang, protocol, r.phase.id, c))
        .collect()
}

/// What the verdict rests on: the deciding evidence per Not-met criterion, the inputs to enter
/// next, or what the study team will confirm.
#[must_use]
pub fn verdict_detail(
    lang: Lang,
    protocol: &Protocol,
    r: &PhaseResult,
) -> (&'static str, Vec<String>) {
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
        Verdict::Incomplete { .. } => (lang.t(Key::EnterNext), Vec::new()),
        Verdict::Refer(items) => (
            lang.t(Key::StudyTeamWillConfirm),
            items
                .iter()
                .map(|i| study_team_item(lang, *i, protocol))
                .collect(),
        ),
    }
}

/// A verdict in one word, for the compact summary.
#[must_use]
pub fn verdict_word(lang: Lang, v: &Verdict) -> &'static str {
    lang.t(match v {
        Verdict::NotEligible(_) => Key::VerdictShortNotEligible,
        Verdict::Incomplete { .. } => Key::VerdictShortIncomplete,
        Verdict::Refer(_) => Key::VerdictShortRefer,
    })
}

/// What a phase's verdict block says (the block itself, a live region, stays in place).
#[derive(Clone, Debug, PartialEq)]
pub struct VerdictText {
    /// Icon for sighted users.
    pub icon: Glyph,
    /// "Refer to the study team" ...
    pub title: &'static str,
    /// The heading of the detail lines.
    pub head: &'static str,
    /// The detail lines.
    pub lines: Vec<String>,
    /// The exclusion note, on a referral.
    pub exclusion_note: Option<&'static str>,
    /// Incomplete: the inputs to enter next (the field's test id and label), form order.
    pub enter_next: Vec<(&'static str, &'static str)>,
    /// Incomplete: the questions answered "unknown" to find out (test id, "... (answered
    /// unknown)"), with their heading.
    pub find_out: Vec<(&'static str, String)>,
    /// "Find out:".
    pub find_out_head: &'static str,
    /// Refer: the typical exclusions the values raise ("check with the study team"): the
    /// contract's `data-rule` and the words, with their heading.
    pub flags: Vec<(&'static str, String)>,
    /// "Check with the study team ...".
    pub flags_head: &'static str,
}

/// The typical exclusions raised by the values: `data-rule` and words (verdict, print).
#[must_use]
pub fn flags(lang: Lang, flags: &[ExclusionFlag]) -> Vec<(&'static str, String)> {
    flags
        .iter()
        .map(|f| (f.contract_name(), exclusion_flag(lang, f)))
        .collect()
}

/// The "typical, not confirmed" checklist for print: each item and whether the values raise it.
#[must_use]
pub fn checklist(lang: Lang, protocol: &Protocol, s: &Screening) -> Vec<(String, bool)> {
    protocol
        .typical_exclusions
        .iter()
        .map(|t| {
            let flagged = s.flags.iter().find(|f| f.item.id == t.id);
            let text = flagged.map_or_else(
                || protocol_text(lang, &t.text).to_string(),
                |f| exclusion_flag(lang, f),
            );
            (text, flagged.is_some())
        })
        .collect()
}

fn input_testid(id: InputId) -> &'static str {
    Slot::Input(id).testid()
}

/// What a phase's verdict block says.
#[must_use]
pub fn verdict(
    lang: Lang,
    protocol: &Protocol,
    r: &PhaseResult,
    raised: &[ExclusionFlag],
) -> VerdictText {
    let v = &r.verdict;
    let (head, lines) = verdict_detail(lang, protocol, r);
    let (enter_next, find_out) = match v {
        Verdict::Incomplete {
            enter_next,
            find_out,
        } => (
            enter_next
                .iter()
                .map(|id| (input_testid(id), lang.t(Key::Label(id))))
                .collect(),
            find_out
                .iter()
                .map(|id| {
                    (
                        input_testid(id),
                        lang.fill(Key::AnsweredUnknown, &[lang.t(Key::Label(id))]),
                    )
                })
                .collect(),
        ),
        _ => (Vec::new(), Vec::new()),
    };
    VerdictText {
        enter_next,
        find_out,
        find_out_head: lang.t(Key::FindOut),
        flags: if matches!(v, Verdict::Refer(_)) {
            flags(lang, raised)
        } else {
            Vec::new()
        },
        flags_head: lang.t(Key::CheckWithStudyTeam),
        icon: verdict_icon(v),
        title: verdict_title(lang, v),
        head,
        lines,
        exclusion_note: matches!(v, Verdict::Refer(_)).then(|| lang.t(Key::ExclusionNote)),
    }
}

/// The integer as ASCII text, or nothing when not computable (test contract).
pub fn score_text<T>(s: &ScoreOutcome<T>, score: impl Fn(&T) -> u8) -> String {
    s.computed()
        .map(|t| score(t).to_string())
        .unwrap_or_default()
}

/// "Not computable yet. Needs: ..." for a score that is not computable.
pub fn needs<T>(lang: Lang, s: &ScoreOutcome<T>) -> Option<String> {
    match s {
        ScoreOutcome::NotComputable(missing) => {
            Some(lang.fill(Key::NeedsInputs, &[&input_list(lang, *missing)]))
        }
        ScoreOutcome::Computed(_) => None,
    }
}

/// What a score card says: name, value (test contract: integer or empty), and for MELD its
/// rule, gate decision (with its class) and borderline flag; for the others what they need.
#[derive(Clone, Debug, PartialEq)]
pub struct ScoreText {
    /// `meld`, `meld-na`, `meld-3` (test contract).
    pub testid: &'static str,
    /// Score name.
    pub name: &'static str,
    /// Integer or empty.
    pub value: String,
    /// MELD: the rule of the gate.
    pub rule: Option<String>,
    /// MELD: `gate gate-pass` / `gate gate-fail` / `gate gate-unknown` and its line.
    pub gate: Option<(&'static str, String)>,
    /// MELD: the borderline flag with the unrounded value.
    pub borderline: Option<String>,
    /// Context scores: "context only".
    pub context: Option<&'static str>,
    /// Context scores: what is still needed.
    pub needs: Option<String>,
}

/// The score cards: MELD (the trial's gate) with its rule, gate decision and borderline flag;
/// MELD-Na and MELD 3.0, marked "context only".
#[must_use]
pub fn scores(lang: Lang, protocol: &Protocol, s: &Screening) -> [ScoreText; 3] {
    let below = protocol.thresholds.meld_below.to_string();
    let meld = s.meld.computed();
    let gate = match meld {
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
    let borderline = meld
        .filter(|x| x.gate.borderline)
        .map(|x| borderline(lang, x));
    let context = |testid, name, value, needs| ScoreText {
        testid,
        name: lang.t(name),
        value,
        rule: None,
        gate: None,
        borderline: None,
        context: Some(lang.t(Key::ContextOnly)),
        needs,
    };
    [
        ScoreText {
            testid: "meld",
            name: lang.t(Key::Meld),
            value: score_text(&s.meld, |m| m.score),
            rule: Some(lang.fill(Key::MeldRule, &[&below])),
            gate: Some(gate),
            borderline,
            context: None,
            needs: None,
        },
        context(
            "meld-na",
            Key::MeldNa,
            score_text(&s.meld_na, |m| m.score),
            needs(lang, &s.meld_na),
        ),
        context(
            "meld-3",
            Key::Meld3,
            score_text(&s.meld3, |m| m.score),
            needs(lang, &s.meld3),
        ),
    ]
}

/// The score trail: for each computed score, its name and every value used and rounding step.
#[must_use]
pub fn trail(lang: Lang, s: &Screening) -> Vec<(&'static str, Vec<String>)> {
    let mut out = Vec::new();
    if let Some(x) = s.meld.computed() {
        out.push((lang.t(Key::Meld), meld_trail(lang, x)));
    }
    if let Some(x) = s.meld_na.computed() {
        out.push((lang.t(Key::MeldNa), meld_na_trail(lang, x)));
    }
    if let Some(x) = s.meld3.computed() {
        out.push((lang.t(Key::Meld3), meld3_trail(lang, x)));
    }
    out
}

/// The blank lines of the print header: the referring physician and department, the patient's
/// name and hospital number (never typed in), each with its `data-field` (test contract).
#[must_use]
pub fn print_blanks(lang: Lang) -> [(&'static str, String); 4] {
    let blank = ": ______________________________";
    [
        (
            "physician",
            format!("{}{blank}", lang.t(Key::PrintPhysician)),
        ),
        (
            "department",
            format!("{}{blank}", lang.t(Key::PrintDepartment)),
        ),
        ("patient-name", format!("{}{blank}", lang.t(Key::PrintName))),
        (
            "record-number",
            format!("{}{blank}", lang.t(Key::PrintHospitalNumber)),
        ),
    ]
}

/// The values entered with their dates, for print.
#[must_use]
pub fn print_values(lang: Lang, vm: &ScreeningViewModel) -> Vec<String> {
    values_entered(lang, vm)
        .iter()
        .map(|l| l.trim().to_string())
        .collect()
}

/// Referral details (SPEC section 7).
#[must_use]
pub fn referral(lang: Lang, protocol: &Protocol, app_version: &str) -> Vec<String> {
    referral_lines(lang, protocol, app_version)
}

/// The "typical, not confirmed" exclusion checklist.
#[must_use]
pub fn typical_exclusions(lang: Lang, protocol: &Protocol) -> Vec<&'static str> {
    protocol
        .typical_exclusions
        .iter()
        .map(|t| protocol_text(lang, &t.text))
        .collect()
}

/// "How this was decided": every product decision, visible.
#[must_use]
pub fn decisions(lang: Lang) -> Vec<&'static str> {
    DECISIONS
        .iter()
        .map(|d| lang.t(Key::Decision(*d)))
        .collect()
}

// --- What would change the gate (SPEC 9) and the severity context (SPEC 11) --------------

/// One lab's item of "what would change the gate": the contract's attributes and its words.
#[derive(Clone, Debug, PartialEq)]
pub struct GateChangeText {
    /// `meld-change-inr` | `meld-change-tbil` | `meld-change-creatinine` (test contract).
    pub testid: String,
    /// `data-kind`: `passes-at-most` | `fails-at-least`.
    pub kind: &'static str,
    /// `data-reachable`: `true` | `false`.
    pub reachable: &'static str,
    /// `data-limit`, only when reachable: the grid's fixed decimals in the field's unit.
    pub limit: Option<String>,
    /// `data-reason`, only when not reachable: `floor` | `hard-limit` | `dialysis`.
    pub reason: Option<&'static str>,
    /// The limit in words ("MELD would reach 30 at INR ≥ 2.86").
    pub text: String,
}

/// What would change the MELD gate: the intro ("with the other labs unchanged", an explanation
/// of the formula) and one item per lab; nothing while MELD is not computed.
#[must_use]
pub fn gate_changes(
    lang: Lang,
    protocol: &Protocol,
    gate: Option<&GateLimits>,
) -> Option<(&'static str, Vec<GateChangeText>)> {
    let g = gate?;
    let below = protocol.thresholds.meld_below;
    let items = g
        .labs
        .iter()
        .map(|l| {
            let (limit, reason) = match l.limit {
                LimitValue::Reachable(v) => (Some(v.text()), None),
                LimitValue::Unreachable(why) => (None, Some(why.name())),
            };
            GateChangeText {
                testid: format!("meld-change-{}", l.lab.name()),
                kind: l.kind.name(),
                reachable: if limit.is_some() { "true" } else { "false" },
                limit,
                reason,
                text: gate_limit(lang, l, below),
            }
        })
        .collect();
    Some((lang.t(Key::GateIntro), items))
}

/// The gate limits in the score trail: the three limits and how they were found.
#[must_use]
pub fn gate_trail(
    lang: Lang,
    protocol: &Protocol,
    gate: Option<&GateLimits>,
) -> Option<(&'static str, Vec<String>)> {
    let g = gate?;
    let below = protocol.thresholds.meld_below;
    let mut lines: Vec<String> = g.labs.iter().map(|l| gate_limit(lang, l, below)).collect();
    lines.push(lang.t(Key::GateTrailMethod).to_string());
    Some((lang.t(Key::GateTrailName), lines))
}

/// One row of the severity card: its output (test contract: always in the DOM), and what it
/// needs or why it does not apply.
#[derive(Clone, Debug, PartialEq)]
pub struct SeverityScoreText {
    /// `aclf-grade`, `clif-of`, `clif-c-aclf`, `clif-c-ad`, `aarc` (test contract).
    pub testid: &'static str,
    /// The score's name.
    pub name: &'static str,
    /// Integer text (may start with `-`), the grade in words, or empty.
    pub value: String,
    /// `aclf-grade`: `data-grade` (`none`|`1`|`2`|`3`, empty when not computable).
    pub data_grade: Option<String>,
    /// `aclf-grade`: `data-failures`, a comma list of organs.
    pub data_failures: Option<String>,
    /// `aarc`: its grade, `aarc-grade`'s `data-grade` (`I`|`II`|`III` or empty) and words.
    pub grade: Option<(String, String)>,
    /// "Not computable yet. Needs: ..." or "applies only with/without ACLF".
    pub needs: Option<String>,
}

fn graded_needs<T>(lang: Lang, g: &GradedOutcome<T>, not_applicable: Key) -> Option<String> {
    match g {
        GradedOutcome::Applies(o) => needs(lang, o),
        GradedOutcome::NotApplicable(_) => Some(lang.t(not_applicable).to_string()),
    }
}

/// The severity card (SPEC 11): the EASL-CLIF grade with the organ failures that made it,
/// CLIF-C OF, CLIF-C ACLF / AD (at most one filled, by the grade), AARC with its grade.
#[must_use]
pub fn severity_scores(lang: Lang, s: &Severity) -> [SeverityScoreText; 5] {
    let row = |testid, name: Key, value: String, needs: Option<String>| SeverityScoreText {
        testid,
        name: lang.t(name),
        value,
        data_grade: None,
        data_failures: None,
        grade: None,
        needs,
    };
    let grade = s.grade.computed();
    let aarc = s.aarc.computed();
    [
        SeverityScoreText {
            data_grade: Some(grade.map_or("", |g| g.grade.contract_name()).to_string()),
            data_failures: Some(grade.map(|g| g.contract_failures()).unwrap_or_default()),
            ..row(
                "aclf-grade",
                Key::AclfGradeName,
                grade.map(|g| aclf_grade(lang, g)).unwrap_or_default(),
                needs(lang, &s.grade),
            )
        },
        row(
            "clif-of",
            Key::ClifOf,
            s.clif_of
                .computed()
                .map(|o| o.total.to_string())
                .unwrap_or_default(),
            needs(lang, &s.clif_of),
        ),
        row(
            "clif-c-aclf",
            Key::ClifCAclf,
            s.clif_c_aclf
                .computed()
                .map(|c| c.score.to_string())
                .unwrap_or_default(),
            graded_needs(lang, &s.clif_c_aclf, Key::ClifCAclfNotApplicable),
        ),
        row(
            "clif-c-ad",
            Key::ClifCAd,
            s.clif_c_ad
                .computed()
                .map(|c| c.score.to_string())
                .unwrap_or_default(),
            graded_needs(lang, &s.clif_c_ad, Key::ClifCAdNotApplicable),
        ),
        SeverityScoreText {
            grade: Some(aarc.map_or((String::new(), String::new()), |a| {
                let name = a.grade.contract_name();
                (name.to_string(), lang.fill(Key::AarcGradeN, &[name]))
            })),
            ..row(
                "aarc",
                Key::Aarc,
                aarc.map(|a| a.total.to_string()).unwrap_or_default(),
                needs(lang, &s.aarc),
            )
        },
    ]
}

/// Whether any severity score is computed (the card prints only then).
#[must_use]
pub fn severity_computed(s: &Severity) -> bool {
    s.clif_of.computed().is_some() || s.grade.computed().is_some() || s.aarc.computed().is_some()
}

/// The severity scores' trails, for "How this was computed".
#[must_use]
pub fn severity_trail(lang: Lang, s: &Severity) -> Vec<(&'static str, Vec<String>)> {
    let mut out = Vec::new();
    if let Some(g) = s.grade.computed() {
        out.push((lang.t(Key::AclfGradeName), vec![aclf_grade(lang, g)]));
    }
    if let Some(of) = s.clif_of.computed() {
        out.push((lang.t(Key::ClifOf), clif_of_trail(lang, of)));
    }
    if let Some(c) = s.clif_c_aclf.computed() {
        out.push((lang.t(Key::ClifCAclf), vec![clif_c_aclf_trail(lang, c)]));
    }
    if let Some(c) = s.clif_c_ad.computed() {
        out.push((lang.t(Key::ClifCAd), vec![clif_c_ad_trail(lang, c)]));
    }
    if let Some(a) = s.aarc.computed() {
        out.push((lang.t(Key::Aarc), aarc_trail(lang, a)));
    }
    out
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

    #[test]
    fn print_header_has_blank_lines_and_the_values_entered() {
        let blanks = print_blanks(Lang::En);
        assert!(blanks
            .iter()
            .all(|(_, b)| b.ends_with(": ______________________________")));
        let fields: Vec<&str> = blanks.iter().map(|(f, _)| *f).collect();
        assert_eq!(
            fields,
            ["physician", "department", "patient-name", "record-number"]
        );
        let values = print_values(Lang::En, &vm(&refer_patient()));
        assert!(
            values.contains(&"Total bilirubin (TBIL): 342 µmol/L (2026-11-25)".to_string()),
            "{values:?}"
        );
    }

    #[test]
    fn referral_holds_details_exclusions_and_every_decision_in_both_languages() {
        for lang in [Lang::En, Lang::ZhCn] {
            let lines = referral(lang, &PROTOCOL, "0.1.0");
            assert!(lines.iter().any(|l| l.contains("NCT06740149")), "{lines:?}");
            assert_eq!(
                typical_exclusions(lang, &PROTOCOL).len(),
                PROTOCOL.typical_exclusions.len()
            );
            let all = decisions(lang);
            assert_eq!(all.len(), DECISIONS.len());
            for d in DECISIONS {
                assert!(all.contains(&lang.t(Key::Decision(d))), "{lang:?} {d:?}");
            }
        }
    }

    #[test]
    fn refer_patient_scores_show_meld_26_and_the_gate_passed() {
        let v = vm(&refer_patient());
        let [meld, na, m3] = scores(Lang::En, &PROTOCOL, &v.screening);
        assert_eq!((meld.testid, meld.value.as_str()), ("meld", "26"));
        assert_eq!(
            meld.gate,
            Some(("gate gate-pass", "Gate passed: 26 < 30.".to_string()))
        );
        assert_eq!(meld.borderline, None);
        assert_eq!((na.testid, m3.testid), ("meld-na", "meld-3"));
        assert!(na.context.is_some() && m3.context.is_some() && meld.context.is_none());
    }

    #[test]
    fn an_empty_form_leaves_scores_blank_and_names_what_is_needed() {
        let v = vm(&FormInput::default());
        let [meld, na, m3] = scores(Lang::En, &PROTOCOL, &v.screening);
        assert_eq!(meld.value, "");
        let (class, line) = meld.gate.unwrap();
        assert_eq!(class, "gate gate-unknown");
        assert!(line.starts_with("Not computable yet. Needs: "), "{line}");
        assert!(na.needs.is_some() && m3.needs.is_some());
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
        let [meld, _, _] = scores(Lang::En, &PROTOCOL, &v.screening);
        let flag = meld.borderline.expect("borderline flag");
        // Truncated, never rounded (SPEC 4).
        let truncated = crate::clinical::rounding::truncate(m.unrounded, 2);
        assert!(flag.contains(&crate::i18n::fixed(truncated, 2)), "{flag}");
    }

    #[test]
    fn criteria_carry_state_and_testids_and_i3_nests_its_parts() {
        let v = vm(&refer_patient());
        for r in &v.screening.phases {
            let rows = criteria(Lang::En, &PROTOCOL, r);
            let top: Vec<&str> = rows.iter().map(|c| c.id).collect();
            for id in ["I1", "I2", "I3", "I4", "I5", "I6"] {
                assert!(top.contains(&id), "{id} missing in {top:?}");
            }
            let i3 = rows.iter().find(|c| c.id == "I3").unwrap();
            let parts: Vec<&str> = i3.parts.iter().map(|p| p.testid.as_str()).collect();
            let want: Vec<String> = ["I3-1", "I3-2", "I3-3"]
                .iter()
                .map(|id| format!("criterion-{}-{id}", r.phase.id))
                .collect();
            assert_eq!(parts, want);
            assert_eq!(i3.parts[0].state, State::Met);
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
        let rows = criteria(Lang::En, &PROTOCOL, r);
        let age = rows.iter().find(|c| c.state == State::NotMet).unwrap();
        assert!(
            age.evidence
                .contains(&"Age 17 years (minimum 18)".to_string()),
            "{age:?}"
        );
        let text = verdict(Lang::En, &PROTOCOL, r, &[]);
        assert!(
            text.lines
                .contains(&"I2: Age 17 years (minimum 18)".to_string()),
            "{text:?}"
        );
        assert_eq!(text.exclusion_note, None);
    }

    #[test]
    fn incomplete_verdict_lists_the_inputs_to_enter_next() {
        let v = vm(&FormInput {
            inr: String::new(),
            ..refer_patient()
        });
        let r = &v.screening.phases[0];
        assert_eq!(verdict_attr(&r.verdict), "incomplete");
        let text = verdict(Lang::En, &PROTOCOL, r, &[]);
        assert_eq!(text.enter_next, [("inr", "INR")], "{text:?}");
        assert!(text.find_out.is_empty());
    }

    #[test]
    fn refer_verdict_carries_the_exclusion_note_in_both_languages() {
        let v = vm(&refer_patient());
        let r = &v.screening.phases[0];
        assert_eq!(verdict_attr(&r.verdict), "refer");
        for lang in [Lang::En, Lang::ZhCn] {
            let text = verdict(lang, &PROTOCOL, r, &[]);
            assert_eq!(text.icon, Glyph::Arrow);
            assert_eq!(text.title, verdict_title(lang, &r.verdict));
            assert_eq!(text.exclusion_note, Some(lang.t(Key::ExclusionNote)));
        }
    }

    #[test]
    fn trail_lists_each_computed_score_with_its_steps() {
        let v = vm(&refer_patient());
        let sections = trail(Lang::En, &v.screening);
        assert_eq!(sections.len(), 3);
        assert_eq!(sections[0].0, "MELD");
        assert!(sections.iter().all(|(_, rows)| !rows.is_empty()));
        assert!(trail(Lang::En, &vm(&FormInput::default()).screening).is_empty());
    }

    #[test]
    fn a_refer_verdict_lists_the_flags_and_an_incomplete_one_both_sets() {
        let v = vm(&FormInput {
            bleeding_signs: Some(crate::clinical::patient::Answer::Yes),
            ..refer_patient()
        });
        let r = &v.screening.phases[0];
        let text = verdict(Lang::En, &PROTOCOL, r, &v.screening.flags);
        assert_eq!(
            text.flags,
            [(
                "bleeding-signs",
                "Active gastrointestinal or variceal bleeding".to_string()
            )]
        );
        let marked: Vec<bool> = checklist(Lang::En, &PROTOCOL, &v.screening)
            .iter()
            .map(|(_, on)| *on)
            .collect();
        assert_eq!(marked.iter().filter(|on| **on).count(), 1);
        let unknown = vm(&FormInput {
            etiology: Some(crate::clinical::patient::Etiology::Unknown),
            inr: String::new(),
            ..refer_patient()
        });
        let text = verdict(Lang::En, &PROTOCOL, &unknown.screening.phases[1], &[]);
        assert_eq!(text.enter_next, [("inr", "INR")]);
        assert_eq!(
            text.find_out,
            [(
                "etiology",
                "Cause of liver failure (answered unknown)".to_string()
            )]
        );
        assert!(text.flags.is_empty());
    }

    #[test]
    fn criteria_carry_their_note_names_and_who_confirms_them() {
        let v = vm(&refer_patient());
        let rows = criteria(Lang::En, &PROTOCOL, &v.screening.phases[0]);
        let i3 = rows.iter().find(|c| c.id == "I3").unwrap();
        assert_eq!(i3.parts[1].notes[0].0, "tbil-threshold-registry");
        let i1 = rows.iter().find(|c| c.id == "I1").unwrap();
        assert!(i1.study_team && !i3.study_team);
    }

    #[test]
    fn gate_changes_are_absent_while_meld_is_not_computed() {
        let v = vm(&FormInput::default());
        assert_eq!(gate_changes(Lang::En, &PROTOCOL, v.gate.as_ref()), None);
        assert_eq!(gate_trail(Lang::En, &PROTOCOL, v.gate.as_ref()), None);
    }

    #[test]
    fn meld_26_says_where_each_lab_would_reach_30_in_both_languages() {
        let v = vm(&refer_patient());
        for lang in [Lang::En, Lang::ZhCn] {
            let (intro, items) = gate_changes(lang, &PROTOCOL, v.gate.as_ref()).unwrap();
            assert_eq!(intro, lang.t(Key::GateIntro));
            let ids: Vec<&str> = items.iter().map(|i| i.testid.as_str()).collect();
            assert_eq!(
                ids,
                [
                    "meld-change-inr",
                    "meld-change-tbil",
                    "meld-change-creatinine"
                ]
            );
            assert!(items.iter().all(|i| i.kind == "fails-at-least"));
            let inr = &items[0];
            assert_eq!(
                (inr.reachable, inr.limit.as_deref(), inr.reason),
                ("true", Some("2.86"), None)
            );
            assert!(inr.text.contains("2.86"), "{}", inr.text);
        }
        let (_, items) = gate_changes(Lang::En, &PROTOCOL, v.gate.as_ref()).unwrap();
        assert_eq!(items[0].text, "MELD would reach 30 at INR ≥ 2.86");
        assert!(Lang::En
            .t(Key::GateIntro)
            .contains("with the other labs unchanged"));
    }

    #[test]
    fn the_limit_follows_the_fields_unit_and_its_grid() {
        let v = vm(&FormInput {
            creatinine: "1.0".into(),
            creatinine_unit: crate::clinical::units::MolarUnit::MgPerDl,
            ..refer_patient()
        });
        let (_, items) = gate_changes(Lang::En, &PROTOCOL, v.gate.as_ref()).unwrap();
        let tbil = items[1].limit.as_deref().unwrap();
        let cr = items[2].limit.as_deref().unwrap();
        assert!(
            tbil.split('.').nth(1).is_some_and(|d| d.len() == 1),
            "{tbil}"
        );
        assert!(cr.split('.').nth(1).is_some_and(|d| d.len() == 2), "{cr}");
        assert!(items[2].text.ends_with(" mg/dL"), "{}", items[2].text);
    }

    #[test]
    fn above_the_gate_the_limits_say_where_meld_would_pass() {
        let v = vm(&FormInput {
            inr: "3.5".into(),
            ..refer_patient()
        });
        assert_eq!(v.screening.meld.computed().unwrap().score, 32);
        let (_, items) = gate_changes(Lang::En, &PROTOCOL, v.gate.as_ref()).unwrap();
        assert!(
            items.iter().all(|i| i.kind == "passes-at-most"),
            "{items:?}"
        );
    }

    #[test]
    fn with_dialysis_creatinine_is_unreachable_with_its_reason_and_no_limit() {
        let v = vm(&FormInput {
            inr: "1.0".into(),
            tbil: "20".into(),
            dialysis: true,
            ..refer_patient()
        });
        let (_, items) = gate_changes(Lang::En, &PROTOCOL, v.gate.as_ref()).unwrap();
        let cr = &items[2];
        assert_eq!(
            (cr.reachable, cr.limit.as_deref(), cr.reason),
            ("false", None, Some("dialysis"))
        );
        assert_eq!(cr.text, Lang::En.t(Key::GateUnreachableDialysis));
    }

    #[test]
    fn the_trail_lists_the_three_limits_and_how_they_were_found() {
        let v = vm(&refer_patient());
        for lang in [Lang::En, Lang::ZhCn] {
            let (name, lines) = gate_trail(lang, &PROTOCOL, v.gate.as_ref()).unwrap();
            assert_eq!(name, lang.t(Key::GateTrailName));
            assert_eq!(lines.len(), 4);
            assert_eq!(lines[3], lang.t(Key::GateTrailMethod));
        }
    }

    fn severe(form: FormInput) -> ScreeningViewModel {
        vm(&FormInput {
            wbc: "8".into(),
            map: "80".into(),
            pao2: "90".into(),
            fio2: "21".into(),
            lactate: "1.2".into(),
            ..form
        })
    }

    #[test]
    fn an_empty_severity_section_leaves_every_output_empty_and_names_what_is_needed() {
        let v = vm(&FormInput::default());
        let rows = severity_scores(Lang::En, &v.severity);
        let ids: Vec<&str> = rows.iter().map(|r| r.testid).collect();
        assert_eq!(
            ids,
            ["aclf-grade", "clif-of", "clif-c-aclf", "clif-c-ad", "aarc"]
        );
        assert!(rows.iter().all(|r| r.value.is_empty()), "{rows:?}");
        assert_eq!(rows[0].data_grade.as_deref(), Some(""));
        assert_eq!(rows[0].data_failures.as_deref(), Some(""));
        assert_eq!(rows[4].grade, Some((String::new(), String::new())));
        assert!(rows[1]
            .needs
            .as_deref()
            .unwrap()
            .starts_with("Not computable yet. Needs: "));
        assert!(!severity_computed(&v.severity));
        assert!(severity_trail(Lang::En, &v.severity).is_empty());
    }

    #[test]
    fn kidney_failure_alone_is_grade_1_with_clif_c_aclf_and_no_clif_c_ad() {
        // TBIL 150 µmol/L (liver 2), creatinine 221 µmol/L (2.5 mg/dL: kidney failure).
        let v = severe(FormInput {
            tbil: "150".into(),
            creatinine: "221".into(),
            inr: "1.8".into(),
            ..refer_patient()
        });
        for lang in [Lang::En, Lang::ZhCn] {
            let [grade, of, aclf, ad, aarc] = severity_scores(lang, &v.severity);
            assert_eq!(grade.data_grade.as_deref(), Some("1"));
            assert_eq!(grade.data_failures.as_deref(), Some("kidney"));
            assert!(grade
                .value
                .contains(lang.t(Key::Organ(crate::clinical::severity::Organ::Kidney))));
            assert_eq!(of.value, "8");
            assert!(
                aclf.value.parse::<i32>().is_ok() && aclf.needs.is_none(),
                "{aclf:?}"
            );
            assert_eq!(ad.value, "");
            assert_eq!(ad.needs.as_deref(), Some(lang.t(Key::ClifCAdNotApplicable)));
            let (g, words) = aarc.grade.unwrap();
            assert!(
                ["I", "II", "III"].contains(&g.as_str()) && words.contains(&g),
                "{words}"
            );
        }
        assert!(severity_computed(&v.severity));
        let names: Vec<&str> = severity_trail(Lang::En, &v.severity)
            .iter()
            .map(|t| t.0)
            .collect();
        assert_eq!(
            names,
            ["EASL-CLIF ACLF grade", "CLIF-C OF", "CLIF-C ACLF", "AARC"]
        );
    }

    #[test]
    fn without_aclf_clif_c_ad_is_filled_and_clif_c_aclf_says_it_does_not_apply() {
        let v = severe(FormInput {
            tbil: "150".into(),
            inr: "1.8".into(),
            ..refer_patient()
        });
        let [grade, _, aclf, ad, _] = severity_scores(Lang::En, &v.severity);
        assert_eq!(grade.data_grade.as_deref(), Some("none"));
        assert_eq!(grade.value, "No ACLF (EASL-CLIF)");
        assert_eq!(aclf.value, "");
        assert_eq!(
            aclf.needs.as_deref(),
            Some(Lang::En.t(Key::ClifCAclfNotApplicable))
        );
        assert!(ad.value.parse::<i32>().is_ok(), "{ad:?}");
        let trail = severity_trail(Lang::En, &v.severity);
        assert!(trail.iter().any(|(n, _)| *n == "CLIF-C AD"));
        assert!(!trail.iter().any(|(n, _)| *n == "CLIF-C ACLF"));
    }
}
