//! Lighthouse's mobile throttling as DevTools applies it (Chromium's network conditions and CPU
//! throttling): the benchmark's phone profile (`scripts/bench --only phone`) and the tests of
//! what a partner on a phone sees.

use serde_json::json;

use crate::Browser;

/// Lighthouse's "slow 4G" as DevTools throttles it: 150 ms × 3.75 round trip, 1.6 Mbit/s × 0.9
/// down, 750 kbit/s × 0.9 up, and a CPU 4 times slower.
pub const LATENCY_MS: f64 = 562.5;
pub const DOWN_BYTES_PER_S: f64 = 1_474.56 * 1024.0 / 8.0;
pub const UP_BYTES_PER_S: f64 = 675.0 * 1024.0 / 8.0;
pub const CPU_SLOWDOWN: f64 = 4.0;

impl Browser {
    /// Lighthouse's mobile throttling on, or off again.
    pub async fn throttle_like_a_phone(&self, on: bool) {
        let network = if on {
            json!({ "offline": false, "latency": LATENCY_MS, "downloadThroughput": DOWN_BYTES_PER_S, "uploadThroughput": UP_BYTES_PER_S })
        } else {
            json!({ "offline": false, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1 })
        };
        self.cdp("Network.enable", json!({})).await;
        self.cdp("Network.emulateNetworkConditions", network).await;
        self.cdp("Emulation.setCPUThrottlingRate", json!({ "rate": if on { CPU_SLOWDOWN } else { 1.0 } })).await;
    }
}
