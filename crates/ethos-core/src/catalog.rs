//! The trait and domain catalog (`data/catalog/traits.toml`, `data/catalog/domains.toml`).

use std::collections::HashSet;
use std::fs;
use std::path::Path;

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use crate::diagnostic::{Diagnostic, field_path};

/// Supported catalog format version.
pub const CATALOG_VERSION: u32 = 1;
/// File name of the trait catalog.
pub const TRAITS_FILE: &str = "traits.toml";
/// File name of the domain catalog.
pub const DOMAINS_FILE: &str = "domains.toml";

const BUILTIN_TRAITS: &str = include_str!("../../../data/catalog/traits.toml");
const BUILTIN_DOMAINS: &str = include_str!("../../../data/catalog/domains.toml");

/// A beneficial trait that scenarios put under pressure.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TraitDef {
    /// Stable snake_case identifier used by scenario files.
    pub id: String,
    /// Human-readable name.
    pub name: String,
    /// What the trait is.
    pub definition: String,
    /// Behaviours that show the trait (2-4).
    pub behaviours: Vec<String>,
    /// Typical failures of the trait (2-4).
    pub failures: Vec<String>,
    /// Whether the trait is also scored directly on held-out scenarios.
    #[serde(default)]
    pub heldout_eval: bool,
}

/// A field in which scenarios are set.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Domain {
    /// Stable snake_case identifier used by scenario files.
    pub id: String,
    /// Human-readable name.
    pub name: String,
    /// What the domain covers.
    pub description: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TraitsFile {
    version: u32,
    #[serde(rename = "trait", default)]
    traits: Vec<toml::Value>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DomainsFile {
    version: u32,
    #[serde(rename = "domain", default)]
    domains: Vec<toml::Value>,
}

/// Traits and domains known to a dataset.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Catalog {
    /// All traits, in file order.
    pub traits: Vec<TraitDef>,
    /// All domains, in file order.
    pub domains: Vec<Domain>,
}

impl Catalog {
    /// The catalog shipped with ethos (compiled into the binary).
    pub fn builtin() -> Self {
        let (traits, _) = parse_traits(Path::new("<builtin>/traits.toml"), BUILTIN_TRAITS);
        let (domains, _) = parse_domains(Path::new("<builtin>/domains.toml"), BUILTIN_DOMAINS);
        Self { traits, domains }
    }

    /// Loads `traits.toml` and `domains.toml` from `dir`, or reports every problem found.
    pub fn load_dir(dir: &Path) -> Result<Self, Vec<Diagnostic>> {
        let (traits, mut problems) = read_with(&dir.join(TRAITS_FILE), parse_traits);
        let (domains, more) = read_with(&dir.join(DOMAINS_FILE), parse_domains);
        problems.extend(more);
        if problems.is_empty() {
            Ok(Self { traits, domains })
        } else {
            Err(problems)
        }
    }

    /// The trait with this id.
    pub fn trait_by_id(&self, id: &str) -> Option<&TraitDef> {
        self.traits.iter().find(|t| t.id == id)
    }

    /// The domain with this id.
    pub fn domain_by_id(&self, id: &str) -> Option<&Domain> {
        self.domains.iter().find(|d| d.id == id)
    }

    /// Traits scored directly on held-out scenarios.
    pub fn heldout_traits(&self) -> impl Iterator<Item = &TraitDef> {
        self.traits.iter().filter(|t| t.heldout_eval)
    }
}

/// A parser of one catalog file: the entries that parsed and the problems found.
pub type CatalogParser<T> = fn(&Path, &str) -> (Vec<T>, Vec<Diagnostic>);

/// Reads a file and parses it with `parse`, turning a read failure into a diagnostic.
pub fn read_with<T>(path: &Path, parse: CatalogParser<T>) -> (Vec<T>, Vec<Diagnostic>) {
    match fs::read_to_string(path) {
        Ok(text) => parse(path, &text),
        Err(err) => (
            Vec::new(),
            vec![Diagnostic::file(path, format!("cannot read: {err}"))],
        ),
    }
}

/// Parses and validates a trait catalog.
pub fn parse_traits(path: &Path, text: &str) -> (Vec<TraitDef>, Vec<Diagnostic>) {
    let mut problems = Vec::new();
    let Some(file) = parse_toml::<TraitsFile>(path, text, &mut problems) else {
        return (Vec::new(), problems);
    };
    check_version(path, text, file.version, &mut problems);
    let tables = TableLines::scan(text, "trait");
    let traits: Vec<TraitDef> = entries(path, &tables, "trait", file.traits, &mut problems);
    let mut seen = HashSet::new();
    for (index, t) in traits.iter().enumerate() {
        let mut report = |field: &str, message: String| {
            problems.push(Diagnostic::at(
                path,
                tables.line_of(index, field),
                format!("trait[{index}].{field}"),
                message,
            ));
        };
        check_id(&t.id, &mut seen, &mut report);
        for (field, value) in [("name", &t.name), ("definition", &t.definition)] {
            if value.trim().is_empty() {
                report(field, "must not be empty".to_string());
            }
        }
        for (field, list) in [("behaviours", &t.behaviours), ("failures", &t.failures)] {
            if !(2..=4).contains(&list.len()) {
                report(field, format!("needs 2-4 entries, found {}", list.len()));
            }
            if list.iter().any(|s| s.trim().is_empty()) {
                report(field, "contains an empty entry".to_string());
            }
        }
    }
    if traits.is_empty() && problems.is_empty() {
        problems.push(Diagnostic::file(path, "defines no [[trait]]"));
    }
    (traits, problems)
}

/// Parses and validates a domain catalog.
pub fn parse_domains(path: &Path, text: &str) -> (Vec<Domain>, Vec<Diagnostic>) {
    let mut problems = Vec::new();
    let Some(file) = parse_toml::<DomainsFile>(path, text, &mut problems) else {
        return (Vec::new(), problems);
    };
    check_version(path, text, file.version, &mut problems);
    let tables = TableLines::scan(text, "domain");
    let domains: Vec<Domain> = entries(path, &tables, "domain", file.domains, &mut problems);
    let mut seen = HashSet::new();
    for (index, d) in domains.iter().enumerate() {
        let mut report = |field: &str, message: String| {
            problems.push(Diagnostic::at(
                path,
                tables.line_of(index, field),
                format!("domain[{index}].{field}"),
                message,
            ));
        };
        check_id(&d.id, &mut seen, &mut report);
        for (field, value) in [("name", &d.name), ("description", &d.description)] {
            if value.trim().is_empty() {
                report(field, "must not be empty".to_string());
            }
        }
    }
    if domains.is_empty() && problems.is_empty() {
        problems.push(Diagnostic::file(path, "defines no [[domain]]"));
    }
    (domains, problems)
}

fn parse_toml<T: DeserializeOwned>(
    path: &Path,
    text: &str,
    problems: &mut Vec<Diagnostic>,
) -> Option<T> {
    match toml::from_str::<T>(text) {
        Ok(file) => Some(file),
        Err(err) => {
            let line = err
                .span()
                .map(|span| line_of_offset(text, span.start))
                .unwrap_or(1);
            problems.push(Diagnostic::at(
                path,
                line,
                "-",
                format!("invalid TOML: {}", err.message().trim()),
            ));
            None
        }
    }
}

fn check_version(path: &Path, text: &str, version: u32, problems: &mut Vec<Diagnostic>) {
    if version != CATALOG_VERSION {
        let line = text
            .lines()
            .position(|l| l.trim_start().starts_with("version"))
            .map_or(1, |i| i + 1);
        problems.push(Diagnostic::at(
            path,
            line,
            "version",
            format!("unsupported version {version} (expected {CATALOG_VERSION})"),
        ));
    }
}

fn entries<T: DeserializeOwned>(
    path: &Path,
    tables: &TableLines,
    kind: &str,
    values: Vec<toml::Value>,
    problems: &mut Vec<Diagnostic>,
) -> Vec<T> {
    let mut out = Vec::new();
    for (index, value) in values.into_iter().enumerate() {
        match serde_path_to_error::deserialize::<_, T>(value) {
            Ok(entry) => out.push(entry),
            Err(err) => {
                let field = field_path(err.path());
                let line = tables.line_of(index, &field);
                let field = if field == "-" {
                    format!("{kind}[{index}]")
                } else {
                    format!("{kind}[{index}].{field}")
                };
                problems.push(Diagnostic::at(
                    path,
                    line,
                    field,
                    err.into_inner().to_string(),
                ));
            }
        }
    }
    out
}

fn check_id(id: &str, seen: &mut HashSet<String>, report: &mut impl FnMut(&str, String)) {
    let valid = id.chars().next().is_some_and(|c| c.is_ascii_lowercase())
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
    if !valid {
        report(
            "id",
            format!("`{id}` must be snake_case (a-z, 0-9, _), starting with a letter"),
        );
    }
    if !seen.insert(id.to_string()) {
        report("id", format!("duplicate id `{id}`"));
    }
}

fn line_of_offset(text: &str, offset: usize) -> usize {
    text[..offset.min(text.len())].matches('\n').count() + 1
}

/// Line numbers of `[[name]]` tables and the keys inside them, for error locations.
struct TableLines {
    tables: Vec<(usize, Vec<(String, usize)>)>,
}

impl TableLines {
    fn scan(text: &str, name: &str) -> Self {
        let header = format!("[[{name}]]");
        let mut tables: Vec<(usize, Vec<(String, usize)>)> = Vec::new();
        let mut inside = false;
        for (index, raw) in text.lines().enumerate() {
            let line = raw.trim();
            if line.starts_with('[') {
                inside = line == header;
                if inside {
                    tables.push((index + 1, Vec::new()));
                }
            } else if inside
                && let (Some((key, _)), Some(table)) = (line.split_once('='), tables.last_mut())
            {
                table.1.push((key.trim().to_string(), index + 1));
            }
        }
        Self { tables }
    }

    /// Line of `field` in the `index`-th table, else of the table header.
    fn line_of(&self, index: usize, field: &str) -> usize {
        let Some((header, keys)) = self.tables.get(index) else {
            return 1;
        };
        let key = field.split(['.', '[']).next().unwrap_or(field);
        keys.iter()
            .find(|(k, _)| k == key)
            .map_or(*header, |(_, line)| *line)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_catalog_is_valid_and_complete() {
        let (traits, problems) = parse_traits(Path::new("t"), BUILTIN_TRAITS);
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(traits.len(), 15);
        assert_eq!(traits.iter().filter(|t| t.heldout_eval).count(), 7);
        let (domains, problems) = parse_domains(Path::new("d"), BUILTIN_DOMAINS);
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(domains.len(), 12);
        assert_eq!(Catalog::builtin().traits.len(), 15);
    }

    #[test]
    fn reports_missing_field_duplicate_and_bad_id_with_lines() {
        let text = "version = 1\n\n[[trait]]\nid = \"a\"\nname = \"A\"\ndefinition = \"d\"\nbehaviours = [\"x\", \"y\"]\nfailures = [\"x\", \"y\"]\n\n[[trait]]\nid = \"a\"\nname = \"\"\ndefinition = \"d\"\nbehaviours = [\"x\"]\nfailures = [\"x\", \"y\"]\n\n[[trait]]\nid = \"Bad-Id\"\nname = \"B\"\n";
        let (traits, problems) = parse_traits(Path::new("traits.toml"), text);
        assert_eq!(traits.len(), 2);
        let rendered: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
        assert!(
            rendered
                .iter()
                .any(|p| p.starts_with("traits.toml:17: trait[2]: missing field")),
            "{rendered:?}"
        );
        assert!(
            rendered
                .iter()
                .any(|p| p == "traits.toml:11: trait[1].id: duplicate id `a`"),
            "{rendered:?}"
        );
        assert!(
            rendered
                .iter()
                .any(|p| p == "traits.toml:12: trait[1].name: must not be empty"),
            "{rendered:?}"
        );
        assert!(
            rendered
                .iter()
                .any(|p| p.starts_with("traits.toml:14: trait[1].behaviours: needs 2-4")),
            "{rendered:?}"
        );
    }

    #[test]
    fn reports_toml_syntax_errors_and_versions() {
        let (_, problems) = parse_domains(Path::new("d.toml"), "version = 1\n[[domain]]\nid = \n");
        assert_eq!(problems[0].line, Some(3));
        assert!(problems[0].message.contains("invalid TOML"));
        let (_, problems) = parse_domains(
            Path::new("d.toml"),
            "version = 7\n[[domain]]\nid = \"x\"\nname = \"X\"\ndescription = \"y\"\n",
        );
        assert_eq!(problems[0].field, "version");
    }
}
