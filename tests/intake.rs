//! Lab intake fixtures (SPEC 8, LABS.md layouts): every report under `tests/fixtures/intake/`
//! is read and its whole reading - every candidate with analyte, value, unit, date and status,
//! the series, the "also in the report" list and the unread count - compared with the
//! `.expected` file beside it. `INTAKE_BLESS=1` rewrites the expectations (review the diff).
#![cfg(not(target_arch = "wasm32"))]

mod intake_support;

use intake_support::{describe, today};
use std::path::Path;

fn check_dir(ext: &str, read: impl Fn(&str) -> aclf_screen::intake::Reading) -> usize {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/intake");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .expect("fixtures")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == ext))
        .collect();
    paths.sort();
    let bless = std::env::var_os("INTAKE_BLESS").is_some();
    let mut failures = Vec::new();
    for p in &paths {
        let text = std::fs::read_to_string(p).expect("fixture");
        let got = describe(&read(&text));
        let expected_path = p.with_extension(format!("{ext}.expected"));
        if bless {
            std::fs::write(&expected_path, &got).expect("write");
            continue;
        }
        let want = std::fs::read_to_string(&expected_path).unwrap_or_default();
        if got != want {
            failures.push(format!("{}:\n--- want\n{want}--- got\n{got}", p.display()));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    paths.len()
}

#[test]
fn every_text_fixture_reads_as_expected() {
    let n = check_dir("txt", |t| aclf_screen::intake::text::read_text(t, today()));
    assert!(n >= 30, "{n} text fixtures");
}

#[test]
fn every_fhir_fixture_reads_as_expected() {
    let n = check_dir("json", |t| aclf_screen::intake::read_input(t, today()));
    assert!(n >= 10, "{n} FHIR fixtures");
}
