//! The four states of a criterion, the evidence that decided it, and the three-valued logic
//! that combines parts (SPEC sections 2 and 6): Unknown is never treated as "no".

use super::date::Date;
use super::patient::{Answer, Encephalopathy, Etiology, InputId, Willingness};
use super::protocol::EtiologyRule;
use super::units::Bilirubin;

/// A fact that decided (or partly decided) a criterion, with the threshold it was compared to.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Evidence {
    /// Age in years against the minimum.
    Age {
        /// Age.
        years: u32,
        /// Minimum age (inclusive).
        min: u32,
    },
    /// Underlying chronic liver disease as answered.
    ChronicLiverDisease(Answer),
    /// Latest total bilirubin against the level threshold.
    TbilLevel {
        /// The value as entered.
        tbil: Bilirubin,
        /// Threshold in umol/L.
        threshold_umol: f64,
    },
    /// Mean daily rise of bilirubin from two dated results.
    TbilRise {
        /// Rise in umol/L per day.
        umol_per_day: f64,
        /// Whole calendar days between the two results.
        days: i64,
        /// Threshold in umol/L per day.
        threshold_umol: f64,
        /// More days apart than the guideline's "acute" window: computed, with a warning.
        long_interval: bool,
    },
    /// Two results less than one day apart: no rise can be computed.
    TbilSameDay {
        /// The date both results carry.
        date: Date,
    },
    /// INR against the coagulopathy threshold.
    Inr {
        /// INR.
        value: f64,
        /// Threshold (INR at or above it is a bleeding tendency).
        threshold: f64,
    },
    /// PTA against the coagulopathy threshold.
    Pta {
        /// PTA in %.
        value: f64,
        /// Threshold (PTA at or below it is a bleeding tendency).
        threshold: f64,
    },
    /// Clinical bleeding signs as answered.
    BleedingSigns(Answer),
    /// Hepatic encephalopathy as answered.
    Encephalopathy(Encephalopathy),
    /// Hepatorenal syndrome as answered.
    HepatorenalSyndrome(Answer),
    /// Cause of liver failure against the phase's rule.
    Etiology {
        /// As recorded.
        etiology: Etiology,
        /// The phase's rule.
        rule: EtiologyRule,
    },
    /// The phase accepts any cause.
    AnyCause,
    /// MELD against the gate.
    Meld {
        /// Reported MELD.
        score: u8,
        /// The gate: MELD must be below this.
        below: u8,
        /// Unrounded 10 x MELD(i).
        unrounded: f64,
        /// Within 1 below the gate (see [`crate::clinical::meld::Gate`]).
        borderline: bool,
    },
    /// The patient's stated willingness.
    Willingness(Willingness),
    /// Dialysis in the past 7 days (checkbox).
    Dialysis(bool),
    /// Only the study team can check this.
    StudyTeamChecks,
}

/// A product decision or caution attached to a criterion, shown where it applies.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Note {
    /// I3 is met without coagulopathy (INR >= 1.5 or PTA <= 40 %): the 2018 guideline requires
    /// coagulopathy; the registry wording does not. The study team may apply the stricter reading.
    RegistryVsGuideline,
    /// HBV recorded: where HBV coexists with another cause, the study team decides.
    HbvMayCoexist,
    /// The rise spans more days than the guideline's acute window.
    RiseOverLongInterval,
    /// The MELD lies within 1 point of the gate in unrounded terms.
    BorderlineMeld,
    /// Stated willingness is recorded; the study team takes formal consent / confirms.
    StudyTeamConfirms,
}

/// The state of a criterion, carrying its reasons.
#[derive(Clone, Debug, PartialEq)]
pub enum Outcome {
    /// The criterion is met; the evidence that shows it.
    Met(Vec<Evidence>),
    /// The criterion is not met; the evidence that decided it.
    NotMet(Vec<Evidence>),
    /// Not decidable yet: the inputs still missing (form order), and the facts known so far.
    Unknown {
        /// Missing or rejected inputs.
        missing: Vec<InputId>,
        /// Facts already known.
        evidence: Vec<Evidence>,
    },
    /// Does not apply (e.g. I4 in Phase I).
    NotApplicable(Vec<Evidence>),
}

/// The state alone, for display and test ids.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum State {
    /// Met.
    Met,
    /// Not met.
    NotMet,
    /// Unknown: an input is missing.
    Unknown,
    /// Not applicable.
    NotApplicable,
}

impl Outcome {
    /// Its state.
    #[must_use]
    pub fn state(&self) -> State {
        match self {
            Outcome::Met(_) => State::Met,
            Outcome::NotMet(_) => State::NotMet,
            Outcome::Unknown { .. } => State::Unknown,
            Outcome::NotApplicable(_) => State::NotApplicable,
        }
    }

    /// The evidence carried, whatever the state.
    #[must_use]
    pub fn evidence(&self) -> &[Evidence] {
        match self {
            Outcome::Met(e) | Outcome::NotMet(e) | Outcome::NotApplicable(e) => e,
            Outcome::Unknown { evidence, .. } => evidence,
        }
    }

    /// The inputs still missing (empty unless Unknown).
    #[must_use]
    pub fn missing(&self) -> &[InputId] {
        match self {
            Outcome::Unknown { missing, .. } => missing,
            _ => &[],
        }
    }

    /// Unknown for want of these inputs.
    #[must_use]
    pub fn unknown(missing: Vec<InputId>) -> Outcome {
        Outcome::Unknown { missing, evidence: Vec::new() }
    }
}

fn merge_missing(into: &mut Vec<InputId>, more: &[InputId]) {
    for id in more {
        if !into.contains(id) {
            into.push(*id);
        }
    }
    into.sort();
}

/// Three-valued AND: any Not met -> Not met (with the deciding evidence); else any Unknown ->
/// Unknown (naming every missing input); else Met.
#[must_use]
pub fn all_of(parts: &[&Outcome]) -> Outcome {
    let mut not_met = Vec::new();
    let mut missing = Vec::new();
    let mut met = Vec::new();
    let mut any_unknown = false;
    for part in parts {
        match part {
            Outcome::NotMet(e) => not_met.extend_from_slice(e),
            Outcome::Unknown { missing: m, .. } => {
                any_unknown = true;
                merge_missing(&mut missing, m);
            }
            Outcome::Met(e) | Outcome::NotApplicable(e) => met.extend_from_slice(e),
        }
    }
    if !not_met.is_empty() || parts.iter().any(|p| p.state() == State::NotMet) {
        Outcome::NotMet(not_met)
    } else if any_unknown {
        Outcome::Unknown { missing, evidence: met }
    } else {
        Outcome::Met(met)
    }
}

/// Three-valued OR: any Met -> Met (with the evidence of each part that is met); else any
/// Unknown -> Unknown (naming what is missing); else Not met (every part known to be no).
#[must_use]
pub fn any_of(parts: &[&Outcome]) -> Outcome {
    let mut met = Vec::new();
    let mut known_no = Vec::new();
    let mut missing = Vec::new();
    let mut any_met = false;
    let mut any_unknown = false;
    for part in parts {
        match part {
            Outcome::Met(e) => {
                any_met = true;
                met.extend_from_slice(e);
            }
            Outcome::Unknown { missing: m, evidence } => {
                any_unknown = true;
                merge_missing(&mut missing, m);
                known_no.extend_from_slice(evidence);
            }
            Outcome::NotMet(e) | Outcome::NotApplicable(e) => known_no.extend_from_slice(e),
        }
    }
    if any_met {
        Outcome::Met(met)
    } else if any_unknown {
        Outcome::Unknown { missing, evidence: known_no }
    } else {
        Outcome::NotMet(known_no)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn met() -> Outcome {
        Outcome::Met(vec![Evidence::BleedingSigns(Answer::Yes)])
    }
    fn no() -> Outcome {
        Outcome::NotMet(vec![Evidence::BleedingSigns(Answer::No)])
    }
    fn unknown(id: InputId) -> Outcome {
        Outcome::unknown(vec![id])
    }

    #[test]
    fn and_truth_table() {
        use State::*;
        let cases: &[(Outcome, Outcome, State)] = &[
            (met(), met(), Met),
            (met(), no(), NotMet),
            (no(), unknown(InputId::Inr), NotMet),
            (met(), unknown(InputId::Inr), Unknown),
            (unknown(InputId::HepatorenalSyndrome), unknown(InputId::Inr), Unknown),
        ];
        for (a, b, expected) in cases {
            assert_eq!(all_of(&[a, b]).state(), *expected, "{a:?} AND {b:?}");
            assert_eq!(all_of(&[b, a]).state(), *expected, "{b:?} AND {a:?}");
        }
    }

    #[test]
    fn or_truth_table() {
        use State::*;
        let cases: &[(Outcome, Outcome, State)] = &[
            (met(), met(), Met),
            (met(), no(), Met),
            (met(), unknown(InputId::Inr), Met),
            (no(), no(), NotMet),
            (no(), unknown(InputId::Inr), Unknown),
            (unknown(InputId::HepatorenalSyndrome), unknown(InputId::Inr), Unknown),
        ];
        for (a, b, expected) in cases {
            assert_eq!(any_of(&[a, b]).state(), *expected, "{a:?} OR {b:?}");
            assert_eq!(any_of(&[b, a]).state(), *expected, "{b:?} OR {a:?}");
        }
    }

    #[test]
    fn unknown_names_every_missing_input_once_in_form_order() {
        let a = Outcome::unknown(vec![InputId::HepatorenalSyndrome, InputId::Inr]);
        let b = Outcome::unknown(vec![InputId::Inr, InputId::Age]);
        assert_eq!(all_of(&[&a, &b]).missing(), [InputId::Age, InputId::Inr, InputId::HepatorenalSyndrome]);
    }
}
