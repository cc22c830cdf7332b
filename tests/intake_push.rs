//! Host push (SPEC 8): the `aclf-screen:labs` message through the same table, version check,
//! values as numbers or decimal strings, an age disagreeing with the birth date, and the counts
//! of the `labs-received` answer.
#![cfg(not(target_arch = "wasm32"))]

mod intake_support;

use aclf_screen::intake::push::{read_push, receipt_counts, LabsMessage, PushRefusal};
use intake_support::{describe, today};

fn message(json: &str) -> LabsMessage {
    LabsMessage::parse(json).expect("message")
}

#[test]
fn items_map_through_the_table_by_loinc_or_name() {
    let m = message(
        r#"{"type":"aclf-screen:labs","version":1,"items":[
        {"loinc":"14631-6","value":286.4,"unit":"umol/L","date":"2026-11-30"},
        {"name":"总胆红素","value":"190.5","unit":"μmol/L","date":"2026-11-27T08:00:00+08:00"},
        {"name":"INR","value":2.1,"date":"2026-11-30"},
        {"loinc":"2160-0","value":1.2,"unit":"mg/dL","date":"2026-11-30"},
        {"name":"Creatinine","value":"<0.5","unit":"mg/dL","date":"2026-11-29"},
        {"name":"DBIL","value":150,"unit":"umol/L"},
        {"name":"前白蛋白","value":120,"unit":"mg/L"},
        {"name":"Glucose","value":5.1},
        {"loinc":"5894-1","value":1.9,"unit":"{INR}","date":"2026-11-30"}
        ],"patient":{"sex":"female","age":50,"birthDate":"1975-12-02"}}"#,
    );
    let r = read_push(&m, today()).expect("read");
    assert_eq!(
        describe(&r),
        "tbil 286.4 [286.4] umol/L 2026-11-30/Own usable Loinc <item Some(0)>\n\
         tbil-earlier 190.5 [190.5] umol/L 2026-11-27/Own usable ChineseName <item Some(1)>\n\
         inr 2.1 [2.1] own 2026-11-30/Own usable Abbreviation <item Some(2)>\n\
         pta 1.9 [1.9] refused({INR}) 2026-11-30/Own unusable(unit-mismatch) Loinc <item Some(8)>\n\
         creatinine 1.2 [1.2] mg/dL 2026-11-30/Own usable Loinc <item Some(3)>\n\
         age 50 [age: 50] own - usable PatientHeader <item None>\n\
         sex female [sex: female] own - usable PatientHeader <item None>\n\
         also [DirectBilirubin]\n\
         unread 2\n"
    );
    assert_eq!(receipt_counts(&r), (6, 3));
}

#[test]
fn another_version_or_type_is_refused_whole() {
    let m =
        message(r#"{"type":"aclf-screen:labs","version":2,"items":[{"name":"INR","value":2}]}"#);
    assert_eq!(read_push(&m, today()), Err(PushRefusal::WrongVersion));
    let m = message(r#"{"type":"aclf-screen:resize","version":1,"items":[]}"#);
    assert_eq!(read_push(&m, today()), Err(PushRefusal::WrongType));
    // The version is a number whose value is one, however written; 10 is not 1.
    for v in ["1.0", "1.00", "1e0", "0.1e1"] {
        let m = message(&format!(
            r#"{{"type":"aclf-screen:labs","version":{v},"items":[]}}"#
        ));
        assert!(read_push(&m, today()).is_ok(), "{v}");
    }
    let m = message(r#"{"type":"aclf-screen:labs","version":10,"items":[]}"#);
    assert_eq!(read_push(&m, today()), Err(PushRefusal::WrongVersion));
    // A member of the wrong type, or a version as text, makes the message unreadable.
    for bad in [
        r#"{"type":"aclf-screen:labs","version":"1","items":[]}"#,
        r#"{"type":"aclf-screen:labs","version":1,"items":{}}"#,
        r#"{"type":"aclf-screen:labs","version":1,"items":[{"value":true}]}"#,
        r#"{"type":"aclf-screen:labs","version":1,"items":[],"patient":{"sex":1}}"#,
    ] {
        assert!(LabsMessage::parse(bad).is_err(), "{bad}");
    }
}

#[test]
fn an_age_disagreeing_with_the_birth_date_makes_both_unusable() {
    let m = message(
        r#"{"type":"aclf-screen:labs","version":1,"items":[],"patient":{"age":"47","birthDate":"1975-12-02","sex":"male"}}"#,
    );
    let r = read_push(&m, today()).expect("read");
    assert_eq!(
        describe(&r),
        "age 47 [age: 47] own - unusable(other-patient) PatientHeader <item None>\n\
         age 50 [birthDate: 1975-12-02] own - unusable(other-patient) PatientHeader <item None>\n\
         sex male [sex: male] own - usable PatientHeader <item None>\n\
         unread 0\n"
    );
    assert_eq!(receipt_counts(&r), (1, 2));
}

#[test]
fn an_unreadable_date_or_value_is_never_used() {
    let m = message(
        r#"{"type":"aclf-screen:labs","version":1,"items":[
        {"name":"ALB","value":"30","unit":"g/L","date":"30.11.26"},
        {"name":"Na","value":"abc","date":"2026-11-30"}]}"#,
    );
    let r = read_push(&m, today()).expect("read");
    assert_eq!(
        describe(&r),
        "albumin 30 [30] g/L - unusable(ambiguous-date) Abbreviation <item Some(0)>\nunread 1\n"
    );
    assert_eq!(receipt_counts(&r), (0, 2));
}
