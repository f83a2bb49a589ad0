"""The training A/B (``spdsl sweep --train``, issue 13): a tiny random Llama config trained
from scratch on real offline text (standard-library sources), dense and at a sparsity level.
The check that the level really trains through spdsl's kernels, forward and backward: a
window as long as the sequence (the causal mask itself) follows dense's curves to float
rounding, the attention calls that ran spdsl are counted, and the same kernel (one build
serves every length) at a longer sequence, where the window drops keys, learns otherwise."""

import importlib
import inspect
import json
import math
import pathlib

import pytest

import spdsl

import transformers  # in the test extra: missing means failing, never skipping

from spdsl.choose.train import train_sweep
from spdsl.cli.main import main

ROOT = pathlib.Path(__file__).resolve().parents[1]
WINDOW = ROOT / "examples" / "sliding_window.spdsl"
SEQ = 48                       # not a multiple of the kernels' blocks; the level's window
LONGER = 128                   # a length at which the window of SEQ drops keys
STEPS, EVERY, WINDOWS, BATCH, LAYERS = 6, 2, 4, 4, 2
CLOSE = 1e-4                   # float32 rounding over a few steps is far below this


def _config(**kw):
    from transformers import LlamaConfig
    cfg = LlamaConfig(vocab_size=256, hidden_size=32, intermediate_size=64, num_hidden_layers=LAYERS,
                      num_attention_heads=2, num_key_value_heads=2, head_dim=16, max_position_embeddings=128, **kw)
    cfg.architectures = ["LlamaForCausalLM"]
    return cfg


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    """A config file, real text available offline (the sources of two standard-library
    modules), an encoder's config and a text too short for one window."""
    d = tmp_path_factory.mktemp("train")
    _config().to_json_file(str(d / "config.json"))
    text = "\n\n".join(inspect.getsource(importlib.import_module(m)) for m in ("textwrap", "shlex"))
    (d / "stdlib.txt").write_text(text, encoding="utf-8")
    (d / "short.txt").write_text("def f(x):\n    return x + 1\n" * 3, encoding="utf-8")
    from transformers import BertConfig
    BertConfig(vocab_size=256, hidden_size=32, num_hidden_layers=1, num_attention_heads=2,
               intermediate_size=48).to_json_file(str(d / "bert.json"))
    small = _config()
    small.vocab_size = 97
    small.to_json_file(str(d / "small_vocab.json"))
    return d


def _status(argv) -> int:
    """main's exit status, also where argparse exits (a bad option)."""
    try:
        return main(argv)
    except SystemExit as e:
        return e.code


def _argv(files, *extra, text="stdlib.txt"):
    return ["sweep", str(files / "config.json"), str(WINDOW), "--text", str(files / text), "--train",
            "--seq-len", str(SEQ), "--batch", str(BATCH), "--eval-every", str(EVERY), "--eval-windows",
            str(WINDOWS), "--no-progress", *extra]


@pytest.fixture(scope="module")
def cli(files):
    """One run from the command line: dense and a window of SEQ (the causal mask itself: one
    value is one level), with --json, --png and --max-loss."""
    import contextlib
    import io

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        status = main(_argv(files, "--param", f"window={SEQ}", "--steps", str(STEPS), "--lr", "3e-3",
                            "--json", "--png", str(files / "train.png"), "--max-loss", "1e-6"))
    assert status == 0
    return json.loads(out.getvalue())


def test_the_command_line_trains_every_level_and_draws(cli, files):
    assert [lv["name"] for lv in cli["levels"]] == ["dense (sdpa)", f"window={SEQ}"]
    assert cli["steps"] == STEPS and cli["seq"] == SEQ and cli["batch"] == BATCH and cli["tokens_from"] == "bytes"
    assert cli["val_windows"] == WINDOWS and cli["val_tokens"] == WINDOWS * SEQ
    assert cli["config"]["layers"] == LAYERS and cli["config"]["parameters"] > 0
    evals = list(range(0, STEPS + 1, EVERY))
    for lv in cli["levels"]:
        assert lv["steps"] == evals
        assert len(lv["time_s"]) == len(lv["val_loss"]) == len(evals) and len(lv["train_loss"]) == STEPS
        assert all(math.isfinite(x) for x in lv["val_loss"] + lv["train_loss"])
        assert lv["time_s"][0] == 0.0 and lv["time_s"] == sorted(lv["time_s"]) and lv["step_s"] > 0
        assert lv["val_loss"][-1] < lv["val_loss"][0] and lv["final_loss"] == lv["val_loss"][-1]
        assert lv["diverged_at"] is None
    dense, full = cli["levels"]
    assert dense["params"] == {} and dense["delta"] == 0.0 and dense["speedup"] == 1.0
    assert full["params"] == {"window": SEQ} and full["density"] == dense["density"] == (SEQ + 1) / (2 * SEQ)
    assert abs(full["delta"]) <= 1e-6 and cli["max_loss"] == 1e-6 and cli["pick"] == {"window": SEQ}
    assert (files / "train.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_a_level_equal_to_the_causal_mask_trains_like_dense_through_spdsl(cli):
    """The window of SEQ keys is the causal mask: its curves are dense's to float rounding
    (forward and gradients through spdsl's kernels, for 6 AdamW steps), and every
    attention call of the level ran spdsl (layers x (warm-up + steps + evaluations)), none
    of dense's."""
    dense, full = cli["levels"]
    assert full["val_loss"] == pytest.approx(dense["val_loss"], abs=CLOSE, rel=0)
    assert full["train_loss"] == pytest.approx(dense["train_loss"], abs=CLOSE, rel=0)
    calls = LAYERS * (1 + STEPS + len(dense["steps"]) * math.ceil(WINDOWS / BATCH))
    assert dense["spdsl_calls"] == 0 and full["spdsl_calls"] == calls


def test_the_same_seed_gives_the_same_curves_and_the_pattern_is_the_one_trained(files):
    """From Python, at a length where the window of SEQ drops keys (the kernel built for
    the command line serves it): two runs with one seed give identical curves, dense and
    sparse; another seed gives other weights and batches; the window learns otherwise
    than dense, so the pattern, not the model's causal mask, is what the kernels ran."""
    text = (files / "stdlib.txt").read_text()
    run = lambda seed: train_sweep(_config(), WINDOW, text, levels={"window": [SEQ]}, steps=3, seq=LONGER,  # noqa: E731
                                   batch=2, eval_every=1, eval_windows=2, seed=seed, progress=False)
    a, b, c = run(0), run(0), run(1)
    for x, y in zip(a.levels, b.levels):
        assert x.val_loss == y.val_loss and x.train_loss == y.train_loss
    assert c.levels[0].val_loss != a.levels[0].val_loss
    dense, window = a.levels
    assert window.density < dense.density and window.spdsl_calls > 0
    assert min(abs(x - y) for x, y in zip(window.val_loss, dense.val_loss)) > CLOSE
    records = a.to_records()
    assert [r["name"] for r in records] == ["dense (sdpa)", f"window={SEQ}"] and records[1]["steps"] == [0, 1, 2, 3]


@pytest.mark.parametrize("args, text, message", [
    (["--steps", "0"], "stdlib.txt", "argument --steps: must be at least 1"),
    (["--steps", "two"], "stdlib.txt", "argument --steps: 'two' is not an integer"),
    (["--repeat", "2"], "stdlib.txt", "--repeat times the inference sweep"),
    ([], "short.txt", "need at least 96"),
])
def test_training_mistakes_are_one_line(files, args, text, message, capsys):
    assert _status(_argv(files, "--param", "window=2,4", *args, text=text)) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err


@pytest.mark.parametrize("model, pattern, message", [
    ("bert.json", WINDOW, "training A/B trains causal LMs only"),
    ("small_vocab.json", WINDOW, "the config's vocab_size is 97"),
    ("config.json", ROOT / "examples" / "longformer.spdsl", "lets queries see later keys"),
])
def test_models_and_patterns_that_cannot_train_are_refused(files, model, pattern, message, capsys):
    argv = ["sweep", str(files / model), str(pattern), "--param", "window=2,4", "--text", str(files / "stdlib.txt"),
            "--train", "--seq-len", str(SEQ)]
    assert main(argv) == 2
    assert message in capsys.readouterr().err


def test_training_options_need_train(files, capsys):
    argv = ["sweep", str(files / "config.json"), str(WINDOW), "--param", "window=2,4", "--text",
            str(files / "stdlib.txt"), "--steps", "3"]
    assert main(argv) == 2
    assert "--steps is an option of --train" in capsys.readouterr().err


def test_a_model_folder_trains_with_its_tokenizer_and_never_loads_its_weights(files, tmp_path):
    """A folder with a tokenizer (all-MiniLM-L6-v2's WordPiece), a causal config sized to
    its vocabulary, and a weights file that is not one: the text is read by the
    tokenizer, and the model is built from the config alone."""
    import contextlib
    import io
    import shutil

    with contextlib.redirect_stdout(io.StringIO()):     # the package prints on import
        import all_minilm_l6_v2
        minilm = pathlib.Path(all_minilm_l6_v2.extract_model(str(tmp_path / "minilm")))
    folder = tmp_path / "model"
    folder.mkdir()
    for name in ("tokenizer.json", "tokenizer_config.json", "special_tokens_map.json"):
        shutil.copy(minilm / name, folder / name)
    cfg = _config()
    cfg.vocab_size = 30522
    cfg.save_pretrained(str(folder))
    (folder / "model.safetensors").write_bytes(b"not weights")
    text = (files / "stdlib.txt").read_text()
    # through the package's entry point: spdsl.sweep(..., train=True) is train_sweep
    rep = spdsl.sweep(str(folder), WINDOW, text, levels={"window": [SEQ]}, train=True, steps=1, seq=SEQ,
                      batch=2, eval_windows=1, progress=False)
    n = len(transformers.AutoTokenizer.from_pretrained(folder)(text, add_special_tokens=False)["input_ids"])
    assert rep.tokens_from != "bytes" and rep.config["vocab"] == 30522
    assert rep.train_tokens == n - max(int(n * 0.1), SEQ) < len(text.encode()) // 2
    assert all(math.isfinite(v) for lv in rep.levels for v in lv.val_loss + lv.train_loss)
