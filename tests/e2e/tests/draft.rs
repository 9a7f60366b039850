//! The draft in local storage, as a partner relies on it: reloads, two windows, damaged
//! stored data, a full or refused storage, export and import, discard with undo, and the
//! API token kept out of every storage, file and URL.

use e2e::stand_in::{EMAIL, TOKEN};
use e2e::{poll, wait_for_eq, Browser, StandIn, PATIENCE};
use fantoccini::key::Key;
use questionnaire::catalogue::{ids, QuestionId};
use questionnaire::draft::{backup_key_prefix, legacy_storage_key, storage_key};
use serde_json::{json, Value};

use e2e::DEMO_APP_KEY as APP_KEY;
fn draft_key() -> String {
    storage_key(APP_KEY)
}

fn control(id: QuestionId) -> String {
    format!("#q-{id}")
}

fn choice(id: QuestionId, choice: &str) -> String {
    format!("#q-{id}-{choice}")
}

async fn open(stand_in: &StandIn) -> Browser {
    let browser = Browser::start().await;
    browser.open_app(&stand_in.app_url()).await;
    browser.find(&choice(ids::STORES_EUD, "yes")).await;
    browser
}

/// Every local storage entry, key → text.
async fn local_storage(browser: &Browser) -> serde_json::Map<String, Value> {
    let all = browser
        .client
        .execute("return Object.fromEntries(Object.keys(localStorage).map(k => [k, localStorage.getItem(k)]));", vec![])
        .await
        .unwrap();
    all.as_object().unwrap().clone()
}

async fn stored_draft(browser: &Browser) -> Value {
    serde_json::from_str(&browser.local_item(&draft_key()).await.expect("a draft is stored")).unwrap()
}

/// Waits until the stored draft passes `test`, and returns it.
async fn wait_for_stored(browser: &Browser, what: &str, test: impl Fn(&Value) -> bool) -> Value {
    let mut last = Value::Null;
    let found = poll(PATIENCE, async || {
        let text = browser.local_item(&draft_key()).await?;
        last = serde_json::from_str(&text).unwrap_or(Value::Null);
        test(&last).then(|| last.clone())
    })
    .await;
    found.unwrap_or_else(|| panic!("the stored draft never {what}; last: {last}"))
}

async fn plant(browser: &Browser, key: &str, text: &str) {
    browser
        .client
        .execute("localStorage.setItem(arguments[0], arguments[1]);", vec![json!(key), json!(text)])
        .await
        .unwrap();
}

/// Stores End-User Data of one type and shares it with one third party, named in the first row.
async fn share_data_with(browser: &Browser, data_type: &str, third_party: &str) {
    browser.find(&choice(ids::STORES_EUD, "yes")).await.click().await.unwrap();
    let types = browser.find(&control(ids::STORED_DATA_TYPES)).await;
    types.send_keys(&format!("{data_type}{}", char::from(Key::Enter))).await.unwrap();
    browser.find(&choice(ids::SHARES_EUD, "yes")).await.click().await.unwrap();
    browser.find(".add-third-party").await.click().await.unwrap();
    let name = format!("#q-{}-0-name", ids::THIRD_PARTIES);
    browser.find(&name).await.send_keys(third_party).await.unwrap();
}

async fn type_into(browser: &Browser, css: &str, text: &str) {
    let input = browser.find(css).await;
    input.clear().await.unwrap();
    input.send_keys(text).await.unwrap();
}

async fn value_of(browser: &Browser, css: &str) -> String {
    browser.find(css).await.prop("value").await.unwrap().unwrap_or_default()
}

/// Waits until the input shows `expected` (another window's save takes a moment to arrive).
async fn wait_for_value(browser: &Browser, css: &str, expected: &str) {
    wait_for_eq(&format!("the value of {css}"), expected.to_owned(), async || value_of(browser, css).await).await;
}

async fn is_checked(browser: &Browser, css: &str) -> bool {
    browser.find(css).await.prop("checked").await.unwrap().as_deref() == Some("true")
}

#[tokio::test]
async fn a_reload_restores_answers_hidden_answers_third_parties_and_the_question_the_partner_was_at() {
    let stand_in = StandIn::start();
    let browser = open(&stand_in).await;
    share_data_with(&browser, "Email address", "Amazon Web Services").await;
    let countries = format!("#q-{}-0-countries", ids::THIRD_PARTIES);
    browser.find(&countries).await.send_keys(&format!("Germany{}", char::from(Key::Enter))).await.unwrap();
    browser.wait_for_text(".third-party-row[data-row='0'] .chips", "Germany").await;
    // "Processes End-User Data: No" hides nothing that was typed; "Stores: No" hides the types.
    browser.find(&choice(ids::PROCESSES_EUD, "yes")).await.click().await.unwrap();
    browser.find(&choice(ids::STORES_EUD, "no")).await.click().await.unwrap();
    browser.wait_for_text(".hidden-answers", "1 answer belongs").await;
    type_into(&browser, &control(ids::SECURITY_POLICY), "https://example.com/security").await;
    type_into(&browser, &control(ids::SECURITY_CONTACT), "security@example.com").await;

    let saved = wait_for_stored(&browser, "held the security contact", |draft| {
        draft["answers"][ids::SECURITY_CONTACT.as_str()]["value"] == "security@example.com"
    })
    .await;
    assert_eq!(saved["position"], ids::SECURITY_CONTACT.as_str(), "the question being answered is the position");
    browser.wait_for_text(".autosave-status", "Saved locally at").await;

    browser.reload_app().await;
    browser.wait_for_text(".autosave-status", "Restored your draft saved at").await;
    assert_eq!(stored_draft(&browser).await["answers"], saved["answers"], "loading writes nothing different");
    assert!(is_checked(&browser, &choice(ids::STORES_EUD, "no")).await);
    assert_eq!(value_of(&browser, &control(ids::SECURITY_CONTACT)).await, "security@example.com");
    assert_eq!(value_of(&browser, &control(ids::SECURITY_POLICY)).await, "https://example.com/security");
    assert_eq!(value_of(&browser, &format!("#q-{}-0-name", ids::THIRD_PARTIES)).await, "Amazon Web Services");
    browser.wait_for_text(".third-party-row[data-row='0'] .chips", "Germany").await;
    browser.wait_for_text(".hidden-answers", "1 answer belongs").await;
    let focused = browser.client.active_element().await.unwrap().attr("id").await.unwrap();
    assert_eq!(
        focused.as_deref(),
        Some(control(ids::SECURITY_CONTACT).trim_start_matches('#')),
        "back where the partner was"
    );

    // The hidden answer came back with the draft.
    browser.find(&choice(ids::STORES_EUD, "yes")).await.click().await.unwrap();
    browser.wait_for_text(&format!("[data-question={}] .chips", ids::STORED_DATA_TYPES), "Email address").await;
    browser.close().await;
}

#[tokio::test]
async fn a_change_not_yet_saved_is_written_when_the_page_is_left() {
    let stand_in = StandIn::start();
    let browser = open(&stand_in).await;
    // One script, so the save delay cannot have passed: the change is typed, the page hidden.
    let script = r#"
        const [key, id] = arguments;
        const input = document.getElementById(id);
        input.value = 'flushed@example.com';
        input.dispatchEvent(new Event('input', { bubbles: true }));
        const before = localStorage.getItem(key);
        window.dispatchEvent(new Event('pagehide'));
        return [before, localStorage.getItem(key)];
    "#;
    let contact = control(ids::SECURITY_CONTACT);
    let got =
        browser.client.execute(script, vec![json!(draft_key()), json!(contact.trim_start_matches('#'))]).await.unwrap();
    assert!(!got[0].as_str().unwrap_or_default().contains("flushed@example.com"), "not saved while typing: {got}");
    assert!(got[1].as_str().unwrap_or_default().contains("flushed@example.com"), "saved on leaving: {got}");
    browser.close().await;
}

#[tokio::test]
async fn two_windows_on_one_draft_stay_in_sync_and_the_same_answer_changed_in_both_asks_which_to_keep() {
    let stand_in = StandIn::start();
    let browser = open(&stand_in).await;
    let client = &browser.client;
    let first = client.window().await.unwrap();
    type_into(&browser, &control(ids::SECURITY_CONTACT), "first@example.com").await;
    wait_for_stored(&browser, "held the first address", |d| {
        d["answers"][ids::SECURITY_CONTACT.as_str()]["value"] == "first@example.com"
    })
    .await;

    let second = client.new_window(false).await.unwrap().handle;
    client.switch_to_window(second.clone()).await.unwrap();
    browser.open_app(&stand_in.app_url()).await;
    browser.find(&choice(ids::STORES_EUD, "yes")).await;
    assert_eq!(
        value_of(&browser, &control(ids::SECURITY_CONTACT)).await,
        "first@example.com",
        "opened on the same draft"
    );

    // A change in the second window appears in the first, without a reload.
    browser.find(&choice(ids::DISK_ENCRYPTION, "yes")).await.click().await.unwrap();
    type_into(&browser, &control(ids::SECURITY_POLICY), "https://example.com/security").await;
    client.switch_to_window(first.clone()).await.unwrap();
    browser.wait_until_text(".autosave-status", "say it was updated", |t| t.contains("Updated from another tab")).await;
    wait_for_value(&browser, &control(ids::SECURITY_POLICY), "https://example.com/security").await;
    assert!(is_checked(&browser, &choice(ids::DISK_ENCRYPTION, "yes")).await);
    assert!(!browser.exists(".conflict").await, "different questions merge quietly");

    // The same question changed here and, before this change is saved, in another tab: this
    // window is told and chooses. One script, so the save delay cannot pass in between; the
    // other tab's save is made from a same-origin frame (storage events reach every other
    // window, this one included), as the second window would write it.
    let mine = control(ids::SECURITY_CONTACT);
    let change_here_while_another_tab_saves = r#"
        const [id, key] = arguments;
        const input = document.getElementById(id);
        input.value = 'mine@example.com';
        input.dispatchEvent(new Event('input', { bubbles: true }));
        const theirs = JSON.parse(localStorage.getItem(key));
        theirs.answers.security_contact = { kind: 'text', value: 'theirs@example.com' };
        theirs.savedAt = Date.now();
        // Every save names itself and the save it was made over.
        theirs.parent = theirs.revision;
        theirs.revision = 987654321;
        const otherTab = document.createElement('iframe');
        document.body.append(otherTab);
        otherTab.contentWindow.localStorage.setItem(key, JSON.stringify(theirs));
        otherTab.remove();
        return localStorage.getItem(key).includes('mine@example.com');
    "#;
    let saved_mine = client
        .execute(change_here_while_another_tab_saves, vec![json!(mine.trim_start_matches('#')), json!(draft_key())])
        .await
        .unwrap();
    assert_eq!(saved_mine, false, "this window's change was not saved yet");
    let notice = browser.wait_for_text(".conflicts", "Changed in another tab too").await;
    assert!(notice.contains("Security contact"), "names the question: {notice}");
    assert!(notice.contains("theirs@example.com") && notice.contains("mine@example.com"), "{notice}");
    assert_eq!(value_of(&browser, &mine).await, "mine@example.com", "nothing overwritten before the partner chooses");

    browser.find(".conflict .use-theirs").await.click().await.unwrap();
    assert_eq!(value_of(&browser, &mine).await, "theirs@example.com");
    assert!(!browser.exists(".conflict").await);
    wait_for_stored(&browser, "held theirs", |d| {
        d["answers"][ids::SECURITY_CONTACT.as_str()]["value"] == "theirs@example.com"
    })
    .await;
    client.switch_to_window(second).await.unwrap();
    wait_for_value(&browser, &mine, "theirs@example.com").await;
    browser.close().await;
}

#[tokio::test]
async fn corrupt_truncated_and_future_drafts_are_kept_aside_told_and_downloadable() {
    let stand_in = StandIn::start();
    let browser = open(&stand_in).await;
    let good = json!({
        "format": "privacy-tab-draft", "version": 1, "appKey": APP_KEY, "savedAt": 1_700_000_000_000u64,
        "answers": { "security_contact": { "kind": "text", "value": "kept@example.com" } },
    })
    .to_string();
    let cases = [
        ("corrupt", "{ this is not JSON".to_owned(), "not a JSON file"),
        ("truncated", good[..good.len() - 20].to_owned(), "cut short"),
        ("future", good.replace("\"version\":1", "\"version\":7"), "newer version of privacy-tab (format 7"),
    ];
    let cases_texts: Vec<String> = cases.iter().map(|(_, text, _)| text.clone()).collect();
    for (case, text, reason) in cases {
        plant(&browser, &draft_key(), &text).await;
        browser.reload_app().await;
        let notice = browser.wait_for_text(".storage-notice", "could not be opened").await;
        assert!(notice.contains(reason), "{case}: says why: {notice}");
        assert!(notice.contains("The original text is kept in this browser"), "{case}: {notice}");

        let storage = local_storage(&browser).await;
        let backups: Vec<_> = storage.iter().filter(|(key, _)| key.starts_with(&backup_key_prefix(APP_KEY))).collect();
        assert!(backups.iter().any(|(_, kept)| kept.as_str() == Some(text.as_str())), "{case}: the exact text is kept");

        browser.capture_downloads().await;
        browser.find(".download-original").await.click().await.unwrap();
        let (name, downloaded) = browser.download(0).await;
        assert_eq!(downloaded, text, "{case}: the download is the original text");
        assert!(name.starts_with("privacy-tab-saved-text-com.example.privacy-tab-demo-"), "{name}");

        // The app works on: a new answer is saved, and the copy stays.
        browser.find(&choice(ids::DISK_ENCRYPTION, "yes")).await.click().await.unwrap();
        wait_for_stored(&browser, "held the new answer", |d| {
            d["answers"][ids::DISK_ENCRYPTION.as_str()]["value"] == "yes"
        })
        .await;
        let storage = local_storage(&browser).await;
        assert!(storage.values().any(|kept| kept.as_str() == Some(text.as_str())), "{case}: still kept after a save");
    }
    let backups =
        local_storage(&browser).await.keys().filter(|key| key.starts_with(&backup_key_prefix(APP_KEY))).count();
    assert_eq!(backups, 3, "each text kept once");

    // Days later, with the draft saved over, the copies are still within reach.
    browser.reload_app().await;
    browser.wait_for_text(".autosave-status", "Restored your draft").await;
    assert!(!browser.exists(".kept-original").await, "the draft itself reads fine now");
    browser.find(".kept-copies summary").await.click().await.unwrap();
    browser.wait_for_text(".kept-copies", "could not be kept as they were (3)").await;
    browser.capture_downloads().await;
    browser.find(".kept-copy .download-copy").await.click().await.unwrap();
    let (_, first_copy) = browser.download(0).await;
    assert_eq!(first_copy, cases_texts[0], "the oldest copy, exactly");
    browser.find(".kept-copy .delete-copy").await.click().await.unwrap();
    browser.wait_for_text(".kept-copies", "could not be kept as they were (2)").await;
    browser.close().await;
}

#[tokio::test]
async fn a_draft_from_an_earlier_version_under_the_first_builds_key_is_found_converted_and_its_original_kept() {
    let stand_in = StandIn::start();
    let browser = open(&stand_in).await;
    let v0 = json!({ "appKey": APP_KEY, "savedAt": 1_600_000_000_000u64, "answers": { "stores_eud": "yes", "stored_data_types": ["IP address"] } })
        .to_string();
    plant(&browser, &legacy_storage_key(APP_KEY), &v0).await;
    browser.reload_app().await;
    browser.wait_for_text(".storage-notice", "written by an earlier version of this app and has been converted").await;
    assert!(is_checked(&browser, &choice(ids::STORES_EUD, "yes")).await);
    browser.wait_for_text(&format!("[data-question={}] .chips", ids::STORED_DATA_TYPES), "IP address").await;
    assert!(
        local_storage(&browser).await.values().any(|kept| kept.as_str() == Some(v0.as_str())),
        "the original is kept"
    );
    let storage = local_storage(&browser).await;
    assert!(!storage.contains_key(&legacy_storage_key(APP_KEY)), "moved from the old key");
    assert_eq!(storage[&draft_key()].as_str(), Some(v0.as_str()), "to today's key");
    browser.close().await;
}

#[tokio::test]
async fn when_storage_refuses_to_save_the_partner_is_told_at_once_and_works_on_with_an_export() {
    let stand_in = StandIn::start();
    let browser = open(&stand_in).await;
    let refuse = r#"
        Storage.prototype.setItem = function () {
            throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
        };
    "#;
    browser.client.execute(refuse, vec![]).await.unwrap();
    type_into(&browser, &control(ids::SECURITY_CONTACT), "security@example.com").await;
    let notice = browser.wait_for_text(".storage-notice", "not letting us save your draft").await;
    assert!(notice.contains("export them to a file"), "{notice}");
    browser.wait_for_text(".autosave-status", "Not saved in this browser").await;

    // Work goes on in memory.
    browser.find(&choice(ids::DISK_ENCRYPTION, "yes")).await.click().await.unwrap();
    assert!(is_checked(&browser, &choice(ids::DISK_ENCRYPTION, "yes")).await);
    assert_eq!(value_of(&browser, &control(ids::SECURITY_CONTACT)).await, "security@example.com");
    assert!(!local_storage(&browser).await.contains_key(&draft_key()), "nothing was stored");

    browser.capture_downloads().await;
    browser.find(".write-failed .export-draft").await.click().await.unwrap();
    let (_, exported) = browser.download(0).await;
    let exported: Value = serde_json::from_str(&exported).unwrap();
    assert_eq!(exported["answers"][ids::SECURITY_CONTACT.as_str()]["value"], "security@example.com");
    assert_eq!(exported["answers"][ids::DISK_ENCRYPTION.as_str()]["value"], "yes");
    browser.close().await;
}

#[tokio::test]
async fn an_export_imported_back_restores_the_draft_exactly_after_showing_what_changes() {
    let stand_in = StandIn::start();
    let browser = open(&stand_in).await;
    share_data_with(&browser, "IP address", "Sentry").await;
    type_into(&browser, &control(ids::SECURITY_CONTACT), "security@example.com").await;
    let saved = wait_for_stored(&browser, "held the contact", |d| {
        d["answers"][ids::SECURITY_CONTACT.as_str()]["value"] == "security@example.com"
    })
    .await;

    browser.capture_downloads().await;
    browser.find(".draft-actions .export-draft").await.click().await.unwrap();
    let (name, exported) = browser.download(0).await;
    assert!(name.starts_with("privacy-tab-draft-com.example.privacy-tab-demo-") && name.ends_with(".json"), "{name}");
    let file: Value = serde_json::from_str(&exported).unwrap();
    assert_eq!(file["answers"], saved["answers"]);
    assert_eq!(file["appTrustInformation"]["dataAccessAndStorage"]["typesOfDataStored"], json!(["IP address"]));

    // Change things, then bring the export back.
    type_into(&browser, &control(ids::SECURITY_CONTACT), "changed@example.com").await;
    browser.find(&choice(ids::STORES_EUD, "no")).await.click().await.unwrap();
    wait_for_stored(&browser, "held the change", |d| d["answers"][ids::STORES_EUD.as_str()]["value"] == "no").await;

    browser.pick_import_file("my-draft.json", &exported).await;
    let preview = browser.wait_for_text(".import-preview", "Import “my-draft.json”?").await;
    assert!(preview.contains("This is a privacy-tab export. Importing it changes 2 answers:"), "{preview}");
    assert!(preview.contains("Security contact: changed@example.com → security@example.com"), "{preview}");
    assert_eq!(value_of(&browser, &control(ids::SECURITY_CONTACT)).await, "changed@example.com", "nothing applied yet");

    browser.find(".apply-import").await.click().await.unwrap();
    browser.wait_for_text(".autosave-status", "Imported “my-draft.json”").await;
    assert_eq!(value_of(&browser, &control(ids::SECURITY_CONTACT)).await, "security@example.com");
    assert!(is_checked(&browser, &choice(ids::STORES_EUD, "yes")).await);
    let restored = stored_draft(&browser).await;
    for field in ["answers", "position", "appKey", "format", "version"] {
        assert_eq!(restored[field], file[field], "{field} round-trips");
    }

    // An invalid file changes nothing and says what is wrong with it.
    browser.pick_import_file("notes.json", r#"{"hello": "world"}"#).await;
    let message = browser.wait_for_text(".import-invalid", "“notes.json” was not imported").await;
    assert!(message.contains("neither a privacy-tab draft nor a Marketplace Privacy & Security document"), "{message}");
    assert!(message.contains("Nothing was changed."), "{message}");
    browser.pick_import_file("cut.json", &exported[..exported.len() / 2]).await;
    browser.wait_for_text(".import-invalid", "cut short").await;
    assert_eq!(stored_draft(&browser).await["answers"], file["answers"]);
    browser.close().await;
}

#[tokio::test]
async fn discard_asks_first_removes_the_local_draft_and_can_be_undone() {
    let stand_in = StandIn::start();
    let browser = open(&stand_in).await;
    type_into(&browser, &control(ids::SECURITY_CONTACT), "security@example.com").await;
    let saved = wait_for_stored(&browser, "held the contact", |d| {
        d["answers"][ids::SECURITY_CONTACT.as_str()]["value"] == "security@example.com"
    })
    .await;

    browser.find(".discard-draft").await.click().await.unwrap();
    browser.wait_for_text(".discard-confirm", "Discard your local draft for com.example.privacy-tab-demo?").await;
    browser.find(".cancel-discard").await.click().await.unwrap();
    assert!(!browser.exists(".discard-confirm").await);
    assert!(local_storage(&browser).await.contains_key(&draft_key()), "cancel keeps the draft");

    browser.find(".discard-draft").await.click().await.unwrap();
    browser.find(".confirm-discard").await.click().await.unwrap();
    browser.wait_for_text(".discarded-notice", "Your draft was discarded.").await;
    assert_eq!(value_of(&browser, &control(ids::SECURITY_CONTACT)).await, "");
    assert!(!local_storage(&browser).await.contains_key(&draft_key()), "the local draft is removed");
    let focused = browser.client.active_element().await.unwrap().text().await.unwrap();
    assert_eq!(focused, "Undo", "focus goes to the undo");

    browser.find(".undo-discard").await.click().await.unwrap();
    assert_eq!(value_of(&browser, &control(ids::SECURITY_CONTACT)).await, "security@example.com");
    assert_eq!(stored_draft(&browser).await["answers"], saved["answers"], "stored again");
    assert!(!browser.exists(".discarded-notice").await);
    browser.close().await;
}

#[tokio::test]
async fn the_api_token_is_in_no_storage_export_or_url_after_a_submit() {
    let stand_in = StandIn::start();
    let browser = open(&stand_in).await;
    browser.find(&choice(ids::STORES_EUD, "no")).await.click().await.unwrap();
    browser.find("#account-email").await.send_keys(EMAIL).await.unwrap();
    browser.find("#api-token").await.send_keys(TOKEN).await.unwrap();
    browser.find("#submit").await.click().await.unwrap();
    browser.find("#confirm-submit").await.click().await.unwrap();
    browser.wait_for_text(".submit-status", "Submitted").await;
    // Past the save delay, with the page hidden too (which saves at once).
    browser.client.execute("window.dispatchEvent(new Event('pagehide'));", vec![]).await.unwrap();
    wait_for_stored(&browser, "held the answer", |d| d["answers"][ids::STORES_EUD.as_str()]["value"] == "no").await;

    let everything = browser
        .client
        .execute(
            r#"const dump = s => Object.keys(s).map(k => k + '=' + s.getItem(k)).join('\n');
               return [dump(localStorage), dump(sessionStorage), location.href, document.cookie];"#,
            vec![],
        )
        .await
        .unwrap();
    for (place, text) in
        ["local storage", "session storage", "URL", "cookies"].iter().zip(everything.as_array().unwrap())
    {
        assert!(!text.as_str().unwrap().contains(TOKEN), "the token is in the {place}: {text}");
    }
    assert!(everything[0].as_str().unwrap().contains("\"no\""), "the dump is of real storage");

    browser.capture_downloads().await;
    browser.find(".draft-actions .export-draft").await.click().await.unwrap();
    let (_, exported) = browser.download(0).await;
    assert!(exported.contains(APP_KEY), "a real export");
    assert!(!exported.contains(TOKEN), "the token is not in the export");
    assert!(!exported.contains(EMAIL), "nor the account e-mail");
    browser.close().await;
}
