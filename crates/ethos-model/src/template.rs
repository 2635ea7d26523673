//! Chat templates: the Jinja template shipped with a model, rendered with minijinja.

use ethos_core::Message;
use minijinja::{Environment, ErrorKind, context};

use crate::error::{ModelError, Result};

/// Used when a model file carries no template: ChatML, which SmolLM and Qwen use.
pub const CHATML_TEMPLATE: &str = "{% for message in messages %}{{ '<|im_start|>' + message['role'] + '\\n' + message['content'] + '<|im_end|>' + '\\n' }}{% endfor %}{% if add_generation_prompt %}{{ '<|im_start|>assistant\\n' }}{% endif %}";

/// A compiled chat template.
#[derive(Debug)]
pub struct ChatTemplate {
    source: String,
    env: Environment<'static>,
    bos_token: String,
    eos_token: String,
}

impl ChatTemplate {
    /// Compiles `source`, with the model's BOS and EOS token texts available to it.
    pub fn new(source: &str, bos_token: &str, eos_token: &str) -> Result<Self> {
        let mut env = Environment::new();
        // Hugging Face templates are written for Python's Jinja: string methods such as
        // `.strip()` and the `raise_exception` helper are expected to exist.
        minijinja_contrib::add_to_environment(&mut env);
        env.set_unknown_method_callback(minijinja_contrib::pycompat::unknown_method_callback);
        env.add_function(
            "raise_exception",
            |message: String| -> std::result::Result<String, minijinja::Error> {
                Err(minijinja::Error::new(ErrorKind::InvalidOperation, message))
            },
        );
        env.add_template_owned("chat", source.to_string())
            .map_err(|err| ModelError::Template(format!("does not compile: {err}")))?;
        Ok(Self {
            source: source.to_string(),
            env,
            bos_token: bos_token.to_string(),
            eos_token: eos_token.to_string(),
        })
    }

    /// The template text.
    pub fn source(&self) -> &str {
        &self.source
    }

    /// Renders a conversation, ending with the assistant's opening when
    /// `add_generation_prompt` is set.
    pub fn render(&self, messages: &[Message], add_generation_prompt: bool) -> Result<String> {
        let template = self
            .env
            .get_template("chat")
            .map_err(|err| ModelError::Template(err.to_string()))?;
        template
            .render(context! {
                messages => messages,
                add_generation_prompt => add_generation_prompt,
                bos_token => self.bos_token,
                eos_token => self.eos_token,
            })
            .map_err(|err| ModelError::Template(format!("rendering failed: {err}")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_chatml_with_generation_prompt() {
        let template = ChatTemplate::new(CHATML_TEMPLATE, "", "<|im_end|>").unwrap();
        let text = template
            .render(&[Message::system("Be brief."), Message::user("Hi")], true)
            .unwrap();
        assert_eq!(
            text,
            "<|im_start|>system\nBe brief.<|im_end|>\n<|im_start|>user\nHi<|im_end|>\n<|im_start|>assistant\n"
        );
    }

    #[test]
    fn supports_python_string_methods_and_raise_exception() {
        let source = "{% if messages[0]['role'] != 'user' %}{{ raise_exception('first must be user') }}{% endif %}{{ messages[0]['content'].strip() }}";
        let template = ChatTemplate::new(source, "", "").unwrap();
        assert_eq!(
            template.render(&[Message::user("  hi  ")], false).unwrap(),
            "hi"
        );
        let err = template
            .render(&[Message::assistant("x")], false)
            .unwrap_err();
        assert!(err.to_string().contains("first must be user"), "{err}");
    }

    #[test]
    fn bad_template_is_a_clear_error() {
        let err = ChatTemplate::new("{% for %}", "", "").unwrap_err();
        assert!(
            err.to_string()
                .starts_with("chat template: does not compile"),
            "{err}"
        );
    }
}
