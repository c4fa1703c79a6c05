//! `newsdesk-relay`: one desk's relay. A thin binary over `newsdesk_sync::relay`.
//!
//! ```text
//! NEWSDESK_DESK_TOKEN=... newsdesk-relay --folder /srv/desk --listen 127.0.0.1:7878
//! ```

use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;
use newsdesk_sync::relay::{RelayConfig, serve};

#[derive(Parser)]
#[command(
    name = "newsdesk-relay",
    version,
    about = "The team desk's relay: keeps the desk's documents and passes changes between laptops"
)]
struct Args {
    /// Folder for the desk's documents (created if missing).
    #[arg(long, value_name = "DIR")]
    folder: PathBuf,
    /// The desk token laptops must present (at least 16 characters).
    #[arg(long, env = "NEWSDESK_DESK_TOKEN", hide_env_values = true)]
    token: String,
    /// Address to listen on; port 0 picks a free one (printed on start).
    #[arg(long, default_value = "127.0.0.1:7878")]
    listen: SocketAddr,
}

fn main() -> ExitCode {
    let args = Args::parse();
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(e) => {
            eprintln!("newsdesk-relay: cannot start: {e}");
            return ExitCode::FAILURE;
        }
    };
    let config = RelayConfig {
        folder: args.folder,
        token: args.token,
        listen: args.listen,
    };
    let result = runtime.block_on(serve(
        config,
        |bound, index| {
            // One line scripts and tests wait for: the address actually bound.
            println!("newsdesk-relay listening on ws://{bound} (desk index {index})");
        },
        stop_signal(),
    ));
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("newsdesk-relay: {e}");
            ExitCode::FAILURE
        }
    }
}

/// Ctrl-C or SIGTERM (systemd's stop): finish the writes under way, then exit.
async fn stop_signal() {
    let mut term = match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
        Ok(term) => term,
        Err(_) => return std::future::pending().await,
    };
    tokio::select! {
        _ = tokio::signal::ctrl_c() => {}
        _ = term.recv() => {}
    }
}
