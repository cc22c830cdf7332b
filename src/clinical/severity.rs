//! Severity context (SPEC section 11; never part of the trial verdict): CLIF-C OF with its six
//! organ sub-scores, the EASL-CLIF ACLF grade, CLIF-C ACLF, CLIF-C AD and the APASL AARC score.
//!
//! - CLIF-C OF and CLIF-C ACLF: Jalan R et al., "Development and validation of a prognostic
//!   score to predict mortality in patients with acute-on-chronic liver failure",
//!   J Hepatol 2014;61:1038-1047 (the CLIF-C OF table; CLIF-C ACLF = 10 x (0.33 CLIF-C OF +
//!   0.04 age + 0.63 ln(WBC) - 2)).
//! - CLIF-C AD: Jalan R et al., "The CLIF Consortium Acute Decompensation score (CLIF-C ADs)
//!   for prognosis of hospitalised cirrhotic patients without acute-on-chronic liver failure",
//!   J Hepatol 2015;62:831-840 (10 x (0.03 age + 0.66 ln(Cr) + 1.71 ln(INR) + 0.88 ln(WBC) -
//!   0.05 Na + 8)).
//! - The ACLF grade: Moreau R et al., "Acute-on-chronic liver failure is a distinct syndrome
//!   that develops in patients with acute decompensation of cirrhosis", Gastroenterology
//!   2013;144:1426-1437 (CANONIC), as restated by the EF-CLIF (European Foundation for the
//!   Study of Chronic Liver Failure) with its online calculators
//!   (efclif.com, "Score calculators: CLIF-C OF | ACLF | AD"): kidney failure is a
//!   creatinine >= 2.0 mg/dL (sub-score 2, not 3) or renal replacement; a single non-kidney
//!   failure is ACLF-1 only with creatinine 1.5 to < 2.0 mg/dL and/or HE grade 1-2 (brain
//!   failure: creatinine only). EF-CLIF writes "1.5-1.9 mg/dL"; read as 1.5 to < 2.0, since
//!   2.0 is kidney failure.
//! - AARC: Choudhury A et al., "Liver failure determines the outcome in patients of
//!   acute-on-chronic liver failure (ACLF): comparison of APASL ACLF research consortium
//!   (AARC) and CLIF-SOFA models", Hepatol Int 2017;11:461-471.
//!
//! Every band compares the value converted to the table's unit with the per-comparator 1e-9
//! tolerance of SPEC section 5 ([`at_least`], [`above`], [`below`], [`at_most`]), so a value
//! exactly at an edge is at the edge whichever unit it was typed in (132.6 µmol/L is 1.5 mg/dL).
//! The formulas use the raw values: no floors, no caps; the two prognostic scores are rounded
//! half-up and may be negative.
//!
//! COSSH-ACLF II (Li 2021, the Chinese HBV-ACLF score) is not included: SPEC section 11 allows
//! it only once its coefficients, units and HE coding are verified from the original paper or
//! a reference implementation that names it, and neither was available to verify them.

use super::meld::ScoreOutcome;
use super::patient::{Encephalopathy, InputId, InputSet, Patient};
use super::rounding::round_half_up;
use super::units::FieldUnit;

/// The tolerance of every band edge and threshold (SPEC section 5).
pub const EDGE_TOLERANCE: f64 = 1e-9;

/// `x >= e`, within the tolerance: x >= e - 1e-9.
#[must_use]
pub fn at_least(x: f64, e: f64) -> bool {
    x >= e - EDGE_TOLERANCE
}

/// `x > e`, within the tolerance: x > e + 1e-9.
#[must_use]
pub fn above(x: f64, e: f64) -> bool {
    x > e + EDGE_TOLERANCE
}

/// `x < e`, within the tolerance: not [`at_least`].
#[must_use]
pub fn below(x: f64, e: f64) -> bool {
    !at_least(x, e)
}

/// `x <= e`, within the tolerance: not [`above`].
#[must_use]
pub fn at_most(x: f64, e: f64) -> bool {
    !above(x, e)
}

/// CLIF-C ACLF coefficient of CLIF-C OF (Jalan 2014).
pub const ACLF_OF: f64 = 0.33;
/// CLIF-C ACLF coefficient of age, years.
pub const ACLF_AGE: f64 = 0.04;
/// CLIF-C ACLF coefficient of ln(WBC, 10^9/L).
pub const ACLF_WBC: f64 = 0.63;
/// CLIF-C ACLF constant.
pub const ACLF_CONSTANT: f64 = -2.0;
/// CLIF-C AD coefficient of age, years (Jalan 2015).
pub const AD_AGE: f64 = 0.03;
/// CLIF-C AD coefficient of ln(creatinine, mg/dL).
pub const AD_CREATININE: f64 = 0.66;
/// CLIF-C AD coefficient of ln(INR).
pub const AD_INR: f64 = 1.71;
/// CLIF-C AD coefficient of ln(WBC, 10^9/L).
pub const AD_WBC: f64 = 0.88;
/// CLIF-C AD coefficient of sodium, mmol/L.
pub const AD_SODIUM: f64 = -0.05;
/// CLIF-C AD constant.
pub const AD_CONSTANT: f64 = 8.0;
/// Both prognostic scores are 10 x their linear predictor.
pub const SCORE_SCALE: f64 = 10.0;
/// Creatinine (mg/dL) from which a single non-kidney failure makes ACLF-1 (kidney dysfunction).
pub const KIDNEY_DYSFUNCTION_FROM: f64 = 1.5;
/// Creatinine (mg/dL) from which the kidney fails (CLIF-C OF kidney sub-score 2).
pub const KIDNEY_FAILURE_FROM: f64 = 2.0;
/// SpO2 (%) up to which SpO2/FiO2 is validated; above it the ratio carries a "please check".
pub const SPO2_VALIDATED_UP_TO: f64 = 97.0;

/// One edge of a band.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Bound {
    /// The edge, in the table's unit.
    pub value: f64,
    /// Whether a value exactly at the edge is inside this band.
    pub inclusive: bool,
}

/// The band a value fell in: `low` < (or <=) value < (or <=) `high`; `None` = unbounded.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Band {
    /// Lower edge.
    pub low: Option<Bound>,
    /// Upper edge.
    pub high: Option<Bound>,
}

/// A three-band table on one value: below `a` | from `a` to `b` | above `b`, with each edge
/// belonging to the middle band or not. Rules as data: each table row is one constant.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ThreeBands {
    /// The lower edge.
    pub a: f64,
    /// Whether a value exactly at `a` is in the middle band (else in the first).
    pub a_in_middle: bool,
    /// The upper edge.
    pub b: f64,
    /// Whether a value exactly at `b` is in the middle band (else in the last).
    pub b_in_middle: bool,
}

impl ThreeBands {
    /// Which band (0, 1, 2 from low to high) `x` falls in, and that band's edges.
    #[must_use]
    pub fn band(&self, x: f64) -> (u8, Band) {
        let first = if self.a_in_middle {
            below(x, self.a)
        } else {
            at_most(x, self.a)
        };
        let last = if self.b_in_middle {
            above(x, self.b)
        } else {
            at_least(x, self.b)
        };
        let a = |inclusive| {
            Some(Bound {
                value: self.a,
                inclusive,
            })
        };
        let b = |inclusive| {
            Some(Bound {
                value: self.b,
                inclusive,
            })
        };
        if first {
            (
                0,
                Band {
                    low: None,
                    high: a(!self.a_in_middle),
                },
            )
        } else if last {
            (
                2,
                Band {
                    low: b(!self.b_in_middle),
                    high: None,
                },
            )
        } else {
            (
                1,
                Band {
                    low: a(self.a_in_middle),
                    high: b(self.b_in_middle),
                },
            )
        }
    }
}

/// CLIF-C OF liver, bilirubin mg/dL: < 6 | 6 to 12 | > 12 (12.0 scores 2).
pub const LIVER_BANDS: ThreeBands = ThreeBands {
    a: 6.0,
    a_in_middle: true,
    b: 12.0,
    b_in_middle: true,
};
/// CLIF-C OF kidney, creatinine mg/dL: < 2 | 2 to < 3.5 | >= 3.5.
pub const KIDNEY_BANDS: ThreeBands = ThreeBands {
    a: 2.0,
    a_in_middle: true,
    b: 3.5,
    b_in_middle: false,
};
/// CLIF-C OF coagulation, INR: < 2.0 | 2.0 to < 2.5 | >= 2.5.
pub const COAGULATION_BANDS: ThreeBands = ThreeBands {
    a: 2.0,
    a_in_middle: true,
    b: 2.5,
    b_in_middle: false,
};
/// CLIF-C OF respiration, PaO2/FiO2 (mmHg): <= 200 scores 3 | > 200 to 300 | > 300 scores 1.
pub const PAO2_FIO2_BANDS: ThreeBands = ThreeBands {
    a: 200.0,
    a_in_middle: false,
    b: 300.0,
    b_in_middle: true,
};
/// CLIF-C OF respiration, SpO2/FiO2 (%): <= 214 scores 3 | > 214 to 357 | > 357 scores 1.
pub const SPO2_FIO2_BANDS: ThreeBands = ThreeBands {
    a: 214.0,
    a_in_middle: false,
    b: 357.0,
    b_in_middle: true,
};
/// CLIF-C OF circulation: MAP below this (mmHg) scores 2; at or above it scores 1.
pub const MAP_LOW_BELOW: f64 = 70.0;
/// AARC bilirubin, mg/dL: < 15 | 15-25 | > 25.
pub const AARC_BILIRUBIN_BANDS: ThreeBands = ThreeBands {
    a: 15.0,
    a_in_middle: true,
    b: 25.0,
    b_in_middle: true,
};
/// AARC INR: < 1.8 | 1.8-2.5 | > 2.5.
pub const AARC_INR_BANDS: ThreeBands = ThreeBands {
    a: 1.8,
    a_in_middle: true,
    b: 2.5,
    b_in_middle: true,
};
/// AARC lactate, mmol/L: < 1.5 | 1.5-2.5 | > 2.5.
pub const AARC_LACTATE_BANDS: ThreeBands = ThreeBands {
    a: 1.5,
    a_in_middle: true,
    b: 2.5,
    b_in_middle: true,
};
/// AARC creatinine, mg/dL: < 0.7 | 0.7-1.5 | > 1.5.
pub const AARC_CREATININE_BANDS: ThreeBands = ThreeBands {
    a: 0.7,
    a_in_middle: true,
    b: 1.5,
    b_in_middle: true,
};

/// An organ system of CLIF-C OF.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Organ {
    /// Liver: total bilirubin.
    Liver,
    /// Kidney: creatinine or renal replacement therapy.
    Kidney,
    /// Brain: West Haven grade of hepatic encephalopathy.
    Brain,
    /// Coagulation: INR.
    Coagulation,
    /// Circulation: mean arterial pressure or vasopressors.
    Circulation,
    /// Respiration: PaO2/FiO2, or SpO2/FiO2 without a PaO2.
    Respiration,
}

impl Organ {
    /// The six organs, in CLIF-C OF (and contract) order.
    pub const ALL: [Organ; 6] = [
        Organ::Liver,
        Organ::Kidney,
        Organ::Brain,
        Organ::Coagulation,
        Organ::Circulation,
        Organ::Respiration,
    ];

    /// The name in the UI test contract's `data-failures` list.
    #[must_use]
    pub const fn contract_name(self) -> &'static str {
        match self {
            Organ::Liver => "liver",
            Organ::Kidney => "kidney",
            Organ::Brain => "brain",
            Organ::Coagulation => "coagulation",
            Organ::Circulation => "circulation",
            Organ::Respiration => "respiration",
        }
    }

    /// Whether a sub-score is organ failure (Moreau 2013): 3, or for the kidney 2 or more.
    #[must_use]
    pub const fn fails_at(self, points: u8) -> bool {
        match self {
            Organ::Kidney => points >= 2,
            _ => points >= 3,
        }
    }
}

/// A value as entered and as the table used it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Measurement {
    /// The number as typed.
    pub entered: f64,
    /// The unit it was typed in.
    pub unit: FieldUnit,
    /// The value in the table's unit (mg/dL, mmHg, %, 10^9/L, mmol/L, ratio).
    pub used: f64,
}

impl Measurement {
    fn same(value: f64, unit: FieldUnit) -> Self {
        Measurement {
            entered: value,
            unit,
            used: value,
        }
    }
}

/// Which oxygenation ratio scored the respiration.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OxygenRatioKind {
    /// PaO2 (mmHg) / FiO2 (fraction).
    Pao2Fio2,
    /// SpO2 (%) / FiO2 (fraction), used only without a PaO2.
    Spo2Fio2,
}

/// The oxygenation ratio with its parts.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct OxygenRatio {
    /// Which ratio.
    pub kind: OxygenRatioKind,
    /// PaO2 (entered, used in mmHg) or SpO2 (%).
    pub numerator: Measurement,
    /// FiO2 as typed (%) and as used (fraction).
    pub fio2: Measurement,
    /// The ratio compared with the bands.
    pub ratio: f64,
    /// SpO2/FiO2 with SpO2 above 97 %, beyond its validation: "please check".
    pub beyond_validation: bool,
}

/// What a sub-score was decided on.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Basis {
    /// A measured value, banded.
    Measured(Measurement),
    /// Renal replacement therapy (the dialysis box): kidney 3 whatever the creatinine.
    RenalReplacement {
        /// The creatinine, if entered (not needed).
        creatinine: Option<Measurement>,
    },
    /// Vasopressors or inotropes: circulation 3 whatever the MAP.
    Vasopressors {
        /// The MAP, if entered (not needed).
        map: Option<Measurement>,
    },
    /// Hepatic encephalopathy, West Haven grade (0 = none).
    Encephalopathy {
        /// 0 (absent) to 4.
        grade: u8,
    },
    /// An oxygenation ratio, banded.
    Oxygen(OxygenRatio),
}

/// One organ's CLIF-C OF sub-score with its trail.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SubScore {
    /// The organ.
    pub organ: Organ,
    /// 1 to 3.
    pub points: u8,
    /// What decided it.
    pub basis: Basis,
    /// The band the value fell in (`None` for a box or the HE grade).
    pub band: Option<Band>,
}

impl SubScore {
    /// Whether this sub-score is organ failure (Moreau 2013).
    #[must_use]
    pub const fn is_failure(&self) -> bool {
        self.organ.fails_at(self.points)
    }
}

/// CLIF-C OF (Jalan 2014), 6-18, with its six sub-scores.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ClifOf {
    /// The sum of the sub-scores, 6 to 18.
    pub total: u8,
    /// Liver, kidney, brain, coagulation, circulation, respiration.
    pub sub_scores: [SubScore; 6],
}

impl ClifOf {
    /// The failing organs, in contract order.
    pub fn failures(&self) -> impl Iterator<Item = Organ> + '_ {
        self.sub_scores
            .iter()
            .filter(|s| s.is_failure())
            .map(|s| s.organ)
    }
}

/// The EASL-CLIF ACLF grade.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum AclfGrade {
    /// No ACLF (acute decompensation without ACLF: CLIF-C AD applies).
    NoAclf,
    /// ACLF grade 1.
    Grade1,
    /// ACLF grade 2: two organ failures.
    Grade2,
    /// ACLF grade 3: three or more organ failures.
    Grade3,
}

impl AclfGrade {
    /// The UI test contract's `data-grade`: `none`, `1`, `2`, `3`.
    #[must_use]
    pub const fn contract_name(self) -> &'static str {
        match self {
            AclfGrade::NoAclf => "none",
            AclfGrade::Grade1 => "1",
            AclfGrade::Grade2 => "2",
            AclfGrade::Grade3 => "3",
        }
    }
}

/// Which rule of Moreau 2013 decided the grade.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GradeRoute {
    /// No organ failure: no ACLF (whatever the creatinine or HE).
    NoFailure,
    /// One liver, coagulation, circulation or respiration failure with creatinine < 1.5
    /// mg/dL and no HE: no ACLF.
    SingleFailureWithoutKidneyOrBrainDysfunction,
    /// Brain failure alone with creatinine < 1.5 mg/dL: no ACLF.
    SingleBrainFailureWithoutKidneyDysfunction,
    /// Kidney failure alone: ACLF-1.
    KidneyFailureAlone,
    /// One liver, coagulation, circulation or respiration failure with creatinine 1.5 to
    /// < 2.0 mg/dL and/or HE grade 1-2: ACLF-1.
    SingleFailureWithKidneyOrBrainDysfunction {
        /// Creatinine 1.5 to < 2.0 mg/dL.
        kidney_dysfunction: bool,
        /// HE grade 1-2.
        brain_dysfunction: bool,
    },
    /// Brain failure alone with creatinine 1.5 to < 2.0 mg/dL: ACLF-1.
    SingleBrainFailureWithKidneyDysfunction,
    /// Two organ failures: ACLF-2.
    TwoFailures,
    /// Three or more organ failures: ACLF-3.
    ThreeOrMoreFailures,
}

/// The EASL-CLIF ACLF grade with what decided it.
#[derive(Clone, Debug, PartialEq)]
pub struct EaslClifGrade {
    /// The grade.
    pub grade: AclfGrade,
    /// The failing organs, in contract order.
    pub failures: Vec<Organ>,
    /// The rule that decided it.
    pub route: GradeRoute,
    /// Creatinine in mg/dL as compared (`None` after renal replacement without a value).
    pub creatinine_mg_dl: Option<f64>,
    /// West Haven grade, 0 = none.
    pub he_grade: u8,
}

impl EaslClifGrade {
    /// The UI test contract's `data-failures`: a comma list in contract order.
    #[must_use]
    pub fn contract_failures(&self) -> String {
        self.failures
            .iter()
            .map(|o| o.contract_name())
            .collect::<Vec<_>>()
            .join(",")
    }
}

/// CLIF-C ACLF (Jalan 2014) with its trail.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ClifCAclf {
    /// Rounded half-up, unclamped (may be negative).
    pub score: i32,
    /// 10 x (0.33 OF + 0.04 age + 0.63 ln(WBC) - 2), unrounded.
    pub unrounded: f64,
    /// CLIF-C OF used.
    pub clif_of: u8,
    /// Age, years.
    pub age: u32,
    /// WBC, 10^9/L.
    pub wbc: f64,
}

/// CLIF-C AD (Jalan 2015) with its trail.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ClifCAd {
    /// Rounded half-up, unclamped (may be negative).
    pub score: i32,
    /// 10 x (0.03 age + 0.66 ln(Cr) + 1.71 ln(INR) + 0.88 ln(WBC) - 0.05 Na + 8), unrounded.
    pub unrounded: f64,
    /// Age, years.
    pub age: u32,
    /// Creatinine as entered and in mg/dL.
    pub creatinine: Measurement,
    /// INR.
    pub inr: f64,
    /// WBC, 10^9/L.
    pub wbc: f64,
    /// Sodium, mmol/L.
    pub sodium: f64,
}

/// A prognostic score that the grade selects: CLIF-C ACLF with ACLF, CLIF-C AD without.
#[derive(Clone, Debug, PartialEq)]
pub enum GradedOutcome<T> {
    /// The grade calls for this score (or is not yet known): computed or naming what is missing.
    Applies(ScoreOutcome<T>),
    /// The grade calls for the other score.
    NotApplicable(AclfGrade),
}

impl<T> GradedOutcome<T> {
    /// The computed score, if any.
    #[must_use]
    pub fn computed(&self) -> Option<&T> {
        match self {
            GradedOutcome::Applies(o) => o.computed(),
            GradedOutcome::NotApplicable(_) => None,
        }
    }
}

/// An item of the AARC score.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AarcComponent {
    /// Total bilirubin, mg/dL.
    Bilirubin,
    /// Hepatic encephalopathy, West Haven grade.
    Encephalopathy,
    /// INR.
    Inr,
    /// Lactate, mmol/L.
    Lactate,
    /// Creatinine, mg/dL.
    Creatinine,
}

/// One AARC item with its trail.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct AarcItem {
    /// Which item.
    pub component: AarcComponent,
    /// 1 to 3.
    pub points: u8,
    /// What decided it ([`Basis::Measured`] or [`Basis::Encephalopathy`]).
    pub basis: Basis,
    /// The band (`None` for the HE grade).
    pub band: Option<Band>,
}

/// The AARC grade.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum AarcGrade {
    /// Grade I: 5-7 points.
    I,
    /// Grade II: 8-10 points.
    II,
    /// Grade III: 11-15 points.
    III,
}

impl AarcGrade {
    /// The grade of an AARC total (5-15).
    #[must_use]
    pub const fn of_total(total: u8) -> AarcGrade {
        match total {
            0..=7 => AarcGrade::I,
            8..=10 => AarcGrade::II,
            _ => AarcGrade::III,
        }
    }

    /// The UI test contract's `data-grade`: `I`, `II`, `III`.
    #[must_use]
    pub const fn contract_name(self) -> &'static str {
        match self {
            AarcGrade::I => "I",
            AarcGrade::II => "II",
            AarcGrade::III => "III",
        }
    }
}

/// The APASL AARC score (Choudhury 2017), 5-15, with its grade and items.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Aarc {
    /// The sum, 5 to 15.
    pub total: u8,
    /// I, II or III.
    pub grade: AarcGrade,
    /// Bilirubin, HE, INR, lactate, creatinine.
    pub items: [AarcItem; 5],
}

/// The whole severity context: what the UI shows in its section.
#[derive(Clone, Debug, PartialEq)]
pub struct Severity {
    /// CLIF-C OF.
    pub clif_of: ScoreOutcome<ClifOf>,
    /// The EASL-CLIF ACLF grade.
    pub grade: ScoreOutcome<EaslClifGrade>,
    /// CLIF-C ACLF (grade >= 1).
    pub clif_c_aclf: GradedOutcome<ClifCAclf>,
    /// CLIF-C AD (no ACLF).
    pub clif_c_ad: GradedOutcome<ClifCAd>,
    /// AARC.
    pub aarc: ScoreOutcome<Aarc>,
}

/// Every score of the severity context.
#[must_use]
pub fn severity(p: &Patient) -> Severity {
    let of = clif_of(p);
    let grade = aclf_grade(p, &of);
    Severity {
        clif_c_aclf: clif_c_aclf(p, &of, &grade),
        clif_c_ad: clif_c_ad(p, &grade),
        clif_of: of,
        grade,
        aarc: aarc(p),
    }
}

type Part<T> = Result<T, InputSet>;

fn need(id: InputId) -> InputSet {
    InputSet::EMPTY.with(id)
}

fn creatinine_measurement(p: &Patient) -> Option<Measurement> {
    p.creatinine.map(|c| Measurement {
        entered: c.entered(),
        unit: FieldUnit::from(c.unit()),
        used: c.mg_per_dl(),
    })
}

fn bilirubin_measurement(p: &Patient) -> Option<Measurement> {
    p.tbil.map(|b| Measurement {
        entered: b.entered(),
        unit: FieldUnit::from(b.unit()),
        used: b.mg_per_dl(),
    })
}

/// The West Haven grade (0 = none), or what is missing: HE itself, or its grade.
fn he_grade(p: &Patient) -> Part<u8> {
    match p.encephalopathy {
        None => Err(need(InputId::HepaticEncephalopathy)),
        Some(Encephalopathy::Absent) => Ok(0),
        Some(Encephalopathy::Present(Some(g))) => Ok(g),
        Some(Encephalopathy::Present(None)) => Err(need(InputId::HeGrade)),
    }
}

/// 1 (none), 2 (grade 1-2), 3 (grade 3-4): CLIF-C OF brain and AARC HE alike.
const fn he_points(grade: u8) -> u8 {
    match grade {
        0 => 1,
        1 | 2 => 2,
        _ => 3,
    }
}

fn banded(organ: Organ, m: Measurement, bands: &ThreeBands) -> SubScore {
    let (i, band) = bands.band(m.used);
    SubScore {
        organ,
        points: i + 1,
        basis: Basis::Measured(m),
        band: Some(band),
    }
}

fn liver(p: &Patient) -> Part<SubScore> {
    let m = bilirubin_measurement(p).ok_or(need(InputId::Tbil))?;
    Ok(banded(Organ::Liver, m, &LIVER_BANDS))
}

fn kidney(p: &Patient) -> Part<SubScore> {
    let m = creatinine_measurement(p);
    if p.dialysis {
        return Ok(SubScore {
            organ: Organ::Kidney,
            points: 3,
            basis: Basis::RenalReplacement { creatinine: m },
            band: None,
        });
    }
    let m = m.ok_or(need(InputId::Creatinine))?;
    Ok(banded(Organ::Kidney, m, &KIDNEY_BANDS))
}

fn brain(p: &Patient) -> Part<SubScore> {
    let grade = he_grade(p)?;
    Ok(SubScore {
        organ: Organ::Brain,
        points: he_points(grade),
        basis: Basis::Encephalopathy { grade },
        band: None,
    })
}

fn coagulation(p: &Patient) -> Part<SubScore> {
    let inr = p.inr.ok_or(need(InputId::Inr))?;
    let m = Measurement::same(inr.0, FieldUnit::Ratio);
    Ok(banded(Organ::Coagulation, m, &COAGULATION_BANDS))
}

fn circulation(p: &Patient) -> Part<SubScore> {
    let map = p.map.map(|m| Measurement::same(m.0, FieldUnit::MmHg));
    if p.vasopressors {
        return Ok(SubScore {
            organ: Organ::Circulation,
            points: 3,
            basis: Basis::Vasopressors { map },
            band: None,
        });
    }
    let m = map.ok_or(need(InputId::Map))?;
    let edge = |inclusive| {
        Some(Bound {
            value: MAP_LOW_BELOW,
            inclusive,
        })
    };
    let (points, band) = if at_least(m.used, MAP_LOW_BELOW) {
        (
            1,
            Band {
                low: edge(true),
                high: None,
            },
        )
    } else {
        (
            2,
            Band {
                low: None,
                high: edge(false),
            },
        )
    };
    Ok(SubScore {
        organ: Organ::Circulation,
        points,
        basis: Basis::Measured(m),
        band: Some(band),
    })
}

fn respiration(p: &Patient) -> Part<SubScore> {
    let numerator = match (p.pao2, p.spo2) {
        (Some(pao2), _) => Some((
            OxygenRatioKind::Pao2Fio2,
            Measurement {
                entered: pao2.entered(),
                unit: FieldUnit::from(pao2.unit()),
                used: pao2.mmhg(),
            },
        )),
        (None, Some(spo2)) => Some((
            OxygenRatioKind::Spo2Fio2,
            Measurement::same(spo2.0, FieldUnit::Percent),
        )),
        (None, None) => None,
    };
    // Without either, both are named: either one will do (PaO2 is preferred).
    let missing = missing_of(&[
        (numerator.is_none(), InputId::Pao2),
        (numerator.is_none(), InputId::Spo2),
        (p.fio2.is_none(), InputId::Fio2),
    ]);
    let (Some((kind, numerator)), Some(fio2)) = (numerator, p.fio2) else {
        return Err(missing);
    };
    let fio2 = Measurement {
        entered: fio2.percent(),
        unit: FieldUnit::Percent,
        used: fio2.fraction(),
    };
    let ratio = numerator.used / fio2.used;
    let bands = match kind {
        OxygenRatioKind::Pao2Fio2 => &PAO2_FIO2_BANDS,
        OxygenRatioKind::Spo2Fio2 => &SPO2_FIO2_BANDS,
    };
    let (i, band) = bands.band(ratio);
    Ok(SubScore {
        organ: Organ::Respiration,
        // The ratio bands run the other way: the lowest ratio scores 3.
        points: 3 - i,
        basis: Basis::Oxygen(OxygenRatio {
            kind,
            numerator,
            fio2,
            ratio,
            beyond_validation: kind == OxygenRatioKind::Spo2Fio2
                && above(numerator.used, SPO2_VALIDATED_UP_TO),
        }),
        band: Some(band),
    })
}

/// Collects six parts into all six values, or the union of what they miss.
fn all_six(parts: [Part<SubScore>; 6]) -> Part<[SubScore; 6]> {
    let missing = parts
        .iter()
        .filter_map(|p| p.as_ref().err())
        .fold(InputSet::EMPTY, |s, m| s.union(*m));
    if !missing.is_empty() {
        return Err(missing);
    }
    Ok(parts.map(|p| p.unwrap_or_else(|_| unreachable!("checked above"))))
}

/// CLIF-C OF (Jalan 2014): six organs scored 1-3.
///
/// ```
/// use aclf_screen::clinical::patient::{Encephalopathy, Patient};
/// use aclf_screen::clinical::severity::clif_of;
/// use aclf_screen::clinical::units::*;
/// let p = Patient {
///     tbil: Some(Bilirubin::from_mg_per_dl(12.0)), // 2: 12.0 is in the 6-12 band
///     creatinine: Some(Creatinine::from_mg_per_dl(1.0)),
///     encephalopathy: Some(Encephalopathy::Absent),
///     inr: Some(Inr(2.5)),                             // 3: >= 2.5
///     map: Some(MeanArterialPressure(80.0)),
///     pao2: Some(Pao2::from_mmhg(90.0)),
///     fio2: Some(Fio2(21.0)),                          // 90 / 0.21 = 428.6: 1
///     ..Patient::default()
/// };
/// assert_eq!(clif_of(&p).computed().unwrap().total, 9);
/// ```
#[must_use]
pub fn clif_of(p: &Patient) -> ScoreOutcome<ClifOf> {
    match all_six([
        liver(p),
        kidney(p),
        brain(p),
        coagulation(p),
        circulation(p),
        respiration(p),
    ]) {
        Ok(sub_scores) => ScoreOutcome::Computed(ClifOf {
            total: sub_scores.iter().map(|s| s.points).sum(),
            sub_scores,
        }),
        Err(missing) => ScoreOutcome::NotComputable(missing),
    }
}

/// The EASL-CLIF ACLF grade (Moreau 2013) from CLIF-C OF and the raw creatinine and HE grade.
#[must_use]
pub fn aclf_grade(p: &Patient, of: &ScoreOutcome<ClifOf>) -> ScoreOutcome<EaslClifGrade> {
    let of = match of {
        ScoreOutcome::Computed(of) => of,
        ScoreOutcome::NotComputable(m) => return ScoreOutcome::NotComputable(*m),
    };
    let failures: Vec<Organ> = of.failures().collect();
    // Known whenever CLIF-C OF is: brain needed the grade, kidney the creatinine or dialysis.
    let he = match he_grade(p) {
        Ok(g) => g,
        Err(m) => return ScoreOutcome::NotComputable(m),
    };
    let creatinine_mg_dl = p.creatinine.map(|c| c.mg_per_dl());
    // Kidney dysfunction: creatinine 1.5 to < 2.0 mg/dL. Only asked when the kidney does not
    // fail, and then the creatinine is known (no dialysis, so CLIF-C OF needed it).
    let kidney_dysfunction = creatinine_mg_dl
        .is_some_and(|c| at_least(c, KIDNEY_DYSFUNCTION_FROM) && below(c, KIDNEY_FAILURE_FROM));
    let brain_dysfunction = matches!(he, 1 | 2);
    let (grade, route) = match failures.as_slice() {
        [] => (AclfGrade::NoAclf, GradeRoute::NoFailure),
        [Organ::Kidney] => (AclfGrade::Grade1, GradeRoute::KidneyFailureAlone),
        [Organ::Brain] if kidney_dysfunction => (
            AclfGrade::Grade1,
            GradeRoute::SingleBrainFailureWithKidneyDysfunction,
        ),
        [Organ::Brain] => (
            AclfGrade::NoAclf,
            GradeRoute::SingleBrainFailureWithoutKidneyDysfunction,
        ),
        [_] if kidney_dysfunction || brain_dysfunction => (
            AclfGrade::Grade1,
            GradeRoute::SingleFailureWithKidneyOrBrainDysfunction {
                kidney_dysfunction,
                brain_dysfunction,
            },
        ),
        [_] => (
            AclfGrade::NoAclf,
            GradeRoute::SingleFailureWithoutKidneyOrBrainDysfunction,
        ),
        [_, _] => (AclfGrade::Grade2, GradeRoute::TwoFailures),
        _ => (AclfGrade::Grade3, GradeRoute::ThreeOrMoreFailures),
    };
    ScoreOutcome::Computed(EaslClifGrade {
        grade,
        failures,
        route,
        creatinine_mg_dl,
        he_grade: he,
    })
}

/// The inputs flagged missing.
fn missing_of(flags: &[(bool, InputId)]) -> InputSet {
    flags
        .iter()
        .filter(|(missing, _)| *missing)
        .fold(InputSet::EMPTY, |s, (_, id)| s.with(*id))
}

/// What a prognostic score needs beyond the grade, with the grade's own missing inputs.
fn awaiting_grade<T>(grade_missing: InputSet, own: InputSet) -> GradedOutcome<T> {
    GradedOutcome::Applies(ScoreOutcome::NotComputable(grade_missing.union(own)))
}

/// CLIF-C ACLF = 10 x (0.33 CLIF-C OF + 0.04 age + 0.63 ln(WBC) - 2) (Jalan 2014), with ACLF.
#[must_use]
pub fn clif_c_aclf(
    p: &Patient,
    of: &ScoreOutcome<ClifOf>,
    grade: &ScoreOutcome<EaslClifGrade>,
) -> GradedOutcome<ClifCAclf> {
    let own = missing_of(&[
        (p.age.is_none(), InputId::Age),
        (p.wbc.is_none(), InputId::Wbc),
    ]);
    let g = match grade {
        ScoreOutcome::NotComputable(m) => return awaiting_grade(*m, own),
        ScoreOutcome::Computed(g) => g.grade,
    };
    if g == AclfGrade::NoAclf {
        return GradedOutcome::NotApplicable(g);
    }
    let (Some(of), Some(age), Some(wbc)) = (of.computed(), p.age, p.wbc) else {
        return GradedOutcome::Applies(ScoreOutcome::NotComputable(own));
    };
    let unrounded = SCORE_SCALE
        * (ACLF_OF * f64::from(of.total)
            + ACLF_AGE * f64::from(age.0)
            + ACLF_WBC * wbc.0.ln()
            + ACLF_CONSTANT);
    GradedOutcome::Applies(ScoreOutcome::Computed(ClifCAclf {
        score: round_half_up(unrounded, 0) as i32,
        unrounded,
        clif_of: of.total,
        age: age.0,
        wbc: wbc.0,
    }))
}

/// CLIF-C AD = 10 x (0.03 age + 0.66 ln(Cr) + 1.71 ln(INR) + 0.88 ln(WBC) - 0.05 Na + 8)
/// (Jalan 2015), without ACLF.
#[must_use]
pub fn clif_c_ad(p: &Patient, grade: &ScoreOutcome<EaslClifGrade>) -> GradedOutcome<ClifCAd> {
    let own = missing_of(&[
        (p.age.is_none(), InputId::Age),
        (p.inr.is_none(), InputId::Inr),
        (p.creatinine.is_none(), InputId::Creatinine),
        (p.sodium.is_none(), InputId::Sodium),
        (p.wbc.is_none(), InputId::Wbc),
    ]);
    let g = match grade {
        ScoreOutcome::NotComputable(m) => return awaiting_grade(*m, own),
        ScoreOutcome::Computed(g) => g.grade,
    };
    if g != AclfGrade::NoAclf {
        return GradedOutcome::NotApplicable(g);
    }
    let (Some(age), Some(cr), Some(inr), Some(wbc), Some(na)) =
        (p.age, creatinine_measurement(p), p.inr, p.wbc, p.sodium)
    else {
        return GradedOutcome::Applies(ScoreOutcome::NotComputable(own));
    };
    let unrounded = SCORE_SCALE
        * (AD_AGE * f64::from(age.0)
            + AD_CREATININE * cr.used.ln()
            + AD_INR * inr.0.ln()
            + AD_WBC * wbc.0.ln()
            + AD_SODIUM * na.mmol_per_l()
            + AD_CONSTANT);
    GradedOutcome::Applies(ScoreOutcome::Computed(ClifCAd {
        score: round_half_up(unrounded, 0) as i32,
        unrounded,
        age: age.0,
        creatinine: cr,
        inr: inr.0,
        wbc: wbc.0,
        sodium: na.mmol_per_l(),
    }))
}

fn aarc_item(component: AarcComponent, m: Measurement, bands: &ThreeBands) -> AarcItem {
    let (i, band) = bands.band(m.used);
    AarcItem {
        component,
        points: i + 1,
        basis: Basis::Measured(m),
        band: Some(band),
    }
}

/// The APASL AARC score (Choudhury 2017): five items scored 1-3, total 5-15, grade I-III.
/// Creatinine is scored as measured: the dialysis box does not change it.
#[must_use]
pub fn aarc(p: &Patient) -> ScoreOutcome<Aarc> {
    let parts: [Part<AarcItem>; 5] = [
        bilirubin_measurement(p)
            .map(|m| aarc_item(AarcComponent::Bilirubin, m, &AARC_BILIRUBIN_BANDS))
            .ok_or(need(InputId::Tbil)),
        he_grade(p).map(|grade| AarcItem {
            component: AarcComponent::Encephalopathy,
            points: he_points(grade),
            basis: Basis::Encephalopathy { grade },
            band: None,
        }),
        p.inr
            .map(|i| {
                aarc_item(
                    AarcComponent::Inr,
                    Measurement::same(i.0, FieldUnit::Ratio),
                    &AARC_INR_BANDS,
                )
            })
            .ok_or(need(InputId::Inr)),
        p.lactate
            .map(|l| {
                aarc_item(
                    AarcComponent::Lactate,
                    Measurement::same(l.0, FieldUnit::MmolPerL),
                    &AARC_LACTATE_BANDS,
                )
            })
            .ok_or(need(InputId::Lactate)),
        creatinine_measurement(p)
            .map(|m| aarc_item(AarcComponent::Creatinine, m, &AARC_CREATININE_BANDS))
            .ok_or(need(InputId::Creatinine)),
    ];
    let missing = parts
        .iter()
        .filter_map(|p| p.as_ref().err())
        .fold(InputSet::EMPTY, |s, m| s.union(*m));
    if !missing.is_empty() {
        return ScoreOutcome::NotComputable(missing);
    }
    let items = parts.map(|p| p.unwrap_or_else(|_| unreachable!("checked above")));
    let total = items.iter().map(|i| i.points).sum();
    ScoreOutcome::Computed(Aarc {
        total,
        grade: AarcGrade::of_total(total),
        items,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clinical::units::{
        Age, Bilirubin, Creatinine, Fio2, Inr, Lactate, MeanArterialPressure, Pao2, Sodium, Spo2,
        Wbc,
    };

    /// A decompensated patient with no organ failure and every severity input entered.
    fn base() -> Patient {
        Patient {
            age: Some(Age(50)),
            tbil: Some(Bilirubin::from_mg_per_dl(1.0)),
            creatinine: Some(Creatinine::from_mg_per_dl(1.0)),
            encephalopathy: Some(Encephalopathy::Absent),
            inr: Some(Inr(1.2)),
            map: Some(MeanArterialPressure(85.0)),
            pao2: Some(Pao2::from_mmhg(95.0)),
            fio2: Some(Fio2(21.0)),
            wbc: Some(Wbc(6.0)),
            sodium: Some(Sodium(138.0)),
            lactate: Some(Lactate(1.0)),
            ..Patient::default()
        }
    }

    fn mg_bili(v: f64) -> Option<Bilirubin> {
        Some(Bilirubin::from_mg_per_dl(v))
    }

    fn mg_cr(v: f64) -> Option<Creatinine> {
        Some(Creatinine::from_mg_per_dl(v))
    }

    fn he(grade: u8) -> Option<Encephalopathy> {
        Some(if grade == 0 {
            Encephalopathy::Absent
        } else {
            Encephalopathy::Present(Some(grade))
        })
    }

    fn points(p: &Patient, organ: Organ) -> u8 {
        clif_of(p).computed().expect("CLIF-C OF").sub_scores[organ as usize].points
    }

    fn grade(p: &Patient) -> AclfGrade {
        severity(p).grade.computed().expect("grade").grade
    }

    fn set(ids: &[InputId]) -> InputSet {
        InputSet::of(ids)
    }

    #[test]
    fn comparators_tolerate_binary_error_at_the_edge_only() {
        assert!(at_least(1.5 - 1e-10, 1.5) && !at_least(1.5 - 1e-8, 1.5));
        assert!(above(1.5 + 1e-8, 1.5) && !above(1.5 + 1e-10, 1.5));
        assert!(below(1.5 - 1e-8, 1.5) && !below(1.5 - 1e-10, 1.5));
        assert!(at_most(1.5 + 1e-10, 1.5) && !at_most(1.5 + 1e-8, 1.5));
        // 132.6 / 88.4 = 1.4999999999999998 in f64: exactly 1.5 mg/dL for every comparator.
        let cr = Creatinine::from_umol_per_l(132.6).mg_per_dl();
        assert!(cr < 1.5, "the binary error this rule exists for");
        assert!(at_least(cr, 1.5) && at_most(cr, 1.5) && !below(cr, 1.5) && !above(cr, 1.5));
    }

    #[test]
    fn liver_bands_on_both_sides_of_6_and_12_in_both_units() {
        // (bilirubin, mg/dL or µmol/L, expected points). 6 mg/dL = 102.6, 12 = 205.2 µmol/L.
        let cases: &[(Bilirubin, u8)] = &[
            (Bilirubin::from_mg_per_dl(5.99), 1),
            (Bilirubin::from_mg_per_dl(6.0), 2),
            (Bilirubin::from_mg_per_dl(12.0), 2),
            (Bilirubin::from_mg_per_dl(12.01), 3),
            (Bilirubin::from_umol_per_l(102.5), 1),
            (Bilirubin::from_umol_per_l(102.6), 2),
            (Bilirubin::from_umol_per_l(205.2), 2),
            (Bilirubin::from_umol_per_l(205.3), 3),
        ];
        for (b, expected) in cases {
            let p = Patient {
                tbil: Some(*b),
                ..base()
            };
            assert_eq!(points(&p, Organ::Liver), *expected, "{b:?}");
        }
    }

    #[test]
    fn exactly_12_mg_dl_bilirubin_scores_2_and_is_no_liver_failure() {
        let p = Patient {
            tbil: mg_bili(12.0),
            ..base()
        };
        let of = clif_of(&p);
        let liver = of.computed().unwrap().sub_scores[0];
        assert_eq!((liver.points, liver.is_failure()), (2, false));
        assert_eq!(
            liver.band,
            Some(Band {
                low: Some(Bound {
                    value: 6.0,
                    inclusive: true
                }),
                high: Some(Bound {
                    value: 12.0,
                    inclusive: true
                }),
            })
        );
    }

    #[test]
    fn kidney_bands_on_both_sides_of_2_and_3_5_in_both_units() {
        // 2.0 mg/dL = 176.8 µmol/L; 3.5 mg/dL = 309.4 µmol/L.
        let cases: &[(Creatinine, u8)] = &[
            (Creatinine::from_mg_per_dl(1.99), 1),
            (Creatinine::from_mg_per_dl(2.0), 2),
            (Creatinine::from_mg_per_dl(3.49), 2),
            (Creatinine::from_mg_per_dl(3.5), 3),
            (Creatinine::from_umol_per_l(176.7), 1),
            (Creatinine::from_umol_per_l(176.8), 2),
            (Creatinine::from_umol_per_l(309.3), 2),
            (Creatinine::from_umol_per_l(309.4), 3),
        ];
        for (c, expected) in cases {
            let p = Patient {
                creatinine: Some(*c),
                ..base()
            };
            assert_eq!(points(&p, Organ::Kidney), *expected, "{c:?}");
        }
    }

    #[test]
    fn creatinine_3_5_scores_3_not_2() {
        // A known public-implementation bug: "> 3.5" instead of ">= 3.5".
        let p = Patient {
            creatinine: mg_cr(3.5),
            ..base()
        };
        assert_eq!(points(&p, Organ::Kidney), 3);
    }

    #[test]
    fn dialysis_scores_kidney_3_whatever_the_creatinine_and_needs_none() {
        for cr in [mg_cr(0.8), None] {
            let p = Patient {
                creatinine: cr,
                dialysis: true,
                ..base()
            };
            let s = clif_of(&p).computed().unwrap().sub_scores[1];
            assert_eq!(s.points, 3);
            assert!(matches!(s.basis, Basis::RenalReplacement { .. }));
        }
    }

    #[test]
    fn brain_scores_the_west_haven_grade() {
        for (g, expected) in [(0, 1), (1, 2), (2, 2), (3, 3), (4, 3)] {
            let p = Patient {
                encephalopathy: he(g),
                ..base()
            };
            assert_eq!(points(&p, Organ::Brain), expected, "grade {g}");
        }
    }

    #[test]
    fn coagulation_bands_on_both_sides_of_2_0_and_2_5() {
        for (inr, expected) in [(1.99, 1), (2.0, 2), (2.49, 2), (2.5, 3)] {
            let p = Patient {
                inr: Some(Inr(inr)),
                ..base()
            };
            assert_eq!(points(&p, Organ::Coagulation), expected, "INR {inr}");
        }
    }

    #[test]
    fn inr_2_5_is_coagulation_failure() {
        // A known public-implementation bug: "> 2.5".
        let p = Patient {
            inr: Some(Inr(2.5)),
            ..base()
        };
        let g = severity(&p).grade.computed().cloned().unwrap();
        assert_eq!(g.failures, [Organ::Coagulation]);
    }

    #[test]
    fn circulation_map_70_scores_1_below_scores_2_vasopressors_score_3() {
        for (map, expected) in [(70.0, 1), (69.99, 2), (40.0, 2)] {
            let p = Patient {
                map: Some(MeanArterialPressure(map)),
                ..base()
            };
            assert_eq!(points(&p, Organ::Circulation), expected, "MAP {map}");
        }
        for map in [Some(MeanArterialPressure(90.0)), None] {
            let p = Patient {
                map,
                vasopressors: true,
                ..base()
            };
            assert_eq!(points(&p, Organ::Circulation), 3);
        }
    }

    #[test]
    fn pao2_fio2_bands_on_both_sides_of_200_and_300_in_both_units() {
        // FiO2 50 %: PaO2 100 mmHg gives 200, 150 gives 300.
        let at_50 = |pao2: Pao2| Patient {
            pao2: Some(pao2),
            fio2: Some(Fio2(50.0)),
            ..base()
        };
        let cases: &[(Pao2, u8)] = &[
            (Pao2::from_mmhg(100.0), 3),
            (Pao2::from_mmhg(100.1), 2),
            (Pao2::from_mmhg(150.0), 2),
            (Pao2::from_mmhg(150.1), 1),
            // 13.33 kPa = 99.98 mmHg; 13.34 kPa = 100.06; 20 kPa = 150.01.
            (Pao2::from_kpa(13.33), 3),
            (Pao2::from_kpa(13.34), 2),
            (Pao2::from_kpa(19.99), 2),
            (Pao2::from_kpa(20.0), 1),
        ];
        for (pao2, expected) in cases {
            assert_eq!(
                points(&at_50(*pao2), Organ::Respiration),
                *expected,
                "{pao2:?}"
            );
        }
    }

    #[test]
    fn pao2_fio2_of_exactly_200_is_respiratory_failure() {
        // A known public-implementation bug: "< 200". 60 mmHg on 30 %: 60 / 0.3 = 200.
        let p = Patient {
            pao2: Some(Pao2::from_mmhg(60.0)),
            fio2: Some(Fio2(30.0)),
            ..base()
        };
        let of = clif_of(&p);
        let r = of.computed().unwrap().sub_scores[5];
        assert_eq!(r.points, 3);
        let Basis::Oxygen(ratio) = r.basis else {
            panic!("{r:?}")
        };
        assert!((ratio.ratio - 200.0).abs() < 1e-9);
        assert_eq!(ratio.fio2.used, 0.3, "FiO2 divides as a fraction");
    }

    #[test]
    fn spo2_fio2_bands_on_both_sides_of_214_and_357_without_a_pao2() {
        // FiO2 25 %: SpO2 53.5 gives 214, 89.25 gives 357.
        for (spo2, expected) in [(53.5, 3), (53.6, 2), (89.25, 2), (89.3, 1)] {
            let p = Patient {
                pao2: None,
                spo2: Some(Spo2(spo2)),
                fio2: Some(Fio2(25.0)),
                ..base()
            };
            assert_eq!(points(&p, Organ::Respiration), expected, "SpO2 {spo2}");
        }
    }

    #[test]
    fn spo2_above_97_is_computed_with_a_please_check() {
        let flag = |spo2: f64| {
            let p = Patient {
                pao2: None,
                spo2: Some(Spo2(spo2)),
                ..base()
            };
            match clif_of(&p).computed().unwrap().sub_scores[5].basis {
                Basis::Oxygen(r) => r.beyond_validation,
                b => panic!("{b:?}"),
            }
        };
        assert!(!flag(97.0));
        assert!(flag(98.0));
    }

    #[test]
    fn pao2_is_preferred_over_spo2() {
        let p = Patient {
            // 40 / 0.21 = 190 scores 3; SpO2 99 / 0.21 = 471 would score 1.
            pao2: Some(Pao2::from_mmhg(40.0)),
            spo2: Some(Spo2(99.0)),
            ..base()
        };
        let r = clif_of(&p).computed().unwrap().sub_scores[5];
        assert!(matches!(r.basis, Basis::Oxygen(o) if o.kind == OxygenRatioKind::Pao2Fio2));
        assert_eq!(r.points, 3);
    }

    #[test]
    fn clif_of_names_every_missing_input_in_form_order() {
        assert_eq!(
            clif_of(&Patient::default()),
            ScoreOutcome::NotComputable(set(&[
                InputId::Tbil,
                InputId::Creatinine,
                InputId::HepaticEncephalopathy,
                InputId::Inr,
                InputId::Map,
                InputId::Pao2,
                InputId::Spo2,
                InputId::Fio2,
            ]))
        );
        let boxes = Patient {
            dialysis: true,
            vasopressors: true,
            spo2: Some(Spo2(95.0)),
            ..Patient::default()
        };
        assert_eq!(
            clif_of(&boxes),
            ScoreOutcome::NotComputable(set(&[
                InputId::Tbil,
                InputId::HepaticEncephalopathy,
                InputId::Inr,
                InputId::Fio2,
            ]))
        );
    }

    #[test]
    fn he_present_without_grade_makes_brain_and_grade_not_computable_naming_the_grade() {
        let p = Patient {
            encephalopathy: Some(Encephalopathy::Present(None)),
            ..base()
        };
        let s = severity(&p);
        assert_eq!(
            s.clif_of,
            ScoreOutcome::NotComputable(set(&[InputId::HeGrade]))
        );
        assert_eq!(
            s.grade,
            ScoreOutcome::NotComputable(set(&[InputId::HeGrade]))
        );
        assert_eq!(
            s.aarc,
            ScoreOutcome::NotComputable(set(&[InputId::HeGrade]))
        );
    }

    #[test]
    fn no_failure_is_no_aclf_whatever_the_creatinine_or_he() {
        let p = Patient {
            creatinine: mg_cr(1.7),
            encephalopathy: he(2),
            ..base()
        };
        let g = severity(&p).grade.computed().cloned().unwrap();
        assert_eq!(
            (g.grade, g.route),
            (AclfGrade::NoAclf, GradeRoute::NoFailure)
        );
        assert_eq!(g.contract_failures(), "");
    }

    #[test]
    fn one_liver_failure_is_aclf_1_only_with_kidney_dysfunction_or_mild_he() {
        let liver = |cr: Option<Creatinine>, g: u8| Patient {
            tbil: mg_bili(13.0),
            creatinine: cr,
            encephalopathy: he(g),
            ..base()
        };
        assert_eq!(grade(&liver(mg_cr(1.2), 0)), AclfGrade::NoAclf);
        assert_eq!(grade(&liver(mg_cr(1.7), 0)), AclfGrade::Grade1);
        assert_eq!(grade(&liver(mg_cr(1.99), 0)), AclfGrade::Grade1);
        assert_eq!(grade(&liver(mg_cr(1.2), 1)), AclfGrade::Grade1);
        assert_eq!(grade(&liver(mg_cr(1.2), 2)), AclfGrade::Grade1);
        // 132.6 µmol/L is exactly 1.5 mg/dL; 132.5 is below it.
        let si = |v: f64| Some(Creatinine::from_umol_per_l(v));
        assert_eq!(grade(&liver(si(132.6), 0)), AclfGrade::Grade1);
        assert_eq!(grade(&liver(si(132.5), 0)), AclfGrade::NoAclf);
        let g = severity(&liver(mg_cr(1.7), 1))
            .grade
            .computed()
            .cloned()
            .unwrap();
        assert_eq!(
            g.route,
            GradeRoute::SingleFailureWithKidneyOrBrainDysfunction {
                kidney_dysfunction: true,
                brain_dysfunction: true
            }
        );
        assert_eq!(g.contract_failures(), "liver");
    }

    #[test]
    fn each_single_non_kidney_non_brain_failure_follows_the_same_rule() {
        let failing: [fn(&mut Patient); 4] = [
            |p| p.tbil = mg_bili(12.01),
            |p| p.inr = Some(Inr(2.5)),
            |p| p.vasopressors = true,
            |p| p.pao2 = Some(Pao2::from_mmhg(42.0)),
        ];
        for fail in failing {
            let mut p = base();
            fail(&mut p);
            assert_eq!(grade(&p), AclfGrade::NoAclf, "{p:?}");
            p.creatinine = mg_cr(1.5);
            assert_eq!(grade(&p), AclfGrade::Grade1, "{p:?}");
        }
    }

    #[test]
    fn creatinine_2_4_alone_is_aclf_1() {
        // Kidney failure starts at sub-score 2 (a known bug takes it to start at 3).
        let p = Patient {
            creatinine: mg_cr(2.4),
            ..base()
        };
        assert_eq!(points(&p, Organ::Kidney), 2);
        let g = severity(&p).grade.computed().cloned().unwrap();
        assert_eq!(
            (g.grade, g.route, g.contract_failures().as_str()),
            (AclfGrade::Grade1, GradeRoute::KidneyFailureAlone, "kidney")
        );
        // 176.8 µmol/L is 2.0 mg/dL: kidney failure; 176.7 is not.
        let si = |v: f64| Patient {
            creatinine: Some(Creatinine::from_umol_per_l(v)),
            ..base()
        };
        assert_eq!(grade(&si(176.8)), AclfGrade::Grade1);
        assert_eq!(grade(&si(176.7)), AclfGrade::NoAclf);
    }

    #[test]
    fn dialysis_is_kidney_failure() {
        let p = Patient {
            creatinine: mg_cr(0.8),
            dialysis: true,
            ..base()
        };
        assert_eq!(grade(&p), AclfGrade::Grade1);
    }

    #[test]
    fn he_3_alone_is_no_aclf_unless_creatinine_is_1_5_to_1_9() {
        let brain = |cr: f64| Patient {
            encephalopathy: he(3),
            creatinine: mg_cr(cr),
            ..base()
        };
        assert_eq!(grade(&brain(1.0)), AclfGrade::NoAclf);
        assert_eq!(grade(&brain(1.49)), AclfGrade::NoAclf);
        assert_eq!(grade(&brain(1.5)), AclfGrade::Grade1);
        assert_eq!(grade(&brain(1.9)), AclfGrade::Grade1);
        assert_eq!(
            severity(&brain(1.0)).grade.computed().unwrap().route,
            GradeRoute::SingleBrainFailureWithoutKidneyDysfunction
        );
        assert_eq!(
            severity(&brain(1.9)).grade.computed().unwrap().route,
            GradeRoute::SingleBrainFailureWithKidneyDysfunction
        );
        // With creatinine 2.0 the kidney fails too: two failures.
        assert_eq!(grade(&brain(2.0)), AclfGrade::Grade2);
    }

    #[test]
    fn two_failures_are_aclf_2_three_or_more_aclf_3() {
        let two = Patient {
            tbil: mg_bili(15.0),
            inr: Some(Inr(2.6)),
            ..base()
        };
        assert_eq!(grade(&two), AclfGrade::Grade2);
        let three = Patient {
            dialysis: true,
            ..two.clone()
        };
        let g = severity(&three).grade.computed().cloned().unwrap();
        assert_eq!(g.grade, AclfGrade::Grade3);
        assert_eq!(g.contract_failures(), "liver,kidney,coagulation");
        let all = Patient {
            encephalopathy: he(4),
            vasopressors: true,
            pao2: Some(Pao2::from_mmhg(40.0)),
            ..three
        };
        let s = severity(&all);
        assert_eq!(s.clif_of.computed().unwrap().total, 18);
        assert_eq!(
            s.grade.computed().unwrap().contract_failures(),
            "liver,kidney,brain,coagulation,circulation,respiration"
        );
        assert_eq!(s.grade.computed().unwrap().grade, AclfGrade::Grade3);
    }

    #[test]
    fn clif_c_aclf_worked_by_hand_from_the_formula() {
        // No published numeric fixture found; worked by hand from Jalan 2014's formula as
        // EF-CLIF restates it (efclif.com score calculators page).
        // OF 11 (liver 3, kidney 2, brain 1, coag 3, circ 1, resp 1), age 55, WBC 10:
        // 10 x (3.63 + 2.2 + 0.63 ln 10 - 2) = 52.806 -> 53.
        let p = Patient {
            age: Some(Age(55)),
            wbc: Some(Wbc(10.0)),
            tbil: mg_bili(13.0),
            creatinine: mg_cr(2.1),
            inr: Some(Inr(2.6)),
            ..base()
        };
        let s = severity(&p);
        assert_eq!(s.clif_of.computed().unwrap().total, 11);
        let a = s.clif_c_aclf.computed().copied().unwrap();
        assert_eq!(a.score, 53);
        assert!((a.unrounded - 52.806_286_085_862_49).abs() < 1e-9);
        assert_eq!(s.clif_c_ad, GradedOutcome::NotApplicable(AclfGrade::Grade3));
    }

    #[test]
    fn clif_c_aclf_may_be_negative_and_is_not_clamped() {
        // OF 7 (kidney 2 alone), age 20, WBC 0.1: 10 x (2.31 + 0.8 + 0.63 ln 0.1 - 2) = -3.41.
        let p = Patient {
            age: Some(Age(20)),
            wbc: Some(Wbc(0.1)),
            creatinine: mg_cr(2.4),
            ..base()
        };
        let a = severity(&p).clif_c_aclf.computed().copied().unwrap();
        assert_eq!((a.clif_of, a.score), (7, -3));
    }

    #[test]
    fn clif_c_ad_worked_by_hand_from_the_formula() {
        // Worked by hand from Jalan 2015's formula: age 60, Cr 1.0, INR 1.5, WBC 8, Na 135:
        // 10 x (1.8 + 0 + 1.71 ln 1.5 + 0.88 ln 8 - 6.75 + 8) = 55.73 -> 56.
        let p = Patient {
            age: Some(Age(60)),
            inr: Some(Inr(1.5)),
            wbc: Some(Wbc(8.0)),
            sodium: Some(Sodium(135.0)),
            ..base()
        };
        let s = severity(&p);
        let ad = s.clif_c_ad.computed().copied().unwrap();
        assert_eq!(ad.score, 56);
        assert!((ad.unrounded - 55.732_538_915_432_17).abs() < 1e-9);
        assert_eq!(
            s.clif_c_aclf,
            GradedOutcome::NotApplicable(AclfGrade::NoAclf)
        );
        // Raw values, no floors: Cr 0.3, INR 0.9, WBC 0.5, Na 160, age 18 gives -10.45 -> -10.
        let low = Patient {
            age: Some(Age(18)),
            creatinine: mg_cr(0.3),
            inr: Some(Inr(0.9)),
            wbc: Some(Wbc(0.5)),
            sodium: Some(Sodium(160.0)),
            ..base()
        };
        assert_eq!(severity(&low).clif_c_ad.computed().unwrap().score, -10);
    }

    #[test]
    fn prognostic_scores_name_the_grades_inputs_and_their_own() {
        let s = severity(&Patient {
            inr: None,
            wbc: None,
            ..base()
        });
        assert_eq!(
            s.clif_c_aclf,
            GradedOutcome::Applies(ScoreOutcome::NotComputable(set(&[
                InputId::Inr,
                InputId::Wbc
            ])))
        );
        assert_eq!(
            s.clif_c_ad,
            GradedOutcome::Applies(ScoreOutcome::NotComputable(set(&[
                InputId::Inr,
                InputId::Wbc
            ])))
        );
        // Graded no ACLF: only CLIF-C AD applies, and it names its own missing sodium.
        let s = severity(&Patient {
            sodium: None,
            ..base()
        });
        assert_eq!(
            s.clif_c_ad,
            GradedOutcome::Applies(ScoreOutcome::NotComputable(set(&[InputId::Sodium])))
        );
        assert_eq!(
            s.clif_c_aclf,
            GradedOutcome::NotApplicable(AclfGrade::NoAclf)
        );
    }

    #[test]
    fn aarc_bands_on_both_sides_of_every_edge_in_both_units() {
        type Case = (fn(&mut Patient), AarcComponent, u8);
        let cases: &[Case] = &[
            (|p| p.tbil = mg_bili(14.99), AarcComponent::Bilirubin, 1),
            (|p| p.tbil = mg_bili(15.0), AarcComponent::Bilirubin, 2),
            (|p| p.tbil = mg_bili(25.0), AarcComponent::Bilirubin, 2),
            (|p| p.tbil = mg_bili(25.01), AarcComponent::Bilirubin, 3),
            // 15 mg/dL = 256.5 µmol/L, 25 mg/dL = 427.5 µmol/L.
            (
                |p| p.tbil = Some(Bilirubin::from_umol_per_l(256.4)),
                AarcComponent::Bilirubin,
                1,
            ),
            (
                |p| p.tbil = Some(Bilirubin::from_umol_per_l(256.5)),
                AarcComponent::Bilirubin,
                2,
            ),
            (
                |p| p.tbil = Some(Bilirubin::from_umol_per_l(427.5)),
                AarcComponent::Bilirubin,
                2,
            ),
            (
                |p| p.tbil = Some(Bilirubin::from_umol_per_l(427.6)),
                AarcComponent::Bilirubin,
                3,
            ),
            (
                |p| p.encephalopathy = he(0),
                AarcComponent::Encephalopathy,
                1,
            ),
            (
                |p| p.encephalopathy = he(1),
                AarcComponent::Encephalopathy,
                2,
            ),
            (
                |p| p.encephalopathy = he(2),
                AarcComponent::Encephalopathy,
                2,
            ),
            (
                |p| p.encephalopathy = he(3),
                AarcComponent::Encephalopathy,
                3,
            ),
            (
                |p| p.encephalopathy = he(4),
                AarcComponent::Encephalopathy,
                3,
            ),
            (|p| p.inr = Some(Inr(1.79)), AarcComponent::Inr, 1),
            (|p| p.inr = Some(Inr(1.8)), AarcComponent::Inr, 2),
            (|p| p.inr = Some(Inr(2.5)), AarcComponent::Inr, 2),
            (|p| p.inr = Some(Inr(2.51)), AarcComponent::Inr, 3),
            (
                |p| p.lactate = Some(Lactate(1.49)),
                AarcComponent::Lactate,
                1,
            ),
            (
                |p| p.lactate = Some(Lactate(1.5)),
                AarcComponent::Lactate,
                2,
            ),
            (
                |p| p.lactate = Some(Lactate(2.5)),
                AarcComponent::Lactate,
                2,
            ),
            (
                |p| p.lactate = Some(Lactate(2.51)),
                AarcComponent::Lactate,
                3,
            ),
            (|p| p.creatinine = mg_cr(0.69), AarcComponent::Creatinine, 1),
            (|p| p.creatinine = mg_cr(0.7), AarcComponent::Creatinine, 2),
            (|p| p.creatinine = mg_cr(1.5), AarcComponent::Creatinine, 2),
            (|p| p.creatinine = mg_cr(1.51), AarcComponent::Creatinine, 3),
            // 0.7 mg/dL = 61.88 µmol/L, 1.5 mg/dL = 132.6 µmol/L.
            (
                |p| p.creatinine = Some(Creatinine::from_umol_per_l(61.8)),
                AarcComponent::Creatinine,
                1,
            ),
            (
                |p| p.creatinine = Some(Creatinine::from_umol_per_l(61.88)),
                AarcComponent::Creatinine,
                2,
            ),
            (
                |p| p.creatinine = Some(Creatinine::from_umol_per_l(132.6)),
                AarcComponent::Creatinine,
                2,
            ),
            (
                |p| p.creatinine = Some(Creatinine::from_umol_per_l(132.7)),
                AarcComponent::Creatinine,
                3,
            ),
        ];
        for (i, (change, component, expected)) in cases.iter().enumerate() {
            let mut p = base();
            change(&mut p);
            let a = aarc(&p).computed().copied().expect("AARC");
            let item = a
                .items
                .iter()
                .find(|it| it.component == *component)
                .unwrap();
            assert_eq!(item.points, *expected, "case {i}: {component:?}");
        }
    }

    #[test]
    fn aarc_grades_i_5_7_ii_8_10_iii_11_15() {
        for (total, g) in [
            (5, AarcGrade::I),
            (7, AarcGrade::I),
            (8, AarcGrade::II),
            (10, AarcGrade::II),
            (11, AarcGrade::III),
            (15, AarcGrade::III),
        ] {
            assert_eq!(AarcGrade::of_total(total), g, "{total}");
        }
    }

    #[test]
    fn aarc_worked_by_hand() {
        // Worked by hand from Choudhury 2017's table: bili 20 (2), no HE (1), INR 2.6 (3),
        // lactate 2.0 (2), creatinine 1.0 (2) = 10, grade II.
        let p = Patient {
            tbil: mg_bili(20.0),
            inr: Some(Inr(2.6)),
            lactate: Some(Lactate(2.0)),
            ..base()
        };
        let a = aarc(&p).computed().copied().unwrap();
        assert_eq!((a.total, a.grade), (10, AarcGrade::II));
        assert_eq!(a.grade.contract_name(), "II");
    }

    #[test]
    fn aarc_scores_creatinine_as_measured_even_after_dialysis() {
        let p = Patient {
            dialysis: true,
            creatinine: None,
            ..base()
        };
        assert_eq!(
            aarc(&p),
            ScoreOutcome::NotComputable(set(&[InputId::Creatinine]))
        );
        assert_eq!(
            aarc(&Patient::default()),
            ScoreOutcome::NotComputable(set(&[
                InputId::Tbil,
                InputId::Inr,
                InputId::Creatinine,
                InputId::HepaticEncephalopathy,
                InputId::Lactate,
            ]))
        );
    }

    #[test]
    fn contract_names_are_the_ui_contracts_strings() {
        let organs: Vec<&str> = Organ::ALL.iter().map(|o| o.contract_name()).collect();
        assert_eq!(
            organs,
            [
                "liver",
                "kidney",
                "brain",
                "coagulation",
                "circulation",
                "respiration"
            ]
        );
        let grades: Vec<&str> = [
            AclfGrade::NoAclf,
            AclfGrade::Grade1,
            AclfGrade::Grade2,
            AclfGrade::Grade3,
        ]
        .iter()
        .map(|g| g.contract_name())
        .collect();
        assert_eq!(grades, ["none", "1", "2", "3"]);
        let aarc: Vec<&str> = [AarcGrade::I, AarcGrade::II, AarcGrade::III]
            .iter()
            .map(|g| g.contract_name())
            .collect();
        assert_eq!(aarc, ["I", "II", "III"]);
    }

    #[test]
    fn sub_scores_are_in_organ_order() {
        let of = clif_of(&base());
        let organs: Vec<Organ> = of
            .computed()
            .unwrap()
            .sub_scores
            .iter()
            .map(|s| s.organ)
            .collect();
        assert_eq!(organs, Organ::ALL);
        assert_eq!(of.computed().unwrap().total, 6);
    }
}
