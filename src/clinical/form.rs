//! The form as typed -> validated facts, a message per field, and the screening: the view model
//! the widget renders (SPEC sections 5 and 6). The widget passes exactly what the user typed and
//! selected; nothing here rewrites it. "Today" is passed in.

use super::date::{Date, DateError};
use super::gate_limits::{gate_limits, GateLimits, LimitUnits};
use super::meld::MeldInput;
use super::parse::{parse_number, ParseError, Parsed};
use super::patient::{Answer, Encephalopathy, Etiology, InputId, Patient, Sex, Willingness};
use super::plausibility::{classify, Limits, Plausibility, Quantity};
use super::protocol::Protocol;
use super::screening::{screen, Screening};
use super::series::{read_row, series, Series, SeriesField, SeriesRow, SeriesRowText, SeriesUnits};
use super::severity::{severity, Severity};
use super::units::{
    Age, Albumin, AlbuminUnit, Bilirubin, Creatinine, FieldUnit, Fio2, Inr, Lactate,
    MeanArterialPressure, MolarUnit, Pao2, PressureUnit, Pta, Sodium, Spo2, Wbc,
};
use super::units::{
    ALBUMIN_G_L_PER_G_DL, BILIRUBIN_UMOL_PER_MG_DL, CREATININE_UMOL_PER_MG_DL, MMHG_PER_KPA,
};

/// Everything on the form, as typed (text fields) or selected (choices; `None` = unanswered).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FormInput {
    /// Age text.
    pub age: String,
    /// Sex.
    pub sex: Option<Sex>,
    /// Cause of liver failure.
    pub etiology: Option<Etiology>,
    /// Chronic liver disease.
    pub chronic_liver_disease: Option<Answer>,
    /// Latest total bilirubin text.
    pub tbil: String,
    /// Unit of both bilirubin fields.
    pub tbil_unit: MolarUnit,
    /// Date of the latest bilirubin (YYYY-MM-DD).
    pub tbil_date: String,
    /// Earlier bilirubin text.
    pub tbil_earlier: String,
    /// Date of the earlier bilirubin.
    pub tbil_earlier_date: String,
    /// INR text.
    pub inr: String,
    /// PTA text.
    pub pta: String,
    /// Creatinine text.
    pub creatinine: String,
    /// Creatinine unit.
    pub creatinine_unit: MolarUnit,
    /// Dialysis checkbox.
    pub dialysis: bool,
    /// Sodium text.
    pub sodium: String,
    /// Albumin text.
    pub albumin: String,
    /// Albumin unit.
    pub albumin_unit: AlbuminUnit,
    /// Hepatic encephalopathy: `Some(true)` present, `Some(false)` absent.
    pub encephalopathy: Option<bool>,
    /// West Haven grade 1-4 when present.
    pub he_grade: Option<u8>,
    /// Hepatorenal syndrome.
    pub hepatorenal_syndrome: Option<Answer>,
    /// Clinical bleeding signs.
    pub bleeding_signs: Option<Answer>,
    /// White blood cell count text (10^9/L).
    pub wbc: String,
    /// Mean arterial pressure text (mmHg).
    pub map: String,
    /// Vasopressor / inotrope checkbox.
    pub vasopressors: bool,
    /// PaO2 text.
    pub pao2: String,
    /// PaO2 unit.
    pub pao2_unit: PressureUnit,
    /// SpO2 text (%).
    pub spo2: String,
    /// FiO2 text (%; the "room air" button fills 21).
    pub fio2: String,
    /// Lactate text (mmol/L).
    pub lactate: String,
    /// Stated willingness to be referred (I1).
    pub consent: Option<Willingness>,
    /// Stated willingness to avoid conception (I6).
    pub contraception: Option<Willingness>,
    /// Earlier results beyond the main "earlier TBIL" pair (serial labs rows 1, 2, ...).
    pub series: Vec<SeriesRowText>,
    /// The row the clinician picked for the rise (0 = the main earlier pair), if any.
    pub series_pick: Option<usize>,
}

/// Why a field's value was rejected; nothing is computed from it.
#[derive(Clone, Debug, PartialEq)]
pub enum FieldError {
    /// The text is not a usable number.
    Parse(ParseError),
    /// Outside the hard limits (given in SI; the field's unit for display).
    Impossible {
        /// The quantity (for converting the limits into the field's unit).
        quantity: Quantity,
        /// The limits in force.
        limits: Limits,
        /// The unit the field is in.
        unit: FieldUnit,
    },
    /// Not a date.
    Date(DateError),
    /// A date after today.
    FutureDate,
    /// The earlier bilirubin's date is after the latest one's.
    EarlierAfterLater,
    /// Impossible in the selected unit but usual in the field's other unit ("0.88" creatinine
    /// in µmol/L): "did you mean 0.88 mg/dL?", with a one-click switch of the unit selector.
    /// The value typed is never converted.
    DidYouMean {
        /// The quantity.
        quantity: Quantity,
        /// The limits in force.
        limits: Limits,
        /// The unit the field is in.
        unit: FieldUnit,
        /// The unit in which the typed value is usual.
        suggest: FieldUnit,
        /// The value as typed (shown with the suggested unit).
        value: f64,
    },
    /// A PaO2 typed in mmHg below the lowest possible mmHg value: most likely a kPa value
    /// (8 kPa = 60 mmHg) with the unit selector left on mmHg.
    Pao2DidYouMeanKpa {
        /// The PaO2 limits in force (mmHg).
        limits: Limits,
    },
}

/// A field message: an error (value rejected) or a warning (value used; please check).
#[derive(Clone, Debug, PartialEq)]
pub enum FieldMessage {
    /// Rejected.
    Error(FieldError),
    /// Outside the usual range: used, please check.
    Unusual {
        /// The quantity (for converting the limits into the field's unit).
        quantity: Quantity,
        /// The limits in force.
        limits: Limits,
        /// The unit the field is in.
        unit: FieldUnit,
    },
}

/// What the widget renders: field messages, the scores and each phase's screening.
#[derive(Clone, Debug, PartialEq)]
pub struct ScreeningViewModel {
    /// One message per field that has one, in form order.
    pub messages: Vec<(InputId, FieldMessage)>,
    /// The validated facts the screening used.
    pub patient: Patient,
    /// Scores and phases.
    pub screening: Screening,
    /// Serial labs: each row's MELD, the rise's row, the trend (row 0 = the main earlier pair).
    pub series: Series,
    /// Messages of the serial-labs rows 1, 2, ... (row 0's are the main fields'): row, field.
    pub series_messages: Vec<(usize, SeriesField, FieldMessage)>,
    /// What would change the MELD gate (SPEC 9); `None` while MELD is not computable.
    pub gate: Option<GateLimits>,
    /// Severity context (SPEC 11): never part of a verdict.
    pub severity: Severity,
}

impl ScreeningViewModel {
    /// The message of one field, if any.
    #[must_use]
    pub fn message(&self, id: InputId) -> Option<&FieldMessage> {
        self.messages.iter().find(|(i, _)| *i == id).map(|(_, m)| m)
    }
}

/// SI units in one unit of the field (1 for a field entered in its SI unit).
#[must_use]
pub(crate) fn si_per_unit(q: Quantity, unit: FieldUnit) -> f64 {
    match (q, unit) {
        (Quantity::Bilirubin, FieldUnit::MgPerDl) => BILIRUBIN_UMOL_PER_MG_DL,
        (Quantity::Creatinine, FieldUnit::MgPerDl) => CREATININE_UMOL_PER_MG_DL,
        (Quantity::Albumin, FieldUnit::GPerDl) => ALBUMIN_G_L_PER_G_DL,
        // The PaO2 row of the table is in mmHg, the CLIF-C OF unit.
        (Quantity::Pao2, FieldUnit::KPa) => MMHG_PER_KPA,
        _ => 1.0,
    }
}

/// Converts a limit from SI into the field's unit, for messages.
#[must_use]
pub fn limit_in_unit(q: Quantity, si: f64, unit: FieldUnit) -> f64 {
    si / si_per_unit(q, unit)
}

/// Parses and checks one numeric text as the form does: the value (`None` when missing or
/// rejected) and the field's message, if any (an error when rejected, a warning when unusual).
#[must_use]
pub fn read_number(
    text: &str,
    q: Quantity,
    unit: FieldUnit,
    protocol: &Protocol,
) -> (Option<f64>, Option<FieldMessage>) {
    let value = match parse_number(text, unit) {
        Ok(Parsed::Missing) => return (None, None),
        Ok(Parsed::Number(v)) => v,
        Err(e) => return (None, Some(FieldMessage::Error(FieldError::Parse(e)))),
    };
    match classify(value * si_per_unit(q, unit), protocol.limits(q)) {
        Plausibility::Usual => (Some(value), None),
        Plausibility::Unusual(limits) => (
            Some(value),
            Some(FieldMessage::Unusual {
                quantity: q,
                limits,
                unit,
            }),
        ),
        // PaO2 below its floor in mmHg is most likely a kPa value (SPEC 11).
        Plausibility::Impossible(limits)
            if q == Quantity::Pao2
                && unit == FieldUnit::MmHg
                && value * si_per_unit(q, unit) < limits.possible.low =>
        {
            (
                None,
                Some(FieldMessage::Error(FieldError::Pao2DidYouMeanKpa {
                    limits,
                })),
            )
        }
        Plausibility::Impossible(limits) => {
            let usual_elsewhere = other_unit(q, unit).filter(|other| {
                classify(value * si_per_unit(q, *other), limits) == Plausibility::Usual
            });
            let error = match usual_elsewhere {
                Some(suggest) => FieldError::DidYouMean {
                    quantity: q,
                    limits,
                    unit,
                    suggest,
                    value,
                },
                None => FieldError::Impossible {
                    quantity: q,
                    limits,
                    unit,
                },
            };
            (None, Some(FieldMessage::Error(error)))
        }
    }
}

/// The other unit a field's selector offers (bilirubin, creatinine, albumin).
fn other_unit(q: Quantity, unit: FieldUnit) -> Option<FieldUnit> {
    match (q, unit) {
        (Quantity::Bilirubin | Quantity::Creatinine, FieldUnit::UmolPerL) => {
            Some(FieldUnit::MgPerDl)
        }
        (Quantity::Bilirubin | Quantity::Creatinine, FieldUnit::MgPerDl) => {
            Some(FieldUnit::UmolPerL)
        }
        (Quantity::Albumin, FieldUnit::GPerL) => Some(FieldUnit::GPerDl),
        (Quantity::Albumin, FieldUnit::GPerDl) => Some(FieldUnit::GPerL),
        _ => None,
    }
}

/// One unit serves every TBIL value: a unit suggestion on the latest TBIL is offered only
/// while the earlier TBIL values are empty (switching would re-read them too); otherwise the
/// message is the plain "not possible".
fn tbil_suggestion_only_alone(messages: &mut [(InputId, FieldMessage)], form: &FormInput) {
    let typed = [&form.tbil, &form.tbil_earlier]
        .into_iter()
        .chain(form.series.iter().map(|r| &r.tbil))
        .filter(|t| !t.trim().is_empty())
        .count();
    if typed <= 1 {
        return;
    }
    for (id, m) in messages.iter_mut() {
        if let (
            InputId::Tbil | InputId::TbilEarlier,
            FieldMessage::Error(FieldError::DidYouMean {
                quantity,
                limits,
                unit,
                ..
            }),
        ) = (*id, &*m)
        {
            *m = FieldMessage::Error(FieldError::Impossible {
                quantity: *quantity,
                limits: *limits,
                unit: *unit,
            });
        }
    }
}

struct Reader<'a> {
    protocol: &'a Protocol,
    messages: Vec<(InputId, FieldMessage)>,
}

impl Reader<'_> {
    /// Parses and checks one numeric field; `None` when missing or rejected.
    fn number(&mut self, id: InputId, text: &str, q: Quantity, unit: FieldUnit) -> Option<f64> {
        let (value, message) = read_number(text, q, unit, self.protocol);
        if let Some(m) = message {
            self.messages.push((id, m));
        }
        value
    }

    /// Parses one date field and rejects a date after today.
    fn date(&mut self, id: InputId, text: &str, today: Date) -> Option<Date> {
        match Date::parse(text) {
            Ok(None) => None,
            Ok(Some(d)) if d > today => {
                self.messages
                    .push((id, FieldMessage::Error(FieldError::FutureDate)));
                None
            }
            Ok(Some(d)) => Some(d),
            Err(e) => {
                self.messages
                    .push((id, FieldMessage::Error(FieldError::Date(e))));
                None
            }
        }
    }
}

/// Reads the form into validated facts and field messages.
#[must_use]
pub fn read_form(
    form: &FormInput,
    today: Date,
    protocol: &Protocol,
) -> (Patient, Vec<(InputId, FieldMessage)>) {
    let mut r = Reader {
        protocol,
        messages: Vec::new(),
    };
    let tbil_unit = FieldUnit::from(form.tbil_unit);
    let cr_unit = FieldUnit::from(form.creatinine_unit);
    let alb_unit = FieldUnit::from(form.albumin_unit);

    let age = r
        .number(InputId::Age, &form.age, Quantity::Age, FieldUnit::Years)
        .map(|v| Age(v as u32));
    let tbil = r.number(InputId::Tbil, &form.tbil, Quantity::Bilirubin, tbil_unit);
    let tbil_date = r.date(InputId::TbilDate, &form.tbil_date, today);
    let tbil_earlier = r.number(
        InputId::TbilEarlier,
        &form.tbil_earlier,
        Quantity::Bilirubin,
        tbil_unit,
    );
    let mut tbil_earlier_date = r.date(InputId::TbilEarlierDate, &form.tbil_earlier_date, today);
    if let (Some(later), Some(earlier)) = (tbil_date, tbil_earlier_date) {
        if earlier > later {
            r.messages.push((
                InputId::TbilEarlierDate,
                FieldMessage::Error(FieldError::EarlierAfterLater),
            ));
            tbil_earlier_date = None;
        }
    }
    let inr = r.number(InputId::Inr, &form.inr, Quantity::Inr, FieldUnit::Ratio);
    let pta = r.number(InputId::Pta, &form.pta, Quantity::Pta, FieldUnit::Percent);
    let creatinine = r.number(
        InputId::Creatinine,
        &form.creatinine,
        Quantity::Creatinine,
        cr_unit,
    );
    let sodium = r.number(
        InputId::Sodium,
        &form.sodium,
        Quantity::Sodium,
        FieldUnit::MmolPerL,
    );
    let albumin = r.number(InputId::Albumin, &form.albumin, Quantity::Albumin, alb_unit);
    let wbc = r.number(InputId::Wbc, &form.wbc, Quantity::Wbc, FieldUnit::GigaPerL);
    let map = r.number(InputId::Map, &form.map, Quantity::Map, FieldUnit::MmHg);
    let pao2 = r.number(
        InputId::Pao2,
        &form.pao2,
        Quantity::Pao2,
        FieldUnit::from(form.pao2_unit),
    );
    let spo2 = r.number(
        InputId::Spo2,
        &form.spo2,
        Quantity::Spo2,
        FieldUnit::Percent,
    );
    let fio2 = r.number(
        InputId::Fio2,
        &form.fio2,
        Quantity::Fio2,
        FieldUnit::Percent,
    );
    let lactate = r.number(
        InputId::Lactate,
        &form.lactate,
        Quantity::Lactate,
        FieldUnit::MmolPerL,
    );

    let patient = Patient {
        age,
        sex: form.sex,
        etiology: form.etiology,
        chronic_liver_disease: form.chronic_liver_disease,
        tbil: tbil.map(|v| Bilirubin::new(v, form.tbil_unit)),
        tbil_date,
        tbil_earlier: tbil_earlier.map(|v| Bilirubin::new(v, form.tbil_unit)),
        tbil_earlier_date,
        inr: inr.map(Inr),
        pta: pta.map(Pta),
        creatinine: creatinine.map(|v| Creatinine::new(v, form.creatinine_unit)),
        dialysis: form.dialysis,
        sodium: sodium.map(Sodium),
        albumin: albumin.map(|v| Albumin::new(v, form.albumin_unit)),
        encephalopathy: form.encephalopathy.map(|present| {
            if present {
                Encephalopathy::Present(form.he_grade.filter(|g| (1..=4).contains(g)))
            } else {
                Encephalopathy::Absent
            }
        }),
        hepatorenal_syndrome: form.hepatorenal_syndrome,
        bleeding_signs: form.bleeding_signs,
        wbc: wbc.map(Wbc),
        map: map.map(MeanArterialPressure),
        vasopressors: form.vasopressors,
        pao2: pao2.map(|v| Pao2::new(v, form.pao2_unit)),
        spo2: spo2.map(Spo2),
        fio2: fio2.map(Fio2),
        lactate: lactate.map(Lactate),
        consent: form.consent,
        contraception: form.contraception,
    };
    tbil_suggestion_only_alone(&mut r.messages, form);
    // Fields are read in form order above, so the messages already are in form order.
    debug_assert!(r.messages.windows(2).all(|w| w[0].0 <= w[1].0));
    (patient, r.messages)
}

/// Reads the form and screens it: everything the widget shows.
///
/// ```
/// use aclf_screen::clinical::date::Date;
/// use aclf_screen::clinical::form::{evaluate, FormInput};
/// use aclf_screen::clinical::protocol::PROTOCOL;
/// let today = Date::parse("2026-11-25").unwrap().unwrap();
/// let form = FormInput { tbil: "342".into(), inr: "2.0".into(), creatinine: "88.4".into(), ..FormInput::default() };
/// let vm = evaluate(&form, today, &PROTOCOL);
/// assert_eq!(vm.screening.meld.computed().unwrap().score, 26);
/// assert!(vm.messages.is_empty());
/// ```
#[must_use]
pub fn evaluate(form: &FormInput, today: Date, protocol: &'static Protocol) -> ScreeningViewModel {
    let (mut patient, messages) = read_form(form, today, protocol);
    let units = SeriesUnits {
        tbil: form.tbil_unit,
        creatinine: form.creatinine_unit,
        albumin: form.albumin_unit,
    };
    // Row 0 is the main "earlier TBIL" pair, as read above; nothing is copied between fields.
    let mut rows = vec![SeriesRow {
        date: patient.tbil_earlier_date,
        tbil: patient.tbil_earlier,
        ..SeriesRow::default()
    }];
    let mut series_messages = Vec::new();
    for (i, text) in form.series.iter().enumerate() {
        let (row, row_messages) = read_row(text, units, protocol);
        rows.push(row);
        series_messages.extend(row_messages.into_iter().map(|(f, m)| (i + 1, f, m)));
    }
    let series = series(
        &patient,
        &rows,
        form.series_pick,
        form.tbil_unit,
        today,
        protocol,
    );
    for (i, r) in series.rows.iter().enumerate().skip(1) {
        if let Some(e) = &r.date_error {
            series_messages.push((i, SeriesField::Date, FieldMessage::Error(e.clone())));
        }
    }
    // The rise uses the row the clinician picked, else SPEC 8's rule over all rows (SPEC 10).
    // Without any qualifying row the main pair stays, so I3-2 names what it lacks.
    if series.rise.row.is_some() {
        patient = series.rise.apply_to(&patient);
    }
    let screening = screen(&patient, protocol);
    let gate = gate_limits(
        &MeldInput::from(&patient),
        LimitUnits {
            tbil: form.tbil_unit,
            creatinine: form.creatinine_unit,
        },
        protocol,
    );
    let severity = severity(&patient);
    ScreeningViewModel {
        messages,
        patient,
        screening,
        series,
        series_messages,
        gate,
        severity,
    }
}

/// Entries shared by the tests of the modules that render the form's results.
#[cfg(test)]
pub(crate) mod fixtures {
    use super::FormInput;
    use crate::clinical::patient::{Answer, Etiology, Sex, Willingness};

    /// The brief's refer patient, as typed: MELD 26, both phases refer.
    pub(crate) fn refer_patient() -> FormInput {
        FormInput {
            age: "45".into(),
            sex: Some(Sex::Male),
            etiology: Some(Etiology::Hbv),
            chronic_liver_disease: Some(Answer::Yes),
            tbil: "342".into(),
            tbil_date: "2026-11-25".into(),
            inr: "2.0".into(),
            pta: "32".into(),
            creatinine: "88.4".into(),
            sodium: "132".into(),
            albumin: "30".into(),
            encephalopathy: Some(false),
            hepatorenal_syndrome: Some(Answer::No),
            bleeding_signs: Some(Answer::No),
            consent: Some(Willingness::NotAsked),
            contraception: Some(Willingness::NotAsked),
            ..FormInput::default()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::fixtures::refer_patient;
    use super::*;
    use crate::clinical::outcome::State;
    use crate::clinical::protocol::PROTOCOL;
    use crate::clinical::screening::Verdict;

    fn today() -> Date {
        Date::parse("2026-11-25").unwrap().unwrap()
    }

    fn vm(form: &FormInput) -> ScreeningViewModel {
        evaluate(form, today(), &PROTOCOL)
    }

    #[test]
    fn a_fresh_form_shows_no_message() {
        let v = vm(&FormInput {
            tbil_date: "2026-11-25".into(),
            ..FormInput::default()
        });
        assert!(v.messages.is_empty());
    }

    #[test]
    fn impossible_value_is_rejected_and_computes_nothing() {
        let v = vm(&FormInput {
            inr: "25".into(),
            tbil: "342".into(),
            creatinine: "88".into(),
            ..FormInput::default()
        });
        assert!(matches!(
            v.message(InputId::Inr),
            Some(FieldMessage::Error(FieldError::Impossible { .. }))
        ));
        assert_eq!(v.patient.inr, None);
        assert!(v.screening.meld.computed().is_none());
    }

    #[test]
    fn unusual_value_computes_with_a_warning_and_is_not_clamped() {
        let v = vm(&FormInput {
            inr: "9".into(),
            tbil: "342".into(),
            creatinine: "88.4".into(),
            ..FormInput::default()
        });
        assert!(matches!(
            v.message(InputId::Inr),
            Some(FieldMessage::Unusual { .. })
        ));
        assert_eq!(v.patient.inr, Some(Inr(9.0)));
        assert!(v.screening.meld.computed().is_some());
    }

    #[test]
    fn unparsable_text_gets_its_reason() {
        let v = vm(&FormInput {
            tbil: "<10".into(),
            ..FormInput::default()
        });
        assert_eq!(
            v.message(InputId::Tbil),
            Some(&FieldMessage::Error(FieldError::Parse(
                ParseError::Censored
            )))
        );
    }

    #[test]
    fn limits_are_checked_in_si_whatever_the_unit() {
        // 100 mg/dL = 1710 umol/L: impossible; 99 mg/dL = 1692.9: possible but unusual.
        let mg = |t: &str| FormInput {
            tbil: t.into(),
            tbil_unit: MolarUnit::MgPerDl,
            ..FormInput::default()
        };
        assert!(matches!(
            vm(&mg("100")).message(InputId::Tbil),
            Some(FieldMessage::Error(_))
        ));
        assert!(matches!(
            vm(&mg("99")).message(InputId::Tbil),
            Some(FieldMessage::Unusual { .. })
        ));
        assert_eq!(vm(&mg("10")).message(InputId::Tbil), None);
        let alb = FormInput {
            albumin: "3.5".into(),
            albumin_unit: AlbuminUnit::GPerDl,
            ..FormInput::default()
        };
        assert_eq!(vm(&alb).message(InputId::Albumin), None);
        let alb_wrong = FormInput {
            albumin: "35".into(),
            albumin_unit: AlbuminUnit::GPerDl,
            ..FormInput::default()
        };
        assert!(matches!(
            vm(&alb_wrong).message(InputId::Albumin),
            Some(FieldMessage::Error(_))
        ));
    }

    #[test]
    fn a_date_in_the_future_is_an_error_on_that_date() {
        let v = vm(&FormInput {
            tbil_date: "2026-11-26".into(),
            ..FormInput::default()
        });
        assert_eq!(
            v.message(InputId::TbilDate),
            Some(&FieldMessage::Error(FieldError::FutureDate))
        );
    }

    #[test]
    fn an_earlier_date_after_the_later_one_is_an_error_on_the_earlier_date() {
        let v = vm(&FormInput {
            tbil: "150".into(),
            tbil_date: "2026-11-20".into(),
            tbil_earlier: "100".into(),
            tbil_earlier_date: "2026-11-22".into(),
            ..FormInput::default()
        });
        assert_eq!(
            v.message(InputId::TbilEarlierDate),
            Some(&FieldMessage::Error(FieldError::EarlierAfterLater))
        );
        assert_eq!(v.message(InputId::TbilDate), None);
    }

    #[test]
    fn the_earlier_bilirubin_uses_the_latest_ones_unit() {
        let v = vm(&FormInput {
            tbil: "9".into(),
            tbil_unit: MolarUnit::MgPerDl,
            tbil_date: "2026-11-25".into(),
            tbil_earlier: "7".into(),
            tbil_earlier_date: "2026-11-23".into(),
            chronic_liver_disease: Some(Answer::Yes),
            ..FormInput::default()
        });
        let i3 = &v.screening.phases[0].criteria[2];
        assert_eq!(i3.parts[1].outcome.state(), State::Met);
    }

    #[test]
    fn he_present_without_grade_counts_as_present() {
        let v = vm(&FormInput {
            encephalopathy: Some(true),
            ..FormInput::default()
        });
        assert_eq!(
            v.patient.encephalopathy,
            Some(Encephalopathy::Present(None))
        );
    }

    #[test]
    fn he_grade_is_ignored_when_absent() {
        let v = vm(&FormInput {
            encephalopathy: Some(false),
            he_grade: Some(3),
            ..FormInput::default()
        });
        assert_eq!(v.patient.encephalopathy, Some(Encephalopathy::Absent));
    }

    #[test]
    fn rejected_input_is_named_as_missing() {
        let v = vm(&FormInput {
            age: "abc".into(),
            ..FormInput::default()
        });
        assert!(
            matches!(&v.screening.phases[0].verdict, Verdict::Incomplete { enter_next, .. } if enter_next.iter().next() == Some(InputId::Age))
        );
    }

    #[test]
    fn a_value_usual_in_the_other_unit_suggests_that_unit_without_converting() {
        let suggested = |form: &FormInput, id| match vm(form).message(id) {
            Some(FieldMessage::Error(FieldError::DidYouMean { suggest, value, .. })) => {
                Some((*suggest, *value))
            }
            _ => None,
        };
        let cr = FormInput {
            creatinine: "0.88".into(),
            ..refer_patient()
        };
        assert_eq!(
            suggested(&cr, InputId::Creatinine),
            Some((FieldUnit::MgPerDl, 0.88))
        );
        assert_eq!(cr.creatinine, "0.88", "what was typed stays");
        let alb = FormInput {
            albumin: "3.0".into(),
            ..refer_patient()
        };
        assert_eq!(
            suggested(&alb, InputId::Albumin),
            Some((FieldUnit::GPerDl, 3.0))
        );
        // 0.5 µmol/L TBIL is impossible, and usual as 0.5 mg/dL - while it is the only TBIL.
        let tbil = FormInput {
            tbil: "0.5".into(),
            ..refer_patient()
        };
        assert_eq!(
            suggested(&tbil, InputId::Tbil),
            Some((FieldUnit::MgPerDl, 0.5))
        );
        let with_earlier = FormInput {
            tbil_earlier: "100".into(),
            ..tbil
        };
        assert_eq!(suggested(&with_earlier, InputId::Tbil), None);
        assert!(matches!(
            vm(&with_earlier).message(InputId::Tbil),
            Some(FieldMessage::Error(FieldError::Impossible { .. }))
        ));
        // Impossible in both units: no suggestion.
        let neither = FormInput {
            creatinine: "0.01".into(),
            ..refer_patient()
        };
        assert_eq!(suggested(&neither, InputId::Creatinine), None);
    }

    #[test]
    fn the_view_model_carries_the_gate_limits_severity_and_series() {
        use crate::clinical::gate_limits::{GateLab, LimitKind, LimitValue};
        let v = vm(&refer_patient());
        let g = v.gate.expect("MELD is computed");
        let inr = g.get(GateLab::Inr);
        assert_eq!(inr.kind, LimitKind::FailsAtLeast);
        assert!(matches!(inr.limit, LimitValue::Reachable(x) if x.text() == "2.86"));
        assert!(v.severity.clif_of.computed().is_none() || v.severity.aarc.computed().is_none());
        assert_eq!(v.series.rows.len(), 1);
        let empty = vm(&FormInput::default());
        assert!(empty.gate.is_none());
    }

    #[test]
    fn an_earlier_results_row_decides_the_rise_when_the_main_pair_is_empty() {
        // TBIL 150 on 11-25 with an earlier row of 100 on 11-23: 25 per day, I3-2 met.
        let form = FormInput {
            tbil: "150".into(),
            tbil_date: "2026-11-25".into(),
            series: vec![SeriesRowText {
                date: "2026-11-23".into(),
                tbil: "100".into(),
                ..SeriesRowText::default()
            }],
            ..refer_patient()
        };
        let v = vm(&form);
        assert_eq!(v.series.rise.row, Some(1));
        let i3 = &v.screening.phases[0].criteria[2];
        assert_eq!(i3.id, "I3");
        assert_eq!(i3.parts[1].outcome.state(), State::Met);
        // The clinician picks the main pair instead (an older, smaller rise).
        let picked = FormInput {
            tbil_earlier: "20".into(),
            tbil_earlier_date: "2026-11-10".into(),
            series_pick: Some(0),
            ..form
        };
        let v = vm(&picked);
        assert_eq!(v.series.rise.row, Some(0));
        assert_eq!(
            v.screening.phases[0].criteria[2].parts[1].outcome.state(),
            State::NotMet
        );
    }

    #[test]
    fn a_series_row_gets_the_main_fields_messages() {
        let form = FormInput {
            tbil_date: "2026-11-25".into(),
            series: vec![SeriesRowText {
                date: "2026-11-24".into(),
                inr: "30".into(),
                ..SeriesRowText::default()
            }],
            ..refer_patient()
        };
        let v = vm(&form);
        assert!(matches!(
            v.series_messages.as_slice(),
            [(
                1,
                SeriesField::Inr,
                FieldMessage::Error(FieldError::Impossible { .. })
            )]
        ));
    }

    #[test]
    fn whole_form_in_si_and_conventional_units_gives_the_same_meld() {
        let si = FormInput {
            tbil: "342".into(),
            creatinine: "176.8".into(),
            inr: "1.9".into(),
            ..FormInput::default()
        };
        let conv = FormInput {
            tbil: "20".into(),
            tbil_unit: MolarUnit::MgPerDl,
            creatinine: "2".into(),
            creatinine_unit: MolarUnit::MgPerDl,
            inr: "1.9".into(),
            ..FormInput::default()
        };
        assert_eq!(
            vm(&si).screening.meld.computed().unwrap().score,
            vm(&conv).screening.meld.computed().unwrap().score
        );
    }

    #[test]
    fn severity_inputs_are_read_into_the_patient() {
        let v = vm(&FormInput {
            wbc: "12,5".into(),
            map: "65".into(),
            vasopressors: true,
            pao2: "8".into(),
            pao2_unit: PressureUnit::KPa,
            spo2: "95 %".into(),
            fio2: "21".into(),
            lactate: "2.1".into(),
            ..FormInput::default()
        });
        assert!(v.messages.is_empty(), "{:?}", v.messages);
        let p = &v.patient;
        assert_eq!(p.wbc, Some(Wbc(12.5)));
        assert_eq!(p.map, Some(MeanArterialPressure(65.0)));
        assert!(p.vasopressors);
        assert_eq!(p.pao2, Some(Pao2::from_kpa(8.0)));
        assert_eq!(p.spo2, Some(Spo2(95.0)));
        assert_eq!(p.fio2, Some(Fio2(21.0)));
        assert_eq!(p.lactate, Some(Lactate(2.1)));
    }

    #[test]
    fn pao2_below_20_mmhg_asks_whether_it_was_kpa() {
        let mmhg = |t: &str| FormInput {
            pao2: t.into(),
            ..FormInput::default()
        };
        assert!(matches!(
            vm(&mmhg("8")).message(InputId::Pao2),
            Some(FieldMessage::Error(FieldError::Pao2DidYouMeanKpa { .. }))
        ));
        assert_eq!(vm(&mmhg("8")).patient.pao2, None);
        assert!(matches!(
            vm(&mmhg("20")).message(InputId::Pao2),
            Some(FieldMessage::Unusual { .. })
        ));
        assert!(matches!(
            vm(&mmhg("701")).message(InputId::Pao2),
            Some(FieldMessage::Error(FieldError::Impossible { .. }))
        ));
        // In kPa the limits convert: 2.6 kPa = 19.5 mmHg is simply impossible.
        let kpa = FormInput {
            pao2: "2.6".into(),
            pao2_unit: PressureUnit::KPa,
            ..FormInput::default()
        };
        assert!(matches!(
            vm(&kpa).message(InputId::Pao2),
            Some(FieldMessage::Error(FieldError::Impossible { .. }))
        ));
    }

    #[test]
    fn fio2_below_room_air_is_impossible_and_empty_is_missing() {
        let f = |t: &str| FormInput {
            fio2: t.into(),
            ..FormInput::default()
        };
        assert!(matches!(
            vm(&f("20")).message(InputId::Fio2),
            Some(FieldMessage::Error(FieldError::Impossible { .. }))
        ));
        assert_eq!(vm(&f("")).message(InputId::Fio2), None);
        assert_eq!(vm(&f("")).patient.fio2, None);
    }

    #[test]
    fn limit_in_unit_converts_for_messages() {
        assert!(
            (limit_in_unit(Quantity::Bilirubin, 1700.0, FieldUnit::MgPerDl) - 99.415).abs() < 0.001
        );
        assert_eq!(
            limit_in_unit(Quantity::Albumin, 80.0, FieldUnit::GPerDl),
            8.0
        );
        assert_eq!(limit_in_unit(Quantity::Inr, 20.0, FieldUnit::Ratio), 20.0);
    }
}
