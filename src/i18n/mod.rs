//! Every text shown to users lives here: one file per language (`en.rs`, `zh_cn.rs`), each an
//! exhaustive `match` over [`Key`], so a missing translation is a compile error. Measured in
//! TOOLCHAIN.md: a key enum with one lookup function per language costs about 2 KB brotli,
//! against 26-59 KB for `leptos_i18n` / `leptos-fluent`; our messages need no plural rules
//! (Chinese has none), only numbers filled into templates.
//!
//! Only language tables live here: no markup. The words of results are in `report`, the form's
//! table in `form_fields`, the views in `ui`.

mod en;
mod zh_cn;

use crate::clinical::outcome::{Note, State};
use crate::clinical::patient::{Etiology, InputId};
use crate::clinical::severity::Organ;

/// A display language.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    /// English.
    #[default]
    En,
    /// Simplified Chinese.
    ZhCn,
}

impl Lang {
    /// The BCP 47 tag (`<html lang>`, the `lang` select's value, `?lang=`).
    #[must_use]
    pub const fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::ZhCn => "zh-CN",
        }
    }

    /// The language's name in itself, for the language switch.
    #[must_use]
    pub const fn autonym(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::ZhCn => "简体中文",
        }
    }

    /// Reads a tag: `en*` is English, any `zh*` is Simplified Chinese; others are not ours.
    #[must_use]
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let t = tag.trim().to_ascii_lowercase();
        if t == "en" || t.starts_with("en-") {
            Some(Lang::En)
        } else if t == "zh" || t.starts_with("zh-") || t.starts_with("zh_") {
            Some(Lang::ZhCn)
        } else {
            None
        }
    }

    /// The language to start in: a `?lang=` parameter, else the stored choice, else the first
    /// of the browser's languages that we have, else English.
    ///
    /// ```
    /// use aclf_screen::i18n::Lang;
    /// assert_eq!(Lang::choose(None, None, &["zh-TW", "en"]), Lang::ZhCn);
    /// assert_eq!(Lang::choose(Some("en"), Some("zh-CN"), &["zh-CN"]), Lang::En);
    /// ```
    #[must_use]
    pub fn choose(query: Option<&str>, stored: Option<&str>, browser: &[&str]) -> Lang {
        query
            .and_then(Lang::from_tag)
            .or_else(|| stored.and_then(Lang::from_tag))
            .or_else(|| browser.iter().find_map(|t| Lang::from_tag(t)))
            .unwrap_or_default()
    }

    /// The text of a key in this language.
    #[must_use]
    pub fn t(self, key: Key) -> &'static str {
        match self {
            Lang::En => en::text(key),
            Lang::ZhCn => zh_cn::text(key),
        }
    }

    /// A template of this language with `{0}`, `{1}`, ... filled in.
    #[must_use]
    pub fn fill(self, key: Key, args: &[&str]) -> String {
        fill(self.t(key), args)
    }
}

/// Fills `{0}`, `{1}`, ... in a template.
#[must_use]
pub fn fill(template: &str, args: &[&str]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let close = after.find('}');
        let index = close.and_then(|c| after[..c].parse::<usize>().ok());
        match (close, index.and_then(|i| args.get(i))) {
            (Some(c), Some(arg)) => {
                out.push_str(arg);
                rest = &after[c + 1..];
            }
            _ => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// Formats a number with exactly `decimals` decimals ("29.30"), rounding half away from zero.
/// Written with integer arithmetic so that the wasm carries no float-formatting code
/// (core::fmt's float path costs several KB; measured with twiggy, see `make bench`).
#[must_use]
pub fn fixed(x: f64, decimals: usize) -> String {
    if !x.is_finite() {
        return String::from("–");
    }
    let scale = 10u64.pow(decimals.min(9) as u32);
    let scaled = (x.abs() * scale as f64).round() as u64;
    let (int, frac) = (scaled / scale, scaled % scale);
    let mut out = String::new();
    if x < 0.0 && scaled != 0 {
        out.push('-');
    }
    out.push_str(&int.to_string());
    if decimals > 0 {
        out.push('.');
        let digits = frac.to_string();
        out.extend(std::iter::repeat_n('0', decimals.min(9) - digits.len()));
        out.push_str(&digits);
    }
    out
}

/// Formats a number with at most `decimals` decimals, without trailing zeros ("2.5", "171").
#[must_use]
pub fn num(x: f64, decimals: usize) -> String {
    let s = fixed(x, decimals);
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s
    }
}

/// Product decisions shown under "How this was decided" (SPEC: every decision is visible).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Decision {
    /// The gate uses original MELD with OPTN rules.
    MeldVariant,
    /// Half-up rounding to the tenth, then x10; the borderline band.
    MeldRounding,
    /// The dialysis checkbox and its definition; unchecked = no; it wins over creatinine.
    Dialysis,
    /// MELD-Na and MELD 3.0 are context only; MELD-Na needs no sodium at MELD <= 11; MELD 3.0
    /// needs sex and age.
    ContextScores,
    /// Mean daily bilirubin rise definition.
    Rise,
    /// Bleeding tendency definition; PTA optional; no PTA-INR conversion.
    Bleeding,
    /// Registry wording followed over the guideline's stricter coagulopathy requirement.
    RegistryVsGuideline,
    /// Unknown is never treated as no.
    UnknownIsNotNo,
    /// HBV coexisting with another cause.
    HbvCoexisting,
    /// Plausibility limits.
    Limits,
    /// Exclusion criteria not published; never "eligible".
    Exclusions,
    /// Consent and contraception are the study team's.
    StudyTeam,
    /// How pasted lab values are read.
    Pasting,
    /// What would change the gate: exact limits on the field's grid, not advice.
    GateLimits,
    /// Serial labs: which earlier result the rise uses, rows' MELD without the dialysis rule.
    SerialLabs,
    /// Severity context: context only, and the rules decided where the sources are silent.
    Severity,
    /// COSSH-ACLF II is not included, and why.
    Cossh,
    /// Lab import: what is read where SPEC 8 is silent (older results, ambiguous names, age).
    Import,
}

/// Every decision, in the order shown.
pub const DECISIONS: [Decision; 18] = [
    Decision::MeldVariant,
    Decision::MeldRounding,
    Decision::Dialysis,
    Decision::ContextScores,
    Decision::Rise,
    Decision::Bleeding,
    Decision::RegistryVsGuideline,
    Decision::UnknownIsNotNo,
    Decision::HbvCoexisting,
    Decision::Limits,
    Decision::Exclusions,
    Decision::StudyTeam,
    Decision::Pasting,
    Decision::GateLimits,
    Decision::SerialLabs,
    Decision::Severity,
    Decision::Cossh,
    Decision::Import,
];

/// Every text of the widget.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Key {
    // --- page
    /// Page title.
    AppTitle,
    /// One line under the title: what the tool is.
    AppSubtitle,
    // --- lab intake
    /// Heading of the import panel.
    ImportHeading,
    /// What the panel does (nothing leaves the browser, nothing is used before confirming).
    ImportIntro,
    /// Label of the paste box.
    ImportTextLabel,
    /// Label of the file chooser.
    ImportFileLabel,
    /// The drop zone's text.
    ImportDrop,
    /// "Read" button.
    ImportRead,
    /// "Use checked values" button.
    ImportUse,
    /// "Cancel" button.
    ImportCancel,
    /// Caption of the confirmation table of a paste or a file.
    ImportTableTitle,
    /// Caption of the table of labs sent by the host: `{0}` the sender's origin.
    ImportTableFrom,
    /// Column: use (checkbox).
    ImportColUse,
    /// Column: analyte.
    ImportColAnalyte,
    /// Column: value and unit as written.
    ImportColValue,
    /// Column: date.
    ImportColDate,
    /// Column: where it came from.
    ImportColSource,
    /// Column: what it replaces in the form.
    ImportColReplaces,
    /// Checkbox label of a row: `{0}` the analyte.
    ImportUseRow,
    /// "empty" (replaces nothing).
    ImportReplacesNothing,
    /// No date found.
    ImportNoDate,
    /// Line `{0}`.
    ImportLine,
    /// Item `{0}` sent by the host.
    ImportItem,
    /// The host's patient data.
    ImportPatient,
    /// Nothing usable was found.
    ImportNone,
    /// `{0}` other lines not read.
    ImportUnread,
    /// Also in the report (not used): `{0}`.
    ImportAlso,
    /// Heading of the older results (they go to the earlier-results table on "Use").
    ImportSeries,
    /// An older result that "Use" writes into the earlier-results table.
    ImportSeriesAdded,
    /// `{0}` other results of the analyte on that date (not used).
    ImportSeriesOthers,
    /// Why an older result is not written into the earlier-results table.
    ImportSeriesSkip(crate::intake::apply::SeriesSkip),
    /// Badge of a field filled by import.
    ImportBadge,
    /// `{0}` date: "dated {0}, from import".
    ImportDated,
    /// Why a row cannot be used.
    ImportReason(crate::intake::Unusable),
    /// A warning of a usable row.
    ImportWarning(crate::intake::Warning),
    /// A message about the whole input.
    ImportMessage(crate::intake::Message),
    /// A known analyte never used.
    ImportUnused(crate::intake::UnusedAnalyte),
    /// The host's message could not be read (other version or type).
    ImportRefused,
    /// The privacy promise.
    Privacy,
    /// Label of the language select.
    Language,
    // --- form
    /// Form section headings.
    SectionPatient,
    /// Liver disease section.
    SectionLiver,
    /// Labs section.
    SectionLabs,
    /// Complications section.
    SectionComplications,
    /// Severity context section (optional; never part of the verdict).
    SectionSeverity,
    /// Hint under the severity context section.
    SeverityHint,
    /// Stated willingness section.
    SectionWillingness,
    /// Hint under the willingness section.
    WillingnessHint,
    /// The label of an input.
    Label(InputId),
    /// Hint for the latest bilirubin's date.
    HintTbilDate,
    /// Hint for the earlier bilirubin.
    HintTbilEarlier,
    /// Hint for PTA.
    HintPta,
    /// Hint for dialysis (OPTN definition; unchecked = no).
    HintDialysis,
    /// Hint for HRS.
    HintHrs,
    /// Hint for etiology (HBV with another cause).
    HintEtiology,
    /// Hint for MELD 3.0-only inputs.
    HintMeld3Only,
    /// Hint for the active-bleeding question (it does not meet I3-3).
    HintBleedingSigns,
    /// "Today" button beside a date.
    Today,
    /// Hint for vasopressors (which drugs count; unchecked = no).
    HintVasopressors,
    /// Hint for SpO2 (used only without a PaO2; validated up to 97 %).
    HintSpo2,
    /// Hint for FiO2 (in %, 21 on room air; never defaults).
    HintFio2,
    /// Placeholder option of an unanswered select.
    Choose,
    /// "Unit" (accessible name of unit selects).
    Unit,
    /// Sex options.
    Male,
    /// Female.
    Female,
    /// Cause of liver failure option.
    Etiology(Etiology),
    /// Yes.
    Yes,
    /// No.
    No,
    /// Unknown (as an answer).
    DontKnow,
    /// Absent.
    Absent,
    /// Present.
    Present,
    /// "Grade {0}".
    Grade,
    /// "Not yet asked".
    NotAsked,
    /// "years".
    Years,
    // --- scores
    /// Results heading.
    Results,
    /// MELD (the gate) title.
    Meld,
    /// MELD-Na title.
    MeldNa,
    /// MELD 3.0 title.
    Meld3,
    /// "context only".
    ContextOnly,
    /// "Original MELD, OPTN rules. Trial gate: MELD < {0}".
    MeldRule,
    /// "Gate passed: {0} < {1}".
    GatePass,
    /// "Gate not passed: {0} is not below {1}".
    GateFail,
    /// "Not computable yet. Needs: {0}".
    NeedsInputs,
    /// "Borderline: unrounded {0}, reported {1}".
    Borderline,
    /// "How this was computed".
    Trail,
    // --- gate and severity views
    /// Score trail heading of the gate limits: "What would change the gate".
    GateTrailName,
    /// How the gate limits were found (score trail).
    GateTrailMethod,
    /// "EASL-CLIF ACLF grade" (severity card row).
    AclfGradeName,
    /// The button that fills FiO2 with 21 (room air).
    RoomAir,
    /// The severity section uses the HE grade and the dialysis box entered above.
    SeverityReuses,
    /// "{lab}: entered {0} -> used {1}".
    TrailUsed,
    /// "(raised to the floor {0})".
    TrailFloor,
    /// "(lowered to the cap {0})".
    TrailCap,
    /// "(set to {0}: dialysis)".
    TrailDialysis,
    /// "not needed (dialysis)".
    TrailNotNeeded,
    /// "MELD(i) = {0}; rounded half-up to the tenth {1}; x10 = {2}".
    TrailMeld,
    /// "Capped at 40".
    TrailCapped40,
    /// "MELD {0} <= 11: MELD-Na = MELD, no sodium term".
    TrailMeldNaNoSodium,
    /// "MELD-Na = {0} + 1.32 x (137 - {1}) - 0.033 x {0} x (137 - {1}) = {2} -> {3}".
    TrailMeldNa,
    /// "MELD 3.0 unrounded {0} -> {1}".
    TrailMeld3,
    /// "female term 1.33 added".
    TrailFemale,
    /// "age 12-17 term 1.33 added".
    TrailAdolescent,
    /// "bounded to 6..40".
    TrailBounded,
    /// Lab names in the trail.
    LabCreatinine,
    /// Bilirubin.
    LabBilirubin,
    /// INR.
    LabInr,
    /// Sodium.
    LabSodium,
    /// Albumin.
    LabAlbumin,
    // --- verdicts
    /// Phase heading: "{0}: {1}" name and design.
    PhaseRecruiting,
    /// "not marked as recruiting".
    PhaseNotRecruiting,
    /// Not eligible verdict.
    VerdictNotEligible,
    /// Incomplete verdict.
    VerdictIncomplete,
    /// Refer verdict (never "eligible").
    VerdictRefer,
    /// The verdicts in one word, for the compact summary.
    VerdictShortNotEligible,
    /// Incomplete, in one word.
    VerdictShortIncomplete,
    /// Refer, in one word.
    VerdictShortRefer,
    /// The compact summary's button to the full results.
    ShowResults,
    /// "Not met:".
    DecidedBy,
    /// "Enter next:".
    EnterNext,
    /// "Did you mean {0}?" (a unit switch).
    DidYouMean,
    /// "To be confirmed by the study team" (a study-team criterion while unknown).
    ToBeConfirmedByTeam,
    /// "Copied: concise summary" / status after copying the full text.
    CopiedFull,
    /// "Reset done." + undo.
    ResetDone,
    /// "Undo".
    Undo,
    /// Print blank lines: referring physician, department.
    PrintPhysician,
    /// Department.
    PrintDepartment,
    /// "date not entered".
    DateNotEntered,
    /// "Flags:" (concise summary).
    Flags,
    /// "Copy full text".
    CopyFull,
    /// "With the other labs unchanged:" (gate limits, SPEC 9).
    GateIntro,
    /// "MELD would reach {0} at {1} ≥ {2}".
    GateFailsAt,
    /// "MELD would be {0} or less at {1} ≤ {2}".
    GatePassesAt,
    /// "{0}: not reachable by this lab alone" (floor or hard limit).
    GateUnreachable,
    /// "Creatinine: not reachable: the dialysis rule sets creatinine to 4.0".
    GateUnreachableDialysis,
    /// "Severity context" heading.
    SeverityTitle,
    /// The name of an organ (CLIF-C OF).
    Organ(Organ),
    /// "No ACLF (EASL-CLIF)".
    AclfNone,
    /// "ACLF grade {0} (EASL-CLIF)".
    AclfGradeN,
    /// "organ failure: {0}".
    OrganFailures,
    /// "The EASL-CLIF definition was built in cirrhosis."
    CirrhosisNote,
    /// "CLIF-C OF".
    ClifOf,
    /// "CLIF-C ACLF".
    ClifCAclf,
    /// "CLIF-C AD".
    ClifCAd,
    /// "AARC".
    Aarc,
    /// "grade {0}" (AARC).
    AarcGradeN,
    /// "applies only with ACLF" / "applies only without ACLF".
    ClifCAclfNotApplicable,
    /// "applies only without ACLF".
    ClifCAdNotApplicable,
    /// "{0}: {1} → {2} points" (a sub-score trail line).
    SubScoreLine,
    /// "renal replacement (dialysis box)".
    BasisRenalReplacement,
    /// "vasopressors".
    BasisVasopressors,
    /// "HE grade {0}" / "no HE".
    BasisHeGrade,
    /// "no hepatic encephalopathy".
    BasisNoHe,
    /// "{0} = {1}" oxygen ratio.
    BasisRatio,
    /// "SpO2 above 97 %: the SpO2/FiO2 bands are not validated there; please check".
    BasisBeyondValidation,
    /// "CLIF-C ACLF = 10 × (0.33 × {0} + 0.04 × {1} + 0.63 × ln({2}) − 2) = {3}; rounded: {4}".
    TrailClifCAclf,
    /// "CLIF-C AD = 10 × (0.03 × {0} + 0.66 × ln({1}) + 1.71 × ln({2}) + 0.88 × ln({3}) − 0.05 × {4} + 8) = {5}; rounded: {6}".
    TrailClifCAd,
    /// "Find out:" (questions answered "unknown").
    FindOut,
    /// "{0} (answered unknown)".
    AnsweredUnknown,
    /// "Check with the study team:" (typical exclusions raised by the entered values).
    CheckWithStudyTeam,
    /// "HE grade not given: check grade III-IV" (flag).
    FlagHeGradeMissing,
    /// "The study team will confirm:".
    StudyTeamWillConfirm,
    /// "the exclusion criteria (not published in the registry listing)".
    UnpublishedExclusions,
    /// "Confirmed by the study team".
    ConfirmedByStudyTeam,
    /// State names.
    State(State),
    /// I3 parts' short titles.
    I3Chronic,
    /// I3-2.
    I3Bilirubin,
    /// I3-3.
    I3Complications,
    /// "Missing: {0}".
    Missing,
    // --- evidence templates
    /// "Age {0} (minimum {1})".
    EvAge,
    /// "Chronic liver disease: {0}".
    EvChronic,
    /// "TBIL {0} ({1} µmol/L; threshold {2} µmol/L)".
    EvTbil,
    /// "Mean daily rise {0} µmol/L/day over {1} days (threshold {2})".
    EvRise,
    /// A falling bilirubin: "falls {0} {3} per day over {1} days: no rise".
    EvFall,
    /// "Both bilirubin results dated {0}: less than a day apart, no rise".
    EvSameDay,
    /// "INR {0} (bleeding tendency at >= {1})".
    EvInr,
    /// "PTA {0} % (bleeding tendency at <= {1} %)".
    EvPta,
    /// "Clinical bleeding signs: {0}".
    EvSigns,
    /// "Hepatic encephalopathy: {0}".
    EvHe,
    /// "Hepatorenal syndrome: {0}".
    EvHrs,
    /// "Cause: {0}; this phase requires hepatitis B".
    EvEtiology,
    /// "Any cause accepted in this phase".
    EvAnyCause,
    /// "MELD {0} (must be below {1})".
    EvMeld,
    /// "Patient's stated answer: {0}".
    EvWillingness,
    /// "Dialysis in the past 7 days: {0}".
    EvDialysis,
    /// "Checked by the study team".
    EvStudyTeam,
    /// A note's text.
    Note(Note),
    // --- field messages
    /// Censored value.
    ErrCensored,
    /// Other unit: "{0}".
    ErrOtherUnit,
    /// Several numbers.
    ErrSeveral,
    /// Misplaced separator.
    ErrSeparator,
    /// Not whole.
    ErrNotWhole,
    /// Not a number.
    ErrNotANumber,
    /// "Not possible: enter a value between {0} and {1} {2}."
    ErrImpossible,
    /// Not a date.
    ErrNotADate,
    /// Future date.
    ErrFutureDate,
    /// Earlier date after the later one.
    ErrEarlierAfterLater,
    /// PaO2 in mmHg below the lowest possible value: "{0}" mmHg, "did you mean kPa?".
    ErrPao2Kpa,
    /// "Please check: unusual value (usual {0}-{1} {2}). It is used."
    WarnUnusual,
    // --- referral, decisions, actions, print
    /// Referral details heading.
    Referral,
    /// "Trial".
    RefTrial,
    /// "Site".
    RefSite,
    /// "Contacts".
    RefContacts,
    /// "Recruiting phases".
    RefRecruiting,
    /// "Protocol rules".
    RefProtocol,
    /// "App version".
    RefAppVersion,
    /// The exclusion note of SPEC section 3.
    ExclusionNote,
    /// Heading of the typical exclusions checklist.
    TypicalExclusions,
    /// Its label: "typical, not confirmed for this trial".
    TypicalNotConfirmed,
    /// "How this was decided".
    Decisions,
    /// A decision's text.
    Decision(Decision),
    /// Reset button.
    Reset,
    /// Copy summary button.
    CopySummary,
    /// Print button.
    Print,
    /// "Summary copied".
    Copied,
    /// Clipboard fallback instruction.
    CopyFallback,
    /// Print header: "Pre-screening aid, not an enrolment decision".
    PrintDisclaimer,
    /// "Patient name".
    PrintName,
    /// "Hospital number".
    PrintHospitalNumber,
    /// "Printed {0}".
    PrintedAt,
    /// "Lab values".
    LabValues,
    /// "(not entered)".
    NotEntered,
    /// "A new version is available."
    UpdateAvailable,
    /// "Reload".
    Reload,
    // --- serial labs
    /// Serial labs: "Earlier results (serial labs)".
    SeriesHeading,
    /// Serial labs: "Optional. Each row uses the units selected above. ".
    SeriesHint,
    /// Serial labs: "Add a row".
    SeriesAdd,
    /// Serial labs: "Remove".
    SeriesRemove,
    /// Serial labs: "Remove row {0}".
    SeriesRemoveRow,
    /// Serial labs: "Row".
    SeriesRowHead,
    /// Serial labs: "Date".
    SeriesDate,
    /// Serial labs: "TBIL".
    SeriesTbil,
    /// Serial labs: "INR".
    SeriesInr,
    /// Serial labs: "Creatinine".
    SeriesCreatinine,
    /// Serial labs: "Sodium".
    SeriesSodium,
    /// Serial labs: "Albumin".
    SeriesAlbumin,
    /// Serial labs: "MELD".
    SeriesMeld,
    /// Serial labs: "Rise".
    SeriesRise,
    /// Serial labs: "{0}, row {1}".
    SeriesCellLabel,
    /// Serial labs: "Use row {0} for the mean daily rise".
    SeriesRiseLabel,
    /// Serial labs: "the earlier TBIL above".
    SeriesRowMain,
    /// Serial labs: "without the dialysis rule".
    SeriesWithoutDialysis,
    /// Serial labs: "–".
    SeriesNoValue,
    /// Serial labs: "Use the rule instead".
    SeriesRiseAuto,
    /// Serial labs: "Mean daily rise from row {0} ({1}), chosen by the ".
    SeriesRiseByRule,
    /// Serial labs: "Mean daily rise from row {0} ({1}), chosen by you:".
    SeriesRisePicked,
    /// Serial labs: "No earlier TBIL for the mean daily rise.".
    SeriesRiseNone,
    /// Serial labs: "{0} {1} per day over {2} days".
    SeriesRiseValue,
    /// Serial labs: "same day as the latest: not a rise".
    SeriesRiseSameDay,
    /// Serial labs: "cannot be computed (a value or date is missing)".
    SeriesRiseIncomplete,
    /// Serial labs: "date not entered".
    SeriesDateMissing,
    /// Serial labs: "Trend: TBIL and MELD".
    TrendHeading,
    /// Serial labs: "TBIL ({0})".
    TrendTbilPanel,
    /// Serial labs: "MELD".
    TrendMeldPanel,
    /// Serial labs: "I3: {0} {1}".
    TrendTbilLine,
    /// Serial labs: "gate: {0} fails".
    TrendGateLine,
    /// Serial labs: "{0} rose from {1} to {2}{3} between {4} and {5}.".
    TrendRose,
    /// Serial labs: "{0} fell from {1} to {2}{3} between {4} and {5}.".
    TrendFell,
    /// Serial labs: "{0} stayed at {2}{3} between {4} and {5}.".
    TrendSame,
    /// Serial labs: "{0}: {2}{3} on {4} only.".
    TrendOnly,
    /// Serial labs: "{0}: no values.".
    TrendNoValues,
    /// Serial labs: "Lines at TBIL {0} {1} (I3) and MELD {2} (the gate ".
    TrendAltLines,
    /// Serial labs: "No chart: no dated TBIL or MELD yet. Enter the dat".
    TrendNoDated,
    /// Serial labs: "No chart: only one dated result; a trend needs two".
    TrendOneDated,
    /// Serial labs: "No chart: every result is dated {0}; a trend needs".
    TrendOneDate,
    /// Serial labs: "Values of the chart".
    TrendTableCaption,
    /// Serial labs: "From".
    TrendSource,
    /// Serial labs: "latest (main fields)".
    TrendLatest,
    /// Serial labs: "row {0}".
    TrendRowN,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fill_replaces_numbered_placeholders() {
        assert_eq!(fill("{0} < {1}", &["29", "30"]), "29 < 30");
        assert_eq!(fill("{1}-{0}", &["a", "b"]), "b-a");
        assert_eq!(fill("{x} {5}", &["a"]), "{x} {5}");
    }

    #[test]
    fn fixed_keeps_every_decimal_and_rounds_half_away_from_zero() {
        assert_eq!(fixed(29.3, 2), "29.30");
        assert_eq!(fixed(2.5517, 4), "2.5517");
        assert_eq!(fixed(0.125, 2), "0.13");
        assert_eq!(fixed(-1.25, 1), "-1.3");
        assert_eq!(fixed(-0.01, 1), "0.0");
        assert_eq!(fixed(171.0, 0), "171");
        assert_eq!(fixed(0.05, 3), "0.050");
    }

    #[test]
    fn num_trims_trailing_zeros() {
        assert_eq!(num(2.5, 2), "2.5");
        assert_eq!(num(171.0, 1), "171");
        assert_eq!(num(0.05, 1), "0.1");
        assert_eq!(num(17.123, 1), "17.1");
    }

    #[test]
    fn language_choice_follows_query_then_storage_then_browser() {
        assert_eq!(Lang::choose(Some("zh-CN"), Some("en"), &["en"]), Lang::ZhCn);
        assert_eq!(Lang::choose(Some("fr"), Some("zh-CN"), &["en"]), Lang::ZhCn);
        assert_eq!(Lang::choose(None, None, &["fr-FR", "zh-HK"]), Lang::ZhCn);
        assert_eq!(Lang::choose(None, None, &["fr-FR"]), Lang::En);
        assert_eq!(Lang::choose(None, Some("garbage"), &["en-GB"]), Lang::En);
    }

    #[test]
    fn any_zh_tag_is_simplified_chinese() {
        for t in ["zh", "zh-CN", "zh-TW", "zh-Hans", "ZH-hk"] {
            assert_eq!(Lang::from_tag(t), Some(Lang::ZhCn), "{t}");
        }
    }

    #[test]
    fn no_text_says_eligible_as_a_positive_verdict() {
        for lang in [Lang::En, Lang::ZhCn] {
            let refer = lang.t(Key::VerdictRefer).to_lowercase();
            assert!(
                !refer.contains("eligible") || refer.contains("not eligible"),
                "{refer}"
            );
            assert!(
                !refer.contains("符合入组") && !refer.contains("可入组"),
                "{refer}"
            );
        }
    }
}
