//! Line-numbered JSONL reading and atomic writing.

use std::fs;
use std::io::Write;
use std::path::Path;

use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::diagnostic::{Diagnostic, field_path};

/// A record read from a file, with the line it came from.
#[derive(Debug, Clone)]
pub struct Line<T> {
    /// 1-based line number.
    pub line: usize,
    /// The parsed record.
    pub value: T,
}

/// Reads a JSONL file, parsing every non-blank line as `T`.
///
/// Returns the records that parsed and a diagnostic for each line that did not; the
/// diagnostic names the field where serde stopped.
pub fn read_jsonl<T: DeserializeOwned>(path: &Path) -> (Vec<Line<T>>, Vec<Diagnostic>) {
    let text = match fs::read_to_string(path) {
        Ok(text) => text,
        Err(err) => {
            return (
                Vec::new(),
                vec![Diagnostic::file(path, format!("cannot read: {err}"))],
            );
        }
    };
    parse_jsonl(path, &text)
}

/// Parses JSONL text that came from `path` (used for error locations only).
pub fn parse_jsonl<T: DeserializeOwned>(
    path: &Path,
    text: &str,
) -> (Vec<Line<T>>, Vec<Diagnostic>) {
    let mut records = Vec::new();
    let mut problems = Vec::new();
    for (index, raw) in text.lines().enumerate() {
        let line = index + 1;
        if raw.trim().is_empty() {
            continue;
        }
        let value: serde_json::Value = match serde_json::from_str(raw) {
            Ok(value) => value,
            Err(err) => {
                problems.push(Diagnostic::at(
                    path,
                    line,
                    "-",
                    format!("malformed JSON: {err}"),
                ));
                continue;
            }
        };
        if !value.is_object() {
            problems.push(Diagnostic::at(path, line, "-", "expected a JSON object"));
            continue;
        }
        match serde_path_to_error::deserialize::<_, T>(value) {
            Ok(value) => records.push(Line { line, value }),
            Err(err) => {
                let field = field_path(err.path());
                problems.push(Diagnostic::at(
                    path,
                    line,
                    field,
                    err.into_inner().to_string(),
                ));
            }
        }
    }
    (records, problems)
}

/// Writes `records` as JSONL atomically: to a temporary file beside `path`, then renamed.
pub fn write_jsonl<T: Serialize>(path: &Path, records: &[T]) -> std::io::Result<()> {
    let mut buffer = Vec::new();
    for record in records {
        serde_json::to_writer(&mut buffer, record)?;
        buffer.push(b'\n');
    }
    write_atomic(path, &buffer)
}

/// Writes bytes to `path` atomically (temporary file in the same directory, then rename).
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = (|| {
        let mut file = fs::File::create(&tmp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, Deserialize, Serialize, PartialEq)]
    #[serde(deny_unknown_fields)]
    struct Row {
        id: String,
        n: i32,
    }

    #[test]
    fn reports_line_and_field_of_each_bad_line() {
        let text =
            "{\"id\":\"a\",\"n\":1}\n\n{\"id\":\"b\",\"n\":\"x\"}\nnot json\n[1]\n{\"id\":\"c\"}\n";
        let (rows, problems) = parse_jsonl::<Row>(Path::new("f.jsonl"), text);
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].line, 1);
        let lines: Vec<_> = problems.iter().map(|p| p.line).collect();
        assert_eq!(lines, vec![Some(3), Some(4), Some(5), Some(6)]);
        assert_eq!(problems[0].field, "n");
        assert!(problems[1].message.contains("malformed JSON"));
        assert!(problems[3].message.contains("missing field `n`"));
    }

    #[test]
    fn atomic_write_round_trips() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.jsonl");
        let rows = vec![
            Row {
                id: "a".into(),
                n: 1,
            },
            Row {
                id: "b".into(),
                n: 2,
            },
        ];
        write_jsonl(&path, &rows).unwrap();
        let (back, problems) = read_jsonl::<Row>(&path);
        assert!(problems.is_empty());
        assert_eq!(back.into_iter().map(|l| l.value).collect::<Vec<_>>(), rows);
        let leftovers: Vec<_> = fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(leftovers.len(), 1, "no temporary file left behind");
    }
}
