//! The four states of a criterion, the evidence that decided it, and the three-valued logic
//! that combines parts (SPEC sections 2 and 6): Unknown is never treated as "no".

use super::date::Date;
use super::patient::{Answer, Encephalopathy, Etiology, InputSet, Willingness};
use super::protocol::EtiologyRule;
use super::units::{Bilirubin, MolarUnit};

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
        /// The unit the bilirubin was typed in: the rise is shown in it.
        unit: MolarUnit,
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
    /// Active bleeding (GI, variceal or other) as answered: a typical exclusion, never part of
    /// the bleeding tendency of I3-3 (SPEC 2, revised).
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

/// The most pieces of evidence one outcome carries: I3-3 through every route (INR, PTA, signs,
/// HE, HRS). I3 as a whole carries none of its own - its three parts carry theirs - which keeps
/// every outcome small enough to copy cheaply (measured: 8 slots gave 804k screenings/s, 5 give
/// about 960k/s).
pub const MAX_EVIDENCE: usize = 5;

/// A short list of evidence held inline, so outcomes are `Copy` and a screening allocates
/// almost nothing (the core's throughput target is a million screenings per second).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct EvidenceList {
    len: u8,
    items: [Evidence; MAX_EVIDENCE],
}

impl EvidenceList {
    /// An empty list.
    pub const EMPTY: EvidenceList = EvidenceList {
        len: 0,
        items: [Evidence::StudyTeamChecks; MAX_EVIDENCE],
    };

    /// A list of these pieces (at most [`MAX_EVIDENCE`]).
    #[must_use]
    pub fn of(items: &[Evidence]) -> EvidenceList {
        let mut list = EvidenceList::EMPTY;
        list.extend(items);
        list
    }

    /// Appends one piece; a full list keeps its first pieces (no outcome reaches the limit:
    /// see [`MAX_EVIDENCE`]).
    pub fn push(&mut self, e: Evidence) {
        if let Some(slot) = self.items.get_mut(usize::from(self.len)) {
            *slot = e;
            self.len += 1;
        }
    }

    /// Appends several pieces.
    pub fn extend(&mut self, items: &[Evidence]) {
        for e in items {
            self.push(*e);
        }
    }
}

impl std::ops::Deref for EvidenceList {
    type Target = [Evidence];
    fn deref(&self) -> &[Evidence] {
        &self.items[..usize::from(self.len)]
    }
}

/// A product decision or caution attached to a criterion, shown where it applies.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Note {
    /// I3 is met without coagulopathy (INR >= 1.5 or PTA <= 40 % entered and not reached): the
    /// 2018 guideline requires coagulopathy; the registry wording does not. The study team may
    /// apply the stricter reading. On I3-3.
    RegistryVsGuideline,
    /// I3 is met while INR (and PTA) were not entered: coagulopathy is not established - never
    /// said to be absent (SPEC 2, revised). On I3-3.
    CoagulopathyNotEntered,
    /// Active bleeding (GI, variceal or other) was answered "yes": it does not meet I3-3 (the
    /// guideline's bleeding tendency is INR / PTA), and it is a typical exclusion. On I3-3.
    ActiveBleeding,
    /// The registry's 171 umol/L stands for the guideline's ">= 10 x ULN". On I3-2.
    TbilThresholdRegistry,
    /// HBV recorded: where HBV coexists with another cause, the study team decides.
    HbvMayCoexist,
    /// The rise spans more days than the guideline's acute window.
    RiseOverLongInterval,
    /// The reported MELD is 29 or 30: within one point of the gate's edge (29.5) unrounded.
    BorderlineMeld,
    /// Stated willingness is recorded; the study team takes formal consent / confirms.
    StudyTeamConfirms,
}

impl Note {
    /// Every note, in the order shown.
    pub const ALL: [Note; 8] = [
        Note::RegistryVsGuideline,
        Note::CoagulopathyNotEntered,
        Note::ActiveBleeding,
        Note::TbilThresholdRegistry,
        Note::HbvMayCoexist,
        Note::RiseOverLongInterval,
        Note::BorderlineMeld,
        Note::StudyTeamConfirms,
    ];

    /// The note's name in the UI test contract (`data-note`).
    #[must_use]
    pub const fn contract_name(self) -> &'static str {
        match self {
            Note::RegistryVsGuideline => "registry-vs-guideline",
            Note::CoagulopathyNotEntered => "coagulopathy-not-entered",
            Note::ActiveBleeding => "active-bleeding",
            Note::TbilThresholdRegistry => "tbil-threshold-registry",
            Note::HbvMayCoexist => "hbv-may-coexist",
            Note::RiseOverLongInterval => "rise-over-long-interval",
            Note::BorderlineMeld => "borderline-meld",
            Note::StudyTeamConfirms => "study-team-confirms",
        }
    }

    const fn bit(self) -> u32 {
        1 << (self as u32)
    }
}

/// The notes attached to a criterion: a bit set, so attaching one allocates nothing. 32 bits:
/// room for the notes the planned capabilities add (a test checks each round-trips).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct NoteSet(u32);

impl NoteSet {
    /// No note.
    pub const EMPTY: NoteSet = NoteSet(0);

    /// The set of these notes.
    #[must_use]
    pub fn of(notes: &[Note]) -> NoteSet {
        let mut set = NoteSet::EMPTY;
        for n in notes {
            set.push(*n);
        }
        set
    }

    /// Adds a note.
    pub fn push(&mut self, n: Note) {
        self.0 |= n.bit();
    }

    /// Whether the note is attached.
    #[must_use]
    pub fn contains(&self, n: &Note) -> bool {
        self.0 & n.bit() != 0
    }

    /// Whether no note is attached.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.0 == 0
    }

    /// The notes in the order shown.
    pub fn iter(self) -> impl Iterator<Item = Note> {
        Note::ALL.into_iter().filter(move |n| self.contains(n))
    }
}

/// The state of a criterion, carrying its reasons.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Outcome {
    /// The criterion is met; the evidence that shows it.
    Met(EvidenceList),
    /// The criterion is not met; the evidence that decided it.
    NotMet(EvidenceList),
    /// Not decidable yet: the inputs still missing (form order), and the facts known so far.
    Unknown {
        /// Missing or rejected inputs.
        missing: InputSet,
        /// Facts already known.
        evidence: EvidenceList,
    },
    /// Does not apply (e.g. I4 in Phase I).
    NotApplicable(EvidenceList),
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
    pub fn missing(&self) -> InputSet {
        match self {
            Outcome::Unknown { missing, .. } => *missing,
            _ => InputSet::EMPTY,
        }
    }

    /// Unknown for want of these inputs.
    #[must_use]
    pub fn unknown(missing: InputSet) -> Outcome {
        Outcome::Unknown {
            missing,
            evidence: EvidenceList::EMPTY,
        }
    }

    /// Met, shown by these facts.
    #[must_use]
    pub fn met(evidence: &[Evidence]) -> Outcome {
        Outcome::Met(EvidenceList::of(evidence))
    }

    /// Not met, decided by these facts.
    #[must_use]
    pub fn not_met(evidence: &[Evidence]) -> Outcome {
        Outcome::NotMet(EvidenceList::of(evidence))
    }
}

/// Three-valued AND: any Not met -> Not met; else any Unknown -> Unknown (naming every missing
/// input); else Met. The combined outcome carries no evidence of its own: the parts keep theirs
/// (the widget shows them under the whole; see [`deciding_evidence`]).
#[must_use]
pub fn all_of(parts: &[&Outcome]) -> Outcome {
    let mut missing = InputSet::EMPTY;
    let mut any_unknown = false;
    for part in parts {
        match part {
            Outcome::NotMet(_) => return Outcome::NotMet(EvidenceList::EMPTY),
            Outcome::Unknown { missing: m, .. } => {
                any_unknown = true;
                missing = missing.union(*m);
            }
            Outcome::Met(_) | Outcome::NotApplicable(_) => {}
        }
    }
    if any_unknown {
        Outcome::unknown(missing)
    } else {
        Outcome::Met(EvidenceList::EMPTY)
    }
}

/// The evidence that decided an outcome: its own, or - for a combination such as I3 - that of
/// its parts in the same state.
#[must_use]
pub fn deciding_evidence(whole: &Outcome, parts: &[&Outcome]) -> Vec<Evidence> {
    if !whole.evidence().is_empty() {
        return whole.evidence().to_vec();
    }
    parts
        .iter()
        .filter(|p| p.state() == whole.state())
        .flat_map(|p| p.evidence().iter().copied())
        .collect()
}

/// Three-valued OR: any Met -> Met (with the evidence of each part that is met); else any
/// Unknown -> Unknown (naming what is missing); else Not met (every part known to be no).
#[must_use]
pub fn any_of(parts: &[&Outcome]) -> Outcome {
    let mut met = EvidenceList::EMPTY;
    let mut known_no = EvidenceList::EMPTY;
    let mut missing = InputSet::EMPTY;
    let mut any_met = false;
    let mut any_unknown = false;
    for part in parts {
        match part {
            Outcome::Met(e) => {
                any_met = true;
                met.extend(e);
            }
            Outcome::Unknown {
                missing: m,
                evidence,
            } => {
                any_unknown = true;
                missing = missing.union(*m);
                known_no.extend(evidence);
            }
            Outcome::NotMet(e) | Outcome::NotApplicable(e) => known_no.extend(e),
        }
    }
    if any_met {
        Outcome::Met(met)
    } else if any_unknown {
        Outcome::Unknown {
            missing,
            evidence: known_no,
        }
    } else {
        Outcome::NotMet(known_no)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clinical::patient::InputId;

    fn met() -> Outcome {
        Outcome::met(&[Evidence::BleedingSigns(Answer::Yes)])
    }
    fn no() -> Outcome {
        Outcome::not_met(&[Evidence::BleedingSigns(Answer::No)])
    }
    fn unknown(id: InputId) -> Outcome {
        Outcome::unknown(InputSet::of(&[id]))
    }

    #[test]
    fn and_truth_table() {
        use State::*;
        let cases: &[(Outcome, Outcome, State)] = &[
            (met(), met(), Met),
            (met(), no(), NotMet),
            (no(), unknown(InputId::Inr), NotMet),
            (met(), unknown(InputId::Inr), Unknown),
            (
                unknown(InputId::HepatorenalSyndrome),
                unknown(InputId::Inr),
                Unknown,
            ),
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
            (
                unknown(InputId::HepatorenalSyndrome),
                unknown(InputId::Inr),
                Unknown,
            ),
        ];
        for (a, b, expected) in cases {
            assert_eq!(any_of(&[a, b]).state(), *expected, "{a:?} OR {b:?}");
            assert_eq!(any_of(&[b, a]).state(), *expected, "{b:?} OR {a:?}");
        }
    }

    #[test]
    fn unknown_names_every_missing_input_once_in_form_order() {
        let a = Outcome::unknown(InputSet::of(&[InputId::HepatorenalSyndrome, InputId::Inr]));
        let b = Outcome::unknown(InputSet::of(&[InputId::Inr, InputId::Age]));
        assert_eq!(
            all_of(&[&a, &b]).missing().to_vec(),
            [InputId::Age, InputId::Inr, InputId::HepatorenalSyndrome]
        );
    }

    #[test]
    fn a_combination_is_decided_by_the_evidence_of_its_parts() {
        let whole = all_of(&[&met(), &no()]);
        assert!(whole.evidence().is_empty());
        assert_eq!(
            deciding_evidence(&whole, &[&met(), &no()]),
            [Evidence::BleedingSigns(Answer::No)]
        );
    }

    #[test]
    fn every_note_round_trips_through_a_set() {
        assert!(Note::ALL.len() <= 32, "NoteSet holds 32 notes");
        for (i, n) in Note::ALL.iter().enumerate() {
            assert_eq!(*n as usize, i, "{n:?} is listed in declaration order");
            let set = NoteSet::of(&[*n]);
            assert_eq!(set.iter().collect::<Vec<_>>(), [*n]);
        }
        let all = NoteSet::of(&Note::ALL);
        assert_eq!(all.iter().collect::<Vec<_>>(), Note::ALL);
        let names: std::collections::HashSet<_> =
            Note::ALL.iter().map(|n| n.contract_name()).collect();
        assert_eq!(names.len(), Note::ALL.len());
    }

    #[test]
    fn evidence_list_holds_up_to_its_capacity() {
        let mut l = EvidenceList::EMPTY;
        for i in 0..10 {
            l.push(Evidence::Age { years: i, min: 18 });
        }
        assert_eq!(l.len(), MAX_EVIDENCE);
        assert_eq!(l[0], Evidence::Age { years: 0, min: 18 });
    }
}
