//! The listener and per-connection handling.
//!
//! A hand-written accept loop (instead of `axum::serve`) gives each request a handle on its
//! own connection, which the `drop` fault uses to close it without an answer.

use std::io::{self, Write};
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use axum::extract::Request;
use axum::Router;
use hyper::body::Incoming;
use hyper::server::conn::http1;
use hyper_util::rt::TokioIo;
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::Notify;
use tower::ServiceExt;

use crate::config::Config;
use crate::faults::ConnectionKiller;
use crate::state::AppState;

/// A bound, not yet serving stand-in: bind on port 0, read the address, then `run`.
pub struct StandIn {
    listener: TcpListener,
    state: AppState,
}

impl StandIn {
    /// Refuses a host beyond the loopback address without a control token
    /// ([`crate::config::binding_problem`]).
    pub async fn bind(config: Config) -> io::Result<StandIn> {
        if let Some(problem) = crate::config::binding_problem(&config) {
            return Err(io::Error::new(io::ErrorKind::InvalidInput, problem));
        }
        let state = AppState::new(&config)?;
        let listener = TcpListener::bind((config.host.as_str(), config.port)).await?;
        Ok(StandIn { listener, state })
    }

    pub fn local_addr(&self) -> SocketAddr {
        self.listener.local_addr().expect("a bound listener has an address")
    }

    /// `http://HOST:PORT`, without a trailing slash.
    pub fn base_url(&self) -> String {
        format!("http://{}", self.local_addr())
    }

    pub fn state(&self) -> AppState {
        self.state.clone()
    }

    /// Serves until the task is dropped or the process ends.
    pub async fn run(self) {
        let router = crate::router(self.state);
        loop {
            match self.listener.accept().await {
                Ok((stream, _)) => {
                    tokio::spawn(serve_connection(stream, router.clone()));
                }
                // Typically out of file descriptors: back off instead of spinning.
                Err(e) => {
                    eprintln!("marketplace-stand-in: accept failed: {e}");
                    tokio::time::sleep(Duration::from_millis(50)).await;
                }
            }
        }
    }
}

/// What the binary runs: bind, print the listening line (tests read the port from it), serve.
pub async fn serve(config: Config) -> io::Result<()> {
    let stand_in = StandIn::bind(config).await?;
    let mut stdout = io::stdout();
    writeln!(stdout, "marketplace-stand-in listening on {}", stand_in.base_url())?;
    stdout.flush()?;
    stand_in.run().await;
    Ok(())
}

async fn serve_connection(stream: TcpStream, router: Router) {
    let killer = Arc::new(Notify::new());
    let handle = ConnectionKiller(killer.clone());
    let service = hyper::service::service_fn(move |mut request: Request<Incoming>| {
        request.extensions_mut().insert(handle.clone());
        router.clone().oneshot(request)
    });
    // One request per connection: browsers silently retry a request whose reused keep-alive
    // connection closed without an answer, which would hide a `drop` fault from the app.
    let connection = http1::Builder::new().keep_alive(false).serve_connection(TokioIo::new(stream), service);
    tokio::select! {
        _ = connection => {}
        // Dropping the connection future closes the socket with no response written.
        _ = killer.notified() => {}
    }
}
