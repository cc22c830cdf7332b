//! The protocol document (`protocol/*.toml`) as read at build time, and its validation.
//!
//! This file is compiled twice: by `build.rs` (which parses the document, validates it here,
//! and generates the static [`crate::clinical::protocol::PROTOCOL`]) and by the native tests,
//! which pin every validation rule. It therefore uses only `serde` and `super::plausibility`.

use serde::Deserialize;

use super::plausibility::{default_limits, Quantity};

/// The whole document.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProtocolDocument {
    pub trial: TrialDoc,
    pub protocol: VersionDoc,
    pub site: SiteDoc,
    pub thresholds: ThresholdsDoc,
    pub phases: Vec<PhaseDoc>,
    pub criteria: Vec<CriterionDoc>,
    pub exclusion_list: ExclusionListDoc,
    pub typical_exclusions: Vec<TypicalExclusionDoc>,
    #[serde(default)]
    pub plausibility: PlausibilityDoc,
    /// Host push (SPEC 8): absent or an empty list means off.
    #[serde(default)]
    pub embedding: EmbeddingDoc,
}

/// `[embedding]`: the host origins allowed to send labs (SPEC 8, "Host push").
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EmbeddingDoc {
    /// Exact origins (`https://his.example.org`, `http://127.0.0.1:8891`): scheme, host and
    /// optional port; no wildcard, no path, no trailing slash.
    #[serde(default)]
    pub allowed_origins: Vec<String>,
}

/// Whether `s` is an exact web origin: `http(s)://host[:port]`, no wildcard, path, query,
/// user or trailing slash.
#[must_use]
pub fn is_exact_origin(s: &str) -> bool {
    let Some(rest) = s
        .strip_prefix("https://")
        .or_else(|| s.strip_prefix("http://"))
    else {
        return false;
    };
    let (host, port) = match rest.rsplit_once(':') {
        Some((h, p)) => (h, Some(p)),
        None => (rest, None),
    };
    let port_ok = port.is_none_or(|p| {
        !p.is_empty()
            && p.len() <= 5
            && p.bytes().all(|b| b.is_ascii_digit())
            && !p.starts_with('0')
    });
    let host_ok = !host.is_empty()
        && host
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'.' || b == b'-')
        && !host.starts_with(['.', '-'])
        && !host.ends_with(['.', '-']);
    host_ok && port_ok
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TrialDoc {
    pub id: String,
    pub other_ids: Vec<String>,
    pub title_en: String,
    pub title_zh: String,
    pub product_en: String,
    pub product_zh: String,
    pub sponsor_en: String,
    pub sponsor_zh: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VersionDoc {
    /// The version in English and in Chinese; an older document's single `version` stands for
    /// both (and for either one that is missing).
    #[serde(default)]
    pub version_en: Option<String>,
    #[serde(default)]
    pub version_zh: Option<String>,
    #[serde(default)]
    pub version: Option<String>,
    pub rules_date: String,
}

impl VersionDoc {
    /// The version in (English, Chinese): `version_en` / `version_zh`, each falling back to the
    /// single `version`, Chinese then to English.
    pub fn texts(&self) -> (String, String) {
        let en = self
            .version_en
            .clone()
            .or_else(|| self.version.clone())
            .unwrap_or_default();
        let zh = self
            .version_zh
            .clone()
            .or_else(|| self.version.clone())
            .unwrap_or_else(|| en.clone());
        (en, zh)
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SiteDoc {
    pub name_en: String,
    pub name_zh: String,
    pub contacts: Vec<ContactDoc>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ContactDoc {
    pub name_en: String,
    pub name_zh: String,
    #[serde(default)]
    pub phone: String,
    #[serde(default)]
    pub email: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ThresholdsDoc {
    pub min_age_years: u32,
    pub meld_below: u8,
    pub tbil_umol_per_l: f64,
    pub tbil_rise_umol_per_l_per_day: f64,
    pub rise_warn_after_days: u32,
    pub inr_coagulopathy: f64,
    pub pta_coagulopathy_percent: f64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
pub enum EtiologyDoc {
    #[serde(rename = "any")]
    Any,
    #[serde(rename = "hbv")]
    Hbv,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PhaseDoc {
    pub id: String,
    pub name_en: String,
    pub name_zh: String,
    pub design_en: String,
    pub design_zh: String,
    pub recruiting: bool,
    pub etiology: EtiologyDoc,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
pub enum RuleDoc {
    #[serde(rename = "consent")]
    Consent,
    #[serde(rename = "min-age")]
    MinAge,
    #[serde(rename = "aclf-2018")]
    Aclf2018,
    #[serde(rename = "etiology")]
    Etiology,
    #[serde(rename = "meld-below")]
    MeldBelow,
    #[serde(rename = "contraception")]
    Contraception,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
pub enum ConfirmerDoc {
    #[serde(rename = "referrer")]
    Referrer,
    #[serde(rename = "study-team")]
    StudyTeam,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CriterionDoc {
    pub id: String,
    pub rule: RuleDoc,
    pub confirmed_by: ConfirmerDoc,
    pub phases: Vec<String>,
    pub text_en: String,
    pub text_zh: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
pub enum ExclusionStatusDoc {
    #[serde(rename = "not-published")]
    NotPublished,
    #[serde(rename = "published")]
    Published,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExclusionListDoc {
    pub status: ExclusionStatusDoc,
    pub exclusions: Vec<ExclusionDoc>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
pub enum ExclusionRuleDoc {
    /// Only the study team can check it: listed for them.
    #[serde(rename = "study-team")]
    StudyTeam,
    /// Hepatic encephalopathy of at least this West Haven grade.
    #[serde(rename = "he-grade-at-least")]
    HeGradeAtLeast,
    /// Age above this many years.
    #[serde(rename = "age-above")]
    AgeAbove,
    /// Dialysis in the past 7 days.
    #[serde(rename = "dialysis")]
    Dialysis,
    /// Active bleeding (GI, variceal or other) answered "yes".
    #[serde(rename = "bleeding-signs")]
    BleedingSigns,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExclusionDoc {
    pub id: String,
    pub rule: ExclusionRuleDoc,
    #[serde(default)]
    pub value: Option<u32>,
    #[serde(default)]
    pub phases: Option<Vec<String>>,
    pub text_en: String,
    pub text_zh: String,
}

/// An exclusion typical of comparable trials: shown as a checklist, flagged when the entered
/// values match its `rule` (same syntax as declared exclusions); never changes a verdict.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TypicalExclusionDoc {
    pub id: String,
    #[serde(default)]
    pub rule: Option<ExclusionRuleDoc>,
    #[serde(default)]
    pub value: Option<u32>,
    pub en: String,
    pub zh: String,
}

/// Checks that a rule carries a value exactly where it needs one, and a plausible one.
fn check_rule_value(
    c: &mut Checker,
    rule: ExclusionRuleDoc,
    value: Option<u32>,
    field: impl Fn(&str) -> String,
) {
    match (rule, value) {
        (ExclusionRuleDoc::HeGradeAtLeast, Some(v)) => c.check(
            (1..=4).contains(&v),
            field("value"),
            format!("West Haven grade {v} is outside 1..=4"),
        ),
        (ExclusionRuleDoc::AgeAbove, Some(v)) => {
            c.check(v <= 120, field("value"), format!("{v} is outside 0..=120"))
        }
        (ExclusionRuleDoc::HeGradeAtLeast | ExclusionRuleDoc::AgeAbove, None) => {
            c.check(false, field("value"), "this rule needs a value")
        }
        (
            ExclusionRuleDoc::StudyTeam
            | ExclusionRuleDoc::Dialysis
            | ExclusionRuleDoc::BleedingSigns,
            Some(_),
        ) => c.check(false, field("value"), "this rule takes no value"),
        (
            ExclusionRuleDoc::StudyTeam
            | ExclusionRuleDoc::Dialysis
            | ExclusionRuleDoc::BleedingSigns,
            None,
        ) => {}
    }
}

/// Optional tighter limits, per quantity, in SI units.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlausibilityDoc {
    pub bilirubin: Option<LimitsDoc>,
    pub creatinine: Option<LimitsDoc>,
    pub inr: Option<LimitsDoc>,
    pub pta: Option<LimitsDoc>,
    pub sodium: Option<LimitsDoc>,
    pub albumin: Option<LimitsDoc>,
    pub age: Option<LimitsDoc>,
    pub wbc: Option<LimitsDoc>,
    pub map: Option<LimitsDoc>,
    /// PaO2 in mmHg (the table's unit).
    pub pao2: Option<LimitsDoc>,
    pub spo2: Option<LimitsDoc>,
    pub fio2: Option<LimitsDoc>,
    pub lactate: Option<LimitsDoc>,
}

impl PlausibilityDoc {
    /// The overrides present, with their quantity and document key.
    pub fn entries(&self) -> Vec<(Quantity, &'static str, &LimitsDoc)> {
        [
            (Quantity::Bilirubin, "bilirubin", &self.bilirubin),
            (Quantity::Creatinine, "creatinine", &self.creatinine),
            (Quantity::Inr, "inr", &self.inr),
            (Quantity::Pta, "pta", &self.pta),
            (Quantity::Sodium, "sodium", &self.sodium),
            (Quantity::Albumin, "albumin", &self.albumin),
            (Quantity::Age, "age", &self.age),
            (Quantity::Wbc, "wbc", &self.wbc),
            (Quantity::Map, "map", &self.map),
            (Quantity::Pao2, "pao2", &self.pao2),
            (Quantity::Spo2, "spo2", &self.spo2),
            (Quantity::Fio2, "fio2", &self.fio2),
            (Quantity::Lactate, "lactate", &self.lactate),
        ]
        .into_iter()
        .filter_map(|(q, key, l)| l.as_ref().map(|l| (q, key, l)))
        .collect()
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LimitsDoc {
    pub possible: [f64; 2],
    pub usual: [f64; 2],
}

/// One problem in the document, naming the field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocumentError {
    /// Path of the field, e.g. `criteria[2].phases`.
    pub field: String,
    /// What is wrong with it.
    pub problem: String,
}

impl std::fmt::Display for DocumentError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "protocol document, field `{}`: {}",
            self.field, self.problem
        )
    }
}

struct Checker(Vec<DocumentError>);

impl Checker {
    fn check(&mut self, ok: bool, field: impl Into<String>, problem: impl Into<String>) {
        if !ok {
            self.0.push(DocumentError {
                field: field.into(),
                problem: problem.into(),
            });
        }
    }
    fn text(&mut self, value: &str, field: impl Into<String>) {
        self.check(!value.trim().is_empty(), field, "must not be empty");
    }
    fn range(&mut self, value: f64, low: f64, high: f64, field: &str) {
        self.check(
            value.is_finite() && low <= value && value <= high,
            field,
            format!("{value} is outside {low}..={high}"),
        );
    }
}

fn is_iso_date(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
        && (1..=12).contains(&s[5..7].parse::<u8>().unwrap_or(0))
        && (1..=31).contains(&s[8..10].parse::<u8>().unwrap_or(0))
}

fn is_identifier(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|c| c.is_ascii_alphanumeric() || c == b'-')
}

/// Validates a parsed document; every problem is reported, each naming its field.
pub fn validate(doc: &ProtocolDocument) -> Result<(), Vec<DocumentError>> {
    let mut c = Checker(Vec::new());

    let id = &doc.trial.id;
    c.check(
        id.len() == 11 && id.starts_with("NCT") && id[3..].bytes().all(|b| b.is_ascii_digit()),
        "trial.id",
        format!("`{id}` is not an NCT number (NCT + 8 digits)"),
    );
    let (version_en, version_zh) = doc.protocol.texts();
    for (field, value) in [
        ("trial.title_en", &doc.trial.title_en),
        ("trial.title_zh", &doc.trial.title_zh),
        ("trial.product_en", &doc.trial.product_en),
        ("trial.product_zh", &doc.trial.product_zh),
        ("trial.sponsor_en", &doc.trial.sponsor_en),
        ("trial.sponsor_zh", &doc.trial.sponsor_zh),
        ("protocol.version_en", &version_en),
        ("protocol.version_zh", &version_zh),
        ("site.name_en", &doc.site.name_en),
        ("site.name_zh", &doc.site.name_zh),
    ] {
        c.text(value, field);
    }
    c.check(
        is_iso_date(&doc.protocol.rules_date),
        "protocol.rules_date",
        format!("`{}` is not a date YYYY-MM-DD", doc.protocol.rules_date),
    );
    c.check(
        !doc.site.contacts.is_empty(),
        "site.contacts",
        "needs at least one contact",
    );
    for (i, contact) in doc.site.contacts.iter().enumerate() {
        c.text(&contact.name_en, format!("site.contacts[{i}].name_en"));
        c.text(&contact.name_zh, format!("site.contacts[{i}].name_zh"));
        c.check(
            contact.email.is_empty() || contact.email.contains('@'),
            format!("site.contacts[{i}].email"),
            format!("`{}` is not an e-mail address", contact.email),
        );
    }

    let t = &doc.thresholds;
    c.check(
        t.min_age_years <= 120,
        "thresholds.min_age_years",
        format!("{} is outside 0..=120", t.min_age_years),
    );
    c.check(
        (7..=40).contains(&t.meld_below),
        "thresholds.meld_below",
        format!("{} is outside 7..=40", t.meld_below),
    );
    c.range(t.tbil_umol_per_l, 1.0, 1700.0, "thresholds.tbil_umol_per_l");
    c.range(
        t.tbil_rise_umol_per_l_per_day,
        0.1,
        1700.0,
        "thresholds.tbil_rise_umol_per_l_per_day",
    );
    c.check(
        t.rise_warn_after_days >= 1,
        "thresholds.rise_warn_after_days",
        "must be at least 1",
    );
    c.range(t.inr_coagulopathy, 0.5, 20.0, "thresholds.inr_coagulopathy");
    c.range(
        t.pta_coagulopathy_percent,
        0.0,
        200.0,
        "thresholds.pta_coagulopathy_percent",
    );

    c.check(!doc.phases.is_empty(), "phases", "needs at least one phase");
    for (i, p) in doc.phases.iter().enumerate() {
        c.check(
            is_identifier(&p.id),
            format!("phases[{i}].id"),
            format!("`{}` must be letters, digits and '-'", p.id),
        );
        c.check(
            doc.phases.iter().filter(|q| q.id == p.id).count() == 1,
            format!("phases[{i}].id"),
            format!("`{}` is used by more than one phase", p.id),
        );
        c.text(&p.name_en, format!("phases[{i}].name_en"));
        c.text(&p.name_zh, format!("phases[{i}].name_zh"));
        c.text(&p.design_en, format!("phases[{i}].design_en"));
        c.text(&p.design_zh, format!("phases[{i}].design_zh"));
    }
    let known_phase = |id: &String| doc.phases.iter().any(|p| &p.id == id);

    for (i, k) in doc.criteria.iter().enumerate() {
        c.check(
            is_identifier(&k.id),
            format!("criteria[{i}].id"),
            format!("`{}` must be letters, digits and '-'", k.id),
        );
        c.check(
            doc.criteria.iter().filter(|o| o.id == k.id).count() == 1,
            format!("criteria[{i}].id"),
            format!("`{}` is used by more than one criterion", k.id),
        );
        c.check(
            doc.criteria.iter().filter(|o| o.rule == k.rule).count() == 1,
            format!("criteria[{i}].rule"),
            format!("rule {:?} is used by more than one criterion", k.rule),
        );
        c.check(
            !k.phases.is_empty(),
            format!("criteria[{i}].phases"),
            "needs at least one phase",
        );
        for (j, phase) in k.phases.iter().enumerate() {
            c.check(
                known_phase(phase),
                format!("criteria[{i}].phases[{j}]"),
                format!("names unknown phase `{phase}`"),
            );
        }
        let study_team_rule = matches!(k.rule, RuleDoc::Consent | RuleDoc::Contraception);
        c.check(
            study_team_rule == (k.confirmed_by == ConfirmerDoc::StudyTeam),
            format!("criteria[{i}].confirmed_by"),
            "consent and contraception are confirmed by the study team; every other rule by the referrer",
        );
        c.text(&k.text_en, format!("criteria[{i}].text_en"));
        c.text(&k.text_zh, format!("criteria[{i}].text_zh"));
    }
    for rule in [RuleDoc::MinAge, RuleDoc::Aclf2018, RuleDoc::MeldBelow] {
        c.check(
            doc.criteria.iter().any(|k| k.rule == rule),
            "criteria",
            format!("the trial's rule {rule:?} is missing"),
        );
    }

    let list = &doc.exclusion_list;
    match list.status {
        ExclusionStatusDoc::NotPublished => c.check(
            list.exclusions.is_empty(),
            "exclusion_list.exclusions",
            "status is \"not-published\" but exclusions are listed: set status = \"published\"",
        ),
        ExclusionStatusDoc::Published => c.check(
            !list.exclusions.is_empty(),
            "exclusion_list.exclusions",
            "status is \"published\" but no exclusion is listed",
        ),
    }
    for (i, e) in list.exclusions.iter().enumerate() {
        let field = |name: &str| format!("exclusion_list.exclusions[{i}].{name}");
        c.check(
            is_identifier(&e.id),
            field("id"),
            format!("`{}` must be letters, digits and '-'", e.id),
        );
        c.check(
            list.exclusions.iter().filter(|o| o.id == e.id).count() == 1
                && !doc.criteria.iter().any(|k| k.id == e.id),
            field("id"),
            format!("`{}` is used more than once", e.id),
        );
        check_rule_value(&mut c, e.rule, e.value, field);
        for (j, phase) in e.phases.iter().flatten().enumerate() {
            c.check(
                known_phase(phase),
                format!("{}[{j}]", field("phases")),
                format!("names unknown phase `{phase}`"),
            );
        }
        c.text(&e.text_en, field("text_en"));
        c.text(&e.text_zh, field("text_zh"));
    }
    for (i, t) in doc.typical_exclusions.iter().enumerate() {
        let field = |name: &str| format!("typical_exclusions[{i}].{name}");
        c.check(
            is_identifier(&t.id),
            field("id"),
            format!("`{}` must be letters, digits and '-'", t.id),
        );
        c.check(
            doc.typical_exclusions
                .iter()
                .filter(|o| o.id == t.id)
                .count()
                == 1,
            field("id"),
            format!("`{}` is used more than once", t.id),
        );
        match t.rule {
            Some(ExclusionRuleDoc::StudyTeam) => c.check(
                false,
                field("rule"),
                "a typical exclusion without a rule is already for the study team: leave `rule` out",
            ),
            Some(rule) => check_rule_value(&mut c, rule, t.value, field),
            None => c.check(t.value.is_none(), field("value"), "a value needs a rule"),
        }
        c.text(&t.en, field("en"));
        c.text(&t.zh, field("zh"));
    }

    for (q, key, l) in doc.plausibility.entries() {
        let d = default_limits(q);
        let [p_low, p_high] = l.possible;
        let [u_low, u_high] = l.usual;
        c.check(
            d.possible.low <= p_low && p_low <= p_high && p_high <= d.possible.high,
            format!("plausibility.{key}.possible"),
            format!(
                "may only narrow the default {}..={}",
                d.possible.low, d.possible.high
            ),
        );
        c.check(
            p_low <= u_low && u_low <= u_high && u_high <= p_high,
            format!("plausibility.{key}.usual"),
            "must lie inside `possible`",
        );
    }

    for (i, origin) in doc.embedding.allowed_origins.iter().enumerate() {
        c.check(
            is_exact_origin(origin),
            format!("embedding.allowed_origins[{i}]"),
            format!("`{origin}` is not an exact origin like https://his.example.org (no wildcard, no path)"),
        );
    }

    if c.0.is_empty() {
        Ok(())
    } else {
        Err(c.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SHIPPED: &str = include_str!("../../protocol/nct06740149.toml");

    fn parse(text: &str) -> ProtocolDocument {
        toml::from_str(text).expect("parses")
    }

    fn errors_after(edit: impl FnOnce(&mut ProtocolDocument)) -> Vec<DocumentError> {
        let mut doc = parse(SHIPPED);
        edit(&mut doc);
        validate(&doc).expect_err("should be rejected")
    }

    fn fields(errors: &[DocumentError]) -> Vec<&str> {
        errors.iter().map(|e| e.field.as_str()).collect()
    }

    #[test]
    fn embedding_origins_are_exact() {
        assert!(parse(SHIPPED).embedding.allowed_origins.is_empty());
        for ok in [
            "https://his.example.org",
            "http://127.0.0.1:8891",
            "https://a-b.example",
        ] {
            assert!(is_exact_origin(ok), "{ok}");
        }
        for bad in [
            "*",
            "https://*.example.org",
            "https://his.example.org/",
            "https://his.example.org/path",
            "his.example.org",
            "ftp://his.example.org",
            "https://HIS.example.org",
            "https://his.example.org:",
            "https://user@his.example.org",
            "https://his.example.org?x=1",
        ] {
            assert!(!is_exact_origin(bad), "{bad}");
        }
        let errors =
            errors_after(|d| d.embedding.allowed_origins = vec!["https://*.example.org".into()]);
        assert_eq!(fields(&errors), ["embedding.allowed_origins[0]"]);
        let without: String = SHIPPED
            .split("\n[embedding]")
            .next()
            .expect("text")
            .to_string();
        let doc = parse(&without);
        assert!(doc.embedding.allowed_origins.is_empty());
        assert_eq!(validate(&doc), Ok(()));
    }

    #[test]
    fn shipped_document_is_valid() {
        assert_eq!(validate(&parse(SHIPPED)), Ok(()));
    }

    #[test]
    fn shipped_document_holds_the_trials_thresholds() {
        let t = parse(SHIPPED).thresholds;
        assert_eq!(t.min_age_years, 18);
        assert_eq!(t.meld_below, 30);
        assert_eq!(t.tbil_umol_per_l, 171.0);
        assert_eq!(t.tbil_rise_umol_per_l_per_day, 17.1);
        assert_eq!(t.inr_coagulopathy, 1.5);
        assert_eq!(t.pta_coagulopathy_percent, 40.0);
    }

    #[test]
    fn exclusions_are_declared_but_not_published() {
        let doc = parse(SHIPPED);
        assert_eq!(doc.exclusion_list.status, ExclusionStatusDoc::NotPublished);
        assert!(doc.exclusion_list.exclusions.is_empty());
        assert_eq!(doc.typical_exclusions.len(), 13);
    }

    #[test]
    fn malformed_toml_error_names_the_field() {
        let broken = SHIPPED.replace("meld_below = 30", "meld_below = \"thirty\"");
        let err = toml::from_str::<ProtocolDocument>(&broken)
            .unwrap_err()
            .to_string();
        assert!(err.contains("meld_below"), "{err}");
    }

    #[test]
    fn version_is_given_in_both_languages_and_the_old_single_version_still_validates() {
        let doc: ProtocolDocument = toml::from_str(SHIPPED).unwrap();
        let (en, zh) = doc.protocol.texts();
        assert!(
            en.starts_with("registry listing") && zh.contains("规则"),
            "{en} / {zh}"
        );
        let old = SHIPPED
            .lines()
            .filter(|l| !l.starts_with("version_zh"))
            .map(|l| l.replace("version_en =", "version ="))
            .collect::<Vec<_>>()
            .join("\n");
        let doc: ProtocolDocument = toml::from_str(&old).unwrap();
        assert_eq!(doc.protocol.texts(), (en.clone(), en));
        assert!(validate(&doc).is_ok());
        let e = errors_after(|d| {
            d.protocol.version_en = None;
            d.protocol.version_zh = None;
            d.protocol.version = None;
        });
        assert_eq!(fields(&e), ["protocol.version_en", "protocol.version_zh"]);
    }

    #[test]
    fn unknown_field_is_rejected_by_name() {
        let broken = SHIPPED.replace("meld_below = 30", "meld_below = 30\nmeld_under = 30");
        let err = toml::from_str::<ProtocolDocument>(&broken)
            .unwrap_err()
            .to_string();
        assert!(err.contains("meld_under"), "{err}");
    }

    #[test]
    fn criterion_naming_an_unknown_phase_is_rejected() {
        let e = errors_after(|d| d.criteria[1].phases.push("phase3".into()));
        assert_eq!(fields(&e), ["criteria[1].phases[2]"]);
        assert!(e[0].problem.contains("phase3"));
    }

    #[test]
    fn duplicate_criterion_id_is_rejected() {
        let e = errors_after(|d| d.criteria[1].id = "I1".into());
        assert!(fields(&e).contains(&"criteria[1].id"));
    }

    #[test]
    fn meld_threshold_outside_the_score_range_is_rejected() {
        let e = errors_after(|d| d.thresholds.meld_below = 45);
        assert_eq!(fields(&e), ["thresholds.meld_below"]);
    }

    #[test]
    fn missing_gate_rule_is_rejected() {
        let e = errors_after(|d| d.criteria.retain(|k| k.rule != RuleDoc::MeldBelow));
        assert_eq!(fields(&e), ["criteria"]);
        assert!(e[0].problem.contains("MeldBelow"));
    }

    #[test]
    fn consent_confirmed_by_the_referrer_is_rejected() {
        let e = errors_after(|d| d.criteria[0].confirmed_by = ConfirmerDoc::Referrer);
        assert_eq!(fields(&e), ["criteria[0].confirmed_by"]);
    }

    #[test]
    fn exclusions_listed_while_not_published_are_rejected() {
        let e = errors_after(|d| {
            d.exclusion_list.exclusions.push(ExclusionDoc {
                id: "E1".into(),
                rule: ExclusionRuleDoc::Dialysis,
                value: None,
                phases: None,
                text_en: "x".into(),
                text_zh: "x".into(),
            })
        });
        assert_eq!(fields(&e), ["exclusion_list.exclusions"]);
    }

    #[test]
    fn exclusion_rule_values_are_checked() {
        let e = errors_after(|d| {
            d.exclusion_list.status = ExclusionStatusDoc::Published;
            d.exclusion_list.exclusions.push(ExclusionDoc {
                id: "E1".into(),
                rule: ExclusionRuleDoc::HeGradeAtLeast,
                value: Some(5),
                phases: Some(vec!["phase9".into()]),
                text_en: "HE".into(),
                text_zh: "".into(),
            })
        });
        assert_eq!(
            fields(&e),
            [
                "exclusion_list.exclusions[0].value",
                "exclusion_list.exclusions[0].phases[0]",
                "exclusion_list.exclusions[0].text_zh"
            ]
        );
    }

    #[test]
    fn typical_exclusions_carry_ids_and_valid_rules() {
        let doc = parse(SHIPPED);
        let ruled: Vec<(&str, Option<ExclusionRuleDoc>, Option<u32>)> = doc
            .typical_exclusions
            .iter()
            .filter(|t| t.rule.is_some())
            .map(|t| (t.id.as_str(), t.rule, t.value))
            .collect();
        assert_eq!(
            ruled,
            [
                (
                    "active-bleeding",
                    Some(ExclusionRuleDoc::BleedingSigns),
                    None
                ),
                (
                    "he-grade-3-4",
                    Some(ExclusionRuleDoc::HeGradeAtLeast),
                    Some(3)
                ),
                ("renal-replacement", Some(ExclusionRuleDoc::Dialysis), None),
            ]
        );
        let e = errors_after(|d| {
            d.typical_exclusions[0].id = d.typical_exclusions[1].id.clone();
            d.typical_exclusions[2].rule = Some(ExclusionRuleDoc::HeGradeAtLeast);
            d.typical_exclusions[2].value = None;
            d.typical_exclusions[3].value = Some(9);
            d.typical_exclusions[4].rule = Some(ExclusionRuleDoc::StudyTeam);
            d.typical_exclusions[4].value = None;
        });
        assert_eq!(
            fields(&e),
            [
                "typical_exclusions[0].id",
                "typical_exclusions[1].id",
                "typical_exclusions[2].value",
                "typical_exclusions[3].value",
                "typical_exclusions[4].rule",
            ]
        );
    }

    #[test]
    fn plausibility_may_narrow_but_not_widen() {
        let narrow = SHIPPED.to_string()
            + "\n[plausibility.bilirubin]\npossible = [1.0, 1500.0]\nusual = [5.0, 800.0]\n";
        assert_eq!(validate(&parse(&narrow)), Ok(()));
        let wide = SHIPPED.to_string()
            + "\n[plausibility.bilirubin]\npossible = [0.5, 1800.0]\nusual = [5.0, 800.0]\n";
        let e = validate(&parse(&wide)).unwrap_err();
        assert_eq!(fields(&e), ["plausibility.bilirubin.possible"]);
        let inverted = SHIPPED.to_string()
            + "\n[plausibility.inr]\npossible = [0.5, 20.0]\nusual = [0.4, 8.0]\n";
        let e = validate(&parse(&inverted)).unwrap_err();
        assert_eq!(fields(&e), ["plausibility.inr.usual"]);
        let pao2 = SHIPPED.to_string()
            + "\n[plausibility.pao2]\npossible = [30.0, 600.0]\nusual = [40.0, 500.0]\n";
        assert_eq!(validate(&parse(&pao2)), Ok(()));
        let wide_fio2 = SHIPPED.to_string()
            + "\n[plausibility.fio2]\npossible = [15.0, 100.0]\nusual = [21.0, 100.0]\n";
        let e = validate(&parse(&wide_fio2)).unwrap_err();
        assert_eq!(fields(&e), ["plausibility.fio2.possible"]);
    }

    #[test]
    fn empty_translation_is_rejected() {
        let e = errors_after(|d| d.criteria[2].text_zh = " ".into());
        assert_eq!(fields(&e), ["criteria[2].text_zh"]);
    }

    #[test]
    fn bad_rules_date_and_trial_id_are_rejected() {
        let e = errors_after(|d| {
            d.protocol.rules_date = "25/11/2026".into();
            d.trial.id = "NCT123".into();
        });
        assert_eq!(fields(&e), ["trial.id", "protocol.rules_date"]);
    }
}
