//! The plain-text referral summary ("Copy summary"), in the current language: scores, each
//! phase's verdict and criteria, the values entered with their dates, and the referral details
//! (SPEC section 7). Pure, so it is tested natively.

use super::render::{
    answer, bilirubin, criterion_title, encephalopathy, evidence, input_list, protocol_text,
    study_team_item, unit_symbol, verdict_title, willingness,
};
use crate::clinical::form::ScreeningViewModel;
use crate::clinical::meld::ScoreOutcome;
use crate::clinical::patient::{InputId, Sex};
use crate::clinical::protocol::Protocol;
use crate::clinical::screening::{CriterionResult, Verdict};
use crate::clinical::units::FieldUnit;
use crate::i18n::{num, Key, Lang};

fn score_line<T>(
    lang: Lang,
    name: Key,
    s: &ScoreOutcome<T>,
    value: impl Fn(&T) -> u8,
    context: bool,
) -> String {
    let label = lang.t(name);
    let suffix = if context {
        format!(" ({})", lang.t(Key::ContextOnly))
    } else {
        String::new()
    };
    match s {
        ScoreOutcome::Computed(t) => format!("{label} {}{suffix}", value(t)),
        ScoreOutcome::NotComputable(missing) => {
            format!(
                "{label}: {}{suffix}",
                lang.fill(Key::NeedsInputs, &[&input_list(lang, *missing)])
            )
        }
    }
}

fn criterion_lines(
    lang: Lang,
    c: &CriterionResult,
    protocol: &Protocol,
    indent: &str,
    out: &mut Vec<String>,
) {
    let mut line = format!(
        "{indent}{} [{}] {}",
        c.id,
        lang.t(Key::State(c.outcome.state())),
        criterion_title(lang, c, protocol)
    );
    let ev: Vec<String> = c
        .outcome
        .evidence()
        .iter()
        .map(|e| evidence(lang, e))
        .collect();
    if !ev.is_empty() {
        line.push_str(" — ");
        line.push_str(&ev.join("; "));
    }
    if !c.outcome.missing().is_empty() {
        line.push_str(" — ");
        line.push_str(&lang.fill(Key::Missing, &[&input_list(lang, c.outcome.missing())]));
    }
    out.push(line);
    for n in c.notes.iter() {
        out.push(format!("{indent}  * {}", lang.t(Key::Note(n))));
    }
    let deeper = format!("{indent}  ");
    for p in &c.parts {
        criterion_lines(lang, p, protocol, &deeper, out);
    }
}

/// The values entered, one line each, with the bilirubin dates (print and summary).
#[must_use]
pub fn values_entered(lang: Lang, vm: &ScreeningViewModel) -> Vec<String> {
    let p = &vm.patient;
    let label = |id| lang.t(Key::Label(id));
    let mut out = Vec::new();
    let mut add = |id: InputId, v: Option<String>| {
        out.push(format!(
            "  {}: {}",
            label(id),
            v.unwrap_or_else(|| lang.t(Key::NotEntered).to_string())
        ));
    };
    add(
        InputId::Age,
        p.age.map(|a| format!("{} {}", a.0, lang.t(Key::Years))),
    );
    add(
        InputId::Sex,
        p.sex.map(|s| {
            lang.t(if s == Sex::Male {
                Key::Male
            } else {
                Key::Female
            })
            .to_string()
        }),
    );
    add(
        InputId::Etiology,
        p.etiology.map(|e| lang.t(Key::Etiology(e)).to_string()),
    );
    add(
        InputId::ChronicLiverDisease,
        p.chronic_liver_disease.map(|a| answer(lang, a).to_string()),
    );
    // A lab value as entered, in the unit it was entered in.
    let in_unit =
        |value: f64, unit: FieldUnit| format!("{} {}", num(value, 2), unit_symbol(lang, unit));
    let dated = |b, d: Option<crate::clinical::date::Date>| {
        let mut s = bilirubin(lang, b);
        if let Some(d) = d {
            s.push_str(&format!(" ({})", d.iso()));
        }
        s
    };
    add(InputId::Tbil, p.tbil.map(|b| dated(b, p.tbil_date)));
    add(
        InputId::TbilEarlier,
        p.tbil_earlier.map(|b| dated(b, p.tbil_earlier_date)),
    );
    add(InputId::Inr, p.inr.map(|i| num(i.0, 2)));
    add(InputId::Pta, p.pta.map(|v| format!("{} %", num(v.0, 1))));
    add(
        InputId::Creatinine,
        p.creatinine
            .map(|c| in_unit(c.entered(), FieldUnit::from(c.unit()))),
    );
    add(
        InputId::Dialysis,
        Some(
            lang.t(if p.dialysis { Key::Yes } else { Key::No })
                .to_string(),
        ),
    );
    add(
        InputId::Sodium,
        p.sodium.map(|s| format!("{} mmol/L", num(s.0, 1))),
    );
    add(
        InputId::Albumin,
        p.albumin
            .map(|a| in_unit(a.entered(), FieldUnit::from(a.unit()))),
    );
    add(
        InputId::HepaticEncephalopathy,
        p.encephalopathy.map(|e| encephalopathy(lang, e)),
    );
    add(
        InputId::HepatorenalSyndrome,
        p.hepatorenal_syndrome.map(|a| answer(lang, a).to_string()),
    );
    add(
        InputId::BleedingSigns,
        p.bleeding_signs.map(|a| answer(lang, a).to_string()),
    );
    add(
        InputId::Consent,
        p.consent.map(|w| willingness(lang, w).to_string()),
    );
    add(
        InputId::Contraception,
        p.contraception.map(|w| willingness(lang, w).to_string()),
    );
    out
}

/// The referral details of SPEC section 7, one line each.
#[must_use]
pub fn referral_lines(lang: Lang, protocol: &Protocol, app_version: &str) -> Vec<String> {
    let t = |k| lang.t(k);
    let contacts: Vec<String> = protocol
        .site
        .contacts
        .iter()
        .map(|c| {
            let mut s = protocol_text(lang, &c.name).to_string();
            for extra in [c.phone, c.email] {
                if !extra.is_empty() {
                    s.push_str(", ");
                    s.push_str(extra);
                }
            }
            s
        })
        .collect();
    let recruiting: Vec<&str> = protocol
        .phases
        .iter()
        .filter(|p| p.recruiting)
        .map(|p| protocol_text(lang, &p.name))
        .collect();
    vec![
        format!(
            "{}: {} ({}) — {}",
            t(Key::RefTrial),
            protocol.trial.id,
            protocol.trial.other_ids.join(", "),
            protocol_text(lang, &protocol.trial.title)
        ),
        format!(
            "{}: {}",
            t(Key::RefSite),
            protocol_text(lang, &protocol.site.name)
        ),
        format!("{}: {}", t(Key::RefContacts), contacts.join("; ")),
        format!("{}: {}", t(Key::RefRecruiting), recruiting.join(", ")),
        format!(
            "{}: {} ({})",
            t(Key::RefProtocol),
            protocol_text(lang, &protocol.version),
            protocol.rules_date
        ),
        format!("{}: {app_version}", t(Key::RefAppVersion)),
    ]
}

/// The whole summary as plain text.
#[must_use]
pub fn summary(
    lang: Lang,
    vm: &ScreeningViewModel,
    protocol: &Protocol,
    now: &str,
    app_version: &str,
) -> String {
    let s = &vm.screening;
    let mut out = vec![
        lang.t(Key::AppTitle).to_string(),
        format!(
            "{} {}",
            lang.t(Key::PrintDisclaimer),
            lang.fill(Key::PrintedAt, &[now])
        ),
        String::new(),
    ];
    let mut meld = score_line(lang, Key::Meld, &s.meld, |m| m.score, false);
    if let ScoreOutcome::Computed(m) = &s.meld {
        let below = m.gate.below.to_string();
        let gate = if m.gate.passes {
            Key::GatePass
        } else {
            Key::GateFail
        };
        meld = format!(
            "{meld} — {} {}",
            lang.fill(Key::MeldRule, &[&below]),
            lang.fill(gate, &[&m.score.to_string(), &below])
        );
        if m.gate.borderline {
            meld.push(' ');
            meld.push_str(&lang.fill(
                Key::Borderline,
                &[&num(m.unrounded, 2), &m.score.to_string()],
            ));
        }
    }
    out.push(meld);
    out.push(score_line(lang, Key::MeldNa, &s.meld_na, |m| m.score, true));
    out.push(score_line(lang, Key::Meld3, &s.meld3, |m| m.score, true));
    for phase in &s.phases {
        out.push(String::new());
        out.push(format!(
            "{}: {}",
            protocol_text(lang, &phase.phase.name),
            verdict_title(lang, &phase.verdict)
        ));
        match &phase.verdict {
            Verdict::NotEligible(ids) => {
                out.push(format!("  {} {}", lang.t(Key::DecidedBy), ids.join(", ")))
            }
            Verdict::Incomplete(missing) => out.push(format!(
                "  {} {}",
                lang.t(Key::EnterNext),
                input_list(lang, *missing)
            )),
            Verdict::Refer(items) => {
                out.push(format!("  {}", lang.t(Key::StudyTeamWillConfirm)));
                out.extend(
                    items
                        .iter()
                        .map(|i| format!("   - {}", study_team_item(lang, *i, protocol))),
                );
            }
        }
        for c in phase.criteria.iter().chain(&phase.exclusions) {
            criterion_lines(lang, c, protocol, "  ", &mut out);
        }
    }
    out.push(String::new());
    out.push(format!("{}:", lang.t(Key::LabValues)));
    out.extend(values_entered(lang, vm));
    out.push(String::new());
    out.push(format!("{}:", lang.t(Key::Referral)));
    out.extend(
        referral_lines(lang, protocol, app_version)
            .into_iter()
            .map(|l| format!("  {l}")),
    );
    out.push(lang.t(Key::ExclusionNote).to_string());
    out.join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clinical::date::Date;
    use crate::clinical::form::fixtures::refer_patient;
    use crate::clinical::form::{evaluate, FormInput};
    use crate::clinical::protocol::PROTOCOL;

    fn text(lang: Lang, form: &FormInput) -> String {
        let vm = evaluate(form, Date::from_ymd(2026, 11, 25).unwrap(), &PROTOCOL);
        summary(lang, &vm, &PROTOCOL, "2026-11-25 10:00", "0.1.0")
    }

    #[test]
    fn english_summary_holds_scores_verdicts_values_and_referral() {
        let s = text(Lang::En, &refer_patient());
        assert!(s.contains("MELD 26 — Original MELD, OPTN rules"), "{s}");
        assert!(s.contains("Phase I: Meets every inclusion criterion that can be checked here"));
        assert!(
            s.contains("Total bilirubin (TBIL): 342 µmol/L (2026-11-25)"),
            "{s}"
        );
        assert!(s.contains("NCT06740149"));
        assert!(s.contains("Bingliang Lin, MD"));
        assert!(s.contains("Pre-screening aid, not an enrolment decision."));
        assert!(!s.contains("Eligible") && !s.to_lowercase().contains(" eligible"));
    }

    #[test]
    fn chinese_summary_is_in_chinese() {
        let s = text(Lang::ZhCn, &refer_patient());
        assert!(s.contains("满足所有可在此核对的入选标准"), "{s}");
        assert!(s.contains("总胆红素（TBIL）: 342 µmol/L"), "{s}");
        assert!(s.contains("预筛查辅助工具，并非入组决定。"));
    }

    #[test]
    fn incomplete_summary_names_what_to_enter_next() {
        let s = text(
            Lang::En,
            &FormInput {
                inr: String::new(),
                ..refer_patient()
            },
        );
        assert!(s.contains("Enter next: INR"), "{s}");
        assert!(s.contains("MELD: Not computable yet. Needs: INR."));
    }
}
