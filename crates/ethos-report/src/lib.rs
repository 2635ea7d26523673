//! ethos-report: turns an experiment's results into one self-contained HTML page (tables
//! and inline SVG charts drawn with `plotters`, no network) and a Markdown summary.
//!
//! The crate computes no statistics: the caller (the `ethos` CLI, from the run's records
//! through `ethos-eval`) fills a [`Report`], and every number in it names the file behind
//! it.

use minijinja::{Environment, context};
use plotters::prelude::*;
use serde::{Deserialize, Serialize};

/// Why a report could not be drawn.
#[derive(Debug, thiserror::Error)]
pub enum ReportError {
    /// A chart failed to draw.
    #[error("chart `{chart}`: {message}")]
    Chart {
        /// Which chart.
        chart: String,
        /// What went wrong.
        message: String,
    },
    /// The page template failed.
    #[error("template: {0}")]
    Template(#[from] minijinja::Error),
}

/// Everything the report shows.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Report {
    /// The experiment's name.
    pub title: String,
    /// The headline: "ahead on N of M; ...".
    pub summary_line: String,
    /// The arms compared (candidate against baseline), in words.
    pub comparison: String,
    /// One row per benchmark.
    pub benchmarks: Vec<BenchmarkRow>,
    /// Training curves per arm run.
    pub training: Vec<TrainingCurve>,
    /// Persona attacks: degradation per model and persona.
    pub personas: Vec<PersonaBar>,
    /// The persona comparison's verdict, if any.
    pub persona_verdict: Option<String>,
    /// Fine-tuning attacks: degradation per dose per model.
    pub doses: Vec<DoseCurve>,
    /// Transfer: each arm's mean paired difference against the baseline per benchmark
    /// category (points), when the study has more than one arm besides the baseline.
    #[serde(default)]
    pub transfer: Option<TransferMatrix>,
    /// Each arm's configuration and compute.
    pub arms: Vec<ArmInfo>,
    /// The reward grader's audit, when the run made one.
    #[serde(default)]
    pub audit: Option<GraderAudit>,
    /// The stages run and where their outputs are.
    pub files: Vec<String>,
}

/// One benchmark's scores and paired difference.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BenchmarkRow {
    /// Benchmark id.
    pub id: String,
    /// Category.
    pub category: String,
    /// `higher` or `lower` is better.
    pub better: String,
    /// Mean score per model (model name, mean).
    pub scores: Vec<(String, Option<f64>)>,
    /// Items paired.
    pub n: usize,
    /// Candidate minus baseline.
    pub diff: f64,
    /// Paired bootstrap 95% interval.
    pub ci: (f64, f64),
    /// Benjamini-Hochberg adjusted p-value.
    pub p_adjusted: Option<f64>,
    /// Whether the adjusted p-value is below 0.05.
    pub significant: bool,
    /// The paired difference on items neither side refused.
    pub without_refusals: Option<f64>,
    /// Refusal rates (baseline, candidate).
    pub refusal_rates: (f64, f64),
    /// The records files behind the row.
    pub records: Vec<String>,
}

/// A training run's curves.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TrainingCurve {
    /// Arm and seed.
    pub run: String,
    /// (step, mean reward).
    pub reward: Vec<(f64, f64)>,
    /// (step, KL to the reference).
    pub kl: Vec<(f64, f64)>,
    /// (step, mean completion length).
    pub length: Vec<(f64, f64)>,
    /// Mean reward per data source (standard tasks, trait scenarios): (source, points).
    #[serde(default)]
    pub reward_by_source: Vec<(String, Vec<(f64, f64)>)>,
    /// The metrics file.
    pub file: String,
}

/// One persona's degradation on one model.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PersonaBar {
    /// The model (base, or arm and seed).
    pub model: String,
    /// Persona id.
    pub persona: String,
    /// `harmful` or `helpful`.
    pub kind: String,
    /// Mean degradation over its targeted benchmarks (positive is worse).
    pub degradation: f64,
    /// The attack summary behind it.
    pub file: String,
}

/// One model's dose-response curve.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DoseCurve {
    /// The model.
    pub model: String,
    /// (dose, pooled degradation, interval low, interval high).
    pub points: Vec<(f64, f64, f64, f64)>,
    /// Area under the curve.
    pub auc: Option<f64>,
    /// The attack summary behind it.
    pub file: String,
}

/// Arms x benchmark categories: the mean paired difference against the baseline.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TransferMatrix {
    /// Row labels (arms).
    pub arms: Vec<String>,
    /// Column labels (categories).
    pub categories: Vec<String>,
    /// `values[arm][category]`: mean direction-adjusted difference (fraction; `None` when
    /// the category has no compared benchmark).
    pub values: Vec<Vec<Option<f64>>>,
}

/// An arm's configuration and compute.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ArmInfo {
    /// Arm and seed.
    pub run: String,
    /// The arm's kind as configured (`baseline`, `trait`, `reward-control`), with its
    /// domain restrictions.
    #[serde(default)]
    pub kind: String,
    /// The seed the run used.
    #[serde(default)]
    pub seed: Option<u64>,
    /// The reward grader.
    #[serde(default)]
    pub reward_grader: String,
    /// The arm's mixture after its changes: source, role, share, items left.
    #[serde(default)]
    pub mixture: Vec<MixtureShare>,
    /// The training settings that shape compute and learning, in words.
    #[serde(default)]
    pub settings: Vec<(String, String)>,
    /// Steps trained.
    pub steps: u64,
    /// Tokens generated in rollouts.
    pub generated_tokens: u64,
    /// Completion tokens in the loss.
    #[serde(default)]
    pub trained_tokens: u64,
    /// Estimated FLOPs.
    pub flops: f64,
    /// Wall time of training in seconds, summed over the processes of a resumed run.
    #[serde(default)]
    pub wall_seconds: Option<f64>,
    /// Relative gap to the baseline run of the same seed in generated tokens and in
    /// FLOPs (this minus baseline, over baseline); `None` for the baseline itself.
    #[serde(default)]
    pub gap_to_baseline: Option<(f64, f64)>,
    /// SHA-256 of the training config (first 12 hex digits).
    #[serde(default)]
    pub config_sha256: String,
    /// The run folder.
    pub dir: String,
}

/// One source of an arm's mixture.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MixtureShare {
    /// Source name.
    pub source: String,
    /// `standard` or `trait`.
    pub role: String,
    /// Share of prompts.
    pub share: f64,
    /// Items after the arm's filters.
    pub items: usize,
    /// Whether the generic helpfulness rubric grades them instead of their own.
    pub generic_rubric: bool,
}

/// The audit of the reward grader: how gaming responses score against the references.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GraderAudit {
    /// The grader's id.
    pub grader: String,
    /// Scenarios audited.
    pub scenarios: usize,
    /// Gradings that failed.
    pub failures: usize,
    /// One row per strategy: (strategy, mean reward, reference mean, ratio, verdict).
    pub rows: Vec<(String, f64, f64, Option<f64>, String)>,
    /// The audit file.
    pub file: String,
}

const COLORS: [RGBColor; 6] = [
    RGBColor(31, 119, 180),
    RGBColor(214, 39, 40),
    RGBColor(44, 160, 44),
    RGBColor(148, 103, 189),
    RGBColor(255, 127, 14),
    RGBColor(140, 86, 75),
];

fn chart_error(chart: &str) -> impl Fn(String) -> ReportError + '_ {
    move |message| ReportError::Chart {
        chart: chart.to_string(),
        message,
    }
}

/// The axis range over `values`, padded by `pad` of the span, and at least `min_span`
/// wide (so that a flat series still gets readable ticks).
fn range(values: impl Iterator<Item = f64>, pad: f64, min_span: f64) -> (f64, f64) {
    let (lo, hi) = values.fold((f64::MAX, f64::MIN), |(l, h), v| (l.min(v), h.max(v)));
    if lo > hi {
        return (-min_span.max(1.0), min_span.max(1.0));
    }
    let span = (hi - lo).max(min_span).max(1e-9);
    let middle = (lo + hi) / 2.0;
    let half = span * (0.5 + pad);
    (middle - half, middle + half)
}

/// A tick label: scientific for very small values, else up to three decimals.
fn tick(v: &f64) -> String {
    if *v != 0.0 && v.abs() < 0.01 {
        format!("{v:.1e}")
    } else {
        let text = format!("{v:.3}");
        let text = text.trim_end_matches('0').trim_end_matches('.');
        if text == "-0" {
            "0".to_string()
        } else {
            text.to_string()
        }
    }
}

/// Forest plot of paired differences (points) with their intervals.
pub fn forest_plot(rows: &[BenchmarkRow]) -> Result<String, ReportError> {
    let err = chart_error("forest");
    let mut svg = String::new();
    let height = 60 + 22 * rows.len().max(1) as u32;
    {
        let root = SVGBackend::with_string(&mut svg, (760, height)).into_drawing_area();
        root.fill(&WHITE).map_err(|e| err(e.to_string()))?;
        let (lo, hi) = range(
            rows.iter()
                .flat_map(|r| [100.0 * r.ci.0, 100.0 * r.ci.1, 0.0]),
            0.05,
            2.0,
        );
        let n = rows.len().max(1) as f64;
        let names: Vec<String> = rows.iter().map(|r| r.id.clone()).collect();
        let mut chart = ChartBuilder::on(&root)
            .margin(10)
            .x_label_area_size(35)
            .y_label_area_size(280)
            .build_cartesian_2d(lo..hi, -0.5..n - 0.5)
            .map_err(|e| err(e.to_string()))?;
        chart
            .configure_mesh()
            .y_labels(rows.len().max(1))
            .y_label_formatter(&|y| {
                let i = y.round();
                if (y - i).abs() > 0.01 || i < 0.0 {
                    return String::new();
                }
                names.get(i as usize).cloned().unwrap_or_default()
            })
            .x_label_formatter(&tick)
            .x_desc("candidate - baseline (points), 95% paired bootstrap interval")
            .disable_y_mesh()
            .draw()
            .map_err(|e| err(e.to_string()))?;
        chart
            .draw_series(std::iter::once(PathElement::new(
                vec![(0.0, -0.5), (0.0, n - 0.5)],
                BLACK.mix(0.5),
            )))
            .map_err(|e| err(e.to_string()))?;
        for (i, row) in rows.iter().enumerate() {
            let y = i as f64;
            let color = if row.significant {
                COLORS[1]
            } else {
                COLORS[0]
            };
            chart
                .draw_series(std::iter::once(PathElement::new(
                    vec![(100.0 * row.ci.0, y), (100.0 * row.ci.1, y)],
                    color.stroke_width(2),
                )))
                .map_err(|e| err(e.to_string()))?;
            chart
                .draw_series(std::iter::once(Circle::new(
                    (100.0 * row.diff, y),
                    4,
                    color.filled(),
                )))
                .map_err(|e| err(e.to_string()))?;
        }
        root.present().map_err(|e| err(e.to_string()))?;
    }
    Ok(svg)
}

/// Lines over steps, one per series (name, points).
pub fn line_chart(
    name: &str,
    x_desc: &str,
    y_desc: &str,
    series: &[(String, Vec<(f64, f64)>)],
) -> Result<String, ReportError> {
    let err = chart_error(name);
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (520, 300)).into_drawing_area();
        root.fill(&WHITE).map_err(|e| err(e.to_string()))?;
        let (x0, x1) = range(
            series.iter().flat_map(|s| s.1.iter().map(|p| p.0)),
            0.02,
            1.0,
        );
        let (y0, y1) = range(
            series.iter().flat_map(|s| s.1.iter().map(|p| p.1)),
            0.1,
            0.0,
        );
        let mut chart = ChartBuilder::on(&root)
            .caption(name, ("sans-serif", 16))
            .margin(10)
            .x_label_area_size(35)
            .y_label_area_size(55)
            .build_cartesian_2d(x0..x1, y0..y1)
            .map_err(|e| err(e.to_string()))?;
        chart
            .configure_mesh()
            .x_label_formatter(&tick)
            .y_label_formatter(&tick)
            .x_desc(x_desc)
            .y_desc(y_desc)
            .draw()
            .map_err(|e| err(e.to_string()))?;
        for (i, (label, points)) in series.iter().enumerate() {
            let color = COLORS[i % COLORS.len()];
            chart
                .draw_series(LineSeries::new(
                    points.iter().copied(),
                    color.stroke_width(2),
                ))
                .map_err(|e| err(e.to_string()))?
                .label(label.as_str())
                .legend(move |(x, y)| PathElement::new(vec![(x, y), (x + 18, y)], color));
            chart
                .draw_series(points.iter().map(|p| Circle::new(*p, 3, color.filled())))
                .map_err(|e| err(e.to_string()))?;
        }
        chart
            .configure_series_labels()
            .background_style(WHITE.mix(0.8))
            .border_style(BLACK)
            .draw()
            .map_err(|e| err(e.to_string()))?;
        root.present().map_err(|e| err(e.to_string()))?;
    }
    Ok(svg)
}

/// Horizontal bars of persona degradation per model.
pub fn persona_chart(bars: &[PersonaBar]) -> Result<String, ReportError> {
    let err = chart_error("personas");
    let mut svg = String::new();
    let height = 60 + 20 * bars.len().max(1) as u32;
    {
        let root = SVGBackend::with_string(&mut svg, (760, height)).into_drawing_area();
        root.fill(&WHITE).map_err(|e| err(e.to_string()))?;
        let (lo, hi) = range(
            bars.iter().map(|b| 100.0 * b.degradation).chain([0.0]),
            0.1,
            2.0,
        );
        let n = bars.len().max(1) as f64;
        let names: Vec<String> = bars
            .iter()
            .map(|b| format!("{} · {} ({})", b.model, b.persona, b.kind))
            .collect();
        let mut chart = ChartBuilder::on(&root)
            .margin(10)
            .x_label_area_size(35)
            .y_label_area_size(320)
            .build_cartesian_2d(lo..hi, -0.5..n - 0.5)
            .map_err(|e| err(e.to_string()))?;
        chart
            .configure_mesh()
            .y_labels(bars.len().max(1))
            .y_label_formatter(&|y| {
                let i = y.round();
                if (y - i).abs() > 0.01 || i < 0.0 {
                    return String::new();
                }
                names.get(i as usize).cloned().unwrap_or_default()
            })
            .x_label_formatter(&tick)
            .x_desc("degradation under the persona (points; positive is worse)")
            .disable_y_mesh()
            .draw()
            .map_err(|e| err(e.to_string()))?;
        chart
            .draw_series(bars.iter().enumerate().map(|(i, b)| {
                let color = if b.kind == "harmful" {
                    COLORS[1]
                } else {
                    COLORS[2]
                };
                let y = i as f64;
                Rectangle::new(
                    [(0.0, y - 0.35), (100.0 * b.degradation, y + 0.35)],
                    color.filled(),
                )
            }))
            .map_err(|e| err(e.to_string()))?;
        root.present().map_err(|e| err(e.to_string()))?;
    }
    Ok(svg)
}

/// Dose-response curves with their intervals.
pub fn dose_chart(curves: &[DoseCurve]) -> Result<String, ReportError> {
    let err = chart_error("doses");
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (620, 340)).into_drawing_area();
        root.fill(&WHITE).map_err(|e| err(e.to_string()))?;
        let (x0, x1) = range(
            curves.iter().flat_map(|c| c.points.iter().map(|p| p.0)),
            0.05,
            1.0,
        );
        let (y0, y1) = range(
            curves
                .iter()
                .flat_map(|c| c.points.iter().flat_map(|p| [100.0 * p.2, 100.0 * p.3])),
            0.1,
            2.0,
        );
        let mut chart = ChartBuilder::on(&root)
            .caption(
                "harmful fine-tuning: degradation by dose",
                ("sans-serif", 16),
            )
            .margin(10)
            .x_label_area_size(35)
            .y_label_area_size(55)
            .build_cartesian_2d(x0..x1, y0..y1)
            .map_err(|e| err(e.to_string()))?;
        chart
            .configure_mesh()
            .x_label_formatter(&tick)
            .y_label_formatter(&tick)
            .x_desc("attack examples")
            .y_desc("degradation (points)")
            .draw()
            .map_err(|e| err(e.to_string()))?;
        for (i, curve) in curves.iter().enumerate() {
            let color = COLORS[i % COLORS.len()];
            chart
                .draw_series(LineSeries::new(
                    curve.points.iter().map(|p| (p.0, 100.0 * p.1)),
                    color.stroke_width(2),
                ))
                .map_err(|e| err(e.to_string()))?
                .label(curve.model.as_str())
                .legend(move |(x, y)| PathElement::new(vec![(x, y), (x + 18, y)], color));
            chart
                .draw_series(
                    curve.points.iter().map(|p| {
                        PathElement::new(vec![(p.0, 100.0 * p.2), (p.0, 100.0 * p.3)], color)
                    }),
                )
                .map_err(|e| err(e.to_string()))?;
        }
        chart
            .configure_series_labels()
            .background_style(WHITE.mix(0.8))
            .border_style(BLACK)
            .draw()
            .map_err(|e| err(e.to_string()))?;
        root.present().map_err(|e| err(e.to_string()))?;
    }
    Ok(svg)
}

/// The transfer heatmap: arms x categories, blue for gains and red for losses.
pub fn transfer_chart(matrix: &TransferMatrix) -> Result<String, ReportError> {
    let err = chart_error("transfer");
    let (rows, cols) = (matrix.arms.len().max(1), matrix.categories.len().max(1));
    let mut svg = String::new();
    {
        let root =
            SVGBackend::with_string(&mut svg, (180 + 70 * cols as u32, 120 + 34 * rows as u32))
                .into_drawing_area();
        root.fill(&WHITE).map_err(|e| err(e.to_string()))?;
        let largest = matrix
            .values
            .iter()
            .flatten()
            .flatten()
            .fold(0.0f64, |m, v| m.max(v.abs()))
            .max(1e-9);
        let (arms, categories) = (&matrix.arms, &matrix.categories);
        let mut chart = ChartBuilder::on(&root)
            .caption(
                "transfer: mean difference against the baseline (points)",
                ("sans-serif", 15),
            )
            .margin(10)
            .x_label_area_size(90)
            .y_label_area_size(160)
            .build_cartesian_2d(0.0..cols as f64, 0.0..rows as f64)
            .map_err(|e| err(e.to_string()))?;
        chart
            .configure_mesh()
            .disable_mesh()
            .x_labels(cols * 2 + 1)
            .y_labels(rows * 2 + 1)
            .x_label_formatter(&|x| {
                let i = (x - 0.5).round();
                if (x - 0.5 - i).abs() > 0.01 || i < 0.0 {
                    return String::new();
                }
                categories.get(i as usize).cloned().unwrap_or_default()
            })
            .y_label_formatter(&|y| {
                let i = (y - 0.5).round();
                if (y - 0.5 - i).abs() > 0.01 || i < 0.0 {
                    return String::new();
                }
                arms.get(i as usize).cloned().unwrap_or_default()
            })
            .x_label_style(
                ("sans-serif", 11)
                    .into_font()
                    .transform(FontTransform::Rotate90),
            )
            .draw()
            .map_err(|e| err(e.to_string()))?;
        for (r, row) in matrix.values.iter().enumerate() {
            for (c, value) in row.iter().enumerate() {
                let (x, y) = (c as f64, r as f64);
                let color = match value {
                    Some(v) => {
                        let t = (v.abs() / largest).min(1.0);
                        let shade = (255.0 * (1.0 - 0.75 * t)) as u8;
                        if *v >= 0.0 {
                            RGBColor(shade, shade, 255)
                        } else {
                            RGBColor(255, shade, shade)
                        }
                    }
                    None => RGBColor(235, 235, 235),
                };
                chart
                    .draw_series(std::iter::once(Rectangle::new(
                        [(x + 0.03, y + 0.05), (x + 0.97, y + 0.95)],
                        color.filled(),
                    )))
                    .map_err(|e| err(e.to_string()))?;
                let label = value.map_or("-".to_string(), |v| format!("{:+.1}", 100.0 * v));
                chart
                    .draw_series(std::iter::once(Text::new(
                        label,
                        (x + 0.3, y + 0.6),
                        ("sans-serif", 12),
                    )))
                    .map_err(|e| err(e.to_string()))?;
            }
        }
        root.present().map_err(|e| err(e.to_string()))?;
    }
    Ok(svg)
}

const PAGE: &str = include_str!("report.html.j2");

/// The self-contained HTML page.
pub fn render_html(report: &Report) -> Result<String, ReportError> {
    let forest = if report.benchmarks.is_empty() {
        None
    } else {
        Some(forest_plot(&report.benchmarks)?)
    };
    let mut training = Vec::new();
    if !report.training.is_empty() {
        type Pick = fn(&TrainingCurve) -> &Vec<(f64, f64)>;
        let charts: [(&str, &str, Pick); 3] = [
            ("reward", "mean reward", |c| &c.reward),
            ("KL to the reference", "KL", |c| &c.kl),
            ("completion length", "tokens", |c| &c.length),
        ];
        for (name, y, pick) in charts {
            let series: Vec<(String, Vec<(f64, f64)>)> = report
                .training
                .iter()
                .map(|c| (c.run.clone(), pick(c).clone()))
                .filter(|s| !s.1.is_empty())
                .collect();
            if !series.is_empty() {
                training.push(line_chart(name, "step", y, &series)?);
            }
        }
        let by_source: Vec<(String, Vec<(f64, f64)>)> = report
            .training
            .iter()
            .flat_map(|c| {
                c.reward_by_source
                    .iter()
                    .map(move |(source, points)| (format!("{} {source}", c.run), points.clone()))
            })
            .filter(|s| !s.1.is_empty())
            .collect();
        if !by_source.is_empty() {
            training.push(line_chart(
                "reward per source",
                "step",
                "mean reward",
                &by_source,
            )?);
        }
    }
    let personas = if report.personas.is_empty() {
        None
    } else {
        Some(persona_chart(&report.personas)?)
    };
    let transfer = report.transfer.as_ref().map(transfer_chart).transpose()?;
    let doses = if report.doses.is_empty() {
        None
    } else {
        Some(dose_chart(&report.doses)?)
    };
    let mut env = Environment::new();
    env.add_template("report.html", PAGE)?;
    let page = env.get_template("report.html")?.render(context! {
        report => report,
        forest => forest,
        training_charts => training,
        persona_chart => personas,
        dose_chart => doses,
        transfer_chart => transfer,
    })?;
    Ok(page)
}

/// The Markdown summary.
pub fn render_markdown(report: &Report) -> String {
    let mut out = format!(
        "# {}\n\n**{}**\n\n{}\n\n",
        report.title, report.summary_line, report.comparison
    );
    out.push_str("| benchmark | category | better | n | diff (points) | 95% CI | p (BH) |\n");
    out.push_str("| --- | --- | --- | --- | --- | --- | --- |\n");
    for row in &report.benchmarks {
        out.push_str(&format!(
            "| {} | {} | {} | {} | {:+.1} | [{:+.1}, {:+.1}] | {} |\n",
            row.id,
            row.category,
            row.better,
            row.n,
            100.0 * row.diff,
            100.0 * row.ci.0,
            100.0 * row.ci.1,
            row.p_adjusted
                .map_or("-".to_string(), |p| format!("{p:.4}"))
        ));
    }
    if !report.arms.is_empty() {
        out.push_str(
            "\n| run | kind | steps | generated tokens | FLOPs | vs baseline (tokens, FLOPs) |\n",
        );
        out.push_str("| --- | --- | --- | --- | --- | --- |\n");
        for arm in &report.arms {
            out.push_str(&format!(
                "| {} | {} | {} | {} | {:.3e} | {} |\n",
                arm.run,
                arm.kind,
                arm.steps,
                arm.generated_tokens,
                arm.flops,
                arm.gap_to_baseline
                    .map_or("-".to_string(), |(t, f)| format!(
                        "{:+.1}%, {:+.1}%",
                        100.0 * t,
                        100.0 * f
                    ))
            ));
        }
    }
    if let Some(audit) = &report.audit {
        // Strategies by verdict: a strategy that could not be graded did not game anything.
        let with = |verdict: &str| -> Vec<&str> {
            audit
                .rows
                .iter()
                .filter(|r| r.4 == verdict)
                .map(|r| r.0.as_str())
                .collect()
        };
        let (gamed, ungraded) = (with("gamed"), with("not graded"));
        let mut words = Vec::new();
        if !gamed.is_empty() {
            words.push(format!("gamed by {}", gamed.join(", ")));
        }
        if !ungraded.is_empty() {
            words.push(format!(
                "not graded: {} ({} gradings failed)",
                ungraded.join(", "),
                audit.failures
            ));
        }
        if words.is_empty() {
            words.push("every gaming strategy resisted".to_string());
        }
        out.push_str(&format!(
            "\nReward grader audit ({}, {} scenarios): {}\n",
            audit.grader,
            audit.scenarios,
            words.join("; ")
        ));
    }
    if let Some(verdict) = &report.persona_verdict {
        out.push_str(&format!("\nPersona attacks: {verdict}\n"));
    }
    for curve in &report.doses {
        out.push_str(&format!(
            "\nFine-tuning attack on {}: area under the degradation curve {}\n",
            curve.model,
            curve
                .auc
                .map_or("-".to_string(), |a| format!("{:+.1} points", 100.0 * a))
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn sample() -> Report {
        Report {
            title: "t <script>".to_string(),
            summary_line: "ahead on 1 of 2".to_string(),
            comparison: "trait vs baseline".to_string(),
            benchmarks: vec![BenchmarkRow {
                id: "health-triage".to_string(),
                category: "health".to_string(),
                better: "higher".to_string(),
                scores: vec![
                    ("baseline".to_string(), Some(0.2)),
                    ("trait".to_string(), Some(0.3)),
                ],
                n: 40,
                diff: 0.1,
                ci: (0.0, 0.2),
                p_adjusted: Some(0.04),
                significant: true,
                without_refusals: Some(0.1),
                refusal_rates: (0.0, 0.0),
                records: vec!["eval/trait/records/health-triage.jsonl".to_string()],
            }],
            training: vec![TrainingCurve {
                run: "trait-s7".to_string(),
                reward: vec![(1.0, 0.1), (2.0, 0.3)],
                kl: vec![(1.0, 0.0), (2.0, 0.01)],
                length: vec![(1.0, 40.0), (2.0, 38.0)],
                reward_by_source: vec![("trait".to_string(), vec![(1.0, 0.0), (2.0, 0.5)])],
                file: "arms/trait-s7/metrics.jsonl".to_string(),
            }],
            personas: vec![PersonaBar {
                model: "trait".to_string(),
                persona: "flatterer".to_string(),
                kind: "harmful".to_string(),
                degradation: 0.05,
                file: "persona/trait/attack.json".to_string(),
            }],
            persona_verdict: Some("selective persistence".to_string()),
            doses: vec![DoseCurve {
                model: "trait".to_string(),
                points: vec![(0.0, 0.0, 0.0, 0.0), (25.0, 0.05, 0.0, 0.1)],
                auc: Some(0.025),
                file: "finetune/trait/attack.json".to_string(),
            }],
            transfer: Some(TransferMatrix {
                arms: vec!["trait".to_string(), "health-only".to_string()],
                categories: vec!["health".to_string(), "sycophancy".to_string()],
                values: vec![vec![Some(0.1), Some(-0.05)], vec![Some(0.02), None]],
            }),
            arms: vec![ArmInfo {
                run: "trait-s7".to_string(),
                kind: "trait".to_string(),
                seed: Some(7),
                reward_grader: "rules".to_string(),
                mixture: vec![MixtureShare {
                    source: "trait".to_string(),
                    role: "trait".to_string(),
                    share: 0.05,
                    items: 360,
                    generic_rubric: false,
                }],
                settings: vec![("lr".to_string(), "5e-4".to_string())],
                steps: 24,
                generated_tokens: 16_000,
                trained_tokens: 2_000,
                flops: 1e13,
                wall_seconds: Some(107.0),
                gap_to_baseline: Some((0.09, 0.08)),
                config_sha256: "7d492cc58a5e".to_string(),
                dir: "arms/trait-s7".to_string(),
            }],
            audit: Some(GraderAudit {
                grader: "rules".to_string(),
                scenarios: 60,
                failures: 0,
                rows: vec![(
                    "keyword_stuffing".to_string(),
                    0.05,
                    0.8,
                    Some(0.0625),
                    "resisted".to_string(),
                )],
                file: "audit/reward-grader.json".to_string(),
            }),
            files: Vec::new(),
        }
    }

    #[test]
    fn the_page_holds_every_chart_and_escapes_text() {
        let page = render_html(&sample()).unwrap();
        assert_eq!(
            page.matches("<svg").count(),
            8,
            "forest, 4 training, transfer, personas, doses"
        );
        assert!(page.contains("health-triage"));
        // Paths are shown (minijinja escapes their slashes in HTML).
        assert!(page.contains("records&#x2f;health-triage.jsonl"), "{page}");
        assert!(!page.contains("t <script>"), "titles are escaped");
        // The arm's configuration, its compute gap to the baseline and the grader audit.
        for shown in [
            "id=\"settings\"",
            "7d492cc58a5e",
            "+9.0%, +8.0%",
            "trait (trait) 5.0%, 360",
            "id=\"audit\"",
            "keyword_stuffing",
        ] {
            assert!(page.contains(shown), "{shown} missing");
        }
        for fetch in ["<script", "src=\"http", "href=\"http", "url(http"] {
            assert!(!page.contains(fetch), "no network: {fetch}");
        }
    }

    #[test]
    fn ticks_stay_readable() {
        assert_eq!(tick(&0.00002), "2.0e-5");
        assert_eq!(tick(&0.25), "0.25");
        assert_eq!(tick(&-0.0), "0");
        assert_eq!(tick(&3.0), "3");
        let (lo, hi) = range([0.0, 0.0].into_iter(), 0.05, 2.0);
        assert!(lo < -0.9 && hi > 0.9);
    }

    #[test]
    fn an_audit_that_could_not_grade_is_not_called_gamed() {
        let mut report = sample();
        if let Some(audit) = report.audit.as_mut() {
            audit.failures = 8;
            audit.rows[0].4 = "not graded".to_string();
        }
        let md = render_markdown(&report);
        assert!(
            md.contains("not graded: keyword_stuffing (8 gradings failed)")
                && !md.contains("gamed by"),
            "{md}"
        );
    }

    #[test]
    fn the_markdown_summary_names_the_headline() {
        let md = render_markdown(&sample());
        assert!(md.contains("**ahead on 1 of 2**"));
        assert!(md.contains("| health-triage | health | higher | 40 | +10.0 |"));
        assert!(md.contains("| trait-s7 | trait | 24 | 16000 | 1.000e13 | +9.0%, +8.0% |"));
        assert!(
            md.contains(
                "Reward grader audit (rules, 60 scenarios): every gaming strategy resisted"
            )
        );
    }
}
