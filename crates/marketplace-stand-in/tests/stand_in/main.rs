//! Black-box tests of the stand-in: mostly through the router in-process, plus real sockets
//! where the behaviour lives in the connection (drop fault) or the process (listening line).

mod binary;
mod common;
mod control_api;
mod faults;
mod hostile_files;
mod persistence;
mod static_files;
mod v2;
mod v3;
