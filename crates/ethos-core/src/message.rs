//! Chat messages and their structural rules.

use serde::{Deserialize, Serialize};

use crate::diagnostic::FieldError;

/// Who speaks a message.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// Operator or deployment instructions; only allowed as the first message.
    System,
    /// The human.
    User,
    /// The model.
    Assistant,
}

/// One turn of a conversation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Message {
    /// Who speaks.
    pub role: Role,
    /// What is said.
    pub content: String,
}

impl Message {
    /// A user message.
    pub fn user(content: impl Into<String>) -> Self {
        Self {
            role: Role::User,
            content: content.into(),
        }
    }

    /// An assistant message.
    pub fn assistant(content: impl Into<String>) -> Self {
        Self {
            role: Role::Assistant,
            content: content.into(),
        }
    }

    /// A system message.
    pub fn system(content: impl Into<String>) -> Self {
        Self {
            role: Role::System,
            content: content.into(),
        }
    }
}

/// Checks that `messages` form a prompt awaiting an assistant reply.
///
/// Returns one [`FieldError`] per problem: empty list, empty content, a system
/// message after the first position, or a last message that is not a user turn.
pub fn conversation_problems(messages: &[Message]) -> Vec<FieldError> {
    let mut problems = Vec::new();
    if messages.is_empty() {
        problems.push(FieldError::new(
            "messages".to_string(),
            "must contain at least one message".to_string(),
        ));
        return problems;
    }
    for (index, message) in messages.iter().enumerate() {
        if message.content.trim().is_empty() {
            problems.push(FieldError::new(
                format!("messages[{index}].content"),
                "is empty".to_string(),
            ));
        }
        if message.role == Role::System && index > 0 {
            problems.push(FieldError::new(
                format!("messages[{index}].role"),
                "a system message is only allowed first".to_string(),
            ));
        }
    }
    if let Some(last) = messages.last()
        && last.role != Role::User
    {
        problems.push(FieldError::new(
            format!("messages[{}].role", messages.len() - 1),
            "the conversation must end with a user turn",
        ));
    }
    problems
}

/// True when the conversation contains an earlier assistant turn.
pub fn is_multi_turn(messages: &[Message]) -> bool {
    messages.iter().any(|m| m.role == Role::Assistant)
}

/// The first user message, if any.
pub fn opening_user_message(messages: &[Message]) -> Option<&str> {
    messages
        .iter()
        .find(|m| m.role == Role::User)
        .map(|m| m.content.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn valid_conversation_has_no_problems() {
        let msgs = vec![
            Message::system("s"),
            Message::user("u"),
            Message::assistant("a"),
            Message::user("u2"),
        ];
        assert!(conversation_problems(&msgs).is_empty());
        assert!(is_multi_turn(&msgs));
        assert_eq!(opening_user_message(&msgs), Some("u"));
    }

    #[test]
    fn rejects_empty_late_system_and_assistant_ending() {
        assert_eq!(conversation_problems(&[])[0].field, "messages");
        let msgs = vec![
            Message::user("  "),
            Message::system("s"),
            Message::assistant("a"),
        ];
        let fields: Vec<_> = conversation_problems(&msgs)
            .into_iter()
            .map(|p| p.field)
            .collect();
        assert_eq!(
            fields,
            vec![
                "messages[0].content",
                "messages[1].role",
                "messages[2].role"
            ]
        );
    }
}
