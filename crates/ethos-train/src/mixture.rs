//! The prompt mixture of one arm: sources with shares, filtered, and a sampler whose draws
//! are a pure function of the run seed and the step.
//!
//! Source choice uses a golden-ratio sequence over the global prompt slot
//! (`step * prompts_per_step + j`), so the realised shares track the configured ones
//! closely even for a 5% source in a short run (independent draws would often give a
//! 30-step run no trait prompt at all). Within a source, items are visited in a seeded
//! permutation, one epoch after another, so nothing repeats before everything was seen.
//! Both depend only on (seed, slot), which is what lets a resumed run draw exactly what an
//! uninterrupted one would.

use std::collections::HashMap;

use ethos_core::dataset::{DataSet, LoadOptions};
use ethos_core::{Catalog, Criterion, Split};
use ethos_grade::GradeItem;
use rand::SeedableRng;
use rand::rngs::StdRng;
use rand::seq::SliceRandom;
use serde::{Deserialize, Serialize};

use crate::config::{ArmConfig, ArmKind, LoadedConfig, SourceConfig, SourceRole};
use crate::error::{Result, TrainError};

/// One source of an arm's mixture, loaded and filtered.
#[derive(Debug, Clone)]
pub struct MixtureSource {
    /// The source's name (metrics are reported per source).
    pub name: String,
    /// Standard or trait data.
    pub role: SourceRole,
    /// Share of prompts drawn from it, after the arm's renormalisation.
    pub share: f64,
    /// The prompts.
    pub items: Vec<GradeItem>,
}

/// What the mixture is made of, for the run record.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SourceSummary {
    /// Source name.
    pub name: String,
    /// Standard or trait data.
    pub role: SourceRole,
    /// Share of prompts after the arm's changes.
    pub share: f64,
    /// Items left after filtering.
    pub items: usize,
    /// Whether the items are graded by the generic rubric instead of their own.
    pub generic_rubric: bool,
}

/// Where one drawn prompt comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Draw {
    /// Index of the source.
    pub source: usize,
    /// Index of the item within the source.
    pub item: usize,
}

/// An arm's mixture and its sampler.
#[derive(Debug)]
pub struct Mixture {
    sources: Vec<MixtureSource>,
    summary: Vec<SourceSummary>,
    seed: u64,
    // Sampler memo: slots counted so far and picks per source up to there.
    counted: u64,
    picks: Vec<u64>,
    permutations: HashMap<(usize, u64), Vec<usize>>,
}

/// Golden-ratio conjugate: consecutive multiples fill [0, 1) evenly.
const GOLDEN: f64 = 0.618_033_988_749_894_9;

/// A seed derived from two numbers (run seed and step, ...).
pub fn mix(a: u64, b: u64) -> u64 {
    // splitmix64 finaliser of a combined key: nearby inputs give unrelated seeds.
    let mut z = a
        .wrapping_mul(0x9E37_79B9_7F4A_7C15)
        .wrapping_add(b)
        .wrapping_add(0x632B_E59B_D9B4_E019);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

impl Mixture {
    /// A mixture of already-loaded sources (shares must sum to 1, none empty).
    pub fn new(sources: Vec<MixtureSource>, seed: u64) -> Result<Self> {
        let total: f64 = sources.iter().map(|s| s.share).sum();
        if sources.is_empty() || (total - 1.0).abs() > 1e-6 {
            return Err(TrainError::Config(format!(
                "mixture shares sum to {total}, not 1"
            )));
        }
        if let Some(empty) = sources.iter().find(|s| s.items.is_empty()) {
            return Err(TrainError::Data(format!(
                "source `{}` has no items",
                empty.name
            )));
        }
        let summary = sources
            .iter()
            .map(|s| SourceSummary {
                name: s.name.clone(),
                role: s.role,
                share: s.share,
                items: s.items.len(),
                generic_rubric: false,
            })
            .collect();
        Ok(Self {
            picks: vec![0; sources.len()],
            sources,
            summary,
            seed,
            counted: 0,
            permutations: HashMap::new(),
        })
    }

    /// Loads the sources of `arm` from the config's data, applies filters and the arm's
    /// changes (baseline: trait sources dropped; reward control: generic rubric).
    pub fn for_arm(loaded: &LoadedConfig, arm: &ArmConfig) -> Result<Self> {
        let config = &loaded.config;
        let generic = match arm.kind {
            ArmKind::RewardControl => Some(loaded.reward_control_rubric()?),
            _ => None,
        };
        let kept: Vec<(usize, &SourceConfig)> = config
            .sources
            .iter()
            .enumerate()
            .filter(|(_, s)| !(arm.kind == ArmKind::Baseline && s.role == SourceRole::Trait))
            .filter(|(_, s)| s.share > 0.0)
            .collect();
        let total: f64 = kept.iter().map(|(_, s)| s.share).sum();
        if kept.is_empty() || total <= 0.0 {
            return Err(TrainError::Config(format!(
                "{}: arm `{}` keeps no source with a share above 0",
                loaded.path.display(),
                arm.name
            )));
        }
        let mut sources = Vec::new();
        let mut generic_flags = Vec::new();
        for (index, source) in kept {
            let items = load_source(loaded, index, source, arm, generic.as_deref())?;
            generic_flags.push(generic.is_some() && source.role == SourceRole::Trait);
            sources.push(MixtureSource {
                name: source.name.clone(),
                role: source.role,
                share: source.share / total,
                items,
            });
        }
        let mut mixture = Self::new(sources, config.seed)?;
        for (summary, generic) in mixture.summary.iter_mut().zip(generic_flags) {
            summary.generic_rubric = generic;
        }
        Ok(mixture)
    }

    /// The sources.
    pub fn sources(&self) -> &[MixtureSource] {
        &self.sources
    }

    /// Per-source summary for the run record.
    pub fn summary(&self) -> &[SourceSummary] {
        &self.summary
    }

    fn source_of_slot(&self, slot: u64) -> usize {
        let offset = (mix(self.seed, 0x5EED) >> 11) as f64 / (1u64 << 53) as f64;
        let u = (offset + slot as f64 * GOLDEN).fract();
        let mut edge = 0.0;
        for (i, source) in self.sources.iter().enumerate() {
            edge += source.share;
            if u < edge {
                return i;
            }
        }
        self.sources.len() - 1
    }

    fn item_of_pick(&mut self, source: usize, pick: u64) -> usize {
        let len = self.sources[source].items.len() as u64;
        let (epoch, position) = (pick / len, (pick % len) as usize);
        let seed = mix(mix(self.seed, source as u64), epoch);
        self.permutations
            .retain(|(s, e), _| *s != source || *e == epoch);
        let permutation = self.permutations.entry((source, epoch)).or_insert_with(|| {
            let mut order: Vec<usize> = (0..len as usize).collect();
            order.shuffle(&mut StdRng::seed_from_u64(seed));
            order
        });
        permutation[position]
    }

    /// The `n` prompts of 0-based `step` (the same for the same seed, step and `n`).
    pub fn draw(&mut self, step: u64, n: usize) -> Vec<Draw> {
        let first = step * n as u64;
        if first < self.counted {
            self.counted = 0;
            self.picks.iter_mut().for_each(|p| *p = 0);
        }
        while self.counted < first {
            let source = self.source_of_slot(self.counted);
            self.picks[source] += 1;
            self.counted += 1;
        }
        let mut draws = Vec::with_capacity(n);
        for slot in first..first + n as u64 {
            let source = self.source_of_slot(slot);
            let pick = self.picks[source];
            self.picks[source] += 1;
            self.counted = slot + 1;
            draws.push(Draw {
                source,
                item: self.item_of_pick(source, pick),
            });
        }
        draws
    }

    /// The item a draw points at.
    pub fn item(&self, draw: Draw) -> &GradeItem {
        &self.sources[draw.source].items[draw.item]
    }

    /// The name of a draw's source.
    pub fn source_name(&self, draw: Draw) -> &str {
        &self.sources[draw.source].name
    }
}

fn check_ids(
    catalog: &Catalog,
    loaded: &LoadedConfig,
    field: &str,
    ids: &[String],
    domains: bool,
) -> Result<()> {
    for id in ids {
        let known = if domains {
            catalog.domain_by_id(id).is_some()
        } else {
            catalog.trait_by_id(id).is_some()
        };
        if !known {
            return Err(TrainError::Config(format!(
                "{}: {field}: unknown {} `{id}`",
                loaded.path.display(),
                if domains { "domain" } else { "trait" }
            )));
        }
    }
    Ok(())
}

fn load_source(
    loaded: &LoadedConfig,
    index: usize,
    source: &SourceConfig,
    arm: &ArmConfig,
    generic: Option<&[Criterion]>,
) -> Result<Vec<GradeItem>> {
    let paths: Vec<_> = source.paths.iter().map(|p| loaded.resolve(p)).collect();
    for path in &paths {
        if !path.exists() {
            return Err(TrainError::Config(format!(
                "{}: source[{index}].paths: no such file or folder",
                path.display()
            )));
        }
    }
    let (data, problems) = DataSet::load(&paths, &LoadOptions::default());
    if !problems.is_empty() {
        let lines: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
        return Err(TrainError::Data(format!(
            "source `{}` has invalid data:\n{}",
            source.name,
            lines.join("\n")
        )));
    }
    let field = format!("source[{index}]");
    check_ids(
        &data.catalog,
        loaded,
        &format!("{field}.traits"),
        &source.traits,
        false,
    )?;
    for (name, ids) in [
        (format!("{field}.domains"), &source.domains),
        (format!("{field}.exclude_domains"), &source.exclude_domains),
        (format!("arm `{}`.domains", arm.name), &arm.domains),
        (
            format!("arm `{}`.exclude_domains", arm.name),
            &arm.exclude_domains,
        ),
    ] {
        check_ids(&data.catalog, loaded, &name, ids, true)?;
    }
    let is_trait = source.role == SourceRole::Trait;
    let keep_domain = |domain: &str| {
        let listed = |ids: &[String]| ids.iter().any(|d| d == domain);
        (source.domains.is_empty() || listed(&source.domains))
            && !listed(&source.exclude_domains)
            && (!is_trait || arm.domains.is_empty() || listed(&arm.domains))
            && !(is_trait && listed(&arm.exclude_domains))
    };
    // Held-out scenarios are the evaluation set: never trained on unless asked for by name.
    let split = source.split.unwrap_or(Split::Train);
    if split == Split::Heldout && !source.allow_heldout {
        return Err(TrainError::Data(format!(
            "{}: source `{}` selects held-out scenarios (split = \"heldout\"), which are kept \
             for evaluation; add `allow_heldout = true` to the source to train on them anyway",
            loaded.path.display(),
            source.name,
        )));
    }
    let mut items = Vec::new();
    for scenario in data.scenarios {
        let s = scenario.value;
        let kept = (source.traits.is_empty() || source.traits.contains(&s.trait_id))
            && keep_domain(&s.domain_id)
            && s.split == split;
        if kept {
            let mut s = s;
            if let (true, Some(rubric)) = (is_trait, generic) {
                s.rubric = rubric.to_vec();
            }
            items.push(GradeItem::Scenario(s));
        }
    }
    // Task filters only apply to tasks; a trait-only filter (traits/domains) drops them,
    // since tasks have neither.
    let scenario_filters = !source.traits.is_empty()
        || !source.domains.is_empty()
        || (is_trait && !arm.domains.is_empty());
    for task in data.tasks {
        let t = task.value;
        let kept = !scenario_filters
            && (source.task_kinds.is_empty()
                || source.task_kinds.iter().any(|k| k == t.spec.kind()));
        if kept {
            items.push(GradeItem::Task(t));
        }
    }
    if items.is_empty() {
        return Err(TrainError::Data(format!(
            "{}: source `{}` (arm `{}`) has no items left after its filters (traits {:?}, domains {:?}, exclude_domains {:?}, split {:?}, task_kinds {:?}; arm domains {:?}, exclude {:?})",
            loaded.path.display(),
            source.name,
            arm.name,
            source.traits,
            source.domains,
            source.exclude_domains,
            split,
            source.task_kinds,
            arm.domains,
            arm.exclude_domains,
        )));
    }
    Ok(items)
}

#[cfg(test)]
mod tests {
    use super::*;
    use ethos_core::{Message, Task, TaskSpec};

    fn source(name: &str, share: f64, n: usize) -> MixtureSource {
        MixtureSource {
            name: name.into(),
            role: SourceRole::Standard,
            share,
            items: (0..n)
                .map(|i| {
                    GradeItem::Task(Task {
                        id: format!("{name}-{i}"),
                        messages: vec![Message::user("hi")],
                        spec: TaskSpec::from_parts(
                            "word_limit",
                            serde_json::json!({"max_words": 5}),
                        )
                        .unwrap(),
                    })
                })
                .collect(),
        }
    }

    #[test]
    fn shares_are_realised_closely_and_draws_are_reproducible() {
        let mut a =
            Mixture::new(vec![source("std", 0.95, 50), source("trait", 0.05, 7)], 3).unwrap();
        let draws: Vec<Draw> = (0..40).flat_map(|step| a.draw(step, 5)).collect();
        let trait_count = draws.iter().filter(|d| d.source == 1).count();
        // 200 prompts at 5%: 10, give or take one from the low-discrepancy sequence.
        assert!((9..=11).contains(&trait_count), "{trait_count}");
        // A fresh sampler asked for step 25 only (a resumed run) draws the same prompts.
        let mut b =
            Mixture::new(vec![source("std", 0.95, 50), source("trait", 0.05, 7)], 3).unwrap();
        assert_eq!(b.draw(25, 5), draws[125..130].to_vec());
        // Going back to an earlier step also works.
        assert_eq!(b.draw(2, 5), draws[10..15].to_vec());
        // A different seed draws differently.
        let mut c =
            Mixture::new(vec![source("std", 0.95, 50), source("trait", 0.05, 7)], 4).unwrap();
        let other: Vec<Draw> = (0..40).flat_map(|step| c.draw(step, 5)).collect();
        assert_ne!(other, draws);
    }

    #[test]
    fn every_item_is_seen_once_per_epoch() {
        let mut m = Mixture::new(vec![source("only", 1.0, 12)], 9).unwrap();
        let draws: Vec<usize> = (0..6).flat_map(|s| m.draw(s, 4)).map(|d| d.item).collect();
        for epoch in draws.chunks(12) {
            let mut sorted = epoch.to_vec();
            sorted.sort_unstable();
            assert_eq!(sorted, (0..12).collect::<Vec<_>>());
        }
        assert_ne!(draws[..12], draws[12..]);
    }

    #[test]
    fn bad_mixtures_are_errors() {
        assert!(Mixture::new(vec![source("a", 0.5, 3)], 0).is_err());
        let err = Mixture::new(vec![source("a", 1.0, 0)], 0).unwrap_err();
        assert_eq!(err.to_string(), "source `a` has no items");
    }
}
