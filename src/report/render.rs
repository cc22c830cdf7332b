//! Puts the core's typed results into words: field messages, evidence, notes, score trails,
//! verdicts. Only wording happens here; every clinical decision was made by the core.

use crate::clinical::date::DateError;
use crate::clinical::form::{limit_in_unit, FieldError, FieldMessage};
use crate::clinical::meld::{BoundRule, FemaleTerm, Lab, Meld, Meld3, MeldNa, UsedValue};
use crate::clinical::outcome::Evidence;
use crate::clinical::parse::ParseError;
use crate::clinical::patient::{Answer, Encephalopathy, InputSet, Willingness};
use crate::clinical::plausibility::{Limits, Quantity};
use crate::clinical::protocol::{Protocol, Text};
use crate::clinical::screening::{CriterionResult, StudyTeamItem, Verdict};
use crate::clinical::units::{Bilirubin, FieldUnit, MolarUnit};
use crate::i18n::{fixed, num, Key, Lang};

/// A protocol text in this language.
#[must_use]
pub fn protocol_text(lang: Lang, t: &Text) -> &'static str {
    match lang {
        Lang::En => t.en,
        Lang::ZhCn => t.zh,
    }
}

/// The symbol of a unit (the same in both languages, except years).
#[must_use]
pub fn unit_symbol(lang: Lang, unit: FieldUnit) -> &'static str {
    match unit {
        FieldUnit::UmolPerL => "µmol/L",
        FieldUnit::MgPerDl => "mg/dL",
        FieldUnit::GPerL => "g/L",
        FieldUnit::GPerDl => "g/dL",
        FieldUnit::MmolPerL => "mmol/L",
        FieldUnit::Percent => "%",
        FieldUnit::Ratio => "",
        FieldUnit::Years => lang.t(Key::Years),
    }
}

/// Decimals worth showing for a value in a unit.
fn decimals(unit: FieldUnit) -> usize {
    match unit {
        FieldUnit::UmolPerL
        | FieldUnit::GPerL
        | FieldUnit::MmolPerL
        | FieldUnit::Percent
        | FieldUnit::Years => 1,
        FieldUnit::MgPerDl | FieldUnit::GPerDl | FieldUnit::Ratio => 2,
    }
}

fn limits_args(
    lang: Lang,
    q: Quantity,
    range_low: f64,
    range_high: f64,
    unit: FieldUnit,
) -> [String; 3] {
    let d = decimals(unit);
    [
        num(limit_in_unit(q, range_low, unit), d),
        num(limit_in_unit(q, range_high, unit), d),
        unit_symbol(lang, unit).to_string(),
    ]
}

fn fill3(lang: Lang, key: Key, a: &[String; 3]) -> String {
    lang.fill(key, &[&a[0], &a[1], &a[2]])
}

/// The message under a field.
#[must_use]
pub fn field_message(lang: Lang, m: &FieldMessage) -> String {
    match m {
        FieldMessage::Error(e) => field_error(lang, e),
        FieldMessage::Unusual {
            quantity,
            limits,
            unit,
        } => {
            let Limits { usual, .. } = limits;
            fill3(
                lang,
                Key::WarnUnusual,
                &limits_args(lang, *quantity, usual.low, usual.high, *unit),
            )
        }
    }
}

fn field_error(lang: Lang, e: &FieldError) -> String {
    match e {
        FieldError::Parse(p) => match p {
            ParseError::Censored => lang.t(Key::ErrCensored).to_string(),
            ParseError::OtherUnit(u) => lang.fill(Key::ErrOtherUnit, &[unit_symbol(lang, *u)]),
            ParseError::SeveralNumbers => lang.t(Key::ErrSeveral).to_string(),
            ParseError::MisplacedSeparator => lang.t(Key::ErrSeparator).to_string(),
            ParseError::NotWhole => lang.t(Key::ErrNotWhole).to_string(),
            ParseError::NotANumber => lang.t(Key::ErrNotANumber).to_string(),
        },
        FieldError::Impossible {
            quantity,
            limits,
            unit,
        } => fill3(
            lang,
            Key::ErrImpossible,
            &limits_args(
                lang,
                *quantity,
                limits.possible.low,
                limits.possible.high,
                *unit,
            ),
        ),
        FieldError::Date(DateError::NotADate) => lang.t(Key::ErrNotADate).to_string(),
        FieldError::FutureDate => lang.t(Key::ErrFutureDate).to_string(),
        FieldError::EarlierAfterLater => lang.t(Key::ErrEarlierAfterLater).to_string(),
    }
}

/// Inputs named in a list, in form order ("Age, INR" / "年龄、INR").
#[must_use]
pub fn input_list(lang: Lang, ids: InputSet) -> String {
    let sep = if lang == Lang::ZhCn { "、" } else { ", " };
    ids.iter()
        .map(|id| lang.t(Key::Label(id)))
        .collect::<Vec<_>>()
        .join(sep)
}

/// An answer in words.
#[must_use]
pub fn answer(lang: Lang, a: Answer) -> &'static str {
    lang.t(match a {
        Answer::Yes => Key::Yes,
        Answer::No => Key::No,
        Answer::Unknown => Key::DontKnow,
    })
}

/// A stated willingness in words.
#[must_use]
pub fn willingness(lang: Lang, w: Willingness) -> &'static str {
    lang.t(match w {
        Willingness::Yes => Key::Yes,
        Willingness::No => Key::No,
        Willingness::NotAsked => Key::NotAsked,
    })
}

/// Hepatic encephalopathy in words, with its West Haven grade when given.
#[must_use]
pub fn encephalopathy(lang: Lang, e: Encephalopathy) -> String {
    match e {
        Encephalopathy::Absent => lang.t(Key::Absent).to_string(),
        Encephalopathy::Present(None) => lang.t(Key::Present).to_string(),
        Encephalopathy::Present(Some(g)) => {
            format!(
                "{} ({})",
                lang.t(Key::Present),
                lang.fill(Key::Grade, &[&g.to_string()])
            )
        }
    }
}

/// A bilirubin value as entered, with its unit.
#[must_use]
pub fn bilirubin(lang: Lang, b: Bilirubin) -> String {
    let unit = FieldUnit::from(b.unit());
    format!(
        "{} {}",
        num(b.entered(), decimals(unit)),
        unit_symbol(lang, unit)
    )
}

/// A threshold in umol/L shown in the unit the user works in.
fn tbil_threshold(lang: Lang, umol: f64, unit: MolarUnit) -> String {
    let b = Bilirubin::from_umol_per_l(umol);
    let v = match unit {
        MolarUnit::UmolPerL => b.umol_per_l(),
        MolarUnit::MgPerDl => b.mg_per_dl(),
    };
    format!("{} {}", num(v, 2), unit_symbol(lang, unit.into()))
}

/// One piece of evidence in words.
#[must_use]
pub fn evidence(lang: Lang, e: &Evidence) -> String {
    match *e {
        Evidence::Age { years, min } => {
            lang.fill(Key::EvAge, &[&years.to_string(), &min.to_string()])
        }
        Evidence::ChronicLiverDisease(a) => lang.fill(Key::EvChronic, &[answer(lang, a)]),
        Evidence::TbilLevel {
            tbil,
            threshold_umol,
        } => lang.fill(
            Key::EvTbil,
            &[
                &bilirubin(lang, tbil),
                &tbil_threshold(lang, threshold_umol, tbil.unit()),
            ],
        ),
        Evidence::TbilRise {
            umol_per_day,
            days,
            threshold_umol,
            ..
        } => lang.fill(
            Key::EvRise,
            &[
                &num(umol_per_day, 1),
                &days.to_string(),
                &num(threshold_umol, 1),
            ],
        ),
        Evidence::TbilSameDay { date } => lang.fill(Key::EvSameDay, &[&date.iso()]),
        Evidence::Inr { value, threshold } => {
            lang.fill(Key::EvInr, &[&num(value, 2), &num(threshold, 2)])
        }
        Evidence::Pta { value, threshold } => {
            lang.fill(Key::EvPta, &[&num(value, 1), &num(threshold, 1)])
        }
        Evidence::BleedingSigns(a) => lang.fill(Key::EvSigns, &[answer(lang, a)]),
        Evidence::Encephalopathy(he) => lang.fill(Key::EvHe, &[&encephalopathy(lang, he)]),
        Evidence::HepatorenalSyndrome(a) => lang.fill(Key::EvHrs, &[answer(lang, a)]),
        Evidence::Etiology { etiology, .. } => {
            lang.fill(Key::EvEtiology, &[lang.t(Key::Etiology(etiology))])
        }
        Evidence::AnyCause => lang.t(Key::EvAnyCause).to_string(),
        Evidence::Meld { score, below, .. } => {
            lang.fill(Key::EvMeld, &[&score.to_string(), &below.to_string()])
        }
        Evidence::Willingness(w) => lang.fill(Key::EvWillingness, &[willingness(lang, w)]),
        Evidence::Dialysis(d) => lang.fill(
            Key::EvDialysis,
            &[lang.t(if d { Key::Yes } else { Key::No })],
        ),
        Evidence::StudyTeamChecks => lang.t(Key::EvStudyTeam).to_string(),
    }
}

/// The title of a criterion or part: the protocol's wording, I3's short part titles, or an
/// exclusion's wording.
#[must_use]
pub fn criterion_title(lang: Lang, c: &CriterionResult, protocol: &Protocol) -> String {
    let short = match c.id {
        "I3-1" => Some(Key::I3Chronic),
        "I3-2" => Some(Key::I3Bilirubin),
        "I3-3" => Some(Key::I3Complications),
        _ => None,
    };
    if let Some(k) = short {
        return lang.t(k).to_string();
    }
    protocol
        .criteria
        .iter()
        .find(|k| k.id == c.id)
        .map(|k| protocol_text(lang, &k.text))
        .or_else(|| {
            protocol
                .exclusions
                .iter()
                .find(|e| e.id == c.id)
                .map(|e| protocol_text(lang, &e.text))
        })
        .unwrap_or(c.id)
        .to_string()
}

/// The verdict's headline.
#[must_use]
pub fn verdict_title(lang: Lang, v: &Verdict) -> &'static str {
    lang.t(match v {
        Verdict::NotEligible(_) => Key::VerdictNotEligible,
        Verdict::Incomplete(_) => Key::VerdictIncomplete,
        Verdict::Refer(_) => Key::VerdictRefer,
    })
}

/// An item the study team will confirm.
#[must_use]
pub fn study_team_item(lang: Lang, item: StudyTeamItem, protocol: &Protocol) -> String {
    match item {
        StudyTeamItem::Criterion(id) => {
            let text = protocol
                .criteria
                .iter()
                .find(|c| c.id == id)
                .map_or(id, |c| protocol_text(lang, &c.text));
            format!("{id}: {text}")
        }
        StudyTeamItem::Exclusion(id) => {
            let text = protocol
                .exclusions
                .iter()
                .find(|e| e.id == id)
                .map_or(id, |e| protocol_text(lang, &e.text));
            format!("{id}: {text}")
        }
        StudyTeamItem::UnpublishedExclusions => lang.t(Key::UnpublishedExclusions).to_string(),
    }
}

fn lab_name(lang: Lang, lab: Lab) -> &'static str {
    lang.t(match lab {
        Lab::Creatinine => Key::LabCreatinine,
        Lab::Bilirubin => Key::LabBilirubin,
        Lab::Inr => Key::LabInr,
        Lab::Sodium => Key::LabSodium,
        Lab::Albumin => Key::LabAlbumin,
    })
}

/// One line of a score trail: a lab as entered, as used, and the rule that changed it.
#[must_use]
pub fn used_value(lang: Lang, u: &UsedValue) -> String {
    let entered = u
        .entered
        .map_or_else(|| lang.t(Key::TrailNotNeeded).to_string(), |v| num(v, 2));
    let mut line = lang.fill(
        Key::TrailUsed,
        &[lab_name(lang, u.lab), &entered, &num(u.used, 2)],
    );
    if let Some(rule) = u.rule {
        let (key, bound) = match rule {
            BoundRule::Floor(b) => (Key::TrailFloor, b),
            BoundRule::Cap(b) => (Key::TrailCap, b),
            BoundRule::Dialysis(b) => (Key::TrailDialysis, b),
        };
        line.push(' ');
        line.push_str(&lang.fill(key, &[&num(bound, 1)]));
    }
    line
}

/// The trail of MELD.
#[must_use]
pub fn meld_trail(lang: Lang, m: &Meld) -> Vec<String> {
    let mut lines: Vec<String> = m.used.iter().map(|u| used_value(lang, u)).collect();
    lines.push(lang.fill(
        Key::TrailMeld,
        &[
            &fixed(m.meld_i, 4),
            &num(m.meld_i_rounded, 1),
            &num(m.meld_i_rounded * 10.0, 0),
        ],
    ));
    if m.capped {
        lines.push(lang.t(Key::TrailCapped40).to_string());
    }
    lines
}

/// The trail of MELD-Na.
#[must_use]
pub fn meld_na_trail(lang: Lang, m: &MeldNa) -> Vec<String> {
    match m.sodium {
        None => vec![lang.fill(Key::TrailMeldNaNoSodium, &[&m.meld.to_string()])],
        Some(na) => {
            let mut lines = vec![used_value(lang, &na)];
            lines.push(lang.fill(
                Key::TrailMeldNa,
                &[
                    &m.meld.to_string(),
                    &num(na.used, 1),
                    &fixed(m.unrounded, 3),
                    &m.score.to_string(),
                ],
            ));
            if m.capped {
                lines.push(lang.t(Key::TrailCapped40).to_string());
            }
            lines
        }
    }
}

/// The trail of MELD 3.0.
#[must_use]
pub fn meld3_trail(lang: Lang, m: &Meld3) -> Vec<String> {
    let mut lines: Vec<String> = m.used.iter().map(|u| used_value(lang, u)).collect();
    match m.female_term {
        FemaleTerm::Female => lines.push(lang.t(Key::TrailFemale).to_string()),
        FemaleTerm::Adolescent => lines.push(lang.t(Key::TrailAdolescent).to_string()),
        FemaleTerm::None => {}
    }
    lines.push(lang.fill(
        Key::TrailMeld3,
        &[&fixed(m.unrounded, 3), &m.score.to_string()],
    ));
    if m.bounded {
        lines.push(lang.t(Key::TrailBounded).to_string());
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clinical::patient::InputId;
    use crate::clinical::plausibility::default_limits;

    #[test]
    fn impossible_limits_are_shown_in_the_fields_unit() {
        let m = FieldMessage::Error(FieldError::Impossible {
            quantity: Quantity::Bilirubin,
            limits: default_limits(Quantity::Bilirubin),
            unit: FieldUnit::MgPerDl,
        });
        assert_eq!(
            field_message(Lang::En, &m),
            "Not possible: enter a value between 0.06 and 99.42 mg/dL. Nothing is computed from it."
        );
        let si = FieldMessage::Error(FieldError::Impossible {
            quantity: Quantity::Bilirubin,
            limits: default_limits(Quantity::Bilirubin),
            unit: FieldUnit::UmolPerL,
        });
        assert!(field_message(Lang::ZhCn, &si).contains("1 至 1700 µmol/L"));
    }

    #[test]
    fn every_parse_error_has_a_message_in_both_languages() {
        let errors = [
            ParseError::Censored,
            ParseError::OtherUnit(FieldUnit::MgPerDl),
            ParseError::SeveralNumbers,
            ParseError::MisplacedSeparator,
            ParseError::NotWhole,
            ParseError::NotANumber,
        ];
        for lang in [Lang::En, Lang::ZhCn] {
            for e in &errors {
                let text = field_message(lang, &FieldMessage::Error(FieldError::Parse(e.clone())));
                assert!(
                    text.len() > 10 && !text.contains('{'),
                    "{lang:?} {e:?}: {text}"
                );
            }
        }
        let other = field_message(
            Lang::En,
            &FieldMessage::Error(FieldError::Parse(ParseError::OtherUnit(FieldUnit::MgPerDl))),
        );
        assert!(other.contains("mg/dL"));
    }

    #[test]
    fn bilirubin_threshold_follows_the_users_unit() {
        let e = Evidence::TbilLevel {
            tbil: Bilirubin::from_mg_per_dl(8.0),
            threshold_umol: 171.0,
        };
        assert_eq!(evidence(Lang::En, &e), "TBIL 8 mg/dL (threshold 10 mg/dL)");
        let e = Evidence::TbilLevel {
            tbil: Bilirubin::from_umol_per_l(150.0),
            threshold_umol: 171.0,
        };
        assert_eq!(
            evidence(Lang::ZhCn, &e),
            "总胆红素 150 µmol/L（阈值 171 µmol/L）"
        );
    }

    #[test]
    fn input_lists_use_each_languages_separator() {
        let ids = InputSet::of(&[InputId::Inr, InputId::Age]);
        assert_eq!(input_list(Lang::En, ids), "Age (years), INR");
        assert_eq!(
            input_list(Lang::ZhCn, ids),
            "年龄（岁）、国际标准化比值（INR）"
        );
    }

    #[test]
    fn trail_names_the_dialysis_rule() {
        let u = UsedValue {
            lab: Lab::Creatinine,
            entered: Some(0.8),
            used: 4.0,
            rule: Some(BoundRule::Dialysis(4.0)),
        };
        assert_eq!(
            used_value(Lang::En, &u),
            "Creatinine (mg/dL): entered 0.8, used 4 (set to 4 by the dialysis rule)"
        );
    }
}
