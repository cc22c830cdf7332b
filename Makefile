# The two commands of the README: `make run` and `make test`. Both install what is missing.
SHELL := /bin/bash
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
PORT ?= 8080

.PHONY: run test test-native test-wasm dist e2e setup-build setup-test clean

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

# Native: unit tests, property tests, doctests of the clinical core and the texts; clippy.
test-native:
	cargo test --all-targets
	cargo test --doc
	cargo clippy --all-targets -- -D warnings

# wasm-bindgen-test: the Leptos shell mounted in headless Chromium (webdriver.json has its flags).
test-wasm:
	CHROMEDRIVER=/usr/bin/chromedriver CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
	  cargo test --target wasm32-unknown-unknown --test web

# End-to-end tests in Debian's Chromium against the release build served on loopback.
e2e:
	npx playwright test

# Every test.
test: setup-test test-native test-wasm dist e2e

clean:
	cargo clean
	rm -rf dist tests/e2e/artifacts
