//! The form, in the order a referral letter is read: patient, liver disease, labs,
//! complications, the patient's stated willingness. Option values are the test contract's.

use leptos::prelude::*;

use super::fields::{
    CheckboxField, Choice, ChoiceSlot, DateField, NumberField, SelectField, TextSlot, UnitSelect,
};
use super::Ctx;
use crate::clinical::patient::{Answer, Etiology, InputId, Sex, Willingness};
use crate::clinical::units::{AlbuminUnit, FieldUnit, MolarUnit};
use crate::i18n::render::unit_symbol;
use crate::i18n::Key;

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
const GRADES: [&str; 4] = ["1", "2", "3", "4"];
const WILLINGNESS: &[Choice] = &[
    ("yes", Key::Yes),
    ("no", Key::No),
    ("not-asked", Key::NotAsked),
];
/// (value, symbol shown): the values are the test contract's.
const MOLAR_UNITS: &[(&str, &str)] = &[("umol/L", "µmol/L"), ("mg/dL", "mg/dL")];
const ALBUMIN_UNITS: &[(&str, &str)] = &[("g/L", "g/L"), ("g/dL", "g/dL")];

fn sex_value(s: Option<Sex>) -> &'static str {
    match s {
        Some(Sex::Male) => "male",
        Some(Sex::Female) => "female",
        None => "",
    }
}

fn etiology_value(e: Option<Etiology>) -> &'static str {
    ETIOLOGY
        .iter()
        .find(|(_, k)| e.is_some_and(|e| *k == Key::Etiology(e)))
        .map_or("", |(v, _)| v)
}

fn etiology_from(v: &str) -> Option<Etiology> {
    ETIOLOGY
        .iter()
        .find(|(value, _)| *value == v)
        .and_then(|(_, k)| match k {
            Key::Etiology(e) => Some(*e),
            _ => None,
        })
}

fn answer_value(a: Option<Answer>) -> &'static str {
    match a {
        Some(Answer::Yes) => "yes",
        Some(Answer::No) => "no",
        Some(Answer::Unknown) => "unknown",
        None => "",
    }
}

fn answer_from(v: &str) -> Option<Answer> {
    match v {
        "yes" | "present" => Some(Answer::Yes),
        "no" | "absent" => Some(Answer::No),
        "unknown" => Some(Answer::Unknown),
        _ => None,
    }
}

fn presence_value(a: Option<Answer>) -> &'static str {
    match a {
        Some(Answer::Yes) => "present",
        Some(Answer::No) => "absent",
        _ => "",
    }
}

fn willingness_value(w: Option<Willingness>) -> &'static str {
    match w {
        Some(Willingness::Yes) => "yes",
        Some(Willingness::No) => "no",
        Some(Willingness::NotAsked) => "not-asked",
        None => "",
    }
}

fn willingness_from(v: &str) -> Option<Willingness> {
    match v {
        "yes" => Some(Willingness::Yes),
        "no" => Some(Willingness::No),
        "not-asked" => Some(Willingness::NotAsked),
        _ => None,
    }
}

fn molar_value(u: MolarUnit) -> &'static str {
    match u {
        MolarUnit::UmolPerL => "umol/L",
        MolarUnit::MgPerDl => "mg/dL",
    }
}

fn molar_from(v: &str) -> MolarUnit {
    if v == "mg/dL" {
        MolarUnit::MgPerDl
    } else {
        MolarUnit::UmolPerL
    }
}

/// The patient's section.
#[component]
fn PatientSection() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    view! {
        <fieldset class="section">
            <legend>{ctx.tr(Key::SectionPatient)}</legend>
            <NumberField
                input=InputId::Age
                testid="age"
                access=TextSlot { get: |f| f.age.clone(), set: |f, v| f.age = v }
            />
            <SelectField
                input=InputId::Sex
                testid="sex"
                choices=SEX
                hint=Key::HintMeld3Only
                access=ChoiceSlot {
                    get: |f| sex_value(f.sex),
                    set: |f, v| {
                        f.sex = match v {
                            "male" => Some(Sex::Male),
                            "female" => Some(Sex::Female),
                            _ => None,
                        }
                    },
                }
            />
        </fieldset>
    }
}

/// Cause and chronic liver disease.
#[component]
fn LiverSection() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    view! {
        <fieldset class="section">
            <legend>{ctx.tr(Key::SectionLiver)}</legend>
            <SelectField
                input=InputId::Etiology
                testid="etiology"
                choices=ETIOLOGY
                hint=Key::HintEtiology
                access=ChoiceSlot { get: |f| etiology_value(f.etiology), set: |f, v| f.etiology = etiology_from(v) }
            />
            <SelectField
                input=InputId::ChronicLiverDisease
                testid="chronic"
                choices=YES_NO_UNKNOWN
                access=ChoiceSlot {
                    get: |f| answer_value(f.chronic_liver_disease),
                    set: |f, v| f.chronic_liver_disease = answer_from(v),
                }
            />
        </fieldset>
    }
}

fn tbil_unit() -> AnyView {
    view! {
        <UnitSelect
            input=InputId::Tbil
            testid="tbil-unit"
            choices=MOLAR_UNITS
            access=ChoiceSlot { get: |f| molar_value(f.tbil_unit), set: |f, v| f.tbil_unit = molar_from(v) }
        />
    }
    .into_any()
}

/// Laboratory results.
#[component]
fn LabsSection() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let creatinine_unit = view! {
        <UnitSelect
            input=InputId::Creatinine
            testid="creatinine-unit"
            choices=MOLAR_UNITS
            access=ChoiceSlot {
                get: |f| molar_value(f.creatinine_unit),
                set: |f, v| f.creatinine_unit = molar_from(v),
            }
        />
    }
    .into_any();
    let albumin_unit = view! {
        <UnitSelect
            input=InputId::Albumin
            testid="albumin-unit"
            choices=ALBUMIN_UNITS
            access=ChoiceSlot {
                get: |f| if f.albumin_unit == AlbuminUnit::GPerDl { "g/dL" } else { "g/L" },
                set: |f, v| f.albumin_unit = if v == "g/dL" { AlbuminUnit::GPerDl } else { AlbuminUnit::GPerL },
            }
        />
    }
    .into_any();
    // The earlier bilirubin is read in the latest one's unit, so it shows that unit.
    let earlier_unit = view! {
        <span class="unit">{move || unit_symbol(ctx.lang.get(), ctx.form.with(|f| FieldUnit::from(f.tbil_unit)))}</span>
    }
    .into_any();
    view! {
        <fieldset class="section">
            <legend>{ctx.tr(Key::SectionLabs)}</legend>
            <div class="pair">
                <NumberField
                    input=InputId::Tbil
                    testid="tbil"
                    unit=tbil_unit()
                    access=TextSlot { get: |f| f.tbil.clone(), set: |f, v| f.tbil = v }
                />
                <DateField
                    input=InputId::TbilDate
                    testid="tbil-date"
                    hint=Key::HintTbilDate
                    access=TextSlot { get: |f| f.tbil_date.clone(), set: |f, v| f.tbil_date = v }
                />
            </div>
            <div class="pair">
                <NumberField
                    input=InputId::TbilEarlier
                    testid="tbil-earlier"
                    unit=earlier_unit
                    hint=Key::HintTbilEarlier
                    access=TextSlot { get: |f| f.tbil_earlier.clone(), set: |f, v| f.tbil_earlier = v }
                />
                <DateField
                    input=InputId::TbilEarlierDate
                    testid="tbil-earlier-date"
                    access=TextSlot { get: |f| f.tbil_earlier_date.clone(), set: |f, v| f.tbil_earlier_date = v }
                />
            </div>
            <div class="pair">
                <NumberField
                    input=InputId::Inr
                    testid="inr"
                    access=TextSlot { get: |f| f.inr.clone(), set: |f, v| f.inr = v }
                />
                <NumberField
                    input=InputId::Pta
                    testid="pta"
                    hint=Key::HintPta
                    unit_text="%"
                    access=TextSlot { get: |f| f.pta.clone(), set: |f, v| f.pta = v }
                />
            </div>
            <NumberField
                input=InputId::Creatinine
                testid="creatinine"
                unit=creatinine_unit
                access=TextSlot { get: |f| f.creatinine.clone(), set: |f, v| f.creatinine = v }
            />
            <CheckboxField
                input=InputId::Dialysis
                testid="dialysis"
                hint=Key::HintDialysis
                get=|f| f.dialysis
                set=|f, v| f.dialysis = v
            />
            <div class="pair">
                <NumberField
                    input=InputId::Sodium
                    testid="sodium"
                    unit_text="mmol/L"
                    access=TextSlot { get: |f| f.sodium.clone(), set: |f, v| f.sodium = v }
                />
                <NumberField
                    input=InputId::Albumin
                    testid="albumin"
                    unit=albumin_unit
                    hint=Key::HintMeld3Only
                    access=TextSlot { get: |f| f.albumin.clone(), set: |f, v| f.albumin = v }
                />
            </div>
        </fieldset>
    }
}

/// Complications (I3-3).
#[component]
fn ComplicationsSection() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    view! {
        <fieldset class="section">
            <legend>{ctx.tr(Key::SectionComplications)}</legend>
            <div class="pair">
                <SelectField
                    input=InputId::HepaticEncephalopathy
                    testid="he"
                    choices=ABSENT_PRESENT
                    access=ChoiceSlot {
                        get: |f| match f.encephalopathy {
                            Some(true) => "present",
                            Some(false) => "absent",
                            None => "",
                        },
                        set: |f, v| {
                            f.encephalopathy = match v {
                                "present" => Some(true),
                                "absent" => Some(false),
                                _ => None,
                            }
                        },
                    }
                />
                <GradeSelect/>
            </div>
            <SelectField
                input=InputId::HepatorenalSyndrome
                testid="hrs"
                choices=ABSENT_PRESENT
                hint=Key::HintHrs
                access=ChoiceSlot {
                    get: |f| presence_value(f.hepatorenal_syndrome),
                    set: |f, v| f.hepatorenal_syndrome = answer_from(v),
                }
            />
            <SelectField
                input=InputId::BleedingSigns
                testid="bleeding-signs"
                choices=NO_YES
                access=ChoiceSlot {
                    get: |f| answer_value(f.bleeding_signs),
                    set: |f, v| f.bleeding_signs = answer_from(v),
                }
            />
        </fieldset>
    }
}

/// West Haven grade: its options read "Grade 1" ... so it renders its own labels.
#[component]
fn GradeSelect() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let current = move || ctx.form.with(|f| f.he_grade);
    view! {
        <div class="field">
            <label for="aclf-he-grade">{ctx.tr(Key::Label(InputId::HeGrade))}</label>
            <select
                id="aclf-he-grade"
                data-testid="he-grade"
                on:change=move |ev| {
                    let grade = event_target_value(&ev).parse::<u8>().ok();
                    ctx.form.update(|f| f.he_grade = grade);
                }
            >
                <option value="" prop:selected=move || current().is_none()>{ctx.tr(Key::Choose)}</option>
                {GRADES
                    .into_iter()
                    .map(|value| {
                        let grade = value.parse::<u8>().ok();
                        view! {
                            <option value=value prop:selected=move || current() == grade>
                                {move || ctx.lang.get().fill(Key::Grade, &[value])}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
        </div>
    }
}

/// The patient's stated willingness (I1, I6), which the study team confirms.
#[component]
fn WillingnessSection() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    view! {
        <fieldset class="section">
            <legend>{ctx.tr(Key::SectionWillingness)}</legend>
            <p class="hint">{ctx.tr(Key::WillingnessHint)}</p>
            <SelectField
                input=InputId::Consent
                testid="consent"
                choices=WILLINGNESS
                access=ChoiceSlot {
                    get: |f| willingness_value(f.consent),
                    set: |f, v| f.consent = willingness_from(v),
                }
            />
            <SelectField
                input=InputId::Contraception
                testid="contraception"
                choices=WILLINGNESS
                access=ChoiceSlot {
                    get: |f| willingness_value(f.contraception),
                    set: |f, v| f.contraception = willingness_from(v),
                }
            />
        </fieldset>
    }
}

/// The whole form. No submit: results follow every keystroke.
#[component]
pub fn Form() -> impl IntoView {
    view! {
        <form class="aclf-form no-print" autocomplete="off" on:submit=|ev| ev.prevent_default()>
            <PatientSection/>
            <LiverSection/>
            <LabsSection/>
            <ComplicationsSection/>
            <WillingnessSection/>
        </form>
    }
}
