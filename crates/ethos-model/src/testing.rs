//! Helpers for tests that need an OpenAI-compatible server which misbehaves on demand.
//!
//! A real server (`ethos serve`) cannot be told to answer 429, time out, or send a body that
//! is not JSON, so tests of retry and error handling use this scripted loopback server.

use std::io::{Read, Write};
use std::net::TcpListener;
use std::time::Duration;

/// Starts a loopback server that answers its i-th connection with `answers[i]` (a raw
/// HTTP response), or stays silent for `silence` when the answer is `None`. Returns the
/// base URL (ending in `/v1`). Connections beyond the script are refused.
pub fn scripted_server(answers: Vec<Option<String>>, silence: Duration) -> std::io::Result<String> {
    let listener = TcpListener::bind("127.0.0.1:0")?;
    let url = format!("http://{}/v1", listener.local_addr()?);
    std::thread::spawn(move || {
        for answer in answers {
            let Ok((mut stream, _)) = listener.accept() else {
                return;
            };
            let mut buffer = [0u8; 1 << 16];
            let _ = stream.read(&mut buffer);
            match answer {
                Some(response) => {
                    let _ = stream.write_all(response.as_bytes());
                }
                None => std::thread::sleep(silence),
            }
        }
    });
    Ok(url)
}

/// A raw HTTP/1.1 response with a JSON content type.
pub fn http_response(status: &str, body: &str) -> String {
    format!(
        "HTTP/1.1 {status}\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{body}",
        body.len()
    )
}

/// A chat-completion body whose one choice says `content`.
pub fn chat_body(content: &str) -> String {
    serde_json::json!({
        "choices": [{
            "index": 0,
            "message": {"role": "assistant", "content": content},
            "finish_reason": "stop",
            "logprobs": null
        }],
        "usage": {"prompt_tokens": 3, "completion_tokens": 1, "total_tokens": 4}
    })
    .to_string()
}
