//! The sync crate's one integration binary: a real relay process on loopback and libraries in
//! temp folders as laptops, syncing through the real protocol.

mod background;
mod common;
mod desk;
mod ledger;
mod photos;
mod resilience;
