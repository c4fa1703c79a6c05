//! The app's one integration binary: the window's commands through real IPC (Tauri's mock
//! runtime, the real capability file, a real library in a temp folder), the one command list
//! against the capability, and the generated TypeScript against the Rust types.

mod commands;
mod common;
mod contract;
mod whole;
