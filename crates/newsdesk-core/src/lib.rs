//! Newsdesk's domain core: the library of articles and photos, their history, search,
//! rendering, packages and delivery. No Tauri here: the CLI and the desktop shell are thin
//! layers over this crate. See ARCHITECTURE.md for the map.

#![forbid(unsafe_code)]

pub mod article;
mod atomic_file;
pub mod check;
pub mod delivery;
pub mod demo;
pub mod error;
pub mod history;
pub mod library;
pub mod markdown_file;
pub mod package;
pub mod photo;
pub mod recovery;
pub mod render;
pub mod search;
pub mod store;
pub mod text;
pub mod whole;
pub mod wire;
pub mod wire_item;

pub use article::{Article, ArticleFields, Author, Dateline, RelatedStory, Status};
pub use error::{Error, ErrorKind, ErrorReport, Result};
pub use library::Library;
