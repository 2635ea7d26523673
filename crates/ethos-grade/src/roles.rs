//! Separate graders for the reward (training) and for evaluation.

use serde::{Deserialize, Serialize};

use crate::spec::GraderSpec;

/// The two grading roles of a run. Keeping them apart lets a run train on a cheap grader
/// and evaluate with a stronger or different one, so that reward hacking of the first
/// shows up in the second; reports name both.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GraderRoles {
    /// Grades rollouts during training.
    pub reward: GraderSpec,
    /// Grades evaluation responses.
    pub evaluation: GraderSpec,
}

impl GraderRoles {
    /// Both roles as report lines.
    pub fn describe(&self) -> String {
        let note = if self.reward == self.evaluation {
            " (the same grader: evaluation scores can be inflated by reward hacking)"
        } else {
            ""
        };
        format!(
            "reward grader: {}\nevaluation grader: {}{note}",
            self.reward, self.evaluation
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_both_roles_from_toml() {
        let roles: GraderRoles = toml::from_str(
            "reward = \"rules\"\nevaluation = \"composite:openai:http://127.0.0.1:9/v1#judge\"\n",
        )
        .unwrap();
        assert_eq!(roles.reward, GraderSpec::rules());
        assert!(
            roles
                .describe()
                .contains("reward grader: rules\nevaluation grader: composite:")
        );
        assert!(toml::from_str::<GraderRoles>("reward = \"rules\"").is_err());
        let err = toml::from_str::<GraderRoles>("reward = \"rules\"\nevaluation = \"oracle:x\"")
            .unwrap_err()
            .to_string();
        assert!(err.contains("unknown kind `oracle`"), "{err}");
        let same: GraderRoles =
            toml::from_str("reward = \"rules\"\nevaluation = \"rules\"").unwrap();
        assert!(same.describe().contains("the same grader"));
    }
}
