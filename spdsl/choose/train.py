"""The training A/B: each sparsity level of a pattern trained from scratch against dense.

While a model is being designed, the question is not how much a trained model loses when
its attention is cut afterwards (``sweep.py``), but whether a model trained sparse learns
as well. For dense and for every level, :func:`train_sweep` builds the model from its
config (the same seeded random weights each time, so levels differ by attention alone),
trains it for ``steps`` AdamW steps on token windows of real text, and records the
validation loss every ``eval_every`` steps against steps and against training time.

- The text: one token stream (the model folder's tokenizer, else bytes 0..255 as ids),
  split once: the last tenth (at least one window) is validation, the rest training.
  Training batches are windows at seeded random offsets of the training part: the same
  batches in the same order for every level. Validation is up to ``eval_windows``
  consecutive windows of the validation part, the same for every level.
- Dense is the model's own attention (sdpa); a level is the pattern on the attention
  layers ``layers`` (default all) through ``spdsl.integrations.transformers``, forward
  and backward in spdsl's kernels (``spdsl_calls`` counts the calls that ran them).
- The optimizer: AdamW (betas 0.9, 0.95, weight decay 0.01), the learning rate warmed up
  over the first 5% of steps, then a cosine down to a tenth; gradient norm clipped at 1.
  Attention dropout is set to 0 (spdsl's kernels have none; dense gets the same).
- Time: each step's forward, backward and optimizer step; the evaluations and the first
  forward and backward, which build the kernels (``build_s``), are not counted.

Causal LMs only: an encoder would need a masked-LM objective, which is not implemented.
"""

from __future__ import annotations

import contextvars
import math
import statistics
import time
from dataclasses import asdict, dataclass, field, fields

from spdsl.choose import models as M
from spdsl.choose import sweep as S

COUNTED = "spdsl-train"            # attn_implementation of the levels: spdsl, counting its calls
DENSE = "sdpa"
BYTE_VOCAB = 256
VALIDATION_SHARE = 0.1
WARMUP_SHARE = 0.05
FINAL_LR_SHARE = 0.1
MAX_STEPS = 10_000_000
ATTENTION_DROPOUT = ("attention_dropout", "attn_pdrop", "attention_probs_dropout_prob")


@dataclass
class TrainLevel:
    name: str                      # "dense (sdpa)" or "window=64"
    params: dict                   # the level's parameter values ({} for dense)
    density: float                 # share of (query, key) pairs kept at the training length
    blocks: float                  # share of (query block, key block) pairs the kernels visit
    steps: list[int]               # the steps validation loss was measured after (0: the initial model)
    time_s: list[float]            # training seconds up to each of those steps
    val_loss: list[float]          # mean next-token loss on the validation windows, nats per token
    train_loss: list[float]        # the loss of each training batch (steps 1, 2, ...)
    step_s: float                  # median seconds of a training step
    build_s: float                 # the untimed first forward and backward (kernel builds)
    spdsl_calls: int               # attention calls that ran spdsl's kernels (0 for dense)
    speedup: float = math.nan      # dense step_s / this level's
    delta: float = math.nan        # final validation loss - dense's
    diverged_at: int | None = None  # the step whose loss was not finite (training stopped there)

    @property
    def is_dense(self) -> bool:
        return not self.params

    @property
    def final_loss(self) -> float:
        return self.val_loss[-1] if self.val_loss else math.nan


@dataclass
class TrainReport:
    """One row a level (dense first), each with its curves; ``to_records()`` (one dict a
    level), ``to_frame()`` (one row a level and measurement, for plotting), ``pick``."""

    pattern: str
    fixed: dict
    model: str
    config: dict                   # model_type, layers, hidden, heads, vocab, parameters
    tokens_from: str               # "bytes" or the tokenizer's class
    seq: int
    batch: int
    steps: int
    lr: float
    eval_every: int
    seed: int
    device: str
    train_tokens: int
    val_tokens: int
    val_windows: int
    levels: list[TrainLevel]
    wall_s: float = 0.0
    warnings: list[str] = field(default_factory=list)

    def to_records(self) -> list[dict]:
        return [dict(asdict(lv), final_loss=lv.final_loss) for lv in self.levels]

    def to_frame(self):
        import pandas as pd
        rows = [{"level": lv.name, "density": lv.density, "step": s, "time_s": t, "val_loss": v}
                for lv in self.levels for s, t, v in zip(lv.steps, lv.time_s, lv.val_loss)]
        return pd.DataFrame.from_records(rows)

    def pick(self, max_loss: float) -> TrainLevel | None:
        """The sparsest level whose final validation loss is at most ``max_loss`` above dense's."""
        ok = [lv for lv in self.levels if not lv.is_dense and lv.delta <= max_loss]
        return min(ok, key=lambda lv: (lv.density, -lv.speedup)) if ok else None

    def to_dict(self, max_loss: float | None = None) -> dict:
        out = {k: v for k, v in asdict(self).items() if k != "levels"}
        out["levels"] = self.to_records()
        if max_loss is not None:
            best = self.pick(max_loss)
            out["max_loss"] = max_loss
            out["pick"] = None if best is None else best.params
        return out

    @classmethod
    def from_dict(cls, data: dict) -> "TrainReport":
        """The report back from :meth:`to_dict`'s JSON (a saved run, to print or plot)."""
        names = {f.name for f in fields(TrainLevel)}
        levels = [TrainLevel(**{k: v for k, v in lv.items() if k in names}) for lv in data["levels"]]
        own = {f.name for f in fields(cls)} - {"levels"}
        return cls(levels=levels, **{k: v for k, v in data.items() if k in own})

    def __str__(self) -> str:
        return format_table(self)


# ---- the public entry -------------------------------------------------------------------

def train_sweep(model, pattern, texts, *, levels, tokenizer=None, steps: int = 200, seq: int | None = None,
                batch: int = 4, lr: float = 1e-3, eval_every: int | None = None, eval_windows: int = 16,
                seed: int = 0, layers=None, device=None, progress: bool | None = None,
                **params) -> TrainReport:
    """Train ``model``'s architecture from scratch, dense and at each sparsity level of
    ``pattern``, and compare their validation loss curves.

    ``model``: a config (a folder, a ``.json``, a transformers config object) or a model
    whose config is used (weights are never loaded: every run starts from the same seeded
    random weights). ``texts``: a string or strings (joined by blank lines), tokenized by
    ``tokenizer`` (default the folder's, else bytes: the vocabulary must hold 256).
    ``levels``, ``params``, ``layers``: as :func:`spdsl.choose.sweep.sweep`. ``steps`` of
    ``batch`` windows of ``seq`` tokens (default the model's longest, at most 256) at
    learning rate ``lr``; validation loss on ``eval_windows`` windows every
    ``eval_every`` steps (default about 20 times a run) and after the last step.
    ``device``: default CUDA where there is one.

    >>> rep = train_sweep("cfg/", "examples/sliding_window.spdsl", text, levels={"window": [16, 64]})
    >>> print(rep); rep.to_frame()
    """
    _check_numbers(steps=steps, batch=batch, eval_windows=eval_windows, lr=lr, seed=seed)
    config, tokenizer, name = M.read_config(model, tokenizer=tokenizer)
    if not M.is_causal_config(config):
        raise M.ModelError(f"training A/B trains causal LMs only; {name} is a {config.model_type} encoder "
                           "(a masked-LM objective is not implemented): use the sweep without training")
    base = M.load_bound_pattern(pattern, params)
    grid = S.level_grid(levels)
    bound = [base.bind(**lv) for lv in grid]          # a bad value fails now, before any training
    longest = getattr(config, "max_position_embeddings", None)
    seq = seq or min(longest or 256, 256)
    if seq < 2 or (longest is not None and seq > longest):
        raise M.ModelError(f"seq must be between 2 and the config's {longest} positions, got {seq}")
    for b in bound:
        b.require_bound()
        if S.sees_future(b, seq):
            raise M.ModelError(f"{b.name}({S.level_label(b.values)}) lets queries see later keys: a causal LM "
                               "trained with it learns to read the next token; write `causal and ...`")
    n_layers = getattr(config, "num_hidden_layers", None)
    if layers is not None and n_layers is not None and not set(layers) <= set(range(n_layers)):
        raise M.ModelError(f"the config has attention layers 0..{n_layers - 1}; layers={list(layers)} names others")
    eval_every = eval_every or max(1, steps // 20)
    warnings = _no_attention_dropout(config)
    device = _device(device)
    data = _Data.of(texts, tokenizer, config.vocab_size, seq=seq, batch=batch, steps=steps,
                    eval_windows=eval_windows, seed=seed, device=device)
    heads = config.num_attention_heads
    runs = [("dense (sdpa)", {}, None)] + [(S.level_label(lv), lv, pat) for lv, pat in zip(grid, bound)]
    bar = S.progress_bar(progress, len(runs) * steps, desc="train", unit="step")
    t0 = time.perf_counter()
    out, parameters = [], 0
    try:
        for label, lv, pat in runs:
            shown = pat if pat is not None else _dense_pattern()
            dens = S.density(shown, [range(seq)], heads)
            run = _Run(label, config, pat, layers, data, lr=lr, eval_every=eval_every, seed=seed, bar=bar)
            out.append(run.train(lv, dens))
            parameters = run.parameters
    finally:
        if bar is not None:
            bar.close()
    _compare(out)
    report = TrainReport(pattern=base.name, fixed=dict(base.values), model=name, config=_summary(config, parameters),
                         tokens_from="bytes" if tokenizer is None else type(tokenizer).__name__, seq=seq,
                         batch=batch, steps=steps, lr=lr, eval_every=eval_every, seed=seed, device=device.type,
                         train_tokens=data.train.numel(), val_tokens=data.val_windows * seq,
                         val_windows=data.val_windows,
                         levels=out, wall_s=time.perf_counter() - t0, warnings=warnings)
    report.warnings += [f"{lv.name} diverged at step {lv.diverged_at} (a loss that is not finite): lower the "
                        "learning rate" for lv in out if lv.diverged_at is not None]
    return report


def _check_numbers(*, steps, batch, eval_windows, lr, seed) -> None:
    for what, v, lo, hi in (("steps", steps, 1, MAX_STEPS), ("batch", batch, 1, 1 << 16),
                            ("eval_windows", eval_windows, 1, 1 << 16), ("seed", seed, 0, (1 << 63) - 1)):
        if not isinstance(v, int) or isinstance(v, bool) or not lo <= v <= hi:
            raise M.ModelError(f"{what} must be an integer from {lo} to {hi:,}, got {v!r}")
    if not (isinstance(lr, (int, float)) and math.isfinite(lr) and lr > 0):
        raise M.ModelError(f"lr must be a positive number, got {lr!r}")


def _device(device):
    import torch

    if device is None:
        return torch.device("cuda" if torch.cuda.is_available() else "cpu")
    try:
        device = torch.device(device)
    except (RuntimeError, TypeError):
        raise M.ModelError(f"device must be 'cpu' or 'cuda', got {device!r}") from None
    if device.type not in ("cpu", "cuda") or (device.type == "cuda" and not torch.cuda.is_available()):
        raise M.ModelError(f"cannot train on {device}: " + ("this machine has no CUDA device" if device.type == "cuda"
                                                           else "spdsl's kernels run on 'cpu' and 'cuda'"))
    return device


def _dense_pattern():
    from spdsl.integrations.transformers import layer_pattern
    return layer_pattern(True)


def _no_attention_dropout(config) -> list[str]:
    changed = []
    for key in ATTENTION_DROPOUT:
        if getattr(config, key, 0) not in (0, 0.0, None):
            changed.append(f"{key}={getattr(config, key)}")
            setattr(config, key, 0.0)
    return [f"attention dropout set to 0 for every level ({', '.join(changed)}): spdsl's kernels have none"] \
        if changed else []


def _summary(config, parameters: int) -> dict:
    return {"model_type": config.model_type, "layers": getattr(config, "num_hidden_layers", None),
            "hidden": getattr(config, "hidden_size", None), "heads": config.num_attention_heads,
            "vocab": config.vocab_size, "parameters": parameters}


# ---- the text ---------------------------------------------------------------------------

@dataclass
class _Data:
    train: object                  # int64 token ids of the training part [n]
    starts: object                 # [steps, batch] window offsets into it
    val: list                      # validation batches [<= batch, seq]
    val_windows: int
    seq: int

    @classmethod
    def of(cls, texts, tokenizer, vocab: int, *, seq, batch, steps, eval_windows, seed, device) -> "_Data":
        import torch

        ids = _token_stream(texts, tokenizer, vocab)
        n_val = max(int(len(ids) * VALIDATION_SHARE), seq)
        if len(ids) - n_val < seq:
            raise M.ModelError(f"the text is {len(ids):,} tokens: a training window and a validation window of "
                               f"{seq} tokens need at least {2 * seq:,}; give more text or a smaller seq")
        train, val = ids[:-n_val], ids[-n_val:]
        windows = val[:min(eval_windows, n_val // seq) * seq].view(-1, seq).to(device)
        g = torch.Generator().manual_seed(seed)
        starts = torch.randint(0, len(train) - seq + 1, (steps, batch), generator=g)
        return cls(train.to(device), starts.to(device), list(windows.split(batch)), windows.shape[0], seq)

    def batch(self, step: int):
        import torch
        offsets = self.starts[step].unsqueeze(1) + torch.arange(self.seq, device=self.starts.device)
        return self.train[offsets]


def _token_stream(texts, tokenizer, vocab: int):
    """The text's token ids, int64 [n]."""
    import torch

    text = texts if isinstance(texts, str) else "\n\n".join(texts)
    if tokenizer is None:
        if vocab < BYTE_VOCAB:
            raise M.ModelError(f"without a tokenizer the text is read as bytes (ids 0..255), but the config's "
                               f"vocab_size is {vocab}: make it at least 256, or put a tokenizer in the model folder")
        raw = bytearray(text.encode("utf-8"))
        return torch.frombuffer(raw, dtype=torch.uint8).long() if raw else torch.zeros(0, dtype=torch.int64)
    ids = tokenizer(text, add_special_tokens=False, verbose=False)["input_ids"]
    if ids and max(ids) >= vocab:
        raise M.ModelError(f"the tokenizer gives id {max(ids)}, beyond the config's vocab_size {vocab}")
    return torch.tensor(ids, dtype=torch.int64)


# ---- one training run -------------------------------------------------------------------

_CALLS: contextvars.ContextVar[list | None] = contextvars.ContextVar("spdsl_train_calls", default=None)


def _counted(module, query, *args, **kwargs):
    from spdsl.integrations.transformers import attention_forward

    box = _CALLS.get()
    if box is not None:
        box[0] += 1
    return attention_forward(module, query, *args, **kwargs)


def _register() -> None:
    from transformers import AttentionInterface, AttentionMaskInterface
    from spdsl.integrations.transformers import spdsl_mask

    AttentionInterface.register(COUNTED, _counted)
    AttentionMaskInterface.register(COUNTED, spdsl_mask)


class _Run:
    """One model from scratch: dense (``pattern`` None) or the pattern on ``layers``."""

    def __init__(self, label, config, pattern, layers, data: _Data, *, lr, eval_every, seed, bar):
        self.label, self.config, self.pattern, self.layers, self.data = label, config, pattern, layers, data
        self.lr, self.eval_every, self.seed, self.bar = lr, eval_every, seed, bar
        self.parameters = 0

    def build(self):
        import torch
        import transformers
        import spdsl.integrations.transformers as st

        torch.manual_seed(self.seed)
        model = transformers.AutoModelForCausalLM.from_config(self.config, attn_implementation=DENSE)
        self.parameters = sum(p.numel() for p in model.parameters())
        if self.pattern is not None:
            _register()
            model.set_attn_implementation(COUNTED)
            st.use(model, self.pattern, layers=self.layers)
        return model.to(self.data.train.device)

    def train(self, params: dict, density: tuple[float, float]) -> TrainLevel:
        import torch

        model = self.build()
        box = [0]
        token = _CALLS.set(box)
        try:
            build_s = self._warm_up(model)
            opt = torch.optim.AdamW(model.parameters(), lr=self.lr, betas=(0.9, 0.95), weight_decay=0.01)
            sched = torch.optim.lr_scheduler.LambdaLR(opt, _schedule(len(self.data.starts)))
            torch.manual_seed(self.seed + 1)          # dropout outside attention: the same masks for every level
            lv = TrainLevel(self.label, dict(params), density[0], density[1], steps=[0], time_s=[0.0],
                            val_loss=[self._evaluate(model)], train_loss=[], step_s=math.nan, build_s=build_s,
                            spdsl_calls=0)
            self._steps(model, opt, sched, lv)
        finally:
            _CALLS.reset(token)
        lv.spdsl_calls = box[0]
        return lv

    def _warm_up(self, model) -> float:
        """One forward and backward, no optimizer step: the kernels are built outside the
        timed steps, and the weights stay as initialised."""
        t0 = time.perf_counter()
        model.train()
        _loss(model, self.data.val[0][:1]).backward()
        model.zero_grad(set_to_none=True)
        return time.perf_counter() - t0

    def _steps(self, model, opt, sched, lv: TrainLevel) -> None:
        import torch

        clock, times = 0.0, []
        total = len(self.data.starts)
        for step in range(1, total + 1):
            if self.bar is not None:
                self.bar.set_postfix_str(self.label, refresh=False)
            x = self.data.batch(step - 1)
            t0 = time.perf_counter()
            loss = _loss(model, x)
            opt.zero_grad(set_to_none=True)
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            opt.step()
            sched.step()
            value = loss.detach().item()              # waits for the device
            times.append(time.perf_counter() - t0)
            clock += times[-1]
            lv.train_loss.append(value)
            if self.bar is not None:
                self.bar.update(1)
            if not math.isfinite(value):
                lv.diverged_at = step
                if self.bar is not None:
                    self.bar.update(total - step)
                break
            if step % self.eval_every == 0 or step == total:
                lv.steps.append(step)
                lv.time_s.append(clock)
                lv.val_loss.append(self._evaluate(model))
        lv.step_s = statistics.median(times)

    def _evaluate(self, model) -> float:
        import torch

        model.eval()
        nll, n = 0.0, 0
        with torch.no_grad():
            for x in self.data.val:
                nll += float(_loss(model, x, reduction="sum"))
                n += x.shape[0] * (x.shape[1] - 1)
        model.train()
        return nll / n


def _loss(model, x, reduction: str = "mean"):
    import torch

    logits = model(input_ids=x, use_cache=False).logits
    return torch.nn.functional.cross_entropy(logits[:, :-1].flatten(0, 1).float(), x[:, 1:].flatten(),
                                             reduction=reduction)


def _schedule(steps: int):
    warmup = max(1, int(steps * WARMUP_SHARE))

    def factor(i: int) -> float:
        if i < warmup:
            return (i + 1) / warmup
        done = (i - warmup) / max(1, steps - warmup)
        return FINAL_LR_SHARE + (1 - FINAL_LR_SHARE) * 0.5 * (1 + math.cos(math.pi * min(done, 1.0)))
    return factor


def _compare(levels: list[TrainLevel]) -> None:
    dense = levels[0]
    for lv in levels:
        lv.delta = lv.final_loss - dense.final_loss
        lv.speedup = dense.step_s / lv.step_s if lv.step_s > 0 else math.nan


# ---- the table --------------------------------------------------------------------------

def format_table(rep: TrainReport, max_loss: float | None = None) -> str:
    c = rep.config
    params = f", {c['parameters'] / 1e6:.2f}M parameters" if c.get("parameters") else ""
    lines = [f"training A/B of {rep.pattern}({S.level_label(rep.fixed)}) on {rep.model}: {c['model_type']}, "
             f"{c['layers']} layers, hidden {c['hidden']}, {c['heads']} heads, vocabulary {c['vocab']}{params}",
             f"each level from the same random weights (seed {rep.seed}): {rep.steps} AdamW steps of "
             f"{rep.batch} x {rep.seq} tokens, lr {rep.lr:g}, on {rep.train_tokens:,} training tokens "
             f"({rep.tokens_from}), {rep.device}",
             f"validation: {rep.val_windows} windows ({rep.val_tokens:,} tokens) held out from the end of the text, "
             f"every {rep.eval_every} steps; the whole run took {rep.wall_s:.0f} s",
             ""]
    width = max(len(lv.name) for lv in rep.levels)
    lines.append(f"{'level':<{width}}  {'density':>7}  {'blocks':>6}  {'val loss':>8}  {'vs dense':>8}  "
                 f"{'step s':>7}  {'speedup':>7}  {'build s':>7}")
    for lv in rep.levels:
        lines.append(f"{lv.name:<{width}}  {lv.density:7.2%}  {lv.blocks:6.1%}  {lv.final_loss:8.4f}  "
                     f"{lv.delta:+8.4f}  {lv.step_s:7.4f}  {lv.speedup:7.2f}  {lv.build_s:7.1f}")
    if max_loss is not None:
        best = rep.pick(max_loss)
        lines.append("")
        lines.append(f"no level ends within {max_loss:g} of dense's validation loss" if best is None else
                     f"pick: {best.name} (density {best.density:.2%}, validation loss {best.delta:+.4f} against "
                     f"dense, within {max_loss:g}; steps {best.speedup:.2f}x dense's speed)")
    if rep.warnings:
        lines += [""] + [f"warning: {w}" for w in rep.warnings]
    return "\n".join(lines)
