//! What would change the MELD gate (SPEC section 9): for INR, TBIL and creatinine each alone,
//! the other labs as entered and the dialysis rule applied, the value on the field's display
//! grid that flips the gate "MELD < 30". An explanation of the formula, not advice.
//!
//! Exact, not approximate: MELD is monotone non-decreasing in each lab, so the flip is found by
//! binary search over the integer grid index, scoring every candidate with the gate's own
//! [`meld`] function. A grid value is the f64 the parser makes of its text (an integer mantissa
//! divided by a power of ten), so typing the stated limit gives exactly the stated outcome.

use super::form::si_per_unit;
use super::meld::{meld, MeldInput};
use super::plausibility::{Limits, Quantity};
use super::protocol::Protocol;
use super::units::{Bilirubin, Creatinine, FieldUnit, Inr, MolarUnit};

/// A value on a field's display grid: `mantissa / 10^decimals`, in the field's unit.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct GridValue {
    /// The value times `10^decimals` (never negative for a lab).
    pub mantissa: i64,
    /// Fixed decimals of the grid (INR 2; TBIL 1 or 2; creatinine 0 or 2).
    pub decimals: u8,
}

impl GridValue {
    /// The f64 the form's parser makes of [`GridValue::text`]: mantissa / 10^decimals.
    #[must_use]
    pub fn value(&self) -> f64 {
        self.mantissa as f64 / 10f64.powi(i32::from(self.decimals))
    }

    /// The fixed-decimal text of the contract (`2.86`, `981.0`, `135`, `57.37`).
    #[must_use]
    pub fn text(&self) -> String {
        let scale = 10i64.pow(u32::from(self.decimals));
        let sign = if self.mantissa < 0 { "-" } else { "" };
        let m = self.mantissa.abs();
        if self.decimals == 0 {
            format!("{sign}{m}")
        } else {
            let width = usize::from(self.decimals);
            format!("{sign}{}.{:0width$}", m / scale, m % scale)
        }
    }

    /// The grid value nearest to `x` (half-up), for showing a typed value on the grid.
    #[must_use]
    pub fn nearest(x: f64, decimals: u8) -> GridValue {
        let scaled = x * 10f64.powi(i32::from(decimals));
        GridValue {
            mantissa: (scaled + 0.5 + super::rounding::TIE_TOLERANCE).floor() as i64,
            decimals,
        }
    }
}

/// A lab whose limit is stated.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum GateLab {
    /// INR (grid 0.01).
    Inr,
    /// Total bilirubin (grid 0.1 umol/L or 0.01 mg/dL).
    Tbil,
    /// Creatinine (grid 1 umol/L or 0.01 mg/dL).
    Creatinine,
}

impl GateLab {
    /// The three labs, in the order they are shown.
    pub const ALL: [GateLab; 3] = [GateLab::Inr, GateLab::Tbil, GateLab::Creatinine];

    /// The contract's name (`meld-change-<name>`).
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            GateLab::Inr => "inr",
            GateLab::Tbil => "tbil",
            GateLab::Creatinine => "creatinine",
        }
    }

    const fn quantity(self) -> Quantity {
        match self {
            GateLab::Inr => Quantity::Inr,
            GateLab::Tbil => Quantity::Bilirubin,
            GateLab::Creatinine => Quantity::Creatinine,
        }
    }
}

/// Which way the stated limit flips the gate.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum LimitKind {
    /// MELD is 30 or more now: the limit is the largest value at which MELD would be 29 or
    /// less ("passes at INR <= 2.04").
    PassesAtMost,
    /// MELD is 29 or less now: the limit is the smallest value at which MELD would reach 30
    /// ("would fail at INR >= 2.26").
    FailsAtLeast,
}

impl LimitKind {
    /// The contract's `data-kind`.
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            LimitKind::PassesAtMost => "passes-at-most",
            LimitKind::FailsAtLeast => "fails-at-least",
        }
    }
}

/// Why no value of this lab alone flips the gate.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Unreachable {
    /// MELD fails even with this lab at its floor (1.0 in conventional units): the other labs
    /// alone put MELD at 30 or more.
    Floor,
    /// MELD passes even at the field's hard limit (SPEC section 5): this lab alone cannot
    /// raise MELD to 30.
    HardLimit,
    /// Creatinine under the dialysis rule: it is set to 4.0 whatever its value.
    Dialysis,
}

impl Unreachable {
    /// The contract's `data-reason`.
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            Unreachable::Floor => "floor",
            Unreachable::HardLimit => "hard-limit",
            Unreachable::Dialysis => "dialysis",
        }
    }
}

/// The limit of one lab, or why there is none.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum LimitValue {
    /// The grid value that flips the gate, in the field's selected unit.
    Reachable(GridValue),
    /// No value of this lab alone flips the gate.
    Unreachable(Unreachable),
}

/// What would change the gate through one lab.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct GateLimit {
    /// The lab.
    pub lab: GateLab,
    /// Which way the gate would flip.
    pub kind: LimitKind,
    /// The limit, or why there is none.
    pub limit: LimitValue,
    /// The unit of the limit (the field's selected unit).
    pub unit: FieldUnit,
}

/// The three limits beside the reported MELD.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct GateLimits {
    /// The reported MELD the limits start from.
    pub meld: u8,
    /// INR, TBIL, creatinine (the order of [`GateLab::ALL`]).
    pub labs: [GateLimit; 3],
}

impl GateLimits {
    /// The limit of one lab.
    #[must_use]
    pub fn get(&self, lab: GateLab) -> &GateLimit {
        &self.labs[lab as usize]
    }
}

/// The units the TBIL and creatinine fields are set to.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct LimitUnits {
    /// Unit of the bilirubin fields.
    pub tbil: MolarUnit,
    /// Unit of the creatinine field.
    pub creatinine: MolarUnit,
}

/// The field's unit and the decimals of its display grid (SPEC section 9).
#[must_use]
pub const fn grid(lab: GateLab, units: LimitUnits) -> (FieldUnit, u8) {
    let molar = match lab {
        GateLab::Inr => return (FieldUnit::Ratio, 2),
        GateLab::Tbil => units.tbil,
        GateLab::Creatinine => units.creatinine,
    };
    match (lab, molar) {
        (GateLab::Tbil, MolarUnit::UmolPerL) => (FieldUnit::UmolPerL, 1),
        (GateLab::Creatinine, MolarUnit::UmolPerL) => (FieldUnit::UmolPerL, 0),
        (_, _) => (FieldUnit::MgPerDl, 2),
    }
}

/// One lab's search: the MELD input with that lab replaced by a grid value.
struct Search<'a> {
    input: &'a MeldInput,
    lab: GateLab,
    unit: FieldUnit,
    molar: MolarUnit,
    decimals: u8,
    gate_below: u8,
}

impl Search<'_> {
    fn at(&self, mantissa: i64) -> GridValue {
        GridValue {
            mantissa,
            decimals: self.decimals,
        }
    }

    /// Whether MELD fails the gate with this lab at the grid value.
    fn fails(&self, mantissa: i64) -> bool {
        let v = self.at(mantissa).value();
        let mut input = *self.input;
        match self.lab {
            GateLab::Inr => input.inr = Some(Inr(v)),
            GateLab::Tbil => input.bilirubin = Some(Bilirubin::new(v, self.molar)),
            GateLab::Creatinine => input.creatinine = Some(Creatinine::new(v, self.molar)),
        }
        // The other labs are present (the reported MELD was computed) and this one is set.
        meld(&input, self.gate_below)
            .computed()
            .is_none_or(|m| m.score >= self.gate_below)
    }

    /// Whether the form accepts the grid value (inside the hard limits, as the form checks).
    fn possible(&self, limits: Limits, mantissa: i64) -> bool {
        let si = self.at(mantissa).value() * si_per_unit(self.lab.quantity(), self.unit);
        limits.possible.contains(si)
    }

    /// The lowest and highest grid indices inside the hard limits.
    fn bounds(&self, limits: Limits) -> Option<(i64, i64)> {
        let per_si =
            10f64.powi(i32::from(self.decimals)) / si_per_unit(self.lab.quantity(), self.unit);
        // Start just outside the estimate and step in: the check is the form's own.
        let mut lo = (limits.possible.low * per_si).ceil() as i64 - 2;
        while !self.possible(limits, lo) {
            lo += 1;
            if lo > (limits.possible.high * per_si).ceil() as i64 + 2 {
                return None;
            }
        }
        let mut hi = (limits.possible.high * per_si).floor() as i64 + 2;
        while !self.possible(limits, hi) {
            hi -= 1;
        }
        Some((lo, hi))
    }

    /// The smallest index in `lo..=hi` at which MELD fails, if any (MELD is monotone).
    fn first_failing(&self, lo: i64, hi: i64) -> Option<i64> {
        if !self.fails(hi) {
            return None;
        }
        if self.fails(lo) {
            return Some(lo);
        }
        // Invariant: `pass` passes, `fail` fails.
        let (mut pass, mut fail) = (lo, hi);
        while fail - pass > 1 {
            let mid = pass + (fail - pass) / 2;
            if self.fails(mid) {
                fail = mid;
            } else {
                pass = mid;
            }
        }
        Some(fail)
    }
}

/// The limit of each of INR, TBIL and creatinine that would flip the MELD gate, in the fields'
/// selected units; `None` while MELD cannot be computed.
///
/// ```
/// use aclf_screen::clinical::gate_limits::*;
/// use aclf_screen::clinical::meld::MeldInput;
/// use aclf_screen::clinical::protocol::PROTOCOL;
/// use aclf_screen::clinical::units::*;
/// let input = MeldInput {
///     bilirubin: Some(Bilirubin::from_umol_per_l(342.0)),
///     inr: Some(Inr(2.0)),
///     creatinine: Some(Creatinine::from_umol_per_l(88.4)),
///     ..MeldInput::default()
/// };
/// let limits = gate_limits(&input, LimitUnits::default(), &PROTOCOL).unwrap();
/// assert_eq!(limits.meld, 26);
/// let inr = limits.get(GateLab::Inr);
/// assert_eq!(inr.kind, LimitKind::FailsAtLeast);
/// let LimitValue::Reachable(v) = inr.limit else { panic!() };
/// assert_eq!(v.text(), "2.86");
/// ```
#[must_use]
pub fn gate_limits(
    input: &MeldInput,
    units: LimitUnits,
    protocol: &Protocol,
) -> Option<GateLimits> {
    let gate_below = protocol.thresholds.meld_below;
    let score = meld(input, gate_below).computed()?.score;
    let kind = if score >= gate_below {
        LimitKind::PassesAtMost
    } else {
        LimitKind::FailsAtLeast
    };
    let one = |lab: GateLab| {
        let (unit, decimals) = grid(lab, units);
        let limit = if lab == GateLab::Creatinine && input.dialysis {
            LimitValue::Unreachable(Unreachable::Dialysis)
        } else {
            let molar = match lab {
                GateLab::Creatinine => units.creatinine,
                _ => units.tbil,
            };
            let search = Search {
                input,
                lab,
                unit,
                molar,
                decimals,
                gate_below,
            };
            limit_of(&search, kind, protocol.limits(lab.quantity()))
        };
        GateLimit {
            lab,
            kind,
            limit,
            unit,
        }
    };
    Some(GateLimits {
        meld: score,
        labs: GateLab::ALL.map(one),
    })
}

fn limit_of(search: &Search<'_>, kind: LimitKind, limits: Limits) -> LimitValue {
    let Some((lo, hi)) = search.bounds(limits) else {
        return LimitValue::Unreachable(Unreachable::HardLimit);
    };
    let first_failing = search.first_failing(lo, hi);
    match (kind, first_failing) {
        // Below the floor MELD does not change, so failing at the lowest possible value is
        // failing at the floor.
        (LimitKind::PassesAtMost, Some(k)) if k == lo => {
            LimitValue::Unreachable(Unreachable::Floor)
        }
        (LimitKind::PassesAtMost, Some(k)) => LimitValue::Reachable(search.at(k - 1)),
        // Only reached when the entered value lies outside the grid's hard limits.
        (LimitKind::PassesAtMost, None) => LimitValue::Reachable(search.at(hi)),
        (LimitKind::FailsAtLeast, Some(k)) => LimitValue::Reachable(search.at(k)),
        (LimitKind::FailsAtLeast, None) => LimitValue::Unreachable(Unreachable::HardLimit),
    }
}

// Native only: proptest does not build for wasm32 (TOOLCHAIN.md).
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::clinical::date::Date;
    use crate::clinical::form::{evaluate, FormInput};
    use crate::clinical::parse::{parse_number, Parsed};
    use crate::clinical::protocol::PROTOCOL;
    use crate::clinical::units::{BILIRUBIN_UMOL_PER_MG_DL, CREATININE_UMOL_PER_MG_DL};
    use proptest::prelude::*;

    const SI: LimitUnits = LimitUnits {
        tbil: MolarUnit::UmolPerL,
        creatinine: MolarUnit::UmolPerL,
    };
    const CONVENTIONAL: LimitUnits = LimitUnits {
        tbil: MolarUnit::MgPerDl,
        creatinine: MolarUnit::MgPerDl,
    };

    /// Labs given in conventional units, entered in `units`.
    fn labs(tbil_mg: f64, inr: f64, cr_mg: f64, dialysis: bool, units: LimitUnits) -> MeldInput {
        let in_unit = |mg: f64, unit: MolarUnit, factor: f64| match unit {
            MolarUnit::MgPerDl => mg,
            MolarUnit::UmolPerL => mg * factor,
        };
        MeldInput {
            bilirubin: Some(Bilirubin::new(
                in_unit(tbil_mg, units.tbil, BILIRUBIN_UMOL_PER_MG_DL),
                units.tbil,
            )),
            inr: Some(Inr(inr)),
            creatinine: Some(Creatinine::new(
                in_unit(cr_mg, units.creatinine, CREATININE_UMOL_PER_MG_DL),
                units.creatinine,
            )),
            dialysis,
            ..MeldInput::default()
        }
    }

    /// The limit found by scoring every grid value inside the hard limits, each made from its
    /// text by the form's parser.
    fn brute_force(input: &MeldInput, lab: GateLab, units: LimitUnits) -> LimitValue {
        let (unit, decimals) = grid(lab, units);
        let q = lab.quantity();
        let limits = PROTOCOL.limits(q);
        let top = (limits.possible.high / si_per_unit(q, unit) * 10f64.powi(i32::from(decimals)))
            as i64
            + 2;
        let mut scores = Vec::new();
        for mantissa in 0..=top {
            let g = GridValue { mantissa, decimals };
            let Ok(Parsed::Number(v)) = parse_number(&g.text(), unit) else {
                panic!("{}", g.text())
            };
            if !limits.possible.contains(v * si_per_unit(q, unit)) {
                continue;
            }
            let mut i = *input;
            match lab {
                GateLab::Inr => i.inr = Some(Inr(v)),
                GateLab::Tbil => i.bilirubin = Some(Bilirubin::new(v, units.tbil)),
                GateLab::Creatinine => i.creatinine = Some(Creatinine::new(v, units.creatinine)),
            }
            scores.push((g, meld(&i, 30).computed().unwrap().score));
        }
        assert!(scores.windows(2).all(|w| w[0].1 <= w[1].1), "monotone");
        if lab == GateLab::Creatinine && input.dialysis {
            return LimitValue::Unreachable(Unreachable::Dialysis);
        }
        if meld(input, 30).computed().unwrap().score >= 30 {
            scores
                .iter()
                .rev()
                .find(|(_, s)| *s <= 29)
                .map_or(LimitValue::Unreachable(Unreachable::Floor), |(g, _)| {
                    LimitValue::Reachable(*g)
                })
        } else {
            scores
                .iter()
                .find(|(_, s)| *s >= 30)
                .map_or(LimitValue::Unreachable(Unreachable::HardLimit), |(g, _)| {
                    LimitValue::Reachable(*g)
                })
        }
    }

    use LimitValue::Reachable as R;
    use Unreachable::*;

    /// Expected outcome per lab in a case: `Some(reason)` when unreachable, `None` when reachable.
    struct Case {
        name: &'static str,
        tbil_mg: f64,
        inr: f64,
        cr_mg: f64,
        dialysis: bool,
        meld: u8,
        unreachable: [Option<Unreachable>; 3],
    }

    const CASES: &[Case] = &[
        Case {
            name: "gate just passed (29)",
            tbil_mg: 20.0,
            inr: 2.85,
            cr_mg: 1.0,
            dialysis: false,
            meld: 29,
            unreachable: [None, None, None],
        },
        Case {
            name: "gate just failed (30)",
            tbil_mg: 20.0,
            inr: 2.86,
            cr_mg: 1.0,
            dialysis: false,
            meld: 30,
            // Creatinine is at its floor already.
            unreachable: [None, None, Some(Floor)],
        },
        Case {
            name: "TBIL and creatinine cannot reach 30 alone",
            tbil_mg: 1.0,
            inr: 1.0,
            cr_mg: 1.0,
            dialysis: false,
            meld: 6,
            unreachable: [None, Some(HardLimit), Some(HardLimit)],
        },
        Case {
            name: "dialysis, passing",
            tbil_mg: 3.0,
            inr: 1.5,
            cr_mg: 0.8,
            dialysis: true,
            meld: 28,
            unreachable: [None, None, Some(Dialysis)],
        },
        Case {
            name: "dialysis, failing",
            tbil_mg: 10.0,
            inr: 2.5,
            cr_mg: 0.8,
            dialysis: true,
            meld: 39,
            // Creatinine 4.0 and INR 2.5 alone make 30.
            unreachable: [None, Some(Floor), Some(Dialysis)],
        },
        Case {
            name: "creatinine at its floor, failing",
            tbil_mg: 30.0,
            inr: 3.5,
            cr_mg: 0.5,
            dialysis: false,
            meld: 33,
            unreachable: [None, None, Some(Floor)],
        },
        Case {
            name: "MELD 40",
            tbil_mg: 40.0,
            inr: 6.0,
            cr_mg: 3.0,
            dialysis: false,
            meld: 40,
            unreachable: [Some(Floor), Some(Floor), Some(Floor)],
        },
        Case {
            name: "all three unreachable",
            tbil_mg: 40.0,
            inr: 4.0,
            cr_mg: 4.0,
            dialysis: false,
            meld: 40,
            unreachable: [Some(Floor), Some(Floor), Some(Floor)],
        },
        Case {
            name: "all three unreachable with dialysis",
            tbil_mg: 40.0,
            inr: 4.0,
            cr_mg: 0.7,
            dialysis: true,
            meld: 40,
            unreachable: [Some(Floor), Some(Floor), Some(Dialysis)],
        },
    ];

    #[test]
    fn limits_match_a_brute_force_scan_of_the_grid_in_both_unit_systems() {
        for case in CASES {
            for units in [SI, CONVENTIONAL] {
                let input = labs(case.tbil_mg, case.inr, case.cr_mg, case.dialysis, units);
                let limits = gate_limits(&input, units, &PROTOCOL).unwrap();
                assert_eq!(limits.meld, case.meld, "{} {units:?}", case.name);
                for (lab, expected) in GateLab::ALL.into_iter().zip(case.unreachable) {
                    let got = limits.get(lab);
                    assert_eq!(got.lab, lab);
                    assert_eq!(
                        got.kind,
                        if case.meld >= 30 {
                            LimitKind::PassesAtMost
                        } else {
                            LimitKind::FailsAtLeast
                        }
                    );
                    let brute = brute_force(&input, lab, units);
                    assert_eq!(got.limit, brute, "{} {lab:?} {units:?}", case.name);
                    match expected {
                        Some(reason) => assert_eq!(got.limit, LimitValue::Unreachable(reason)),
                        None => assert!(matches!(got.limit, R(_)), "{} {lab:?}", case.name),
                    }
                }
            }
        }
    }

    #[test]
    fn contract_examples_have_the_grid_decimals_of_the_selected_unit() {
        let text = |mantissa, decimals| GridValue { mantissa, decimals }.text();
        assert_eq!(text(286, 2), "2.86");
        assert_eq!(text(9810, 1), "981.0");
        assert_eq!(text(5737, 2), "57.37");
        assert_eq!(text(135, 0), "135");
        assert_eq!(text(152, 2), "1.52");
        assert_eq!(text(5, 2), "0.05");
        assert_eq!(grid(GateLab::Tbil, SI), (FieldUnit::UmolPerL, 1));
        assert_eq!(grid(GateLab::Creatinine, SI), (FieldUnit::UmolPerL, 0));
        assert_eq!(
            grid(GateLab::Creatinine, CONVENTIONAL),
            (FieldUnit::MgPerDl, 2)
        );
        assert_eq!(GridValue::nearest(2.855, 2).text(), "2.86");
    }

    #[test]
    fn refer_patient_would_fail_at_inr_2_86() {
        let input = labs(20.0, 2.0, 1.0, false, SI);
        let limits = gate_limits(&input, SI, &PROTOCOL).unwrap();
        assert_eq!(limits.meld, 26);
        let inr = limits.get(GateLab::Inr);
        assert_eq!(
            inr.limit,
            R(GridValue {
                mantissa: 286,
                decimals: 2
            })
        );
        assert_eq!(inr.kind.name(), "fails-at-least");
        assert_eq!(inr.unit, FieldUnit::Ratio);
    }

    #[test]
    fn contract_names_of_kinds_and_reasons() {
        assert_eq!(LimitKind::PassesAtMost.name(), "passes-at-most");
        assert_eq!(Floor.name(), "floor");
        assert_eq!(HardLimit.name(), "hard-limit");
        assert_eq!(Dialysis.name(), "dialysis");
        assert_eq!(GateLab::Creatinine.name(), "creatinine");
    }

    #[test]
    fn nothing_while_meld_cannot_be_computed() {
        let mut input = labs(20.0, 2.0, 1.0, false, SI);
        input.inr = None;
        assert_eq!(gate_limits(&input, SI, &PROTOCOL), None);
    }

    #[test]
    fn dialysis_without_creatinine_still_gives_inr_and_tbil_limits() {
        let mut input = labs(5.0, 1.5, 1.0, true, SI);
        input.creatinine = None;
        let limits = gate_limits(&input, SI, &PROTOCOL).unwrap();
        assert!(matches!(limits.get(GateLab::Inr).limit, R(_)));
        assert!(matches!(limits.get(GateLab::Tbil).limit, R(_)));
        assert_eq!(
            limits.get(GateLab::Creatinine).limit,
            LimitValue::Unreachable(Dialysis)
        );
    }

    fn today() -> Date {
        Date::parse("2026-12-01").unwrap().unwrap()
    }

    /// The reported MELD of a form as typed.
    fn form_meld(form: &FormInput) -> Option<u8> {
        evaluate(form, today(), &PROTOCOL)
            .screening
            .meld
            .computed()
            .map(|m| m.score)
    }

    fn set(form: &FormInput, lab: GateLab, text: String) -> FormInput {
        let mut f = form.clone();
        match lab {
            GateLab::Inr => f.inr = text,
            GateLab::Tbil => f.tbil = text,
            GateLab::Creatinine => f.creatinine = text,
        }
        f
    }

    fn unit_of(si: bool) -> MolarUnit {
        if si {
            MolarUnit::UmolPerL
        } else {
            MolarUnit::MgPerDl
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        #[test]
        fn typing_the_stated_limit_gives_the_stated_outcome_and_one_step_beyond_does_not(
            inr in 50i64..=800,
            tbil_si in any::<bool>(),
            tbil_umol in 10i64..=17000,
            tbil_mg in 6i64..=9900,
            cr_si in any::<bool>(),
            cr_umol in 5i64..=2650,
            cr_mg in 6i64..=2990,
            dialysis in any::<bool>(),
        ) {
            let units = LimitUnits { tbil: unit_of(tbil_si), creatinine: unit_of(cr_si) };
            let tbil = if tbil_si { GridValue { mantissa: tbil_umol, decimals: 1 } }
                else { GridValue { mantissa: tbil_mg, decimals: 2 } };
            let cr = if cr_si { GridValue { mantissa: cr_umol, decimals: 0 } }
                else { GridValue { mantissa: cr_mg, decimals: 2 } };
            let form = FormInput {
                tbil: tbil.text(),
                tbil_unit: units.tbil,
                inr: GridValue { mantissa: inr, decimals: 2 }.text(),
                creatinine: cr.text(),
                creatinine_unit: units.creatinine,
                dialysis,
                ..FormInput::default()
            };
            let vm = evaluate(&form, today(), &PROTOCOL);
            let input = MeldInput::from(&vm.patient);
            let limits = gate_limits(&input, units, &PROTOCOL).unwrap();
            prop_assert_eq!(Some(limits.meld), form_meld(&form));
            for l in limits.labs {
                let LimitValue::Reachable(g) = l.limit else { continue };
                prop_assert_eq!(parse_number(&g.text(), l.unit), Ok(Parsed::Number(g.value())));
                let beyond = GridValue {
                    mantissa: match l.kind {
                        LimitKind::PassesAtMost => g.mantissa + 1,
                        LimitKind::FailsAtLeast => g.mantissa - 1,
                    },
                    ..g
                };
                let at = form_meld(&set(&form, l.lab, g.text())).unwrap();
                let past = form_meld(&set(&form, l.lab, beyond.text())).unwrap();
                match l.kind {
                    LimitKind::PassesAtMost => prop_assert!(at <= 29 && past >= 30, "{:?} {} {}", l, at, past),
                    LimitKind::FailsAtLeast => prop_assert!(at >= 30 && past <= 29, "{:?} {} {}", l, at, past),
                }
            }
        }
    }
}
