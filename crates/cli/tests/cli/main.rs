//! Every command of `privacy-tab` run as a process, against files shaped like the app's exports
//! and the Marketplace stand-in on a free port.

mod answers_file;
mod check;
mod common;
mod diff;
mod fixtures;
mod help;
mod hostile;
mod manifest;
mod pull;
mod push;
mod show;
mod spec_bodies;
