//! Property tests of the severity context (SPEC section 11): the bounds of CLIF-C OF and AARC,
//! CLIF-C ACLF / AD equal to their formulas, unit invariance, removing an input never changing
//! a number (only making it not computable), and at most one prognostic score.
#![cfg(not(target_arch = "wasm32"))]

use aclf_screen::clinical::meld::ScoreOutcome;
use aclf_screen::clinical::patient::{Encephalopathy, Patient};
use aclf_screen::clinical::severity::*;
use aclf_screen::clinical::units::*;
use proptest::prelude::*;

/// Values in the table's units: bilirubin, creatinine mg/dL, INR, MAP, PaO2 mmHg, SpO2, FiO2 %,
/// WBC, sodium, lactate, age; band edges are drawn often, as they are where rules go wrong.
#[derive(Clone, Copy, Debug)]
struct Labs {
    bili: f64,
    cr: f64,
    inr: f64,
    map: f64,
    pao2: f64,
    spo2: f64,
    fio2: f64,
    wbc: f64,
    na: f64,
    lactate: f64,
    age: u32,
    he: Option<Encephalopathy>,
    dialysis: bool,
    vasopressors: bool,
}

fn or_edge(range: std::ops::Range<f64>, edges: &'static [f64]) -> BoxedStrategy<f64> {
    prop_oneof![range, proptest::sample::select(edges)].boxed()
}

fn encephalopathy() -> impl Strategy<Value = Option<Encephalopathy>> {
    prop_oneof![
        Just(None),
        Just(Some(Encephalopathy::Absent)),
        Just(Some(Encephalopathy::Present(None))),
        (1u8..=4).prop_map(|g| Some(Encephalopathy::Present(Some(g)))),
    ]
}

prop_compose! {
    fn labs()(
        (bili, cr, inr, map) in (
            or_edge(0.1..40.0, &[6.0, 12.0, 15.0, 25.0]),
            or_edge(0.1..8.0, &[0.7, 1.5, 2.0, 3.5]),
            or_edge(0.8..6.0, &[1.8, 2.0, 2.5]),
            or_edge(30.0..140.0, &[70.0]),
        ),
        (pao2, spo2, fio2) in (
            or_edge(25.0..600.0, &[42.0, 63.0, 60.0, 100.0, 150.0]),
            or_edge(70.0..100.0, &[89.25, 97.0]),
            prop_oneof![21.0..100.0, proptest::sample::select(&[21.0, 30.0, 50.0][..])],
        ),
        (wbc, na, lactate, age) in (
            0.1f64..60.0,
            115.0f64..160.0,
            or_edge(0.3..15.0, &[1.5, 2.5]),
            18u32..90,
        ),
        he in encephalopathy(),
        dialysis in any::<bool>(),
        vasopressors in any::<bool>(),
    ) -> Labs {
        Labs { bili, cr, inr, map, pao2, spo2, fio2, wbc, na, lactate, age, he, dialysis, vasopressors }
    }
}

/// The patient, with bilirubin and creatinine in SI (`si`) or conventional units and PaO2 in
/// kPa or mmHg; `present[i]` drops the i-th optional input when false.
fn patient(l: &Labs, si: bool, present: [bool; 11]) -> Patient {
    let keep = |i: usize| present[i];
    Patient {
        tbil: keep(0).then(|| {
            if si {
                Bilirubin::from_umol_per_l(l.bili * BILIRUBIN_UMOL_PER_MG_DL)
            } else {
                Bilirubin::from_mg_per_dl(l.bili)
            }
        }),
        creatinine: keep(1).then(|| {
            if si {
                Creatinine::from_umol_per_l(l.cr * CREATININE_UMOL_PER_MG_DL)
            } else {
                Creatinine::from_mg_per_dl(l.cr)
            }
        }),
        inr: keep(2).then_some(Inr(l.inr)),
        map: keep(3).then_some(MeanArterialPressure(l.map)),
        pao2: keep(4).then(|| {
            if si {
                Pao2::from_kpa(l.pao2 / MMHG_PER_KPA)
            } else {
                Pao2::from_mmhg(l.pao2)
            }
        }),
        spo2: keep(5).then_some(Spo2(l.spo2)),
        fio2: keep(6).then_some(Fio2(l.fio2)),
        wbc: keep(7).then_some(Wbc(l.wbc)),
        sodium: keep(8).then_some(Sodium(l.na)),
        lactate: keep(9).then_some(Lactate(l.lactate)),
        age: keep(10).then_some(Age(l.age)),
        encephalopathy: l.he,
        dialysis: l.dialysis,
        vasopressors: l.vasopressors,
        ..Patient::default()
    }
}

const ALL: [bool; 11] = [true; 11];

/// The numbers the widget shows (contract outputs), `None` where empty.
type Shown = (
    Option<u8>,
    Option<(AclfGrade, Vec<Organ>)>,
    Option<i32>,
    Option<i32>,
    Option<u8>,
);

fn shown(s: &Severity) -> Shown {
    (
        s.clif_of.computed().map(|o| o.total),
        s.grade.computed().map(|g| (g.grade, g.failures.clone())),
        s.clif_c_aclf.computed().map(|a| a.score),
        s.clif_c_ad.computed().map(|a| a.score),
        s.aarc.computed().map(|a| a.total),
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn clif_of_stays_within_6_to_18_and_aarc_within_5_to_15(l in labs(), si in any::<bool>()) {
        let s = severity(&patient(&l, si, ALL));
        if let Some(of) = s.clif_of.computed() {
            prop_assert!((6..=18).contains(&of.total));
            prop_assert_eq!(of.total, of.sub_scores.iter().map(|x| x.points).sum::<u8>());
            prop_assert!(of.sub_scores.iter().all(|x| (1..=3).contains(&x.points)));
        }
        if let Some(a) = s.aarc.computed() {
            prop_assert!((5..=15).contains(&a.total));
            prop_assert_eq!(a.grade, AarcGrade::of_total(a.total));
        }
    }

    #[test]
    fn clif_c_aclf_and_ad_equal_their_formulas(l in labs()) {
        let s = severity(&patient(&l, false, ALL));
        if let Some(a) = s.clif_c_aclf.computed() {
            let of = f64::from(s.clif_of.computed().unwrap().total);
            let x = 10.0 * (0.33 * of + 0.04 * f64::from(l.age) + 0.63 * l.wbc.ln() - 2.0);
            prop_assert!((a.unrounded - x).abs() < 1e-9);
            prop_assert_eq!(a.score, (x + 0.5 + 1e-9).floor() as i32);
        }
        if let Some(d) = s.clif_c_ad.computed() {
            let x = 10.0 * (0.03 * f64::from(l.age) + 0.66 * l.cr.ln() + 1.71 * l.inr.ln()
                + 0.88 * l.wbc.ln() - 0.05 * l.na + 8.0);
            prop_assert!((d.unrounded - x).abs() < 1e-9);
            prop_assert_eq!(d.score, (x + 0.5 + 1e-9).floor() as i32);
        }
    }

    #[test]
    fn si_and_conventional_entry_give_the_same_result(l in labs()) {
        let conv = severity(&patient(&l, false, ALL));
        let si = severity(&patient(&l, true, ALL));
        prop_assert_eq!(shown(&conv), shown(&si));
        let points = |s: &Severity| s.clif_of.computed().map(|o| o.sub_scores.map(|x| x.points));
        prop_assert_eq!(points(&conv), points(&si));
        let items = |s: &Severity| s.aarc.computed().map(|a| a.items.map(|x| x.points));
        prop_assert_eq!(items(&conv), items(&si));
    }

    #[test]
    fn removing_an_input_makes_a_score_not_computable_or_leaves_it(
        l in labs(), si in any::<bool>(), which in 0usize..11,
    ) {
        let full = patient(&l, si, ALL);
        // Exception (SPEC 11): without the PaO2 an entered SpO2 takes over the respiration.
        prop_assume!(!(which == 4 && full.spo2.is_some()));
        let mut present = ALL;
        present[which] = false;
        let before = shown(&severity(&full));
        let after = shown(&severity(&patient(&l, si, present)));
        prop_assert!(after.0.is_none() || after.0 == before.0, "CLIF-C OF {:?} -> {:?}", before.0, after.0);
        prop_assert!(after.1.is_none() || after.1 == before.1, "grade {:?} -> {:?}", before.1, after.1);
        prop_assert!(after.2.is_none() || after.2 == before.2, "CLIF-C ACLF {:?} -> {:?}", before.2, after.2);
        prop_assert!(after.3.is_none() || after.3 == before.3, "CLIF-C AD {:?} -> {:?}", before.3, after.3);
        prop_assert!(after.4.is_none() || after.4 == before.4, "AARC {:?} -> {:?}", before.4, after.4);
    }

    #[test]
    fn at_most_one_prognostic_score_and_only_with_all_its_inputs(
        l in labs(), si in any::<bool>(), present in proptest::array::uniform11(proptest::bool::weighted(0.85)),
    ) {
        let p = patient(&l, si, present);
        let s = severity(&p);
        prop_assert!(s.clif_c_aclf.computed().is_none() || s.clif_c_ad.computed().is_none());
        if s.clif_c_aclf.computed().is_some() {
            prop_assert!(p.age.is_some() && p.wbc.is_some());
            prop_assert!(s.grade.computed().is_some_and(|g| g.grade != AclfGrade::NoAclf));
        }
        if s.clif_c_ad.computed().is_some() {
            prop_assert!(p.age.is_some() && p.wbc.is_some() && p.inr.is_some());
            prop_assert!(p.creatinine.is_some() && p.sodium.is_some());
            prop_assert!(s.grade.computed().is_some_and(|g| g.grade == AclfGrade::NoAclf));
        }
        // The grade and CLIF-C OF are computable together or not at all.
        prop_assert_eq!(s.clif_of.computed().is_some(), s.grade.computed().is_some());
        if let ScoreOutcome::NotComputable(missing) = &s.clif_of {
            prop_assert!(!missing.is_empty());
        }
    }
}
