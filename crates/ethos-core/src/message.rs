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

impl Role {
    /// The role's name as chat formats write it: `system`, `user` or `assistant`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::System => "system",
            Self::User => "user",
            Self::Assistant => "assistant",
        }
    }
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

/// Parses a conversation file: a JSON array of messages, or an object with a `messages`
/// array. The conversation must end with a user turn.
pub fn parse_conversation(text: &str) -> Result<Vec<Message>, FieldError> {
    let value: serde_json::Value = serde_json::from_str(text)
        .map_err(|err| FieldError::new("-", format!("malformed JSON: {err}")))?;
    let (prefix, list) = match value {
        serde_json::Value::Object(mut object) => match object.remove("messages") {
            Some(list) => ("messages", list),
            None => {
                return Err(FieldError::new(
                    "messages",
                    "missing: expected an array of messages or {\"messages\": [...]}",
                ));
            }
        },
        list => ("", list),
    };
    let messages: Vec<Message> = serde_path_to_error::deserialize(list).map_err(|err| {
        let path = crate::diagnostic::field_path(err.path());
        let field = match (prefix, path.as_str()) {
            ("", "-") => "-".to_string(),
            ("", path) => path.to_string(),
            (prefix, "-") => prefix.to_string(),
            (prefix, path) => format!("{prefix}{path}"),
        };
        FieldError::new(field, err.into_inner().to_string())
    })?;
    if let Some(problem) = conversation_problems(&messages).into_iter().next() {
        return Err(problem);
    }
    Ok(messages)
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
    fn parses_conversation_files() {
        let both = [
            r#"[{"role": "user", "content": "hi"}]"#,
            r#"{"messages": [{"role": "user", "content": "hi"}]}"#,
        ];
        for text in both {
            assert_eq!(parse_conversation(text).unwrap(), vec![Message::user("hi")]);
        }
        assert_eq!(parse_conversation("[{").unwrap_err().field, "-");
        assert_eq!(
            parse_conversation(r#"[{"role": "bot", "content": "x"}]"#)
                .unwrap_err()
                .field,
            "[0].role"
        );
        assert_eq!(
            parse_conversation(r#"{"messages": [{"role": "user"}]}"#)
                .unwrap_err()
                .field,
            "messages[0]"
        );
        assert_eq!(
            parse_conversation(r#"{"turns": []}"#).unwrap_err().field,
            "messages"
        );
        let err = parse_conversation(r#"[{"role": "assistant", "content": "x"}]"#).unwrap_err();
        assert!(err.message.contains("end with a user turn"));
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
