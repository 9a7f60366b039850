//! PNGs of what the tests saw, for people to look at: `test-output/screenshots/` (git-ignored).

use std::path::PathBuf;

use crate::{workspace_root, Browser};

impl Browser {
    /// Saves the whole page (the window is stretched to the page's height for the shot) as
    /// `test-output/screenshots/{name}.png` and returns the path.
    pub async fn screenshot(&self, name: &str) -> PathBuf {
        let (width, height) = self.client.get_window_size().await.expect("window size");
        let page_height = self
            .client
            .execute("return Math.ceil(document.documentElement.scrollHeight)", vec![])
            .await
            .ok()
            .and_then(|value| value.as_u64())
            .unwrap_or(height);
        // A viewport-only shot would cut the tab off; the window is restored afterwards.
        self.client.set_window_size(width as u32, page_height.clamp(height, 12_000) as u32 + 120).await.ok();
        let png = self.client.screenshot().await.expect("a screenshot");
        self.client.set_window_size(width as u32, height as u32).await.ok();
        let dir = workspace_root().join("test-output/screenshots");
        std::fs::create_dir_all(&dir).expect("screenshot folder");
        let path = dir.join(format!("{name}.png"));
        std::fs::write(&path, png).expect("screenshot written");
        path
    }
}
