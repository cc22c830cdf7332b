//! Inclusion criterion I3: ACLF per the Chinese *Guidelines for Diagnosis and Treatment of
//! Liver Failure (2018 edition)* as the trial registry words it, in three parts combined in
//! three-valued logic (SPEC section 2):
//! 1. underlying chronic liver disease;
//! 2. serum TBIL >= 171 umol/L, or a mean daily rise >= 17.1 umol/L per day;
//! 3. any one of bleeding tendency (INR >= 1.5 or PTA <= 40 %, as the guideline defines it:
//!    "有出血倾向，PTA≤40%（或INR≥1.5）"), hepatic encephalopathy, hepatorenal syndrome. Active
//!    bleeding answered "yes" does not meet it (SPEC 2, revised): it adds a note and a
//!    typical-exclusion flag.

use super::date::Date;
use super::outcome::{all_of, any_of, Evidence, EvidenceList, Note, NoteSet, Outcome};
use super::patient::{Answer, Encephalopathy, InputId, InputSet, Patient};
use super::protocol::Thresholds;

/// Threshold comparisons tolerate this much binary error, so that 10 mg/dL (171.00000000000003
/// umol/L after conversion) or a rise of exactly 17.1 counts as reaching the threshold.
const THRESHOLD_TOLERANCE: f64 = 1e-9;

/// Result of I3 with its three parts.
#[derive(Clone, Debug, PartialEq)]
pub struct AclfResult {
    /// I3 as a whole: AND of the parts.
    pub overall: Outcome,
    /// I3-1 chronic liver disease, I3-2 bilirubin, I3-3 bleeding / HE / HRS.
    pub parts: [Outcome; 3],
    /// Notes on I3 as a whole (none today; kept for symmetry with the other criteria).
    pub notes: NoteSet,
    /// Notes on each part: I3-2 the registry's threshold and a long rise interval; I3-3 the
    /// registry-vs-guideline reading, coagulopathy not entered, active bleeding.
    pub part_notes: [NoteSet; 3],
}

/// The mean daily rise of bilirubin from two dated results.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Rise {
    /// Computed: umol/L per day over whole calendar days.
    Computed {
        /// Mean rise, umol/L per day (negative for a fall).
        umol_per_day: f64,
        /// Whole calendar days between the results (>= 1).
        days: i64,
    },
    /// Both results carry the same date (fewer than 1 day apart).
    SameDay(Date),
    /// A value or date is missing, or the dates are reversed.
    Incomplete,
}

/// Mean daily rise = (later - earlier) / whole calendar days between them (SPEC section 2).
///
/// ```
/// use aclf_screen::clinical::aclf::{daily_rise, Rise};
/// use aclf_screen::clinical::date::Date;
/// use aclf_screen::clinical::units::Bilirubin;
/// let d = |s| Date::parse(s).unwrap();
/// let rise = daily_rise(
///     Some(Bilirubin::from_umol_per_l(150.0)), d("2026-11-25"),
///     Some(Bilirubin::from_umol_per_l(100.0)), d("2026-11-23"),
/// );
/// assert_eq!(rise, Rise::Computed { umol_per_day: 25.0, days: 2 });
/// ```
#[must_use]
pub fn daily_rise(
    later: Option<super::units::Bilirubin>,
    later_date: Option<Date>,
    earlier: Option<super::units::Bilirubin>,
    earlier_date: Option<Date>,
) -> Rise {
    let (Some(later), Some(later_date), Some(earlier), Some(earlier_date)) =
        (later, later_date, earlier, earlier_date)
    else {
        return Rise::Incomplete;
    };
    let days = later_date.days_since(earlier_date);
    match days {
        0 => Rise::SameDay(later_date),
        d if d < 0 => Rise::Incomplete,
        d => Rise::Computed {
            umol_per_day: (later.umol_per_l() - earlier.umol_per_l()) / d as f64,
            days: d,
        },
    }
}

/// Whether a rise over `days` carries the warning that the guideline means an acute rise
/// (more than `rise_warn_after_days`, SPEC section 2).
#[must_use]
pub fn long_interval(days: i64, t: &Thresholds) -> bool {
    days > i64::from(t.rise_warn_after_days)
}

fn reaches(value: f64, threshold: f64) -> bool {
    value >= threshold - THRESHOLD_TOLERANCE
}

/// I3-1: underlying chronic liver disease.
fn chronic_part(p: &Patient) -> Outcome {
    match p.chronic_liver_disease {
        Some(Answer::Yes) => Outcome::met(&[Evidence::ChronicLiverDisease(Answer::Yes)]),
        Some(Answer::No) => Outcome::not_met(&[Evidence::ChronicLiverDisease(Answer::No)]),
        Some(Answer::Unknown) | None => {
            Outcome::unknown(InputSet::of(&[InputId::ChronicLiverDisease]))
        }
    }
}

/// I3-2: bilirubin level, else its mean daily rise.
fn bilirubin_part(p: &Patient, t: &Thresholds, notes: &mut NoteSet) -> Outcome {
    let Some(tbil) = p.tbil else {
        return Outcome::unknown(InputSet::of(&[InputId::Tbil]));
    };
    let level = Evidence::TbilLevel {
        tbil,
        threshold_umol: t.tbil_umol_per_l,
    };
    if reaches(tbil.umol_per_l(), t.tbil_umol_per_l) {
        return Outcome::met(&[level]);
    }
    match daily_rise(p.tbil, p.tbil_date, p.tbil_earlier, p.tbil_earlier_date) {
        Rise::Computed { umol_per_day, days } => {
            let long_interval = long_interval(days, t);
            if long_interval {
                notes.push(Note::RiseOverLongInterval);
            }
            let rise = Evidence::TbilRise {
                umol_per_day,
                days,
                threshold_umol: t.tbil_rise_umol_per_l_per_day,
                long_interval,
                unit: tbil.unit(),
            };
            if reaches(umol_per_day, t.tbil_rise_umol_per_l_per_day) {
                Outcome::met(&[level, rise])
            } else {
                Outcome::not_met(&[level, rise])
            }
        }
        Rise::SameDay(date) => Outcome::Unknown {
            missing: InputSet::of(&[InputId::TbilDate, InputId::TbilEarlierDate]),
            evidence: EvidenceList::of(&[level, Evidence::TbilSameDay { date }]),
        },
        Rise::Incomplete => {
            let mut missing = InputSet::EMPTY;
            for (absent, id) in [
                (p.tbil_date.is_none(), InputId::TbilDate),
                (p.tbil_earlier.is_none(), InputId::TbilEarlier),
                (p.tbil_earlier_date.is_none(), InputId::TbilEarlierDate),
            ] {
                if absent {
                    missing.insert(id);
                }
            }
            if missing.is_empty() {
                // All present but the earlier date is after the later one (a date error that
                // the form reports on the earlier date): name that date.
                missing.insert(InputId::TbilEarlierDate);
            }
            Outcome::Unknown {
                missing,
                evidence: EvidenceList::of(&[level]),
            }
        }
    }
}

/// PTA at or below the threshold (the per-comparator tolerance of SPEC 5).
fn pta_low(p: &Patient, t: &Thresholds) -> bool {
    p.pta
        .is_some_and(|v| v.0 <= t.pta_coagulopathy_percent + THRESHOLD_TOLERANCE)
}

/// INR at or above the threshold.
fn inr_high(p: &Patient, t: &Thresholds) -> bool {
    p.inr.is_some_and(|i| reaches(i.0, t.inr_coagulopathy))
}

/// Bleeding tendency as the 2018 guideline defines it: INR >= 1.5 or PTA <= 40 % (SPEC 2,
/// revised). Either value reaching its threshold is Met whatever the other; INR below 1.5 with
/// PTA empty or above 40 % is no bleeding tendency (PTA is optional: a stated exception to
/// "Unknown is never no"); INR empty with PTA empty or above 40 % is Unknown, naming INR.
/// Active bleeding never enters it.
fn bleeding_tendency(p: &Patient, t: &Thresholds) -> Outcome {
    let inr = p.inr.map(|i| Evidence::Inr {
        value: i.0,
        threshold: t.inr_coagulopathy,
    });
    let pta = p.pta.map(|v| Evidence::Pta {
        value: v.0,
        threshold: t.pta_coagulopathy_percent,
    });
    let mut yes = EvidenceList::EMPTY;
    if let (Some(e), true) = (inr, inr_high(p, t)) {
        yes.push(e);
    }
    if let (Some(e), true) = (pta, pta_low(p, t)) {
        yes.push(e);
    }
    if !yes.is_empty() {
        return Outcome::Met(yes);
    }
    let mut known = EvidenceList::EMPTY;
    for e in [inr, pta].into_iter().flatten() {
        known.push(e);
    }
    if p.inr.is_some() {
        Outcome::NotMet(known)
    } else {
        Outcome::Unknown {
            missing: InputSet::of(&[InputId::Inr]),
            evidence: known,
        }
    }
}

fn encephalopathy(p: &Patient) -> Outcome {
    match p.encephalopathy {
        Some(e @ Encephalopathy::Present(_)) => Outcome::met(&[Evidence::Encephalopathy(e)]),
        Some(e @ Encephalopathy::Absent) => Outcome::not_met(&[Evidence::Encephalopathy(e)]),
        None => Outcome::unknown(InputSet::of(&[InputId::HepaticEncephalopathy])),
    }
}

fn hepatorenal(p: &Patient) -> Outcome {
    match p.hepatorenal_syndrome {
        Some(Answer::Yes) => Outcome::met(&[Evidence::HepatorenalSyndrome(Answer::Yes)]),
        Some(Answer::No) => Outcome::not_met(&[Evidence::HepatorenalSyndrome(Answer::No)]),
        Some(Answer::Unknown) | None => {
            Outcome::unknown(InputSet::of(&[InputId::HepatorenalSyndrome]))
        }
    }
}

/// Evaluates I3 and its three parts.
#[must_use]
pub fn evaluate(p: &Patient, t: &Thresholds) -> AclfResult {
    let mut bilirubin_notes = NoteSet::of(&[Note::TbilThresholdRegistry]);
    let chronic = chronic_part(p);
    let bilirubin = bilirubin_part(p, t, &mut bilirubin_notes);
    let complications = any_of(&[
        &bleeding_tendency(p, t),
        &encephalopathy(p),
        &hepatorenal(p),
    ]);
    let overall = all_of(&[&chronic, &bilirubin, &complications]);
    let mut complication_notes = NoteSet::EMPTY;
    if matches!(overall, Outcome::Met(_)) && !inr_high(p, t) && !pta_low(p, t) {
        // Without an INR nothing says that coagulopathy is absent: say it was not entered.
        complication_notes.push(if p.inr.is_none() {
            Note::CoagulopathyNotEntered
        } else {
            Note::RegistryVsGuideline
        });
    }
    if p.bleeding_signs == Some(Answer::Yes) {
        complication_notes.push(Note::ActiveBleeding);
    }
    AclfResult {
        overall,
        parts: [chronic, bilirubin, complications],
        notes: NoteSet::EMPTY,
        part_notes: [NoteSet::EMPTY, bilirubin_notes, complication_notes],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clinical::outcome::State;
    use crate::clinical::protocol::PROTOCOL;
    use crate::clinical::units::{Bilirubin, Inr, Pta};

    fn t() -> Thresholds {
        PROTOCOL.thresholds
    }

    fn date(s: &str) -> Option<Date> {
        Date::parse(s).unwrap()
    }

    /// A patient who meets I3 through every route.
    fn full() -> Patient {
        Patient {
            chronic_liver_disease: Some(Answer::Yes),
            tbil: Some(Bilirubin::from_umol_per_l(250.0)),
            tbil_date: date("2026-11-25"),
            inr: Some(Inr(1.8)),
            bleeding_signs: Some(Answer::No),
            encephalopathy: Some(Encephalopathy::Absent),
            hepatorenal_syndrome: Some(Answer::No),
            ..Patient::default()
        }
    }

    fn with_rise(later: f64, later_date: &str, earlier: f64, earlier_date: &str) -> Patient {
        Patient {
            tbil: Some(Bilirubin::from_umol_per_l(later)),
            tbil_date: date(later_date),
            tbil_earlier: Some(Bilirubin::from_umol_per_l(earlier)),
            tbil_earlier_date: date(earlier_date),
            ..full()
        }
    }

    #[test]
    fn full_picture_meets_i3() {
        let r = evaluate(&full(), &t());
        assert_eq!(r.overall.state(), State::Met);
        assert!(r.notes.is_empty());
    }

    #[test]
    fn no_chronic_liver_disease_is_not_met() {
        let p = Patient {
            chronic_liver_disease: Some(Answer::No),
            ..full()
        };
        assert_eq!(evaluate(&p, &t()).overall.state(), State::NotMet);
    }

    #[test]
    fn chronic_unknown_is_unknown_not_no() {
        let p = Patient {
            chronic_liver_disease: Some(Answer::Unknown),
            ..full()
        };
        let r = evaluate(&p, &t());
        assert_eq!(r.overall.missing().to_vec(), [InputId::ChronicLiverDisease]);
    }

    #[test]
    fn tbil_at_171_meets_without_a_rise() {
        let p = Patient {
            tbil: Some(Bilirubin::from_umol_per_l(171.0)),
            ..full()
        };
        assert_eq!(evaluate(&p, &t()).parts[1].state(), State::Met);
    }

    #[test]
    fn tbil_10_mg_dl_meets_despite_binary_conversion() {
        let p = Patient {
            tbil: Some(Bilirubin::from_mg_per_dl(10.0)),
            ..full()
        };
        assert_eq!(evaluate(&p, &t()).parts[1].state(), State::Met);
    }

    #[test]
    fn tbil_below_171_without_earlier_value_is_unknown_naming_it_and_its_date() {
        let p = Patient {
            tbil: Some(Bilirubin::from_umol_per_l(170.0)),
            ..full()
        };
        let r = evaluate(&p, &t());
        assert_eq!(
            r.parts[1].missing().to_vec(),
            [InputId::TbilEarlier, InputId::TbilEarlierDate]
        );
        assert_eq!(r.overall.state(), State::Unknown);
    }

    #[test]
    fn rise_of_exactly_17_1_per_day_meets() {
        // 134.2 -> 168.4 over 2 days = 17.1 per day.
        let r = evaluate(&with_rise(168.4, "2026-11-25", 134.2, "2026-11-23"), &t());
        assert_eq!(r.parts[1].state(), State::Met);
    }

    #[test]
    fn rise_below_17_1_per_day_is_not_met() {
        let r = evaluate(&with_rise(160.0, "2026-11-25", 130.0, "2026-11-23"), &t());
        assert_eq!(r.parts[1].state(), State::NotMet);
        assert!(
            matches!(r.parts[1].evidence()[1], Evidence::TbilRise { umol_per_day, days: 2, .. } if umol_per_day == 15.0)
        );
    }

    #[test]
    fn rise_in_mg_dl_uses_the_same_threshold() {
        let p = Patient {
            tbil: Some(Bilirubin::from_mg_per_dl(9.0)),
            tbil_earlier: Some(Bilirubin::from_mg_per_dl(7.0)),
            tbil_date: date("2026-11-25"),
            tbil_earlier_date: date("2026-11-23"),
            ..full()
        };
        // 1 mg/dL per day = 17.1 umol/L per day: exactly at the threshold.
        assert_eq!(evaluate(&p, &t()).parts[1].state(), State::Met);
    }

    #[test]
    fn results_less_than_a_day_apart_give_no_rise() {
        let r = evaluate(&with_rise(160.0, "2026-11-25", 100.0, "2026-11-25"), &t());
        assert_eq!(r.parts[1].state(), State::Unknown);
        assert!(r.parts[1]
            .evidence()
            .iter()
            .any(|e| matches!(e, Evidence::TbilSameDay { .. })));
    }

    #[test]
    fn reversed_dates_give_no_rise_and_name_the_earlier_date() {
        let r = evaluate(&with_rise(160.0, "2026-11-20", 100.0, "2026-11-23"), &t());
        assert_eq!(r.parts[1].missing().to_vec(), [InputId::TbilEarlierDate]);
    }

    #[test]
    fn rise_over_more_than_14_days_is_computed_with_a_warning() {
        let r = evaluate(&with_rise(165.0, "2026-11-25", 20.0, "2026-11-10"), &t());
        // 145 over 15 days = 9.67 per day: computed, not met, flagged.
        assert_eq!(r.parts[1].state(), State::NotMet);
        assert!(r.part_notes[1].contains(&Note::RiseOverLongInterval));
        let r14 = evaluate(&with_rise(165.0, "2026-11-25", 20.0, "2026-11-11"), &t());
        assert!(!r14.part_notes[1].contains(&Note::RiseOverLongInterval));
    }

    #[test]
    fn inr_1_5_is_a_bleeding_tendency_and_1_49_is_not() {
        let p = Patient {
            inr: Some(Inr(1.5)),
            ..full()
        };
        assert_eq!(evaluate(&p, &t()).parts[2].state(), State::Met);
        let p = Patient {
            inr: Some(Inr(1.49)),
            ..full()
        };
        assert_eq!(evaluate(&p, &t()).parts[2].state(), State::NotMet);
    }

    #[test]
    fn pta_40_is_a_bleeding_tendency_and_41_is_not() {
        let p = Patient {
            inr: Some(Inr(1.3)),
            pta: Some(Pta(40.0)),
            ..full()
        };
        assert_eq!(evaluate(&p, &t()).parts[2].state(), State::Met);
        let p = Patient {
            inr: Some(Inr(1.3)),
            pta: Some(Pta(41.0)),
            ..full()
        };
        assert_eq!(evaluate(&p, &t()).parts[2].state(), State::NotMet);
    }

    #[test]
    fn active_bleeding_alone_is_no_bleeding_tendency() {
        // SPEC 2 (revised): gum bleeding with INR 1.3 / PTA 55 % used to meet I3-3.
        let p = Patient {
            inr: Some(Inr(1.3)),
            pta: Some(Pta(55.0)),
            bleeding_signs: Some(Answer::Yes),
            ..full()
        };
        let r = evaluate(&p, &t());
        assert_eq!(r.parts[2].state(), State::NotMet);
        assert_eq!(r.overall.state(), State::NotMet);
        assert!(r.part_notes[2].contains(&Note::ActiveBleeding));
        assert!(!evaluate(&full(), &t()).part_notes[2].contains(&Note::ActiveBleeding));
    }

    #[test]
    fn inr_empty_with_pta_empty_or_above_40_is_unknown_naming_inr() {
        for pta in [None, Some(Pta(55.0))] {
            let p = Patient {
                inr: None,
                pta,
                ..full()
            };
            let r = evaluate(&p, &t());
            assert_eq!(r.parts[2].missing().to_vec(), [InputId::Inr], "{pta:?}");
        }
        // PTA <= 40 decides without the INR.
        let p = Patient {
            inr: None,
            pta: Some(Pta(38.0)),
            ..full()
        };
        assert_eq!(evaluate(&p, &t()).parts[2].state(), State::Met);
    }

    #[test]
    fn the_i3_2_note_says_the_threshold_is_the_registrys() {
        let r = evaluate(&full(), &t());
        assert!(r.part_notes[1].contains(&Note::TbilThresholdRegistry));
    }

    #[test]
    fn pta_is_optional_when_inr_and_signs_are_known() {
        let p = Patient {
            inr: Some(Inr(1.3)),
            pta: None,
            ..full()
        };
        assert_eq!(evaluate(&p, &t()).parts[2].state(), State::NotMet);
    }

    #[test]
    fn inr_1_3_pta_empty_signs_no_he_empty_is_unknown_naming_he() {
        let p = Patient {
            inr: Some(Inr(1.3)),
            encephalopathy: None,
            ..full()
        };
        let r = evaluate(&p, &t());
        assert_eq!(r.parts[2].state(), State::Unknown);
        assert_eq!(
            r.parts[2].missing().to_vec(),
            [InputId::HepaticEncephalopathy]
        );
        assert_eq!(
            r.overall.missing().to_vec(),
            [InputId::HepaticEncephalopathy]
        );
    }

    #[test]
    fn missing_inr_is_named_and_active_bleeding_never_is() {
        // SPEC 2 (revised): the active-bleeding question does not decide I3-3.
        let p = Patient {
            inr: None,
            bleeding_signs: None,
            ..full()
        };
        assert_eq!(
            evaluate(&p, &t()).parts[2].missing().to_vec(),
            [InputId::Inr]
        );
    }

    #[test]
    fn any_one_complication_is_enough() {
        let base = Patient {
            inr: Some(Inr(1.2)),
            ..full()
        };
        let he = Patient {
            encephalopathy: Some(Encephalopathy::Present(None)),
            ..base.clone()
        };
        let hrs = Patient {
            hepatorenal_syndrome: Some(Answer::Yes),
            ..base.clone()
        };
        let coagulopathy = Patient {
            inr: Some(Inr(1.6)),
            ..base.clone()
        };
        for p in [he, hrs, coagulopathy] {
            assert_eq!(evaluate(&p, &t()).parts[2].state(), State::Met);
        }
        // A yes decides even while the others are unknown.
        let he_only = Patient {
            inr: None,
            bleeding_signs: None,
            hepatorenal_syndrome: None,
            encephalopathy: Some(Encephalopathy::Present(Some(2))),
            ..full()
        };
        assert_eq!(evaluate(&he_only, &t()).parts[2].state(), State::Met);
    }

    #[test]
    fn met_without_coagulopathy_carries_the_guideline_note() {
        let p = Patient {
            inr: Some(Inr(1.2)),
            encephalopathy: Some(Encephalopathy::Present(Some(1))),
            ..full()
        };
        let r = evaluate(&p, &t());
        assert_eq!(r.overall.state(), State::Met);
        assert!(r.part_notes[2].contains(&Note::RegistryVsGuideline));
        assert!(!r.part_notes[2].contains(&Note::CoagulopathyNotEntered));
        let with_pta = Patient {
            pta: Some(Pta(35.0)),
            ..p
        };
        assert!(evaluate(&with_pta, &t()).part_notes[2].is_empty());
    }

    #[test]
    fn met_without_inr_or_pta_says_coagulopathy_was_not_entered() {
        // SPEC 2 (revised): never "without coagulopathy" when it was not entered.
        let p = Patient {
            inr: None,
            pta: None,
            encephalopathy: Some(Encephalopathy::Present(Some(1))),
            ..full()
        };
        let r = evaluate(&p, &t());
        assert_eq!(r.overall.state(), State::Met);
        assert!(r.part_notes[2].contains(&Note::CoagulopathyNotEntered));
        assert!(!r.part_notes[2].contains(&Note::RegistryVsGuideline));
    }

    #[test]
    fn not_met_part_decides_even_with_others_unknown() {
        let p = Patient {
            chronic_liver_disease: Some(Answer::No),
            tbil: None,
            ..Patient::default()
        };
        assert_eq!(evaluate(&p, &t()).overall.state(), State::NotMet);
    }
}
