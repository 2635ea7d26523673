//! Helpers shared by the importers: reading JSONL, JSON, YAML and CSV with locations,
//! typed access to JSON fields that names the field on error, ids and headers.

use std::collections::HashMap;
use std::path::Path;

use ethos_core::benchmark::{BENCHMARK_FORMAT_VERSION, BenchmarkHeader};
use ethos_core::message::{Message, conversation_problems};
use ethos_core::{Benchmark, Diagnostic, Direction, FieldError, Scoring};
use serde_json::{Map, Value};

/// Where an item or record came from in its source file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Loc {
    /// A line of a JSONL file, or the first line of a CSV record.
    Line(usize),
    /// An element of a top-level JSON or YAML list, with its first line when known.
    Element {
        /// 0-based index in the list.
        index: usize,
        /// 1-based line where the element starts.
        line: Option<usize>,
    },
}

impl Loc {
    /// A problem with `field` of the record at this location.
    pub(super) fn diag(self, path: &Path, field: &str, message: impl Into<String>) -> Diagnostic {
        match self {
            Self::Line(line) => Diagnostic::at(path, line, field, message),
            Self::Element { index, line } => Diagnostic {
                file: path.to_path_buf(),
                line,
                field: if field == "-" {
                    format!("[{index}]")
                } else {
                    format!("[{index}].{field}")
                },
                message: message.into(),
            },
        }
    }

    /// Pins field errors of the record at this location to the file.
    pub(super) fn diags(self, path: &Path, errors: Vec<FieldError>) -> Vec<Diagnostic> {
        errors
            .into_iter()
            .map(|e| self.diag(path, &e.field, e.message))
            .collect()
    }
}

/// A benchmark built by an importer, with the source location of each item (same order),
/// so that problems found later still point into the source file.
#[derive(Debug)]
pub(super) struct Imported {
    /// The benchmark (without `made_by`, which [`super::import`] fills in).
    pub benchmark: Benchmark,
    /// `locs[i]` is where `benchmark.items[i]` came from.
    pub locs: Vec<Loc>,
}

/// A header with the fields every importer sets; the rest filled in with struct update.
pub(super) fn header(id: String, title: String, scoring: Scoring) -> BenchmarkHeader {
    BenchmarkHeader {
        ethos_benchmark: BENCHMARK_FORMAT_VERSION,
        id,
        title,
        category: String::new(),
        probes: String::new(),
        direction: Direction::HigherIsBetter,
        scoring,
        source: String::new(),
        license: "see source".to_string(),
        description: None,
        made_by: None,
        samples: None,
        metrics: Vec::new(),
        ambiguous: false,
        neutral_twin: None,
    }
}

/// Keeps the `Ok` value, or records the error and returns `None`, so that one record can
/// report several problems before giving up.
pub(super) fn keep<T>(errors: &mut Vec<FieldError>, result: Result<T, FieldError>) -> Option<T> {
    match result {
        Ok(value) => Some(value),
        Err(err) => {
            errors.push(err);
            None
        }
    }
}

/// Lowercase ASCII letters and digits, everything else folded into single dashes:
/// benchmark ids and id parts made from file names, categories and templates.
pub(super) fn slug(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    out
}

/// The file name without its extension.
pub(super) fn stem(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// A stable item id for sources without ids: the file stem and a record number.
pub(super) fn item_id(stem: &str, number: usize) -> String {
    let base = slug(stem);
    if base.is_empty() {
        format!("item-{number}")
    } else {
        format!("{base}-{number}")
    }
}

/// Every conversation problem of `messages`, renamed to the source's field
/// (`messages[2].role` becomes `prompt[2].role`).
pub(super) fn conversation_errors(messages: &[Message], source_field: &str) -> Vec<FieldError> {
    conversation_problems(messages)
        .into_iter()
        .map(|p| {
            let rest = p.field.strip_prefix("messages").unwrap_or(&p.field);
            FieldError::new(format!("{source_field}{rest}"), p.message)
        })
        .collect()
}

/// Reads JSONL: one JSON value per non-blank line, with its 1-based line number.
pub(super) fn read_jsonl(path: &Path, text: &str) -> Result<Vec<(usize, Value)>, Vec<Diagnostic>> {
    let mut records = Vec::new();
    let mut problems = Vec::new();
    for (index, raw) in text.lines().enumerate() {
        if raw.trim().is_empty() {
            continue;
        }
        match serde_json::from_str::<Value>(raw) {
            Ok(value) => records.push((index + 1, value)),
            Err(err) => problems.push(Diagnostic::at(
                path,
                index + 1,
                "-",
                format!("malformed JSON: {err}"),
            )),
        }
    }
    if records.is_empty() && problems.is_empty() {
        problems.push(Diagnostic::file(path, "empty file: no records"));
    }
    if problems.is_empty() {
        Ok(records)
    } else {
        Err(problems)
    }
}

/// Reads a file holding one top-level JSON list, with the 1-based line of each element.
pub(super) fn read_json_list(
    path: &Path,
    text: &str,
) -> Result<Vec<(Loc, Value)>, Vec<Diagnostic>> {
    if text.trim().is_empty() {
        return Err(vec![Diagnostic::file(path, "empty file: no records")]);
    }
    let value: Value = serde_json::from_str(text).map_err(|err| {
        vec![Diagnostic::at(
            path,
            err.line().max(1),
            "-",
            format!("malformed JSON: {err}"),
        )]
    })?;
    list_elements(path, value, &json_element_lines(text))
}

/// Reads a file holding one top-level YAML list, with the 1-based line of each element
/// where the list is written in block style (`- ` at the start of a line).
pub(super) fn read_yaml_list(
    path: &Path,
    text: &str,
) -> Result<Vec<(Loc, Value)>, Vec<Diagnostic>> {
    let value: Value = serde_yaml_ng::from_str(text).map_err(|err| {
        let message = format!("malformed YAML: {err}");
        vec![match err.location() {
            Some(location) => Diagnostic::at(path, location.line(), "-", message),
            None => Diagnostic::file(path, message),
        }]
    })?;
    if value.is_null() {
        return Err(vec![Diagnostic::file(path, "empty file: no records")]);
    }
    list_elements(path, value, &yaml_element_lines(text))
}

fn list_elements(
    path: &Path,
    value: Value,
    lines: &[usize],
) -> Result<Vec<(Loc, Value)>, Vec<Diagnostic>> {
    let Value::Array(elements) = value else {
        return Err(vec![Diagnostic::file(
            path,
            format!("expected a list of records, found {}", kind(&value)),
        )]);
    };
    if elements.is_empty() {
        return Err(vec![Diagnostic::file(path, "empty list: no records")]);
    }
    // The line scan is a convenience; when it disagrees with the parse, give no lines.
    let lines_ok = lines.len() == elements.len();
    Ok(elements
        .into_iter()
        .enumerate()
        .map(|(index, v)| {
            let line = lines_ok.then(|| lines[index]);
            (Loc::Element { index, line }, v)
        })
        .collect())
}

/// The 1-based line where each element of a top-level JSON array starts.
fn json_element_lines(text: &str) -> Vec<usize> {
    let mut lines = Vec::new();
    let (mut line, mut depth) = (1usize, 0i64);
    let (mut in_string, mut escaped, mut expect_element) = (false, false, false);
    for c in text.chars() {
        if c == '\n' {
            line += 1;
        }
        if in_string {
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
            }
            continue;
        }
        if c.is_whitespace() {
            continue;
        }
        if expect_element && depth == 1 && c != ']' {
            lines.push(line);
            expect_element = false;
        }
        match c {
            '"' => in_string = true,
            '[' | '{' => {
                depth += 1;
                expect_element = depth == 1 && c == '[';
            }
            ']' | '}' => depth -= 1,
            ',' if depth == 1 => expect_element = true,
            _ => {}
        }
    }
    lines
}

/// The 1-based lines of `- ` entries at column 0: the elements of a block-style list.
fn yaml_element_lines(text: &str) -> Vec<usize> {
    text.lines()
        .enumerate()
        .filter(|(_, l)| *l == "-" || l.starts_with("- "))
        .map(|(index, _)| index + 1)
        .collect()
}

/// What kind of JSON value this is, for messages.
pub(super) fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

/// A JSON object with the dotted path that leads to it, so that errors name the field.
#[derive(Debug, Clone)]
pub(super) struct Obj<'a> {
    map: &'a Map<String, Value>,
    path: String,
}

impl<'a> Obj<'a> {
    /// The record itself, which must be an object.
    pub(super) fn root(value: &'a Value) -> Result<Self, FieldError> {
        match value {
            Value::Object(map) => Ok(Self {
                map,
                path: String::new(),
            }),
            other => Err(FieldError::new(
                "-",
                format!("expected an object, found {}", kind(other)),
            )),
        }
    }

    /// An element of a list (`rubrics[3]`), which must be an object.
    pub(super) fn element(value: &'a Value, path: String) -> Result<Self, FieldError> {
        match value {
            Value::Object(map) => Ok(Self { map, path }),
            other => Err(FieldError::new(
                path,
                format!("expected an object, found {}", kind(other)),
            )),
        }
    }

    /// The dotted name of `key` inside this object.
    pub(super) fn name(&self, key: &str) -> String {
        if self.path.is_empty() {
            key.to_string()
        } else {
            format!("{}.{key}", self.path)
        }
    }

    /// The value under `key`; `null` counts as absent.
    pub(super) fn get(&self, key: &str) -> Option<&'a Value> {
        self.map.get(key).filter(|v| !v.is_null())
    }

    /// The underlying map.
    pub(super) fn map(&self) -> &'a Map<String, Value> {
        self.map
    }

    fn missing(&self, key: &str) -> FieldError {
        FieldError::new(self.name(key), "missing")
    }

    fn wrong(&self, key: &str, expected: &str, found: &Value) -> FieldError {
        FieldError::new(
            self.name(key),
            format!("expected {expected}, found {}", kind(found)),
        )
    }

    /// A string field that must be present (it may be empty).
    pub(super) fn str(&self, key: &str) -> Result<&'a str, FieldError> {
        match self.get(key) {
            Some(Value::String(s)) => Ok(s),
            Some(other) => Err(self.wrong(key, "a string", other)),
            None => Err(self.missing(key)),
        }
    }

    /// A string field that must be present and not blank.
    pub(super) fn text(&self, key: &str) -> Result<&'a str, FieldError> {
        let s = self.str(key)?;
        if s.trim().is_empty() {
            Err(FieldError::new(self.name(key), "must not be empty"))
        } else {
            Ok(s)
        }
    }

    /// An optional string field.
    pub(super) fn opt_str(&self, key: &str) -> Result<Option<&'a str>, FieldError> {
        match self.get(key) {
            Some(Value::String(s)) => Ok(Some(s)),
            Some(other) => Err(self.wrong(key, "a string", other)),
            None => Ok(None),
        }
    }

    /// A nested object, whose errors are named below this one's (`base.answer`).
    pub(super) fn obj(&self, key: &str) -> Result<Obj<'a>, FieldError> {
        match self.get(key) {
            Some(Value::Object(map)) => Ok(Obj {
                map,
                path: self.name(key),
            }),
            Some(other) => Err(self.wrong(key, "an object", other)),
            None => Err(self.missing(key)),
        }
    }

    /// A list field that must be present.
    pub(super) fn list(&self, key: &str) -> Result<&'a [Value], FieldError> {
        match self.get(key) {
            Some(Value::Array(items)) => Ok(items),
            Some(other) => Err(self.wrong(key, "a list", other)),
            None => Err(self.missing(key)),
        }
    }

    /// A non-negative integer field.
    pub(super) fn index(&self, key: &str) -> Result<usize, FieldError> {
        match self.get(key) {
            Some(value) => as_index(value).ok_or_else(|| {
                FieldError::new(
                    self.name(key),
                    format!("expected a non-negative whole number, found {value}"),
                )
            }),
            None => Err(self.missing(key)),
        }
    }

    /// A list of strings, each not blank; `allow_single` also takes one bare string.
    pub(super) fn strings(
        &self,
        key: &str,
        allow_single: bool,
    ) -> Result<Vec<&'a str>, FieldError> {
        let values: Vec<&Value> = match self.get(key) {
            Some(Value::Array(items)) => items.iter().collect(),
            Some(value @ Value::String(_)) if allow_single => vec![value],
            Some(other) => {
                let expected = if allow_single {
                    "a string or a list of strings"
                } else {
                    "a list of strings"
                };
                return Err(self.wrong(key, expected, other));
            }
            None => return Err(self.missing(key)),
        };
        if values.is_empty() {
            return Err(FieldError::new(self.name(key), "must not be empty"));
        }
        let mut out = Vec::new();
        for (i, value) in values.into_iter().enumerate() {
            match value {
                Value::String(s) if !s.trim().is_empty() => out.push(s.as_str()),
                Value::String(_) => {
                    return Err(FieldError::new(
                        format!("{}[{i}]", self.name(key)),
                        "must not be empty",
                    ));
                }
                other => {
                    return Err(FieldError::new(
                        format!("{}[{i}]", self.name(key)),
                        format!("expected a string, found {}", kind(other)),
                    ));
                }
            }
        }
        Ok(out)
    }
}

/// A whole non-negative number (`3` or `3.0`).
pub(super) fn as_index(value: &Value) -> Option<usize> {
    if let Some(n) = value.as_u64() {
        return usize::try_from(n).ok();
    }
    let f = value.as_f64()?;
    // Exact small whole numbers only; the cast cannot truncate after these checks.
    (f >= 0.0 && f.fract() == 0.0 && f < 1e15).then_some(f as usize)
}

/// Deduplicates strings, keeping the first of each (compared after trimming and
/// lowercasing, as ethos matches accepted answers).
pub(super) fn dedup_folded<'s>(items: impl IntoIterator<Item = &'s str>) -> Vec<String> {
    let mut seen = std::collections::HashSet::new();
    items
        .into_iter()
        .map(str::trim)
        .filter(|s| !s.is_empty() && seen.insert(s.to_lowercase()))
        .map(str::to_string)
        .collect()
}

/// A CSV (or TSV) file: its columns and records.
#[derive(Debug)]
pub(super) struct Table {
    columns: HashMap<String, usize>,
    /// The records that could be read, in file order.
    pub rows: Vec<Row>,
    /// Records that could not be read (wrong number of fields, bad UTF-8): importers
    /// report them with their own, so that one import shows every problem.
    pub problems: Vec<Diagnostic>,
}

/// One CSV record.
#[derive(Debug)]
pub(super) struct Row {
    /// 1-based line where the record starts.
    pub line: usize,
    /// 0-based record number, not counting the header.
    pub index: usize,
    fields: csv::StringRecord,
}

impl Table {
    /// Whether the file has `column` (compared ignoring case, spaces and underscores).
    pub(super) fn has(&self, column: &str) -> bool {
        self.columns.contains_key(&column_key(column))
    }

    /// The value of `column` in `row` (empty when the column is absent).
    pub(super) fn get<'r>(&self, row: &'r Row, column: &str) -> &'r str {
        self.columns
            .get(&column_key(column))
            .and_then(|&i| row.fields.get(i))
            .unwrap_or("")
    }

    /// A value that must not be blank.
    pub(super) fn text<'r>(&self, row: &'r Row, column: &str) -> Result<&'r str, FieldError> {
        let value = self.get(row, column);
        if value.trim().is_empty() {
            Err(FieldError::new(column, "must not be empty"))
        } else {
            Ok(value)
        }
    }
}

/// Column names compared without case, spaces, dashes or underscores.
fn column_key(name: &str) -> String {
    name.chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

/// Reads a CSV file with a header row; every column in `required` must be present.
/// Records that cannot be read are left out and listed in [`Table::problems`].
pub(super) fn read_table(
    path: &Path,
    text: &str,
    delimiter: u8,
    required: &[&str],
) -> Result<Table, Vec<Diagnostic>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(vec![Diagnostic::file(path, "empty file: no header row")]);
    }
    // Flexible, so that a short record is reported with its line and the rest still read.
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(true)
        .flexible(true)
        .from_reader(text.as_bytes());
    let names: Vec<String> = match reader.headers() {
        Ok(headers) => headers.iter().map(|h| h.trim().to_string()).collect(),
        Err(err) => return Err(vec![csv_problem(path, &err)]),
    };
    let columns: HashMap<String, usize> = names
        .iter()
        .enumerate()
        .map(|(i, name)| (column_key(name), i))
        .collect();
    let missing: Vec<Diagnostic> = required
        .iter()
        .filter(|c| !columns.contains_key(&column_key(c)))
        .map(|c| {
            Diagnostic::at(
                path,
                1,
                *c,
                format!("missing column (the header has: {})", names.join(", ")),
            )
        })
        .collect();
    if !missing.is_empty() {
        return Err(missing);
    }
    let mut rows = Vec::new();
    let mut problems = Vec::new();
    for (index, record) in reader.records().enumerate() {
        match record {
            Ok(fields) => {
                let line = fields.position().map_or(index + 2, |p| line_of(p.line()));
                if fields.len() == names.len() {
                    rows.push(Row {
                        line,
                        index,
                        fields,
                    });
                } else {
                    problems.push(Diagnostic::at(
                        path,
                        line,
                        "-",
                        format!(
                            "the record has {} fields, the header {}",
                            fields.len(),
                            names.len()
                        ),
                    ));
                }
            }
            Err(err) => problems.push(csv_problem(path, &err)),
        }
    }
    if rows.is_empty() && problems.is_empty() {
        return Err(vec![Diagnostic::at(
            path,
            1,
            "-",
            "the file has a header but no rows",
        )]);
    }
    Ok(Table {
        columns,
        rows,
        problems,
    })
}

fn line_of(line: u64) -> usize {
    usize::try_from(line).unwrap_or(usize::MAX)
}

fn csv_problem(path: &Path, err: &csv::Error) -> Diagnostic {
    let message = format!("malformed CSV: {err}");
    match err.position() {
        Some(position) => Diagnostic::at(path, line_of(position.line()), "-", message),
        None => Diagnostic::file(path, message),
    }
}
