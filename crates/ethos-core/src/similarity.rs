//! Near-duplicate detection: Jaccard similarity of normalised word n-grams.

use std::collections::HashSet;
use std::hash::{DefaultHasher, Hash, Hasher};

use crate::text::normalized_words;

/// Word n-gram length used for near-duplicate checks.
pub const SHINGLE_WORDS: usize = 5;

/// The set of hashed word n-grams of a text, after lower-casing and dropping punctuation.
#[derive(Debug, Clone, Default)]
pub struct Shingles(HashSet<u64>);

impl Shingles {
    /// Shingles of `text` with n-grams of `n` words. A text shorter than `n` words gives one
    /// shingle of all its words, so short texts still compare.
    pub fn new(text: &str, n: usize) -> Self {
        let words = normalized_words(text);
        let mut set = HashSet::new();
        if words.is_empty() {
            return Self(set);
        }
        if words.len() < n {
            set.insert(hash_words(&words));
        } else {
            for window in words.windows(n) {
                set.insert(hash_words(window));
            }
        }
        Self(set)
    }

    /// Jaccard similarity |A ∩ B| / |A ∪ B|; 0 when both are empty.
    pub fn jaccard(&self, other: &Self) -> f64 {
        let (small, large) = if self.0.len() <= other.0.len() {
            (&self.0, &other.0)
        } else {
            (&other.0, &self.0)
        };
        let shared = small.iter().filter(|h| large.contains(h)).count();
        let union = self.0.len() + other.0.len() - shared;
        if union == 0 {
            0.0
        } else {
            shared as f64 / union as f64
        }
    }
}

fn hash_words(words: &[String]) -> u64 {
    let mut hasher = DefaultHasher::new();
    words.hash(&mut hasher);
    hasher.finish()
}

/// A text normalised for equality comparisons: lower-cased words joined by single spaces.
pub fn normalized_text(text: &str) -> String {
    normalized_words(text).join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identical_texts_score_one_and_disjoint_zero() {
        let a = Shingles::new("the quick brown fox jumps over the lazy dog", 5);
        let b = Shingles::new("The QUICK brown fox, jumps over the lazy dog!", 5);
        assert!((a.jaccard(&b) - 1.0).abs() < 1e-12);
        let c = Shingles::new("entirely different words appear in this sentence here", 5);
        assert_eq!(a.jaccard(&c), 0.0);
    }

    #[test]
    fn partial_overlap_is_fractional() {
        // 6 words -> 2 shingles each; one shared -> 1 / 3.
        let a = Shingles::new("one two three four five six", 5);
        let b = Shingles::new("one two three four five seven", 5);
        assert!((a.jaccard(&b) - 1.0 / 3.0).abs() < 1e-12);
    }

    #[test]
    fn short_and_empty_texts() {
        assert!(
            (Shingles::new("hi there", 5).jaccard(&Shingles::new("Hi, there", 5)) - 1.0).abs()
                < 1e-12
        );
        assert_eq!(Shingles::new("", 5).jaccard(&Shingles::new("", 5)), 0.0);
        assert_eq!(normalized_text("  Hello,   World "), "hello world");
    }
}
