//! The benchmarks ethos knows: the built-in ones plus files and folders a user names, and
//! the selection syntax of `--benchmarks`.

use std::collections::BTreeSet;
use std::fmt;
use std::path::{Path, PathBuf};

use ethos_core::{Benchmark, Diagnostic};

include!(concat!(env!("OUT_DIR"), "/builtin.rs"));

/// Where a registered benchmark came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    /// Shipped in the binary (`data/benchmarks/<path>`).
    Builtin(String),
    /// A file the user named.
    File(PathBuf),
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Builtin(path) => write!(f, "built-in data/benchmarks/{path}"),
            Self::File(path) => write!(f, "{}", path.display()),
        }
    }
}

/// A benchmark and where it came from.
#[derive(Debug, Clone)]
pub struct Registered {
    /// The benchmark.
    pub benchmark: Benchmark,
    /// Its origin.
    pub origin: Origin,
}

/// Why a registry could not be built or a selection resolved.
#[derive(Debug, thiserror::Error)]
pub enum RegistryError {
    /// Benchmark files with problems (every problem, each with file, line and field).
    #[error("{}", render(.0))]
    Invalid(Vec<Diagnostic>),
    /// Two files define the same benchmark id.
    #[error("benchmark id `{id}` is defined twice: in {first} and in {second}")]
    DuplicateId {
        /// The id.
        id: String,
        /// The first definition.
        first: String,
        /// The second.
        second: String,
    },
    /// A selection token that matches nothing.
    #[error("--benchmarks: `{token}` matches no benchmark{hint}")]
    NoMatch {
        /// The token.
        token: String,
        /// Suggestions, already formatted.
        hint: String,
    },
    /// An empty selection.
    #[error("--benchmarks is empty: give `all`, ids, globs, category:NAME, trait:NAME or paths")]
    Empty,
}

fn render(problems: &[Diagnostic]) -> String {
    let lines: Vec<String> = problems.iter().map(ToString::to_string).collect();
    format!(
        "{}\n{} problem(s) in benchmark files",
        lines.join("\n"),
        problems.len()
    )
}

/// Registered benchmarks, by id.
#[derive(Debug, Clone, Default)]
pub struct Registry {
    entries: Vec<Registered>,
    skipped: Vec<PathBuf>,
}

/// True when a file found in a folder is JSONL of something else than a benchmark (its first
/// line is a JSON object without the header's marker), such as an evaluation's records.
fn is_other_jsonl(path: &Path) -> bool {
    let Ok(text) = std::fs::read_to_string(path) else {
        return false;
    };
    text.lines()
        .find(|l| !l.trim().is_empty())
        .and_then(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .is_some_and(|v| v.is_object() && v.get("ethos_benchmark").is_none())
}

impl Registry {
    /// The benchmarks built into this binary.
    pub fn builtin() -> Result<Self, RegistryError> {
        let mut registry = Self::default();
        let mut problems = Vec::new();
        for (name, text) in BUILTIN {
            let path = Path::new("data/benchmarks").join(name);
            match Benchmark::parse(&path, text) {
                Ok(mut benchmark) => {
                    benchmark.path = None;
                    registry.insert(benchmark, Origin::Builtin((*name).to_string()))?;
                }
                Err(found) => problems.extend(found),
            }
        }
        if problems.is_empty() {
            Ok(registry)
        } else {
            Err(RegistryError::Invalid(problems))
        }
    }

    /// Adds benchmark files, or every benchmark `*.jsonl` under folders. In a folder, JSONL
    /// files whose first line is an object without `ethos_benchmark` (records, scenario
    /// files) are skipped and listed by [`Registry::skipped`]; named files must be
    /// benchmarks. A file whose id is built in replaces the built-in benchmark (the user's
    /// own version wins); two given files with one id are an error. Returns the ids added.
    pub fn add_paths(&mut self, paths: &[PathBuf]) -> Result<Vec<String>, RegistryError> {
        let mut files = Vec::new();
        let mut problems = Vec::new();
        for path in paths {
            if path.is_dir() {
                let mut found: Vec<PathBuf> = walkdir::WalkDir::new(path)
                    .into_iter()
                    .filter_map(Result::ok)
                    .map(walkdir::DirEntry::into_path)
                    .filter(|p| p.is_file() && p.extension().is_some_and(|e| e == "jsonl"))
                    .collect();
                found.sort();
                let (other, benchmarks): (Vec<PathBuf>, Vec<PathBuf>) =
                    found.into_iter().partition(|p| is_other_jsonl(p));
                self.skipped.extend(other);
                let found = benchmarks;
                if found.is_empty() {
                    problems.push(Diagnostic::file(
                        path,
                        "no *.jsonl benchmark files in this folder",
                    ));
                }
                files.extend(found);
            } else {
                files.push(path.clone());
            }
        }
        let mut added = Vec::new();
        for file in files {
            match Benchmark::load(&file) {
                Ok(benchmark) => {
                    added.push(benchmark.id().to_string());
                    self.insert(benchmark, Origin::File(file))?;
                }
                Err(found) => problems.extend(found),
            }
        }
        if problems.is_empty() {
            Ok(added)
        } else {
            Err(RegistryError::Invalid(problems))
        }
    }

    fn insert(&mut self, benchmark: Benchmark, origin: Origin) -> Result<(), RegistryError> {
        match self
            .entries
            .iter()
            .position(|e| e.benchmark.id() == benchmark.id())
        {
            Some(at)
                if matches!(self.entries[at].origin, Origin::Builtin(_))
                    && matches!(origin, Origin::File(_)) =>
            {
                self.entries[at] = Registered { benchmark, origin };
                Ok(())
            }
            // The same file named again (one selection listing it twice, or two
            // selections on one registry): already registered.
            Some(at) if self.entries[at].origin == origin => Ok(()),
            Some(at) => Err(RegistryError::DuplicateId {
                id: benchmark.id().to_string(),
                first: self.entries[at].origin.to_string(),
                second: origin.to_string(),
            }),
            None => {
                self.entries.push(Registered { benchmark, origin });
                Ok(())
            }
        }
    }

    /// JSONL files in named folders that were not benchmarks.
    pub fn skipped(&self) -> &[PathBuf] {
        &self.skipped
    }

    /// Every registered benchmark, sorted by id.
    pub fn all(&self) -> Vec<&Registered> {
        let mut all: Vec<&Registered> = self.entries.iter().collect();
        all.sort_by(|a, b| a.benchmark.id().cmp(b.benchmark.id()));
        all
    }

    /// The benchmark with this id.
    pub fn get(&self, id: &str) -> Option<&Registered> {
        self.entries.iter().find(|e| e.benchmark.id() == id)
    }

    /// Resolves a selection: comma-separated `all`, ids, globs (`*`, `?`), `category:NAME`,
    /// `trait:NAME` (what a benchmark probes), or paths of benchmark files and folders
    /// (loaded into the registry first). Returns the selected ids, sorted, each once.
    pub fn select(&mut self, selection: &str) -> Result<Vec<String>, RegistryError> {
        let tokens: Vec<&str> = selection
            .split(',')
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .collect();
        if tokens.is_empty() {
            return Err(RegistryError::Empty);
        }
        let mut chosen = BTreeSet::new();
        for token in tokens {
            let path = Path::new(token);
            if token.ends_with(".jsonl") || token.contains('/') || path.exists() {
                if !path.exists() {
                    return Err(RegistryError::Invalid(vec![Diagnostic::file(
                        path,
                        "no such benchmark file or folder",
                    )]));
                }
                chosen.extend(self.add_paths(&[path.to_path_buf()])?);
                continue;
            }
            let matched: Vec<String> = self
                .entries
                .iter()
                .filter(|e| matches(token, &e.benchmark))
                .map(|e| e.benchmark.id().to_string())
                .collect();
            if matched.is_empty() {
                return Err(RegistryError::NoMatch {
                    token: token.to_string(),
                    hint: self.suggest(token),
                });
            }
            chosen.extend(matched);
        }
        Ok(chosen.into_iter().collect())
    }

    /// " (did you mean ...?)" for a token that matched nothing, or a note on what exists.
    fn suggest(&self, token: &str) -> String {
        if self.entries.is_empty() {
            return " (no benchmarks are registered: name benchmark files or folders)".to_string();
        }
        let needle = token
            .split_once(':')
            .map_or(token, |(_, v)| v)
            .to_lowercase();
        let close: Vec<&str> = self
            .all()
            .into_iter()
            .map(|e| e.benchmark.id())
            .filter(|id| {
                let id = id.to_lowercase();
                !needle.is_empty() && (id.contains(&needle) || needle.contains(&id))
            })
            .take(5)
            .collect();
        if close.is_empty() {
            " (see `ethos bench list`)".to_string()
        } else {
            format!(" (did you mean {}?)", close.join(", "))
        }
    }
}

/// Whether a selection token (not a path) selects `benchmark`.
fn matches(token: &str, benchmark: &Benchmark) -> bool {
    let header = &benchmark.header;
    if token == "all" {
        return true;
    }
    if let Some(category) = token.strip_prefix("category:") {
        return header.category.eq_ignore_ascii_case(category);
    }
    if let Some(probe) = token.strip_prefix("trait:") {
        return header.probes.eq_ignore_ascii_case(probe);
    }
    glob_match(token, &header.id)
}

/// Shell-style matching with `*` (any run) and `?` (one character); otherwise exact.
pub fn glob_match(pattern: &str, text: &str) -> bool {
    let (p, t): (Vec<char>, Vec<char>) = (pattern.chars().collect(), text.chars().collect());
    // Classic backtracking over the last `*`.
    let (mut i, mut j, mut star, mut mark) = (0, 0, None, 0);
    while j < t.len() {
        if i < p.len() && (p[i] == '?' || p[i] == t[j]) {
            i += 1;
            j += 1;
        } else if i < p.len() && p[i] == '*' {
            star = Some(i);
            mark = j;
            i += 1;
        } else if let Some(s) = star {
            i = s + 1;
            mark += 1;
            j = mark;
        } else {
            return false;
        }
    }
    p[i..].iter().all(|&c| c == '*')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn globs_match_like_a_shell() {
        assert!(glob_match("truthfulqa-*", "truthfulqa-mc1"));
        assert!(glob_match("*-mc?", "truthfulqa-mc2"));
        assert!(glob_match("bbq-*-ambig", "bbq-age-ambig"));
        assert!(!glob_match("bbq-*-ambig", "bbq-age-disambig-x"));
        assert!(glob_match("exact", "exact"));
        assert!(!glob_match("exact", "exactly"));
        assert!(glob_match("*", ""));
        assert!(!glob_match("a*b", "ac"));
    }

    #[test]
    fn every_builtin_benchmark_parses() {
        // Built-in files are validated when the registry is built; any problem fails here.
        let registry = Registry::builtin().map_err(|e| e.to_string());
        assert!(registry.is_ok(), "{}", registry.err().unwrap_or_default());
    }
}
