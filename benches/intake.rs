//! Throughput of the lab-intake reader, natively: a 200-line pasted report (target < 1 ms) and
//! a 5,000-observation FHIR bundle of about 2 MB, parsed by the crate's JSON reader (the same code
//! as in the wasm) and read, and "Use" of that bundle (its thousands of
//! older results checked against the form and written into the earlier-results table). Run
//! with `cargo bench --bench intake`; tools/bench-intake.mjs generates the same inputs for the
//! browser.

use aclf_screen::clinical::date::Date;
use aclf_screen::clinical::form::FormInput;
use aclf_screen::intake::apply::{apply, default_checks};
use aclf_screen::intake::fhir::{read_fhir, FhirDocument};
use aclf_screen::intake::text::read_text;
use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};

fn report_200_lines() -> String {
    let rows = [
        "1\tTBIL\t总胆红素\t286.4\t↑\tμmol/L\t3.4-20.5",
        "2\tDBIL\t直接胆红素\t198.2\t↑\tμmol/L\t0-6.8",
        "3\tALB\t白蛋白\t28.5\t↓\tg/L\t40-55",
        "4\tCREA\t肌酐\t97\t\tμmol/L\t57-111",
        "5\tNa\t钠\t131\t↓\tmmol/L\t137-147",
        "6\tALT\t谷丙转氨酶\t85\t↑\tU/L\t9-50",
        "7\tPTA\t凝血酶原活动度\t32\t↓\t%\t70-120",
        "8\tINR\t国际标准化比值\t2.15\t↑\t\t0.8-1.2",
    ];
    let mut s = String::new();
    for day in 0..20 {
        s += "姓名: 张三\t性别: 男\t年龄: 47岁\t住院号: 123456\n";
        s += &format!("采样时间: 2026-11-{:02} 05:10\n", 30 - day);
        for r in rows {
            s += r;
            s.push('\n');
        }
    }
    assert_eq!(s.lines().count(), 200);
    s
}

fn bundle_5000() -> String {
    let codes = [
        ("14631-6", "umol/L"),
        ("6301-6", "{INR}"),
        ("2160-0", "mg/dL"),
        ("2951-2", "mmol/L"),
        ("1751-7", "g/L"),
    ];
    let mut entries = Vec::with_capacity(5000);
    for i in 0..5000 {
        let (code, unit) = codes[i % codes.len()];
        let day = 1 + (i / codes.len()) % 28;
        entries.push(format!(
            r#"{{"fullUrl":"urn:uuid:obs-{i}","resource":{{"resourceType":"Observation","id":"obs-{i}","meta":{{"lastUpdated":"2026-11-{day:02}T08:00:00+08:00"}},"status":"final","category":[{{"coding":[{{"system":"http://terminology.hl7.org/CodeSystem/observation-category","code":"laboratory"}}]}}],"code":{{"coding":[{{"system":"http://loinc.org","code":"{code}"}}],"text":"lab {code}"}},"subject":{{"reference":"Patient/p1"}},"effectiveDateTime":"2026-11-{day:02}T06:{:02}:00+08:00","issued":"2026-11-{day:02}T10:00:00+08:00","valueQuantity":{{"value":{}.{},"unit":"{unit}","system":"http://unitsofmeasure.org","code":"{unit}"}}}}}}"#,
            i % 60,
            10 + i % 90,
            i % 10
        ));
    }
    format!(
        r#"{{"resourceType":"Bundle","type":"searchset","total":5000,"entry":[{}]}}"#,
        entries.join(",")
    )
}

fn bench(c: &mut Criterion) {
    let today = Date::from_ymd(2026, 12, 1).expect("date");
    let report = report_200_lines();
    let mut g = c.benchmark_group("intake");
    g.throughput(Throughput::Bytes(report.len() as u64));
    g.bench_function("report_200_lines", |b| {
        b.iter(|| read_text(black_box(&report), today))
    });
    let bundle = bundle_5000();
    eprintln!("bundle: {} bytes", bundle.len());
    g.throughput(Throughput::Bytes(bundle.len() as u64));
    g.sample_size(20);
    g.bench_function("fhir_bundle_5000", |b| {
        b.iter(|| {
            let doc = FhirDocument::parse(black_box(&bundle)).expect("bundle");
            read_fhir(&doc, today)
        })
    });
    let doc = FhirDocument::parse(&bundle).expect("bundle");
    let reading = read_fhir(&doc, today);
    let checks = default_checks(&reading.candidates);
    eprintln!("bundle: {} older results", reading.series.len());
    g.bench_function("apply_bundle_5000", |b| {
        b.iter(|| apply(&FormInput::default(), black_box(&reading), &checks, today))
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
