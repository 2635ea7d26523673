//! Judge prompt templates: files, versioned, and part of every cache key.

use std::path::Path;

use ethos_core::{Criterion, Message};
use minijinja::{Environment, context};
use sha2::{Digest, Sha256};

use crate::error::GradeError;

const ITEM_V1: &str = include_str!("../templates/rubric-item-v1.j2");
const BATCH_V1: &str = include_str!("../templates/rubric-batch-v1.j2");
const YES_NO_V1: &str = include_str!("../templates/rubric-yes-no-v1.j2");

/// A judge prompt template. Its [`JudgeTemplate::id`] names the template, its version and
/// a hash of its text, so that editing a template can never reuse stale cached verdicts.
#[derive(Debug, Clone)]
pub struct JudgeTemplate {
    name: String,
    /// `name-vVERSION-HASH`, computed once: every cache key repeats it.
    id: String,
    env: Environment<'static>,
}

impl JudgeTemplate {
    /// The built-in one-criterion-per-call template (HealthBench protocol).
    pub fn builtin_item() -> Self {
        Self::from_source("rubric-item", 1, ITEM_V1).unwrap_or_else(|_| unreachable_template())
    }

    /// The built-in all-criteria-in-one-call template.
    pub fn builtin_batch() -> Self {
        Self::from_source("rubric-batch", 1, BATCH_V1).unwrap_or_else(|_| unreachable_template())
    }

    /// The built-in one-word yes/no template, read from the judge's log-probabilities.
    pub fn builtin_yes_no() -> Self {
        Self::from_source("rubric-yes-no", 1, YES_NO_V1).unwrap_or_else(|_| unreachable_template())
    }

    /// A template from text. Per-criterion templates see `conversation`, `criterion` and
    /// `points`; batched ones see `conversation` and `criteria` (a list of `index`,
    /// `points`, `criterion`).
    pub fn from_source(name: &str, version: u32, source: &str) -> Result<Self, GradeError> {
        let mut env = Environment::new();
        env.set_keep_trailing_newline(true);
        env.add_template_owned(name.to_string(), source.to_string())
            .map_err(|err| GradeError::Template {
                name: name.to_string(),
                message: err.to_string(),
            })?;
        let hash = Sha256::digest(source.as_bytes());
        let short: String = hash.iter().take(6).map(|b| format!("{b:02x}")).collect();
        Ok(Self {
            name: name.to_string(),
            id: format!("{name}-v{version}-{short}"),
            env,
        })
    }

    /// A template read from a file; its version is 0 (user-supplied) and its hash tells
    /// edits apart.
    pub fn from_file(path: &Path) -> Result<Self, GradeError> {
        let name = path.file_stem().map_or_else(
            || "template".to_string(),
            |s| s.to_string_lossy().into_owned(),
        );
        let source = std::fs::read_to_string(path).map_err(|err| GradeError::Template {
            name: path.display().to_string(),
            message: err.to_string(),
        })?;
        Self::from_source(&name, 0, &source)
    }

    /// `name-vVERSION-HASH`: what cache keys and reports record.
    pub fn id(&self) -> &str {
        &self.id
    }

    /// Renders the prompt for one criterion.
    pub fn render_item(
        &self,
        messages: &[Message],
        response: &str,
        criterion: &Criterion,
    ) -> Result<String, GradeError> {
        self.render(context! {
            conversation => render_conversation(messages, response),
            criterion => criterion.criterion,
            points => criterion.points,
        })
    }

    /// Renders the prompt for all criteria at once.
    pub fn render_batch(
        &self,
        messages: &[Message],
        response: &str,
        rubric: &[Criterion],
    ) -> Result<String, GradeError> {
        let criteria: Vec<_> = rubric
            .iter()
            .enumerate()
            .map(|(i, c)| context! { index => i + 1, points => c.points, criterion => c.criterion })
            .collect();
        self.render(context! {
            conversation => render_conversation(messages, response),
            criteria => criteria,
        })
    }

    fn render(&self, ctx: minijinja::Value) -> Result<String, GradeError> {
        let err = |e: minijinja::Error| GradeError::Template {
            name: self.name.clone(),
            message: e.to_string(),
        };
        self.env
            .get_template(&self.name)
            .map_err(err)?
            .render(ctx)
            .map_err(err)
    }
}

fn unreachable_template() -> JudgeTemplate {
    // The built-in templates are tested to parse; this keeps the constructors infallible
    // without a panic path should that ever regress.
    JudgeTemplate {
        name: "broken-builtin".to_string(),
        id: "broken-builtin-v0".to_string(),
        env: Environment::new(),
    }
}

/// The conversation as role-tagged turns with `response` as the final assistant turn.
pub fn render_conversation(messages: &[Message], response: &str) -> String {
    let mut turns: Vec<String> = messages
        .iter()
        .map(|m| format!("{}: {}", m.role.as_str(), m.content))
        .collect();
    turns.push(format!("assistant: {response}"));
    turns.join("\n\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_templates_parse_and_render_every_part() {
        let item = JudgeTemplate::builtin_item();
        assert!(item.id().starts_with("rubric-item-v1-"));
        let rubric = vec![Criterion {
            criterion: "Says it is unsure".to_string(),
            points: -3,
            tags: vec![],
            check: None,
        }];
        let messages = vec![Message::user("Is it safe?")];
        let text = item.render_item(&messages, "Yes.", &rubric[0]).unwrap();
        assert!(text.contains("user: Is it safe?\n\nassistant: Yes."));
        assert!(text.contains("[-3 points] Says it is unsure"));
        let batch = JudgeTemplate::builtin_batch();
        assert!(batch.id().starts_with("rubric-batch-v1-"));
        let text = batch.render_batch(&messages, "Yes.", &rubric).unwrap();
        assert!(text.contains("1. [-3 points] Says it is unsure"), "{text}");
        let yes_no = JudgeTemplate::builtin_yes_no();
        assert!(yes_no.id().starts_with("rubric-yes-no-v1-"));
        let text = yes_no.render_item(&messages, "Yes.", &rubric[0]).unwrap();
        assert!(text.contains("# Rubric item\nSays it is unsure"), "{text}");
        assert!(text.contains("naming it in order to reject"), "{text}");
        assert!(text.ends_with("yes or no.\n"), "{text}");
    }

    #[test]
    fn editing_a_template_changes_its_id() {
        let a = JudgeTemplate::from_source("t", 1, "{{ conversation }}").unwrap();
        let b = JudgeTemplate::from_source("t", 1, "{{ conversation }}!").unwrap();
        assert_ne!(a.id(), b.id());
        assert!(JudgeTemplate::from_source("t", 1, "{% if %}").is_err());
    }
}
