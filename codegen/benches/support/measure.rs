//! How the compile-time benchmark measures one crate's compilation alone: the benchmark's own
//! binary is cargo's `RUSTC_WRAPPER`, and for the crate it is told to measure it runs rustc
//! under cachegrind (instructions executed, deterministic on a loaded machine) or plainly,
//! reading the CPU time (user + sys) rustc took. Every other rustc call it passes through.

use std::env;
use std::fs;
use std::path::Path;
use std::process::{Command, ExitCode};

/// The crate to measure, by its rustc crate name.
const CRATE: &str = "DACTYLO_MEASURE_CRATE";
/// Where to write what was measured.
const OUT: &str = "DACTYLO_MEASURE_OUT";
/// Set to run the crate's rustc under cachegrind.
const VALGRIND: &str = "DACTYLO_MEASURE_VALGRIND";

/// What one measured compilation cost.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Cost {
    /// Instructions rustc executed, as cachegrind counts them.
    Instructions(u64),
    /// Seconds of CPU time rustc took, user and system.
    Seconds(f64),
}

/// When this process runs as cargo's wrapper of rustc, runs rustc and returns its exit status.
pub fn as_wrapper() -> Option<ExitCode> {
    let out = env::var_os(OUT)?;
    let mut args = env::args_os().skip(1);
    let rustc = args.next()?;
    let args: Vec<_> = args.collect();
    let measured = env::var(CRATE).ok();
    let crate_name = args
        .windows(2)
        .find(|pair| pair[0] == "--crate-name")
        .map(|pair| pair[1].to_string_lossy().into_owned());
    let this_one = measured.is_some() && crate_name == measured;
    if !this_one {
        return Some(exit(Command::new(&rustc).args(&args).status()));
    }
    if env::var_os(VALGRIND).is_some() {
        let log = Path::new(&out).with_extension("cachegrind");
        let status = Command::new("valgrind")
            .args([
                "--tool=cachegrind",
                "--cache-sim=no",
                "--cachegrind-out-file=/dev/null",
            ])
            .arg(format!("--log-file={}", log.display()))
            .arg(&rustc)
            .args(&args)
            .status();
        let instructions = fs::read_to_string(&log)
            .ok()
            .and_then(|text| instructions(&text));
        if let Some(count) = instructions {
            let _ = fs::write(&out, format!("instructions {count}\n"));
        }
        return Some(exit(status));
    }
    let before = children_cpu_seconds();
    let status = Command::new(&rustc).args(&args).status();
    if let (Some(before), Some(after)) = (before, children_cpu_seconds()) {
        let _ = fs::write(&out, format!("seconds {}\n", after - before));
    }
    Some(exit(status))
}

fn exit(status: std::io::Result<std::process::ExitStatus>) -> ExitCode {
    match status.map(|status| status.code()) {
        Ok(Some(0)) => ExitCode::SUCCESS,
        Ok(Some(code)) => ExitCode::from(u8::try_from(code).unwrap_or(1)),
        _ => ExitCode::FAILURE,
    }
}

/// `I   refs:      1,234,567` of cachegrind's summary.
fn instructions(log: &str) -> Option<u64> {
    let line = log
        .lines()
        .find(|line| line.contains("I refs:") || line.contains("I   refs:"))?;
    let digits: String = line
        .rsplit(':')
        .next()?
        .chars()
        .filter(char::is_ascii_digit)
        .collect();
    digits.parse().ok()
}

/// The user and system CPU time of the children this process has waited for, from
/// `/proc/self/stat` (Linux), in seconds.
fn children_cpu_seconds() -> Option<f64> {
    let stat = fs::read_to_string("/proc/self/stat").ok()?;
    // The fields after the command's name, which is in parentheses and may hold spaces.
    let fields: Vec<&str> = stat.rsplit_once(')')?.1.split_whitespace().collect();
    // cutime and cstime are fields 16 and 17 of the whole line, 14 and 15 after the name.
    let ticks: f64 = fields.get(13)?.parse::<f64>().ok()? + fields.get(14)?.parse::<f64>().ok()?;
    Some(ticks / 100.0)
}

/// The environment that makes cargo measure `crate_name` through this binary, writing to `out`.
pub fn wrapper_env(crate_name: &str, out: &Path, valgrind: bool) -> Vec<(&'static str, String)> {
    let mut vars = vec![
        (
            "RUSTC_WRAPPER",
            env::current_exe().unwrap().display().to_string(),
        ),
        (CRATE, crate_name.replace('-', "_")),
        (OUT, out.display().to_string()),
    ];
    if valgrind {
        vars.push((VALGRIND, "1".to_owned()));
    }
    vars
}

/// The environment of a build that measures nothing, but runs through the same wrapper, so
/// that cargo's view of the compiler does not change between builds.
pub fn passthrough_env(out: &Path) -> Vec<(&'static str, String)> {
    vec![
        (
            "RUSTC_WRAPPER",
            env::current_exe().unwrap().display().to_string(),
        ),
        (OUT, out.display().to_string()),
    ]
}

/// What the wrapper wrote to `out`.
pub fn read(out: &Path) -> Option<Cost> {
    let text = fs::read_to_string(out).ok()?;
    let (kind, value) = text.trim().split_once(' ')?;
    match kind {
        "instructions" => value.parse().ok().map(Cost::Instructions),
        "seconds" => value.parse().ok().map(Cost::Seconds),
        _ => None,
    }
}

/// Whether valgrind can be run.
pub fn valgrind_installed() -> bool {
    Command::new("valgrind")
        .arg("--version")
        .output()
        .is_ok_and(|output| output.status.success())
}
