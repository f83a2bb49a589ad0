# from tvm.script import tirx as T
# from tvm.tirx.layout import Axis

@T.prim_func
def dkdv(Q: T.Buffer(("B", "H", "Lq", 32), "bfloat16", strides=("Q_s0", "Q_s1", "Q_s2", 1)), K: T.Buffer((B, "Hk", "Lk", 32), "bfloat16", strides=("K_s0", "K_s1", "K_s2", 1)), V: T.Buffer((B, Hk, Lk, 32), "bfloat16", strides=("V_s0", "V_s1", "V_s2", 1)), DO: T.Buffer((B, H, Lq, 32), "bfloat16", strides=("DO_s0", "DO_s1", "DO_s2", 1)), LSE: T.Buffer((B, H, Lq), "float32"), DELTA: T.Buffer((B, H, Lq), "float32"), DK: T.Buffer((B, Hk, Lk, 32), "bfloat16", strides=("DK_s0", "DK_s1", "DK_s2", 1)), DV: T.Buffer((B, Hk, Lk, 32), "bfloat16", strides=("DV_s0", "DV_s1", "DV_s2", 1)), HC: T.Buffer((B, H), "int32"), CP: T.Buffer(("n_cols",), "int64"), RI: T.Buffer(("nnz",), "int32"), FL: T.Buffer((nnz,), "uint8"), ORD: T.Buffer((B * Hk * ((Lk + 63) // 64),), "int32"), scale: T.float32):
    B, H, Lq = T.int32(), T.int32(), T.int32()
    Hk, Lk = T.int32(), T.int32()
    n_cols = T.int32()
    nnz = T.int32()
    T.func_attr({"spdsl.dpbf16": True, "tirx.noalias": True})
    n_kb: T.let[T.int32] = T.Div(Lk + 63, 64)
    group: T.let[T.int32] = T.Div(H, Hk)
    for t in T.parallel(B * Hk * n_kb):
        task: T.let[T.int32] = ORD[t]
        b: T.let[T.int32] = T.Div(task, Hk * n_kb)
        hk: T.let[T.int32] = T.truncmod(T.Div(task, n_kb), Hk)
        kb: T.let[T.int32] = T.truncmod(task, n_kb)
        k0: T.let[T.int32] = kb * 64
        KP = T.alloc_buffer((16, 64), "int32", annotations={"disable_lower_builtin": T.bool(True)})
        VP = T.alloc_buffer((16, 64), "int32", annotations={"disable_lower_builtin": T.bool(True)})
        QP = T.alloc_buffer((32, 32), "int32", annotations={"disable_lower_builtin": T.bool(True)})
        DOP = T.alloc_buffer((32, 32), "int32", annotations={"disable_lower_builtin": T.bool(True)})
        PP = T.alloc_buffer((32, 64), "int32", annotations={"disable_lower_builtin": T.bool(True)})
        DSP = T.alloc_buffer((32, 64), "int32", annotations={"disable_lower_builtin": T.bool(True)})
        DKT = T.alloc_buffer((32, 64), annotations={"disable_lower_builtin": T.bool(True)})
        DVT = T.alloc_buffer((32, 64), annotations={"disable_lower_builtin": T.bool(True)})
        P = T.alloc_buffer((64, 64), annotations={"disable_lower_builtin": T.bool(True)})
        DS = T.alloc_buffer((64, 64), annotations={"disable_lower_builtin": T.bool(True)})
        LR = T.alloc_buffer((64,), annotations={"disable_lower_builtin": T.bool(True)})
        DR = T.alloc_buffer((64,), annotations={"disable_lower_builtin": T.bool(True)})
        for d in range(32):
            for j in T.vectorized(64):
                DKT[d, j] = T.float32(0.0)
                DVT[d, j] = T.float32(0.0)
        for j in range(64):
            for d2 in range(16):
                KP[d2, j] = T.reinterpret("int32", K[b, hk, T.min(k0 + j, Lk - 1), T.Ramp(2 * d2, 1, 2)])
            for d2 in range(16):
                VP[d2, j] = T.reinterpret("int32", V[b, hk, T.min(k0 + j, Lk - 1), T.Ramp(2 * d2, 1, 2)])
        for hh in range(group):
            h: T.let[T.int32] = hk * group + hh
            col: T.let[T.int32] = HC[b, h] * (n_kb + 1) + kb
            for e in range(T.Cast("int32", CP[col]), T.Cast("int32", CP[col]) + (T.Cast("int32", CP[col + 1]) - T.Cast("int32", CP[col]))):
                q0: T.let[T.int32] = RI[e] * 64
                for i in range(64):
                    LR[i] = LSE[b, h, T.min(q0 + i, Lq - 1)] * T.float32(1.4426950408889634)
                    LR[i] = T.Select(LR[i] == T.float32("-inf"), T.float32("inf"), LR[i])
                    DR[i] = DELTA[b, h, T.min(q0 + i, Lq - 1)]
                for rt in range(32):
                    A = T.alloc_buffer((2, 64), annotations={"disable_lower_builtin": T.bool(True)})
                    buffer = T.alloc_buffer((2, 64), annotations={"disable_lower_builtin": T.bool(True)})
                    for r in T.unroll(2):
                        for i in T.vectorized(64):
                            A[r, i] = T.float32(0.0)
                            buffer[r, i] = T.float32(0.0)
                    for d2 in range(16):
                        for r in T.unroll(2):
                            row: T.let[T.int32] = T.min(q0 + rt * 2 + r, Lq - 1)
                            word: T.let[T.int32] = T.reinterpret("int32", Q[b, h, row, T.Ramp(2 * d2, 1, 2)])
                            for v in T.unroll(4):
                                A[r, v * 16:v * 16 + 16] = T.call_pure_extern("float32x16", "spdsl_dpbf16ps", A[r, T.Ramp(v * 16, 1, 16)], T.Broadcast(word, 16), KP[d2, T.Ramp(v * 16, 1, 16)])
                            word2: T.let[T.int32] = T.reinterpret("int32", DO[b, h, row, T.Ramp(2 * d2, 1, 2)])
                            for v in T.unroll(4):
                                buffer[r, v * 16:v * 16 + 16] = T.call_pure_extern("float32x16", "spdsl_dpbf16ps", buffer[r, T.Ramp(v * 16, 1, 16)], T.Broadcast(word2, 16), VP[d2, T.Ramp(v * 16, 1, 16)])
                    for r in T.unroll(2):
                        for i in T.vectorized(64):
                            P[rt * 2 + r, i] = A[r, i] * scale
                            DS[rt * 2 + r, i] = buffer[r, i]
                if FL[e] == T.uint8(0):
                    TT = T.alloc_buffer((64,), annotations={"disable_lower_builtin": T.bool(True)})
                    for i in range(64):
                        for l in T.vectorized(64):
                            TT[l] = P[i, l] * T.float32(1.4426950408889634) - LR[i]
                        for j in T.vectorized(64):
                            e2_r = T.float32()
                            e2_x = T.float32()
                            e2_n = T.float32()
                            e2_f = T.float32()
                            TT[j] = T.Select(q0 + i < Lq and k0 + j < Lk and (T.min(k0 + j, Lk - 1) < T.min(q0 + i, Lq - 1) + (Lk - Lq) - 70 and (T.min(q0 + i, Lq - 1) + (Lk - Lq) < 150 or T.min(k0 + j, Lk - 1) % 3 != 1)), T.Let(T.Let(T.Let(T.Let(T.Select(T.isnan(e2_r), e2_r, T.Select(e2_x < T.float32(-126.0), T.float32(0.0), T.reinterpret("float32", T.reinterpret("int32", (((((T.float32(0.00015353361883195001) * e2_f + T.float32(0.001339887440266574)) * e2_f + T.float32(0.0096184373576746404)) * e2_f + T.float32(0.05550332471162809)) * e2_f + T.float32(0.24022647913630121)) * e2_f + T.float32(0.69314720285504205)) * e2_f + T.float32(1.0)) + (T.Cast("int32", e2_n) << 23)))), where={e2_f: e2_x - e2_n}), where={e2_n: T.floor(e2_x + T.float32(0.5))}), where={e2_x: T.min(T.max(e2_r, T.float32(-127.0)), T.float32(127.0))}), where={e2_r: TT[j]}), T.float32(0.0))
                        for j in T.vectorized(64):
                            DS[i, j] = T.Select(TT[j] == T.float32(0.0), T.float32(0.0), TT[j] * (DS[i, j] - DR[i]))
                            P[i, j] = TT[j]
                else:
                    if k0 + 64 > Lk or q0 + 64 > Lq:
                        TT = T.alloc_buffer((64,), annotations={"disable_lower_builtin": T.bool(True)})
                        for i in range(64):
                            for l in T.vectorized(64):
                                TT[l] = P[i, l] * T.float32(1.4426950408889634) - LR[i]
                            for j in T.vectorized(64):
                                e2_r = T.float32()
                                e2_x = T.float32()
                                e2_n = T.float32()
                                e2_f = T.float32()
                                TT[j] = T.Select(q0 + i < Lq and k0 + j < Lk, T.Let(T.Let(T.Let(T.Let(T.Select(T.isnan(e2_r), e2_r, T.Select(e2_x < T.float32(-126.0), T.float32(0.0), T.reinterpret("float32", T.reinterpret("int32", (((((T.float32(0.00015353361883195001) * e2_f + T.float32(0.001339887440266574)) * e2_f + T.float32(0.0096184373576746404)) * e2_f + T.float32(0.05550332471162809)) * e2_f + T.float32(0.24022647913630121)) * e2_f + T.float32(0.69314720285504205)) * e2_f + T.float32(1.0)) + (T.Cast("int32", e2_n) << 23)))), where={e2_f: e2_x - e2_n}), where={e2_n: T.floor(e2_x + T.float32(0.5))}), where={e2_x: T.min(T.max(e2_r, T.float32(-127.0)), T.float32(127.0))}), where={e2_r: TT[j]}), T.float32(0.0))
                            for j in T.vectorized(64):
                                DS[i, j] = T.Select(TT[j] == T.float32(0.0), T.float32(0.0), TT[j] * (DS[i, j] - DR[i]))
                                P[i, j] = TT[j]
                    else:
                        TT = T.alloc_buffer((64,), annotations={"disable_lower_builtin": T.bool(True)})
                        for i in range(64):
                            for l in T.vectorized(64):
                                TT[l] = P[i, l] * T.float32(1.4426950408889634) - LR[i]
                            for j in T.vectorized(64):
                                e2_r = T.float32()
                                e2_x = T.float32()
                                e2_n = T.float32()
                                e2_f = T.float32()
                                TT[j] = T.Select(T.bool(True), T.Let(T.Let(T.Let(T.Let(T.Select(T.isnan(e2_r), e2_r, T.Select(e2_x < T.float32(-126.0), T.float32(0.0), T.reinterpret("float32", T.reinterpret("int32", (((((T.float32(0.00015353361883195001) * e2_f + T.float32(0.001339887440266574)) * e2_f + T.float32(0.0096184373576746404)) * e2_f + T.float32(0.05550332471162809)) * e2_f + T.float32(0.24022647913630121)) * e2_f + T.float32(0.69314720285504205)) * e2_f + T.float32(1.0)) + (T.Cast("int32", e2_n) << 23)))), where={e2_f: e2_x - e2_n}), where={e2_n: T.floor(e2_x + T.float32(0.5))}), where={e2_x: T.min(T.max(e2_r, T.float32(-127.0)), T.float32(127.0))}), where={e2_r: TT[j]}), T.float32(0.0))
                            for j in T.vectorized(64):
                                DS[i, j] = T.Select(TT[j] == T.float32(0.0), T.float32(0.0), TT[j] * (DS[i, j] - DR[i]))
                                P[i, j] = TT[j]
                for q2 in range(32):
                    for j in T.vectorized(64):
                        PP[q2, j] = T.reinterpret("int32", T.reinterpret("uint32", P[2 * q2, j]) + T.uint32(32767) + (T.reinterpret("uint32", P[2 * q2, j]) >> T.uint32(16) & T.uint32(1)) >> T.uint32(16) | T.reinterpret("uint32", P[2 * q2 + 1, j]) + T.uint32(32767) + (T.reinterpret("uint32", P[2 * q2 + 1, j]) >> T.uint32(16) & T.uint32(1)) & T.uint32(4294901760))
                        DSP[q2, j] = T.reinterpret("int32", T.reinterpret("uint32", DS[2 * q2, j]) + T.uint32(32767) + (T.reinterpret("uint32", DS[2 * q2, j]) >> T.uint32(16) & T.uint32(1)) >> T.uint32(16) | T.reinterpret("uint32", DS[2 * q2 + 1, j]) + T.uint32(32767) + (T.reinterpret("uint32", DS[2 * q2 + 1, j]) >> T.uint32(16) & T.uint32(1)) & T.uint32(4294901760))
                for q2 in range(32):
                    for d in T.vectorized(32):
                        QP[q2, d] = T.reinterpret("int32", T.Cast("uint32", T.reinterpret("uint16", Q[b, h, T.min(q0 + 2 * q2, Lq - 1), d])) | T.Cast("uint32", T.reinterpret("uint16", Q[b, h, T.min(q0 + (2 * q2 + 1), Lq - 1), d])) << T.uint32(16))
                    for d in T.vectorized(32):
                        DOP[q2, d] = T.reinterpret("int32", T.Cast("uint32", T.reinterpret("uint16", DO[b, h, T.min(q0 + 2 * q2, Lq - 1), d])) | T.Cast("uint32", T.reinterpret("uint16", DO[b, h, T.min(q0 + (2 * q2 + 1), Lq - 1), d])) << T.uint32(16))
                for dt in range(16):
                    A = T.alloc_buffer((2, 64), annotations={"disable_lower_builtin": T.bool(True)})
                    buffer = T.alloc_buffer((2, 64), annotations={"disable_lower_builtin": T.bool(True)})
                    for r in T.unroll(2):
                        for i in T.vectorized(64):
                            A[r, i] = DVT[dt * 2 + r, i]
                            buffer[r, i] = DKT[dt * 2 + r, i]
                    for k2 in range(32):
                        for r in T.unroll(2):
                            for v in T.unroll(4):
                                A[r, v * 16:v * 16 + 16] = T.call_pure_extern("float32x16", "spdsl_dpbf16ps", A[r, T.Ramp(v * 16, 1, 16)], T.Broadcast(DOP[k2, dt * 2 + r], 16), PP[k2, T.Ramp(v * 16, 1, 16)])
                            for v in T.unroll(4):
                                buffer[r, v * 16:v * 16 + 16] = T.call_pure_extern("float32x16", "spdsl_dpbf16ps", buffer[r, T.Ramp(v * 16, 1, 16)], T.Broadcast(QP[k2, dt * 2 + r], 16), DSP[k2, T.Ramp(v * 16, 1, 16)])
                    for r in T.unroll(2):
                        for i in T.vectorized(64):
                            DVT[dt * 2 + r, i] = A[r, i]
                            DKT[dt * 2 + r, i] = buffer[r, i]
        for j, d in T.grid(T.min(64, Lk - k0), 32):
            DK[b, hk, k0 + j, d] = T.Cast("bfloat16", DKT[d, j] * scale)
            DV[b, hk, k0 + j, d] = T.Cast("bfloat16", DVT[d, j])