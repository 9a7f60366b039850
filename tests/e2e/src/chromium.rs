//! What the tests ask of Chromium beyond plain WebDriver: its console log, network
//! conditions, print media, the page's storage, and DevTools commands.

use fantoccini::wd::WebDriverCompatibleCommand;
use serde_json::{json, Value};

use crate::wait::{poll, PATIENCE};
use crate::Browser;

/// [`Browser::hold_the_wasm`]'s script: `fetch` wrapped, once per page.
const HOLD_THE_WASM: &str = r#"(() => {
    if (window.__arrive) return;
    const holdTheApi = __AND_THE_API__;
    const realFetch = window.fetch.bind(window);
    let arrive;
    const arrived = new Promise((resolve) => { arrive = resolve; });
    window.__arrive = () => arrive();
    window.fetch = (input, init) => {
        const url = String(input && input.url || input);
        if (url.endsWith('.wasm')) return arrived.then(() => realFetch(input, init));
        if (holdTheApi && url.includes('/rest/')) return new Promise(() => {});
        return realFetch(input, init);
    };
})();"#;

/// A chromedriver command that is not in the W3C protocol: `POST /session/{id}/{path}`.
#[derive(Debug)]
struct ChromiumCommand {
    path: &'static str,
    body: Value,
}

impl WebDriverCompatibleCommand for ChromiumCommand {
    fn endpoint(&self, base_url: &url::Url, session_id: Option<&str>) -> Result<url::Url, url::ParseError> {
        base_url.join(&format!("session/{}/{}", session_id.unwrap_or_default(), self.path))
    }

    fn method_and_body(&self, _: &url::Url) -> (http::Method, Option<String>) {
        (http::Method::POST, Some(self.body.to_string()))
    }
}

/// Installed before any script of a page: collects what the browser reports about CSP
/// violations and failed start-ups (see [`Browser::watch_page_errors`]).
const WATCH: &str = r#"
window.__violations = [];
window.__loadErrors = [];
addEventListener('securitypolicyviolation', (e) => __violations.push(`${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`));
addEventListener('unhandledrejection', (e) => __loadErrors.push(String(e.reason)));
addEventListener('error', (e) => __loadErrors.push(String(e.message || e.target?.src || e.type)), true);
"#;

impl Browser {
    /// From now on every page this tab opens notes its CSP violations and start-up errors,
    /// before its own scripts run.
    pub async fn watch_page_errors(&self) {
        self.run_before_page_scripts(WATCH).await;
    }

    /// What the current page reported since it opened: CSP violations, then load errors.
    pub async fn page_errors(&self) -> (Vec<String>, Vec<String>) {
        let read = |name: &str| format!("return window.{name} || [];");
        let violations =
            serde_json::from_value(self.execute(&read("__violations"), Vec::new()).await).unwrap_or_default();
        let errors = serde_json::from_value(self.execute(&read("__loadErrors"), Vec::new()).await).unwrap_or_default();
        (violations, errors)
    }

    pub async fn execute(&self, script: &str, args: Vec<Value>) -> Value {
        self.client.execute(script, args).await.unwrap_or_else(|e| panic!("script failed: {e}\n{script}"))
    }

    /// Every console message since the last call (chromedriver hands each one out once).
    pub async fn console_messages(&self) -> Vec<String> {
        let log = self
            .client
            .issue_cmd(ChromiumCommand { path: "se/log", body: json!({ "type": "browser" }) })
            .await
            .expect("chromedriver gives the browser log");
        log.as_array()
            .map(|entries| entries.iter().filter_map(|e| e["message"].as_str().map(str::to_owned)).collect())
            .unwrap_or_default()
    }

    /// Lays the page out as it would print (`true`), or as on screen again.
    pub async fn emulate_print(&self, print: bool) {
        let media =
            json!({ "cmd": "Emulation.setEmulatedMedia", "params": { "media": if print { "print" } else { "" } } });
        self.client
            .issue_cmd(ChromiumCommand { path: "goog/cdp/execute", body: media })
            .await
            .expect("chromedriver emulates print media");
    }

    /// Cuts the page off the network (navigator.onLine turns false and `offline` fires), or
    /// puts it back.
    pub async fn set_offline(&self, offline: bool) {
        let conditions = json!({ "network_conditions": {
            "offline": offline, "latency": 0, "download_throughput": -1, "upload_throughput": -1
        }});
        self.client
            .issue_cmd(ChromiumCommand { path: "chromium/network_conditions", body: conditions })
            .await
            .expect("chromedriver sets network conditions");
    }

    /// `{"local": {key: value}, "session": {…}, "cookies": "…", "indexedDB": {db: {store: [values]}}}`
    /// of the current page: everything the origin keeps.
    pub async fn storage_dump(&self) -> Value {
        let script = r#"
            const [done] = arguments;
            const dump = (s) => Object.fromEntries(Object.keys(s).map((k) => [k, s.getItem(k)]));
            const request = (r) => new Promise((ok, no) => { r.onsuccess = () => ok(r.result); r.onerror = () => no(r.error); });
            (async () => {
                const databases = {};
                for (const { name } of await indexedDB.databases()) {
                    const db = await request(indexedDB.open(name));
                    databases[name] = {};
                    for (const store of db.objectStoreNames) {
                        databases[name][store] = await request(db.transaction(store).objectStore(store).getAll());
                    }
                    db.close();
                }
                done({ local: dump(localStorage), session: dump(sessionStorage), cookies: document.cookie, indexedDB: databases });
            })().catch((e) => done({ error: String(e) }));
        "#;
        self.client.execute_async(script, vec![]).await.unwrap_or_else(|e| panic!("storage dump failed: {e}"))
    }

    pub async fn local_item(&self, key: &str) -> Option<String> {
        self.execute("return localStorage.getItem(arguments[0]);", vec![json!(key)]).await.as_str().map(str::to_owned)
    }

    /// Writes the items into the local storage of `url`'s origin, then opens `url` so the app
    /// starts from them. The items are written from a page of the same origin that is not the
    /// app: a running app would save its own state over them as it is left. The drafts'
    /// crash-safe copies go, so that what is planted is what the app finds.
    pub async fn open_with_storage(&self, url: &str, items: &[(&str, String)]) {
        let parsed = url::Url::parse(url).expect("an absolute URL");
        let elsewhere = parsed.join("/_stand-in/health").unwrap();
        self.client.goto(elsewhere.as_str()).await.unwrap();
        self.forget_durable_drafts().await;
        for (key, value) in items {
            self.execute("localStorage.setItem(arguments[0], arguments[1]);", vec![json!(key), json!(value)]).await;
        }
        self.open_app(url).await;
    }

    /// Deletes the IndexedDB database of the drafts' crash-safe copies, for the current origin.
    pub async fn forget_durable_drafts(&self) {
        let script = "const [name, done] = arguments; const r = indexedDB.deleteDatabase(name); \
                      r.onsuccess = r.onerror = r.onblocked = () => done(true);";
        self.client.execute_async(script, vec![json!(questionnaire::draft::DURABLE_DATABASE)]).await.unwrap();
    }

    /// Sends a Chrome DevTools Protocol command to the tab (chromedriver's `goog/cdp/execute`).
    pub async fn cdp(&self, command: &str, params: Value) -> Value {
        self.client
            .issue_cmd(ChromiumCommand { path: "goog/cdp/execute", body: json!({ "cmd": command, "params": params }) })
            .await
            .unwrap_or_else(|e| panic!("DevTools {command} failed: {e}"))
    }

    /// Holds back the app's wasm in every page this tab opens from now on, until the test
    /// calls `__arrive()` in the page: as on a phone, where it comes seconds after the page.
    /// With `and_the_api`, the Marketplace's answers (`/rest/`) never come at all.
    pub async fn hold_the_wasm(&self, and_the_api: bool) {
        self.run_before_page_scripts(&HOLD_THE_WASM.replace("__AND_THE_API__", &and_the_api.to_string())).await;
    }

    /// Runs `script` in every page this tab opens from now on, before the page's own
    /// scripts (and whatever the page's Content-Security-Policy says).
    pub async fn run_before_page_scripts(&self, script: &str) {
        self.cdp("Page.addScriptToEvaluateOnNewDocument", json!({ "source": script })).await;
    }

    /// Clicks a button once it is enabled (a busy button ignores clicks, as it should).
    pub async fn click_when_enabled(&self, css: &str) {
        let enabled = poll(PATIENCE, async || {
            let element = self.find(css).await;
            element.is_enabled().await.unwrap_or(false).then_some(element)
        })
        .await;
        enabled.unwrap_or_else(|| panic!("{css:?} never became enabled")).click().await.unwrap();
    }
}
