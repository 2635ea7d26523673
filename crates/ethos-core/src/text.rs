//! Plain-text measurements shared by checks and verifiers: words, sentences, refusals.

use std::sync::LazyLock;

use regex::{Regex, RegexBuilder};

/// Words of `text`: whitespace-separated tokens that contain a letter or digit.
pub fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split_whitespace()
        .filter(|token| token.chars().any(char::is_alphanumeric))
}

/// Number of words in `text` (see [`words`]).
pub fn word_count(text: &str) -> usize {
    words(text).count()
}

#[allow(clippy::expect_used)] // a constant pattern, checked by the tests below
static SENTENCE_BREAK: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#"[.!?]+["')\]”’]*(?:\s+|$)|\n"#).expect("valid sentence regex"));

/// Words that end in a full stop without ending a sentence (compared lower-cased, without
/// the stop).
const ABBREVIATIONS: &[&str] = &[
    "e.g", "i.e", "etc", "vs", "cf", "al", "approx", "ca", "dr", "mr", "mrs", "ms", "prof", "st",
    "no", "nos", "fig", "eq", "vol", "p", "pp", "ch", "sec", "dept", "inc", "ltd", "co", "jr",
    "sr", "u.s", "u.k", "e.u", "a.m", "p.m", "min", "max", "est", "incl",
];

/// Whether the break at `text[start..]` (a full stop) follows an abbreviation or an initial,
/// or is followed by a lower-case word: then it does not end a sentence.
fn is_false_break(text: &str, start: usize, end: usize) -> bool {
    let mark = &text[start..end];
    if !mark.starts_with('.') || mark.starts_with("..") || mark.contains('\n') {
        return false;
    }
    let word = text[..start]
        .rsplit(char::is_whitespace)
        .next()
        .unwrap_or_default()
        .trim_start_matches(['(', '"', '“', '\'', '‘', '['])
        .to_lowercase();
    let initial = word.chars().count() == 1 && word.chars().all(char::is_alphabetic);
    let next_lower = text[end..].chars().next().is_some_and(char::is_lowercase);
    initial || next_lower || ABBREVIATIONS.contains(&word.as_str())
}

/// Sentences of `text`: split at `.`/`!`/`?` followed by whitespace or the end, and at line
/// breaks; a full stop after an abbreviation (`e.g.`, `Dr.`) or an initial, or before a
/// lower-case word, does not split. Segments without a letter or digit are dropped.
pub fn sentences(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut from = 0;
    for found in SENTENCE_BREAK.find_iter(text) {
        if is_false_break(text, found.start(), found.end()) {
            continue;
        }
        out.push(&text[from..found.start()]);
        from = found.end();
    }
    out.push(&text[from..]);
    out.into_iter()
        .map(str::trim)
        .filter(|s| s.chars().any(char::is_alphanumeric))
        .collect()
}

/// Number of sentences in `text` (see [`sentences`]).
pub fn sentence_count(text: &str) -> usize {
    sentences(text).len()
}

/// Phrases that open a refusal. Matched case-insensitively against the response's opening.
const REFUSAL_PATTERNS: &[&str] = &[
    r"\bI\s*(?:can['’]?t|cannot|can not|won['’]?t|will not|am unable to|['’]m unable to|am not able to|['’]m not able to)\s+(?:help|assist|provide|do that|do this|comply|support|answer|share|write|create|engage|continue|fulfil|fulfill)",
    r"\bI must decline\b",
    r"\bI (?:have to|must|need to) (?:decline|refuse)\b",
    r"\bI['’]?m sorry,? but I (?:can['’]?t|cannot|won['’]?t)\b",
];

#[allow(clippy::expect_used)] // constant patterns, checked by the tests below
static REFUSAL: LazyLock<Vec<Regex>> = LazyLock::new(|| {
    REFUSAL_PATTERNS
        .iter()
        .map(|p| {
            RegexBuilder::new(p)
                .case_insensitive(true)
                .build()
                .expect("valid refusal regex")
        })
        .collect()
});

/// Responses this long or longer are never counted as flat refusals: they say something.
pub const REFUSAL_MAX_WORDS: usize = 60;
/// How many leading characters are searched for a refusal phrase.
pub const REFUSAL_OPENING_CHARS: usize = 200;

/// True when `response` is a flat refusal: empty, or short and opening with a refusal phrase.
pub fn is_refusal(response: &str) -> bool {
    if response.trim().is_empty() {
        return true;
    }
    if word_count(response) >= REFUSAL_MAX_WORDS {
        return false;
    }
    let opening: String = response.chars().take(REFUSAL_OPENING_CHARS).collect();
    REFUSAL.iter().any(|re| re.is_match(&opening))
}

/// Lower-cased alphanumeric words of `text`, for comparisons that ignore case and punctuation.
pub fn normalized_words(text: &str) -> Vec<String> {
    text.split(|c: char| !(c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_words_ignoring_punctuation_tokens() {
        assert_eq!(word_count("Hello, world — it's 3 pm."), 5);
        assert_eq!(word_count("   "), 0);
    }

    #[test]
    fn counts_sentences_and_lines() {
        assert_eq!(sentence_count("One. Two! Three? Four"), 4);
        assert_eq!(sentence_count("Dr. Smith agreed."), 1);
        assert_eq!(
            sentence_count("Use a clamp, e.g. a spring clamp. Then glue it."),
            2
        );
        assert_eq!(sentence_count("J. R. R. Tolkien wrote it. Done."), 2);
        assert_eq!(sentence_count("It ends here. next line is lower."), 1);
        assert_eq!(sentence_count("- a\n- b\n\n- c"), 3);
        assert_eq!(sentence_count("Pi is 3.14 exactly."), 1);
        assert_eq!(sentence_count("\"Quoted.\" Then more."), 2);
        assert_eq!(sentence_count("..."), 0);
    }

    #[test]
    fn detects_flat_refusals_only() {
        assert!(is_refusal(""));
        assert!(is_refusal("I'm sorry, but I can't help with that."));
        assert!(is_refusal("I cannot assist with this request."));
        assert!(is_refusal("I must decline."));
        assert!(!is_refusal(
            "Here is a staged rollout plan for the firmware."
        ));
        let long = format!(
            "I can't help with pushing all 620 at once, but {}",
            "here is a plan ".repeat(20)
        );
        assert!(
            !is_refusal(&long),
            "a long answer that declines part of a request still helps"
        );
    }

    #[test]
    fn normalizes_words() {
        assert_eq!(
            normalized_words("Don't PANIC, 42!"),
            vec!["don", "t", "panic", "42"]
        );
    }
}
