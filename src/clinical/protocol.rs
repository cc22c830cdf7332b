//! The trial protocol as data: NCT06740149's phases, criteria, thresholds, exclusions and
//! referral details, compiled in from `protocol/nct06740149.toml` by `build.rs` (validated there
//! by [`crate::clinical::document`]), so no document parser ships in the wasm.

use super::plausibility::{default_limits, Limits, Quantity};

/// A text in both languages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Text {
    /// English.
    pub en: &'static str,
    /// Simplified Chinese.
    pub zh: &'static str,
}

/// Identity of the trial.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Trial {
    /// Registry id (NCT number).
    pub id: &'static str,
    /// Other registry and protocol ids.
    pub other_ids: &'static [&'static str],
    /// Official title.
    pub title: Text,
    /// Investigational product.
    pub product: Text,
    /// Lead sponsor.
    pub sponsor: Text,
}

/// A contact at the site.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Contact {
    /// Name and title.
    pub name: Text,
    /// Phone, empty if the site has not added one.
    pub phone: &'static str,
    /// E-mail, empty if the site has not added one.
    pub email: &'static str,
}

/// The recruiting site.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Site {
    /// Hospital name and city.
    pub name: Text,
    /// Contacts.
    pub contacts: &'static [Contact],
}

/// Numeric thresholds of the inclusion criteria.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Thresholds {
    /// I2: minimum age in years (inclusive).
    pub min_age_years: u32,
    /// I5: the reported MELD must be below this.
    pub meld_below: u8,
    /// I3-2: total bilirubin at or above this (umol/L).
    pub tbil_umol_per_l: f64,
    /// I3-2: mean daily rise at or above this (umol/L per day).
    pub tbil_rise_umol_per_l_per_day: f64,
    /// A rise computed over more days than this carries a warning.
    pub rise_warn_after_days: u32,
    /// I3-3: INR at or above this is a bleeding tendency.
    pub inr_coagulopathy: f64,
    /// I3-3: PTA at or below this (%) is a bleeding tendency.
    pub pta_coagulopathy_percent: f64,
}

/// What I4 asks of the cause of liver failure in a phase.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EtiologyRule {
    /// Any cause: I4 is Not applicable.
    Any,
    /// Hepatitis B only.
    Hbv,
}

/// One phase of the trial.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Phase {
    /// Stable id ("phase1"), used in test ids.
    pub id: &'static str,
    /// Display name.
    pub name: Text,
    /// Design in one line.
    pub design: Text,
    /// Whether the site marks it as recruiting.
    pub recruiting: bool,
    /// I4's rule in this phase.
    pub etiology: EtiologyRule,
}

/// The evaluation a criterion uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rule {
    /// I1: stated willingness to be referred; study team confirms consent.
    Consent,
    /// I2: minimum age.
    MinAge,
    /// I3: ACLF per the Chinese 2018 guideline, three parts.
    Aclf2018,
    /// I4: cause of liver failure per the phase's rule.
    Etiology,
    /// I5: MELD below the threshold.
    MeldBelow,
    /// I6: stated willingness to avoid conception; study team confirms.
    Contraception,
}

/// Who confirms a criterion.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Confirmer {
    /// Checked in the widget from the referrer's inputs: Unknown holds the verdict at Incomplete.
    Referrer,
    /// Confirmed by the study team: listed, never holds the verdict at Incomplete.
    StudyTeam,
}

/// One inclusion criterion.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Criterion {
    /// Registry id ("I1" ... "I6").
    pub id: &'static str,
    /// Its evaluation.
    pub rule: Rule,
    /// Who confirms it.
    pub confirmed_by: Confirmer,
    /// Ids of the phases it applies to.
    pub phases: &'static [&'static str],
    /// Its wording.
    pub text: Text,
}

/// How an exclusion declared by a site is checked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExclusionRule {
    /// Only the study team can check it: listed for them.
    StudyTeam,
    /// Hepatic encephalopathy of at least this West Haven grade.
    HeGradeAtLeast(u8),
    /// Age above this many years.
    AgeAbove(u32),
    /// Dialysis in the past 7 days.
    Dialysis,
    /// Active bleeding (GI, variceal or other) answered "yes".
    BleedingSigns,
}

impl ExclusionRule {
    /// The rule's name in the protocol document and the UI test contract (`data-rule`).
    #[must_use]
    pub const fn contract_name(self) -> &'static str {
        match self {
            ExclusionRule::StudyTeam => "study-team",
            ExclusionRule::HeGradeAtLeast(_) => "he-grade-at-least",
            ExclusionRule::AgeAbove(_) => "age-above",
            ExclusionRule::Dialysis => "dialysis",
            ExclusionRule::BleedingSigns => "bleeding-signs",
        }
    }
}

/// An exclusion typical of comparable trials, not confirmed for this one: a checklist item,
/// flagged when its rule matches what was entered (SPEC 3, revised). Never changes a verdict.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TypicalExclusion {
    /// Stable id ("active-bleeding").
    pub id: &'static str,
    /// The rule that flags it from the entered values, if any.
    pub rule: Option<ExclusionRule>,
    /// Its wording.
    pub text: Text,
}

/// One exclusion criterion declared in the protocol document.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Exclusion {
    /// Id ("E1" ...).
    pub id: &'static str,
    /// How it is checked.
    pub rule: ExclusionRule,
    /// Phases it applies to; `None` = all.
    pub phases: Option<&'static [&'static str]>,
    /// Its wording.
    pub text: Text,
}

/// The whole protocol definition.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Protocol {
    /// The trial.
    pub trial: Trial,
    /// Version of these rules, in both languages.
    pub version: Text,
    /// Date the rules were last checked (YYYY-MM-DD).
    pub rules_date: &'static str,
    /// The site and its contacts.
    pub site: Site,
    /// Thresholds.
    pub thresholds: Thresholds,
    /// Phases.
    pub phases: &'static [Phase],
    /// Inclusion criteria.
    pub criteria: &'static [Criterion],
    /// Whether the exclusion criteria are published in this document.
    pub exclusions_published: bool,
    /// Exclusion criteria (empty while not published).
    pub exclusions: &'static [Exclusion],
    /// Exclusions typical of comparable trials, not confirmed for this one.
    pub typical_exclusions: &'static [TypicalExclusion],
    /// Tighter plausibility limits set by the site.
    pub limit_overrides: &'static [(Quantity, Limits)],
    /// Host origins allowed to send labs (SPEC 8, `[embedding] allowed_origins`; empty: off).
    pub allowed_origins: &'static [&'static str],
}

impl Protocol {
    /// The plausibility limits in force for a quantity (the site's, else SPEC's).
    #[must_use]
    pub fn limits(&self, q: Quantity) -> Limits {
        self.limit_overrides
            .iter()
            .find(|(k, _)| *k == q)
            .map_or_else(|| default_limits(q), |(_, l)| *l)
    }

    /// Whether a criterion applies to a phase.
    #[must_use]
    pub fn applies(phases: &[&str], phase: &Phase) -> bool {
        phases.contains(&phase.id)
    }
}

include!(concat!(env!("OUT_DIR"), "/protocol.rs"));

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compiled_protocol_has_both_phases_and_six_criteria() {
        assert_eq!(PROTOCOL.trial.id, "NCT06740149");
        let ids: Vec<_> = PROTOCOL.phases.iter().map(|p| p.id).collect();
        assert_eq!(ids, ["phase1", "phase2"]);
        let crit: Vec<_> = PROTOCOL.criteria.iter().map(|c| c.id).collect();
        assert_eq!(crit, ["I1", "I2", "I3", "I4", "I5", "I6"]);
    }

    #[test]
    fn phase_2_requires_hepatitis_b_and_phase_1_any_cause() {
        assert_eq!(PROTOCOL.phases[0].etiology, EtiologyRule::Any);
        assert_eq!(PROTOCOL.phases[1].etiology, EtiologyRule::Hbv);
    }

    #[test]
    fn consent_and_contraception_are_for_the_study_team() {
        for c in PROTOCOL.criteria {
            let expected = if matches!(c.rule, Rule::Consent | Rule::Contraception) {
                Confirmer::StudyTeam
            } else {
                Confirmer::Referrer
            };
            assert_eq!(c.confirmed_by, expected, "{}", c.id);
        }
    }

    #[test]
    fn compiled_thresholds_are_the_registry_values() {
        let t = PROTOCOL.thresholds;
        assert_eq!((t.min_age_years, t.meld_below), (18, 30));
        assert_eq!(
            (t.tbil_umol_per_l, t.tbil_rise_umol_per_l_per_day),
            (171.0, 17.1)
        );
        assert_eq!(
            (t.inr_coagulopathy, t.pta_coagulopathy_percent),
            (1.5, 40.0)
        );
    }

    #[test]
    fn default_limits_apply_without_overrides() {
        assert!(PROTOCOL.limit_overrides.is_empty());
        assert_eq!(
            PROTOCOL.limits(Quantity::Inr),
            default_limits(Quantity::Inr)
        );
    }
}
