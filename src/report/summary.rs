//! The plain-text referral summary ("Copy summary"), in the current language: scores, each
//! phase's verdict and criteria, the values entered with their dates, and the referral details
//! (SPEC section 7). Pure, so it is tested natively.

use super::render::{
    answer, bilirubin, borderline, criterion_title, encephalopathy, evidence, exclusion_flag,
    gate_limits_line, incomplete_lines, input_list, protocol_text, severity_line, study_team_item,
    unit_symbol, verdict_title, willingness,
};
use crate::clinical::form::ScreeningViewModel;
use crate::clinical::meld::{Meld, ScoreOutcome};
use crate::clinical::outcome::Evidence;
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

/// MELD with its gate decision and borderline flag; `with_rule`: also the rule of the gate.
fn meld_line(lang: Lang, meld: &ScoreOutcome<Meld>, with_rule: bool) -> String {
    let mut line = score_line(lang, Key::Meld, meld, |m| m.score, false);
    if let ScoreOutcome::Computed(m) = meld {
        let below = m.gate.below.to_string();
        let gate = if m.gate.passes {
            Key::GatePass
        } else {
            Key::GateFail
        };
        if with_rule {
            line = format!("{line} — {}", lang.fill(Key::MeldRule, &[&below]));
            line = format!(
                "{line} {}",
                lang.fill(gate, &[&m.score.to_string(), &below])
            );
        } else {
            line = format!(
                "{line} — {}",
                lang.fill(gate, &[&m.score.to_string(), &below])
            );
        }
        if m.gate.borderline {
            line = format!("{line} {}", borderline(lang, m));
        }
    }
    line
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
        let date = d.map_or_else(|| lang.t(Key::DateNotEntered).to_string(), |d| d.iso());
        format!("{} ({date})", bilirubin(lang, b))
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
    app_version: &str,
) -> String {
    let s = &vm.screening;
    let mut out = vec![
        lang.t(Key::AppTitle).to_string(),
        lang.t(Key::PrintDisclaimer).to_string(),
        String::new(),
    ];
    out.push(meld_line(lang, &s.meld, true));
    if let Some(g) = &vm.gate {
        out.push(gate_limits_line(lang, g, protocol.thresholds.meld_below));
    }
    out.push(score_line(lang, Key::MeldNa, &s.meld_na, |m| m.score, true));
    out.push(score_line(lang, Key::Meld3, &s.meld3, |m| m.score, true));
    if let Some(line) = severity_line(lang, &vm.severity) {
        out.push(line);
    }
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
            Verdict::Incomplete {
                enter_next,
                find_out,
            } => out.extend(
                incomplete_lines(lang, *enter_next, *find_out)
                    .into_iter()
                    .map(|l| format!("  {l}")),
            ),
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
    if !s.flags.is_empty() {
        out.push(String::new());
        out.push(lang.t(Key::CheckWithStudyTeam).to_string());
        out.extend(
            s.flags
                .iter()
                .map(|f| format!("  - {}", exclusion_flag(lang, f))),
        );
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

/// The most lines the concise summary may take: it has to fit a message (issue 9, item 12).
pub const CONCISE_MAX_LINES: usize = 12;

/// The concise summary ("Copy summary"): what a referral message needs, at most
/// [`CONCISE_MAX_LINES`] lines - MELD with its borderline flag, one line per phase, the deciding
/// values with dates (TBIL with date and rise, INR / PTA, creatinine / dialysis), what the study
/// team confirms, the flags, and the trial id. No time stamp: a copied text is not a print.
#[must_use]
pub fn concise(lang: Lang, vm: &ScreeningViewModel, protocol: &Protocol) -> String {
    let s = &vm.screening;
    let p = &vm.patient;
    let not_entered = || lang.t(Key::NotEntered).to_string();
    let label = |id| lang.t(Key::Label(id));
    let mut out = vec![format!(
        "{} — {}",
        protocol.trial.id,
        lang.t(Key::PrintDisclaimer)
    )];
    out.push(meld_line(lang, &s.meld, false));
    if let Some(g) = &vm.gate {
        out.push(gate_limits_line(lang, g, protocol.thresholds.meld_below));
    }
    for phase in &s.phases {
        let mut line = format!(
            "{}: {}",
            protocol_text(lang, &phase.phase.name),
            verdict_title(lang, &phase.verdict)
        );
        match &phase.verdict {
            Verdict::NotEligible(ids) => line = format!("{line} ({})", ids.join(", ")),
            Verdict::Incomplete {
                enter_next,
                find_out,
            } => {
                for l in incomplete_lines(lang, *enter_next, *find_out) {
                    line = format!("{line}; {l}");
                }
            }
            Verdict::Refer(_) => {}
        }
        out.push(line);
    }
    // TBIL with its date and the rise the core computed (from the first phase: I3 is shared).
    let rise = s
        .phases
        .first()
        .and_then(|ph| ph.criteria.iter().find(|c| c.id == "I3"))
        .and_then(|i3| i3.parts.iter().find(|c| c.id == "I3-2"))
        .and_then(|part| {
            part.outcome
                .evidence()
                .iter()
                .find(|e| matches!(e, Evidence::TbilRise { .. }))
                .map(|e| evidence(lang, e))
        });
    let mut tbil = format!(
        "{}: {}",
        label(InputId::Tbil),
        p.tbil.map_or_else(not_entered, |b| {
            let date = p
                .tbil_date
                .map_or_else(|| lang.t(Key::DateNotEntered).to_string(), |d| d.iso());
            format!("{} ({date})", bilirubin(lang, b))
        })
    );
    if let Some(r) = rise {
        tbil = format!("{tbil}; {r}");
    }
    out.push(tbil);
    out.push(format!(
        "INR {}; PTA {}",
        p.inr.map_or_else(not_entered, |i| num(i.0, 2)),
        p.pta
            .map_or_else(not_entered, |v| format!("{} %", num(v.0, 1)))
    ));
    out.push(format!(
        "{}: {}; {}: {}",
        label(InputId::Creatinine),
        p.creatinine.map_or_else(not_entered, |c| format!(
            "{} {}",
            num(c.entered(), 2),
            unit_symbol(lang, FieldUnit::from(c.unit()))
        )),
        label(InputId::Dialysis),
        lang.t(if p.dialysis { Key::Yes } else { Key::No })
    ));
    if let Some(Verdict::Refer(items)) = s
        .phases
        .iter()
        .map(|ph| &ph.verdict)
        .find(|v| matches!(v, Verdict::Refer(_)))
    {
        let items: Vec<String> = items
            .iter()
            .map(|i| study_team_item(lang, *i, protocol))
            .map(|t| t.split(':').next().unwrap_or_default().to_string())
            .collect();
        out.push(format!(
            "{} {}",
            lang.t(Key::StudyTeamWillConfirm),
            items.join(", ")
        ));
    }
    if !s.flags.is_empty() {
        let flags: Vec<String> = s.flags.iter().map(|f| exclusion_flag(lang, f)).collect();
        out.push(format!("{}: {}", lang.t(Key::Flags), flags.join("; ")));
    }
    if let Some(line) = severity_line(lang, &vm.severity) {
        out.push(line);
    }
    debug_assert!(out.len() <= CONCISE_MAX_LINES);
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
        summary(lang, &vm, &PROTOCOL, "0.1.0")
    }

    fn short(lang: Lang, form: &FormInput) -> String {
        let vm = evaluate(form, Date::from_ymd(2026, 11, 25).unwrap(), &PROTOCOL);
        concise(lang, &vm, &PROTOCOL)
    }

    #[test]
    fn concise_summary_fits_a_message_and_holds_the_deciding_values() {
        let flagged = FormInput {
            wbc: "8".into(),
            map: "80".into(),
            fio2: "21".into(),
            spo2: "95".into(),
            lactate: "2".into(),
            dialysis: true,
            bleeding_signs: Some(crate::clinical::patient::Answer::Yes),
            tbil_date: String::new(),
            ..refer_patient()
        };
        for lang in [Lang::En, Lang::ZhCn] {
            for form in [refer_patient(), FormInput::default(), flagged.clone()] {
                let s = short(lang, &form);
                assert!(s.lines().count() <= CONCISE_MAX_LINES, "{s}");
                assert!(s.contains("NCT06740149"), "{s}");
                assert!(!s.contains("Printed") && !s.contains("打印时间"), "{s}");
            }
        }
        let s = short(Lang::En, &refer_patient());
        assert!(s.contains("MELD 26 — Gate passed: 26 < 30."), "{s}");
        assert!(
            s.contains("Phase I: Meets every inclusion criterion"),
            "{s}"
        );
        assert!(
            s.contains("Total bilirubin (TBIL): 342 µmol/L (2026-11-25)"),
            "{s}"
        );
        assert!(s.contains("INR 2; PTA 32 %"), "{s}");
        assert!(s.contains("The study team will confirm: I1, I6"), "{s}");
        let f = short(Lang::En, &flagged);
        assert!(f.contains("342 µmol/L (date not entered)"), "{f}");
        assert!(f.contains("Check with the study team: Active gastrointestinal or variceal bleeding; Renal replacement therapy"), "{f}");
        assert!(f.contains("Dialysis in the past 7 days: Yes"), "{f}");
        assert!(
            f.contains("Severity context (not a trial criterion): ACLF grade"),
            "{f}"
        );
        assert!(s.contains("MELD would reach 30 at INR ≥ 2.86"), "{s}");
    }

    #[test]
    fn full_summary_lists_flags_under_any_verdict_and_carries_no_print_stamp() {
        let form = FormInput {
            encephalopathy: Some(true),
            he_grade: None,
            age: "17".into(),
            ..refer_patient()
        };
        let s = text(Lang::En, &form);
        assert!(s.contains("Phase I: Not eligible"), "{s}");
        assert!(s.contains("HE grade not given: check grade III–IV"), "{s}");
        assert!(!s.contains("Printed"), "{s}");
    }

    #[test]
    fn answered_unknown_is_listed_apart_from_enter_next() {
        let s = text(
            Lang::En,
            &FormInput {
                etiology: Some(crate::clinical::patient::Etiology::Unknown),
                inr: String::new(),
                ..refer_patient()
            },
        );
        assert!(s.contains("Enter next: INR"), "{s}");
        assert!(
            s.contains("Find out: Cause of liver failure (answered unknown)"),
            "{s}"
        );
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
