
mod common;
mod markdown_file;
mod history;
mod render;
mod search;
mod package;
mod ninjs;
mod delivery;
mod photo;
mod safety;
mod demo;
mod golden;
mod store;
mod whole;
mod recovery;
