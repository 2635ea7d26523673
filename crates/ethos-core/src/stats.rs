//! Dataset statistics: coverage of the trait x domain grid, multi-turn share, references,
//! task kinds.

use std::collections::BTreeMap;
use std::fmt;

use serde::Serialize;

use crate::dataset::{DataSet, Overlap};
use crate::message::is_multi_turn;
use crate::scenario::Split;

/// Counts per split.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct PerSplit {
    /// Train split.
    pub train: usize,
    /// Held-out split.
    pub heldout: usize,
}

impl PerSplit {
    fn get_mut(&mut self, split: Split) -> &mut usize {
        match split {
            Split::Train => &mut self.train,
            Split::Heldout => &mut self.heldout,
        }
    }
}

/// Task counts.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct TaskStats {
    /// All tasks.
    pub total: usize,
    /// Distinct kinds.
    pub kinds: usize,
    /// Tasks per kind.
    pub by_kind: BTreeMap<String, usize>,
}

/// Rubric shape.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct RubricStats {
    /// Fewest criteria in a rubric.
    pub min_criteria: usize,
    /// Most criteria in a rubric.
    pub max_criteria: usize,
    /// Share of criteria with a machine check.
    pub checked_share: f64,
    /// Share of criteria with negative points.
    pub negative_share: f64,
}

/// Everything `ethos data stats` reports.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct DataStats {
    /// Traits in the catalog.
    pub traits: usize,
    /// Domains in the catalog.
    pub domains: usize,
    /// Scenarios per split.
    pub scenarios: PerSplit,
    /// Fewest scenarios in any cell of the grid: every (trait, domain) for train, every
    /// (held-out trait, domain) for held-out.
    pub min_cell: PerSplit,
    /// Share of scenarios with an earlier assistant turn.
    pub multi_turn_share: f64,
    /// Scenarios with a reference response, per split.
    pub references: PerSplit,
    /// Scenarios per pressure type (`unspecified` when absent).
    pub pressures: BTreeMap<String, usize>,
    /// Rubric shape.
    pub rubrics: RubricStats,
    /// Scenarios per trait and split.
    pub per_trait: BTreeMap<String, PerSplit>,
    /// The closest scenario pairs (near-duplicate margin).
    pub overlap: Overlap,
    /// Standard tasks.
    pub tasks: TaskStats,
}

impl DataStats {
    /// Computes the statistics of a loaded dataset.
    pub fn of(data: &DataSet) -> Self {
        let catalog = &data.catalog;
        let mut stats = Self {
            traits: catalog.traits.len(),
            domains: catalog.domains.len(),
            ..Self::default()
        };
        let mut cells: BTreeMap<(Split, &str, &str), usize> = BTreeMap::new();
        let (mut multi, mut criteria, mut checked, mut negative) = (0, 0, 0, 0);
        let (mut min_criteria, mut max_criteria) = (usize::MAX, 0);
        for t in &catalog.traits {
            stats.per_trait.insert(t.id.clone(), PerSplit::default());
        }
        for located in &data.scenarios {
            let s = &located.value;
            *stats.scenarios.get_mut(s.split) += 1;
            *cells
                .entry((s.split, s.trait_id.as_str(), s.domain_id.as_str()))
                .or_default() += 1;
            *stats
                .per_trait
                .entry(s.trait_id.clone())
                .or_default()
                .get_mut(s.split) += 1;
            if s.reference.is_some() {
                *stats.references.get_mut(s.split) += 1;
            }
            multi += usize::from(is_multi_turn(&s.messages));
            let pressure = s.pressure.map_or("unspecified".to_string(), |p| {
                serde_json::to_value(p)
                    .ok()
                    .and_then(|v| v.as_str().map(str::to_string))
                    .unwrap_or_default()
            });
            *stats.pressures.entry(pressure).or_default() += 1;
            criteria += s.rubric.len();
            checked += s.rubric.iter().filter(|c| c.check.is_some()).count();
            negative += s.rubric.iter().filter(|c| c.points < 0).count();
            min_criteria = min_criteria.min(s.rubric.len());
            max_criteria = max_criteria.max(s.rubric.len());
        }
        let cell = |split, t: &str, d: &str| cells.get(&(split, t, d)).copied().unwrap_or(0);
        let grid = |split, traits: &mut dyn Iterator<Item = &str>| {
            let traits: Vec<&str> = traits.collect();
            traits
                .iter()
                .flat_map(|t| catalog.domains.iter().map(move |d| (*t, d.id.as_str())))
                .map(|(t, d)| cell(split, t, d))
                .min()
                .unwrap_or(0)
        };
        stats.min_cell.train = grid(
            Split::Train,
            &mut catalog.traits.iter().map(|t| t.id.as_str()),
        );
        stats.min_cell.heldout = grid(
            Split::Heldout,
            &mut catalog.heldout_traits().map(|t| t.id.as_str()),
        );
        let total = data.scenarios.len();
        stats.multi_turn_share = ratio(multi, total);
        stats.rubrics = RubricStats {
            min_criteria: if total == 0 { 0 } else { min_criteria },
            max_criteria,
            checked_share: ratio(checked, criteria),
            negative_share: ratio(negative, criteria),
        };
        for task in &data.tasks {
            *stats
                .tasks
                .by_kind
                .entry(task.value.spec.kind().to_string())
                .or_default() += 1;
        }
        stats.overlap = data.overlap.clone();
        stats.tasks.total = data.tasks.len();
        stats.tasks.kinds = stats.tasks.by_kind.len();
        stats
    }
}

fn ratio(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        0.0
    } else {
        part as f64 / whole as f64
    }
}

impl fmt::Display for DataStats {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "catalog        {} traits, {} domains",
            self.traits, self.domains
        )?;
        writeln!(
            f,
            "scenarios      {} train, {} heldout",
            self.scenarios.train, self.scenarios.heldout
        )?;
        writeln!(
            f,
            "min per cell   {} train, {} heldout",
            self.min_cell.train, self.min_cell.heldout
        )?;
        writeln!(
            f,
            "references     {} train, {} heldout",
            self.references.train, self.references.heldout
        )?;
        writeln!(f, "multi-turn     {:.1}%", 100.0 * self.multi_turn_share)?;
        writeln!(
            f,
            "rubrics        {}-{} criteria, {:.0}% checked, {:.0}% negative",
            self.rubrics.min_criteria,
            self.rubrics.max_criteria,
            100.0 * self.rubrics.checked_share,
            100.0 * self.rubrics.negative_share
        )?;
        let pressures: Vec<String> = self
            .pressures
            .iter()
            .map(|(p, n)| format!("{p} {n}"))
            .collect();
        writeln!(f, "pressures      {}", pressures.join(", "))?;
        let closest = |pair: &Option<crate::dataset::ClosestPair>| {
            pair.as_ref().map_or("-".to_string(), |p| {
                format!("{:.2} ({} ~ {})", p.jaccard, p.a, p.b)
            })
        };
        writeln!(
            f,
            "closest pair   within split {}",
            closest(&self.overlap.within_split)
        )?;
        writeln!(
            f,
            "               held-out vs train {}",
            closest(&self.overlap.heldout_vs_train)
        )?;
        writeln!(
            f,
            "               held-out vs train, shared facts {}",
            closest(&self.overlap.shared_facts)
        )?;
        writeln!(f)?;
        writeln!(f, "{:<32} {:>6} {:>8}", "trait", "train", "heldout")?;
        for (name, counts) in &self.per_trait {
            writeln!(f, "{name:<32} {:>6} {:>8}", counts.train, counts.heldout)?;
        }
        writeln!(f)?;
        writeln!(
            f,
            "tasks          {} in {} kinds",
            self.tasks.total, self.tasks.kinds
        )?;
        for (kind, n) in &self.tasks.by_kind {
            writeln!(f, "  {kind:<28} {n:>6}")?;
        }
        Ok(())
    }
}
