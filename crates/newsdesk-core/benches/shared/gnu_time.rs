//! What a child process cost, from GNU time (`/usr/bin/time -f "%e %U %S %M"`): wall seconds,
//! CPU seconds (user and system) and peak resident memory. The benches time the peers
//! (libvips, ImageMagick) and their own child processes the same way, so the figures compare.

use std::process::{Command, Output, Stdio};

pub struct Cost {
    pub wall: f64,
    pub cpu: f64,
    pub peak_mib: f64,
    /// The child's standard output (its standard error goes to the bench's own).
    pub output: Output,
}

/// Runs `command` under GNU time; a child that fails fails the bench.
pub fn run(command: &Command) -> Cost {
    let report = std::env::temp_dir().join(format!("newsdesk-bench-time-{}", uuid::Uuid::new_v4()));
    let output = Command::new("/usr/bin/time")
        .args(["-f", "%e %U %S %M", "-o"])
        .arg(&report)
        .arg(command.get_program())
        .args(command.get_args())
        .stderr(Stdio::inherit())
        .output()
        .expect("/usr/bin/time runs");
    assert!(output.status.success(), "{command:?} failed");
    let text = std::fs::read_to_string(&report).expect("GNU time writes its report");
    let _ = std::fs::remove_file(&report);
    let n: Vec<f64> = text
        .split_whitespace()
        .rev()
        .take(4)
        .map(|v| v.parse().expect("GNU time's figures are numbers"))
        .collect();
    Cost {
        wall: n[3],
        cpu: n[2] + n[1],
        peak_mib: n[0] / 1024.0,
        output,
    }
}
