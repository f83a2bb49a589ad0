"""Decoding over a paged KV cache on the CPU: paged spdsl against unpaged spdsl and
against FlexAttention's PagedAttention (torch.compile'd flex_attention), all measured in
this run.

B=2 sequences, H=8 query heads over Hk=2 KV heads, D=64, fp32, one query (decoding) at
context 8k, 16k and 32k, pages of 64 keys in shuffled order. Patterns: causal (full
decoding) and a sliding window of 1024. spdsl is compiled with ScheduleConfig(block_q=16,
block_k=64) for both its paged and unpaged calls (a 16-lane query block: one query row
uses 1 of 16 lanes either way). "paged, new seq_lens" times a decode step whose seq_lens
changed since the last call (the block layout is rebuilt by the interval analysis);
"paged" reuses the layout (same seq_lens).

FlexAttention: ``torch.nn.attention.experimental._paged_attention.PagedAttention`` on
``device="cpu"`` (cache [1, Hk, n_pages * page_size, D]), its logical BlockMask (block
1 x 64, created once per length, not timed) converted with ``convert_logical_block_mask``.

``--products``: bfloat16 instead, the paged forward with each way of multiplying blocks
(``ScheduleConfig.products``: "dpbf16", AVX512-BF16 vdpbf16ps on bfloat16 pairs; "fp32",
convert and FMA), decoding (Lq=1, block_q 16) and a prefill chunk (the last ``--chunk``
queries, block_q 64) over the same page pool, timed in interleaved rounds with the unpaged
call of the dpbf16 op (same K and V, gathered): medians, and the median of same-round
ratios fp32 / dpbf16 (> 1: the dot products faster).

    python benchmarks/paged.py [--lengths 8192 16384 32768] [--repeats 10]
    python benchmarks/paged.py --products [--lengths ...] [--chunk 256] [--repeats 21]
"""

from __future__ import annotations

import argparse
import pathlib
import statistics
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import torch  # noqa: E402

import spdsl  # noqa: E402
from spdsl.codegen.cpu.schedule import ScheduleConfig  # noqa: E402

B, H, HK, D, PAGE = 2, 8, 2, 64, 64
LIB = spdsl.parse("""
pattern causal_only { mask = causal }
pattern sliding_window(window = 1024) { mask = causal and q - k < window }
""")
WINDOW = 1024


from cpu_attention import interleaved  # noqa: E402  (same-round samples after a warm call each)
from cpu_attention import timed as median_time  # noqa: E402  (median of repeats after a warm call)


def page_pool(K, V, L):
    """Our layout: pages [n_pages, Hk, PAGE, D] in K's dtype, shuffled, plus a block table."""
    n_per = L // PAGE
    n_pages = B * n_per + 8
    perm = torch.randperm(n_pages, generator=torch.Generator().manual_seed(0))
    kp = torch.full((n_pages, HK, PAGE, D), float("nan"), dtype=K.dtype)
    vp = kp.clone()
    table = perm[:B * n_per].view(B, n_per).to(torch.int32)
    for b in range(B):
        kp[table[b].long()] = K[b].view(HK, n_per, PAGE, D).transpose(0, 1)
        vp[table[b].long()] = V[b].view(HK, n_per, PAGE, D).transpose(0, 1)
    return kp, vp, table


def flex_setup(K, V, L, window):
    """(run, out) of FlexAttention's PagedAttention for one decode step, or (None, reason)."""
    try:
        from torch.nn.attention.experimental._paged_attention import PagedAttention
        from torch.nn.attention.flex_attention import create_block_mask, flex_attention

        n_pages = B * L // PAGE + 8
        pa = PagedAttention(n_pages, PAGE, B, device="cpu")
        kc = torch.zeros(1, HK, n_pages * PAGE, D)
        vc = torch.zeros_like(kc)
        for b in range(B):   # reserve() takes one sequence at a time in torch 2.13
            pa.reserve(torch.tensor(b), torch.tensor(L))
        pa.assign(torch.arange(B), torch.arange(L)[None].expand(B, L).contiguous(), K, V, kc, vc)
        qpos = torch.full((B,), L - 1)

        def mask_mod(b, h, q, k):
            pos = q + qpos[b]
            keep = k <= pos
            return keep & (pos - k < window) if window else keep

        logical = create_block_mask(mask_mod, B, None, 1, L, device="cpu", BLOCK_SIZE=(1, PAGE))
        physical = pa.convert_logical_block_mask(logical)
        flex = torch.compile(flex_attention)
        return (lambda q: flex(q, kc, vc, block_mask=physical, enable_gqa=True)), None
    except Exception as e:  # noqa: BLE001 - reported in the table
        return None, f"{type(e).__name__}: {e}"


def bench_products(lengths, repeats: int, chunk: int) -> None:
    """The bfloat16 paged forward on vdpbf16ps against the same kernel on float32 FMAs
    (and the unpaged dpbf16 call), decoding and a prefill chunk; see the module doc."""
    from spdsl.codegen.cpu.target import bf16_products

    if bf16_products(None) != "dpbf16":
        print("this CPU has no AVX512-BF16: only the fp32 products run here")
        return
    print(f"# bfloat16 paged forward, B={B} H={H} Hk={HK} D={D}, page {PAGE}, torch {torch.__version__}, "
          f"{torch.get_num_threads()} threads; medians of {repeats} interleaved rounds")
    print(f"{'step':<9}{'pattern':<13}{'Lq':>5}{'L':>7}{'dpbf16':>10}{'fp32':>10}{'unpaged':>10}"
          f"{'fp32/dpbf16':>13}{'paged/unpaged':>15}{'max |diff|':>12}")
    for step, lq, block_q in (("decode", 1, 16), ("prefill", chunk, 64)):
        for name, pattern in (("causal", LIB["causal_only"]), ("window_1024", LIB["sliding_window"])):
            ops = {p: spdsl.compile(pattern, head_dim=D, dtype=torch.bfloat16,
                                    config=ScheduleConfig(block_q=block_q, block_k=64, products=p))
                   for p in ("dpbf16", "fp32")}
            for L in lengths:
                K, V = (torch.randn(B, HK, L, D).bfloat16() for _ in range(2))
                q = torch.randn(B, H, lq, D).bfloat16()
                kp, vp, table = page_pool(K, V, L)
                lens = torch.full((B,), L)
                runs = [lambda op=op: op(q, kp, vp, block_table=table, seq_lens=lens) for op in ops.values()]
                runs.append(lambda: ops["dpbf16"](q, K, V))
                dots, fma, unpaged = interleaved(runs, repeats)
                ratio = statistics.median(f / d for d, f in zip(dots, fma))
                vs_unpaged = statistics.median(d / u for d, u in zip(dots, unpaged))
                diff = (runs[0]().float() - runs[1]().float()).abs().max().item()
                med = [statistics.median(t) * 1e3 for t in (dots, fma, unpaged)]
                print(f"{step:<9}{name:<13}{lq:>5}{L:>7}{med[0]:>9.2f}m{med[1]:>9.2f}m{med[2]:>9.2f}m"
                      f"{ratio:>13.2f}{vs_unpaged:>15.2f}{diff:>12.2e}", flush=True)
    print("times in ms (medians); ratios are medians of same-round ratios; max |diff|: dpbf16 "
          "against fp32 products")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--lengths", type=int, nargs="+", default=[8192, 16384, 32768])
    ap.add_argument("--repeats", type=int, default=10)
    ap.add_argument("--products", action="store_true",
                    help="bfloat16: the paged forward on dpbf16 vs fp32 products (decode and prefill)")
    ap.add_argument("--chunk", type=int, default=256, help="--products: queries of the prefill chunk")
    args = ap.parse_args()
    torch.manual_seed(0)
    if args.products:
        bench_products(args.lengths, args.repeats, args.chunk)
        return
    print(f"# decoding, B={B} H={H} Hk={HK} D={D} fp32, page {PAGE}, torch {torch.__version__}, "
          f"{torch.get_num_threads()} threads; median of {args.repeats}")
    print(f"{'pattern':<16}{'L':>7}{'paged':>10}{'new lens':>10}{'unpaged':>10}{'flex paged':>12}"
          f"{'paged/unpaged':>15}{'paged/flex':>12}{'max |diff|':>12}")
    config = ScheduleConfig(block_q=16, block_k=64)
    for name, pattern, window in (("causal", LIB["causal_only"], 0),
                                  ("window_1024", LIB["sliding_window"], WINDOW)):
        attn = spdsl.compile(pattern, head_dim=D, dtype=torch.float32, config=config)
        for L in args.lengths:
            K, V = torch.randn(B, HK, L, D), torch.randn(B, HK, L, D)
            q = torch.randn(B, H, 1, D)
            kp, vp, table = page_pool(K, V, L)
            lens = torch.full((B,), L)
            paged = lambda: attn(q, kp, vp, block_table=table, seq_lens=lens)
            step = [0]

            def paged_new_lens():
                step[0] += 1   # a different seq_lens each call: the layout is rebuilt
                n = L - 1 - step[0] % (PAGE - 1)
                return attn(q, kp, vp, block_table=table, seq_lens=torch.full((B,), n))

            unpaged = lambda: attn(q, K, V)
            t_paged = median_time(paged, args.repeats)
            t_new = median_time(paged_new_lens, args.repeats)
            t_unpaged = median_time(unpaged, args.repeats)
            diff = (paged() - unpaged()).abs().max().item()
            flex, why = flex_setup(K, V, L, window)
            t_flex = median_time(lambda: flex(q), args.repeats) if flex else float("nan")
            if flex:
                diff = max(diff, (flex(q) - unpaged()).abs().max().item())
            print(f"{name:<16}{L:>7}{t_paged * 1e3:>9.2f}m{t_new * 1e3:>9.2f}m{t_unpaged * 1e3:>9.2f}m"
                  f"{t_flex * 1e3:>11.2f}m{t_paged / t_unpaged:>15.2f}{t_paged / t_flex:>12.2f}{diff:>12.2e}",
                  flush=True)
            if why:
                print(f"  flex paged did not run: {why}")
    print("times in ms; ratios < 1: paged spdsl faster")


if __name__ == "__main__":
    main()
