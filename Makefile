# The two commands of the README: `make run` and `make test`. Both install what is missing.
SHELL := /bin/bash
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
PORT ?= 8080

.PHONY: run test test-native test-wasm dist dist-embed e2e size bench setup-build setup-test clean

setup-build:
	@tools/setup.sh build

setup-test:
	@tools/setup.sh test

# Release build of the widget into dist/ (the static files to deploy).
dist: setup-build
	trunk build --release

# Builds and serves the widget on loopback, printing its URL.
run: dist
	node tests/e2e/serve.mjs dist $(PORT)

# Native: formatting, unit tests, property tests, doctests of the clinical core and the texts; clippy.
test-native:
	cargo fmt --check
	cargo test --all-targets
	cargo test --doc
	cargo clippy --all-targets -- -D warnings

# The browser shell: clippy on the wasm target (the native run cannot see src/ui/), then
# wasm-bindgen-test of the Leptos shell mounted in headless Chromium (webdriver.json has its flags).
test-wasm:
	cargo clippy --target wasm32-unknown-unknown --lib --bins --tests -- -D warnings
	CHROMEDRIVER=/usr/bin/chromedriver CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
	  cargo test --target wasm32-unknown-unknown --test web

# End-to-end tests in Debian's Chromium against the release build served on loopback.
# The host-push tests need a build whose protocol document lists a loopback origin: a debug build
# into its own folder (no second release build), made once when absent.
dist-embed:
	ACLF_PROTOCOL=tests/fixtures/protocol-embed.toml trunk build --dist dist-embed

e2e: $(if $(wildcard dist-embed/index.html),,dist-embed)
	npx playwright test

# The size budget (bytes are deterministic; times are only printed by `make bench`).
size: dist
	node tools/check_size.mjs dist

# Every test.
test: setup-test test-native test-wasm dist size e2e

# Sizes, first render and input latency against a bare Leptos page (cold loads interleaved),
# the core's throughput, each module's share of the wasm (twiggy on a build whose v0 symbol names
# carry type parameters, in its own target dir: tools/wasm-modules.mjs), and the lab
# reader's figures (its wasm bytes, criterion, Read -> table in the browser).
# The baseline shares the widget's target dir, so Leptos is compiled once.
bench: setup-test dist
	@command -v twiggy >/dev/null || cargo install twiggy --version 0.8.0 --locked
	cd benches/baseline && CARGO_TARGET_DIR=$(CURDIR)/target trunk build --release
	mkdir -p bench-results
	cargo bench --bench screening -- --noplot 2>&1 | tee bench-results/criterion.txt
	cargo bench --bench intake -- --noplot 2>&1 | tee bench-results/criterion-intake.txt
	RUSTFLAGS=-Csymbol-mangling-version=v0 CARGO_TARGET_DIR=$${CARGO_TARGET_DIR:-target}/v0-names \
	  cargo build --release --target wasm32-unknown-unknown
	BENCH_WASM=$${CARGO_TARGET_DIR:-target}/v0-names/wasm32-unknown-unknown/release/aclf-screen.wasm \
	  node tools/bench.mjs dist benches/baseline/dist bench-results/criterion.txt bench-results/criterion-intake.txt

clean:
	cargo clean
	rm -rf dist dist-embed tests/e2e/artifacts
