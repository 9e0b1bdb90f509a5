//! Reads back the medians criterion estimated in this run, so that a benchmark can print its
//! ratios and tables beside criterion's own report.

use std::env;
use std::fs;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

/// Where criterion keeps its estimates, found as criterion finds it: `$CRITERION_HOME`, else
/// `criterion` in the target directory.
fn directory() -> PathBuf {
    if let Some(home) = env::var_os("CRITERION_HOME") {
        return PathBuf::from(home);
    }
    let target = env::var_os("CARGO_TARGET_DIR").map_or_else(
        || Path::new(env!("CARGO_TARGET_TMPDIR")).join(".."),
        PathBuf::from,
    );
    target.join("criterion")
}

/// The median time in seconds criterion estimated for `benchmark` (`group/function`, or
/// `group/function/parameter`), or `None` when this run did not measure it (a filter left it
/// out): its estimates were last written before `since`.
pub fn median_seconds(benchmark: &str, since: SystemTime) -> Option<f64> {
    let path = directory()
        .join(benchmark)
        .join("new")
        .join("estimates.json");
    let written = fs::metadata(&path)
        .and_then(|metadata| metadata.modified())
        .ok()?;
    if written < since {
        return None;
    }
    let estimates: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(path).ok()?).ok()?;
    let nanoseconds = estimates["median"]["point_estimate"].as_f64()?;
    Some(nanoseconds / 1e9)
}
