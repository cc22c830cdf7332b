//! Two-tier plausibility limits for every numeric input (SPEC section 5).
//!
//! *Impossible* values are rejected and compute nothing; *unusual* values compute and carry a
//! "please check" warning. Limits are physiological extremes with a margin (a product decision,
//! shown in the widget's notes). They are in SI units and compared after conversion, so one
//! table serves both units. A site may tighten them in its protocol document, never widen them.
//! Nothing here changes a value: bounds used inside formulas live with the formulas.

/// The kind of quantity a numeric field holds; one row of the limits table each.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Quantity {
    /// Total bilirubin, umol/L.
    Bilirubin,
    /// Creatinine, umol/L.
    Creatinine,
    /// INR, ratio.
    Inr,
    /// Prothrombin activity, %.
    Pta,
    /// Sodium, mmol/L.
    Sodium,
    /// Albumin, g/L.
    Albumin,
    /// Age, whole years.
    Age,
    /// White blood cell count, 10^9/L.
    Wbc,
    /// Mean arterial pressure, mmHg.
    Map,
    /// Arterial oxygen partial pressure, mmHg (the CLIF-C OF table's unit; kPa converts).
    Pao2,
    /// Peripheral oxygen saturation, %.
    Spo2,
    /// Inspired oxygen, % (21 = room air).
    Fio2,
    /// Blood lactate, mmol/L.
    Lactate,
}

/// A closed interval [low, high] in the quantity's SI unit.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Range {
    /// Lowest value inside the range.
    pub low: f64,
    /// Highest value inside the range.
    pub high: f64,
}

impl Range {
    /// Whether `x` lies within the closed range.
    #[must_use]
    pub fn contains(&self, x: f64) -> bool {
        self.low <= x && x <= self.high
    }
}

/// One row of the limits table.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Limits {
    /// Values outside this range are rejected.
    pub possible: Range,
    /// Values inside `possible` but outside this range are accepted with a warning.
    pub usual: Range,
}

const fn limits(p_low: f64, p_high: f64, u_low: f64, u_high: f64) -> Limits {
    Limits {
        possible: Range {
            low: p_low,
            high: p_high,
        },
        usual: Range {
            low: u_low,
            high: u_high,
        },
    }
}

/// SPEC section 5's table, in SI units. The conventional equivalents in SPEC are these values
/// divided by the factors in [`crate::clinical::units`].
#[must_use]
pub const fn default_limits(q: Quantity) -> Limits {
    match q {
        Quantity::Bilirubin => limits(1.0, 1700.0, 5.0, 850.0),
        Quantity::Creatinine => limits(5.0, 2650.0, 20.0, 1330.0),
        Quantity::Inr => limits(0.5, 20.0, 0.8, 8.0),
        Quantity::Pta => limits(0.0, 200.0, 5.0, 150.0),
        Quantity::Sodium => limits(90.0, 200.0, 115.0, 160.0),
        Quantity::Albumin => limits(5.0, 80.0, 15.0, 55.0),
        // Below 18 is decided by I2, not a typing error (SPEC 5, revised): no lower usual bound.
        Quantity::Age => limits(0.0, 120.0, 0.0, 100.0),
        // SPEC section 11.
        Quantity::Wbc => limits(0.1, 200.0, 1.0, 50.0),
        Quantity::Map => limits(10.0, 200.0, 40.0, 140.0),
        Quantity::Pao2 => limits(20.0, 700.0, 40.0, 600.0),
        Quantity::Spo2 => limits(50.0, 100.0, 70.0, 100.0),
        // No unusual tier: any FiO2 a patient can breathe is usual.
        Quantity::Fio2 => limits(21.0, 100.0, 21.0, 100.0),
        Quantity::Lactate => limits(0.1, 30.0, 0.3, 15.0),
    }
}

/// Every quantity, in table order.
pub const ALL_QUANTITIES: [Quantity; 13] = [
    Quantity::Bilirubin,
    Quantity::Creatinine,
    Quantity::Inr,
    Quantity::Pta,
    Quantity::Sodium,
    Quantity::Albumin,
    Quantity::Age,
    Quantity::Wbc,
    Quantity::Map,
    Quantity::Pao2,
    Quantity::Spo2,
    Quantity::Fio2,
    Quantity::Lactate,
];

/// How a value compares with its limits.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Plausibility {
    /// Within the usual range.
    Usual,
    /// Possible but outside the usual range: compute, and ask the user to check it.
    Unusual(Limits),
    /// Outside the hard limits: reject, compute nothing from it.
    Impossible(Limits),
}

/// Classifies `si_value` against `limits`.
///
/// ```
/// use aclf_screen::clinical::plausibility::*;
/// let l = default_limits(Quantity::Inr);
/// assert_eq!(classify(1.2, l), Plausibility::Usual);
/// assert_eq!(classify(9.0, l), Plausibility::Unusual(l));
/// assert_eq!(classify(25.0, l), Plausibility::Impossible(l));
/// ```
#[must_use]
pub fn classify(si_value: f64, limits: Limits) -> Plausibility {
    if !limits.possible.contains(si_value) {
        Plausibility::Impossible(limits)
    } else if !limits.usual.contains(si_value) {
        Plausibility::Unusual(limits)
    } else {
        Plausibility::Usual
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clinical::units::{
        ALBUMIN_G_L_PER_G_DL, BILIRUBIN_UMOL_PER_MG_DL, CREATININE_UMOL_PER_MG_DL,
    };
    use Plausibility::*;

    /// Every row of SPEC section 5 on both sides of both edges:
    /// (quantity, value just inside/outside each edge, expected class).
    #[test]
    fn every_row_of_the_limits_table_on_both_sides() {
        let rows: &[(Quantity, [f64; 4])] = &[
            (Quantity::Bilirubin, [1.0, 1700.0, 5.0, 850.0]),
            (Quantity::Creatinine, [5.0, 2650.0, 20.0, 1330.0]),
            (Quantity::Inr, [0.5, 20.0, 0.8, 8.0]),
            (Quantity::Pta, [0.0, 200.0, 5.0, 150.0]),
            (Quantity::Sodium, [90.0, 200.0, 115.0, 160.0]),
            (Quantity::Albumin, [5.0, 80.0, 15.0, 55.0]),
            (Quantity::Age, [0.0, 120.0, 0.0, 100.0]),
            (Quantity::Wbc, [0.1, 200.0, 1.0, 50.0]),
            (Quantity::Map, [10.0, 200.0, 40.0, 140.0]),
            (Quantity::Pao2, [20.0, 700.0, 40.0, 600.0]),
            (Quantity::Lactate, [0.1, 30.0, 0.3, 15.0]),
        ];
        for (q, [p_lo, p_hi, u_lo, u_hi]) in rows {
            let l = default_limits(*q);
            let step = if *q == Quantity::Age { 1.0 } else { 0.01 };
            assert!(
                matches!(classify(p_lo - step, l), Impossible(_)),
                "{q:?} below {p_lo}"
            );
            // A range whose usual low is its possible low (age) has no lower unusual tier.
            if u_lo > p_lo {
                assert!(matches!(classify(*p_lo, l), Unusual(_)), "{q:?} at {p_lo}");
                assert!(
                    matches!(classify(u_lo - step, l), Unusual(_)),
                    "{q:?} below {u_lo}"
                );
            }
            assert!(matches!(classify(*p_hi, l), Unusual(_)), "{q:?} at {p_hi}");
            assert!(
                matches!(classify(p_hi + step, l), Impossible(_)),
                "{q:?} above {p_hi}"
            );
            assert_eq!(classify(*u_lo, l), Usual, "{q:?} at {u_lo}");
            assert_eq!(classify(*u_hi, l), Usual, "{q:?} at {u_hi}");
            assert!(
                matches!(classify(u_hi + step, l), Unusual(_)),
                "{q:?} above {u_hi}"
            );
        }
    }

    #[test]
    fn an_adolescent_age_is_not_flagged_as_unusual() {
        // SPEC 5 (revised): 12-17 is decided by I2, not a "please check".
        let l = default_limits(Quantity::Age);
        for age in [12.0, 17.0, 0.0] {
            assert_eq!(classify(age, l), Usual, "{age}");
        }
        assert!(matches!(classify(101.0, l), Unusual(_)));
    }

    #[test]
    fn spo2_and_fio2_rows_on_both_sides() {
        // SpO2 usual tops out at the possible 100 %; FiO2 has no unusual tier at all.
        let s = default_limits(Quantity::Spo2);
        assert!(matches!(classify(49.99, s), Impossible(_)));
        assert!(matches!(classify(50.0, s), Unusual(_)));
        assert!(matches!(classify(69.99, s), Unusual(_)));
        assert_eq!(classify(70.0, s), Usual);
        assert_eq!(classify(100.0, s), Usual);
        assert!(matches!(classify(100.01, s), Impossible(_)));
        let f = default_limits(Quantity::Fio2);
        assert!(matches!(classify(20.99, f), Impossible(_)));
        assert_eq!(classify(21.0, f), Usual);
        assert_eq!(classify(100.0, f), Usual);
        assert!(matches!(classify(100.01, f), Impossible(_)));
    }

    #[test]
    fn conventional_equivalents_in_spec_match_the_si_limits() {
        // SPEC: bilirubin 0.06 - 99 mg/dL; 0.3 - 50 mg/dL.
        let b = default_limits(Quantity::Bilirubin);
        assert_eq!((b.possible.high / BILIRUBIN_UMOL_PER_MG_DL).round(), 99.0);
        assert!((b.possible.low / BILIRUBIN_UMOL_PER_MG_DL - 0.06).abs() < 0.005);
        assert!((b.usual.low / BILIRUBIN_UMOL_PER_MG_DL - 0.3).abs() < 0.01);
        assert!((b.usual.high / BILIRUBIN_UMOL_PER_MG_DL - 50.0).abs() < 0.3);
        // creatinine 0.06 - 30 mg/dL; 0.23 - 15 mg/dL.
        let c = default_limits(Quantity::Creatinine);
        assert!((c.possible.high / CREATININE_UMOL_PER_MG_DL - 30.0).abs() < 0.03);
        assert!((c.usual.low / CREATININE_UMOL_PER_MG_DL - 0.23).abs() < 0.005);
        assert!((c.usual.high / CREATININE_UMOL_PER_MG_DL - 15.0).abs() < 0.05);
        // albumin 0.5 - 8 g/dL; 1.5 - 5.5 g/dL.
        let a = default_limits(Quantity::Albumin);
        assert_eq!(a.possible.high / ALBUMIN_G_L_PER_G_DL, 8.0);
        assert_eq!(a.usual.low / ALBUMIN_G_L_PER_G_DL, 1.5);
    }

    #[test]
    fn usual_range_lies_inside_the_possible_range() {
        for q in ALL_QUANTITIES {
            let l = default_limits(q);
            assert!(
                l.possible.low <= l.usual.low && l.usual.high <= l.possible.high,
                "{q:?}"
            );
        }
    }
}
