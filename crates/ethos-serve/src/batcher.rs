//! Collects concurrent generation requests and runs them through the model as one batch.

use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::thread;
use std::time::{Duration, Instant};

use ethos_model::{Generation, GenerationRequest, LanguageModel, StreamEvent};
use tokio::sync::{mpsc as tokio_mpsc, oneshot};

/// One request waiting for the decoder.
struct Job {
    request: GenerationRequest,
    events: Option<tokio_mpsc::UnboundedSender<StreamEvent>>,
    done: oneshot::Sender<ethos_model::Result<Generation>>,
}

/// Handle to the batching worker thread.
#[derive(Clone)]
pub struct Batcher {
    jobs: Sender<Job>,
}

impl Batcher {
    /// Starts the worker. Requests arriving within `window` of the first one, up to
    /// `max_batch`, are decoded together.
    pub fn start(model: Arc<dyn LanguageModel>, max_batch: usize, window: Duration) -> Self {
        let (jobs, receiver) = mpsc::channel();
        thread::Builder::new()
            .name("ethos-batcher".to_string())
            .spawn(move || run(model.as_ref(), &receiver, max_batch.max(1), window))
            .map(|_| ())
            .unwrap_or_else(|err| {
                eprintln!("ethos serve: cannot start the batching thread: {err}")
            });
        Self { jobs }
    }

    /// Queues a request; `events` receives streamed text when given.
    pub fn submit(
        &self,
        request: GenerationRequest,
        events: Option<tokio_mpsc::UnboundedSender<StreamEvent>>,
    ) -> oneshot::Receiver<ethos_model::Result<Generation>> {
        let (done, receiver) = oneshot::channel();
        // A send error means the worker is gone; the caller then sees a closed channel.
        let _ = self.jobs.send(Job {
            request,
            events,
            done,
        });
        receiver
    }
}

fn run(model: &dyn LanguageModel, receiver: &Receiver<Job>, max_batch: usize, window: Duration) {
    while let Ok(first) = receiver.recv() {
        let mut batch = vec![first];
        let deadline = Instant::now() + window;
        while batch.len() < max_batch {
            let left = deadline.saturating_duration_since(Instant::now());
            match receiver.recv_timeout(left) {
                Ok(job) => batch.push(job),
                Err(RecvTimeoutError::Timeout | RecvTimeoutError::Disconnected) => break,
            }
        }
        let requests: Vec<GenerationRequest> =
            batch.iter().map(|job| job.request.clone()).collect();
        let senders: Vec<Option<tokio_mpsc::UnboundedSender<StreamEvent>>> =
            batch.iter().map(|job| job.events.clone()).collect();
        let result = model.generate_streaming(&requests, &mut |event| {
            if let Some(Some(sender)) = senders.get(event.request) {
                let _ = sender.send(event);
            }
        });
        match result {
            Ok(generations) => {
                for (job, generation) in batch.into_iter().zip(generations) {
                    let _ = job.done.send(Ok(generation));
                }
            }
            Err(err) if batch.len() > 1 => {
                // One bad request must not fail the others: retry each on its own.
                drop(err);
                for job in batch {
                    let result = model
                        .generate_streaming(std::slice::from_ref(&job.request), &mut |event| {
                            if let Some(sender) = &job.events {
                                let _ = sender.send(StreamEvent {
                                    request: 0,
                                    ..event
                                });
                            }
                        })
                        .and_then(|g| {
                            g.into_iter().next().ok_or_else(|| {
                                ethos_model::ModelError::InvalidRequest(
                                    "the model returned no generation".to_string(),
                                )
                            })
                        });
                    let _ = job.done.send(result);
                }
            }
            Err(err) => {
                if let Some(job) = batch.into_iter().next() {
                    let _ = job.done.send(Err(err));
                }
            }
        }
    }
}
