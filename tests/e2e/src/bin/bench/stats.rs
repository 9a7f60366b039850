//! Summaries of timing samples (milliseconds).

use serde_json::{json, Value};

#[derive(Clone, Debug)]
pub struct Summary {
    pub count: usize,
    pub median: f64,
    pub p95: f64,
    pub min: f64,
    pub max: f64,
}

impl Summary {
    /// `None` for no samples.
    pub fn of(samples: &[f64]) -> Option<Summary> {
        let mut sorted: Vec<f64> = samples.iter().copied().filter(|s| s.is_finite()).collect();
        if sorted.is_empty() {
            return None;
        }
        sorted.sort_by(f64::total_cmp);
        let n = sorted.len();
        let median = if n % 2 == 1 { sorted[n / 2] } else { (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0 };
        // Nearest rank: the smallest sample at or above 95 % of them.
        let p95 = sorted[((0.95 * n as f64).ceil() as usize).clamp(1, n) - 1];
        Some(Summary { count: n, median, p95, min: sorted[0], max: sorted[n - 1] })
    }

    pub fn to_json(&self, samples: &[f64]) -> Value {
        json!({
            "count": self.count,
            "median": round(self.median),
            "p95": round(self.p95),
            "min": round(self.min),
            "max": round(self.max),
            "samples": samples.iter().map(|s| round(*s)).collect::<Vec<_>>(),
        })
    }
}

/// Two decimals are more than the browser's timer resolution (0.1 ms, or 5 µs isolated).
pub fn round(value: f64) -> f64 {
    (value * 100.0).round() / 100.0
}

/// `12.3 ms`, or `0.42 ms` below one millisecond.
pub fn ms(value: f64) -> String {
    if value < 1.0 {
        format!("{value:.2} ms")
    } else if value < 100.0 {
        format!("{value:.1} ms")
    } else {
        format!("{value:.0} ms")
    }
}

#[cfg(test)]
mod tests {
    use super::Summary;

    #[test]
    fn median_and_nearest_rank_percentile() {
        let s = Summary::of(&[5.0, 1.0, 3.0, 2.0, 4.0]).unwrap();
        assert_eq!((s.median, s.p95, s.min, s.max), (3.0, 5.0, 1.0, 5.0));
        let twenty: Vec<f64> = (1..=20).map(f64::from).collect();
        let s = Summary::of(&twenty).unwrap();
        assert_eq!((s.median, s.p95), (10.5, 19.0));
        assert!(Summary::of(&[]).is_none());
    }
}
