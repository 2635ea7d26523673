//! The verdict cache: judge verdicts in SQLite, so that none is paid for twice.
//!
//! One row per verdict, keyed by a SHA-256 over the judge's id, the prompt template's id,
//! the conversation, the criterion and the response. The database runs in WAL mode with a
//! busy timeout, so several processes can write at once; every write is a transaction,
//! so a killed process leaves either the whole batch or none of it.

use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use ethos_core::{Criterion, Message};
use rusqlite::{Connection, OptionalExtension, params};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::error::GradeError;

/// What identifies one verdict.
#[derive(Debug, Clone, Serialize)]
pub struct VerdictKey<'a> {
    /// The judge (model id).
    pub judge: &'a str,
    /// The prompt template's id (name, version, hash).
    pub template: &'a str,
    /// The conversation before the response.
    pub conversation: &'a [Message],
    /// The criterion's text.
    pub criterion: &'a str,
    /// The criterion's points (the prompt shows them).
    pub points: i32,
    /// Extra context the prompt depended on (the whole rubric, in batched mode).
    pub context: &'a str,
    /// The graded response.
    pub response: &'a str,
}

impl VerdictKey<'_> {
    /// Hex SHA-256 of the key's canonical JSON.
    pub fn digest(&self) -> String {
        let json = serde_json::to_vec(self).unwrap_or_default();
        Sha256::digest(&json)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect()
    }
}

/// Canonical text of a rubric, for keys of verdicts made with the whole rubric in view.
pub fn rubric_context(rubric: &[Criterion]) -> String {
    rubric
        .iter()
        .map(|c| format!("[{}] {}", c.points, c.criterion))
        .collect::<Vec<_>>()
        .join("\n")
}

/// A stored verdict.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CachedVerdict {
    /// Whether the criterion was met.
    pub met: bool,
    /// The judge's explanation.
    pub explanation: String,
}

/// Lookups and writes since the cache was opened.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct CacheStats {
    /// Lookups that found a verdict.
    pub hits: u64,
    /// Lookups that did not.
    pub misses: u64,
    /// Verdicts written.
    pub writes: u64,
}

/// A SQLite file of judge verdicts.
#[derive(Debug)]
pub struct VerdictCache {
    path: PathBuf,
    conn: Mutex<Connection>,
    hits: AtomicU64,
    misses: AtomicU64,
    writes: AtomicU64,
}

impl VerdictCache {
    /// Opens (creating if needed) the cache at `path`.
    pub fn open(path: &Path) -> Result<Self, GradeError> {
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent).map_err(|err| GradeError::Cache {
                path: path.to_path_buf(),
                message: err.to_string(),
            })?;
        }
        let err = |e: rusqlite::Error| GradeError::Cache {
            path: path.to_path_buf(),
            message: e.to_string(),
        };
        let conn = Connection::open(path).map_err(err)?;
        conn.busy_timeout(Duration::from_secs(30)).map_err(err)?;
        conn.pragma_update(None, "journal_mode", "WAL")
            .map_err(err)?;
        conn.pragma_update(None, "synchronous", "NORMAL")
            .map_err(err)?;
        conn.execute_batch(
            "CREATE TABLE IF NOT EXISTS verdicts (
                key TEXT PRIMARY KEY,
                judge TEXT NOT NULL,
                template TEXT NOT NULL,
                met INTEGER NOT NULL,
                explanation TEXT NOT NULL,
                created_unix INTEGER NOT NULL
            ) WITHOUT ROWID;",
        )
        .map_err(err)?;
        Ok(Self {
            path: path.to_path_buf(),
            conn: Mutex::new(conn),
            hits: AtomicU64::new(0),
            misses: AtomicU64::new(0),
            writes: AtomicU64::new(0),
        })
    }

    /// The database file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    fn error(&self, message: impl ToString) -> GradeError {
        GradeError::Cache {
            path: self.path.clone(),
            message: message.to_string(),
        }
    }

    fn connection(&self) -> Result<std::sync::MutexGuard<'_, Connection>, GradeError> {
        self.conn
            .lock()
            .map_err(|_| self.error("a thread panicked while holding the cache"))
    }

    /// Looks up a verdict by key digest, counting the hit or miss.
    pub fn get(&self, key: &str) -> Result<Option<CachedVerdict>, GradeError> {
        let conn = self.connection()?;
        let found = conn
            .query_row(
                "SELECT met, explanation FROM verdicts WHERE key = ?1",
                params![key],
                |row| {
                    Ok(CachedVerdict {
                        met: row.get::<_, i64>(0)? != 0,
                        explanation: row.get(1)?,
                    })
                },
            )
            .optional()
            .map_err(|e| self.error(e))?;
        let counter = if found.is_some() {
            &self.hits
        } else {
            &self.misses
        };
        counter.fetch_add(1, Ordering::Relaxed);
        Ok(found)
    }

    /// Stores verdicts in one transaction: all of them or, if the process dies, none.
    pub fn put_many(
        &self,
        judge: &str,
        template: &str,
        verdicts: &[(String, CachedVerdict)],
    ) -> Result<(), GradeError> {
        if verdicts.is_empty() {
            return Ok(());
        }
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs() as i64);
        let mut conn = self.connection()?;
        let tx = conn.transaction().map_err(|e| self.error(e))?;
        {
            let mut stmt = tx
                .prepare_cached(
                    "INSERT OR REPLACE INTO verdicts (key, judge, template, met, explanation, created_unix)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                )
                .map_err(|e| self.error(e))?;
            for (key, verdict) in verdicts {
                stmt.execute(params![
                    key,
                    judge,
                    template,
                    i64::from(verdict.met),
                    verdict.explanation,
                    now
                ])
                .map_err(|e| self.error(e))?;
            }
        }
        tx.commit().map_err(|e| self.error(e))?;
        self.writes
            .fetch_add(verdicts.len() as u64, Ordering::Relaxed);
        Ok(())
    }

    /// Verdicts stored in the file (all processes).
    pub fn len(&self) -> Result<u64, GradeError> {
        let conn = self.connection()?;
        conn.query_row("SELECT COUNT(*) FROM verdicts", [], |row| {
            row.get::<_, i64>(0)
        })
        .map(|n| n as u64)
        .map_err(|e| self.error(e))
    }

    /// True when the file holds no verdict.
    pub fn is_empty(&self) -> Result<bool, GradeError> {
        Ok(self.len()? == 0)
    }

    /// SQLite's own consistency check: `ok` or a list of problems.
    pub fn integrity_check(&self) -> Result<String, GradeError> {
        let conn = self.connection()?;
        conn.query_row("PRAGMA integrity_check", [], |row| row.get::<_, String>(0))
            .map_err(|e| self.error(e))
    }

    /// Hits, misses and writes since opening.
    pub fn stats(&self) -> CacheStats {
        CacheStats {
            hits: self.hits.load(Ordering::Relaxed),
            misses: self.misses.load(Ordering::Relaxed),
            writes: self.writes.load(Ordering::Relaxed),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key<'a>(response: &'a str, conversation: &'a [Message]) -> VerdictKey<'a> {
        VerdictKey {
            judge: "j",
            template: "t-v1-abc",
            conversation,
            criterion: "Says hello",
            points: 3,
            context: "",
            response,
        }
    }

    #[test]
    fn stores_and_counts_hits_and_misses() {
        let dir = tempfile::tempdir().unwrap();
        let cache = VerdictCache::open(&dir.path().join("sub/cache.sqlite")).unwrap();
        let conv = [Message::user("hi")];
        let a = key("hello", &conv).digest();
        let b = key("goodbye", &conv).digest();
        assert_ne!(a, b);
        assert_eq!(cache.get(&a).unwrap(), None);
        let verdict = CachedVerdict {
            met: true,
            explanation: "greets".into(),
        };
        cache
            .put_many("j", "t-v1-abc", &[(a.clone(), verdict.clone())])
            .unwrap();
        assert_eq!(cache.get(&a).unwrap(), Some(verdict));
        assert_eq!(cache.get(&b).unwrap(), None);
        assert_eq!(
            cache.stats(),
            CacheStats {
                hits: 1,
                misses: 2,
                writes: 1
            }
        );
        assert_eq!(cache.len().unwrap(), 1);
        assert_eq!(cache.integrity_check().unwrap(), "ok");
    }

    #[test]
    fn every_key_part_matters() {
        let conv = [Message::user("hi")];
        let other = [Message::user("hello")];
        let base = key("r", &conv);
        let mut variants = vec![key("r", &other).digest(), key("s", &conv).digest()];
        variants.push(
            VerdictKey {
                judge: "k",
                ..base.clone()
            }
            .digest(),
        );
        variants.push(
            VerdictKey {
                template: "t-v2",
                ..base.clone()
            }
            .digest(),
        );
        variants.push(
            VerdictKey {
                criterion: "x",
                ..base.clone()
            }
            .digest(),
        );
        variants.push(
            VerdictKey {
                points: -3,
                ..base.clone()
            }
            .digest(),
        );
        variants.push(
            VerdictKey {
                context: "rubric",
                ..base.clone()
            }
            .digest(),
        );
        for v in &variants {
            assert_ne!(v, &base.digest());
        }
    }
}
