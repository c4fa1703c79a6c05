mod articles;
mod check;
mod common;
mod desk;
// The desk tests' shared check, one file for the sync crate's tests and these (which use
// only part of it).
#[allow(dead_code)]
#[path = "../../../newsdesk-sync/tests/it/ledger.rs"]
mod ledger;
mod packages;
mod photos;
mod wire;
mod wordpress;
