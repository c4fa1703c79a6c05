//! Article commands: new, show, edit, list, search, history, diff, restore, status, import,
//! export-md, demo.

use clap::Subcommand;
use newsdesk_core::{Library, Result};

use crate::output::Output;

#[derive(Subcommand)]
pub enum Command {
    /// List the library's articles.
    List,
}

pub fn run(library: &mut Library, command: Command, out: &Output) -> Result<()> {
    match command {
        Command::List => {
            let list = library.store().list_articles(&Default::default())?;
            out.print(&list, |list| {
                for a in list {
                    println!("{}  v{}  {:<9} {}", &a.id[..8], a.version, a.status, a.headline);
                }
            });
            Ok(())
        }
    }
}
