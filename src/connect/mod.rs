//! Which app the partner works on, the credentials to reach the Marketplace (held in memory
//! only), loading from it and submitting to it.

mod call_status;
mod clock;
mod connection;
mod load_panel;
mod panel;
mod problem_list;
mod replace_offer;
mod submit_panel;
mod submit_review;

pub use connection::Connection;
pub use panel::ConnectPanel;
pub use submit_panel::SubmitPanel;
