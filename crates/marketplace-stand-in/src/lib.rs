//! A local stand-in for the Atlassian Marketplace Privacy & Security REST API.
//!
//! Tests and local development talk to this server instead of the real Marketplace. What is
//! known about the real API is in `shared/reference/marketplace-api.md`; where that is silent,
//! the stand-in picks a plausible behaviour and says so here.
//!
//! # API endpoints (HTTP Basic auth = `--email` : `--token`)
//!
//! v2, apps addressed by app key:
//! - `GET /rest/2/addons/{key}/privacy-and-security?state=live|draft` returns the stored
//!   TrustInfo JSON. `live` needs no auth; `draft` needs it (401 + `WWW-Authenticate`). With no
//!   `state`: valid credentials get the draft if there is one, else live; anonymous callers get
//!   live. Credentials that are sent but wrong are always 401. A bad `state` is 400, a key with
//!   nothing stored (or no such version) is 404.
//! - `PUT /rest/2/addons/{key}/privacy-and-security` with `{"appTrustInformation": {...}}`
//!   stores the draft and answers 204 (as the v2 reference documents) with
//!   `Location: /rest/2/addons/{key}/privacy-and-security?state=draft`. The body is validated
//!   against Atlassian's OpenAPI document (`AppTrustInformation`, which v2 is inferred to share;
//!   see [`spec`] and [`validate`]): a bad one gets 400 with the spec's
//!   `{"errors": [{"message", "path", "code"}]}`, `path` a JSON Pointer inside the wrapper.
//!   Fields outside the spec's schemas may be sent (it does not forbid them) and are stored
//!   as sent.
//! - Anonymous non-draft GETs carry `Access-Control-Allow-Origin: *`, and `OPTIONS` answers a
//!   preflight for GET only, so a widget on another origin can read the live version. Nothing
//!   else sends CORS headers, like the real API is assumed to.
//! - Every key is accepted unless `--known-app-keys` restricts them; other keys get 404
//!   `{"message": "App not found: <key>"}`.
//!
//! v3, apps addressed by any product id, stored apart from v2:
//! - `GET /rest/3/privacy-and-security/products/{id}?state=live|draft` (default live) returns
//!   `{"commonCloud": {...}}` (as live reads show; the spec's schema says `common`); `PUT` with
//!   the spec's `{"commonCloud": ...}` is validated as v2's and replaces the draft (201 when
//!   new, 200 when replaced); `DELETE` removes the draft (204, 404 without one);
//!   `POST .../publish` moves the draft to live (200; 404 for an unknown product or without a
//!   draft).
//!
//! # Control API (never subject to faults)
//!
//! For the developer's own tools and the pages the stand-in serves, nobody else's: a request
//! a browser sends from another origin (`Origin` not the stand-in's own, or `Sec-Fetch-Site:
//! cross-site`) is refused with 403. Without `--control-token`, the stand-in listens on a
//! loopback address only, and a request naming another host (`Host`, as a site whose name was
//! pointed at 127.0.0.1 would) is refused too. With `--control-token TOKEN` (required for any
//! other `--host`), every request must carry `X-Stand-In-Control-Token: TOKEN` (401 without).
//!
//! - `GET /_stand-in/health` → 200 `ok`.
//! - `POST /_stand-in/reset` clears all apps, products, faults and request counts.
//! - `GET /_stand-in/apps/{key}` → `{"live": ..., "draft": ..., "putCount": n}` (nulls and 0
//!   for an unknown key); `putCount` counts accepted v2 PUTs.
//! - `PUT /_stand-in/apps/{key}/live` with a TrustInfo object seeds the live version (not
//!   type-checked, so odd live data such as `"TRUE"` strings can be seeded).
//! - `POST /_stand-in/apps/{key}/publish` moves the draft to live (v2 documents no publish):
//!   200, or 404 without a draft.
//! - `GET /_stand-in/products/{id}`: the same view of a v3 product.
//! - `GET|POST|DELETE /_stand-in/faults`: list, replace, clear the fault rules (see [`faults`]).
//! - `GET /_stand-in/requests` → `{"PUT": n, …}`: API requests received, by method, counted as
//!   they arrive (before any fault or delay).
//!
//! With `--static-dir DIR`, any other GET is answered from DIR (`/` → `index.html`; paths
//! without a file extension fall back to `index.html` for client-side routes, unless a
//! redirects file says which paths are routes, or a 404 page is given). As a static host would:
//! `--static-prefix /some/path/` serves DIR there instead (`/some/path` redirects to it),
//! `--static-headers FILE` adds the headers of a Netlify-style `_headers` file,
//! `--static-redirects FILE` routes paths that are no file by a Netlify-style `_redirects` file,
//! `--static-not-found FILE` answers the rest with FILE and status 404 (GitHub Pages'
//! `404.html`), and `x.br` / `x.gz` beside a file are sent when the request accepts them (see
//! [`static_files`]).
//!
//! # Embedding
//!
//! [`serve`] is what the binary runs. [`StandIn::bind`] + [`StandIn::run`] let another crate's
//! tests start it in-process on port 0; [`router`] gives the bare axum router (the `drop`
//! fault needs the connection handling of [`StandIn`]).

pub mod auth;
pub mod config;
pub mod control;
pub mod cors;
pub mod faults;
pub mod log;
pub mod respond;
pub mod server;
pub mod spec;
pub mod state;
pub mod static_files;
pub mod store;
pub mod v2;
pub mod v3;
pub mod validate;
pub mod version;

use axum::middleware::{from_fn, from_fn_with_state};
use axum::Router;

pub use config::Config;
pub use server::{serve, StandIn};
pub use state::AppState;

/// The whole HTTP surface. Layers run outermost first: logging, CORS, faults, then the routes.
pub fn router(state: AppState) -> Router {
    Router::new()
        .merge(v2::routes())
        .merge(v3::routes())
        .merge(control::routes(state.clone()))
        .fallback(static_files::serve_or_not_found)
        .layer(from_fn_with_state(state.clone(), faults::inject))
        .layer(from_fn(cors::public_live_reads))
        .layer(from_fn(log::log_request))
        .with_state(state)
}
