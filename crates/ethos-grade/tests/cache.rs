//! The verdict cache under concurrent writers and a process killed mid-write.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may panic

use std::path::Path;
use std::process::Command;
use std::time::Duration;

use ethos_grade::VerdictCache;
use ethos_grade::cache::CachedVerdict;

const BATCH: usize = 25;

fn write_batches(path: &Path, tag: &str, batches: usize) {
    let cache = VerdictCache::open(path).unwrap();
    for b in 0..batches {
        let verdicts: Vec<(String, CachedVerdict)> = (0..BATCH)
            .map(|i| {
                (
                    format!("{tag}-{b}-{i}"),
                    CachedVerdict {
                        met: i % 2 == 0,
                        explanation: "x".repeat(200),
                    },
                )
            })
            .collect();
        cache.put_many("judge", "template", &verdicts).unwrap();
    }
}

#[test]
fn concurrent_writers_do_not_lose_or_corrupt_verdicts() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cache.sqlite");
    std::thread::scope(|scope| {
        for tag in ["a", "b", "c"] {
            let path = path.clone();
            scope.spawn(move || write_batches(&path, tag, 40));
        }
    });
    let cache = VerdictCache::open(&path).unwrap();
    assert_eq!(cache.len().unwrap(), 3 * 40 * BATCH as u64);
    assert_eq!(cache.integrity_check().unwrap(), "ok");
}

/// Not a test on its own: the writer that `a_killed_writer_leaves_the_cache_consistent`
/// starts in a child process and kills.
#[test]
#[ignore = "a helper process, started by a_killed_writer_leaves_the_cache_consistent"]
fn writer_child() {
    let path = std::env::var_os("ETHOS_CACHE_WRITER").expect("ETHOS_CACHE_WRITER");
    write_batches(Path::new(&path), "child", usize::MAX);
}

#[test]
fn a_killed_writer_leaves_the_cache_consistent() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cache.sqlite");
    let mut child = Command::new(std::env::current_exe().unwrap())
        .args(["--exact", "writer_child", "--ignored", "--nocapture"])
        .env("ETHOS_CACHE_WRITER", &path)
        .spawn()
        .unwrap();
    // Let it write for a while, then kill it without warning (SIGKILL).
    let cache_seen = (0..100).any(|_| {
        std::thread::sleep(Duration::from_millis(50));
        VerdictCache::open(&path)
            .and_then(|c| c.len())
            .is_ok_and(|n| n >= 10 * BATCH as u64)
    });
    child.kill().unwrap();
    child.wait().unwrap();
    assert!(cache_seen, "the child never wrote");
    let cache = VerdictCache::open(&path).unwrap();
    assert_eq!(cache.integrity_check().unwrap(), "ok");
    let n = cache.len().unwrap();
    // Whole batches only: every write is one transaction.
    assert_eq!(n % BATCH as u64, 0, "{n} verdicts");
    // And the file still takes writes.
    write_batches(&path, "after", 1);
    assert_eq!(cache.len().unwrap(), n + BATCH as u64);
}
