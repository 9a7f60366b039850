//! Which app the partner works on, and the credentials to submit it (held in memory only).

mod connection;
mod panel;

pub use connection::Connection;
pub use panel::ConnectPanel;
