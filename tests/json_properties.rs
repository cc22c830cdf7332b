//! Property tests of the intake's own JSON reader (`src/intake/json.rs`) with serde_json as the
//! oracle: every JSON text serde_json writes reads back to the same tree (strings, numbers as
//! written), and on arbitrary short texts the reader never panics and accepts exactly what
//! serde_json accepts.
#![cfg(not(target_arch = "wasm32"))]

use aclf_screen::intake::json::{parse, Json};
use proptest::prelude::*;
use serde_json::Value;

/// The same tree: members compared by name (the generated objects have no repeated names).
fn same(ours: &Json, theirs: &Value) -> bool {
    match (ours, theirs) {
        (Json::Null, Value::Null) => true,
        (Json::Bool(a), Value::Bool(b)) => a == b,
        (Json::Number(a), Value::Number(b)) => *a == b.to_string(),
        (Json::String(a), Value::String(b)) => a == b,
        (Json::Array(a), Value::Array(b)) => {
            a.len() == b.len() && a.iter().zip(b).all(|(x, y)| same(x, y))
        }
        (Json::Object(a), Value::Object(b)) => {
            a.len() == b.len()
                && a.iter()
                    .all(|(k, v)| b.get(k.as_ref()).is_some_and(|w| same(v, w)))
        }
        _ => false,
    }
}

fn value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>()
            .prop_filter("finite", |x| x.is_finite())
            .prop_map(Value::from),
        any::<String>().prop_map(Value::String),
    ];
    leaf.prop_recursive(6, 64, 8, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..8).prop_map(Value::Array),
            proptest::collection::btree_map(any::<String>(), inner, 0..8)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    /// What serde_json writes, compact or pretty, reads back to the same values.
    #[test]
    fn reads_back_what_serde_json_writes(v in value()) {
        for text in [serde_json::to_string(&v).unwrap(), serde_json::to_string_pretty(&v).unwrap()] {
            let ours = parse(&text);
            prop_assert!(ours.as_ref().is_ok_and(|j| same(j, &v)), "{} -> {:?}", text, ours);
        }
    }

    /// Texts of JSON's own characters (no exponent, which serde_json refuses past f64's range
    /// and this reader keeps as written): accepted exactly when serde_json accepts them.
    #[test]
    fn accepts_exactly_what_serde_json_accepts(text in "[\\[\\]{}\",:0-9.+\\- \t\nnulxabd\\\\/]{0,40}") {
        let theirs = serde_json::from_str::<Value>(&text).is_ok();
        prop_assert_eq!(parse(&text).is_ok(), theirs, "{:?}", text);
    }
}

/// Escapes and numbers at the edges, each accepted or refused as serde_json does.
#[test]
fn edge_cases_agree_with_serde_json() {
    for text in [
        r#""\ud83d\ude00""#,
        r#""\ud83d""#,
        r#""\udc00""#,
        r#""\ud83d\u0041""#,
        r#""\u0000""#,
        "-0",
        "-0.0e-0",
        "01",
        "1.",
        "[1,]",
        "{\"a\":1,\"a\":2}",
        "\u{feff}[]",
        " [ ] ",
        "\"\u{7f}\"",
    ] {
        let theirs = serde_json::from_str::<Value>(text).is_ok();
        assert_eq!(parse(text).is_ok(), theirs, "{text:?}");
    }
}
