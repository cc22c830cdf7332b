//! The MELD family (SPEC section 4).
//!
//! - MELD, OPTN/UNOS rules (OPTN Policy 9.1.D as quoted in MIT-LCP/mimic-code
//!   `meld.sql`): MELD(i) = 0.957 ln(Cr) + 0.378 ln(Bili) + 1.120 ln(INR) + 0.643, labs below
//!   1.0 set to 1.0, creatinine capped at 4.0 and set to 4.0 after dialysis; MELD(i) rounded to
//!   the tenth and multiplied by 10; at most 40. This is the trial's gate (MELD < 30).
//! - MELD-Na, OPTN 2016: sodium 125..137; applied only when MELD > 11.
//! - MELD 3.0, Kim WR et al., Gastroenterology 2021;161:1887 (OPTN 2023).
//!
//! Every score comes with its trail: the values as entered, the values used after bounds and
//! the rule that changed each, the unrounded score and the rounding.

use super::patient::{InputId, InputSet, Patient, Sex};
use super::rounding::round_half_up;
use super::units::{Age, Albumin, Bilirubin, Creatinine, FieldUnit, Inr, Sodium};

/// MELD(i) coefficient of ln(creatinine, mg/dL).
pub const MELD_CREATININE: f64 = 0.957;
/// MELD(i) coefficient of ln(bilirubin, mg/dL).
pub const MELD_BILIRUBIN: f64 = 0.378;
/// MELD(i) coefficient of ln(INR).
pub const MELD_INR: f64 = 1.120;
/// MELD(i) constant.
pub const MELD_CONSTANT: f64 = 0.643;
/// Lower bound of creatinine, bilirubin and INR in every MELD variant.
pub const LAB_FLOOR: f64 = 1.0;
/// Creatinine cap, and the value set after dialysis, in MELD and MELD-Na (mg/dL).
pub const MELD_CREATININE_CAP: f64 = 4.0;
/// Creatinine cap, and the value set after dialysis, in MELD 3.0 (mg/dL).
pub const MELD3_CREATININE_CAP: f64 = 3.0;
/// Highest reported score of every variant.
pub const SCORE_CAP: u8 = 40;
/// Lowest reported MELD 3.0.
pub const MELD3_FLOOR: u8 = 6;
/// Sodium bounds of MELD-Na and MELD 3.0 (mmol/L).
pub const SODIUM_LOW: f64 = 125.0;
/// Upper sodium bound; also the reference value of the (137 - Na) terms.
pub const SODIUM_HIGH: f64 = 137.0;
/// MELD-Na applies its sodium term only above this MELD.
pub const MELD_NA_APPLIES_ABOVE: u8 = 11;
/// Albumin bounds of MELD 3.0 (g/dL).
pub const ALBUMIN_LOW: f64 = 1.5;
/// Upper albumin bound; also the reference value of the (3.5 - alb) terms.
pub const ALBUMIN_HIGH: f64 = 3.5;

/// A lab that enters a score.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lab {
    /// Creatinine, mg/dL.
    Creatinine,
    /// Total bilirubin, mg/dL.
    Bilirubin,
    /// INR.
    Inr,
    /// Sodium, mmol/L.
    Sodium,
    /// Albumin, g/dL.
    Albumin,
}

/// Which bound changed a value before it entered a formula.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum BoundRule {
    /// Raised to the lower bound.
    Floor(f64),
    /// Lowered to the upper bound.
    Cap(f64),
    /// Set by the dialysis rule (whatever the creatinine was, even below 1.0 or missing).
    Dialysis(f64),
}

/// One lab as it entered a formula.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct UsedValue {
    /// Which lab.
    pub lab: Lab,
    /// The entered value converted to the formula's unit (mg/dL, g/dL, mmol/L); `None` when
    /// not needed (creatinine under the dialysis rule).
    pub entered: Option<f64>,
    /// The value the formula used.
    pub used: f64,
    /// The value as typed and its unit, when typed in another unit than the formula's (shown
    /// as "80 µmol/L = 0.90 mg/dL -> 1.0").
    pub typed: Option<(f64, FieldUnit)>,
    /// The rule that changed it, if any.
    pub rule: Option<BoundRule>,
}

/// A score that could be computed, or the inputs it still needs.
#[derive(Clone, Debug, PartialEq)]
pub enum ScoreOutcome<T> {
    /// Computed, with its trail.
    Computed(T),
    /// Not computable: these inputs are missing or rejected (form order).
    NotComputable(InputSet),
}

impl<T> ScoreOutcome<T> {
    /// The computed score, if any.
    #[must_use]
    pub fn computed(&self) -> Option<&T> {
        match self {
            ScoreOutcome::Computed(t) => Some(t),
            ScoreOutcome::NotComputable(_) => None,
        }
    }
}

/// The gate decision of inclusion criterion I5 ("MELD score under 30").
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Gate {
    /// The threshold: the reported MELD must be below it.
    pub below: u8,
    /// Whether the reported MELD is below the threshold.
    pub passes: bool,
    /// The reported MELD is one below the threshold or at it (29 or 30 for a gate of 30):
    /// passing or failing narrowly - the unrounded 10 x MELD(i) within one point of the gate's
    /// edge, [28.5, 30.5) (SPEC 4, revised: the window used to be [29.0, 30.0)).
    pub borderline: bool,
}

/// Original MELD (OPTN), with its trail.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Meld {
    /// The reported integer score (6..=40).
    pub score: u8,
    /// MELD(i), unrounded.
    pub meld_i: f64,
    /// 10 x MELD(i), unrounded: the value the borderline flag looks at.
    pub unrounded: f64,
    /// MELD(i) rounded half-up to the tenth.
    pub meld_i_rounded: f64,
    /// Whether the cap of 40 lowered the score.
    pub capped: bool,
    /// Creatinine, bilirubin and INR as used.
    pub used: [UsedValue; 3],
    /// The gate decision.
    pub gate: Gate,
}

/// MELD-Na (OPTN 2016), with its trail.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct MeldNa {
    /// The reported integer score.
    pub score: u8,
    /// The MELD it was built on.
    pub meld: u8,
    /// Sodium as used; `None` when MELD <= 11 (no sodium term, MELD-Na = MELD).
    pub sodium: Option<UsedValue>,
    /// The unrounded value (equal to MELD when no sodium term).
    pub unrounded: f64,
    /// Whether the cap of 40 lowered the score.
    pub capped: bool,
}

/// Why MELD 3.0 added the 1.33 term.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FemaleTerm {
    /// Not added (male, 18 or older, or under 12).
    None,
    /// Added: female.
    Female,
    /// Added: age 12-17, whatever the sex.
    Adolescent,
}

/// MELD 3.0 (Kim 2021), with its trail.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Meld3 {
    /// The reported integer score (6..=40).
    pub score: u8,
    /// The unrounded score.
    pub unrounded: f64,
    /// The 1.33 term and why.
    pub female_term: FemaleTerm,
    /// Bilirubin, sodium, INR, creatinine, albumin as used.
    pub used: [UsedValue; 5],
    /// The bound 6 or 40 changed the rounded score.
    pub bounded: bool,
}

/// The inputs of the MELD family, in the units the formulas are written in.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct MeldInput {
    /// Creatinine.
    pub creatinine: Option<Creatinine>,
    /// Total bilirubin.
    pub bilirubin: Option<Bilirubin>,
    /// INR.
    pub inr: Option<Inr>,
    /// Dialysis at least twice, or 24 h CVVHD, in the past 7 days.
    pub dialysis: bool,
    /// Sodium.
    pub sodium: Option<Sodium>,
    /// Albumin.
    pub albumin: Option<Albumin>,
    /// Sex.
    pub sex: Option<Sex>,
    /// Age.
    pub age: Option<Age>,
}

impl From<&Patient> for MeldInput {
    fn from(p: &Patient) -> Self {
        MeldInput {
            creatinine: p.creatinine,
            bilirubin: p.tbil,
            inr: p.inr,
            dialysis: p.dialysis,
            sodium: p.sodium,
            albumin: p.albumin,
            sex: p.sex,
            age: p.age,
        }
    }
}

/// Applies a floor and optional cap to a lab value.
fn bounded(lab: Lab, value: f64, low: f64, high: Option<f64>) -> UsedValue {
    let (used, rule) = if value < low {
        (low, Some(BoundRule::Floor(low)))
    } else if let Some(h) = high.filter(|h| value > *h) {
        (h, Some(BoundRule::Cap(h)))
    } else {
        (value, None)
    };
    UsedValue {
        lab,
        entered: Some(value),
        used,
        rule,
        typed: None,
    }
}

impl UsedValue {
    /// The same, noting the value as typed when its unit is not the formula's.
    fn typed_as(self, value: f64, unit: FieldUnit, formula_unit: FieldUnit) -> UsedValue {
        UsedValue {
            typed: (unit != formula_unit).then_some((value, unit)),
            ..self
        }
    }
}

/// Creatinine under a cap and the dialysis rule (dialysis wins over everything, including a
/// value below the floor or a missing value). `None` if creatinine is needed and missing.
fn creatinine_used(input: &MeldInput, cap: f64) -> Option<UsedValue> {
    let entered = input.creatinine.map(|c| c.mg_per_dl());
    let typed = input
        .creatinine
        .map(|c| (c.entered(), FieldUnit::from(c.unit())))
        .filter(|(_, u)| *u != FieldUnit::MgPerDl);
    if input.dialysis {
        return Some(UsedValue {
            lab: Lab::Creatinine,
            entered,
            typed,
            used: cap,
            rule: Some(BoundRule::Dialysis(cap)),
        });
    }
    entered.map(|v| UsedValue {
        typed,
        ..bounded(Lab::Creatinine, v, LAB_FLOOR, Some(cap))
    })
}

/// Collects the missing inputs of a formula.
fn missing(pairs: &[(bool, InputId)]) -> InputSet {
    pairs
        .iter()
        .filter(|(present, _)| !present)
        .fold(InputSet::EMPTY, |s, (_, id)| s.with(*id))
}

/// Original MELD with OPTN rules and the gate "below `gate_below`".
///
/// ```
/// use aclf_screen::clinical::meld::{meld, MeldInput};
/// use aclf_screen::clinical::units::*;
/// // ampel-leipzig/ameld test: Cr 1.9, bili 4.2, INR 1.2 -> 20.039 -> 20.
/// let input = MeldInput {
///     creatinine: Some(Creatinine::from_mg_per_dl(1.9)),
///     bilirubin: Some(Bilirubin::from_mg_per_dl(4.2)),
///     inr: Some(Inr(1.2)),
///     ..MeldInput::default()
/// };
/// let m = meld(&input, 30).computed().copied().unwrap();
/// assert_eq!(m.score, 20);
/// assert!(m.gate.passes && !m.gate.borderline);
/// ```
pub fn meld(input: &MeldInput, gate_below: u8) -> ScoreOutcome<Meld> {
    let creatinine = creatinine_used(input, MELD_CREATININE_CAP);
    let (Some(cr), Some(bili), Some(inr)) = (creatinine, input.bilirubin, input.inr) else {
        return ScoreOutcome::NotComputable(missing(&[
            (creatinine.is_some(), InputId::Creatinine),
            (input.bilirubin.is_some(), InputId::Tbil),
            (input.inr.is_some(), InputId::Inr),
        ]));
    };
    let bili = bounded(Lab::Bilirubin, bili.mg_per_dl(), LAB_FLOOR, None).typed_as(
        bili.entered(),
        bili.unit().into(),
        FieldUnit::MgPerDl,
    );
    let inr = bounded(Lab::Inr, inr.0, LAB_FLOOR, None);
    let meld_i = MELD_CREATININE * cr.used.ln()
        + MELD_BILIRUBIN * bili.used.ln()
        + MELD_INR * inr.used.ln()
        + MELD_CONSTANT;
    let unrounded = meld_i * 10.0;
    let meld_i_rounded = round_half_up(meld_i, 1);
    // Rounded to the tenth first, then x10: round again to kill the binary residue of x10.
    let raw = round_half_up(meld_i_rounded * 10.0, 0);
    let capped = raw > f64::from(SCORE_CAP);
    let score = raw.min(f64::from(SCORE_CAP)) as u8;
    let gate = Gate {
        below: gate_below,
        passes: score < gate_below,
        borderline: score == gate_below || score.checked_add(1) == Some(gate_below),
    };
    ScoreOutcome::Computed(Meld {
        score,
        meld_i,
        unrounded,
        meld_i_rounded,
        capped,
        used: [cr, bili, inr],
        gate,
    })
}

/// MELD-Na (OPTN 2016) on top of a MELD outcome.
///
/// ```
/// use aclf_screen::clinical::meld::*;
/// use aclf_screen::clinical::units::*;
/// let input = MeldInput {
///     creatinine: Some(Creatinine::from_mg_per_dl(1.9)),
///     bilirubin: Some(Bilirubin::from_mg_per_dl(4.2)),
///     inr: Some(Inr(1.2)),
///     sodium: Some(Sodium(125.0)),
///     ..MeldInput::default()
/// };
/// let m = meld(&input, 30);
/// // 20 + 1.32 x 12 - 0.033 x 20 x 12 = 27.92 -> 28 (ameld's "unos" test gives 28).
/// assert_eq!(meld_na(&input, &m).computed().unwrap().score, 28);
/// ```
pub fn meld_na(input: &MeldInput, meld: &ScoreOutcome<Meld>) -> ScoreOutcome<MeldNa> {
    let m = match meld {
        ScoreOutcome::Computed(m) => m,
        ScoreOutcome::NotComputable(needed) => {
            let sodium = missing(&[(input.sodium.is_some(), InputId::Sodium)]);
            return ScoreOutcome::NotComputable(needed.union(sodium));
        }
    };
    if m.score <= MELD_NA_APPLIES_ABOVE {
        return ScoreOutcome::Computed(MeldNa {
            score: m.score,
            meld: m.score,
            sodium: None,
            unrounded: f64::from(m.score),
            capped: false,
        });
    }
    let Some(na) = input.sodium else {
        return ScoreOutcome::NotComputable(InputSet::of(&[InputId::Sodium]));
    };
    let na = bounded(Lab::Sodium, na.mmol_per_l(), SODIUM_LOW, Some(SODIUM_HIGH));
    let base = f64::from(m.score);
    let deficit = SODIUM_HIGH - na.used;
    let unrounded = base + 1.32 * deficit - 0.033 * base * deficit;
    let raw = round_half_up(unrounded, 0);
    let capped = raw > f64::from(SCORE_CAP);
    ScoreOutcome::Computed(MeldNa {
        score: raw.min(f64::from(SCORE_CAP)) as u8,
        meld: m.score,
        sodium: Some(na),
        unrounded,
        capped,
    })
}

/// MELD 3.0 (Kim 2021; OPTN 2023).
///
/// ```
/// use aclf_screen::clinical::meld::*;
/// use aclf_screen::clinical::patient::Sex;
/// use aclf_screen::clinical::units::*;
/// // Kim 2021, Table 4, first row: male, bili 2.5, Na 131, INR 1.0, Cr 1.2, alb 3.8 -> 16.
/// let input = MeldInput {
///     bilirubin: Some(Bilirubin::from_mg_per_dl(2.5)),
///     sodium: Some(Sodium(131.0)),
///     inr: Some(Inr(1.0)),
///     creatinine: Some(Creatinine::from_mg_per_dl(1.2)),
///     albumin: Some(Albumin::from_g_per_dl(3.8)),
///     sex: Some(Sex::Male),
///     age: Some(Age(50)),
///     dialysis: false,
/// };
/// assert_eq!(meld3(&input).computed().unwrap().score, 16);
/// ```
pub fn meld3(input: &MeldInput) -> ScoreOutcome<Meld3> {
    let creatinine = creatinine_used(input, MELD3_CREATININE_CAP);
    let (Some(cr), Some(bili), Some(na), Some(inr), Some(alb), Some(sex), Some(age)) = (
        creatinine,
        input.bilirubin,
        input.sodium,
        input.inr,
        input.albumin,
        input.sex,
        input.age,
    ) else {
        return ScoreOutcome::NotComputable(missing(&[
            (input.age.is_some(), InputId::Age),
            (input.sex.is_some(), InputId::Sex),
            (input.bilirubin.is_some(), InputId::Tbil),
            (input.inr.is_some(), InputId::Inr),
            (creatinine.is_some(), InputId::Creatinine),
            (input.sodium.is_some(), InputId::Sodium),
            (input.albumin.is_some(), InputId::Albumin),
        ]));
    };
    let bili = bounded(Lab::Bilirubin, bili.mg_per_dl(), LAB_FLOOR, None).typed_as(
        bili.entered(),
        bili.unit().into(),
        FieldUnit::MgPerDl,
    );
    let na = bounded(Lab::Sodium, na.mmol_per_l(), SODIUM_LOW, Some(SODIUM_HIGH));
    let inr = bounded(Lab::Inr, inr.0, LAB_FLOOR, None);
    let alb = bounded(
        Lab::Albumin,
        alb.g_per_dl(),
        ALBUMIN_LOW,
        Some(ALBUMIN_HIGH),
    )
    .typed_as(alb.entered(), alb.unit().into(), FieldUnit::GPerDl);
    let female_term = if (12..=17).contains(&age.0) {
        FemaleTerm::Adolescent
    } else if sex == Sex::Female {
        FemaleTerm::Female
    } else {
        FemaleTerm::None
    };
    let female = if female_term == FemaleTerm::None {
        0.0
    } else {
        1.33
    };
    let ln_bili = bili.used.ln();
    let ln_cr = cr.used.ln();
    let na_gap = SODIUM_HIGH - na.used;
    let alb_gap = ALBUMIN_HIGH - alb.used;
    let unrounded = female + 4.56 * ln_bili + 0.82 * na_gap - 0.24 * na_gap * ln_bili
        + 9.09 * inr.used.ln()
        + 11.14 * ln_cr
        + 1.85 * alb_gap
        - 1.83 * alb_gap * ln_cr
        + 6.0;
    let raw = round_half_up(unrounded, 0);
    let clamped = raw.clamp(f64::from(MELD3_FLOOR), f64::from(SCORE_CAP));
    ScoreOutcome::Computed(Meld3 {
        score: clamped as u8,
        unrounded,
        female_term,
        used: [bili, na, inr, cr, alb],
        bounded: clamped != raw,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn conv(cr: f64, bili: f64, inr: f64) -> MeldInput {
        MeldInput {
            creatinine: Some(Creatinine::from_mg_per_dl(cr)),
            bilirubin: Some(Bilirubin::from_mg_per_dl(bili)),
            inr: Some(Inr(inr)),
            ..MeldInput::default()
        }
    }

    fn score(input: &MeldInput) -> Meld {
        *meld(input, 30).computed().expect("computable")
    }

    fn na_score(input: &MeldInput) -> MeldNa {
        *meld_na(input, &meld(input, 30))
            .computed()
            .expect("computable")
    }

    fn m3(female: bool, age: u32, bili: f64, na: f64, inr: f64, cr: f64, alb: f64) -> MeldInput {
        MeldInput {
            bilirubin: Some(Bilirubin::from_mg_per_dl(bili)),
            sodium: Some(Sodium(na)),
            inr: Some(Inr(inr)),
            creatinine: Some(Creatinine::from_mg_per_dl(cr)),
            albumin: Some(Albumin::from_g_per_dl(alb)),
            sex: Some(if female { Sex::Female } else { Sex::Male }),
            age: Some(Age(age)),
            dialysis: false,
        }
    }

    fn m3_score(input: &MeldInput) -> Meld3 {
        *meld3(input).computed().expect("computable")
    }

    /// Finds a bilirubin (mg/dL) giving 10 x MELD(i) = `target` with Cr = INR = 1.
    fn bili_for(target: f64) -> f64 {
        ((target / 10.0 - MELD_CONSTANT) / MELD_BILIRUBIN).exp()
    }

    // --- published and documented examples -------------------------------------------

    #[test]
    fn ameld_example_cr_1_9_bili_4_2_inr_1_2_is_20() {
        // ampel-leipzig/ameld tests/testthat/test_meld.R: 20.0391626 -> 20.
        let m = score(&conv(1.9, 4.2, 1.2));
        assert!((m.unrounded - 20.039_162_6).abs() < 1e-6);
        assert_eq!(m.score, 20);
    }

    #[test]
    fn transplantr_si_example_inr_2_bili_54_cr_170() {
        // johnasher/transplantr tests/testthat/test_liver.R: SI units, 24.798 unrounded.
        let input = MeldInput {
            creatinine: Some(Creatinine::from_umol_per_l(170.0)),
            bilirubin: Some(Bilirubin::from_umol_per_l(54.0)),
            inr: Some(Inr(2.0)),
            ..MeldInput::default()
        };
        let m = score(&input);
        assert!((m.unrounded - 24.798).abs() < 0.01, "{}", m.unrounded);
        assert_eq!(m.score, 25);
    }

    #[test]
    fn all_labs_below_one_give_the_constant_6_4_reported_6() {
        // ameld: all inputs below 1 -> 6.43; reported 6.
        let m = score(&conv(0.5, 0.3, 0.9));
        assert!((m.unrounded - 6.43).abs() < 1e-9);
        assert_eq!(m.score, 6);
    }

    #[test]
    fn meld_na_ameld_unos_example_is_28() {
        // ameld meld_na(type = "unos", Cr 1.9, bili 4.2, INR 1.2, Na 125) = 28.
        let mut input = conv(1.9, 4.2, 1.2);
        input.sodium = Some(Sodium(125.0));
        assert_eq!(na_score(&input).score, 28);
    }

    #[test]
    fn meld3_kim_2021_table_4() {
        // Kim WR et al., Gastroenterology 2021;161:1887-1895, Table 4 (as transcribed in
        // pacharanero/clincalc src/calculators/meld_3.rs): (female, bili, Na, INR, Cr, alb).
        let rows: &[(bool, f64, f64, f64, f64, f64, u8)] = &[
            (false, 2.5, 131.0, 1.0, 1.2, 3.8, 16),
            (true, 2.5, 131.0, 1.0, 1.2, 3.8, 17),
            (false, 6.0, 131.0, 1.5, 1.5, 3.5, 25),
            (false, 6.0, 131.0, 1.5, 1.5, 2.2, 26),
            (true, 6.0, 131.0, 1.5, 1.5, 2.2, 27),
            (false, 12.0, 128.0, 2.2, 1.8, 2.0, 34),
            (false, 12.0, 128.0, 2.2, 2.8, 2.0, 38),
            (true, 12.0, 128.0, 2.2, 2.8, 2.0, 39),
        ];
        for (female, bili, na, inr, cr, alb, expected) in rows {
            let s = m3_score(&m3(*female, 50, *bili, *na, *inr, *cr, *alb));
            assert_eq!(s.score, *expected, "{female} {bili} {na} {inr} {cr} {alb}");
        }
        // Unrounded values pinned by the same source.
        let first = m3_score(&m3(false, 50, 2.5, 131.0, 1.0, 1.2, 3.8));
        assert!((first.unrounded - 15.809_889_226).abs() < 1e-6);
        let last = m3_score(&m3(true, 50, 12.0, 128.0, 2.2, 2.8, 2.0));
        assert!((last.unrounded - 39.259_508_372).abs() < 1e-6);
    }

    // --- MELD edge rules -----------------------------------------------------------------

    #[test]
    fn labs_below_one_are_floored_at_one() {
        let m = score(&conv(0.7, 0.5, 0.9));
        for u in m.used {
            assert_eq!(u.used, 1.0);
            assert_eq!(u.rule, Some(BoundRule::Floor(1.0)));
        }
        assert_eq!(
            score(&conv(0.7, 2.0, 1.2)).score,
            score(&conv(1.0, 2.0, 1.2)).score
        );
    }

    #[test]
    fn creatinine_above_4_is_capped_at_4() {
        let m = score(&conv(6.2, 2.0, 1.2));
        assert_eq!(m.used[0].used, 4.0);
        assert_eq!(m.used[0].rule, Some(BoundRule::Cap(4.0)));
        assert_eq!(m.score, score(&conv(4.0, 2.0, 1.2)).score);
    }

    #[test]
    fn dialysis_sets_creatinine_to_4() {
        let mut input = conv(2.0, 2.0, 1.2);
        input.dialysis = true;
        let m = score(&input);
        assert_eq!(m.used[0].used, 4.0);
        assert_eq!(m.used[0].rule, Some(BoundRule::Dialysis(4.0)));
        assert_eq!(m.used[0].entered, Some(2.0));
    }

    #[test]
    fn dialysis_beats_a_creatinine_below_one() {
        // Some calculators apply the floor first and never reach the dialysis rule.
        let mut input = conv(0.6, 2.0, 1.2);
        input.dialysis = true;
        let m = score(&input);
        assert_eq!(m.used[0].used, 4.0);
        assert_eq!(m.used[0].rule, Some(BoundRule::Dialysis(4.0)));
    }

    #[test]
    fn dialysis_needs_no_creatinine_value() {
        let mut input = conv(1.0, 2.0, 1.2);
        input.creatinine = None;
        input.dialysis = true;
        assert_eq!(score(&input).used[0].entered, None);
        assert_eq!(score(&input).score, score(&conv(4.0, 2.0, 1.2)).score);
    }

    #[test]
    fn meld_rounds_to_the_tenth_half_up_before_times_ten() {
        // 10 x MELD(i) = 22.5 exactly at the tie -> 23; 22.49 -> 22.
        assert_eq!(score(&conv(1.0, bili_for(22.5), 1.0)).score, 23);
        assert_eq!(score(&conv(1.0, bili_for(22.49), 1.0)).score, 22);
        assert_eq!(score(&conv(1.0, bili_for(22.5), 1.0)).meld_i_rounded, 2.3);
    }

    #[test]
    fn meld_is_capped_at_40() {
        let m = score(&conv(4.0, 60.0, 9.0));
        assert!(m.unrounded > 40.0);
        assert_eq!(m.score, 40);
        assert!(m.capped);
    }

    #[test]
    fn borderline_on_both_sides_of_the_gate() {
        // (unrounded 10 x MELD(i), reported, passes, borderline). SPEC 4 (revised): borderline
        // is a reported 29 or 30, the unrounded value in [28.5, 30.5).
        let cases: &[(f64, u8, bool, bool)] = &[
            (28.49, 28, true, false),
            (28.5, 29, true, true),
            (28.61, 29, true, true),
            (28.99, 29, true, true),
            (29.49, 29, true, true),
            (29.5, 30, false, true),
            (30.0, 30, false, true),
            (30.27, 30, false, true),
            (30.49, 30, false, true),
            (30.5, 31, false, false),
        ];
        for (target, reported, passes, borderline) in cases {
            let m = score(&conv(1.0, bili_for(*target + 1e-7), 1.0));
            assert_eq!(m.score, *reported, "{target}");
            assert_eq!(m.gate.passes, *passes, "{target}");
            assert_eq!(m.gate.borderline, *borderline, "{target}");
        }
    }

    #[test]
    fn meld_missing_inputs_are_named_in_form_order() {
        let input = MeldInput {
            inr: Some(Inr(1.5)),
            ..MeldInput::default()
        };
        assert_eq!(
            meld(&input, 30),
            ScoreOutcome::NotComputable(InputSet::of(&[InputId::Tbil, InputId::Creatinine]))
        );
    }

    #[test]
    fn si_and_conventional_units_give_the_same_meld() {
        let si = MeldInput {
            creatinine: Some(Creatinine::from_umol_per_l(176.8)),
            bilirubin: Some(Bilirubin::from_umol_per_l(342.0)),
            inr: Some(Inr(2.0)),
            ..MeldInput::default()
        };
        assert_eq!(score(&si).score, score(&conv(2.0, 20.0, 2.0)).score);
    }

    // --- MELD-Na ---------------------------------------------------------------------------

    #[test]
    fn meld_11_gets_no_sodium_term() {
        let mut input = conv(1.0, bili_for(11.0), 1.0);
        input.sodium = Some(Sodium(125.0));
        let n = na_score(&input);
        assert_eq!(n.meld, 11);
        assert_eq!(n.score, 11);
        assert_eq!(n.sodium, None);
    }

    #[test]
    fn meld_11_needs_no_sodium_value() {
        let input = conv(1.0, bili_for(11.0), 1.0);
        assert_eq!(na_score(&input).score, 11);
    }

    #[test]
    fn meld_12_gets_the_sodium_term() {
        let mut input = conv(1.0, bili_for(12.0), 1.0);
        input.sodium = Some(Sodium(130.0));
        // 12 + 1.32 x 7 - 0.033 x 12 x 7 = 18.468 -> 18
        let n = na_score(&input);
        assert!((n.unrounded - 18.468).abs() < 1e-9);
        assert_eq!(n.score, 18);
    }

    #[test]
    fn meld_above_11_without_sodium_is_not_computable() {
        let input = conv(1.0, bili_for(12.0), 1.0);
        assert_eq!(
            meld_na(&input, &meld(&input, 30)),
            ScoreOutcome::NotComputable(InputSet::of(&[InputId::Sodium]))
        );
    }

    #[test]
    fn meld_na_sodium_is_bounded_125_to_137() {
        let with = |na: f64| {
            let mut input = conv(2.0, 5.0, 1.5);
            input.sodium = Some(Sodium(na));
            na_score(&input)
        };
        assert_eq!(with(118.0).score, with(125.0).score);
        assert_eq!(
            with(118.0).sodium.unwrap().rule,
            Some(BoundRule::Floor(125.0))
        );
        assert_eq!(with(142.0).score, with(137.0).score);
        assert_eq!(
            with(142.0).sodium.unwrap().rule,
            Some(BoundRule::Cap(137.0))
        );
        assert_eq!(with(137.0).score, with(137.0).meld, "Na 137 adds nothing");
    }

    #[test]
    fn meld_na_is_capped_at_40() {
        let mut input = conv(3.5, 30.0, 4.0);
        input.sodium = Some(Sodium(125.0));
        let n = na_score(&input);
        assert!(n.unrounded > 40.0 || n.meld == 40);
        assert!(n.score <= 40);
    }

    #[test]
    fn meld_na_rounds_half_up() {
        // MELD 20, Na 135: 20 + 2.64 - 1.32 = 21.32 -> 21; MELD 15 Na 136 -> 15 + 1.32 - 0.495 = 15.825 -> 16.
        let mut input = conv(1.0, bili_for(15.0), 1.0);
        input.sodium = Some(Sodium(136.0));
        assert_eq!(na_score(&input).score, 16);
    }

    // --- MELD 3.0 --------------------------------------------------------------------------

    #[test]
    fn meld3_caps_creatinine_at_3_and_dialysis_sets_3() {
        let capped = m3_score(&m3(false, 50, 5.0, 130.0, 2.0, 5.0, 3.0));
        assert_eq!(capped.used[3].used, 3.0);
        assert_eq!(capped.used[3].rule, Some(BoundRule::Cap(3.0)));
        let mut dialysed = m3(false, 50, 5.0, 130.0, 2.0, 0.5, 3.0);
        dialysed.dialysis = true;
        let d = m3_score(&dialysed);
        assert_eq!(d.used[3].used, 3.0);
        assert_eq!(d.used[3].rule, Some(BoundRule::Dialysis(3.0)));
        assert_eq!(d.score, capped.score);
    }

    #[test]
    fn meld3_bounds_sodium_and_albumin() {
        let base = m3_score(&m3(false, 50, 5.0, 125.0, 2.0, 1.5, 1.5));
        let low = m3_score(&m3(false, 50, 5.0, 118.0, 2.0, 1.5, 1.0));
        assert_eq!(base.score, low.score);
        assert_eq!(low.used[1].rule, Some(BoundRule::Floor(125.0)));
        assert_eq!(low.used[4].rule, Some(BoundRule::Floor(1.5)));
        let high = m3_score(&m3(false, 50, 5.0, 145.0, 2.0, 1.5, 4.5));
        assert_eq!(high.used[1].rule, Some(BoundRule::Cap(137.0)));
        assert_eq!(high.used[4].rule, Some(BoundRule::Cap(3.5)));
        assert_eq!(
            high.score,
            m3_score(&m3(false, 50, 5.0, 137.0, 2.0, 1.5, 3.5)).score
        );
    }

    #[test]
    fn meld3_female_term_is_1_33() {
        let male = m3_score(&m3(false, 50, 6.0, 131.0, 1.5, 1.5, 2.2));
        let female = m3_score(&m3(true, 50, 6.0, 131.0, 1.5, 1.5, 2.2));
        assert!((female.unrounded - male.unrounded - 1.33).abs() < 1e-12);
        assert_eq!(female.female_term, FemaleTerm::Female);
    }

    #[test]
    fn meld3_age_12_to_17_gets_the_term_whatever_the_sex() {
        for (age, term) in [
            (11, FemaleTerm::None),
            (12, FemaleTerm::Adolescent),
            (17, FemaleTerm::Adolescent),
            (18, FemaleTerm::None),
        ] {
            assert_eq!(
                m3_score(&m3(false, age, 6.0, 131.0, 1.5, 1.5, 2.2)).female_term,
                term,
                "{age}"
            );
        }
    }

    #[test]
    fn meld3_is_bounded_6_to_40() {
        let low = m3_score(&m3(false, 50, 1.0, 137.0, 1.0, 1.0, 3.5));
        assert_eq!(low.score, 6);
        let high = m3_score(&m3(true, 50, 40.0, 125.0, 6.0, 3.0, 1.5));
        assert_eq!(high.score, 40);
        assert!(high.bounded);
    }

    #[test]
    fn meld3_needs_sex_age_and_albumin() {
        let mut input = m3(false, 50, 6.0, 131.0, 1.5, 1.5, 2.2);
        input.sex = None;
        input.age = None;
        input.albumin = None;
        assert_eq!(
            meld3(&input),
            ScoreOutcome::NotComputable(InputSet::of(&[
                InputId::Age,
                InputId::Sex,
                InputId::Albumin
            ]))
        );
    }
}
