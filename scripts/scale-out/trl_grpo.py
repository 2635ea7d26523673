#!/usr/bin/env python3
"""GRPO with TRL on an ethos export, rewarded by a running `ethos serve-reward`.

    ethos export --config experiments/paper-train.toml --arm trait --format trl --out export/trait
    ethos serve-reward --config experiments/paper-train.toml --arm trait &
    ETHOS_REWARD_URL=http://127.0.0.1:8777 accelerate launch --num_processes 8 \\
        scripts/scale-out/trl_grpo.py --export export/trait --model Qwen/Qwen2.5-7B-Instruct \\
        --output-dir runs/trl-trait [--use-vllm]

The recipe comes from the export's `export.json` (itself from the ethos config): steps,
prompts per step, group size, completion cap, temperature, clipping, KL coefficient,
learning rate with its warm-up and cosine floor, AdamW settings, LoRA rank, alpha and
targets. The dataset is read in the exported order
(`shuffle_dataset=False`), so TRL's step k trains on the prompts of ethos's step k; the
per-device batch is set so that one optimizer step sees exactly `prompts_per_step` prompts
times the group across all processes. Needs `pip install trl peft ./python`.
"""
import argparse
import json
import pathlib


def recipe_config(export_dir, output_dir, num_processes=1, **overrides):
    """GRPOConfig keyword arguments that mirror the ethos recipe of an export."""
    manifest = json.loads((pathlib.Path(export_dir) / "export.json").read_text())
    recipe = manifest["recipe"]
    rollout, grpo, optimizer = recipe["rollout"], recipe["grpo"], recipe["optimizer"]
    if grpo["length_penalty"]:
        raise SystemExit("the config has a length penalty, which ethos applies from token counts in "
                         "ethos train; this script does not reproduce it (set [grpo] length_penalty = 0)")
    completions = manifest["prompts_per_step"] * rollout["group"]
    if completions % num_processes:
        raise SystemExit(f"{completions} completions per step do not split over {num_processes} processes")
    config = dict(
        output_dir=str(output_dir),
        max_steps=manifest["steps"],
        per_device_train_batch_size=completions // num_processes,
        gradient_accumulation_steps=1,
        num_generations=rollout["group"],
        max_completion_length=rollout["max_new_tokens"],
        temperature=rollout["temperature"],
        top_p=rollout["top_p"],
        mask_truncated_completions=rollout["mask_truncated"],
        beta=grpo["kl_beta"],
        epsilon=grpo["clip_low"],
        epsilon_high=grpo["clip_high"],
        scale_rewards="group" if grpo["scale_rewards"] else "none",
        num_iterations=grpo["updates_per_batch"],
        learning_rate=optimizer["lr"],
        warmup_steps=optimizer["warmup_steps"],
        # ethos: linear warm-up, then cosine down to min_lr_ratio x lr; AdamW as configured.
        lr_scheduler_type="cosine_with_min_lr",
        lr_scheduler_kwargs={"min_lr_rate": optimizer["min_lr_ratio"]},
        weight_decay=optimizer["weight_decay"],
        adam_beta1=optimizer["beta1"],
        adam_beta2=optimizer["beta2"],
        adam_epsilon=optimizer["eps"],
        max_grad_norm=optimizer["max_grad_norm"],
        shuffle_dataset=False,
        seed=manifest["seed"],
        logging_steps=1,
        report_to="none",
    )
    config.update(overrides)
    return manifest, config


def lora_config(manifest):
    """The ethos LoRA settings as a peft LoraConfig (targets q, v, ... as q_proj, v_proj)."""
    from peft import LoraConfig

    lora = manifest["recipe"]["lora"]
    return LoraConfig(r=lora["rank"], lora_alpha=lora["alpha"], lora_dropout=lora["dropout"],
                      target_modules=[f"{t}_proj" for t in lora["targets"]], task_type="CAUSAL_LM")


def make_trainer(export_dir, model, output_dir, tokenizer=None, reward=None, peft=True, num_processes=1, **overrides):
    """A GRPOTrainer on the export's training file with the ethos reward shim."""
    from datasets import load_dataset
    from trl import GRPOConfig, GRPOTrainer

    import ethos_reward

    manifest, config = recipe_config(export_dir, output_dir, num_processes, **overrides)
    dataset = load_dataset("json", data_files=str(pathlib.Path(export_dir) / "train.jsonl"), split="train")
    return GRPOTrainer(model=model, reward_funcs=reward or ethos_reward.trl_reward, args=GRPOConfig(**config),
                       train_dataset=dataset, processing_class=tokenizer,
                       peft_config=lora_config(manifest) if peft else None)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--export", required=True, help="folder written by `ethos export --format trl`")
    parser.add_argument("--model", required=True, help="model name or path for transformers")
    parser.add_argument("--output-dir", required=True)
    parser.add_argument("--use-vllm", action="store_true", help="generate with vLLM (TRL's colocate mode)")
    parser.add_argument("--bf16", action="store_true")
    args = parser.parse_args()
    import os

    processes = int(os.environ.get("WORLD_SIZE", "1"))
    extra = {"bf16": args.bf16}
    if args.use_vllm:
        extra.update(use_vllm=True, vllm_mode="colocate")
    trainer = make_trainer(args.export, args.model, args.output_dir, num_processes=processes, **extra)
    trainer.train()
    trainer.save_model(args.output_dir)


if __name__ == "__main__":
    main()
