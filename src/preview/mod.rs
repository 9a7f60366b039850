//! The Privacy & Security tab as customers will see it. [`ListingTab`] depends on answers
//! alone; the rest frames it inside the app. The embeddable widget (crates/widget) renders the
//! same markup with plain DOM calls, so `style/listing-tab.css` styles both.

mod answer_value;
mod atlassian_value;
mod change_summary;
mod embed_snippet;
mod list_value;
mod listing_row;
mod listing_tab;
mod listing_value;
mod not_provided;
mod preview_page;
mod preview_pane;
mod reveal;
mod review_link;
mod review_page;
mod row_model;
mod safe_link;
mod third_parties_value;
mod view_toggle;
mod workspace;

pub use change_summary::ChangeSummary;
pub use embed_snippet::{EmbedSnippet, WIDGET_SCRIPT};
pub use listing_tab::{ListingTab, ListingTabRows};
pub use preview_page::PreviewPage;
pub use preview_pane::PreviewPane;
pub use reveal::reveal;
pub use review_link::{read_fragment, write_fragment};
pub use review_page::ReviewPage;
pub use row_model::Rows;
pub use workspace::Workspace;
