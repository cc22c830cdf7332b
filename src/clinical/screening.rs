//! Screening: (patient, protocol) -> per phase, each criterion's state with its evidence, and
//! the overall verdict (SPEC section 6). The best verdict never says "eligible": it says the
//! patient meets every inclusion criterion that can be checked here and should be referred.

use super::aclf;
use super::meld::{meld, meld3, meld_na, Meld, Meld3, MeldInput, MeldNa, ScoreOutcome};
use super::outcome::{Evidence, EvidenceList, Note, NoteSet, Outcome, State};
use super::patient::{Answer, Encephalopathy, Etiology, InputId, InputSet, Patient, Willingness};
use super::protocol::{
    Confirmer, Criterion, EtiologyRule, Exclusion, ExclusionRule, Phase, Protocol, Rule,
    TypicalExclusion,
};

/// One criterion's result in one phase.
#[derive(Clone, Debug, PartialEq)]
pub struct CriterionResult {
    /// Id: "I1" ... "I6", I3's parts "I3-1" ... "I3-3", or an exclusion's id.
    pub id: &'static str,
    /// Who confirms it.
    pub confirmed_by: Confirmer,
    /// State with evidence or missing inputs.
    pub outcome: Outcome,
    /// Notes that apply.
    pub notes: NoteSet,
    /// Sub-criteria (I3's three parts).
    pub parts: Vec<CriterionResult>,
}

/// What the study team will confirm after a referral.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StudyTeamItem {
    /// A study-team criterion not already answered "yes" (its id).
    Criterion(&'static str),
    /// A declared exclusion that only the study team can check (its id).
    Exclusion(&'static str),
    /// The exclusion criteria, which are not published in the protocol document.
    UnpublishedExclusions,
}

/// The overall verdict of one phase.
#[derive(Clone, Debug, PartialEq)]
pub enum Verdict {
    /// Some criterion is Not met: the ids of each, in protocol order.
    NotEligible(Vec<&'static str>),
    /// A referrer-checked criterion is Unknown: the inputs still to enter, and apart from them
    /// the questions answered "unknown" that someone has to find out (SPEC 2), form order.
    Incomplete {
        /// Inputs still empty or rejected ("enter next").
        enter_next: InputSet,
        /// Inputs answered "unknown" ("find out ... (answered unknown)").
        find_out: InputSet,
    },
    /// Meets every inclusion criterion that can be checked here: refer to the study team,
    /// who confirm these items.
    Refer(Vec<StudyTeamItem>),
}

/// One phase's screening.
#[derive(Clone, Debug, PartialEq)]
pub struct PhaseResult {
    /// The phase.
    pub phase: &'static Phase,
    /// Inclusion criteria in protocol order.
    pub criteria: Vec<CriterionResult>,
    /// Declared exclusions ("Met" = not excluded).
    pub exclusions: Vec<CriterionResult>,
    /// The verdict.
    pub verdict: Verdict,
}

/// Why a typical exclusion is flagged from what was entered (SPEC 3, revised).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FlagReason {
    /// The entered values match the item's rule.
    Matched,
    /// HE is present without a West Haven grade: check grade III-IV.
    HeGradeMissing,
}

/// A typical exclusion raised by the entered values: "check with the study team". Never
/// changes a verdict; a site makes it a real exclusion by declaring it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ExclusionFlag {
    /// The checklist item it marks.
    pub item: &'static TypicalExclusion,
    /// Why.
    pub reason: FlagReason,
}

impl ExclusionFlag {
    /// Its name in the UI test contract (`data-rule`).
    #[must_use]
    pub fn contract_name(&self) -> &'static str {
        match (self.reason, self.item.rule) {
            (FlagReason::HeGradeMissing, _) => "he-grade-missing",
            (FlagReason::Matched, Some(rule)) => rule.contract_name(),
            (FlagReason::Matched, None) => "study-team",
        }
    }
}

/// The whole screening: scores and one result per phase.
#[derive(Clone, Debug, PartialEq)]
pub struct Screening {
    /// MELD (the gate).
    pub meld: ScoreOutcome<Meld>,
    /// MELD-Na (context only).
    pub meld_na: ScoreOutcome<MeldNa>,
    /// MELD 3.0 (context only).
    pub meld3: ScoreOutcome<Meld3>,
    /// One per phase, in protocol order.
    pub phases: Vec<PhaseResult>,
    /// Typical exclusions raised by the entered values, in checklist order.
    pub flags: Vec<ExclusionFlag>,
}

fn result(id: &'static str, by: Confirmer, outcome: Outcome, notes: NoteSet) -> CriterionResult {
    CriterionResult {
        id,
        confirmed_by: by,
        outcome,
        notes,
        parts: Vec::new(),
    }
}

fn willingness(answer: Option<Willingness>, input: InputId) -> (Outcome, NoteSet) {
    match answer {
        Some(Willingness::Yes) => (
            Outcome::met(&[Evidence::Willingness(Willingness::Yes)]),
            NoteSet::of(&[Note::StudyTeamConfirms]),
        ),
        Some(Willingness::No) => (
            Outcome::not_met(&[Evidence::Willingness(Willingness::No)]),
            NoteSet::EMPTY,
        ),
        Some(Willingness::NotAsked) | None => (
            Outcome::Unknown {
                missing: InputSet::of(&[input]),
                evidence: EvidenceList::of(&[Evidence::Willingness(Willingness::NotAsked)]),
            },
            NoteSet::of(&[Note::StudyTeamConfirms]),
        ),
    }
}

fn etiology(p: &Patient, phase: &Phase) -> (Outcome, NoteSet) {
    let rule = phase.etiology;
    match (rule, p.etiology) {
        (EtiologyRule::Any, _) => (
            Outcome::NotApplicable(EvidenceList::of(&[Evidence::AnyCause])),
            NoteSet::EMPTY,
        ),
        (EtiologyRule::Hbv, Some(Etiology::Hbv)) => (
            Outcome::met(&[Evidence::Etiology {
                etiology: Etiology::Hbv,
                rule,
            }]),
            NoteSet::of(&[Note::HbvMayCoexist]),
        ),
        (EtiologyRule::Hbv, Some(Etiology::Unknown)) => (
            Outcome::Unknown {
                missing: InputSet::of(&[InputId::Etiology]),
                evidence: EvidenceList::of(&[Evidence::Etiology {
                    etiology: Etiology::Unknown,
                    rule,
                }]),
            },
            NoteSet::EMPTY,
        ),
        (EtiologyRule::Hbv, None) => (
            Outcome::unknown(InputSet::of(&[InputId::Etiology])),
            NoteSet::EMPTY,
        ),
        (EtiologyRule::Hbv, Some(other)) => (
            Outcome::not_met(&[Evidence::Etiology {
                etiology: other,
                rule,
            }]),
            NoteSet::EMPTY,
        ),
    }
}

fn meld_gate(score: &ScoreOutcome<Meld>) -> (Outcome, NoteSet) {
    match score {
        ScoreOutcome::NotComputable(missing) => (Outcome::unknown(*missing), NoteSet::EMPTY),
        ScoreOutcome::Computed(m) => {
            let evidence = EvidenceList::of(&[Evidence::Meld {
                score: m.score,
                below: m.gate.below,
                unrounded: m.unrounded,
                borderline: m.gate.borderline,
            }]);
            let notes = if m.gate.borderline {
                NoteSet::of(&[Note::BorderlineMeld])
            } else {
                NoteSet::EMPTY
            };
            let outcome = if m.gate.passes {
                Outcome::Met(evidence)
            } else {
                Outcome::NotMet(evidence)
            };
            (outcome, notes)
        }
    }
}

/// What every phase shares: the scores and I3, computed once per screening.
struct Shared {
    meld: ScoreOutcome<Meld>,
    aclf: aclf::AclfResult,
}

fn criterion(
    c: &Criterion,
    p: &Patient,
    protocol: &Protocol,
    phase: &Phase,
    shared: &Shared,
) -> CriterionResult {
    let t = &protocol.thresholds;
    let (outcome, notes) = match c.rule {
        Rule::Consent => willingness(p.consent, InputId::Consent),
        Rule::Contraception => willingness(p.contraception, InputId::Contraception),
        Rule::MinAge => (
            match p.age {
                None => Outcome::unknown(InputSet::of(&[InputId::Age])),
                Some(a) => {
                    let e = EvidenceList::of(&[Evidence::Age {
                        years: a.0,
                        min: t.min_age_years,
                    }]);
                    if a.0 >= t.min_age_years {
                        Outcome::Met(e)
                    } else {
                        Outcome::NotMet(e)
                    }
                }
            },
            NoteSet::EMPTY,
        ),
        Rule::Etiology => etiology(p, phase),
        Rule::MeldBelow => meld_gate(&shared.meld),
        Rule::Aclf2018 => {
            let r = &shared.aclf;
            const PART_IDS: [&str; 3] = ["I3-1", "I3-2", "I3-3"];
            let parts = r
                .parts
                .iter()
                .zip(r.part_notes)
                .zip(PART_IDS)
                .map(|((o, notes), id)| result(id, c.confirmed_by, *o, notes))
                .collect();
            return CriterionResult {
                id: c.id,
                confirmed_by: c.confirmed_by,
                outcome: r.overall,
                notes: r.notes,
                parts,
            };
        }
    };
    result(c.id, c.confirmed_by, outcome, notes)
}

/// An exclusion rule on the entered values: "Met" means the patient is not excluded, "Not met"
/// that the exclusion applies; with who confirms it.
fn exclusion_outcome(rule: ExclusionRule, p: &Patient) -> (Outcome, Confirmer) {
    match rule {
        ExclusionRule::StudyTeam => (
            Outcome::Unknown {
                missing: InputSet::EMPTY,
                evidence: EvidenceList::of(&[Evidence::StudyTeamChecks]),
            },
            Confirmer::StudyTeam,
        ),
        ExclusionRule::HeGradeAtLeast(g) => (
            match p.encephalopathy {
                None => Outcome::unknown(InputSet::of(&[InputId::HepaticEncephalopathy])),
                Some(he @ Encephalopathy::Absent) => Outcome::met(&[Evidence::Encephalopathy(he)]),
                Some(Encephalopathy::Present(None)) => Outcome::Unknown {
                    missing: InputSet::of(&[InputId::HeGrade]),
                    evidence: EvidenceList::of(&[Evidence::Encephalopathy(
                        Encephalopathy::Present(None),
                    )]),
                },
                Some(he @ Encephalopathy::Present(Some(grade))) => {
                    if grade >= g {
                        Outcome::not_met(&[Evidence::Encephalopathy(he)])
                    } else {
                        Outcome::met(&[Evidence::Encephalopathy(he)])
                    }
                }
            },
            Confirmer::Referrer,
        ),
        ExclusionRule::AgeAbove(limit) => (
            match p.age {
                None => Outcome::unknown(InputSet::of(&[InputId::Age])),
                Some(a) => {
                    let ev = [Evidence::Age {
                        years: a.0,
                        min: limit,
                    }];
                    if a.0 > limit {
                        Outcome::not_met(&ev)
                    } else {
                        Outcome::met(&ev)
                    }
                }
            },
            Confirmer::Referrer,
        ),
        ExclusionRule::Dialysis => (
            if p.dialysis {
                Outcome::not_met(&[Evidence::Dialysis(true)])
            } else {
                Outcome::met(&[Evidence::Dialysis(false)])
            },
            Confirmer::Referrer,
        ),
        ExclusionRule::BleedingSigns => (
            match p.bleeding_signs {
                Some(Answer::Yes) => Outcome::not_met(&[Evidence::BleedingSigns(Answer::Yes)]),
                Some(a @ Answer::No) => Outcome::met(&[Evidence::BleedingSigns(a)]),
                Some(Answer::Unknown) | None => {
                    Outcome::unknown(InputSet::of(&[InputId::BleedingSigns]))
                }
            },
            Confirmer::Referrer,
        ),
    }
}

fn exclusion(e: &Exclusion, p: &Patient) -> CriterionResult {
    let (outcome, by) = exclusion_outcome(e.rule, p);
    result(e.id, by, outcome, NoteSet::EMPTY)
}

/// The typical exclusions that the entered values raise (SPEC 3, revised): an item whose rule
/// would exclude the patient, and HE present without a grade for an item that asks for a grade.
#[must_use]
pub fn exclusion_flags(p: &Patient, protocol: &'static Protocol) -> Vec<ExclusionFlag> {
    let he_grade_missing = p.encephalopathy == Some(Encephalopathy::Present(None));
    protocol
        .typical_exclusions
        .iter()
        .filter_map(|item| {
            let rule = item.rule?;
            if exclusion_outcome(rule, p).0.state() == State::NotMet {
                Some(ExclusionFlag {
                    item,
                    reason: FlagReason::Matched,
                })
            } else if he_grade_missing && matches!(rule, ExclusionRule::HeGradeAtLeast(_)) {
                Some(ExclusionFlag {
                    item,
                    reason: FlagReason::HeGradeMissing,
                })
            } else {
                None
            }
        })
        .collect()
}

/// The inputs the referrer answered "unknown": they are to be found out, not entered next.
#[must_use]
pub fn answered_unknown(p: &Patient) -> InputSet {
    let mut set = InputSet::EMPTY;
    for (unknown, id) in [
        (p.etiology == Some(Etiology::Unknown), InputId::Etiology),
        (
            p.chronic_liver_disease == Some(Answer::Unknown),
            InputId::ChronicLiverDisease,
        ),
        (
            p.hepatorenal_syndrome == Some(Answer::Unknown),
            InputId::HepatorenalSyndrome,
        ),
        (
            p.bleeding_signs == Some(Answer::Unknown),
            InputId::BleedingSigns,
        ),
    ] {
        if unknown {
            set.insert(id);
        }
    }
    set
}

/// The verdict of one phase from its criteria and exclusions (SPEC section 6).
#[must_use]
pub fn verdict(
    criteria: &[CriterionResult],
    exclusions: &[CriterionResult],
    protocol: &Protocol,
    answered_unknown: InputSet,
) -> Verdict {
    let all = || criteria.iter().chain(exclusions);
    let not_met: Vec<&'static str> = all()
        .filter(|c| c.outcome.state() == State::NotMet)
        .map(|c| c.id)
        .collect();
    if !not_met.is_empty() {
        return Verdict::NotEligible(not_met);
    }
    let mut missing = InputSet::EMPTY;
    let mut referrer_unknown = false;
    for c in all()
        .filter(|c| c.confirmed_by == Confirmer::Referrer && c.outcome.state() == State::Unknown)
    {
        referrer_unknown = true;
        missing = missing.union(c.outcome.missing());
    }
    if referrer_unknown {
        let mut enter_next = InputSet::EMPTY;
        let mut find_out = InputSet::EMPTY;
        for id in missing.iter() {
            if answered_unknown.contains(id) {
                find_out.insert(id);
            } else {
                enter_next.insert(id);
            }
        }
        return Verdict::Incomplete {
            enter_next,
            find_out,
        };
    }
    let mut items: Vec<StudyTeamItem> = criteria
        .iter()
        .filter(|c| c.confirmed_by == Confirmer::StudyTeam && c.outcome.state() != State::Met)
        .map(|c| StudyTeamItem::Criterion(c.id))
        .collect();
    items.extend(
        exclusions
            .iter()
            .filter(|e| e.confirmed_by == Confirmer::StudyTeam)
            .map(|e| StudyTeamItem::Exclusion(e.id)),
    );
    if !protocol.exclusions_published {
        items.push(StudyTeamItem::UnpublishedExclusions);
    }
    Verdict::Refer(items)
}

fn screen_phase(
    p: &Patient,
    protocol: &Protocol,
    phase: &'static Phase,
    shared: &Shared,
) -> PhaseResult {
    // Sized up front: outcomes are large values, and regrowing the vector would copy them.
    let mut criteria = Vec::with_capacity(protocol.criteria.len());
    criteria.extend(
        protocol
            .criteria
            .iter()
            .filter(|c| Protocol::applies(c.phases, phase))
            .map(|c| criterion(c, p, protocol, phase, shared)),
    );
    let exclusions: Vec<CriterionResult> = protocol
        .exclusions
        .iter()
        .filter(|e| e.phases.is_none_or(|ph| Protocol::applies(ph, phase)))
        .map(|e| exclusion(e, p))
        .collect();
    let verdict = verdict(&criteria, &exclusions, protocol, answered_unknown(p));
    PhaseResult {
        phase,
        criteria,
        exclusions,
        verdict,
    }
}

/// Screens a patient against every phase of the protocol.
///
/// ```
/// use aclf_screen::clinical::patient::Patient;
/// use aclf_screen::clinical::protocol::PROTOCOL;
/// use aclf_screen::clinical::screening::{screen, Verdict};
/// // An empty form: every phase is Incomplete, never "not eligible".
/// let s = screen(&Patient::default(), &PROTOCOL);
/// assert!(s.phases.iter().all(|ph| matches!(ph.verdict, Verdict::Incomplete { .. })));
/// ```
#[must_use]
pub fn screen(p: &Patient, protocol: &'static Protocol) -> Screening {
    let input = MeldInput::from(p);
    let shared = Shared {
        meld: meld(&input, protocol.thresholds.meld_below),
        aclf: aclf::evaluate(p, &protocol.thresholds),
    };
    let meld_na_score = meld_na(&input, &shared.meld);
    let meld3_score = meld3(&input);
    let phases = protocol
        .phases
        .iter()
        .map(|ph| screen_phase(p, protocol, ph, &shared))
        .collect();
    Screening {
        meld: shared.meld,
        meld_na: meld_na_score,
        meld3: meld3_score,
        phases,
        flags: exclusion_flags(p, protocol),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clinical::date::Date;
    use crate::clinical::patient::{Answer, Sex};
    use crate::clinical::protocol::{Text, PROTOCOL};
    use crate::clinical::units::*;

    /// A 45-year-old man with HBV-ACLF, MELD 26, who meets every checkable criterion.
    pub(crate) fn referable() -> Patient {
        Patient {
            age: Some(Age(45)),
            sex: Some(Sex::Male),
            etiology: Some(Etiology::Hbv),
            chronic_liver_disease: Some(Answer::Yes),
            tbil: Some(Bilirubin::from_umol_per_l(342.0)),
            tbil_date: Date::parse("2026-11-25").unwrap(),
            inr: Some(Inr(2.0)),
            pta: Some(Pta(32.0)),
            creatinine: Some(Creatinine::from_umol_per_l(88.4)),
            sodium: Some(Sodium(132.0)),
            albumin: Some(Albumin::from_g_per_l(30.0)),
            encephalopathy: Some(Encephalopathy::Absent),
            hepatorenal_syndrome: Some(Answer::No),
            bleeding_signs: Some(Answer::No),
            consent: Some(Willingness::NotAsked),
            contraception: Some(Willingness::NotAsked),
            ..Patient::default()
        }
    }

    fn phase(s: &Screening, i: usize) -> &PhaseResult {
        &s.phases[i]
    }

    fn state(r: &PhaseResult, id: &str) -> State {
        r.criteria
            .iter()
            .find(|c| c.id == id)
            .map(|c| c.outcome.state())
            .expect(id)
    }

    #[test]
    fn referable_hbv_patient_is_referred_in_both_phases() {
        let s = screen(&referable(), &PROTOCOL);
        assert_eq!(s.meld.computed().unwrap().score, 26);
        for r in &s.phases {
            assert_eq!(
                r.verdict,
                Verdict::Refer(vec![
                    StudyTeamItem::Criterion("I1"),
                    StudyTeamItem::Criterion("I6"),
                    StudyTeamItem::UnpublishedExclusions
                ]),
                "{}",
                r.phase.id
            );
        }
    }

    #[test]
    fn answered_yes_is_not_listed_for_the_study_team() {
        let p = Patient {
            consent: Some(Willingness::Yes),
            contraception: Some(Willingness::Yes),
            ..referable()
        };
        let s = screen(&p, &PROTOCOL);
        assert_eq!(
            phase(&s, 0).verdict,
            Verdict::Refer(vec![StudyTeamItem::UnpublishedExclusions])
        );
    }

    #[test]
    fn i4_is_not_applicable_in_phase_1_and_decides_phase_2() {
        let p = Patient {
            etiology: Some(Etiology::Alcohol),
            ..referable()
        };
        let s = screen(&p, &PROTOCOL);
        assert_eq!(state(phase(&s, 0), "I4"), State::NotApplicable);
        assert!(matches!(phase(&s, 0).verdict, Verdict::Refer(_)));
        assert_eq!(state(phase(&s, 1), "I4"), State::NotMet);
        assert_eq!(phase(&s, 1).verdict, Verdict::NotEligible(vec!["I4"]));
    }

    #[test]
    fn unknown_etiology_keeps_phase_2_incomplete() {
        // SPEC 2: empty is "enter next"; answered "unknown" is "find out", apart.
        let etiology = InputSet::of(&[InputId::Etiology]);
        for (e, enter_next, find_out) in [
            (None, etiology, InputSet::EMPTY),
            (Some(Etiology::Unknown), InputSet::EMPTY, etiology),
        ] {
            let s = screen(
                &Patient {
                    etiology: e,
                    ..referable()
                },
                &PROTOCOL,
            );
            assert_eq!(
                phase(&s, 1).verdict,
                Verdict::Incomplete {
                    enter_next,
                    find_out
                }
            );
            assert!(matches!(phase(&s, 0).verdict, Verdict::Refer(_)));
        }
    }

    #[test]
    fn gum_bleeding_with_inr_1_3_and_pta_55_is_not_referred() {
        // SPEC 2 (revised): active bleeding alone no longer meets I3-3.
        let p = Patient {
            inr: Some(Inr(1.3)),
            pta: Some(Pta(55.0)),
            bleeding_signs: Some(Answer::Yes),
            ..referable()
        };
        let s = screen(&p, &PROTOCOL);
        assert!(matches!(&phase(&s, 0).verdict, Verdict::NotEligible(ids) if ids == &["I3"]));
        let i3 = phase(&s, 0).criteria.iter().find(|c| c.id == "I3").unwrap();
        assert!(i3.parts[2].notes.contains(&Note::ActiveBleeding));
        assert!(i3.parts[1].notes.contains(&Note::TbilThresholdRegistry));
    }

    #[test]
    fn typical_exclusions_are_flagged_from_the_values_without_changing_the_verdict() {
        let names =
            |s: &Screening| -> Vec<&str> { s.flags.iter().map(|f| f.contract_name()).collect() };
        assert!(screen(&referable(), &PROTOCOL).flags.is_empty());
        let p = Patient {
            bleeding_signs: Some(Answer::Yes),
            dialysis: true,
            encephalopathy: Some(Encephalopathy::Present(Some(3))),
            ..referable()
        };
        let s = screen(&p, &PROTOCOL);
        assert_eq!(
            names(&s),
            ["bleeding-signs", "he-grade-at-least", "dialysis"]
        );
        // Only a declared exclusion changes a verdict: answering the flagged questions the other
        // way leaves every verdict as it was.
        let unflagged = screen(
            &Patient {
                bleeding_signs: Some(Answer::No),
                encephalopathy: Some(Encephalopathy::Present(Some(1))),
                ..p.clone()
            },
            &PROTOCOL,
        );
        for (a, b) in s.phases.iter().zip(&unflagged.phases) {
            assert_eq!(a.verdict, b.verdict);
        }
        let ids: Vec<&str> = s.flags.iter().map(|f| f.item.id).collect();
        assert_eq!(
            ids,
            ["active-bleeding", "he-grade-3-4", "renal-replacement"]
        );
        // HE grade 2 raises nothing; HE without a grade raises its own flag.
        let grade2 = Patient {
            encephalopathy: Some(Encephalopathy::Present(Some(2))),
            ..referable()
        };
        assert!(screen(&grade2, &PROTOCOL).flags.is_empty());
        let no_grade = Patient {
            encephalopathy: Some(Encephalopathy::Present(None)),
            ..referable()
        };
        assert_eq!(names(&screen(&no_grade, &PROTOCOL)), ["he-grade-missing"]);
    }

    #[test]
    fn hbv_carries_the_coexisting_cause_note() {
        let s = screen(&referable(), &PROTOCOL);
        let i4 = phase(&s, 1).criteria.iter().find(|c| c.id == "I4").unwrap();
        assert!(i4.notes.contains(&Note::HbvMayCoexist));
    }

    #[test]
    fn age_17_is_not_eligible_and_18_passes() {
        let s = screen(
            &Patient {
                age: Some(Age(17)),
                ..referable()
            },
            &PROTOCOL,
        );
        assert_eq!(phase(&s, 0).verdict, Verdict::NotEligible(vec!["I2"]));
        let s = screen(
            &Patient {
                age: Some(Age(18)),
                ..referable()
            },
            &PROTOCOL,
        );
        assert!(matches!(phase(&s, 0).verdict, Verdict::Refer(_)));
    }

    #[test]
    fn meld_30_fails_the_gate() {
        // Cr 4 mg/dL (dialysis), bili 342 umol/L (20 mg/dL), INR 2.0 -> 10 MELD(i) = 38.78 -> 39.
        let s = screen(
            &Patient {
                dialysis: true,
                ..referable()
            },
            &PROTOCOL,
        );
        assert_eq!(state(phase(&s, 0), "I5"), State::NotMet);
        assert_eq!(phase(&s, 0).verdict, Verdict::NotEligible(vec!["I5"]));
    }

    #[test]
    fn consent_no_is_not_eligible_even_though_the_study_team_confirms_it() {
        let s = screen(
            &Patient {
                consent: Some(Willingness::No),
                ..referable()
            },
            &PROTOCOL,
        );
        assert_eq!(phase(&s, 0).verdict, Verdict::NotEligible(vec!["I1"]));
    }

    #[test]
    fn study_team_unknowns_do_not_hold_the_verdict() {
        let s = screen(
            &Patient {
                consent: None,
                contraception: None,
                ..referable()
            },
            &PROTOCOL,
        );
        assert!(matches!(phase(&s, 0).verdict, Verdict::Refer(_)));
    }

    #[test]
    fn empty_form_is_incomplete_naming_every_referrer_input_in_form_order() {
        // SPEC 2 (revised): the active-bleeding question decides nothing, so it is not named.
        let s = screen(&Patient::default(), &PROTOCOL);
        assert_eq!(
            phase(&s, 1).verdict,
            Verdict::Incomplete {
                enter_next: InputSet::of(&[
                    InputId::Age,
                    InputId::Etiology,
                    InputId::ChronicLiverDisease,
                    InputId::Tbil,
                    InputId::Inr,
                    InputId::Creatinine,
                    InputId::HepaticEncephalopathy,
                    InputId::HepatorenalSyndrome,
                ]),
                find_out: InputSet::EMPTY,
            }
        );
        // Phase I does not need the cause.
        assert!(
            matches!(&phase(&s, 0).verdict, Verdict::Incomplete { enter_next, .. } if !enter_next.contains(InputId::Etiology))
        );
    }

    #[test]
    fn not_met_wins_over_unknown_and_names_every_deciding_criterion() {
        let p = Patient {
            age: Some(Age(16)),
            chronic_liver_disease: Some(Answer::No),
            ..Patient::default()
        };
        let s = screen(&p, &PROTOCOL);
        assert_eq!(phase(&s, 0).verdict, Verdict::NotEligible(vec!["I2", "I3"]));
    }

    #[test]
    fn i3_has_three_parts_with_ids() {
        let s = screen(&referable(), &PROTOCOL);
        let i3 = phase(&s, 0).criteria.iter().find(|c| c.id == "I3").unwrap();
        let ids: Vec<_> = i3.parts.iter().map(|p| p.id).collect();
        assert_eq!(ids, ["I3-1", "I3-2", "I3-3"]);
    }

    static WITH_EXCLUSIONS: Protocol = Protocol {
        exclusions_published: true,
        exclusions: &[
            Exclusion {
                id: "E1",
                rule: ExclusionRule::HeGradeAtLeast(3),
                phases: None,
                text: Text {
                    en: "HE III-IV",
                    zh: "III-IV 期肝性脑病",
                },
            },
            Exclusion {
                id: "E2",
                rule: ExclusionRule::StudyTeam,
                phases: Some(&["phase2"]),
                text: Text {
                    en: "HCC",
                    zh: "肝细胞癌",
                },
            },
        ],
        ..PROTOCOL
    };

    #[test]
    fn a_declared_exclusion_changes_the_verdict() {
        let p = Patient {
            encephalopathy: Some(Encephalopathy::Present(Some(3))),
            ..referable()
        };
        let s = screen(&p, &WITH_EXCLUSIONS);
        assert_eq!(phase(&s, 0).verdict, Verdict::NotEligible(vec!["E1"]));
        let p = Patient {
            encephalopathy: Some(Encephalopathy::Present(Some(2))),
            ..referable()
        };
        let s = screen(&p, &WITH_EXCLUSIONS);
        assert!(matches!(phase(&s, 0).verdict, Verdict::Refer(_)));
    }

    #[test]
    fn a_declared_exclusion_needs_the_he_grade() {
        let p = Patient {
            encephalopathy: Some(Encephalopathy::Present(None)),
            ..referable()
        };
        let s = screen(&p, &WITH_EXCLUSIONS);
        assert_eq!(
            phase(&s, 0).verdict,
            Verdict::Incomplete {
                enter_next: InputSet::of(&[InputId::HeGrade]),
                find_out: InputSet::EMPTY,
            }
        );
    }

    #[test]
    fn study_team_exclusions_are_listed_for_their_phase_only() {
        let s = screen(&referable(), &WITH_EXCLUSIONS);
        assert_eq!(
            phase(&s, 1).verdict,
            Verdict::Refer(vec![
                StudyTeamItem::Criterion("I1"),
                StudyTeamItem::Criterion("I6"),
                StudyTeamItem::Exclusion("E2")
            ])
        );
        assert_eq!(
            phase(&s, 0).verdict,
            Verdict::Refer(vec![
                StudyTeamItem::Criterion("I1"),
                StudyTeamItem::Criterion("I6")
            ])
        );
    }
}
