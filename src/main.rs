//! Entry point: mounts the widget in the browser. Nothing else lives here.
#![forbid(unsafe_code)]

#[cfg(target_arch = "wasm32")]
fn main() {
    aclf_screen::ui::mount();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("aclf-screen runs in the browser: build it with `make run` (Trunk).");
}
