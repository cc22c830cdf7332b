//! Puts the core's typed results into words: field messages, evidence, notes, score trails,
//! verdicts. Only wording happens here; every clinical decision was made by the core.

use crate::clinical::date::DateError;
use crate::clinical::form::{limit_in_unit, FieldError, FieldMessage};
use crate::clinical::gate_limits::{
    GateLab, GateLimit, GateLimits, LimitKind, LimitValue, Unreachable,
};
use crate::clinical::meld::{BoundRule, FemaleTerm, Lab, Meld, Meld3, MeldNa, UsedValue};
use crate::clinical::outcome::Evidence;
use crate::clinical::parse::ParseError;
use crate::clinical::patient::InputId;
use crate::clinical::patient::{Answer, Encephalopathy, InputSet, Willingness};
use crate::clinical::plausibility::{Limits, Quantity};
use crate::clinical::protocol::{Protocol, Text};
use crate::clinical::rounding::truncate;
use crate::clinical::screening::{
    CriterionResult, ExclusionFlag, FlagReason, StudyTeamItem, Verdict,
};
use crate::clinical::severity::{
    Aarc, AarcComponent, AclfGrade, Basis, ClifCAclf, ClifCAd, ClifOf, EaslClifGrade, Measurement,
    OxygenRatioKind, Severity,
};
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
        FieldUnit::MmHg => "mmHg",
        FieldUnit::KPa => "kPa",
        FieldUnit::GigaPerL => "×10⁹/L",
    }
}

/// Decimals worth showing for a value in a unit.
fn decimals(unit: FieldUnit) -> usize {
    match unit {
        FieldUnit::UmolPerL
        | FieldUnit::GPerL
        | FieldUnit::MmolPerL
        | FieldUnit::Percent
        | FieldUnit::Years
        | FieldUnit::MmHg
        | FieldUnit::GigaPerL => 1,
        FieldUnit::MgPerDl | FieldUnit::GPerDl | FieldUnit::Ratio | FieldUnit::KPa => 2,
    }
}

/// A limit converted out of its SI unit, rounded inward to a sensible grid (2 decimals below 1,
/// 1 decimal below 10, whole numbers above), so that the message never shows a bound that the
/// value at it would fail: 1700 µmol/L reads 99 mg/dL, not 99.42 (SPEC 5).
fn inward(value: f64, upper: bool) -> String {
    let d: i32 = if value < 1.0 {
        2
    } else if value < 10.0 {
        1
    } else {
        0
    };
    let f = 10f64.powi(d);
    let scaled = value * f;
    let v = if upper {
        (scaled + 1e-9).floor()
    } else {
        (scaled - 1e-9).ceil()
    } / f;
    num(v, d as usize)
}

fn limits_args(
    lang: Lang,
    q: Quantity,
    range_low: f64,
    range_high: f64,
    unit: FieldUnit,
) -> [String; 3] {
    let converted = limit_in_unit(q, 1.0, unit) != 1.0;
    let show = |si: f64, upper: bool| {
        let v = limit_in_unit(q, si, unit);
        if converted {
            inward(v, upper)
        } else {
            num(v, decimals(unit))
        }
    };
    let symbol = unit_symbol(lang, unit);
    [
        show(range_low, false),
        show(range_high, true),
        // No unit (INR): no space before the full stop.
        if symbol.is_empty() {
            String::new()
        } else {
            format!(" {symbol}")
        },
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
        }
        | FieldError::DidYouMean {
            quantity,
            limits,
            unit,
            ..
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
        FieldError::Pao2DidYouMeanKpa { limits } => {
            lang.fill(Key::ErrPao2Kpa, &[&num(limits.possible.low, 1)])
        }
    }
}

/// The one-click unit switch offered with a [`FieldError::DidYouMean`]: "Did you mean 0.88
/// mg/dL?" (the value as typed, with the other unit).
#[must_use]
pub fn did_you_mean(lang: Lang, value: f64, suggest: FieldUnit) -> String {
    let v = with_unit(lang, num(value, decimals(suggest).max(2)), suggest);
    lang.fill(Key::DidYouMean, &[&v])
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
            unit,
            ..
        } => {
            // Shown in the unit TBIL was typed in; a fall is a fall, not a negative rise.
            let in_unit = |umol: f64| {
                let b = Bilirubin::from_umol_per_l(umol);
                match unit {
                    MolarUnit::UmolPerL => num(b.umol_per_l(), 1),
                    MolarUnit::MgPerDl => num(b.mg_per_dl(), 2),
                }
            };
            let key = if umol_per_day < 0.0 {
                Key::EvFall
            } else {
                Key::EvRise
            };
            lang.fill(
                key,
                &[
                    &in_unit(umol_per_day.abs()),
                    &days.to_string(),
                    &in_unit(threshold_umol),
                    unit_symbol(lang, unit.into()),
                ],
            )
        }
        Evidence::TbilSameDay { date } => lang.fill(Key::EvSameDay, &[&date.iso()]),
        Evidence::Inr { value, threshold } => {
            lang.fill(Key::EvInr, &[&num(value, 2), &num(threshold, 2)])
        }
        Evidence::Pta { value, threshold } => {
            lang.fill(Key::EvPta, &[&num(value, 1), &num(threshold, 1)])
        }
        Evidence::BleedingSigns(a) => lang.fill(Key::EvSigns, &[answer(lang, a)]),
        Evidence::Encephalopathy(he) => lang.fill(Key::EvHe, &[&encephalopathy(lang, he)]),
        // The HRS control asks absent / present: the evidence uses the same words.
        Evidence::HepatorenalSyndrome(a) => lang.fill(
            Key::EvHrs,
            &[match a {
                Answer::Yes => lang.t(Key::Present),
                Answer::No => lang.t(Key::Absent),
                Answer::Unknown => lang.t(Key::DontKnow),
            }],
        ),
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

/// The borderline flag: the unrounded score truncated (never rounded) to two decimals, so that
/// 29.4963 never reads "29.50, reported 29" (SPEC 4).
#[must_use]
pub fn borderline(lang: Lang, m: &Meld) -> String {
    lang.fill(
        Key::Borderline,
        &[&fixed(truncate(m.unrounded, 2), 2), &m.score.to_string()],
    )
}

/// A typical exclusion raised by the entered values.
#[must_use]
pub fn exclusion_flag(lang: Lang, f: &ExclusionFlag) -> String {
    let item = protocol_text(lang, &f.item.text);
    match f.reason {
        FlagReason::Matched => item.to_string(),
        FlagReason::HeGradeMissing => format!("{item}: {}", lang.t(Key::FlagHeGradeMissing)),
    }
}

/// The inputs still to enter and, apart, those answered "unknown" to find out.
#[must_use]
pub fn incomplete_lines(lang: Lang, enter_next: InputSet, find_out: InputSet) -> Vec<String> {
    let mut lines = Vec::new();
    if !enter_next.is_empty() {
        lines.push(format!(
            "{} {}",
            lang.t(Key::EnterNext),
            input_list(lang, enter_next)
        ));
    }
    if !find_out.is_empty() {
        let items: Vec<String> = find_out
            .iter()
            .map(|id| lang.fill(Key::AnsweredUnknown, &[lang.t(Key::Label(id))]))
            .collect();
        let sep = if lang == Lang::ZhCn { "、" } else { ", " };
        lines.push(format!("{} {}", lang.t(Key::FindOut), items.join(sep)));
    }
    lines
}

/// The verdict's headline.
#[must_use]
pub fn verdict_title(lang: Lang, v: &Verdict) -> &'static str {
    lang.t(match v {
        Verdict::NotEligible(_) => Key::VerdictNotEligible,
        Verdict::Incomplete { .. } => Key::VerdictIncomplete,
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

/// The unit a lab enters its formula in.
fn formula_unit(lab: Lab) -> FieldUnit {
    match lab {
        Lab::Creatinine | Lab::Bilirubin => FieldUnit::MgPerDl,
        Lab::Inr => FieldUnit::Ratio,
        Lab::Sodium => FieldUnit::MmolPerL,
        Lab::Albumin => FieldUnit::GPerDl,
    }
}

/// A value with its unit ("0.90 mg/dL"; an INR has none).
fn with_unit(lang: Lang, value: String, unit: FieldUnit) -> String {
    match unit_symbol(lang, unit) {
        "" => value,
        symbol => format!("{value} {symbol}"),
    }
}

/// One line of a score trail: a lab as typed, as converted, as used, and the rule that changed
/// it ("Bilirubin: 80 µmol/L = 0.94 mg/dL → 1.0 (raised to the floor 1.0)").
#[must_use]
pub fn used_value(lang: Lang, u: &UsedValue) -> String {
    let unit = formula_unit(u.lab);
    let entered = u.entered.map_or_else(
        || lang.t(Key::TrailNotNeeded).to_string(),
        |v| {
            let converted = with_unit(lang, fixed(v, 2), unit);
            match u.typed {
                Some((typed, typed_unit)) => format!(
                    "{} = {converted}",
                    with_unit(lang, num(typed, decimals(typed_unit)), typed_unit)
                ),
                None => converted,
            }
        },
    );
    let used = if u.rule.is_some() {
        fixed(u.used, 1)
    } else {
        fixed(u.used, 2)
    };
    let mut line = lang.fill(Key::TrailUsed, &[lab_name(lang, u.lab), &entered, &used]);
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

// --- What would change the gate (SPEC 9) ---------------------------------------------------

fn gate_lab_name(lang: Lang, lab: GateLab) -> &'static str {
    lang.t(Key::Label(match lab {
        GateLab::Inr => InputId::Inr,
        GateLab::Tbil => InputId::Tbil,
        GateLab::Creatinine => InputId::Creatinine,
    }))
}

/// One lab's limit in words, in the field's unit ("MELD would reach 30 at INR ≥ 2.86").
#[must_use]
pub fn gate_limit(lang: Lang, g: &GateLimit, gate_below: u8) -> String {
    let name = gate_lab_name(lang, g.lab);
    match g.limit {
        LimitValue::Reachable(v) => {
            let value = with_unit(lang, v.text(), g.unit);
            match g.kind {
                LimitKind::FailsAtLeast => {
                    lang.fill(Key::GateFailsAt, &[&gate_below.to_string(), name, &value])
                }
                LimitKind::PassesAtMost => lang.fill(
                    Key::GatePassesAt,
                    &[&gate_below.saturating_sub(1).to_string(), name, &value],
                ),
            }
        }
        LimitValue::Unreachable(Unreachable::Dialysis) => {
            lang.t(Key::GateUnreachableDialysis).to_string()
        }
        LimitValue::Unreachable(_) => lang.fill(Key::GateUnreachable, &[name]),
    }
}

/// The three limits on one line (the concise summary and the print).
#[must_use]
pub fn gate_limits_line(lang: Lang, g: &GateLimits, gate_below: u8) -> String {
    let sep = if lang == Lang::ZhCn { "；" } else { "; " };
    let limits: Vec<String> = g
        .labs
        .iter()
        .map(|l| gate_limit(lang, l, gate_below))
        .collect();
    format!("{} {}", lang.t(Key::GateIntro), limits.join(sep))
}

// --- Severity context (SPEC 11) -------------------------------------------------------------

fn measurement(lang: Lang, m: &Measurement) -> String {
    with_unit(lang, num(m.entered, decimals(m.unit)), m.unit)
}

/// What a sub-score was scored on, in words.
#[must_use]
pub fn basis(lang: Lang, b: &Basis) -> String {
    match b {
        Basis::Measured(m) => measurement(lang, m),
        Basis::RenalReplacement { .. } => lang.t(Key::BasisRenalReplacement).to_string(),
        Basis::Vasopressors { .. } => lang.t(Key::BasisVasopressors).to_string(),
        Basis::Encephalopathy { grade: 0 } => lang.t(Key::BasisNoHe).to_string(),
        Basis::Encephalopathy { grade } => lang.fill(Key::BasisHeGrade, &[&grade.to_string()]),
        Basis::Oxygen(r) => {
            let name = match r.kind {
                OxygenRatioKind::Pao2Fio2 => "PaO2/FiO2",
                OxygenRatioKind::Spo2Fio2 => "SpO2/FiO2",
            };
            let mut s = lang.fill(Key::BasisRatio, &[name, &num(r.ratio, 0)]);
            if r.beyond_validation {
                s = format!("{s} ({})", lang.t(Key::BasisBeyondValidation));
            }
            s
        }
    }
}

fn list(lang: Lang, items: &[&str]) -> String {
    items.join(if lang == Lang::ZhCn { "、" } else { ", " })
}

/// The EASL-CLIF grade with the organ failures that made it.
#[must_use]
pub fn aclf_grade(lang: Lang, g: &EaslClifGrade) -> String {
    let head = match g.grade {
        AclfGrade::NoAclf => lang.t(Key::AclfNone).to_string(),
        AclfGrade::Grade1 => lang.fill(Key::AclfGradeN, &["1"]),
        AclfGrade::Grade2 => lang.fill(Key::AclfGradeN, &["2"]),
        AclfGrade::Grade3 => lang.fill(Key::AclfGradeN, &["3"]),
    };
    if g.failures.is_empty() {
        return head;
    }
    let organs: Vec<&str> = g.failures.iter().map(|o| lang.t(Key::Organ(*o))).collect();
    format!(
        "{head} — {}",
        lang.fill(Key::OrganFailures, &[&list(lang, &organs)])
    )
}

/// The trail of CLIF-C OF: each organ, what it was scored on, its points, and the total.
#[must_use]
pub fn clif_of_trail(lang: Lang, of: &ClifOf) -> Vec<String> {
    let mut lines: Vec<String> = of
        .sub_scores
        .iter()
        .map(|s| {
            lang.fill(
                Key::SubScoreLine,
                &[
                    lang.t(Key::Organ(s.organ)),
                    &basis(lang, &s.basis),
                    &s.points.to_string(),
                ],
            )
        })
        .collect();
    lines.push(format!("{} = {}", lang.t(Key::ClifOf), of.total));
    lines
}

/// The trail of CLIF-C ACLF (the formula with the values used).
#[must_use]
pub fn clif_c_aclf_trail(lang: Lang, c: &ClifCAclf) -> String {
    lang.fill(
        Key::TrailClifCAclf,
        &[
            &c.clif_of.to_string(),
            &c.age.to_string(),
            &num(c.wbc, 2),
            &fixed(c.unrounded, 2),
            &c.score.to_string(),
        ],
    )
}

/// The trail of CLIF-C AD (the formula with the values used).
#[must_use]
pub fn clif_c_ad_trail(lang: Lang, c: &ClifCAd) -> String {
    lang.fill(
        Key::TrailClifCAd,
        &[
            &c.age.to_string(),
            &num(c.creatinine.used, 2),
            &num(c.inr, 2),
            &num(c.wbc, 2),
            &num(c.sodium, 1),
            &fixed(c.unrounded, 2),
            &c.score.to_string(),
        ],
    )
}

/// The trail of the AARC score: each component, what it was scored on, its points, the total.
#[must_use]
pub fn aarc_trail(lang: Lang, a: &Aarc) -> Vec<String> {
    let mut lines: Vec<String> = a
        .items
        .iter()
        .map(|item| {
            let name = lang.t(match item.component {
                AarcComponent::Bilirubin => Key::Label(InputId::Tbil),
                AarcComponent::Encephalopathy => Key::Label(InputId::HepaticEncephalopathy),
                AarcComponent::Inr => Key::LabInr,
                AarcComponent::Lactate => Key::Label(InputId::Lactate),
                AarcComponent::Creatinine => Key::Label(InputId::Creatinine),
            });
            lang.fill(
                Key::SubScoreLine,
                &[name, &basis(lang, &item.basis), &item.points.to_string()],
            )
        })
        .collect();
    lines.push(format!(
        "{} = {} ({})",
        lang.t(Key::Aarc),
        a.total,
        lang.fill(Key::AarcGradeN, &[a.grade.contract_name()])
    ));
    lines
}

/// The severity context on one line, or nothing when no score is computed (summary, print).
#[must_use]
pub fn severity_line(lang: Lang, s: &Severity) -> Option<String> {
    let mut parts = Vec::new();
    if let Some(g) = s.grade.computed() {
        parts.push(aclf_grade(lang, g));
    }
    if let Some(of) = s.clif_of.computed() {
        parts.push(format!("{} {}", lang.t(Key::ClifOf), of.total));
    }
    if let Some(c) = s.clif_c_aclf.computed() {
        parts.push(format!("{} {}", lang.t(Key::ClifCAclf), c.score));
    }
    if let Some(c) = s.clif_c_ad.computed() {
        parts.push(format!("{} {}", lang.t(Key::ClifCAd), c.score));
    }
    if let Some(a) = s.aarc.computed() {
        parts.push(format!(
            "{} {} ({})",
            lang.t(Key::Aarc),
            a.total,
            lang.fill(Key::AarcGradeN, &[a.grade.contract_name()])
        ));
    }
    if parts.is_empty() {
        return None;
    }
    let sep = if lang == Lang::ZhCn { "；" } else { "; " };
    Some(format!(
        "{}: {}",
        lang.t(Key::SeverityTitle),
        parts.join(sep)
    ))
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
        // Rounded inward (SPEC 5): 1700 µmol/L is 99.415 mg/dL, shown as 99, never 99.42.
        assert_eq!(
            field_message(Lang::En, &m),
            "Not possible: enter a value between 0.06 and 99 mg/dL. Nothing is computed from it."
        );
        let si = FieldMessage::Error(FieldError::Impossible {
            quantity: Quantity::Bilirubin,
            limits: default_limits(Quantity::Bilirubin),
            unit: FieldUnit::UmolPerL,
        });
        assert!(field_message(Lang::ZhCn, &si).contains("1 至 1700 µmol/L"));
    }

    #[test]
    fn pao2_below_the_mmhg_limit_asks_whether_it_was_kpa_in_both_languages() {
        let m = FieldMessage::Error(FieldError::Pao2DidYouMeanKpa {
            limits: default_limits(Quantity::Pao2),
        });
        let en = field_message(Lang::En, &m);
        assert!(
            en.contains("did you mean kPa?") && en.contains("20 mmHg"),
            "{en}"
        );
        let zh = field_message(Lang::ZhCn, &m);
        assert!(zh.contains("是否为 kPa") && zh.contains("20 mmHg"), "{zh}");
    }

    #[test]
    fn severity_units_have_their_symbols() {
        assert_eq!(unit_symbol(Lang::En, FieldUnit::MmHg), "mmHg");
        assert_eq!(unit_symbol(Lang::ZhCn, FieldUnit::KPa), "kPa");
        assert_eq!(unit_symbol(Lang::En, FieldUnit::GigaPerL), "×10⁹/L");
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
            typed: None,
        };
        assert_eq!(
            used_value(Lang::En, &u),
            "Creatinine: 0.80 mg/dL → 4.0 (set to 4 by the dialysis rule)"
        );
    }

    #[test]
    fn trail_shows_the_value_as_typed_and_as_used() {
        let u = UsedValue {
            lab: Lab::Bilirubin,
            entered: Some(80.0 / 17.1),
            used: 80.0 / 17.1,
            rule: None,
            typed: Some((80.0, FieldUnit::UmolPerL)),
        };
        assert_eq!(
            used_value(Lang::En, &u),
            "Bilirubin: 80 µmol/L = 4.68 mg/dL → 4.68"
        );
        let floored = UsedValue {
            lab: Lab::Creatinine,
            entered: Some(80.0 / 88.4),
            used: 1.0,
            rule: Some(BoundRule::Floor(1.0)),
            typed: Some((80.0, FieldUnit::UmolPerL)),
        };
        assert_eq!(
            used_value(Lang::En, &floored),
            "Creatinine: 80 µmol/L = 0.90 mg/dL → 1.0 (raised to the floor 1)"
        );
    }

    #[test]
    fn converted_limits_are_rounded_inward_and_an_inr_has_no_stray_space() {
        let msg = |q: Quantity, unit: FieldUnit| {
            field_message(
                Lang::En,
                &FieldMessage::Error(FieldError::Impossible {
                    quantity: q,
                    limits: default_limits(q),
                    unit,
                }),
            )
        };
        assert!(
            msg(Quantity::Creatinine, FieldUnit::MgPerDl).contains("between 0.06 and 29 mg/dL.")
        );
        assert!(msg(Quantity::Albumin, FieldUnit::GPerDl).contains("between 0.5 and 8 g/dL."));
        assert!(msg(Quantity::Inr, FieldUnit::Ratio).contains("between 0.5 and 20. Nothing"));
        let usual = field_message(
            Lang::En,
            &FieldMessage::Unusual {
                quantity: Quantity::Bilirubin,
                limits: default_limits(Quantity::Bilirubin),
                unit: FieldUnit::MgPerDl,
            },
        );
        assert!(usual.contains("usual range 0.3–49 mg/dL"), "{usual}");
    }

    #[test]
    fn a_falling_bilirubin_is_a_fall_in_the_unit_it_was_typed_in() {
        let fall = Evidence::TbilRise {
            umol_per_day: -25.0,
            days: 2,
            threshold_umol: 17.1,
            long_interval: false,
            unit: MolarUnit::UmolPerL,
        };
        assert_eq!(
            evidence(Lang::En, &fall),
            "TBIL falls 25 µmol/L per day over 2 days: no rise (threshold 17.1 µmol/L per day)"
        );
        let rise = Evidence::TbilRise {
            umol_per_day: 34.2,
            days: 1,
            threshold_umol: 17.1,
            long_interval: false,
            unit: MolarUnit::MgPerDl,
        };
        assert_eq!(
            evidence(Lang::En, &rise),
            "Mean daily rise 2 mg/dL per day over 1 days (threshold 1 mg/dL per day)"
        );
        assert!(evidence(Lang::ZhCn, &fall).contains("下降 25 µmol/L"));
    }

    #[test]
    fn the_unit_suggestion_shows_the_value_as_typed_in_the_other_unit() {
        assert_eq!(
            did_you_mean(Lang::En, 0.88, FieldUnit::MgPerDl),
            "Did you mean 0.88 mg/dL?"
        );
        assert_eq!(
            did_you_mean(Lang::ZhCn, 3.0, FieldUnit::GPerDl),
            "是否为 3 g/dL？"
        );
    }

    #[test]
    fn hrs_evidence_uses_the_controls_words() {
        let e = Evidence::HepatorenalSyndrome(Answer::No);
        assert_eq!(evidence(Lang::En, &e), "Hepatorenal syndrome: Absent");
        assert_eq!(evidence(Lang::ZhCn, &e), "肝肾综合征：无");
    }

    #[test]
    fn gate_limits_are_worded_as_the_formula_with_the_other_labs_unchanged() {
        use crate::clinical::date::Date;
        use crate::clinical::form::{evaluate, fixtures::refer_patient, FormInput};
        use crate::clinical::protocol::PROTOCOL;
        let today = Date::from_ymd(2026, 11, 25).unwrap();
        let v = evaluate(&refer_patient(), today, &PROTOCOL);
        let line = gate_limits_line(Lang::En, &v.gate.unwrap(), 30);
        assert!(
            line.starts_with("What would change the gate, with the other labs unchanged"),
            "{line}"
        );
        assert!(line.contains("MELD would reach 30 at INR ≥ 2.86"), "{line}");
        let dialysis = evaluate(
            &FormInput {
                dialysis: true,
                inr: "1.0".into(),
                tbil: "20".into(),
                ..refer_patient()
            },
            today,
            &PROTOCOL,
        );
        let line = gate_limits_line(Lang::ZhCn, &dialysis.gate.unwrap(), 30);
        assert!(line.contains("透析规则将肌酐设为 4.0"), "{line}");
    }

    #[test]
    fn the_severity_line_names_the_grade_and_its_failures() {
        use crate::clinical::date::Date;
        use crate::clinical::form::{evaluate, fixtures::refer_patient, FormInput};
        use crate::clinical::protocol::PROTOCOL;
        let today = Date::from_ymd(2026, 11, 25).unwrap();
        // Creatinine 221 µmol/L (2.5 mg/dL): kidney failure alone is ACLF grade 1.
        let form = FormInput {
            tbil: "150".into(),
            creatinine: "221".into(),
            encephalopathy: Some(false),
            inr: "1.8".into(),
            map: "80".into(),
            pao2: "90".into(),
            fio2: "21".into(),
            wbc: "8".into(),
            lactate: "1.2".into(),
            ..refer_patient()
        };
        let v = evaluate(&form, today, &PROTOCOL);
        let line = severity_line(Lang::En, &v.severity).expect("computed");
        assert!(
            line.contains("ACLF grade 1 (EASL-CLIF) — organ failure: Kidney"),
            "{line}"
        );
        // Liver 2 (8.8 mg/dL), kidney 2, brain 1, coagulation 1, circulation 1, respiration 1.
        assert!(line.contains("CLIF-C OF 8"), "{line}");
        assert!(line.contains("CLIF-C ACLF"), "{line}");
        assert!(!line.contains("CLIF-C AD"), "{line}");
        assert!(severity_line(
            Lang::En,
            &evaluate(&FormInput::default(), today, &PROTOCOL).severity
        )
        .is_none());
    }
}
