//! What the referrer knows about the patient: the inputs in form order, the answers to the
//! choice questions, and the typed facts the rules are evaluated on.
//!
//! Every fact is an `Option`: `None` means missing (or rejected), which makes whatever depends
//! on it Unknown - never "no".

use super::date::Date;
use super::units::{
    Age, Albumin, Bilirubin, Creatinine, Fio2, Inr, Lactate, MeanArterialPressure, Pao2, Pta,
    Sodium, Spo2, Wbc,
};

/// Every input of the form, declared in form order: sorting a list of inputs puts it in the
/// order the user meets them ("enter next").
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum InputId {
    /// Age in whole years.
    Age,
    /// Sex (MELD 3.0).
    Sex,
    /// Cause of the liver failure.
    Etiology,
    /// Underlying chronic liver disease.
    ChronicLiverDisease,
    /// Latest total bilirubin.
    Tbil,
    /// Date of the latest total bilirubin.
    TbilDate,
    /// An earlier total bilirubin (for the daily rise).
    TbilEarlier,
    /// Date of the earlier total bilirubin.
    TbilEarlierDate,
    /// INR.
    Inr,
    /// Prothrombin activity.
    Pta,
    /// Serum creatinine.
    Creatinine,
    /// Dialysis in the past 7 days (a checkbox: never missing).
    Dialysis,
    /// Serum sodium.
    Sodium,
    /// Serum albumin.
    Albumin,
    /// Hepatic encephalopathy.
    HepaticEncephalopathy,
    /// West Haven grade of hepatic encephalopathy.
    HeGrade,
    /// Hepatorenal syndrome.
    HepatorenalSyndrome,
    /// Clinical bleeding signs.
    BleedingSigns,
    /// White blood cell count (severity context).
    Wbc,
    /// Mean arterial pressure (severity context).
    Map,
    /// Any vasopressor or inotrope (a checkbox: never missing; severity context).
    Vasopressors,
    /// Arterial oxygen partial pressure (severity context).
    Pao2,
    /// Peripheral oxygen saturation (severity context; used without a PaO2).
    Spo2,
    /// Inspired oxygen, % (severity context).
    Fio2,
    /// Blood lactate (severity context, AARC).
    Lactate,
    /// Stated willingness to be referred and consider the trial (I1).
    Consent,
    /// Stated willingness to avoid conception (I6).
    Contraception,
}

impl InputId {
    /// Every input, in form order.
    pub const ALL: [InputId; 27] = [
        InputId::Age,
        InputId::Sex,
        InputId::Etiology,
        InputId::ChronicLiverDisease,
        InputId::Tbil,
        InputId::TbilDate,
        InputId::TbilEarlier,
        InputId::TbilEarlierDate,
        InputId::Inr,
        InputId::Pta,
        InputId::Creatinine,
        InputId::Dialysis,
        InputId::Sodium,
        InputId::Albumin,
        InputId::HepaticEncephalopathy,
        InputId::HeGrade,
        InputId::HepatorenalSyndrome,
        InputId::BleedingSigns,
        InputId::Wbc,
        InputId::Map,
        InputId::Vasopressors,
        InputId::Pao2,
        InputId::Spo2,
        InputId::Fio2,
        InputId::Lactate,
        InputId::Consent,
        InputId::Contraception,
    ];

    const fn bit(self) -> u64 {
        1 << (self as u64)
    }
}

// Every input must have its bit in `InputSet`'s u64.
const _: () = assert!(InputId::ALL.len() <= u64::BITS as usize);

/// A set of inputs, always read in form order ("enter next"). A bit set: copying it allocates
/// nothing, which keeps a whole screening allocation-light (the core's throughput target).
/// 64 bits: room for every input planned (the severity context adds seven); a test checks
/// that every input fits and round-trips.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct InputSet(u64);

impl InputSet {
    /// No input.
    pub const EMPTY: InputSet = InputSet(0);

    /// The set of these inputs.
    #[must_use]
    pub fn of(ids: &[InputId]) -> InputSet {
        ids.iter().fold(InputSet::EMPTY, |s, id| s.with(*id))
    }

    /// This set plus one input.
    #[must_use]
    pub const fn with(self, id: InputId) -> InputSet {
        InputSet(self.0 | id.bit())
    }

    /// Adds one input.
    pub fn insert(&mut self, id: InputId) {
        self.0 |= id.bit();
    }

    /// Both sets together.
    #[must_use]
    pub const fn union(self, other: InputSet) -> InputSet {
        InputSet(self.0 | other.0)
    }

    /// Whether the input is in the set.
    #[must_use]
    pub const fn contains(self, id: InputId) -> bool {
        self.0 & id.bit() != 0
    }

    /// Whether the set is empty.
    #[must_use]
    pub const fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// The inputs in form order.
    pub fn iter(self) -> impl Iterator<Item = InputId> {
        InputId::ALL
            .into_iter()
            .filter(move |id| self.contains(*id))
    }

    /// The inputs in form order, as a vector.
    #[must_use]
    pub fn to_vec(self) -> Vec<InputId> {
        self.iter().collect()
    }
}

/// Sex, for the MELD 3.0 female term.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Sex {
    /// Male.
    Male,
    /// Female: MELD 3.0 adds 1.33.
    Female,
}

/// Cause of the liver failure, as the referrer records it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Etiology {
    /// Hepatitis B virus (also chosen when HBV coexists with another cause).
    Hbv,
    /// Hepatitis C virus.
    Hcv,
    /// Alcohol-related liver disease.
    Alcohol,
    /// Autoimmune liver disease.
    Autoimmune,
    /// Drug-induced liver injury.
    DrugInduced,
    /// Another known cause.
    Other,
    /// Cause not (yet) known: Unknown where the cause matters.
    Unknown,
}

/// A yes / no answer that may also be "unknown" (the clinician does not know).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Answer {
    /// Known to be present / true.
    Yes,
    /// Known to be absent / false.
    No,
    /// The clinician does not know: treated exactly like a missing answer.
    Unknown,
}

/// The patient's stated willingness, which the study team confirms (I1, I6).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Willingness {
    /// The patient says yes.
    Yes,
    /// The patient says no: the criterion is Not met.
    No,
    /// Not yet asked: left to the study team.
    NotAsked,
}

/// Hepatic encephalopathy as recorded.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encephalopathy {
    /// No hepatic encephalopathy.
    Absent,
    /// Present, with the West Haven grade 1-4 if given (present without grade still counts).
    Present(Option<u8>),
}

/// The typed facts the rules are evaluated on. `None` = missing or rejected.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Patient {
    /// Age in whole years.
    pub age: Option<Age>,
    /// Sex.
    pub sex: Option<Sex>,
    /// Cause of the liver failure.
    pub etiology: Option<Etiology>,
    /// Underlying chronic liver disease.
    pub chronic_liver_disease: Option<Answer>,
    /// Latest total bilirubin.
    pub tbil: Option<Bilirubin>,
    /// Its date.
    pub tbil_date: Option<Date>,
    /// Earlier total bilirubin, in the same unit as the latest.
    pub tbil_earlier: Option<Bilirubin>,
    /// Its date.
    pub tbil_earlier_date: Option<Date>,
    /// INR.
    pub inr: Option<Inr>,
    /// Prothrombin activity (optional for the bleeding tendency).
    pub pta: Option<Pta>,
    /// Creatinine.
    pub creatinine: Option<Creatinine>,
    /// Dialysis at least twice, or 24 h of CVVHD, in the past 7 days (checkbox; unchecked = no).
    pub dialysis: bool,
    /// Sodium.
    pub sodium: Option<Sodium>,
    /// Albumin.
    pub albumin: Option<Albumin>,
    /// Hepatic encephalopathy.
    pub encephalopathy: Option<Encephalopathy>,
    /// Hepatorenal syndrome.
    pub hepatorenal_syndrome: Option<Answer>,
    /// Clinical bleeding signs.
    pub bleeding_signs: Option<Answer>,
    /// White blood cell count.
    pub wbc: Option<Wbc>,
    /// Mean arterial pressure.
    pub map: Option<MeanArterialPressure>,
    /// Any vasopressor or inotrope, whatever the indication (checkbox; unchecked = no).
    pub vasopressors: bool,
    /// Arterial oxygen partial pressure.
    pub pao2: Option<Pao2>,
    /// Peripheral oxygen saturation.
    pub spo2: Option<Spo2>,
    /// Inspired oxygen, %.
    pub fio2: Option<Fio2>,
    /// Blood lactate.
    pub lactate: Option<Lactate>,
    /// Stated willingness to be referred (I1).
    pub consent: Option<Willingness>,
    /// Stated willingness to avoid conception (I6).
    pub contraception: Option<Willingness>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn input_ids_are_listed_in_declaration_order() {
        for (i, id) in InputId::ALL.iter().enumerate() {
            assert_eq!(*id as usize, i, "{id:?}");
        }
    }

    #[test]
    fn every_input_round_trips_through_a_set() {
        assert!(InputId::ALL.len() <= 64, "InputSet holds 64 inputs");
        for id in InputId::ALL {
            let set = InputSet::EMPTY.with(id);
            assert_eq!(set.to_vec(), [id], "{id:?}");
            for other in InputId::ALL.iter().filter(|o| **o != id) {
                assert!(!set.contains(*other), "{id:?} leaks into {other:?}");
            }
        }
        let all = InputSet::of(&InputId::ALL);
        assert_eq!(all.to_vec(), InputId::ALL);
    }

    #[test]
    fn severity_inputs_follow_the_complications_and_precede_the_willingness() {
        assert!(InputId::BleedingSigns < InputId::Wbc);
        assert!(InputId::Lactate < InputId::Consent);
    }

    #[test]
    fn input_sets_iterate_in_form_order_whatever_the_insertion_order() {
        let s = InputSet::of(&[
            InputId::BleedingSigns,
            InputId::Age,
            InputId::Inr,
            InputId::Age,
        ]);
        assert_eq!(
            s.to_vec(),
            [InputId::Age, InputId::Inr, InputId::BleedingSigns]
        );
        assert!(s.contains(InputId::Inr) && !s.contains(InputId::Sex));
        assert!(InputSet::EMPTY.is_empty());
        assert_eq!(
            s.union(InputSet::of(&[InputId::Sex])).to_vec()[1],
            InputId::Sex
        );
    }
}
