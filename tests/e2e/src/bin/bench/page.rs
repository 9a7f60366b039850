//! One headless Chromium with its HTTP cache disabled, loading the bundle's pages from the
//! local stand-in with the benchmark's instruments (probe.js) in every page.

use std::time::{Duration, Instant};

use e2e::{page_contract, Browser, StandIn};
use fantoccini::Locator;
use serde_json::{json, Value};

const PROBE: &str = include_str!("probe.js");
/// A page of the stand-in's origin that is not the app: local storage can be set there
/// while no app runs (an app could save its draft over the planted one).
const QUIET_PAGE: &str = "/_stand-in/health";

/// When a page counts as rendered.
pub enum Ready {
    /// Every one of these selectors matches (the app: every section of the questionnaire).
    All(Vec<String>),
    /// Every element matching this (a widget's mount point), or its shadow root, shows content
    /// and is not `aria-busy`.
    Mounted(String),
}

pub struct Bench {
    pub browser: Browser,
    origin: String,
    probe: Option<String>,
}

/// Timings of one load, in ms from the start of the navigation.
pub struct Load {
    pub rendered: f64,
    pub interactive: f64,
    pub marks: Value,
}

impl Bench {
    pub async fn start(stand_in: &StandIn) -> Bench {
        let browser = Browser::start().await;
        browser.cdp("Network.enable", json!({})).await;
        browser.cdp("Network.setCacheDisabled", json!({ "cacheDisabled": true })).await;
        Bench { browser, origin: stand_in.origin.clone(), probe: None }
    }

    /// Puts the instruments into every page loaded from now on.
    pub async fn instrument(&mut self, ready: &Ready, draft_prefix: &str, preview: &str) {
        if let Some(identifier) = self.probe.take() {
            self.browser.cdp("Page.removeScriptToEvaluateOnNewDocument", json!({ "identifier": identifier })).await;
        }
        let ready = match ready {
            Ready::All(selectors) => json!({ "selectors": selectors }),
            Ready::Mounted(mount) => json!({ "mount": mount }),
        };
        let config = json!({ "ready": ready, "draftPrefix": draft_prefix, "preview": preview });
        let source = PROBE.replace("__BENCH_CONFIG__", &config.to_string());
        let added = self.browser.cdp("Page.addScriptToEvaluateOnNewDocument", json!({ "source": source })).await;
        self.probe = added["identifier"].as_str().map(str::to_owned);
    }

    /// Loads `page` (a path like `/index.html`) with local storage holding only `storage`
    /// (key, value pairs), and waits until it is rendered and ready for input.
    pub async fn load(&self, page: &str, storage: &[(String, String)]) -> Result<Load, String> {
        self.goto(QUIET_PAGE).await?;
        self.browser
            .client
            .execute(
                "localStorage.clear(); for (const [k, v] of arguments[0]) localStorage.setItem(k, v);",
                vec![json!(storage)],
            )
            .await
            .map_err(|e| format!("cannot prepare local storage: {e}"))?;
        self.browser.forget_durable_drafts().await;
        self.open(page).await
    }

    /// Leaves the page for one where no app runs: the app sees `pagehide`, as when a partner
    /// closes the tab.
    pub async fn leave(&self) -> Result<(), String> {
        self.goto(QUIET_PAGE).await
    }

    /// Opens `page` with local storage as it is, and waits as [`Bench::load`] does.
    pub async fn open(&self, page: &str) -> Result<Load, String> {
        self.goto(page).await?;
        let Ok(_) = self
            .wait_for(
                "__bench.marks.rendered !== undefined && __bench.marks.interactive !== undefined",
                Duration::from_secs(30),
            )
            .await
        else {
            let state = self.state().await;
            let root = self.eval("return [...document.documentElement.attributes].map((a) => a.name).join(' ');").await;
            return Err(format!(
                "{page} did not render within 30 s (page errors: {}, marks: {}, page root: {root})",
                state["errors"], state["marks"]
            ));
        };
        // A first visit's app starts when the partner first reaches for the page (a click on
        // its title here); a page with a draft to restore starts by itself.
        // The app hydrates the page rendered at build time: it is in charge once the root
        // element says so. Pages without it (the review page, the widget's) are theirs at once.
        let first_page = format!("document.querySelector('.{}')", page_contract::FIRST_PAGE_CLASS);
        if self.eval(&format!("return !!{first_page};")).await == Value::Bool(true) {
            self.browser.reach_for_the_page().await;
        }
        let in_charge = format!("!{first_page} || document.documentElement.hasAttribute('{}')", page_contract::STARTED);
        let Ok(marks) = self.wait_for(&in_charge, Duration::from_secs(30)).await else {
            let errors = self.state().await["errors"].clone();
            return Err(format!("the app did not take {page} over within 30 s (page errors: {errors})"));
        };
        let marks = marks["marks"].clone();
        let number = |name: &str| marks[name].as_f64().ok_or_else(|| format!("no {name} mark"));
        Ok(Load { rendered: number("rendered")?, interactive: number("interactive")?, marks })
    }

    async fn goto(&self, path: &str) -> Result<(), String> {
        let url = format!("{}{path}", self.origin);
        self.browser.client.goto(&url).await.map_err(|e| format!("cannot open {url}: {e}"))
    }

    /// Polls until `condition` (a JS expression over `__bench`) holds; returns `__bench`.
    pub async fn wait_for(&self, condition: &str, limit: Duration) -> Result<Value, ()> {
        let script = format!("return window.__bench && ({condition}) ? window.__bench : null;");
        let started = Instant::now();
        while started.elapsed() < limit {
            if let Ok(value) = self.browser.client.execute(&script, Vec::new()).await {
                if !value.is_null() {
                    return Ok(value);
                }
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        Err(())
    }

    /// `__bench` as it is now.
    pub async fn state(&self) -> Value {
        self.browser.execute("return window.__bench || null;", Vec::new()).await
    }

    /// Runs `script` in the page; its value.
    pub async fn eval(&self, script: &str) -> Value {
        self.browser.execute(script, Vec::new()).await
    }

    /// Types `text` into the element `css` one character at a time, `pace` apart (a quick
    /// typist; WebDriver puts the caret at the end), and waits until the page has handled
    /// an input event and painted a frame for each.
    pub async fn type_into(&self, css: &str, text: &str, pace: Duration) -> Result<Value, String> {
        let element = self.browser.client.find(Locator::Css(css)).await.map_err(|_| format!("no {css} in the page"))?;
        self.eval("__bench.keys = []; __bench.frames = []; __bench.preview = []; __bench.slowEvents = [];").await;
        for character in text.chars() {
            element.send_keys(&character.to_string()).await.map_err(|e| format!("cannot type into {css}: {e}"))?;
            tokio::time::sleep(pace).await;
        }
        let keys = text.chars().count();
        self.wait_for(
            &format!("__bench.keys.length >= {keys} && __bench.frames.length >= {keys}"),
            Duration::from_secs(30),
        )
        .await
        .map_err(|_| format!("the page handled fewer than {keys} input events from typing into {css}"))
    }

    pub async fn close(self) {
        self.browser.close().await;
    }
}
