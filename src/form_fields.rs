//! The form as data: its controls in the order a referral letter is read (patient, liver
//! disease, labs, complications, the patient's stated willingness), what kind of control each
//! is, and how each control's value goes in and out of [`FormInput`]. Pure and compiled on
//! both targets, so that the table is tested natively; `ui::form_view` builds one Leptos
//! component per kind of control from it. Option values are the UI test contract's.

use crate::clinical::form::FormInput;
use crate::clinical::patient::{Answer, Etiology, InputId, InputId as I, Sex, Willingness};
use crate::clinical::units::{AlbuminUnit, FieldUnit, MolarUnit, PressureUnit};
use crate::i18n::{Key, Lang};
use crate::report::render::unit_symbol;

/// One control of the form: an input of the core, or the unit selector beside a lab value. Its
/// `data-testid` is [`Slot::testid`], its element id `aclf-<testid>`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Slot {
    /// The control of an input.
    Input(InputId),
    /// Unit of both bilirubin values.
    TbilUnit,
    /// Creatinine unit.
    CreatinineUnit,
    /// Albumin unit.
    AlbuminUnit,
    /// PaO2 unit (mmHg or kPa).
    Pao2Unit,
}

/// An option: its value (the test contract's) and its label.
pub type Choice = (&'static str, Key);

const SEX: &[Choice] = &[("male", Key::Male), ("female", Key::Female)];
const ETIOLOGY: &[Choice] = &[
    ("hbv", Key::Etiology(Etiology::Hbv)),
    ("hcv", Key::Etiology(Etiology::Hcv)),
    ("alcohol", Key::Etiology(Etiology::Alcohol)),
    ("autoimmune", Key::Etiology(Etiology::Autoimmune)),
    ("drug", Key::Etiology(Etiology::DrugInduced)),
    ("other", Key::Etiology(Etiology::Other)),
    ("unknown", Key::Etiology(Etiology::Unknown)),
];
const YES_NO_UNKNOWN: &[Choice] = &[
    ("yes", Key::Yes),
    ("no", Key::No),
    ("unknown", Key::DontKnow),
];
const ABSENT_PRESENT: &[Choice] = &[("absent", Key::Absent), ("present", Key::Present)];
const NO_YES: &[Choice] = &[("no", Key::No), ("yes", Key::Yes)];
const WILLINGNESS: &[Choice] = &[
    ("yes", Key::Yes),
    ("no", Key::No),
    ("not-asked", Key::NotAsked),
];
pub const GRADES: [&str; 4] = ["1", "2", "3", "4"];
/// (value, symbol shown): unit symbols are the same in both languages.
pub const MOLAR_UNITS: &[(&str, &str)] = &[("umol/L", "µmol/L"), ("mg/dL", "mg/dL")];
pub const ALBUMIN_UNITS: &[(&str, &str)] = &[("g/L", "g/L"), ("g/dL", "g/dL")];
pub const PRESSURE_UNITS: &[(&str, &str)] = &[("mmHg", "mmHg"), ("kPa", "kPa")];

/// The unit selector a value's field uses (bilirubin values share one), if it has one.
#[must_use]
pub fn unit_slot_of(input: InputId) -> Option<Slot> {
    match input {
        I::Tbil | I::TbilEarlier => Some(Slot::TbilUnit),
        I::Creatinine => Some(Slot::CreatinineUnit),
        I::Albumin => Some(Slot::AlbuminUnit),
        I::Pao2 => Some(Slot::Pao2Unit),
        _ => None,
    }
}

/// A unit as its selector's option value (the test contract's).
#[must_use]
pub fn unit_value(unit: FieldUnit) -> Option<&'static str> {
    match unit {
        FieldUnit::UmolPerL => Some("umol/L"),
        FieldUnit::MgPerDl => Some("mg/dL"),
        FieldUnit::GPerL => Some("g/L"),
        FieldUnit::GPerDl => Some("g/dL"),
        FieldUnit::MmHg => Some("mmHg"),
        FieldUnit::KPa => Some("kPa"),
        _ => None,
    }
}

/// What a control is.
#[derive(Clone, Copy)]
pub enum Control {
    /// A text field for a number (`inputmode="decimal"`, so that the core's parser sees exactly
    /// what was typed), with what follows it.
    Number(After),
    /// `<input type=date>` (YYYY-MM-DD), no later than today.
    Date,
    /// A select; `placeholder`: an empty first option means unanswered (Unknown).
    Select(&'static [Choice], bool),
    /// West Haven grade: options "Grade 1" ... "Grade 4".
    Grade,
    /// A checkbox (its label follows it).
    Checkbox,
}

/// What follows a number field.
#[derive(Clone, Copy)]
pub enum After {
    /// Nothing.
    Nothing,
    /// A fixed unit.
    Unit(&'static str),
    /// A unit selector (its own slot).
    UnitSelect(Slot, &'static [(&'static str, &'static str)]),
    /// The latest bilirubin's unit, which the earlier value is read in.
    LatestTbilUnit,
    /// "%" and a button that writes 21 into the field (FiO2 on room air; never a default).
    RoomAir,
}

/// A labelled control with its hint.
#[derive(Clone, Copy)]
pub struct Field {
    /// The core's input.
    pub input: InputId,
    /// What kind of control it is.
    pub control: Control,
    /// The hint under it (`aclf-hint-<testid>`).
    pub hint: Option<Key>,
}

const fn field(input: InputId, control: Control, hint: Option<Key>) -> Field {
    Field {
        input,
        control,
        hint,
    }
}

impl Section {
    /// The test id of a section shown collapsed (`<details>`): the optional severity context.
    #[must_use]
    pub fn collapsed(&self) -> Option<&'static str> {
        matches!(self.legend, Key::SectionSeverity).then_some("severity")
    }
}

impl Field {
    /// The field's control.
    #[must_use]
    pub fn slot(&self) -> Slot {
        Slot::Input(self.input)
    }
}

/// A fieldset: legend, optional hint, rows of one or two fields (two: side by side).
pub struct Section {
    /// The legend.
    pub legend: Key,
    /// A hint under the legend.
    pub hint: Option<Key>,
    /// Rows of one or two fields.
    pub rows: &'static [&'static [Field]],
}

const MOLAR_TBIL: After = After::UnitSelect(Slot::TbilUnit, MOLAR_UNITS);
const MOLAR_CREATININE: After = After::UnitSelect(Slot::CreatinineUnit, MOLAR_UNITS);
const ALBUMIN: After = After::UnitSelect(Slot::AlbuminUnit, ALBUMIN_UNITS);
const PRESSURE: After = After::UnitSelect(Slot::Pao2Unit, PRESSURE_UNITS);

/// The form, in referral-letter order.
pub const SECTIONS: &[Section] = &[
    Section {
        legend: Key::SectionPatient,
        hint: None,
        rows: &[
            &[field(InputId::Age, Control::Number(After::Nothing), None)],
            &[field(
                InputId::Sex,
                Control::Select(SEX, true),
                Some(Key::HintMeld3Only),
            )],
        ],
    },
    Section {
        legend: Key::SectionLiver,
        hint: None,
        rows: &[
            &[field(
                InputId::Etiology,
                Control::Select(ETIOLOGY, true),
                Some(Key::HintEtiology),
            )],
            &[field(
                InputId::ChronicLiverDisease,
                Control::Select(YES_NO_UNKNOWN, true),
                None,
            )],
        ],
    },
    Section {
        legend: Key::SectionLabs,
        hint: None,
        rows: &[
            &[
                field(InputId::Tbil, Control::Number(MOLAR_TBIL), None),
                field(InputId::TbilDate, Control::Date, Some(Key::HintTbilDate)),
            ],
            &[
                field(
                    InputId::TbilEarlier,
                    Control::Number(After::LatestTbilUnit),
                    Some(Key::HintTbilEarlier),
                ),
                field(InputId::TbilEarlierDate, Control::Date, None),
            ],
            &[
                field(InputId::Inr, Control::Number(After::Nothing), None),
                field(
                    InputId::Pta,
                    Control::Number(After::Unit("%")),
                    Some(Key::HintPta),
                ),
            ],
            &[field(
                InputId::Creatinine,
                Control::Number(MOLAR_CREATININE),
                None,
            )],
            &[field(
                InputId::Dialysis,
                Control::Checkbox,
                Some(Key::HintDialysis),
            )],
            &[
                field(
                    InputId::Sodium,
                    Control::Number(After::Unit("mmol/L")),
                    None,
                ),
                field(
                    InputId::Albumin,
                    Control::Number(ALBUMIN),
                    Some(Key::HintMeld3Only),
                ),
            ],
        ],
    },
    Section {
        legend: Key::SectionComplications,
        hint: None,
        rows: &[
            &[
                field(
                    InputId::HepaticEncephalopathy,
                    Control::Select(ABSENT_PRESENT, true),
                    None,
                ),
                field(InputId::HeGrade, Control::Grade, None),
            ],
            &[field(
                InputId::HepatorenalSyndrome,
                Control::Select(ABSENT_PRESENT, true),
                Some(Key::HintHrs),
            )],
            &[field(
                InputId::BleedingSigns,
                Control::Select(NO_YES, true),
                Some(Key::HintBleedingSigns),
            )],
        ],
    },
    // SPEC section 11: context only. The shell may present it collapsed (`severity`).
    Section {
        legend: Key::SectionSeverity,
        hint: Some(Key::SeverityHint),
        rows: &[
            &[
                field(InputId::Wbc, Control::Number(After::Unit("×10⁹/L")), None),
                field(InputId::Map, Control::Number(After::Unit("mmHg")), None),
            ],
            &[field(
                InputId::Vasopressors,
                Control::Checkbox,
                Some(Key::HintVasopressors),
            )],
            &[
                field(InputId::Pao2, Control::Number(PRESSURE), None),
                field(
                    InputId::Spo2,
                    Control::Number(After::Unit("%")),
                    Some(Key::HintSpo2),
                ),
            ],
            &[
                field(
                    InputId::Fio2,
                    Control::Number(After::RoomAir),
                    Some(Key::HintFio2),
                ),
                field(
                    InputId::Lactate,
                    Control::Number(After::Unit("mmol/L")),
                    None,
                ),
            ],
        ],
    },
    Section {
        legend: Key::SectionWillingness,
        hint: Some(Key::WillingnessHint),
        rows: &[
            &[field(
                InputId::Consent,
                Control::Select(WILLINGNESS, true),
                None,
            )],
            &[field(
                InputId::Contraception,
                Control::Select(WILLINGNESS, true),
                None,
            )],
        ],
    },
];

/// Every control, in form order (a unit selector right after its value). A plain list: the
/// iterator over the table that a test checks it against cost 0.7 KB of brotli'd wasm.
pub const SLOTS: [Slot; 31] = [
    Slot::Input(I::Age),
    Slot::Input(I::Sex),
    Slot::Input(I::Etiology),
    Slot::Input(I::ChronicLiverDisease),
    Slot::Input(I::Tbil),
    Slot::TbilUnit,
    Slot::Input(I::TbilDate),
    Slot::Input(I::TbilEarlier),
    Slot::Input(I::TbilEarlierDate),
    Slot::Input(I::Inr),
    Slot::Input(I::Pta),
    Slot::Input(I::Creatinine),
    Slot::CreatinineUnit,
    Slot::Input(I::Dialysis),
    Slot::Input(I::Sodium),
    Slot::Input(I::Albumin),
    Slot::AlbuminUnit,
    Slot::Input(I::HepaticEncephalopathy),
    Slot::Input(I::HeGrade),
    Slot::Input(I::HepatorenalSyndrome),
    Slot::Input(I::BleedingSigns),
    Slot::Input(I::Wbc),
    Slot::Input(I::Map),
    Slot::Input(I::Vasopressors),
    Slot::Input(I::Pao2),
    Slot::Pao2Unit,
    Slot::Input(I::Spo2),
    Slot::Input(I::Fio2),
    Slot::Input(I::Lactate),
    Slot::Input(I::Consent),
    Slot::Input(I::Contraception),
];

/// Every labelled field, in form order.
fn fields() -> impl Iterator<Item = &'static Field> {
    SECTIONS
        .iter()
        .flat_map(|s| s.rows.iter().copied().flatten())
}

fn option_value<T: Copy + PartialEq>(table: &[(&'static str, T)], v: Option<T>) -> &'static str {
    table
        .iter()
        .find(|(_, t)| Some(*t) == v)
        .map_or("", |(value, _)| value)
}

fn option_from<T: Copy>(table: &[(&'static str, T)], v: &str) -> Option<T> {
    table.iter().find(|(value, _)| *value == v).map(|(_, t)| *t)
}

const SEX_VALUES: &[(&str, Sex)] = &[("male", Sex::Male), ("female", Sex::Female)];
const ANSWER_VALUES: &[(&str, Answer)] = &[
    ("yes", Answer::Yes),
    ("no", Answer::No),
    ("unknown", Answer::Unknown),
];
const PRESENCE_VALUES: &[(&str, Answer)] = &[("present", Answer::Yes), ("absent", Answer::No)];
const HE_VALUES: &[(&str, bool)] = &[("present", true), ("absent", false)];
const WILLINGNESS_VALUES: &[(&str, Willingness)] = &[
    ("yes", Willingness::Yes),
    ("no", Willingness::No),
    ("not-asked", Willingness::NotAsked),
];
const MOLAR_VALUES: &[(&str, MolarUnit)] = &[
    ("umol/L", MolarUnit::UmolPerL),
    ("mg/dL", MolarUnit::MgPerDl),
];
const ALBUMIN_VALUES: &[(&str, AlbuminUnit)] =
    &[("g/L", AlbuminUnit::GPerL), ("g/dL", AlbuminUnit::GPerDl)];
const PRESSURE_VALUES: &[(&str, PressureUnit)] =
    &[("mmHg", PressureUnit::MmHg), ("kPa", PressureUnit::KPa)];
const GRADE_VALUES: &[(&str, u8)] = &[("1", 1), ("2", 2), ("3", 3), ("4", 4)];

fn etiology_values() -> impl Iterator<Item = (&'static str, Etiology)> {
    ETIOLOGY.iter().filter_map(|(v, k)| match k {
        Key::Etiology(e) => Some((*v, *e)),
        _ => None,
    })
}

impl Slot {
    /// The control's `data-testid` (test contract); its element id is `aclf-<testid>`.
    #[must_use]
    pub fn testid(self) -> &'static str {
        match self {
            Slot::Input(input) => match input {
                I::Age => "age",
                I::Sex => "sex",
                I::Etiology => "etiology",
                I::ChronicLiverDisease => "chronic",
                I::Tbil => "tbil",
                I::TbilDate => "tbil-date",
                I::TbilEarlier => "tbil-earlier",
                I::TbilEarlierDate => "tbil-earlier-date",
                I::Inr => "inr",
                I::Pta => "pta",
                I::Creatinine => "creatinine",
                I::Dialysis => "dialysis",
                I::Sodium => "sodium",
                I::Albumin => "albumin",
                I::HepaticEncephalopathy => "he",
                I::HeGrade => "he-grade",
                I::HepatorenalSyndrome => "hrs",
                I::BleedingSigns => "bleeding-signs",
                I::Wbc => "wbc",
                I::Map => "map",
                I::Vasopressors => "vasopressors",
                I::Pao2 => "pao2",
                I::Spo2 => "spo2",
                I::Fio2 => "fio2",
                I::Lactate => "lactate",
                I::Consent => "consent",
                I::Contraception => "contraception",
            },
            Slot::TbilUnit => "tbil-unit",
            Slot::CreatinineUnit => "creatinine-unit",
            Slot::AlbuminUnit => "albumin-unit",
            Slot::Pao2Unit => "pao2-unit",
        }
    }

    /// The slot of a control's element id (`aclf-<testid>`), as events report it.
    #[must_use]
    pub fn from_element_id(id: &str) -> Option<Slot> {
        let testid = id.strip_prefix("aclf-")?;
        SLOTS.into_iter().find(|s| s.testid() == testid)
    }

    fn field(self) -> Option<&'static Field> {
        fields().find(|f| f.slot() == self)
    }

    /// Whether the control is a checkbox (its value is `checked`, not `value`).
    #[must_use]
    pub fn is_checkbox(self) -> bool {
        self.field()
            .is_some_and(|f| matches!(f.control, Control::Checkbox))
    }

    /// The input the core reports messages for, if this control is a typed number or date.
    #[must_use]
    pub fn validated(self) -> Option<InputId> {
        self.field()
            .filter(|f| matches!(f.control, Control::Number(_) | Control::Date))
            .map(|f| f.input)
    }

    /// Whether the control has a hint (`aclf-hint-<testid>`), which it names in
    /// `aria-describedby`.
    #[must_use]
    pub fn has_hint(self) -> bool {
        self.field().is_some_and(|f| f.hint.is_some())
    }

    /// The control's value as the control holds it: text as typed, an option's value ("" =
    /// unanswered), a checkbox as "on" or "".
    #[must_use]
    pub fn get(self, f: &FormInput) -> String {
        let choice = match self {
            Slot::Input(I::Age) => return f.age.clone(),
            Slot::Input(I::Tbil) => return f.tbil.clone(),
            Slot::Input(I::TbilDate) => return f.tbil_date.clone(),
            Slot::Input(I::TbilEarlier) => return f.tbil_earlier.clone(),
            Slot::Input(I::TbilEarlierDate) => return f.tbil_earlier_date.clone(),
            Slot::Input(I::Inr) => return f.inr.clone(),
            Slot::Input(I::Pta) => return f.pta.clone(),
            Slot::Input(I::Creatinine) => return f.creatinine.clone(),
            Slot::Input(I::Sodium) => return f.sodium.clone(),
            Slot::Input(I::Albumin) => return f.albumin.clone(),
            Slot::Input(I::Wbc) => return f.wbc.clone(),
            Slot::Input(I::Map) => return f.map.clone(),
            Slot::Input(I::Pao2) => return f.pao2.clone(),
            Slot::Input(I::Spo2) => return f.spo2.clone(),
            Slot::Input(I::Fio2) => return f.fio2.clone(),
            Slot::Input(I::Lactate) => return f.lactate.clone(),
            Slot::Input(I::Dialysis) => checked(f.dialysis),
            Slot::Input(I::Vasopressors) => checked(f.vasopressors),
            Slot::Input(I::Sex) => option_value(SEX_VALUES, f.sex),
            Slot::Input(I::Etiology) => etiology_values()
                .find(|(_, e)| Some(*e) == f.etiology)
                .map_or("", |(v, _)| v),
            Slot::Input(I::ChronicLiverDisease) => {
                option_value(ANSWER_VALUES, f.chronic_liver_disease)
            }
            Slot::Input(I::HepaticEncephalopathy) => option_value(HE_VALUES, f.encephalopathy),
            Slot::Input(I::HeGrade) => option_value(GRADE_VALUES, f.he_grade),
            Slot::Input(I::HepatorenalSyndrome) => {
                option_value(PRESENCE_VALUES, f.hepatorenal_syndrome)
            }
            Slot::Input(I::BleedingSigns) => option_value(ANSWER_VALUES, f.bleeding_signs),
            Slot::Input(I::Consent) => option_value(WILLINGNESS_VALUES, f.consent),
            Slot::Input(I::Contraception) => option_value(WILLINGNESS_VALUES, f.contraception),
            Slot::TbilUnit => option_value(MOLAR_VALUES, Some(f.tbil_unit)),
            Slot::CreatinineUnit => option_value(MOLAR_VALUES, Some(f.creatinine_unit)),
            Slot::AlbuminUnit => option_value(ALBUMIN_VALUES, Some(f.albumin_unit)),
            Slot::Pao2Unit => option_value(PRESSURE_VALUES, Some(f.pao2_unit)),
        };
        choice.to_string()
    }

    /// Stores what the control holds (see [`Slot::get`]). An unknown option value unanswers a
    /// choice; a unit selector keeps a unit.
    pub fn set(self, f: &mut FormInput, v: &str) {
        let text = v.to_string();
        match self {
            Slot::Input(I::Age) => f.age = text,
            Slot::Input(I::Tbil) => f.tbil = text,
            Slot::Input(I::TbilDate) => f.tbil_date = text,
            Slot::Input(I::TbilEarlier) => f.tbil_earlier = text,
            Slot::Input(I::TbilEarlierDate) => f.tbil_earlier_date = text,
            Slot::Input(I::Inr) => f.inr = text,
            Slot::Input(I::Pta) => f.pta = text,
            Slot::Input(I::Creatinine) => f.creatinine = text,
            Slot::Input(I::Sodium) => f.sodium = text,
            Slot::Input(I::Albumin) => f.albumin = text,
            Slot::Input(I::Wbc) => f.wbc = text,
            Slot::Input(I::Map) => f.map = text,
            Slot::Input(I::Pao2) => f.pao2 = text,
            Slot::Input(I::Spo2) => f.spo2 = text,
            Slot::Input(I::Fio2) => f.fio2 = text,
            Slot::Input(I::Lactate) => f.lactate = text,
            Slot::Input(I::Dialysis) => f.dialysis = !v.is_empty(),
            Slot::Input(I::Vasopressors) => f.vasopressors = !v.is_empty(),
            Slot::Input(I::Sex) => f.sex = option_from(SEX_VALUES, v),
            Slot::Input(I::Etiology) => {
                f.etiology = etiology_values().find(|(x, _)| *x == v).map(|(_, e)| e);
            }
            Slot::Input(I::ChronicLiverDisease) => {
                f.chronic_liver_disease = option_from(ANSWER_VALUES, v);
            }
            Slot::Input(I::HepaticEncephalopathy) => f.encephalopathy = option_from(HE_VALUES, v),
            Slot::Input(I::HeGrade) => f.he_grade = option_from(GRADE_VALUES, v),
            Slot::Input(I::HepatorenalSyndrome) => {
                f.hepatorenal_syndrome = option_from(PRESENCE_VALUES, v);
            }
            Slot::Input(I::BleedingSigns) => f.bleeding_signs = option_from(ANSWER_VALUES, v),
            Slot::Input(I::Consent) => f.consent = option_from(WILLINGNESS_VALUES, v),
            Slot::Input(I::Contraception) => f.contraception = option_from(WILLINGNESS_VALUES, v),
            Slot::TbilUnit => f.tbil_unit = option_from(MOLAR_VALUES, v).unwrap_or(f.tbil_unit),
            Slot::CreatinineUnit => {
                f.creatinine_unit = option_from(MOLAR_VALUES, v).unwrap_or(f.creatinine_unit);
            }
            Slot::AlbuminUnit => {
                f.albumin_unit = option_from(ALBUMIN_VALUES, v).unwrap_or(f.albumin_unit);
            }
            Slot::Pao2Unit => {
                f.pao2_unit = option_from(PRESSURE_VALUES, v).unwrap_or(f.pao2_unit);
            }
        }
    }
}

/// A checkbox's value as the control holds it.
fn checked(on: bool) -> &'static str {
    if on {
        "on"
    } else {
        ""
    }
}

/// The unit the earlier bilirubin is read in (the latest one's), shown beside it.
#[must_use]
pub fn earlier_tbil_unit(lang: Lang, f: &FormInput) -> &'static str {
    unit_symbol(lang, FieldUnit::from(f.tbil_unit))
}

/// The accessible name of a unit selector: its value's label + "unit".
#[must_use]
pub fn unit_select_label(lang: Lang, of: InputId) -> String {
    format!("{} ({})", lang.t(Key::Label(of)), lang.t(Key::Unit))
}

/// The element id of a control (`aclf-<testid>`), its hint's and its message's.
#[must_use]
pub fn ids(slot: Slot) -> (String, String, String) {
    let t = slot.testid();
    (
        format!("aclf-{t}"),
        format!("aclf-hint-{t}"),
        format!("aclf-msg-{t}"),
    )
}

/// `aria-describedby` of a control: its hint, and its message while the core reports one.
#[must_use]
pub fn described_by(slot: Slot, has_message: bool) -> Option<String> {
    let (_, hint, msg) = ids(slot);
    match (slot.has_hint(), has_message) {
        (true, true) => Some(format!("{hint} {msg}")),
        (true, false) => Some(hint),
        (false, true) => Some(msg),
        (false, false) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_unit_suggestion_sets_the_fields_own_selector() {
        // "Did you mean 0.88 mg/dL?" switches the creatinine selector, and keeps the text.
        let mut f = FormInput {
            creatinine: "0.88".into(),
            ..FormInput::default()
        };
        let slot = unit_slot_of(I::Creatinine).unwrap();
        slot.set(&mut f, unit_value(FieldUnit::MgPerDl).unwrap());
        assert_eq!(f.creatinine_unit, MolarUnit::MgPerDl);
        assert_eq!(f.creatinine, "0.88");
        assert_eq!(unit_slot_of(I::TbilEarlier), Some(Slot::TbilUnit));
        assert_eq!(unit_slot_of(I::Inr), None);
        assert_eq!(unit_value(FieldUnit::GPerDl), Some("g/dL"));
    }

    fn filled() -> FormInput {
        FormInput {
            age: "45".into(),
            sex: Some(Sex::Female),
            etiology: Some(Etiology::DrugInduced),
            chronic_liver_disease: Some(Answer::Unknown),
            tbil: "20".into(),
            tbil_unit: MolarUnit::MgPerDl,
            tbil_date: "2026-11-25".into(),
            tbil_earlier: "10".into(),
            tbil_earlier_date: "2026-11-20".into(),
            inr: "2,0".into(),
            pta: "32".into(),
            creatinine: "1.2".into(),
            creatinine_unit: MolarUnit::MgPerDl,
            dialysis: true,
            sodium: "132".into(),
            albumin: "3.0".into(),
            albumin_unit: AlbuminUnit::GPerDl,
            encephalopathy: Some(true),
            he_grade: Some(3),
            hepatorenal_syndrome: Some(Answer::No),
            bleeding_signs: Some(Answer::Yes),
            wbc: "12.5".into(),
            map: "65".into(),
            vasopressors: true,
            pao2: "8,2".into(),
            pao2_unit: PressureUnit::KPa,
            spo2: "94".into(),
            fio2: "40".into(),
            lactate: "2.6".into(),
            consent: Some(Willingness::Yes),
            contraception: Some(Willingness::NotAsked),
            ..FormInput::default()
        }
    }

    #[test]
    fn every_slot_round_trips_through_its_control_value() {
        let f = filled();
        for slot in SLOTS {
            let mut g = FormInput::default();
            slot.set(&mut g, &slot.get(&f));
            assert_eq!(slot.get(&g), slot.get(&f), "{slot:?}");
        }
        let mut all = FormInput::default();
        for slot in SLOTS {
            slot.set(&mut all, &slot.get(&f));
        }
        assert_eq!(all, f);
    }

    #[test]
    fn slots_are_the_tables_controls_in_form_order() {
        let table: Vec<Slot> = fields()
            .flat_map(|f| {
                let unit = match f.control {
                    Control::Number(After::UnitSelect(unit, _)) => Some(unit),
                    _ => None,
                };
                std::iter::once(f.slot()).chain(unit)
            })
            .collect();
        assert_eq!(table, SLOTS);
        let all = SLOTS;
        for input in InputId::ALL {
            let n = all.iter().filter(|s| **s == Slot::Input(input)).count();
            assert_eq!(n, 1, "{input:?}");
        }
        let units = [
            Slot::TbilUnit,
            Slot::CreatinineUnit,
            Slot::AlbuminUnit,
            Slot::Pao2Unit,
        ];
        for unit in units {
            assert_eq!(all.iter().filter(|s| **s == unit).count(), 1, "{unit:?}");
        }
        assert_eq!(all.len(), InputId::ALL.len() + units.len());
    }

    #[test]
    fn every_option_value_round_trips_and_empty_unanswers() {
        for f in fields() {
            if let Control::Select(choices, _) = f.control {
                for (value, _) in choices {
                    let mut form = FormInput::default();
                    f.slot().set(&mut form, value);
                    assert_eq!(f.slot().get(&form), *value, "{:?}", f.slot());
                    f.slot().set(&mut form, "");
                    assert_eq!(f.slot().get(&form), "", "{:?}", f.slot());
                }
            }
        }
        let mut form = FormInput::default();
        Slot::TbilUnit.set(&mut form, "mg/dL");
        Slot::TbilUnit.set(&mut form, "nonsense");
        assert_eq!(
            form.tbil_unit,
            MolarUnit::MgPerDl,
            "a unit selector keeps a unit"
        );
    }

    #[test]
    fn described_by_names_hint_and_message() {
        assert_eq!(described_by(Slot::Input(I::Age), false), None);
        assert_eq!(
            described_by(Slot::Input(I::Age), true).as_deref(),
            Some("aclf-msg-age")
        );
        assert_eq!(
            described_by(Slot::Input(I::Pta), false).as_deref(),
            Some("aclf-hint-pta")
        );
        assert_eq!(
            described_by(Slot::Input(I::Pta), true).as_deref(),
            Some("aclf-hint-pta aclf-msg-pta")
        );
    }
}
