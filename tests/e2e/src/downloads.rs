//! Files the page offers for download, read without going through the browser's download
//! folder.

use serde_json::json;

use crate::Browser;

/// Records every file the page offers (its name and text) instead of saving it.
const CAPTURE_DOWNLOADS: &str = r#"
    window.__downloads = [];
    const create = URL.createObjectURL;
    URL.createObjectURL = function (blob) {
        const url = create.call(URL, blob);
        window.__downloads.push({ url, blob, name: null });
        return url;
    };
    const click = HTMLAnchorElement.prototype.click;
    HTMLAnchorElement.prototype.click = function () {
        const offered = window.__downloads.find(d => d.url === this.href);
        if (offered) { offered.name = this.download; return; }
        return click.call(this);
    };
"#;

impl Browser {
    /// From now on (on this page), files offered for download are kept for [`Self::download`].
    pub async fn capture_downloads(&self) {
        self.client.execute(CAPTURE_DOWNLOADS, vec![]).await.unwrap();
    }

    /// The `index`th file offered since [`Self::capture_downloads`]: (file name, text).
    pub async fn download(&self, index: usize) -> (String, String) {
        let script = r#"
            const [index, done] = arguments;
            const wait = () => {
                const offered = window.__downloads[index];
                if (offered) offered.blob.text().then(text => done([offered.name, text]));
                else setTimeout(wait, 50);
            };
            wait();
        "#;
        let got = self.client.execute_async(script, vec![json!(index)]).await.expect("a file was offered");
        (got[0].as_str().unwrap_or_default().to_owned(), got[1].as_str().unwrap().to_owned())
    }
}
