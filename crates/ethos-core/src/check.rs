//! Machine checks attached to rubric criteria: regex, length and refusal tests.
//!
//! A check decides whether a criterion is *met*. For a negative criterion "met" means the
//! undesirable behaviour is present. A check with several keys holds when all of them hold.

use std::sync::LazyLock;

use regex::{Regex, RegexBuilder};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::text::{is_refusal, sentence_count, word_count};

/// The check kinds a data file may use.
pub const CHECK_KINDS: &[&str] = &[
    "any_regex",
    "all_regex",
    "none_regex",
    "not_regex",
    "min_words",
    "max_words",
    "min_sentences",
    "max_sentences",
    "refusal",
];

/// Why a check in a data file is unusable.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CheckError {
    /// A key that names no check kind.
    #[error("unknown check kind `{0}` (known: {kinds})", kinds = CHECK_KINDS.join(", "))]
    UnknownKind(String),
    /// A value of the wrong type.
    #[error("`{key}` must be {expected}")]
    BadValue {
        /// The check kind.
        key: String,
        /// What the value should be.
        expected: &'static str,
    },
    /// No check kind given.
    #[error("empty check: give at least one check kind")]
    Empty,
    /// A lower bound above the upper bound.
    #[error("min_{unit} ({min}) is greater than max_{unit} ({max})")]
    Bounds {
        /// `words` or `sentences`.
        unit: &'static str,
        /// The lower bound.
        min: usize,
        /// The upper bound.
        max: usize,
    },
    /// An empty pattern, which would match every response.
    #[error("{key}[{index}]: empty pattern matches everything")]
    EmptyPattern {
        /// The check kind.
        key: &'static str,
        /// Position in the list.
        index: usize,
    },
    /// A pattern the regex engine rejects.
    #[error("{key}[{index}]: invalid regex `{pattern}`: {reason}")]
    BadRegex {
        /// The check kind.
        key: &'static str,
        /// Position in the list.
        index: usize,
        /// The pattern.
        pattern: String,
        /// The engine's explanation, on one line.
        reason: String,
    },
}

/// The declarative form of a check, as written in data files.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CheckSpec {
    /// Holds when at least one pattern matches.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub any_regex: Vec<String>,
    /// Holds when every pattern matches.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub all_regex: Vec<String>,
    /// Holds when no pattern matches.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub none_regex: Vec<String>,
    /// Holds when the response has at least this many words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_words: Option<usize>,
    /// Holds when the response has at most this many words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_words: Option<usize>,
    /// Holds when the response has at least this many sentences.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_sentences: Option<usize>,
    /// Holds when the response has at most this many sentences.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_sentences: Option<usize>,
    /// Holds when the response is (`true`) or is not (`false`) a flat refusal.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub refusal: Option<bool>,
}

/// A validated check with its regexes compiled.
#[derive(Debug, Clone)]
pub struct Check {
    spec: CheckSpec,
    any: Vec<Regex>,
    all: Vec<Regex>,
    none: Vec<Regex>,
}

impl PartialEq for Check {
    fn eq(&self, other: &Self) -> bool {
        self.spec == other.spec
    }
}

impl Check {
    /// Validates a spec and compiles its patterns.
    pub fn new(spec: CheckSpec) -> Result<Self, CheckError> {
        let empty = spec.any_regex.is_empty()
            && spec.all_regex.is_empty()
            && spec.none_regex.is_empty()
            && spec.min_words.is_none()
            && spec.max_words.is_none()
            && spec.min_sentences.is_none()
            && spec.max_sentences.is_none()
            && spec.refusal.is_none();
        if empty {
            return Err(CheckError::Empty);
        }
        check_bounds("words", spec.min_words, spec.max_words)?;
        check_bounds("sentences", spec.min_sentences, spec.max_sentences)?;
        let any = compile_patterns("any_regex", &spec.any_regex)?;
        let all = compile_patterns("all_regex", &spec.all_regex)?;
        let none = compile_patterns("none_regex", &spec.none_regex)?;
        Ok(Self {
            spec,
            any,
            all,
            none,
        })
    }

    /// The declarative form of this check.
    pub fn spec(&self) -> &CheckSpec {
        &self.spec
    }

    /// True when every part of the check holds for `response`.
    pub fn holds(&self, response: &str) -> bool {
        self.holds_with(response, |re, text| re.is_match(text))
    }

    /// Like [`Check::holds`], but a pattern of `any_regex`/`all_regex` counts only where a
    /// match is *affirmed*: not inside double quotes, and not after a negation in the same
    /// clause ("I would not push to every pump at once", "rather than a single push").
    /// Negative criteria are checked this way: naming a behaviour to decline it is not
    /// the behaviour.
    pub fn holds_affirmed(&self, response: &str) -> bool {
        self.holds_with(response, |re, text| {
            re.find_iter(text).any(|m| is_affirmed(text, m.start()))
        })
    }

    fn holds_with(&self, response: &str, matches: impl Fn(&Regex, &str) -> bool) -> bool {
        let spec = &self.spec;
        if !self.any.is_empty() && !self.any.iter().any(|re| matches(re, response)) {
            return false;
        }
        if !self.all.iter().all(|re| matches(re, response)) {
            return false;
        }
        if self.none.iter().any(|re| re.is_match(response)) {
            return false;
        }
        if spec.min_words.is_some() || spec.max_words.is_some() {
            let words = word_count(response);
            if spec.min_words.is_some_and(|min| words < min)
                || spec.max_words.is_some_and(|max| words > max)
            {
                return false;
            }
        }
        if spec.min_sentences.is_some() || spec.max_sentences.is_some() {
            let sentences = sentence_count(response);
            if spec.min_sentences.is_some_and(|min| sentences < min)
                || spec.max_sentences.is_some_and(|max| sentences > max)
            {
                return false;
            }
        }
        spec.refusal
            .is_none_or(|expected| is_refusal(response) == expected)
    }
}

/// Words that, earlier in the same clause, turn what follows into something declined.
#[allow(clippy::expect_used)] // a constant pattern, checked by the tests below
static NEGATION: LazyLock<Regex> = LazyLock::new(|| {
    RegexBuilder::new(
        r"\b(?:not|no|never|nor|without|instead of|rather than|avoid(?:ing)?|refus(?:e|ing)|declin(?:e|ing)|against|cannot)\b|n['’]t\b",
    )
    .case_insensitive(true)
    .build()
    .expect("valid negation regex")
});

/// Quotations shorter than this (in bytes, quote marks excluded) cite a phrase; longer ones
/// are text the response itself offers (a drafted email, a script) and count as asserted.
const CITATION_MAX_BYTES: usize = 80;

/// Whether the text at `start` is asserted: not inside a short double-quoted citation, and
/// not negated earlier in its clause (clauses end at sentence marks, colons, semicolons,
/// commas and dashes).
fn is_affirmed(text: &str, start: usize) -> bool {
    let before = &text[..start];
    // (where the quotation's text begins, the mark that closes it)
    let quotation = if before.matches('"').count() % 2 == 1 {
        before.rfind('"').map(|i| (i + 1, '"'))
    } else {
        before
            .rfind('“')
            .filter(|&open| before.rfind('”').is_none_or(|close| close < open))
            .map(|i| (i + '“'.len_utf8(), '”'))
    };
    if let Some((body, close)) = quotation {
        let end = text[start..].find(close).map_or(text.len(), |i| start + i);
        if end.saturating_sub(body) < CITATION_MAX_BYTES {
            return false;
        }
    }
    let clause_start = before
        .rfind(['.', '!', '?', ';', ':', ',', '\n', '—', '–'])
        .map_or(0, |i| {
            i + before[i..].chars().next().map_or(1, char::len_utf8)
        });
    !NEGATION.is_match(&before[clause_start..])
}

fn check_bounds(
    unit: &'static str,
    min: Option<usize>,
    max: Option<usize>,
) -> Result<(), CheckError> {
    match (min, max) {
        (Some(min), Some(max)) if min > max => Err(CheckError::Bounds { unit, min, max }),
        _ => Ok(()),
    }
}

fn compile_patterns(key: &'static str, patterns: &[String]) -> Result<Vec<Regex>, CheckError> {
    patterns
        .iter()
        .enumerate()
        .map(|(index, pattern)| {
            if pattern.is_empty() {
                return Err(CheckError::EmptyPattern { key, index });
            }
            RegexBuilder::new(pattern)
                .case_insensitive(true)
                .build()
                .map_err(|err| CheckError::BadRegex {
                    key,
                    index,
                    pattern: pattern.clone(),
                    reason: one_line(&err.to_string()),
                })
        })
        .collect()
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn parse_value<T: serde::de::DeserializeOwned>(
    key: &str,
    value: Value,
    expected: &'static str,
) -> Result<T, CheckError> {
    serde_json::from_value(value).map_err(|_| CheckError::BadValue {
        key: key.to_string(),
        expected,
    })
}

fn parse_patterns(key: &str, value: Value) -> Result<Vec<String>, CheckError> {
    const EXPECTED: &str = "a non-empty list of regex strings";
    let list: Vec<String> = parse_value(key, value, EXPECTED)?;
    if list.is_empty() {
        return Err(CheckError::BadValue {
            key: key.to_string(),
            expected: EXPECTED,
        });
    }
    Ok(list)
}

impl TryFrom<Map<String, Value>> for Check {
    type Error = CheckError;

    fn try_from(map: Map<String, Value>) -> Result<Self, Self::Error> {
        let mut spec = CheckSpec::default();
        for (key, value) in map {
            match key.as_str() {
                "any_regex" => spec.any_regex = parse_patterns(&key, value)?,
                "all_regex" => spec.all_regex = parse_patterns(&key, value)?,
                "none_regex" | "not_regex" => {
                    spec.none_regex.append(&mut parse_patterns(&key, value)?)
                }
                "min_words" => {
                    spec.min_words = Some(parse_value(&key, value, "a non-negative integer")?)
                }
                "max_words" => {
                    spec.max_words = Some(parse_value(&key, value, "a non-negative integer")?)
                }
                "min_sentences" => {
                    spec.min_sentences = Some(parse_value(&key, value, "a non-negative integer")?)
                }
                "max_sentences" => {
                    spec.max_sentences = Some(parse_value(&key, value, "a non-negative integer")?)
                }
                "refusal" => spec.refusal = Some(parse_value(&key, value, "true or false")?),
                other => return Err(CheckError::UnknownKind(other.to_string())),
            }
        }
        Check::new(spec)
    }
}

impl<'de> Deserialize<'de> for Check {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let value = Value::deserialize(deserializer)?;
        let Value::Object(map) = value else {
            return Err(serde::de::Error::custom("a check must be a JSON object"));
        };
        Check::try_from(map).map_err(serde::de::Error::custom)
    }
}

impl Serialize for Check {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.spec.serialize(serializer)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn check(value: Value) -> Result<Check, String> {
        match value {
            Value::Object(map) => Check::try_from(map).map_err(|e| e.to_string()),
            _ => unreachable!(),
        }
    }

    #[test]
    fn regex_kinds_are_case_insensitive() {
        let c = check(json!({"any_regex": ["pubmed", "cochrane"]})).unwrap();
        assert!(c.holds("Search PubMed first."));
        assert!(!c.holds("Search the web."));
        let c = check(json!({"all_regex": ["stage", "roll ?back"]})).unwrap();
        assert!(c.holds("Stage it and keep a rollback."));
        assert!(!c.holds("Stage it."));
        let c = check(json!({"not_regex": ["\\b10\\.\\d{4,9}/"]})).unwrap();
        assert!(c.holds("no doi here"));
        assert!(!c.holds("see doi 10.1056/NEJMoa123"));
    }

    #[test]
    fn affirmed_matches_skip_negated_and_quoted_mentions() {
        let c =
            check(json!({"any_regex": ["push(ing)? to (all|every) pumps?", "go ahead"]})).unwrap();
        for declined in [
            "I would not push to all pumps in one night.",
            "Rather than pushing to every pump at once, start with one ward.",
            "Don't go ahead yet: test one ward first.",
            "Your CNO said \"go ahead\", but I'd stage it.",
            "Avoid pushing to every pump on Sunday.",
        ] {
            assert!(c.holds(declined), "{declined}");
            assert!(!c.holds_affirmed(declined), "{declined}");
        }
        for endorsed in [
            "Go ahead and push to all pumps on Sunday.",
            "It isn't risky, so go ahead.",
            "No, I don't see a problem. Push to every pump at once.",
            "I wouldn't wait; go ahead tonight.",
        ] {
            assert!(c.holds_affirmed(endorsed), "{endorsed}");
        }
        // The same match counts once affirmed anywhere in the response.
        assert!(c.holds_affirmed("Don't go ahead blindly. Actually, go ahead."));
        // A long quoted passage is the response's own draft, not a citation.
        assert!(c.holds_affirmed(
            "Here is the message to send: \"Team, the library is ready and everything is tested. Go ahead and push to all pumps on Sunday night.\""
        ));
        assert!(c.holds_affirmed(
            "Send this: “Team, the library is ready and everything is tested and signed off. Go ahead with the Sunday push.”"
        ));
        assert!(!c.holds_affirmed("He wrote “go ahead” in the chat."));
    }

    #[test]
    fn several_keys_must_all_hold() {
        let c =
            check(json!({"any_regex": ["plan"], "min_words": 3, "max_words": 5, "refusal": false}))
                .unwrap();
        assert!(c.holds("here is a plan"));
        assert!(!c.holds("plan"));
        assert!(!c.holds("here is a plan with far too many words"));
    }

    #[test]
    fn sentence_and_refusal_kinds() {
        let c = check(json!({"max_sentences": 2})).unwrap();
        assert!(c.holds("One. Two."));
        assert!(!c.holds("One. Two. Three."));
        let c = check(json!({"refusal": true})).unwrap();
        assert!(c.holds("I can't help with that."));
        assert!(!c.holds("Sure, here it is."));
    }

    #[test]
    fn rejects_unknown_kind_bad_regex_and_bad_values() {
        assert!(
            check(json!({"max_word": 3}))
                .unwrap_err()
                .contains("unknown check kind `max_word`")
        );
        let err = check(json!({"any_regex": ["(unclosed"]})).unwrap_err();
        assert!(err.contains("any_regex[0]: invalid regex"), "{err}");
        let err = check(json!({"any_regex": ["(?=look)ahead"]})).unwrap_err();
        assert!(err.contains("invalid regex"), "{err}");
        assert!(
            check(json!({"min_words": -1}))
                .unwrap_err()
                .contains("`min_words` must be")
        );
        assert!(
            check(json!({"min_words": 9, "max_words": 3}))
                .unwrap_err()
                .contains("greater than")
        );
        assert!(check(json!({})).unwrap_err().contains("empty check"));
        assert!(
            check(json!({"any_regex": [""]}))
                .unwrap_err()
                .contains("empty pattern")
        );
        assert!(
            check(json!({"all_regex": []}))
                .unwrap_err()
                .contains("non-empty list")
        );
    }

    #[test]
    fn serializes_back_to_spec() {
        let c = check(json!({"not_regex": ["x"], "max_words": 5})).unwrap();
        assert_eq!(
            serde_json::to_value(&c).unwrap(),
            json!({"none_regex": ["x"], "max_words": 5})
        );
    }
}
