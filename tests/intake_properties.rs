//! Property tests of the lab-intake reader (SPEC 8): it never panics, a usable candidate's value
//! always parses with the form's own parser, and no analyte comes from a line that names another
//! one or a look-alike. Bounded (inputs up to 10 KB, 256 cases) so `cargo test` stays fast; plus
//! one deterministic test each for 4 MB of pseudo-random bytes and for deeply nested JSON.
#![cfg(not(target_arch = "wasm32"))]

mod intake_support;

use aclf_screen::clinical::parse::{parse_number, Parsed};
use aclf_screen::intake::names::{NameKind, Target, NAMES};
use aclf_screen::intake::text::read_text;
use aclf_screen::intake::{read_input, Message, Origin, Reading, MAX_INPUT_BYTES};
use intake_support::today;
use proptest::prelude::*;

const PIECES: &[&str] = &[
    "总胆红素",
    "TBIL",
    "TB",
    "TBA",
    "Cr",
    "CRP",
    "肌酐",
    "尿肌酐",
    "白蛋白",
    "前白蛋白",
    "乳酸",
    "乳酸脱氢酶",
    "PT",
    "APTT",
    "PTA",
    "INR",
    "NA",
    "N/A",
    "Na",
    "钠",
    "尿钠",
    "Sodium",
    "Bilirubin, Total",
    "采样时间:",
    "检验日期:",
    "姓名:",
    "张三",
    "性别:",
    "男",
    "年龄:",
    "47岁",
    "DOB:",
    "Collected:",
    "2026-11-30",
    "03/04/2026",
    "30-Nov-2026",
    "2026年11月3日",
    "05:10",
    "198.6",
    "286.4↑",
    "<44",
    "> 800",
    "３１２．５",
    "1,45",
    "0",
    "-",
    "3.4-20.5",
    "μmol/L",
    "μ",
    "mol/L",
    "mg/dL",
    "mg/L",
    "g/L",
    "%",
    "％",
    "mmol/L",
    "(H)",
    "↑",
    "H",
    "L",
    "*",
    "\t",
    " ",
    "  ",
    "\n",
    "\n",
    "：",
    "(",
    ")",
    "{",
    "[",
    "\"",
    "\\",
    "é",
    "\u{3000}",
    "\u{feff}",
];

fn report() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            prop::sample::select(PIECES).prop_map(str::to_string),
            "[0-9]{1,4}(\\.[0-9]{1,3})?",
            any::<char>().prop_map(String::from),
        ],
        0..400,
    )
    .prop_map(|v| {
        let mut s = v.join(" ");
        s.truncate(s.floor_char_boundary(10_000));
        s
    })
}

fn assert_values_parse(r: &Reading) {
    for c in &r.candidates {
        if !c.status.is_usable() {
            continue;
        }
        if let Some(unit) = c.parser_unit() {
            assert!(
                matches!(parse_number(&c.value, unit), Ok(Parsed::Number(_))),
                "{c:?} does not parse in {unit:?}"
            );
        } else {
            assert!(matches!(c.value.as_str(), "male" | "female"), "{c:?}");
        }
    }
}

/// One result line per name row: the analyte read from line n must be that row's analyte, and
/// a look-alike or an unused analyte gives no candidate.
fn lines_of_rows() -> impl Strategy<Value = Vec<(usize, String, String)>> {
    let rows: Vec<usize> = (0..NAMES.len())
        .filter(|&i| NAMES[i].kind != NameKind::Loinc)
        .collect();
    prop::collection::vec(
        (
            prop::sample::select(rows),
            "[1-9][0-9]{0,2}(\\.[0-9])?",
            prop::sample::select(&["\t", "  ", " "][..]),
            prop::sample::select(&["", "↑", " H", " (L)", "*"][..]),
            prop::sample::select(&["μmol/L", "mg/dL", "g/L", "%", "mmol/L", ""][..]),
        ),
        1..40,
    )
    .prop_map(|v| {
        v.into_iter()
            .map(|(row, value, sep, flag, unit)| {
                let line = format!("{}{sep}{value}{flag}{sep}{unit}", NAMES[row].text);
                (row, line, value)
            })
            .collect()
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn reader_never_panics_and_values_parse(text in report()) {
        let r = read_text(&text, today());
        assert_values_parse(&r);
        let r = read_input(&text, today());
        assert_values_parse(&r);
    }

    #[test]
    fn an_analyte_comes_only_from_a_line_that_names_it(lines in lines_of_rows()) {
        let mut text = String::from("采样时间: 2026-11-30\n");
        for (_, line, _) in &lines {
            text.push_str(line);
            text.push('\n');
        }
        let r = read_text(&text, today());
        assert_values_parse(&r);
        for c in &r.candidates {
            let Origin::Line { number, .. } = &c.origin else { panic!("{c:?}") };
            let (row, _, value) = &lines[number - 2];
            let analyte = match NAMES[*row].target {
                Target::Field(a) | Target::Ambiguous(a) => a,
                other => panic!("{c:?} from a line naming {other:?}"),
            };
            let same = c.analyte == analyte
                || (analyte == aclf_screen::intake::Analyte::Tbil
                    && c.analyte == aclf_screen::intake::Analyte::TbilEarlier);
            prop_assert!(same, "{:?} from a line naming {:?}", c.analyte, analyte);
            prop_assert_eq!(&c.value, value);
        }
    }
}

/// xorshift64: deterministic pseudo-random bytes without a dependency.
fn bytes(n: usize, mut seed: u64) -> Vec<u8> {
    let mut out = Vec::with_capacity(n);
    while out.len() < n {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        out.extend_from_slice(&seed.to_le_bytes());
    }
    out.truncate(n);
    out
}

#[test]
fn four_megabytes_of_random_bytes_are_refused_or_read_without_panic() {
    let text = String::from_utf8_lossy(&bytes(MAX_INPUT_BYTES, 0x9e37_79b9_7f4a_7c15)).into_owned();
    assert!(text.len() > MAX_INPUT_BYTES);
    let r = read_input(&text, today());
    assert_eq!(r.messages, vec![Message::TooLarge]);
    assert!(r.candidates.is_empty());
    let under = &text[..text.floor_char_boundary(MAX_INPUT_BYTES)];
    let r = read_input(under, today());
    assert!(!r.messages.contains(&Message::TooLarge));
    assert_values_parse(&r);
}

#[test]
fn deeply_nested_json_is_refused_before_parsing() {
    let deep = format!(
        "{{\"resourceType\":\"Bundle\",\"entry\":{}",
        "[".repeat(3_000_000)
    );
    let r = read_input(&deep, today());
    assert_eq!(r.messages, vec![Message::TooDeep]);
    // Deep but within the limit: parsed (and refused by the types, then read as a report).
    let ok = format!("{}{}", "[".repeat(64), "]".repeat(64));
    let r = read_input(&ok, today());
    assert!(!r.messages.contains(&Message::TooDeep));
}
