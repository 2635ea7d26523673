"""Reward functions for external RL engines that call an ethos reward server.

Start the server with ``ethos serve-reward --config CONFIG --arm ARM`` and point the
shims at it with ``ETHOS_REWARD_URL`` (default ``http://127.0.0.1:8777``) and, when the
server requires one, ``ETHOS_REWARD_API_KEY``.

- :func:`trl_reward` is a reward function for TRL's ``GRPOTrainer(reward_funcs=...)``;
  the dataset must carry the ``ethos_id`` column that ``ethos export --format trl`` writes.
- :func:`compute_score` is a ``custom_reward_function`` for verl; the item id comes from
  ``ground_truth`` (or ``extra_info["ethos_id"]``) of ``ethos export --format verl`` data.
  :func:`compute_score_batch` is the same for verl's batch reward manager.

A grading that fails raises an error instead of returning a reward of 0: a judge outage
is retried after the server's ``Retry-After``, up to ``ETHOS_REWARD_MAX_RETRIES`` times.
"""

import json
import os
import time
import urllib.error
import urllib.request

__all__ = ["RewardServerError", "score", "trl_reward", "compute_score", "compute_score_batch"]

# Responses per request; the server's default cap (--max-batch) is 4096.
_CHUNK = 1024


class RewardServerError(RuntimeError):
    """The reward server refused a request or could not grade it."""


def _url():
    return os.environ.get("ETHOS_REWARD_URL", "http://127.0.0.1:8777").rstrip("/")


def _post(path, body):
    data = json.dumps(body).encode("utf-8")
    headers = {"Content-Type": "application/json"}
    key = os.environ.get("ETHOS_REWARD_API_KEY")
    if key:
        headers["Authorization"] = "Bearer " + key
    retries = int(os.environ.get("ETHOS_REWARD_MAX_RETRIES", "5"))
    timeout = float(os.environ.get("ETHOS_REWARD_TIMEOUT", "600"))
    attempt = 0
    while True:
        request = urllib.request.Request(_url() + path, data=data, headers=headers, method="POST")
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                return json.loads(response.read().decode("utf-8"))
        except urllib.error.HTTPError as error:
            detail = error.read().decode("utf-8", "replace")
            try:
                detail = json.loads(detail)["error"]["message"]
            except (ValueError, KeyError, TypeError):
                pass
            if error.code == 503 and attempt < retries:
                attempt += 1
                time.sleep(float(error.headers.get("Retry-After", "5")))
                continue
            raise RewardServerError(f"ethos reward server {_url()}{path}: HTTP {error.code}: {detail}") from None
        except urllib.error.URLError as error:
            raise RewardServerError(
                f"ethos reward server {_url()} unreachable ({error.reason}); start `ethos serve-reward` "
                "or set ETHOS_REWARD_URL"
            ) from None


def score(ids, responses):
    """Scores ``responses[i]`` as an answer to item ``ids[i]``; returns the server's results
    (dicts with ``id``, ``score`` and ``verdicts``) in order."""
    ids, responses = list(ids), list(responses)
    if len(ids) != len(responses):
        raise ValueError(f"{len(ids)} item ids for {len(responses)} responses")
    results = []
    for start in range(0, len(ids), _CHUNK):
        items = [
            {"id": str(i), "response": r}
            for i, r in zip(ids[start : start + _CHUNK], responses[start : start + _CHUNK])
        ]
        results.extend(_post("/v1/score", {"items": items})["results"])
    return results


def _text(completion):
    """The response text of a TRL completion: a string, or a conversation whose last
    assistant turn is the response."""
    if isinstance(completion, str):
        return completion
    for message in reversed(completion):
        if message.get("role") == "assistant":
            return message.get("content") or ""
    raise ValueError(f"completion without an assistant turn: {completion!r}")


def trl_reward(prompts, completions, **kwargs):
    """TRL reward function: one ethos reward per completion.

    TRL passes the dataset's extra columns as keyword arguments; ``ethos_id`` names the
    item each completion answers."""
    ids = kwargs.get("ethos_id")
    if ids is None:
        raise ValueError(
            "no `ethos_id` column: train on the dataset `ethos export --format trl` writes"
        )
    return [r["score"] for r in score(ids, [_text(c) for c in completions])]


def _item_id(ground_truth, extra_info):
    if isinstance(extra_info, dict) and extra_info.get("ethos_id"):
        return extra_info["ethos_id"]
    return ground_truth


def compute_score(data_source, solution_str, ground_truth, extra_info=None, **kwargs):
    """verl ``custom_reward_function``: the ethos reward of one response."""
    return score([_item_id(ground_truth, extra_info)], [solution_str])[0]["score"]


def compute_score_batch(data_sources, solution_strs, ground_truths, extra_infos=None, **kwargs):
    """verl batch reward manager variant: the ethos rewards of many responses at once."""
    extra_infos = extra_infos if extra_infos is not None else [None] * len(solution_strs)
    ids = [_item_id(g, e) for g, e in zip(ground_truths, extra_infos)]
    return [r["score"] for r in score(ids, solution_strs)]


# TRL names reward functions after __name__ in its logs (rewards/ethos_reward/mean).
trl_reward.__name__ = "ethos_reward"
