use std::io::{BufRead, BufReader};
use std::os::unix::process::CommandExt;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use fantoccini::elements::Element;
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::json;

use crate::wait::{poll, wait_for_eq, PATIENCE};

/// Headless Chromium behind its own chromedriver, with a fresh profile (so local storage
/// starts empty). Both go when the test ends, passed or failed (see `Drop`).
pub struct Browser {
    pub client: Client,
    driver: Child,
    profile: std::path::PathBuf,
    /// Left in place when the browser goes, for a restart on it (see [`Browser::crash`]).
    keep_profile: bool,
}

impl Browser {
    pub async fn start() -> Browser {
        Browser::launch(None).await
    }

    /// A browser on this profile folder, which outlives it: for a restart after a crash.
    pub async fn start_on_profile(profile: &std::path::Path) -> Browser {
        Browser::launch(Some(profile.to_path_buf())).await
    }

    /// Kills Chromium, every helper process and its driver at once, as a crash or a power cut
    /// would; the profile stays for [`Browser::start_on_profile`].
    pub fn crash(mut self) {
        self.keep_profile = true;
    }

    async fn launch(kept_profile: Option<std::path::PathBuf>) -> Browser {
        // Port 0: chromedriver picks a free port and says which, so no two tests can race
        // for one. Its own process group: Chromium and its helpers go with it (see Drop).
        let mut driver = Command::new(std::env::var("CHROMEDRIVER").unwrap_or_else(|_| "/usr/bin/chromedriver".into()))
            .arg("--port=0")
            .process_group(0)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("chromedriver runs (scripts/setup installs it)");
        let port = driver_port(&mut driver);
        let keep_profile = kept_profile.is_some();
        let profile = kept_profile
            .unwrap_or_else(|| std::env::temp_dir().join(format!("privacy-tab-e2e-{port}-{}", std::process::id())));
        let capabilities = json!({
            // Lets tests read the console (see Browser::console_messages).
            "goog:loggingPrefs": { "browser": "ALL" },
            "goog:chromeOptions": {
                "binary": std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into()),
                "args": [
                    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--no-first-run", "--window-size=1280,900",
                    format!("--user-data-dir={}", profile.display()),
                ]
            }
        });
        let url = format!("http://127.0.0.1:{port}");
        let mut last_error = None;
        for _ in 0..100 {
            match ClientBuilder::native().capabilities(capabilities.as_object().unwrap().clone()).connect(&url).await {
                Ok(client) => return Browser { client, driver, profile, keep_profile },
                Err(error) => last_error = Some(error),
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        kill_group(&mut driver);
        panic!("chromedriver did not start a session: {last_error:?}");
    }

    pub async fn find(&self, css: &str) -> Element {
        self.client
            .wait()
            .at_most(Duration::from_secs(10))
            .for_element(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("no element {css:?} appeared: {e}"))
    }

    /// Opens the app at `url` and waits until it has taken over the page rendered at build time
    /// (`data-started`): before that, the page's controls are the prerendered ones, which the
    /// app adopts (hydration) but which answer nothing yet.
    pub async fn open_app(&self, url: &str) {
        self.client.goto(url).await.unwrap();
        self.reach_for_the_page().await;
        self.wait_until_started().await;
    }

    /// A first visit's app starts when the partner first reaches for the page: a click on its
    /// title, as harmless as any. A page that starts by itself is left alone (a draft to
    /// restore, another page's address, a query or a fragment: the loader's own test): a click
    /// there could land after the app has put focus back where the partner was, and take it.
    pub async fn reach_for_the_page(&self) {
        use crate::page_contract::{ELSEWHERE, RESTORING, STARTED};
        let starts_by_itself = format!(
            "const root = document.documentElement;
            return root.hasAttribute('{STARTED}') || root.hasAttribute('{RESTORING}')
                || root.hasAttribute('{ELSEWHERE}') || !!location.search || !!location.hash;"
        );
        if self.client.execute(&starts_by_itself, Vec::new()).await.ok() == Some(serde_json::Value::Bool(true)) {
            return;
        }
        if let Ok(title) = self.client.find(Locator::Css(".page-header h1")).await {
            let _ = title.click().await;
        }
    }

    /// Reloads the app's page, and waits until the app has taken it over again.
    pub async fn reload_app(&self) {
        self.client.refresh().await.unwrap();
        self.reach_for_the_page().await;
        self.wait_until_started().await;
    }

    /// Waits for the app to take over the page now open.
    pub async fn wait_until_started(&self) {
        self.client
            .wait()
            .at_most(Duration::from_secs(20))
            .for_element(Locator::Css(&format!("html[{}]", crate::page_contract::STARTED)))
            .await
            .unwrap_or_else(|e| panic!("the app did not start: {e}"));
    }

    /// Whether `css` matches anything right now.
    pub async fn exists(&self, css: &str) -> bool {
        !self.client.find_all(Locator::Css(css)).await.unwrap().is_empty()
    }

    /// Waits until the element's text contains `expected`, and returns the text.
    pub async fn wait_for_text(&self, css: &str, expected: &str) -> String {
        self.wait_until_text(css, &format!("contain {expected:?}"), |text| text.contains(expected)).await
    }

    /// Waits until the element's text passes `test` (described by `what`), and returns it.
    pub async fn wait_until_text(&self, css: &str, what: &str, test: impl Fn(&str) -> bool) -> String {
        self.wait_until_text_within(PATIENCE, css, what, test).await
    }

    /// [`Browser::wait_until_text`] for something that takes longer than most (the app's own
    /// timers, say).
    pub async fn wait_until_text_within(
        &self,
        within: Duration,
        css: &str,
        what: &str,
        test: impl Fn(&str) -> bool,
    ) -> String {
        let mut text = String::new();
        let found = poll(within, async || {
            text = self.client.find(Locator::Css(css)).await.ok()?.text().await.unwrap_or_default();
            test(&text).then(|| text.clone())
        })
        .await;
        found.unwrap_or_else(|| panic!("{css:?} did not {what} within {within:?}; last text: {text:?}"))
    }

    /// The id of the element that has the focus ("" for one without an id).
    pub async fn focused_id(&self) -> String {
        self.client.active_element().await.unwrap().attr("id").await.unwrap().unwrap_or_default()
    }

    /// Waits until the element with this id has the focus (focus often moves in the next frame).
    pub async fn wait_for_focus(&self, id: &str) {
        wait_for_eq("the focused element's id", id.to_owned(), async || self.focused_id().await).await;
    }

    /// Moves the mouse over `element`, pressing nothing.
    pub async fn hover(&self, element: &Element) {
        use fantoccini::actions::{InputSource, MouseActions, PointerAction};
        let over = PointerAction::MoveToElement { element: element.clone(), duration: None, x: 0.0, y: 0.0 };
        self.client.perform_actions(MouseActions::new("mouse".into()).then(over)).await.unwrap();
    }

    /// Ends the WebDriver session politely; `Drop` does the rest.
    /// Picks `text` as the file `name` in the draft panel's import input, as a partner choosing
    /// it would.
    pub async fn pick_import_file(&self, name: &str, text: &str) {
        let script = r#"
            const [name, text] = arguments;
            const input = document.getElementById('import-file');
            const files = new DataTransfer();
            files.items.add(new File([text], name, { type: 'application/json' }));
            input.files = files.files;
            input.dispatchEvent(new Event('change', { bubbles: true }));
        "#;
        self.client.execute(script, vec![json!(name), json!(text)]).await.unwrap();
    }

    pub async fn close(self) {
        let _ = self.client.clone().close().await;
    }

    /// Closes the browser as a person does (it writes what it keeps to disk), leaving its
    /// profile for [`Browser::start_on_profile`].
    pub async fn close_keeping_profile(mut self) {
        self.keep_profile = true;
        let _ = self.client.clone().close().await;
    }
}

/// Reads chromedriver's "started successfully on port N." line.
fn driver_port(driver: &mut Child) -> u16 {
    let mut lines = BufReader::new(driver.stdout.take().expect("piped")).lines();
    let port = lines
        .by_ref()
        .map_while(Result::ok)
        .find_map(|line| {
            line.split("successfully on port ").nth(1).and_then(|rest| rest.trim_end_matches('.').parse().ok())
        })
        .expect("chromedriver says which port it listens on");
    // Keep reading (and dropping) what it prints, so it never blocks on a full pipe.
    std::thread::spawn(move || lines.for_each(drop));
    port
}

impl Drop for Browser {
    /// Runs when a test fails too: Chromium, its helpers and the profile never outlive it.
    fn drop(&mut self) {
        kill_group(&mut self.driver);
        if !self.keep_profile {
            let _ = std::fs::remove_dir_all(&self.profile);
        }
    }
}

fn kill_group(driver: &mut Child) {
    let _ = Command::new("kill").args(["-KILL", "--", &format!("-{}", driver.id())]).status();
    let _ = driver.wait();
}
