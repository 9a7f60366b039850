//! The review link in the browser: compressed and decompressed by the browser's own streams
//! (src/zlib.rs), read as `questionnaire::review_link` says. Run with
//! `cargo test -p privacy-tab --target wasm32-unknown-unknown --test review_link`.

#![cfg(target_arch = "wasm32")]

use privacy_tab::preview::{read_fragment, write_fragment};
use privacy_tab::zlib::{self, SLICE_BYTES};
use questionnaire::review_link::{compressed_of, fragment, LinkError, MAX_FRAGMENT_CHARS, MAX_PAYLOAD_BYTES};
use questionnaire::sample::complete;
use questionnaire::visibility::effective;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn a_link_the_app_writes_reads_back_whole_through_many_slices() {
    let answers = complete(50);
    let link = write_fragment(&answers).await.expect("Chromium compresses");
    let compressed = compressed_of(&link).unwrap();
    assert!(compressed.len() > SLICE_BYTES, "{} bytes: more than one slice", compressed.len());
    assert_eq!(read_fragment(&link).await, Ok(effective(&answers)));
    assert_eq!(read_fragment(&link[..link.len() - 5]).await, Err(LinkError::Damaged), "cut short");
}

/// A link short enough to be read (under the length cap) whose data inflates to 32 MB, eight
/// times what any link may hold.
#[wasm_bindgen_test]
async fn an_inflation_bomb_is_refused_as_damaged_after_inflating_little_of_it() {
    let bomb = zlib::deflate(&vec![b' '; 32 << 20]).await.expect("Chromium compresses");
    let link = fragment(&bomb);
    assert!(link.len() <= MAX_FRAGMENT_CHARS, "{} characters: not refused for its length", link.len());

    let (inflated, fed) = zlib::inflate_counted(&bomb, MAX_PAYLOAD_BYTES).await;
    console_log!("a {}-byte bomb of 32 MB: {fed} bytes handed to the decompressor before it was refused", bomb.len());
    assert_eq!(inflated, None, "refused");
    // 4 MB of spaces come from about 4 KB of it. Handed the whole link at once, the browser
    // inflated all 32 MB before the limit could be checked (380 MB for a longer link).
    assert!(
        fed <= 16 * 1024 && fed < bomb.len() / 2,
        "{fed} of the bomb's {} bytes were handed to the decompressor",
        bomb.len()
    );

    let refused = read_fragment(&link).await;
    assert_eq!(refused, Err(LinkError::Damaged));
    assert!(LinkError::Damaged.to_string().starts_with("This review link is damaged"));
}
