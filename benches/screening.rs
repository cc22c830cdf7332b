//! Throughput of the clinical core: one whole two-phase screening (parse the form, validate,
//! MELD family, every criterion of both phases, verdicts), and the screening of typed facts.
//! Run with `cargo bench --bench screening`; `make bench` prints evaluations per second.

use aclf_screen::clinical::date::Date;
use aclf_screen::clinical::form::{evaluate, read_form, FormInput};
use aclf_screen::clinical::patient::{Answer, Etiology, Sex, Willingness};
use aclf_screen::clinical::protocol::PROTOCOL;
use aclf_screen::clinical::screening::screen;
use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};

fn form() -> FormInput {
    FormInput {
        age: "45".into(),
        sex: Some(Sex::Male),
        etiology: Some(Etiology::Hbv),
        chronic_liver_disease: Some(Answer::Yes),
        tbil: "150".into(),
        tbil_date: "2026-11-25".into(),
        tbil_earlier: "100".into(),
        tbil_earlier_date: "2026-11-23".into(),
        inr: "1.8".into(),
        pta: "35".into(),
        creatinine: "97".into(),
        sodium: "131".into(),
        albumin: "29".into(),
        encephalopathy: Some(false),
        hepatorenal_syndrome: Some(Answer::No),
        bleeding_signs: Some(Answer::No),
        consent: Some(Willingness::Yes),
        contraception: Some(Willingness::NotAsked),
        ..FormInput::default()
    }
}

fn bench(c: &mut Criterion) {
    let today = Date::from_ymd(2026, 11, 25).expect("valid date");
    let form = form();
    let (patient, _) = read_form(&form, today, &PROTOCOL);
    let mut group = c.benchmark_group("core");
    group.throughput(Throughput::Elements(1));
    group.bench_function("screen_two_phases", |b| {
        b.iter(|| screen(black_box(&patient), &PROTOCOL))
    });
    group.bench_function("evaluate_form_two_phases", |b| {
        b.iter(|| evaluate(black_box(&form), today, &PROTOCOL))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
