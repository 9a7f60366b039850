//! Every command of `privacy-tab` run as a process, against files shaped like the app's exports
//! and the Marketplace stand-in on a free port.

mod check;
mod common;
mod diff;
mod fixtures;
mod help;
mod pull;
mod push;
mod show;
mod spec_bodies;
