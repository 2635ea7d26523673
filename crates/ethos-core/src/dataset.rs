//! Loading a dataset (catalog, scenarios, tasks) from paths, and validating it as a whole.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fs;
use std::path::{Path, PathBuf};

use serde::Serialize;
use walkdir::WalkDir;

use crate::catalog::{Catalog, DOMAINS_FILE, TRAITS_FILE, parse_domains, parse_traits, read_with};
use crate::diagnostic::Diagnostic;
use crate::jsonl::read_jsonl;
use crate::message::opening_user_message;
use crate::scenario::{Scenario, Split};
use crate::similarity::{SHINGLE_WORDS, Shingles, normalized_text};
use crate::task::{RawTask, Task};

/// Two scenarios of the same split at or above this 5-gram Jaccard are near-duplicates.
pub const WITHIN_SPLIT_MAX_JACCARD: f64 = 0.6;
/// A held-out scenario at or above this 5-gram Jaccard with a train scenario overlaps it.
pub const CROSS_SPLIT_MAX_JACCARD: f64 = 0.5;
/// A held-out scenario sharing at least this many distinctive facts with a train scenario,
/// and at least [`CROSS_SPLIT_MAX_FACT_OVERLAP`] of the smaller fact set, mirrors it.
pub const CROSS_SPLIT_MIN_SHARED_FACTS: usize = 3;
/// Share of the smaller scenario's distinctive facts (see [`CROSS_SPLIT_MIN_SHARED_FACTS`]).
pub const CROSS_SPLIT_MAX_FACT_OVERLAP: f64 = 0.4;
/// Default cap on problems reported per file.
pub const DEFAULT_MAX_ERRORS_PER_FILE: usize = 50;

/// A record with the place it was read from.
#[derive(Debug, Clone)]
pub struct Located<T> {
    /// Source file.
    pub file: PathBuf,
    /// 1-based line.
    pub line: usize,
    /// The record.
    pub value: T,
}

/// What a data file holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum FileKind {
    /// `traits.toml`
    Traits,
    /// `domains.toml`
    Domains,
    /// Scenario JSONL.
    Scenarios,
    /// Standard task JSONL.
    Tasks,
}

/// Where the catalog used for validation came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CatalogSource {
    /// Files in this directory.
    Dir(PathBuf),
    /// The catalog compiled into ethos.
    Builtin,
}

/// How to load a dataset.
#[derive(Debug, Clone)]
pub struct LoadOptions {
    /// Catalog directory to use instead of looking for one.
    pub catalog_dir: Option<PathBuf>,
    /// Most problems reported per file; the rest are counted.
    pub max_errors_per_file: usize,
}

impl Default for LoadOptions {
    fn default() -> Self {
        Self {
            catalog_dir: None,
            max_errors_per_file: DEFAULT_MAX_ERRORS_PER_FILE,
        }
    }
}

/// Everything read from a set of data paths.
#[derive(Debug, Clone)]
pub struct DataSet {
    /// The catalog scenarios were checked against.
    pub catalog: Catalog,
    /// Where the catalog came from.
    pub catalog_source: CatalogSource,
    /// Files read, with their kind.
    pub files: Vec<(PathBuf, FileKind)>,
    /// Scenarios that parsed.
    pub scenarios: Vec<Located<Scenario>>,
    /// Tasks that parsed.
    pub tasks: Vec<Located<Task>>,
    /// The closest scenario pairs found while checking for near-duplicates.
    pub overlap: Overlap,
}

impl DataSet {
    /// Reads and validates every data file under `paths`.
    ///
    /// Returns what could be read and every problem found (capped per file). A dataset is
    /// valid when the problem list is empty.
    pub fn load(paths: &[PathBuf], options: &LoadOptions) -> (Self, Vec<Diagnostic>) {
        let mut problems = Vec::new();
        let files = discover(paths, &mut problems);
        let (catalog, catalog_source) = resolve_catalog(paths, &files, options, &mut problems);
        let mut dataset = Self {
            catalog,
            catalog_source,
            files,
            scenarios: Vec::new(),
            tasks: Vec::new(),
            overlap: Overlap::default(),
        };
        for (path, kind) in dataset.files.clone() {
            match kind {
                FileKind::Scenarios => dataset.read_scenarios(&path, &mut problems),
                FileKind::Tasks => dataset.read_tasks(&path, &mut problems),
                FileKind::Traits | FileKind::Domains => {}
            }
        }
        check_duplicate_ids(
            dataset
                .scenarios
                .iter()
                .map(|s| (s.value.id.as_str(), &s.file, s.line)),
            &mut problems,
        );
        check_duplicate_ids(
            dataset
                .tasks
                .iter()
                .map(|t| (t.value.id.as_str(), &t.file, t.line)),
            &mut problems,
        );
        dataset.overlap = check_overlap(&dataset.scenarios, &mut problems);
        let problems = cap_per_file(problems, options.max_errors_per_file);
        (dataset, problems)
    }

    fn read_scenarios(&mut self, path: &Path, problems: &mut Vec<Diagnostic>) {
        let (records, parse_problems) = read_jsonl::<Scenario>(path);
        problems.extend(parse_problems);
        let folder_split = split_of_folder(path);
        for record in records {
            let scenario = record.value;
            for problem in scenario.problems(&self.catalog) {
                problems.push(Diagnostic::field(path, record.line, problem));
            }
            if let Some(split) = folder_split.filter(|s| *s != scenario.split) {
                problems.push(Diagnostic::at(
                    path,
                    record.line,
                    "split",
                    format!(
                        "`{}` in a `{}` folder",
                        scenario.split.as_str(),
                        split.as_str()
                    ),
                ));
            }
            self.scenarios.push(Located {
                file: path.to_path_buf(),
                line: record.line,
                value: scenario,
            });
        }
    }

    fn read_tasks(&mut self, path: &Path, problems: &mut Vec<Diagnostic>) {
        let (records, parse_problems) = read_jsonl::<RawTask>(path);
        problems.extend(parse_problems);
        for record in records {
            match Task::try_from(record.value) {
                Ok(task) => self.tasks.push(Located {
                    file: path.to_path_buf(),
                    line: record.line,
                    value: task,
                }),
                Err(problem) => problems.push(Diagnostic::field(path, record.line, problem)),
            }
        }
    }
}

/// Folders of a data tree that hold other formats, read by their own commands: labelled
/// answers (`ethos grade validate`), benchmarks (`ethos eval`), personas and harmful
/// fine-tuning sets (`ethos attack`).
const OTHER_FORMAT_DIRS: &[&str] = &["grading", "benchmarks", "personas", "attacks"];

/// Expands directories into the data files they hold and classifies every file.
fn discover(paths: &[PathBuf], problems: &mut Vec<Diagnostic>) -> Vec<(PathBuf, FileKind)> {
    let mut files = Vec::new();
    for path in paths {
        if path.is_dir() {
            let walker = WalkDir::new(path)
                .sort_by_file_name()
                .into_iter()
                .filter_entry(|e| {
                    let name = e.file_name().to_string_lossy();
                    e.depth() == 0
                        || !(name.starts_with('.')
                            || (e.file_type().is_dir() && OTHER_FORMAT_DIRS.contains(&&*name)))
                });
            for entry in walker {
                match entry {
                    Ok(entry) if entry.file_type().is_file() => {
                        let candidate = entry.path();
                        let is_data = candidate.extension().is_some_and(|e| e == "jsonl")
                            || matches!(file_name(candidate).as_str(), TRAITS_FILE | DOMAINS_FILE);
                        if is_data && let Some(kind) = classify(candidate, problems) {
                            files.push((candidate.to_path_buf(), kind));
                        }
                    }
                    Ok(_) => {}
                    Err(err) => problems.push(Diagnostic::file(
                        path,
                        format!("cannot read directory: {err}"),
                    )),
                }
            }
        } else if path.is_file() {
            if let Some(kind) = classify(path, problems) {
                files.push((path.clone(), kind));
            }
        } else {
            problems.push(Diagnostic::file(path, "no such file or directory"));
        }
    }
    files.sort();
    files.dedup();
    files
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

fn classify(path: &Path, problems: &mut Vec<Diagnostic>) -> Option<FileKind> {
    match file_name(path).as_str() {
        TRAITS_FILE => return Some(FileKind::Traits),
        DOMAINS_FILE => return Some(FileKind::Domains),
        _ => {}
    }
    if path.extension().is_none_or(|e| e != "jsonl") {
        problems.push(Diagnostic::file(
            path,
            "not a data file (expected traits.toml, domains.toml or *.jsonl)",
        ));
        return None;
    }
    let in_folder = |name: &str| path.components().any(|c| c.as_os_str() == name);
    if in_folder("scenarios") {
        return Some(FileKind::Scenarios);
    }
    if in_folder("tasks") {
        return Some(FileKind::Tasks);
    }
    // Outside the usual folders, look at the first record.
    let first = fs::read_to_string(path).ok().and_then(|text| {
        text.lines()
            .find(|l| !l.trim().is_empty())
            .and_then(|l| serde_json::from_str::<serde_json::Value>(l).ok())
    });
    match first {
        Some(record) if record.get("rubric").is_some() => Some(FileKind::Scenarios),
        Some(record) if record.get("kind").is_some() => Some(FileKind::Tasks),
        _ => {
            problems.push(Diagnostic::file(
                path,
                "cannot tell whether this holds scenarios or tasks: put it under a `scenarios/` or `tasks/` folder",
            ));
            None
        }
    }
}

fn split_of_folder(path: &Path) -> Option<Split> {
    path.parent()?
        .components()
        .rev()
        .find_map(|c| match c.as_os_str().to_str() {
            Some("train") => Some(Split::Train),
            Some("heldout") => Some(Split::Heldout),
            _ => None,
        })
}

/// Picks the catalog: `--catalog`, catalog files among the inputs, a `catalog/` folder
/// found above the inputs, or the built-in one.
fn resolve_catalog(
    paths: &[PathBuf],
    files: &[(PathBuf, FileKind)],
    options: &LoadOptions,
    problems: &mut Vec<Diagnostic>,
) -> (Catalog, CatalogSource) {
    let given = files
        .iter()
        .find(|(_, k)| matches!(k, FileKind::Traits | FileKind::Domains))
        .and_then(|(p, _)| p.parent());
    let dir = options
        .catalog_dir
        .clone()
        .or_else(|| given.map(Path::to_path_buf))
        .or_else(|| find_catalog_dir(paths));
    let Some(dir) = dir else {
        return (Catalog::builtin(), CatalogSource::Builtin);
    };
    let (traits, trait_problems) = read_with(&dir.join(TRAITS_FILE), parse_traits);
    let (domains, domain_problems) = read_with(&dir.join(DOMAINS_FILE), parse_domains);
    problems.extend(trait_problems);
    problems.extend(domain_problems);
    (Catalog { traits, domains }, CatalogSource::Dir(dir))
}

fn find_catalog_dir(paths: &[PathBuf]) -> Option<PathBuf> {
    let start = fs::canonicalize(paths.first()?).ok()?;
    start.ancestors().find_map(|dir| {
        [dir.join("catalog"), dir.join("data").join("catalog")]
            .into_iter()
            .find(|c| c.join(TRAITS_FILE).is_file())
    })
}

fn check_duplicate_ids<'a>(
    records: impl Iterator<Item = (&'a str, &'a PathBuf, usize)>,
    problems: &mut Vec<Diagnostic>,
) {
    let mut first: HashMap<&str, (&PathBuf, usize)> = HashMap::new();
    for (id, file, line) in records {
        if let Some((first_file, first_line)) = first.get(id) {
            problems.push(Diagnostic::at(
                file,
                line,
                "id",
                format!(
                    "duplicate id `{id}` (first at {}:{first_line})",
                    first_file.display()
                ),
            ));
        } else {
            first.insert(id, (file, line));
        }
    }
}

/// The most similar pair of scenarios found by the overlap check.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ClosestPair {
    /// Word 5-gram Jaccard similarity of their conversations.
    pub jaccard: f64,
    /// Id of one scenario.
    pub a: String,
    /// Id of the other.
    pub b: String,
}

/// How close the data comes to the near-duplicate limits.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Overlap {
    /// Most similar pair within one split (limit [`WITHIN_SPLIT_MAX_JACCARD`]).
    pub within_split: Option<ClosestPair>,
    /// Most similar held-out/train pair (limit [`CROSS_SPLIT_MAX_JACCARD`]).
    pub heldout_vs_train: Option<ClosestPair>,
    /// Held-out/train pair sharing the largest share of distinctive facts (the `jaccard`
    /// field holds that share; limits [`CROSS_SPLIT_MIN_SHARED_FACTS`] and
    /// [`CROSS_SPLIT_MAX_FACT_OVERLAP`]).
    pub shared_facts: Option<ClosestPair>,
}

/// Capitalised words that are dates, not facts.
const CALENDAR_WORDS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "mon",
    "tue",
    "tues",
    "wed",
    "thu",
    "thur",
    "thurs",
    "fri",
    "sat",
    "sun",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
];

/// The facts of a scenario: numbers of two or more digits and capitalised words inside a
/// sentence (names, laws, drugs, places), from its conversation and reference, lower-cased.
/// Two scenarios that share many rare facts test the same knowledge even when they are
/// worded differently.
fn fact_tokens(scenario: &Scenario) -> BTreeSet<String> {
    let mut text: Vec<&str> = scenario
        .messages
        .iter()
        .map(|m| m.content.as_str())
        .collect();
    text.extend(scenario.reference.as_deref());
    let mut facts = BTreeSet::new();
    for part in text {
        for sentence in crate::text::sentences(part) {
            for (i, word) in sentence.split_whitespace().enumerate() {
                let word = word.trim_matches(|c: char| !c.is_alphanumeric());
                let digits: String = word.chars().filter(char::is_ascii_digit).collect();
                let is_number = !digits.is_empty()
                    && word
                        .chars()
                        .all(|c| c.is_ascii_digit() || c == ',' || c == '.');
                if is_number && digits.len() >= 2 {
                    facts.insert(word.replace(',', ""));
                } else if i > 0
                    && word.chars().count() > 1
                    && word.chars().next().is_some_and(char::is_uppercase)
                {
                    let lower = word.to_lowercase();
                    if !CALENDAR_WORDS.contains(&lower.as_str()) {
                        facts.insert(lower);
                    }
                }
            }
        }
    }
    facts
}

fn keep_closest(slot: &mut Option<ClosestPair>, jaccard: f64, a: &str, b: &str) {
    if slot.as_ref().is_none_or(|pair| jaccard > pair.jaccard) {
        *slot = Some(ClosestPair {
            jaccard,
            a: a.to_string(),
            b: b.to_string(),
        });
    }
}

/// Near-duplicates within a split, and held-out scenarios that overlap train ones.
fn check_overlap(scenarios: &[Located<Scenario>], problems: &mut Vec<Diagnostic>) -> Overlap {
    let mut overlap = Overlap::default();
    let conversation = |s: &Scenario| {
        s.messages
            .iter()
            .map(|m| m.content.as_str())
            .collect::<Vec<_>>()
            .join("\n")
    };
    let shingles: Vec<Shingles> = scenarios
        .iter()
        .map(|s| Shingles::new(&conversation(&s.value), SHINGLE_WORDS))
        .collect();
    let openings: Vec<String> = scenarios
        .iter()
        .map(|s| normalized_text(opening_user_message(&s.value.messages).unwrap_or("")))
        .collect();
    // Facts found in more than 3% of scenarios (or 3, if more) are common, not distinctive.
    let all_facts: Vec<BTreeSet<String>> =
        scenarios.iter().map(|s| fact_tokens(&s.value)).collect();
    let mut frequency: HashMap<&str, usize> = HashMap::new();
    for fact in all_facts.iter().flatten() {
        *frequency.entry(fact.as_str()).or_default() += 1;
    }
    let common = (scenarios.len() * 3 / 100).max(3);
    let facts: Vec<BTreeSet<&str>> = all_facts
        .iter()
        .map(|set| {
            set.iter()
                .map(String::as_str)
                .filter(|f| frequency.get(f).is_some_and(|&n| n <= common))
                .collect()
        })
        .collect();
    for later in 0..scenarios.len() {
        for earlier in 0..later {
            let (a, b) = (&scenarios[earlier], &scenarios[later]);
            let same_split = a.value.split == b.value.split;
            // Report a cross-split problem on the held-out scenario.
            let (report_on, other) = if !same_split && b.value.split == Split::Train {
                (a, b)
            } else {
                (b, a)
            };
            if !same_split && !openings[earlier].is_empty() && openings[earlier] == openings[later]
            {
                problems.push(Diagnostic::at(
                    &report_on.file,
                    report_on.line,
                    "messages",
                    format!("held-out scenario shares its opening user message with train scenario `{}`", other.value.id),
                ));
                continue;
            }
            if !same_split {
                let shared: Vec<&str> = facts[earlier]
                    .intersection(&facts[later])
                    .copied()
                    .collect();
                let smaller = facts[earlier].len().min(facts[later].len()).max(1);
                let share = shared.len() as f64 / smaller as f64;
                if !shared.is_empty() {
                    keep_closest(&mut overlap.shared_facts, share, &a.value.id, &b.value.id);
                }
                if shared.len() >= CROSS_SPLIT_MIN_SHARED_FACTS
                    && share >= CROSS_SPLIT_MAX_FACT_OVERLAP
                {
                    problems.push(Diagnostic::at(
                        &report_on.file,
                        report_on.line,
                        "messages",
                        format!(
                            "held-out scenario shares facts with train scenario `{}` ({}:{}): {} ({share:.2} of the smaller set >= {CROSS_SPLIT_MAX_FACT_OVERLAP})",
                            other.value.id,
                            other.file.display(),
                            other.line,
                            shared.join(", ")
                        ),
                    ));
                }
            }
            let limit = if same_split {
                WITHIN_SPLIT_MAX_JACCARD
            } else {
                CROSS_SPLIT_MAX_JACCARD
            };
            let jaccard = shingles[earlier].jaccard(&shingles[later]);
            let closest = if same_split {
                &mut overlap.within_split
            } else {
                &mut overlap.heldout_vs_train
            };
            keep_closest(closest, jaccard, &a.value.id, &b.value.id);
            if jaccard >= limit {
                let what = if same_split {
                    "near-duplicate of"
                } else {
                    "held-out scenario overlaps train scenario"
                };
                problems.push(Diagnostic::at(
                    &report_on.file,
                    report_on.line,
                    "messages",
                    format!(
                        "{what} `{}` ({}:{}): word 5-gram Jaccard {jaccard:.2} >= {limit}",
                        other.value.id,
                        other.file.display(),
                        other.line
                    ),
                ));
            }
        }
    }
    overlap
}

/// Keeps at most `cap` problems per file (sorted by line) and counts the rest.
fn cap_per_file(problems: Vec<Diagnostic>, cap: usize) -> Vec<Diagnostic> {
    let mut by_file: BTreeMap<PathBuf, Vec<Diagnostic>> = BTreeMap::new();
    for problem in problems {
        by_file
            .entry(problem.file.clone())
            .or_default()
            .push(problem);
    }
    let mut out = Vec::new();
    for (file, mut list) in by_file {
        list.sort_by_key(|p| p.line.unwrap_or(0));
        let extra = list.len().saturating_sub(cap);
        list.truncate(cap);
        out.extend(list);
        if extra > 0 {
            out.push(Diagnostic::file(
                &file,
                format!("... and {extra} more problems in this file"),
            ));
        }
    }
    out
}
