//! Verifiers for standard tasks: pure functions from (params, response) to a [`Verdict`].

use std::sync::LazyLock;

use regex::{Regex, RegexBuilder};
use serde::{Deserialize, Serialize};

use crate::task::{
    BulletCount, Factual, ForbiddenWords, JsonKeys, Lowercase, MultiConstraint, NoCommas,
    NumericAnswer, RequiredWords, SentenceLimit, SortKey, SortList, SortOrder, StartEnd, TaskSpec,
    UnitConversion, WordLimit,
};
use crate::text::{normalized_words, sentence_count, word_count};

/// The outcome of verifying one response.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Verdict {
    /// Reward in [0, 1]; partial credit where the kind defines it.
    pub score: f64,
    /// Whether the response fully satisfies the task.
    pub passed: bool,
    /// Why, in a few words.
    pub reason: String,
}

impl Verdict {
    fn pass(reason: impl Into<String>) -> Self {
        Self {
            score: 1.0,
            passed: true,
            reason: reason.into(),
        }
    }

    fn fail(reason: impl Into<String>) -> Self {
        Self {
            score: 0.0,
            passed: false,
            reason: reason.into(),
        }
    }

    fn from_bool(ok: bool, reason: impl Into<String>) -> Self {
        if ok {
            Self::pass(reason)
        } else {
            Self::fail(reason)
        }
    }
}

impl TaskSpec {
    /// Verifies `response` against this task.
    pub fn verify(&self, response: &str) -> Verdict {
        match self {
            Self::WordLimit(p) => verify_word_limit(p, response),
            Self::SentenceLimit(p) => verify_sentence_limit(p, response),
            Self::RequiredWords(p) => verify_required_words(p, response),
            Self::ForbiddenWords(p) => verify_forbidden_words(p, response),
            Self::BulletCount(p) => verify_bullet_count(p, response),
            Self::JsonKeys(p) => verify_json_keys(p, response),
            Self::Lowercase(p) => verify_lowercase(p, response),
            Self::StartEnd(p) => verify_start_end(p, response),
            Self::NoCommas(p) => verify_no_commas(p, response),
            Self::Arithmetic(p) => verify_arithmetic(p, response),
            Self::UnitConversion(p) => verify_unit_conversion(p, response),
            Self::SortList(p) => verify_sort_list(p, response),
            Self::Factual(p) | Self::Reading(p) => verify_factual(p, response),
            Self::MultiStepArithmetic(p) => verify_arithmetic(p, response),
            Self::MultiConstraint(p) => verify_multi_constraint(p, response),
        }
    }
}

fn within(value: usize, min: Option<usize>, max: Option<usize>) -> bool {
    // An empty answer never satisfies a length task, whatever the bounds.
    value >= min.unwrap_or(1).max(1) && max.is_none_or(|max| value <= max)
}

/// Word count within bounds (at least one word).
pub fn verify_word_limit(p: &WordLimit, response: &str) -> Verdict {
    let words = word_count(response);
    Verdict::from_bool(
        within(words, p.min_words, p.max_words),
        format!("{words} words"),
    )
}

/// Sentence count within bounds (at least one sentence).
pub fn verify_sentence_limit(p: &SentenceLimit, response: &str) -> Verdict {
    let sentences = sentence_count(response);
    Verdict::from_bool(
        within(sentences, p.min_sentences, p.max_sentences),
        format!("{sentences} sentences"),
    )
}

/// True when `phrase` occurs in `text` as whole words, ignoring case and punctuation.
pub fn contains_phrase(text: &str, phrase: &str) -> bool {
    let needle = normalized_words(phrase);
    if needle.is_empty() {
        return false;
    }
    normalized_words(text)
        .windows(needle.len())
        .any(|window| window == needle.as_slice())
}

/// Fraction of required words present; passes when all are.
pub fn verify_required_words(p: &RequiredWords, response: &str) -> Verdict {
    let missing: Vec<&str> = p
        .words
        .iter()
        .filter(|w| !contains_phrase(response, w))
        .map(String::as_str)
        .collect();
    let found = p.words.len() - missing.len();
    let score = found as f64 / p.words.len().max(1) as f64;
    let reason = if missing.is_empty() {
        "all present".to_string()
    } else {
        format!("missing: {}", missing.join(", "))
    };
    Verdict {
        score,
        passed: missing.is_empty(),
        reason,
    }
}

/// No forbidden word present, and a substantive answer.
pub fn verify_forbidden_words(p: &ForbiddenWords, response: &str) -> Verdict {
    let present: Vec<&str> = p
        .words
        .iter()
        .filter(|w| contains_phrase(response, w))
        .map(String::as_str)
        .collect();
    let words = word_count(response);
    if words < p.min_words.max(1) {
        return Verdict::fail(format!("only {words} words"));
    }
    Verdict::from_bool(
        present.is_empty(),
        if present.is_empty() {
            "none present".to_string()
        } else {
            format!("uses: {}", present.join(", "))
        },
    )
}

#[allow(clippy::expect_used)] // constant pattern, exercised by the tests
static BULLET: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*(?:[-*•]|\d+[.)])\s+\S").expect("valid bullet regex"));

/// Number of bullet lines (`-`, `*`, `•` or numbered).
pub fn bullet_lines(response: &str) -> usize {
    response
        .lines()
        .filter(|line| BULLET.is_match(line))
        .count()
}

/// Exactly the required number of bullet lines.
pub fn verify_bullet_count(p: &BulletCount, response: &str) -> Verdict {
    let count = bullet_lines(response);
    Verdict::from_bool(count == p.count, format!("{count} bullets"))
}

/// The JSON object in a response: the whole text, or the inside of a ``` fence.
pub fn extract_json_object(response: &str) -> Option<serde_json::Map<String, serde_json::Value>> {
    let trimmed = response.trim();
    let candidates = [Some(trimmed), fenced_block(trimmed)];
    candidates
        .into_iter()
        .flatten()
        .find_map(|text| match serde_json::from_str(text.trim()) {
            Ok(serde_json::Value::Object(map)) => Some(map),
            _ => None,
        })
}

fn fenced_block(text: &str) -> Option<&str> {
    let start = text.find("```")?;
    let rest = &text[start + 3..];
    let rest = rest.strip_prefix("json").unwrap_or(rest);
    let end = rest.find("```")?;
    Some(&rest[..end])
}

/// A JSON object (optionally fenced) with the required keys (and only those when `exact`).
pub fn verify_json_keys(p: &JsonKeys, response: &str) -> Verdict {
    let Some(object) = extract_json_object(response) else {
        return Verdict::fail("no JSON object");
    };
    let missing: Vec<&str> = p
        .keys
        .iter()
        .filter(|k| !object.contains_key(k.as_str()))
        .map(String::as_str)
        .collect();
    let extra: Vec<&str> = object
        .keys()
        .filter(|k| !p.keys.contains(k))
        .map(String::as_str)
        .collect();
    if !missing.is_empty() {
        return Verdict::fail(format!("missing keys: {}", missing.join(", ")));
    }
    if p.exact && !extra.is_empty() {
        return Verdict::fail(format!("extra keys: {}", extra.join(", ")));
    }
    Verdict::pass("keys match")
}

/// No uppercase letter, and a substantive answer.
pub fn verify_lowercase(p: &Lowercase, response: &str) -> Verdict {
    let words = word_count(response);
    if words < p.min_words.max(1) {
        return Verdict::fail(format!("only {words} words"));
    }
    let upper = response.chars().filter(|c| c.is_uppercase()).count();
    Verdict::from_bool(upper == 0, format!("{upper} uppercase letters"))
}

/// Opens and/or closes with the required phrase, ignoring case and surrounding whitespace.
pub fn verify_start_end(p: &StartEnd, response: &str) -> Verdict {
    let text = response.trim().to_lowercase();
    if p.start
        .as_ref()
        .is_some_and(|start| !text.starts_with(&start.trim().to_lowercase()))
    {
        return Verdict::fail("wrong opening");
    }
    if p.end
        .as_ref()
        .is_some_and(|end| !text.ends_with(&end.trim().to_lowercase()))
    {
        return Verdict::fail("wrong ending");
    }
    Verdict::pass("opening and ending match")
}

/// No comma, and a substantive answer.
pub fn verify_no_commas(p: &NoCommas, response: &str) -> Verdict {
    let words = word_count(response);
    if words < p.min_words.max(1) {
        return Verdict::fail(format!("only {words} words"));
    }
    let commas = response
        .chars()
        .filter(|c| matches!(c, ',' | '，' | '、'))
        .count();
    Verdict::from_bool(commas == 0, format!("{commas} commas"))
}

#[allow(clippy::expect_used)] // constant patterns, exercised by the tests
static NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"-?\$?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?").expect("valid number regex")
});
#[allow(clippy::expect_used)]
static ANSWER_MARKER: LazyLock<Regex> = LazyLock::new(|| {
    RegexBuilder::new(r"####|\\boxed\{|\banswer\s*(?:is|:|=|would be|will be|comes to)")
        .case_insensitive(true)
        .build()
        .expect("valid marker regex")
});
#[allow(clippy::expect_used)]
static ASIDE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\([^()]*\)").expect("valid aside regex"));

/// The final numeric answer of a response: the first number after the last explicit
/// answer marker ("the answer is", "####", `\boxed{`), else the last number outside
/// parentheses, so that worked steps ("1 mile = 1.609 km, so 10 miles is 16.09 km") and
/// asides ("(check: 391 / 17 = 23)") do not stand for the answer.
pub fn final_number(response: &str) -> Option<f64> {
    let parse = |m: regex::Match<'_>| m.as_str().replace(['$', ','], "").parse::<f64>().ok();
    if let Some(marker) = ANSWER_MARKER.find_iter(response).last()
        && let Some(number) = NUMBER.find(&response[marker.end()..])
    {
        return parse(number);
    }
    let plain = ASIDE.replace_all(response, " ");
    NUMBER
        .find_iter(&plain)
        .last()
        .or_else(|| NUMBER.find_iter(response).last())
        .and_then(parse)
}

/// Final number within an absolute tolerance of the answer.
pub fn verify_arithmetic(p: &NumericAnswer, response: &str) -> Verdict {
    match final_number(response) {
        Some(value) => Verdict::from_bool(
            (value - p.answer).abs() <= p.tolerance,
            format!("answered {value}, expected {}", p.answer),
        ),
        None => Verdict::fail("no number"),
    }
}

/// Final number within a relative tolerance of the converted value.
pub fn verify_unit_conversion(p: &UnitConversion, response: &str) -> Verdict {
    match final_number(response) {
        Some(value) => {
            let allowed = p.rel_tolerance * p.answer.abs().max(f64::EPSILON);
            Verdict::from_bool(
                (value - p.answer).abs() <= allowed,
                format!("answered {value} {}, expected {}", p.unit, p.answer),
            )
        }
        None => Verdict::fail("no number"),
    }
}

impl SortList {
    /// The items in the order the task asks for.
    pub fn expected(&self) -> Vec<String> {
        let mut items = self.items.clone();
        match self.by {
            SortKey::Alpha => items.sort_by_key(|s| s.to_lowercase()),
            SortKey::Numeric => items.sort_by(|a, b| {
                let (a, b) = (
                    a.trim().parse::<f64>().unwrap_or(f64::NAN),
                    b.trim().parse::<f64>().unwrap_or(f64::NAN),
                );
                a.total_cmp(&b)
            }),
        }
        if self.order == SortOrder::Descending {
            items.reverse();
        }
        items
    }
}

/// Byte position of the last whole-token occurrence of `item` in `text`, ignoring case.
fn last_occurrence(text: &str, item: &str) -> Option<usize> {
    let pattern = format!(
        r"(?:^|[^\w.\-])({})(?:$|[^\w.]|\.(?:[^\d]|$))",
        regex::escape(item.trim())
    );
    let re = RegexBuilder::new(&pattern)
        .case_insensitive(true)
        .build()
        .ok()?;
    // Matches may not overlap, so step through the text one candidate at a time.
    let mut last = None;
    let mut from = 0;
    while let Some(caps) = re.captures_at(text, from) {
        let item_match = caps.get(1)?;
        last = Some(item_match.start());
        from = item_match.end();
    }
    last
}

/// Every item present, with their last occurrences in the expected order. Taking the
/// last occurrence lets the answer restate the input before giving the sorted list.
pub fn verify_sort_list(p: &SortList, response: &str) -> Verdict {
    let expected = p.expected();
    let mut previous = None;
    for item in &expected {
        let Some(position) = last_occurrence(response, item) else {
            return Verdict::fail(format!("missing item `{item}`"));
        };
        if previous.is_some_and(|prev| position <= prev) {
            return Verdict::fail(format!("`{item}` out of order"));
        }
        previous = Some(position);
    }
    Verdict::pass("sorted")
}

/// Every constraint holds; partial credit is the share of constraints that hold.
pub fn verify_multi_constraint(p: &MultiConstraint, response: &str) -> Verdict {
    let verdicts: Vec<(&'static str, Verdict)> = p
        .constraints
        .iter()
        .map(|c| (c.kind(), c.verify(response)))
        .collect();
    let held = verdicts.iter().filter(|(_, v)| v.passed).count();
    let failed: Vec<String> = verdicts
        .iter()
        .filter(|(_, v)| !v.passed)
        .map(|(kind, v)| format!("{kind}: {}", v.reason))
        .collect();
    Verdict {
        score: held as f64 / verdicts.len().max(1) as f64,
        passed: failed.is_empty(),
        reason: if failed.is_empty() {
            format!("all {} constraints hold", verdicts.len())
        } else {
            format!(
                "{held} of {} hold; failed {}",
                verdicts.len(),
                failed.join("; ")
            )
        },
    }
}

/// An accepted answer present in a short response.
pub fn verify_factual(p: &Factual, response: &str) -> Verdict {
    let words = word_count(response);
    if words == 0 || words > p.max_words {
        return Verdict::fail(format!("{words} words (1-{} allowed)", p.max_words));
    }
    match p.accepted.iter().find(|a| contains_phrase(response, a)) {
        Some(answer) => Verdict::pass(format!("matched `{answer}`")),
        None => Verdict::fail("no accepted answer"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(items: &[&str]) -> Vec<String> {
        items.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn word_limit() {
        let p = WordLimit {
            min_words: Some(3),
            max_words: Some(5),
        };
        assert!(verify_word_limit(&p, "one two three four").passed);
        assert!(!verify_word_limit(&p, "one two").passed);
        assert!(!verify_word_limit(&p, "one two three four five six").passed);
        let only_max = WordLimit {
            min_words: None,
            max_words: Some(5),
        };
        assert!(
            !verify_word_limit(&only_max, "").passed,
            "empty never passes"
        );
    }

    #[test]
    fn sentence_limit() {
        let p = SentenceLimit {
            min_sentences: None,
            max_sentences: Some(2),
        };
        assert!(verify_sentence_limit(&p, "One. Two.").passed);
        assert!(!verify_sentence_limit(&p, "One. Two. Three.").passed);
        assert!(!verify_sentence_limit(&p, "   ").passed);
    }

    #[test]
    fn required_words_gives_partial_credit() {
        let p = RequiredWords {
            words: strings(&["river", "stone bridge"]),
        };
        let all = verify_required_words(&p, "The Stone Bridge crosses the river.");
        assert!(all.passed && all.score == 1.0);
        let half = verify_required_words(&p, "The rivers run past a stone bridge-keeper.");
        assert!(!half.passed && (half.score - 0.5).abs() < 1e-12, "{half:?}");
        assert_eq!(verify_required_words(&p, "nothing").score, 0.0);
    }

    #[test]
    fn forbidden_words() {
        let p = ForbiddenWords {
            words: strings(&["very", "really"]),
            min_words: 3,
        };
        assert!(verify_forbidden_words(&p, "This is quite good overall.").passed);
        assert!(!verify_forbidden_words(&p, "This is very good overall.").passed);
        assert!(
            verify_forbidden_words(&p, "Every delivery arrived on time.").passed,
            "substrings are fine"
        );
        assert!(!verify_forbidden_words(&p, "Fine.").passed, "too short");
    }

    #[test]
    fn bullet_count() {
        let p = BulletCount { count: 3 };
        assert!(verify_bullet_count(&p, "Intro:\n- a\n* b\n1. c\nDone.").passed);
        assert!(!verify_bullet_count(&p, "- a\n- b").passed);
        assert!(
            !verify_bullet_count(&p, "-a\n-b\n-c").passed,
            "a bullet needs a space"
        );
    }

    #[test]
    fn json_keys() {
        let p = JsonKeys {
            keys: strings(&["name", "age"]),
            exact: true,
        };
        assert!(verify_json_keys(&p, r#"{"name": "Ada", "age": 36}"#).passed);
        assert!(
            verify_json_keys(
                &p,
                "Here you go:\n```json\n{\"name\": \"Ada\", \"age\": 36}\n```"
            )
            .passed
        );
        assert!(!verify_json_keys(&p, r#"{"name": "Ada"}"#).passed);
        assert!(!verify_json_keys(&p, r#"{"name": "Ada", "age": 36, "x": 1}"#).passed);
        assert!(!verify_json_keys(&p, "name: Ada").passed);
        let loose = JsonKeys { exact: false, ..p };
        assert!(verify_json_keys(&loose, r#"{"name": "Ada", "age": 36, "x": 1}"#).passed);
    }

    #[test]
    fn lowercase() {
        let p = Lowercase { min_words: 3 };
        assert!(verify_lowercase(&p, "all of this is lowercase, really.").passed);
        assert!(!verify_lowercase(&p, "All of this is not.").passed);
        assert!(!verify_lowercase(&p, "ok").passed);
    }

    #[test]
    fn start_end() {
        let p = StartEnd {
            start: Some("Dear team".into()),
            end: Some("Best, Sam".into()),
        };
        assert!(verify_start_end(&p, "  dear team, the build is green. Best, Sam\n").passed);
        assert!(!verify_start_end(&p, "Hi team. Best, Sam").passed);
        assert!(!verify_start_end(&p, "Dear team. Best, Sam. P.S. more").passed);
    }

    #[test]
    fn no_commas() {
        let p = NoCommas { min_words: 3 };
        assert!(verify_no_commas(&p, "No commas appear in this line.").passed);
        assert!(!verify_no_commas(&p, "Well, a comma appears here.").passed);
        assert!(!verify_no_commas(&p, "Short.").passed);
    }

    #[test]
    fn arithmetic_reads_the_final_answer() {
        let p = NumericAnswer {
            answer: 1250.0,
            tolerance: 1e-6,
        };
        assert!(verify_arithmetic(&p, "5 boxes of 250 = 1,250. The answer is $1,250.").passed);
        assert!(
            verify_arithmetic(&p, "The answer is 1250 apples, from 5 x 250.").passed,
            "marker wins over last number"
        );
        assert!(!verify_arithmetic(&p, "The answer is 1200.").passed);
        assert!(!verify_arithmetic(&p, "I am not sure.").passed);
        let negative = NumericAnswer {
            answer: -3.5,
            tolerance: 0.01,
        };
        assert!(verify_arithmetic(&negative, "It ends at -3.5 degrees.").passed);
        assert_eq!(final_number("#### 42"), Some(42.0));
        // Worked answers: the steps before the result do not count.
        let p = NumericAnswer {
            answer: 391.0,
            tolerance: 1e-6,
        };
        assert!(verify_arithmetic(&p, "17 x 23 = 17 x 20 + 17 x 3 = 340 + 51 = 391").passed);
        assert!(verify_arithmetic(&p, "First 17 x 20 = 340, then 17 x 3 = 51, so 391.").passed);
        assert!(verify_arithmetic(&p, "It is 391 (check: 391 / 17 = 23).").passed);
        assert!(verify_arithmetic(&p, "To answer this, 340 + 51 gives 391.").passed);
    }

    #[test]
    fn multi_constraint_gives_the_share_that_holds() {
        let spec = TaskSpec::from_parts(
            "multi_constraint",
            serde_json::json!({"constraints": [
                {"kind": "lowercase", "params": {"min_words": 3}},
                {"kind": "word_limit", "params": {"max_words": 8}},
                {"kind": "required_words", "params": {"words": ["tide"]}}
            ]}),
        )
        .unwrap();
        let all = spec.verify("the moon pulls the tide.");
        assert!(all.passed && all.score == 1.0, "{}", all.reason);
        let two = spec.verify("The moon pulls the tide.");
        assert!(!two.passed);
        assert!((two.score - 2.0 / 3.0).abs() < 1e-12, "{}", two.reason);
        assert!(two.reason.contains("lowercase"), "{}", two.reason);
        // Round trip through params.
        let again = TaskSpec::from_parts("multi_constraint", spec.params_json()).unwrap();
        assert_eq!(again, spec);
        // Bad nesting names the inner field.
        let err = TaskSpec::from_parts(
            "multi_constraint",
            serde_json::json!({"constraints": [
                {"kind": "lowercase"},
                {"kind": "word_limit", "params": {"max_words": 0}}
            ]}),
        )
        .unwrap_err();
        assert_eq!(
            err.field, "params.constraints[1].params.max_words",
            "{err:?}"
        );
        let err = TaskSpec::from_parts(
            "multi_constraint",
            serde_json::json!({"constraints": [{"kind": "arithmetic"}, {"kind": "lowercase"}]}),
        )
        .unwrap_err();
        assert!(err.message.contains("cannot be combined"), "{err:?}");
    }

    #[test]
    fn unit_conversion_uses_relative_tolerance() {
        let p = UnitConversion {
            answer: 16.09,
            unit: "km".into(),
            rel_tolerance: 0.01,
        };
        assert!(verify_unit_conversion(&p, "10 miles is about 16.1 km.").passed);
        assert!(!verify_unit_conversion(&p, "10 miles is about 17 km.").passed);
        assert!(verify_unit_conversion(&p, "1 mile = 1.609 km, so 10 miles is 16.09 km.").passed);
    }

    #[test]
    fn sort_list() {
        let p = SortList {
            items: strings(&["pear", "Apple", "fig"]),
            order: SortOrder::Ascending,
            by: SortKey::Alpha,
        };
        assert_eq!(p.expected(), strings(&["Apple", "fig", "pear"]));
        assert!(verify_sort_list(&p, "apple, fig, pear").passed);
        assert!(
            verify_sort_list(
                &p,
                "You gave pear, Apple, fig. Sorted:\n1. Apple\n2. fig\n3. pear"
            )
            .passed
        );
        assert!(!verify_sort_list(&p, "fig, apple, pear").passed);
        assert!(!verify_sort_list(&p, "apple, pear").passed);
        let n = SortList {
            items: strings(&["10", "-2", "3.5", "3"]),
            order: SortOrder::Descending,
            by: SortKey::Numeric,
        };
        assert_eq!(n.expected(), strings(&["10", "3.5", "3", "-2"]));
        assert!(verify_sort_list(&n, "10, 3.5, 3, -2").passed);
        assert!(!verify_sort_list(&n, "10, 3, 3.5, -2").passed);
        assert!(
            !verify_sort_list(&n, "10, 3.5, 2").passed,
            "3 must not match inside 3.5, -2 must be there"
        );
    }

    #[test]
    fn factual() {
        let p = Factual {
            accepted: strings(&["Canberra"]),
            max_words: 10,
        };
        assert!(verify_factual(&p, "Canberra.").passed);
        assert!(verify_factual(&p, "The capital is canberra").passed);
        assert!(!verify_factual(&p, "Sydney").passed);
        assert!(
            !verify_factual(&p, &format!("Canberra {}", "word ".repeat(20))).passed,
            "long answers may hedge"
        );
        assert!(!verify_factual(&p, "").passed);
    }
}
