//! Choosing the next token from logits.

use rand::{Rng, SeedableRng, rngs::StdRng};

/// A per-sequence random stream: the same `(seed, index)` always gives the same draws,
/// whatever else is in the batch.
pub fn sequence_rng(seed: u64, index: usize) -> StdRng {
    // SplitMix-style mixing so that neighbouring indices get unrelated streams.
    let mut z = seed
        ^ (index as u64)
            .wrapping_add(1)
            .wrapping_mul(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    StdRng::seed_from_u64(z ^ (z >> 31))
}

/// Log-softmax of a row of logits (vectorised `exp`, sums in 16 f32 lanes).
pub fn log_softmax(logits: &[f32]) -> Vec<f32> {
    let log_sum = crate::vexp::log_sum_exp(logits);
    logits.iter().map(|&l| l - log_sum).collect()
}

/// Index of the largest value (the first one on ties).
pub fn argmax(values: &[f32]) -> usize {
    let mut best = 0;
    for (i, &v) in values.iter().enumerate() {
        if v > values[best] {
            best = i;
        }
    }
    best
}

/// Tokens more than this many nats below the best one are left out of the nucleus sort:
/// together they carry less than 1e-8 of the probability mass.
const NEGLIGIBLE_NATS: f32 = 30.0;

/// Draws a token: greedy at temperature 0, else from the tempered distribution truncated to
/// its top-`top_p` nucleus.
pub fn sample(logits: &[f32], temperature: f32, top_p: f32, rng: &mut StdRng) -> usize {
    if temperature <= 0.0 || logits.len() <= 1 {
        return argmax(logits);
    }
    let scaled: Vec<f32> = logits.iter().map(|l| l / temperature).collect();
    sample_log_probs(&log_softmax(&scaled), top_p, rng)
}

/// Draws a token from log-probabilities already tempered, truncated to the top-`top_p`
/// nucleus. Lets callers that need the log-probabilities anyway compute them once.
pub fn sample_log_probs(logp: &[f32], top_p: f32, rng: &mut StdRng) -> usize {
    if top_p >= 1.0 {
        // No truncation: walk the distribution in vocabulary order, no sort needed.
        let mut draw = rng.random::<f64>();
        let mut probs = vec![0.0f32; logp.len()];
        crate::vexp::scaled_exp_into(&mut probs, logp, 0.0, 1.0);
        for (i, &p) in probs.iter().enumerate() {
            let p = f64::from(p);
            if draw < p {
                return i;
            }
            draw -= p;
        }
        return argmax(logp);
    }
    let best = logp.iter().copied().fold(f32::NEG_INFINITY, f32::max);
    let mut order: Vec<usize> = (0..logp.len())
        .filter(|&i| logp[i] > best - NEGLIGIBLE_NATS)
        .collect();
    order.sort_by(|&a, &b| logp[b].total_cmp(&logp[a]));
    let mut kept = Vec::new();
    let mut mass = 0.0f64;
    for &i in &order {
        let p = f64::from(logp[i]).exp();
        kept.push((i, p));
        mass += p;
        if mass >= f64::from(top_p) {
            break;
        }
    }
    let mut draw = rng.random::<f64>() * mass;
    for &(i, p) in &kept {
        if draw < p {
            return i;
        }
        draw -= p;
    }
    kept.last().map_or(0, |&(i, _)| i)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn greedy_and_log_softmax() {
        assert_eq!(argmax(&[0.1, 3.0, 3.0, -1.0]), 1);
        let lp = log_softmax(&[0.0, 0.0]);
        assert!((lp[0] - (0.5f32).ln()).abs() < 1e-6);
        let mut rng = sequence_rng(1, 0);
        assert_eq!(sample(&[1.0, 5.0, 2.0], 0.0, 1.0, &mut rng), 1);
    }

    #[test]
    fn top_p_keeps_only_the_nucleus() {
        // Token 0 holds ~0.9999 of the mass: with top_p 0.5 nothing else can be drawn.
        let logits = [10.0, 0.0, 0.0, 0.0];
        let mut rng = sequence_rng(7, 3);
        assert!((0..200).all(|_| sample(&logits, 1.0, 0.5, &mut rng) == 0));
    }

    #[test]
    fn sampling_follows_the_distribution_and_is_reproducible() {
        let logits = [0.0, (3.0f32).ln()]; // p = 0.25, 0.75
        let mut rng = sequence_rng(42, 0);
        let ones = (0..4000)
            .filter(|_| sample(&logits, 1.0, 1.0, &mut rng) == 1)
            .count();
        assert!((2850..3150).contains(&ones), "{ones}");
        let draw = |seed| {
            let mut r = sequence_rng(seed, 2);
            (0..20)
                .map(|_| sample(&logits, 1.0, 1.0, &mut r))
                .collect::<Vec<_>>()
        };
        assert_eq!(draw(5), draw(5));
        assert_ne!(draw(5), draw(6));
    }
}
