//! What the referrer knows about the patient: the inputs in form order, the answers to the
//! choice questions, and the typed facts the rules are evaluated on.
//!
//! Every fact is an `Option`: `None` means missing (or rejected), which makes whatever depends
//! on it Unknown - never "no".

use super::date::Date;
use super::units::{Age, Albumin, Bilirubin, Creatinine, Inr, Pta, Sodium};

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
    /// Stated willingness to be referred and consider the trial (I1).
    Consent,
    /// Stated willingness to avoid conception (I6).
    Contraception,
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
    /// Stated willingness to be referred (I1).
    pub consent: Option<Willingness>,
    /// Stated willingness to avoid conception (I6).
    pub contraception: Option<Willingness>,
}
