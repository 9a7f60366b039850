//! Buttons pressed before the app was in charge. The first page has no handlers until the app
//! hydrates it, so the loader counts each press on a button ([`PRESSED`]); once the app is in
//! charge, the component that owns the button applies them to its own state.

use leptos::html::Button;
use leptos::prelude::*;

use crate::page_contract::PRESSED;

/// Runs `press` once for every press the loader counted on `button` before the app started
/// (after hydration, before the next event: effects are microtasks), and forgets them.
pub fn apply_early_presses(button: NodeRef<Button>, press: impl Fn() + 'static) {
    if !crate::platform::IN_BROWSER {
        return;
    }
    crate::erased::effect(move || {
        let Some(button) = button.get_untracked() else { return };
        let Some(count) = button.get_attribute(PRESSED) else { return };
        let _ = button.remove_attribute(PRESSED);
        for _ in 0..count.parse::<u32>().unwrap_or(1) {
            press();
        }
    });
}
