"""What coverage and the sweep share: the model, its tokenizer, the text cut into
segments, the pattern, and an attention hook that sees every layer's queries and keys.

``MODEL`` may be a local Hugging Face folder (weights and tokenizer, as saved by
``save_pretrained``), a folder or ``.json`` file holding only a config (random weights,
seeded: for trying a pattern on a model being designed), or an already loaded model.
Without a tokenizer, text becomes token ids byte by byte (modulo the vocabulary).
``read_config`` reads only the config, for a model trained from scratch (``train.py``).
"""

from __future__ import annotations

import contextlib
import contextvars
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterator, Sequence

from spdsl.errors import PatternError

RECORD = "spdsl-record"          # attn_implementation of the recording hook: records, then runs sdpa
WEIGHT_FILES = ("model.safetensors", "pytorch_model.bin", "model.safetensors.index.json",
                "pytorch_model.bin.index.json")
TOKENIZER_FILES = ("tokenizer.json", "tokenizer_config.json", "vocab.txt", "tokenizer.model")
CAUSAL_SUFFIXES = ("ForCausalLM", "LMHeadModel")


class ModelError(PatternError):
    """A model, tokenizer or text that cannot be used (a user error: exit 2 on the CLI)."""


@dataclass
class Loaded:
    model: Any                   # a transformers PreTrainedModel, in eval mode
    tokenizer: Any | None        # None: text is read byte by byte
    kind: str                    # "causal" (next-token logits) or "encoder" (hidden states)
    name: str                    # what to call it in reports


# ---- the model --------------------------------------------------------------------------

def load_model(model, *, tokenizer=None, kind: str | None = None, seed: int = 0) -> Loaded:
    """The model ready to run: ``model`` is a folder, a config ``.json``, a transformers
    config object, or a loaded model (``tokenizer`` then given alongside, or None)."""
    import torch
    import transformers

    name = type(model).__name__
    if isinstance(model, (str, Path)):
        path = Path(model)
        name = str(path)
        if not path.exists():
            raise ModelError(f"no model at '{path}': give a Hugging Face model folder or a config .json")
        model = _from_path(path, seed)
        if tokenizer is None and path.is_dir() and any((path / f).exists() for f in TOKENIZER_FILES):
            tokenizer = transformers.AutoTokenizer.from_pretrained(path)
    elif isinstance(model, transformers.PretrainedConfig):
        name = type(model).__name__
        model = _from_config(model, seed)
    if not isinstance(model, torch.nn.Module) or not hasattr(model, "config"):
        raise ModelError(f"expected a transformers model, a model folder or a config; got {type(model).__name__}")
    kind = kind or model_kind(model)
    if kind not in ("causal", "encoder"):
        raise ModelError(f"kind must be 'causal' or 'encoder', got {kind!r}")
    return Loaded(model.eval(), tokenizer, kind, name)


def _from_path(path: Path, seed: int):
    import transformers

    config = _config_at(path)
    if path.is_file() or not any((path / f).exists() for f in WEIGHT_FILES):
        return _from_config(config, seed)
    auto = transformers.AutoModelForCausalLM if is_causal_config(config) else transformers.AutoModel
    return auto.from_pretrained(path, attn_implementation="sdpa")


def _config_at(path: Path):
    import transformers

    try:
        return transformers.AutoConfig.from_pretrained(str(path) if path.is_file() else path)
    except (OSError, ValueError, json.JSONDecodeError) as e:
        raise ModelError(f"cannot read a transformers config from '{path}': {e}") from None


def read_config(model, *, tokenizer=None) -> tuple[Any, Any | None, str]:
    """(config, tokenizer or None, name) of ``model`` (a folder, a config ``.json``, a
    transformers config, or a loaded model), without loading any weights: for a model
    built from scratch. A folder's tokenizer is loaded when it has one."""
    import copy

    import transformers

    if isinstance(model, (str, Path)):
        path = Path(model)
        if not path.exists():
            raise ModelError(f"no model at '{path}': give a Hugging Face model folder or a config .json")
        if tokenizer is None and path.is_dir() and any((path / f).exists() for f in TOKENIZER_FILES):
            tokenizer = transformers.AutoTokenizer.from_pretrained(path)
        return _config_at(path), tokenizer, str(path)
    if isinstance(model, transformers.PretrainedConfig):
        return copy.deepcopy(model), tokenizer, type(model).__name__
    config = getattr(model, "config", None)
    if not isinstance(config, transformers.PretrainedConfig):
        raise ModelError(f"expected a transformers model, a model folder or a config; got {type(model).__name__}")
    return copy.deepcopy(config), tokenizer, type(model).__name__


def _from_config(config, seed: int):
    import torch
    import transformers

    torch.manual_seed(seed)
    auto = transformers.AutoModelForCausalLM if is_causal_config(config) else transformers.AutoModel
    return auto.from_config(config, attn_implementation="sdpa")


def is_causal_config(config) -> bool:
    """A config for a next-token model: its architectures say so, else its model type has a
    causal-LM class and no masked-LM one (GPT-2, Llama; not BERT)."""
    arch = getattr(config, "architectures", None) or []
    if arch:
        return any(a.endswith(CAUSAL_SUFFIXES) for a in arch)
    from transformers.models.auto.modeling_auto import (MODEL_FOR_CAUSAL_LM_MAPPING_NAMES,
                                                        MODEL_FOR_MASKED_LM_MAPPING_NAMES)
    t = config.model_type
    return t in MODEL_FOR_CAUSAL_LM_MAPPING_NAMES and t not in MODEL_FOR_MASKED_LM_MAPPING_NAMES


def model_kind(model) -> str:
    """"causal" for a model that predicts the next token, else "encoder"."""
    return "causal" if type(model).__name__.endswith(CAUSAL_SUFFIXES) else "encoder"


def max_length(model) -> int | None:
    return getattr(model.config, "max_position_embeddings", None)


# ---- the pattern ------------------------------------------------------------------------

def load_bound_pattern(pattern, params: dict | None = None):
    """``pattern`` (a :class:`spdsl.Pattern`, a path, or ``FILE:NAME``) bound to ``params``."""
    from spdsl.frontend.library import load
    from spdsl.pattern import Pattern

    if not isinstance(pattern, Pattern):
        path, name = str(pattern), None
        if not Path(path).exists() and ":" in path:          # FILE:NAME
            path, name = path.rsplit(":", 1)
        lib = load(path)
        try:
            pattern = lib.pattern(name)
        except KeyError as e:
            raise ModelError(e.args[0]) from None
    return pattern.bind(**params) if params else pattern


# ---- the text ---------------------------------------------------------------------------

def segments(texts, tokenizer, *, vocab_size: int, seq: int, max_segments: int | None = None,
             min_tokens: int = 2) -> list:
    """Token id tensors (1-D, int64) of at most ``seq`` tokens: each text is tokenized,
    cut into consecutive pieces, and each piece framed with the tokenizer's special tokens
    ([CLS] ... [SEP], <s> ...). Pieces shorter than ``min_tokens`` are dropped."""
    import torch

    if isinstance(texts, str):
        texts = [texts]
    prefix, suffix = _frame(tokenizer)
    specials = len(prefix) + len(suffix)
    body = seq - specials
    if body < 1:
        raise ModelError(f"a segment of {seq} tokens leaves no room for text beside {specials} special tokens")
    out = []
    for text in texts:
        ids = _token_ids(text, tokenizer, vocab_size)
        for start in range(0, len(ids), body):
            piece = ids[start:start + body]
            piece = prefix + list(piece) + suffix
            if len(piece) >= min_tokens:
                out.append(torch.tensor(piece, dtype=torch.int64))
            if max_segments is not None and len(out) >= max_segments:
                return out
    if not out:
        raise ModelError(f"the text gives no segment of at least {min_tokens} tokens")
    return out


def _frame(tokenizer) -> tuple[list[int], list[int]]:
    """The special tokens the tokenizer puts before and after a text ([CLS] / [SEP],
    <s>), found by encoding one word with and without them."""
    if tokenizer is None:
        return [], []
    word = "text"
    bare = tokenizer(word, add_special_tokens=False, verbose=False)["input_ids"]
    framed = tokenizer(word, add_special_tokens=True, verbose=False)["input_ids"]
    for i in range(len(framed) - len(bare) + 1):
        if framed[i:i + len(bare)] == bare:
            return list(framed[:i]), list(framed[i + len(bare):])
    return [], []


def _token_ids(text: str, tokenizer, vocab_size: int) -> list[int]:
    if tokenizer is None:
        return [b % vocab_size for b in text.encode("utf-8")]
    return tokenizer(text, add_special_tokens=False, verbose=False)["input_ids"]


def batches(segs: Sequence, batch: int) -> Iterator[tuple[list[int], Any]]:
    """(segment indices, ids [n, L]) of equal-length segments, at most ``batch`` at a time:
    no padding, so every row is a real token."""
    import torch

    by_length: dict[int, list[int]] = {}
    for i, s in enumerate(segs):
        by_length.setdefault(len(s), []).append(i)
    for length in sorted(by_length, reverse=True):
        idx = by_length[length]
        for j in range(0, len(idx), batch):
            part = idx[j:j + batch]
            yield part, torch.stack([segs[i] for i in part])


# ---- the recording hook -----------------------------------------------------------------

_RECORDER: contextvars.ContextVar[Callable | None] = contextvars.ContextVar("spdsl_record", default=None)


def _recording_attention(module, query, key, value, attention_mask, **kwargs):
    from transformers.integrations.sdpa_attention import sdpa_attention_forward

    record = _RECORDER.get()
    if record is not None:
        record(module, query, key, attention_mask, kwargs)
    return sdpa_attention_forward(module, query, key, value, attention_mask, **kwargs)


def register_recorder() -> None:
    from transformers import AttentionInterface, AttentionMaskInterface
    from transformers.masking_utils import sdpa_mask

    AttentionInterface.register(RECORD, _recording_attention)
    AttentionMaskInterface.register(RECORD, sdpa_mask)


@contextlib.contextmanager
def implementation(model, name: str):
    """Run ``model`` with ``attn_implementation=name`` inside the block."""
    before = model.config._attn_implementation
    model.set_attn_implementation(name)
    try:
        yield model
    finally:
        model.set_attn_implementation(before)


@contextlib.contextmanager
def recording(model, record: Callable):
    """Inside the block, every attention call of ``model`` first calls
    ``record(module, q, k, attention_mask, kwargs)``, then computes as sdpa."""
    register_recorder()
    token = _RECORDER.set(record)
    try:
        with implementation(model, RECORD):
            yield
    finally:
        _RECORDER.reset(token)


def layer_index(model) -> dict[int, int]:
    """id(attention module) -> its layer number (the order ``use(layers=...)`` counts in)."""
    from spdsl.integrations.transformers import attention_modules

    return {id(m): i for i, m in enumerate(attention_modules(model))}
