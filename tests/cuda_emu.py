"""Run generated CUDA kernels on the CPU, for the tests of machines without a GPU.

The kernel's CUDA C (TVM's ``__global__`` function, as built for the GPU) is compiled by
g++ with a shim: one std::thread per CUDA thread, a std::barrier per thread block for
``__syncthreads`` and one per warp for the warp-collective instructions, thread blocks
one after another, ``__shared__`` arrays static. The warp-collective pieces are emulated
with the semantics the PTX ISA gives them:

``mma.sync.aligned.m16n8k16.row.col.f32.{f16,bf16}``  each lane posts its A (4 regs),
    B (2 regs) and C (4 floats) fragments, the warp meets, and each lane computes its own
    D fragment from the whole warp's; products are exact, sums in float32
``ldmatrix.sync.aligned.m8n8.x{1,2,4}[.trans].shared.b16``  each lane posts its row
    address (``__cvta_generic_to_shared`` gives offsets from a static marker), the warp
    meets, each lane gathers its elements of every matrix
``__shfl_xor_sync``                                     post, meet, read lane ^ mask
``cp.async`` / ``commit_group`` / ``wait_group N``      per-thread groups of copies, done
    at the wait (or at once, ``eager_copies``): a read of a stage before its wait, or a
    copy into a stage other warps still read, changes the result

``half`` / ``nv_bfloat16`` are 16-bit storage types rounding to nearest even, so the
kernels see the same rounding of P and of their outputs as on a GPU. This checks the
generated code's indexing, fragment layouts, masking, online softmax, reductions across
lanes and empty rows against float64; not its speed, or races between thread blocks.
"""

from __future__ import annotations

import ctypes
import pathlib
import re
import shutil
import subprocess

SHIM = r"""
#include <cstdint>
#include <cstring>
#include <cmath>
#include <algorithm>
#include <thread>
#include <barrier>
#include <vector>
#define __global__
#define __launch_bounds__(x)
#define __restrict__
#define uchar unsigned char
#define uint unsigned int
#define CUDART_INF_F INFINITY
using std::min; using std::max;
struct Dim3 { int x = 0, y = 0, z = 0; };
static thread_local Dim3 threadIdx;
static Dim3 blockIdx;
static std::barrier<>* g_bar;
static std::barrier<>* g_warp_bar[32];
static void __syncthreads() { g_bar->arrive_and_wait(); }
static void warp_sync() { g_warp_bar[threadIdx.x / 32]->arrive_and_wait(); }

static inline uint16_t f32_to_bf16(float f) {
  uint32_t u; std::memcpy(&u, &f, 4);
  if (std::isnan(f)) return 0x7fc0;
  u += 0x7fff + ((u >> 16) & 1);
  return (uint16_t)(u >> 16);
}
static inline float bf16_to_f32(uint16_t h) {
  uint32_t u = (uint32_t)h << 16; float f; std::memcpy(&f, &u, 4); return f;
}
struct nv_bfloat16 {
  uint16_t bits;
  nv_bfloat16() = default;
  nv_bfloat16(float f) : bits(f32_to_bf16(f)) {}
  operator float() const { return bf16_to_f32(bits); }
};
struct half {
  _Float16 v;
  half() = default;
  half(float f) : v((_Float16)f) {}
  operator float() const { return (float)v; }
};
static_assert(sizeof(half) == 2 && sizeof(nv_bfloat16) == 2, "16-bit types");
static inline half __float2half_rn(float f) { return half(f); }
static inline nv_bfloat16 __float2bfloat16_rn(float f) { return nv_bfloat16(f); }
template <class T> static inline uint32_t pack2(T lo, T hi) {
  uint16_t a, b; std::memcpy(&a, &lo, 2); std::memcpy(&b, &hi, 2);
  return (uint32_t)a | ((uint32_t)b << 16);
}
static inline uint32_t __pack_half2(half lo, half hi) { return pack2(lo, hi); }
static inline uint32_t __pack_nv_bfloat162(nv_bfloat16 lo, nv_bfloat16 hi) { return pack2(lo, hi); }
struct alignas(16) uint4 { uint32_t x, y, z, w; };
static inline uint4 make_uint4(uint32_t x, uint32_t y, uint32_t z, uint32_t w) { return {x, y, z, w}; }

struct alignas(64) Lane { uint32_t a[4], b[2]; float c[4], s; };
static Lane g_lanes[32][32];  // [warp][lane]

static inline float lo_hi(uint32_t r, int hi, bool bf16) {
  uint16_t h = (uint16_t)(hi ? r >> 16 : r & 0xffff);
  if (bf16) return bf16_to_f32(h);
  _Float16 x; std::memcpy(&x, &h, 2); return (float)x;
}

// mma.sync.aligned.m16n8k16.row.col.f32.{f16,bf16}.f32: D = A B + C. Lane l (g = l / 4,
// t = l % 4) holds A rows g, g+8 / cols 2t, 2t+1, 2t+8, 2t+9; B cols (n) g / rows (k)
// 2t, 2t+1, 2t+8, 2t+9; C and D rows g, g+8 / cols 2t, 2t+1.
static void emu_mma(bool bf16, float* d0, float* d1, float* d2, float* d3,
                    uint32_t a0, uint32_t a1, uint32_t a2, uint32_t a3, uint32_t b0, uint32_t b1,
                    float c0, float c1, float c2, float c3) {
  int w = threadIdx.x / 32, l = threadIdx.x % 32;
  Lane& me = g_lanes[w][l];
  me.a[0] = a0; me.a[1] = a1; me.a[2] = a2; me.a[3] = a3; me.b[0] = b0; me.b[1] = b1;
  me.c[0] = c0; me.c[1] = c1; me.c[2] = c2; me.c[3] = c3;
  warp_sync();
  float A[16][16], B[16][8];
  for (int ln = 0; ln < 32; ++ln) {
    int g = ln / 4, t = ln % 4;
    const Lane& o = g_lanes[w][ln];
    for (int j = 0; j < 2; ++j) {
      A[g][2 * t + j] = lo_hi(o.a[0], j, bf16);
      A[g + 8][2 * t + j] = lo_hi(o.a[1], j, bf16);
      A[g][2 * t + 8 + j] = lo_hi(o.a[2], j, bf16);
      A[g + 8][2 * t + 8 + j] = lo_hi(o.a[3], j, bf16);
      B[2 * t + j][g] = lo_hi(o.b[0], j, bf16);
      B[2 * t + 8 + j][g] = lo_hi(o.b[1], j, bf16);
    }
  }
  int g = l / 4, t = l % 4;
  float* out[4] = {d0, d1, d2, d3};
  float res[4];
  for (int e = 0; e < 4; ++e) {
    int row = g + 8 * (e / 2), col = 2 * t + e % 2;
    float acc = me.c[e];
    for (int k = 0; k < 16; ++k) acc += A[row][k] * B[k][col];
    res[e] = acc;
  }
  warp_sync();  // every lane has read the warp's fragments before any lane posts again
  for (int e = 0; e < 4; ++e) *out[e] = res[e];
}

// ldmatrix.sync.aligned.m8n8.x{1,2,4}[.trans].shared.b16: lanes 8i .. 8i+7 give the row
// addresses of matrix i; lane l receives, of each matrix, row l/4's columns 2(l%4), +1
// (.trans: column l/4's rows 2(l%4), +1), two 16-bit values in one register.
static char g_smem_base;
static uint32_t __cvta_generic_to_shared(const void* p) {
  return (uint32_t)(int32_t)((const char*)p - &g_smem_base);
}
static void emu_ldmatrix(bool trans, int num, uint32_t** regs, uint32_t addr) {
  int w = threadIdx.x / 32, l = threadIdx.x % 32;
  g_lanes[w][l].a[0] = addr;
  warp_sync();
  for (int i = 0; i < num; ++i) {
    uint16_t v[2];
    for (int j = 0; j < 2; ++j) {
      int row = trans ? 2 * (l % 4) + j : l / 4, col = trans ? l / 4 : 2 * (l % 4) + j;
      const char* rp = &g_smem_base + (int32_t)g_lanes[w][8 * i + row].a[0];
      std::memcpy(&v[j], rp + 2 * col, 2);
    }
    *regs[i] = (uint32_t)v[0] | ((uint32_t)v[1] << 16);
  }
  warp_sync();
}

// cp.async.cg.shared.global (16 bytes), commit_group, wait_group N: each thread's copies
// are queued in its open group and done when it waits them out (the latest they may land,
// which exposes a read before the wait); with EMU_CP_ASYNC_EAGER they are done at once
// (the earliest, which exposes an overwrite of a stage other warps still read).
struct Copy { void* dst; const void* src; };
static thread_local std::vector<std::vector<Copy>> t_groups;
static thread_local std::vector<Copy> t_open;
static void ptx_cp_async_legacy_cg_16_0_0(void* dst, int, void* src, int) {
#ifdef EMU_CP_ASYNC_EAGER
  std::memcpy(dst, src, 16);
#else
  t_open.push_back({dst, src});
#endif
}
static void tvm_builtin_ptx_cp_async_commit_group_async_commit_group() {
  t_groups.push_back(std::move(t_open));
  t_open.clear();
}
static void cp_async_wait(size_t n) {
  while (t_groups.size() > n) {
    for (const Copy& c : t_groups.front()) std::memcpy(c.dst, c.src, 16);
    t_groups.erase(t_groups.begin());
  }
}
#define tvm_builtin_ptx_cp_async_wait_group_async_wait_group_0() cp_async_wait(0)
#define tvm_builtin_ptx_cp_async_wait_group_async_wait_group_1() cp_async_wait(1)
#define tvm_builtin_ptx_cp_async_wait_group_async_wait_group_2() cp_async_wait(2)

static float __shfl_xor_sync(uint32_t, float v, int lane_mask, int) {
  int w = threadIdx.x / 32, l = threadIdx.x % 32;
  g_lanes[w][l].s = v;
  warp_sync();
  float r = g_lanes[w][l ^ lane_mask].s;
  warp_sync();
  return r;
}
"""

_MMA = re.compile(r"mma\.sync\.aligned\.m16n8k16\.row\.col\.f32\.(bf16|f16)\.(?:bf16|f16)\.f32")


def _operands(asm: str) -> list[tuple[str, str]]:
    """(constraint, expression) of each operand of one inline-asm statement."""
    out = []
    for m in re.finditer(r'"([=+]?[a-z])"\(', asm):
        depth, i = 1, m.end()
        while depth:
            depth += {"(": 1, ")": -1}.get(asm[i], 0)
            i += 1
        out.append((m.group(1), asm[m.end():i - 1]))
    return out


_LDSM = re.compile(r"ldmatrix\.sync\.aligned\.m8n8\.x(\d)(\.trans)?\.shared\.b16")


def replace_mma_asm(src: str) -> str:
    """Each ``mma.sync`` / ``ldmatrix`` inline-asm statement of TVM's CUDA replaced by
    ``emu_mma`` / ``emu_ldmatrix``."""
    pieces, pos = [], 0
    for m in re.finditer(r"__asm__ __volatile__\(", src):
        end = src.index(");", m.end())
        asm = src[m.start():end]
        ldsm = _LDSM.search(asm)
        if ldsm is not None:
            ops = _operands(asm)
            outs = [e for c, e in ops if c.startswith("=")]
            (addr,) = [e for c, e in ops if not c.startswith("=")]
            regs = ", ".join(f"(uint32_t*)&({e})" for e in outs)
            pieces += [src[pos:m.start()],
                       f"{{ uint32_t* regs[] = {{{regs}}}; emu_ldmatrix({'true' if ldsm.group(2) else 'false'}, "
                       f"{ldsm.group(1)}, regs, {addr}); }}"]
            pos = end + 2
            continue
        kind = _MMA.search(asm)
        if kind is None:
            raise ValueError("the emulator knows only mma.sync.m16n8k16 and ldmatrix inline asm")
        ops = _operands(asm)
        outs = [e for c, e in ops if c.startswith(("=", "+"))]
        ins = [e for c, e in ops if not c.startswith(("=", "+"))]
        if len(outs) != 4 or len(ins) != 10:
            raise ValueError(f"unexpected mma operands: {len(outs)} out, {len(ins)} in")
        args = [f"&({e})" for e in outs] + [f"(uint32_t)({e})" for e in ins[:6]] + \
            [f"(float)({e})" for e in ins[6:]]
        pieces += [src[pos:m.start()],
                   f"emu_mma({'true' if kind.group(1) == 'bf16' else 'false'}, {', '.join(args)})"]
        pos = end + 1
    return "".join(pieces) + src[pos:]


def host_ints(ll: str, sizes: dict) -> dict:
    """The integer kernel arguments the host computes (TVM hoists expressions such as
    ``Lq + 63`` into kernel parameters ``cse_vN``): the host function's i32 arithmetic
    in its LLVM IR, evaluated on the call's sizes."""
    ops = {"add": lambda a, b: a + b, "sub": lambda a, b: a - b, "mul": lambda a, b: a * b,
           "sdiv": lambda a, b: int(a / b), "ashr": lambda a, b: a >> b,
           "shl": lambda a, b: a << b, "srem": lambda a, b: a - int(a / b) * b}
    env = {f"%{k}": v for k, v in sizes.items()}
    pattern = r"^\s*(%[\w.]+) = (\w+)(?: nsw| nuw| exact)* i32 ([%\w.-]+), ([%\w.-]+)"
    for dst, op, a, b in re.findall(pattern, ll, re.M):
        try:
            va, vb = (env[x] if x.startswith("%") else int(x) for x in (a, b))
        except (KeyError, ValueError):
            continue
        if op in ops:
            env[dst] = ops[op](va, vb)
    return {k[1:]: v for k, v in env.items()}


def have_compiler() -> bool:
    """g++ with C++20 <barrier> and _Float16 (the shim's needs)."""
    if shutil.which("g++") is None:
        return False
    res = subprocess.run(["g++", "-std=c++20", "-fsyntax-only", "-x", "c++", "-"],
                         input="#include <barrier>\nstd::barrier<> b(1);\n_Float16 h = 1;\n",
                         capture_output=True, text=True)
    return res.returncode == 0


class Emulated:
    """One built CUDA kernel, runnable on the CPU: ``kernel(grid, arrays, sizes, scale)``
    with NumPy arrays by buffer name (Q, K, ..., in_doc) and sizes by name. Arrays of
    float16 / bfloat16 kernels are passed as 16-bit NumPy arrays (bfloat16 as the raw
    uint16 bits, see :func:`bf16_bits`)."""

    def __init__(self, module, name: str, workdir: pathlib.Path, source: str, eager_copies: bool = False):
        mod = getattr(module, "mod", module)
        self.ll = mod.inspect_source("ll")
        head = source[source.index(f"{name}_kernel(") + len(name) + 8:]
        self.params = []
        for p in head[:head.index(")")].split(","):
            typ, pname = p.replace("__restrict__", "").strip().rsplit(None, 1)
            self.params.append((typ, pname))
        self.threads = int(re.search(r"__launch_bounds__\((\d+)\)", source).group(1))
        body = source[source.index('extern "C" __global__'):]
        body = replace_mma_asm(body.replace("__shared__ alignas(64)", "alignas(64) static"))
        args = [f"({t})p[{i}]" if t.endswith("*") else f"({t})iv[{i}]" if t != "float" else
                f"(float)f[{i}]" for i, (t, _) in enumerate(self.params)]
        warps = (self.threads + 31) // 32
        launch = f"""
extern "C" void launch(void** p, long long* iv, double* f, int grid) {{
  for (int t = 0; t < grid; ++t) {{
    blockIdx.x = t;
    std::barrier<> bar({self.threads}); g_bar = &bar;
    std::vector<std::barrier<>*> wb;
    for (int w = 0; w < {warps}; ++w) {{
      wb.push_back(new std::barrier<>(std::min(32, {self.threads} - 32 * w)));
      g_warp_bar[w] = wb.back();
    }}
    std::vector<std::thread> th;
    for (int i = 0; i < {self.threads}; ++i)
      th.emplace_back([&, i] {{ threadIdx.x = i; {name}_kernel({", ".join(args)}); }});
    for (auto& x : th) x.join();
    for (auto* b : wb) delete b;
  }}
}}
"""
        tag = f"{name}{'_eager' if eager_copies else ''}"
        cpp = workdir / f"{tag}.cpp"
        cpp.write_text(("#define EMU_CP_ASYNC_EAGER 1\n" if eager_copies else "") + SHIM + body + launch)
        so = workdir / f"{tag}.so"
        res = subprocess.run(["g++", "-O1", "-std=c++20", "-shared", "-fPIC", "-w", str(cpp),
                              "-o", str(so)], capture_output=True, text=True)
        assert res.returncode == 0, res.stderr[:3000]
        self.lib = ctypes.CDLL(str(so))

    def __call__(self, grid: int, arrays: dict, sizes: dict, scale: float):
        # the [B, heads, L, D] buffers are strided: their strides X_s0..X_s2 are kernel
        # arguments, taken from the arrays (which may be strided views, rows contiguous)
        sizes = dict(sizes)
        for name, a in arrays.items():
            if a.ndim == 4:
                assert a.strides[-1] == a.itemsize, name
                for i in range(3):
                    sizes[f"{name}_s{i}"] = a.strides[i] // a.itemsize
        ints = host_ints(self.ll, sizes)
        n = len(self.params)
        p, iv, f = (ctypes.c_void_p * n)(), (ctypes.c_longlong * n)(), (ctypes.c_double * n)()
        for i, (typ, pname) in enumerate(self.params):
            if typ.endswith("*"):
                a = arrays[pname[:-len("_ptr")]]
                assert a.flags.c_contiguous or a.ndim == 4, pname
                p[i] = a.ctypes.data
            elif typ == "float":
                f[i] = scale
            else:
                iv[i] = ints[pname]
        self.lib.launch(p, iv, f, int(grid))


def to_numpy(t):
    """A torch tensor as the NumPy array an emulated kernel reads and writes in place
    (bfloat16 as its uint16 bits; the array shares the tensor's memory). A 4-D view with a
    contiguous last dim keeps its strides (the kernels take strided q, k, v, out, ...)."""
    import torch

    if not (t.dim() == 4 and t.stride(-1) == 1):
        t = t.contiguous()
    if t.dtype == torch.bfloat16:
        return t.view(torch.int16).numpy()
    return t.numpy()


def _sizes_and_extra(kernels, inputs: dict, B: int, H: int, Hk: int, Lq: int, Lk: int):
    """Sizes by name and the pattern's input / random-table arrays, as the wrapper passes them."""
    from spdsl.codegen.common.lower import random_table_name

    sizes = {"B": B, "H": H, "Hk": Hk, "Lq": Lq, "Lk": Lk}
    passed = kernels._extra_args(inputs, "cpu", H, Lq, Lk)
    extra = {f"in_{n}": t.numpy() for n, t in zip(kernels.input_names, passed)}
    for key, table in zip(kernels.random_keys, passed[len(kernels.input_names):]):
        name = random_table_name(key)  # rb_{r}_{size}_{seed}[_shared][_past]
        extra[name] = table.numpy()
        sizes["rb" + name[3:] + "_nq"], sizes["rb" + name[3:] + "_nk"] = table.shape[1:]
    return sizes, extra


def run_forward(fwd, layout, q, k, v, inputs: dict, workdir: pathlib.Path, scale: float,
                eager_copies: bool = False, out=None):
    """``cuda.CudaForward`` ``fwd`` run in emulation on CPU tensors: (out, lse), both
    poisoned with NaN before the run so that unwritten elements show. ``eager_copies``:
    cp.async copies land at once instead of at the wait. q, k, v may be strided views
    (rows contiguous); ``out``: a [B, H, Lq, D] view to write into (e.g. a transposed
    [B, Lq, H, D] tensor)."""
    import torch

    B, H, Lq, _ = q.shape
    Hk, Lk = k.shape[1], k.shape[2]
    kernel = Emulated(fwd.module, "forward", workdir, fwd.source, eager_copies)
    sizes, extra = _sizes_and_extra(fwd, inputs, B, H, Hk, Lq, Lk)
    out = torch.full(q.shape, float("nan"), dtype=q.dtype) if out is None else out.fill_(float("nan"))
    lse = torch.full((B, H, Lq), float("nan"))
    row = [t.numpy() for t in fwd._layout_args(layout, "cpu", B, H, Lq)]
    arrays = dict(Q=to_numpy(q), K=to_numpy(k), V=to_numpy(v), O=to_numpy(out), LSE=lse.numpy(),
                  **dict(zip(("HC", "RP", "CI", "FL", "ORD"), row)), **extra)
    kernel(len(row[-1]), arrays, dict(sizes, n_rows=len(row[1]), nnz=len(row[2])), scale)
    return out, lse


def run_backward(bwd, layout, q, k, v, out, lse, dout, inputs: dict, workdir: pathlib.Path,
                 scale: float, eager_copies: bool = False, dlse=None):
    """``cuda.CudaBackward`` ``bwd`` run in emulation on CPU tensors (dQ, then dK/dV, as
    on the GPU): (dq, dk, dv, delta), poisoned with NaN before the run. q k v out dout
    may be strided views (rows contiguous); ``dlse``: lse's gradient (None: zeros)."""
    import torch

    B, H, Lq, _ = q.shape
    Hk, Lk = k.shape[1], k.shape[2]
    dq_k = Emulated(bwd.modules["dq"], "dq", workdir, bwd.sources["dq"], eager_copies)
    dkdv_k = Emulated(bwd.modules["dkdv"], "dkdv", workdir, bwd.sources["dkdv"], eager_copies)
    sizes, extra = _sizes_and_extra(bwd, inputs, B, H, Hk, Lq, Lk)
    lse = lse.float().contiguous()
    dlse = torch.zeros((B, H, Lq)) if dlse is None else dlse.float().contiguous()
    dq, dk, dv = (torch.full(t.shape, float("nan"), dtype=t.dtype) for t in (q, k, v))
    delta = torch.full((B, H, Lq), float("nan"))
    row = [t.numpy() for t in bwd._layout_args(layout, "cpu", B, H, Lq)]
    col = [t.numpy() for t in bwd._transposed_args(layout, None, "cpu", B, H, Hk, Lk)]
    common = dict(Q=to_numpy(q), K=to_numpy(k), V=to_numpy(v), DO=to_numpy(dout),
                  LSE=lse.numpy(), DELTA=delta.numpy(), **extra)
    dq_k(len(row[-1]), dict(common, O=to_numpy(out), DLSE=dlse.numpy(), DQ=to_numpy(dq),
                            **dict(zip(("HC", "RP", "CI", "FL", "ORD"), row))),
         dict(sizes, n_rows=len(row[1]), nnz=len(row[2])), scale)
    dkdv_k(len(col[-1]), dict(common, DK=to_numpy(dk), DV=to_numpy(dv),
                              **dict(zip(("HC", "CP", "RI", "FL", "ORD"), col))),
           dict(sizes, n_cols=len(col[1]), nnz=len(col[2])), scale)
    return dq, dk, dv, delta


def emulate_launches(kernels, primfuncs: dict, workdir: pathlib.Path, eager_copies: bool = False):
    """Make a built ``CudaForward`` / ``CudaBackward`` run its kernels in emulation when
    called with CPU tensors: its own ``__call__`` builds the positional arguments, and they
    are bound to the buffers by the PrimFunc's parameter names (so a wrong argument order
    in the wrapper shows). ``primfuncs`` maps kernel name to its PrimFunc."""
    import torch

    sources = getattr(kernels, "sources", {"forward": kernels.source})
    compiled: dict = {}

    def launch(module, name, args, device):
        func = primfuncs[name]
        names = [p.name for p in func.params]
        assert len(names) == len(args), (name, names, len(args))
        arrays, scale = {}, None
        for pname, a in zip(names, args):
            if isinstance(a, torch.Tensor):
                assert a.device.type == "cpu" and (a.is_contiguous() or a.dim() == 4), pname
                arrays[pname] = to_numpy(a)
            else:
                scale = float(a)
        B, H, Lq, _ = arrays["Q"].shape
        Hk, Lk = arrays["K"].shape[1], arrays["K"].shape[2]
        sizes = {"B": B, "H": H, "Hk": Hk, "Lq": Lq, "Lk": Lk}
        ptr, idx = ("CP", "RI") if "CP" in arrays else ("RP", "CI")
        sizes["n_cols" if ptr == "CP" else "n_rows"] = len(arrays[ptr])
        sizes["nnz"] = len(arrays[idx])
        for pname, arr in arrays.items():
            if pname.startswith("rb_"):
                sizes["rb" + pname[3:] + "_nq"], sizes["rb" + pname[3:] + "_nk"] = arr.shape[1:]
        if name not in compiled:
            compiled[name] = Emulated(module, name, workdir, sources[name], eager_copies)
        compiled[name](len(arrays["ORD"]), arrays, sizes, scale)

    kernels._require_cuda = lambda q: None
    kernels._launch = launch
    return kernels
