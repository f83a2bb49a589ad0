"""Context parallelism (issue 15): spdsl.distributed on torch.distributed with gloo.

One spawn of four processes (gloo through a file store) runs every multi-process case, on
the whole group (world 4) and on a subgroup of ranks 0 and 1 (world 2), and writes each
rank's shards to files; the parent puts them back together and checks outputs, lse and the
gradients of q, k and v against the float64 reference (the error budget of the same
computation done eagerly in float32) and the outputs against the single-process op. The
kernels are built once, here, before the spawn (the children load them from the disk
cache). The cases are modes of one pattern (one build serves them all; the layout of each
mode is its own): causal, a sliding window, BigBird (window, globals, random blocks),
documents, a score modifier that reads positions, and rows that see no key; lengths that
no world size divides; grouped-query heads; contiguous, zig-zag, LPT and automatic
shardings. Plus a tiny Llama whose logits, each rank computing its shard, equal one
process's. The plan itself is checked against the dense mask without any process.
"""

import dataclasses
import functools
import os
import pathlib
import time

import numpy as np
import pytest
import torch

import spdsl
from spdsl.codegen.cpu.schedule import ScheduleConfig
from spdsl.integrations import distributed as cp

CASES_TEXT = """
pattern cp_cases(window = 48, size = 32) {
    input mode : int[]
    input doc : int[B, Lk]
    let band = causal and q - k < window
    let bigbird = abs(q // size - k // size) <= 1 or q // size < 1 or k // size < 1
                  or random_blocks(2, size, 7)
    let docs = causal and doc[b, q] == doc[b, k]
    let late = k < q - 3 and q - k < window
    mask = if mode == 0 then causal else if mode == 1 then band else if mode == 2 then bigbird
           else if mode == 3 then docs else if mode == 4 then causal else late
    score = if mode == 4 then 5.0 * tanh(score / 5.0) - 0.02 * (q - k) * (h + 1) else score
}
"""
MODES = {"causal": 0, "window": 1, "bigbird": 2, "documents": 3, "score": 4, "no_key_rows": 5}
B, H, HK, D, BLOCK = 2, 4, 2, 16, 32
WORLD = 4


@dataclasses.dataclass(frozen=True)
class Run:
    name: str
    world: int           # 4: every rank; 2: the subgroup of ranks 0 and 1
    L: int
    sharding: str        # a kind; "=kind" passes the kind name to attention (lengths all-gathered)
    mode: str
    doc_shards: bool = False   # pass each rank's shard of doc (all-gathered) instead of all of it


RUNS = [
    Run("causal-zigzag-4", 4, 389, "zigzag", "causal"),
    Run("window-contiguous-4", 4, 389, "contiguous", "window"),
    Run("bigbird-lpt-4", 4, 389, "lpt", "bigbird"),
    Run("documents-auto-4", 4, 389, "auto", "documents", doc_shards=True),
    Run("score-kind-name-4", 4, 389, "=zigzag", "score"),
    Run("no-key-rows-contiguous-4", 4, 389, "contiguous", "no_key_rows"),
    Run("causal-contiguous-2", 2, 251, "=contiguous", "causal"),
    Run("bigbird-zigzag-2", 2, 251, "zigzag", "bigbird"),
    Run("documents-contiguous-2", 2, 251, "contiguous", "documents"),
]
LLAMA = dict(vocab_size=97, hidden_size=64, intermediate_size=96, num_hidden_layers=1,
             num_attention_heads=4, num_key_value_heads=2, max_position_embeddings=256, head_dim=16)
LLAMA_L = 61


def case_tensors(run: Run):
    """The full q, k, v (float64), doc and the loss weights of a case, the same in every process."""
    g = torch.Generator().manual_seed(sum(map(ord, run.name)))
    q = torch.randn(B, H, run.L, D, generator=g, dtype=torch.float64)
    k, v = (torch.randn(B, HK, run.L, D, generator=g, dtype=torch.float64) for _ in range(2))
    doc = torch.sort(torch.randint(0, 6, (B, run.L), generator=g), dim=1).values
    gout = torch.randn(B, H, run.L, D, generator=g, dtype=torch.float64)
    glse = torch.randn(B, H, run.L, generator=g, dtype=torch.float64)
    return q, k, v, doc, gout, glse


def loss(out, lse, gout, glse):
    """Weighs the output and (where finite) the lse, so that both gradients are checked."""
    finite = torch.where(torch.isfinite(lse), lse, torch.zeros_like(lse))
    return (out * gout.to(out.dtype)).sum() + (finite * glse.to(finite.dtype)).sum()


@functools.cache
def cases():
    """The pattern (parsed on first use: the children import this module, and only need it
    once they run)."""
    return spdsl.parse(CASES_TEXT)["cp_cases"]


def compile_cases():
    return spdsl.compile(cases(), head_dim=D, config=ScheduleConfig(block_q=BLOCK, block_k=BLOCK))


# ---- the children -----------------------------------------------------------------------------

def child(rank: int, store: str, outdir: str) -> None:
    os.environ["TVM_NUM_THREADS"] = "1"
    torch.set_num_threads(1)
    import torch.distributed as dist

    from spdsl.runtime import op as rt

    rt.POISON_OUTPUTS = True     # an element a kernel fails to write stays NaN
    dist.init_process_group("gloo", init_method=f"file://{store}", rank=rank, world_size=WORLD)
    pair = dist.new_group([0, 1])
    attn = compile_cases()
    results = {}
    for run in RUNS:
        if rank < run.world:
            results[run.name] = child_case(attn, run, None if run.world == WORLD else pair, rank)
    results["errors"] = child_errors(attn, rank)
    if rank < 2:
        results["llama"] = child_llama(pair, rank)
    torch.save(results, pathlib.Path(outdir) / f"rank{rank}.pt")
    dist.barrier()
    dist.destroy_process_group()


def child_case(attn, run: Run, group, rank: int) -> dict:
    q, k, v, doc, gout, glse = case_tensors(run)
    kind = run.sharding.lstrip("=")
    sh = cp.shard(attn, run.L, run.world, kind, B=B, H=H, mode=MODES[run.mode], doc=doc)
    q, k, v = (sh.split(t, rank).float().requires_grad_() for t in (q, k, v))
    doc_in = sh.split(doc, rank, dim=1) if run.doc_shards else doc
    out, lse = cp.attention(attn, q, k, v, group=group, sharding=kind if run.sharding[0] == "=" else sh,
                            return_lse=True, mode=MODES[run.mode], doc=doc_in)
    loss(out, lse, sh.split(gout, rank), sh.split(glse, rank)).backward()
    return {"out": out.detach(), "lse": lse.detach(), "dq": q.grad, "dk": k.grad, "dv": v.grad,
            "sharding": sh}


def child_errors(attn, rank: int) -> dict:
    """Every rank passes lengths that fit no contiguous split: each must raise the same
    clear error (the lengths are all-gathered, so none waits for the others)."""
    rows = 10 + 2 * (rank == 3)
    q = torch.zeros(1, H, rows, D)
    k = torch.zeros(1, HK, rows, D)
    try:
        cp.attention(attn, q, k, k, sharding="contiguous", mode=0, doc=torch.zeros(1, 42, dtype=torch.long))
    except cp.ContextParallelError as e:
        return {"lengths": str(e)}
    return {"lengths": None}


def child_llama(group, rank: int) -> torch.Tensor:
    from transformers import AutoModelForCausalLM, LlamaConfig

    import spdsl.integrations.transformers as st

    st.register()
    torch.manual_seed(0)
    model = AutoModelForCausalLM.from_config(LlamaConfig(**LLAMA), attn_implementation="spdsl").eval()
    st.use(model, context_parallel=group, sharding="zigzag")
    sh = cp.shard(None, LLAMA_L, 2, "zigzag")
    ids, pos = llama_ids(), torch.arange(LLAMA_L)[None]
    with torch.no_grad():
        return model(input_ids=sh.split(ids, rank, 1), position_ids=sh.split(pos, rank, 1),
                     use_cache=False).logits


def llama_ids() -> torch.Tensor:
    return torch.randint(1, LLAMA["vocab_size"], (2, LLAMA_L), generator=torch.Generator().manual_seed(5))


# ---- the parent -------------------------------------------------------------------------------

def spawn(tmp: pathlib.Path, seconds: float = 240) -> list[dict]:
    """Start the four ranks, wait for them (a hang fails the test instead of the suite), and
    return each rank's results."""
    import torch.multiprocessing as mp

    ctx = mp.start_processes(child, args=(str(tmp / "store"), str(tmp)), nprocs=WORLD, join=False,
                             start_method="spawn")
    deadline = time.monotonic() + seconds
    while not ctx.join(timeout=1):
        if time.monotonic() > deadline:
            for p in ctx.processes:
                if p.is_alive():
                    p.terminate()
            pytest.fail(f"the {WORLD} ranks did not finish in {seconds} s")
    return [torch.load(tmp / f"rank{r}.pt", weights_only=False) for r in range(WORLD)]


@pytest.fixture(scope="module")
def ranks(tmp_path_factory, attn):
    """Build every kernel the children need (they load them from the disk cache), then run them."""
    from transformers import AutoModelForCausalLM, LlamaConfig

    import spdsl.integrations.transformers as st

    cp.prepare(attn)
    st.register()
    torch.manual_seed(0)
    model = AutoModelForCausalLM.from_config(LlamaConfig(**LLAMA), attn_implementation="spdsl").eval()
    with torch.no_grad():
        spdsl_logits = model(input_ids=llama_ids(), use_cache=False).logits
    for attn in list(st._COMPILED.values()):
        cp.prepare(attn, backward=False)
    model.set_attn_implementation("eager")
    with torch.no_grad():
        eager_logits = model(input_ids=llama_ids(), use_cache=False).logits
    results = spawn(tmp_path_factory.mktemp("cp"))
    return results, spdsl_logits, eager_logits


@pytest.fixture(scope="module")
def attn():
    return compile_cases()


@pytest.mark.parametrize("run", RUNS, ids=[r.name for r in RUNS])
def test_sharded_attention_matches_one_process(ranks, attn, run):
    """Each rank's rows put back together: output, lse and the gradients of q, k, v against
    the float64 reference, within the error of the same computation eagerly in float32;
    the output also against the single-process op."""
    from conftest import assert_within_eager_budget

    results, _, _ = ranks
    parts = [results[r][run.name] for r in range(run.world)]
    sh = parts[0]["sharding"]
    got = {name: sh.unsplit([p[name] for p in parts], dim=2) for name in ("out", "lse", "dq", "dk", "dv")}
    q, k, v, doc, gout, glse = case_tensors(run)
    inputs = dict(mode=MODES[run.mode], doc=doc)
    want, eager = {}, {}
    for dtype, store in ((torch.float64, want), (torch.float32, eager)):
        leaves = [t.detach().to(dtype).requires_grad_() for t in (q, k, v)]
        out, lse = spdsl.reference_attention(cases(), *leaves, return_lse=True, **inputs)
        loss(out, lse, gout, glse).backward()
        store.update(out=out, lse=lse, dq=leaves[0].grad, dk=leaves[1].grad, dv=leaves[2].grad)
    empty = torch.isneginf(want["lse"])
    assert torch.equal(torch.isneginf(got["lse"]), empty), "rows that see no key differ"
    if run.mode == "no_key_rows":
        assert empty.any() and (got["out"][empty] == 0).all()
    for name in ("out", "lse", "dq", "dk", "dv"):
        g, w, e = (torch.where(empty, 0, t) if name == "lse" else t for t in (got[name], want[name], eager[name]))
        assert_within_eager_budget(g, w, e, floor=1e-5, what=f"{run.name} {name}")
    single = attn(q.float(), k.float(), v.float(), **inputs)
    assert_within_eager_budget(single, want["out"], eager["out"], floor=1e-5, what="single process")
    assert (got["out"] - single).abs().max().item() <= 1e-4


def test_shardings_are_what_they_say(ranks):
    results, _, _ = ranks
    kinds = {run.name: results[0][run.name]["sharding"].kind for run in RUNS}
    assert kinds["causal-zigzag-4"] == "zigzag" and kinds["bigbird-lpt-4"] == "lpt"
    zigzag = results[0]["causal-zigzag-4"]["sharding"]
    assert zigzag.ranges[0] == ((0, 49), (341, 389)) and len(zigzag.ranges[3]) == 1   # chunks 3 and 4 touch


def test_lengths_that_fit_no_sharding_fail_clearly_on_every_rank(ranks):
    results, _, _ = ranks
    for r in range(WORLD):
        message = results[r]["errors"]["lengths"]
        assert message is not None and "the ranks hold 10, 10, 10, 12 rows" in message, message


def test_llama_logits_sharded_over_two_ranks_equal_one_process(ranks):
    """transformers with one flag (``use(model, context_parallel=group)``): each rank feeds
    its zig-zag shard of the tokens with their positions; its logits are those rows of the
    single-process model's (spdsl and eager)."""
    results, spdsl_logits, eager_logits = ranks
    sh = cp.shard(None, LLAMA_L, 2, "zigzag")
    got = sh.unsplit([results[r]["llama"] for r in range(2)], dim=1)
    assert (got - spdsl_logits).abs().max().item() <= 1e-5
    assert (got - eager_logits).abs().max().item() <= 1e-5


# ---- without processes ------------------------------------------------------------------------

@pytest.mark.parametrize("mode, kind", [("causal", "lpt"), ("window", "zigzag"), ("bigbird", "contiguous"),
                                        ("documents", "zigzag"), ("no_key_rows", "lpt")])
def test_the_plan_moves_every_key_a_rank_needs_and_only_blocks_it_reads(mode, kind):
    """Against the dense mask (the oracle): every key a rank's queries see is its own or
    received; every received row lies in a key block its layout reads (block granularity:
    the kernels read whole blocks)."""
    L, world = 301, 3
    doc = torch.sort(torch.randint(0, 5, (B, L), generator=torch.Generator().manual_seed(1)), dim=1).values
    inputs = dict(mode=torch.tensor(MODES[mode]), doc=doc)
    sh = cp.shard(cases(), L, world, kind, B=B, H=H, **inputs)
    plan = cp.plan(cases(), sh, B=B, H=H, **inputs)
    mask = cases().dense_mask(L, L, H=H, B=B, **inputs).any(dim=(0, 1)).numpy()    # [q, k]
    owners = sh.owners()
    bk = plan.block[1]
    for r in range(world):
        seen = mask[sh.positions(r)].any(axis=0)
        received = np.zeros(L, bool)
        for s, pos in plan.recv[r].items():
            assert (owners[pos] == s).all()
            received[pos] = True
        assert not (seen & (owners != r) & ~received).any(), f"rank {r} misses keys"
        read = np.zeros(-(-L // bk), bool)
        for lay in plan.layouts[r]:
            read[lay.col_idx[:lay.nnz]] = True
        assert read[np.flatnonzero(received) // bk].all(), f"rank {r} receives rows it never reads"


def test_work_is_balanced_within_ten_percent():
    """Measured on the plan's own layouts (what the kernels run), not on the estimate that
    chose the shards: causal under zig-zag, LPT and auto; global rows (Longformer) under
    auto, which must leave zig-zag for LPT there."""
    causal = spdsl.parse("pattern c { mask = causal }")["c"]
    for kind in ("zigzag", "auto", "lpt"):
        sh = cp.shard(causal, 8192, 4, kind, H=2)
        rep = cp.plan(causal, sh, H=2).report(head_dim=64)
        assert rep["max_work_over_mean"] <= 1.10, (kind, rep["max_work_over_mean"])
    contiguous = cp.plan(causal, cp.shard(None, 8192, 4, "contiguous"), H=2).report(head_dim=64)
    assert contiguous["max_work_over_mean"] > 1.5        # what the balancing is for
    root = pathlib.Path(__file__).resolve().parents[1]
    longformer = spdsl.load(root / "examples" / "longformer.spdsl")["longformer"].bind(window=256, globals=32)
    for kind, most in (("auto", 1.10), ("zigzag", float("inf"))):
        sh = cp.shard(longformer, 8192, 4, kind)
        spread = cp.plan(longformer, sh).report(head_dim=64)["max_work_over_mean"]
        assert spread <= most and (kind == "zigzag") == (spread > 1.3), (kind, sh.kind, spread)


def test_sliding_window_moves_a_window_not_the_sequence():
    window = spdsl.parse("pattern w { mask = causal and q - k < 512 }")["w"]
    sh = cp.shard(window, 65536, 4, "auto")
    rep = cp.plan(window, sh).report(head_dim=64)
    assert sh.kind == "contiguous" and rep["max_work_over_mean"] <= 1.10
    moved = sum(x["bytes_in"] for x in rep["ranks"])
    gathered = sum(x["allgather_bytes_in"] for x in rep["ranks"])
    assert gathered >= 10 * moved and rep["ranks"][1]["peers_in"] == [0]


def test_split_unsplit_and_bad_shardings():
    x = torch.arange(2 * 37).view(1, 2, 37, 1)
    for kind in ("contiguous", "zigzag"):
        sh = cp.shard(None, 37, 4, kind)
        assert torch.equal(sh.unsplit([sh.split(x, r) for r in range(4)]), x)
        assert sum(sh.count(r) for r in range(4)) == 37
    with pytest.raises(cp.ContextParallelError, match="cover"):
        cp.Sharding(10, (((0, 5),), ((4, 10),)))
    with pytest.raises(cp.ContextParallelError, match="holds no position"):
        cp.Sharding(4, (((0, 4),), ()))
    with pytest.raises(cp.ContextParallelError, match="cannot be shared"):
        cp.shard(None, 3, 4, "contiguous")
    with pytest.raises(cp.ContextParallelError, match="weighs rows"):
        cp.shard(None, 100, 4, "lpt")


def test_clear_errors_before_any_process_group(attn):
    import torch.distributed as dist

    assert not dist.is_initialized()
    q = torch.zeros(1, H, 8, D)
    with pytest.raises(cp.ContextParallelError, match="not initialised"):
        cp.attention(attn, q, q, q, mode=0, doc=torch.zeros(1, 8, dtype=torch.long))
    by_row = spdsl.parse("pattern r { input qdoc : int[B, Lq]\n mask = qdoc[b, qi] == 0 }")["r"]
    with pytest.raises(cp.ContextParallelError, match="reads Lq and qi"):
        cp.plan(by_row, cp.shard(None, 64, 2, "contiguous"), qdoc=torch.zeros(1, 64, dtype=torch.long))


def test_explain_world_prints_each_ranks_work_and_bytes(capsys):
    from spdsl.cli.main import main

    root = pathlib.Path(__file__).resolve().parents[1]
    assert main(["explain", str(root / "examples" / "sliding_window.spdsl"), "-p", "window=512",
                 "--seq", "65536", "--heads", "4", "--world", "4", "--sharding", "contiguous"]) == 0
    text = capsys.readouterr().out
    assert "context parallel  4 ranks, contiguous sharding of L=65536" in text
    assert text.count("%") >= 4 and "less" in text
