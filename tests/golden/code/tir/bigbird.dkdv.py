# from tvm.script import tirx as T
# from tvm.tirx.layout import Axis

@T.prim_func
def dkdv(Q: T.Buffer(("B", "H", "Lq", 64), "float32", strides=("Q_s0", "Q_s1", "Q_s2", 1)), K: T.Buffer((B, "Hk", "Lk", 64), "float32", strides=("K_s0", "K_s1", "K_s2", 1)), V: T.Buffer((B, Hk, Lk, 64), "float32", strides=("V_s0", "V_s1", "V_s2", 1)), DO: T.Buffer((B, H, Lq, 64), "float32", strides=("DO_s0", "DO_s1", "DO_s2", 1)), LSE: T.Buffer((B, H, Lq), "float32"), DELTA: T.Buffer((B, H, Lq), "float32"), DK: T.Buffer((B, Hk, Lk, 64), "float32", strides=("DK_s0", "DK_s1", "DK_s2", 1)), DV: T.Buffer((B, Hk, Lk, 64), "float32", strides=("DV_s0", "DV_s1", "DV_s2", 1)), HC: T.Buffer((B, H), "int32"), CP: T.Buffer(("n_cols",), "int64"), RI: T.Buffer(("nnz",), "int32"), FL: T.Buffer((nnz,), "uint8"), ORD: T.Buffer((B * Hk * ((Lk + 63) // 64),), "int32"), scale: T.float32, rb_3_64_0: T.Buffer((H, "rb3_64_0_nq", "rb3_64_0_nk"), "int8")):
    B, H, Lq = T.int32(), T.int32(), T.int32()
    Hk, Lk = T.int32(), T.int32()
    n_cols = T.int32()
    nnz = T.int32()
    rb3_64_0_nq, rb3_64_0_nk = T.int32(), T.int32()
    T.func_attr({"tirx.noalias": True})
    n_kb: T.let[T.int32] = T.Div(Lk + 63, 64)
    group: T.let[T.int32] = T.Div(H, Hk)
    for t in T.parallel(B * Hk * n_kb):
        task: T.let[T.int32] = ORD[t]
        b: T.let[T.int32] = T.Div(task, Hk * n_kb)
        hk: T.let[T.int32] = T.truncmod(T.Div(task, n_kb), Hk)
        kb: T.let[T.int32] = T.truncmod(task, n_kb)
        k0: T.let[T.int32] = kb * 64
        KTR = T.alloc_buffer((64, 64), annotations={"disable_lower_builtin": T.bool(True)})
        VTR = T.alloc_buffer((64, 64), annotations={"disable_lower_builtin": T.bool(True)})
        DKT = T.alloc_buffer((64, 64), annotations={"disable_lower_builtin": T.bool(True)})
        DVT = T.alloc_buffer((64, 64), annotations={"disable_lower_builtin": T.bool(True)})
        P = T.alloc_buffer((64, 64), annotations={"disable_lower_builtin": T.bool(True)})
        DS = T.alloc_buffer((64, 64), annotations={"disable_lower_builtin": T.bool(True)})
        LR = T.alloc_buffer((64,), annotations={"disable_lower_builtin": T.bool(True)})
        DR = T.alloc_buffer((64,), annotations={"disable_lower_builtin": T.bool(True)})
        for d in range(64):
            for j in T.vectorized(64):
                KTR[d, j] = T.Cast("float32", K[b, hk, T.min(k0 + j, Lk - 1), d]) * scale
                VTR[d, j] = T.Cast("float32", V[b, hk, T.min(k0 + j, Lk - 1), d])
                DKT[d, j] = T.float32(0.0)
                DVT[d, j] = T.float32(0.0)
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
                    buffer = T.alloc_buffer((2, 64), annotations={"disable_lower_builtin": T.bool(True)})
                    buffer_1 = T.alloc_buffer((2, 64), annotations={"disable_lower_builtin": T.bool(True)})
                    for r in T.unroll(2):
                        for i in T.vectorized(64):
                            buffer[r, i] = T.float32(0.0)
                            buffer_1[r, i] = T.float32(0.0)
                    for d in range(64):
                        for r in T.unroll(2):
                            for i in T.vectorized(64):
                                buffer[r, i] = buffer[r, i] + T.Cast("float32", Q[b, h, T.min(q0 + rt * 2 + r, Lq - 1), d]) * KTR[d, i]
                                buffer_1[r, i] = buffer_1[r, i] + T.Cast("float32", DO[b, h, T.min(q0 + rt * 2 + r, Lq - 1), d]) * VTR[d, i]
                    for r in T.unroll(2):
                        for i in T.vectorized(64):
                            P[rt * 2 + r, i] = buffer[r, i]
                            DS[rt * 2 + r, i] = buffer_1[r, i]
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
                            TT[j] = T.Select(q0 + i < Lq and k0 + j < Lk and (T.max((T.min(q0 + i, Lq - 1) + (Lk - Lq)) // 64 - T.min(k0 + j, Lk - 1) // 64, ((T.min(q0 + i, Lq - 1) + (Lk - Lq)) // 64 - T.min(k0 + j, Lk - 1) // 64) * -1) <= 1 or (T.min(q0 + i, Lq - 1) + (Lk - Lq)) // 64 < 2 or T.min(k0 + j, Lk - 1) // 64 < 2 or (T.min(q0 + i, Lq - 1) + (Lk - Lq)) // 64 >= 0 and T.min(k0 + j, Lk - 1) // 64 >= 0 and T.min(k0 + j, Lk - 1) // 64 < rb3_64_0_nk and rb_3_64_0[T.max(T.min(h, H - 1), 0), T.max(T.min((T.min(q0 + i, Lq - 1) + (Lk - Lq)) // 64, rb3_64_0_nq - 1), 0), T.max(T.min(T.min(k0 + j, Lk - 1) // 64, rb3_64_0_nk - 1), 0)] != T.int8(0)), T.Let(T.Let(T.Let(T.Let(T.Select(T.isnan(e2_r), e2_r, T.Select(e2_x < T.float32(-126.0), T.float32(0.0), T.reinterpret("float32", T.reinterpret("int32", (((((T.float32(0.00015353361883195001) * e2_f + T.float32(0.001339887440266574)) * e2_f + T.float32(0.0096184373576746404)) * e2_f + T.float32(0.05550332471162809)) * e2_f + T.float32(0.24022647913630121)) * e2_f + T.float32(0.69314720285504205)) * e2_f + T.float32(1.0)) + (T.Cast("int32", e2_n) << 23)))), where={e2_f: e2_x - e2_n}), where={e2_n: T.floor(e2_x + T.float32(0.5))}), where={e2_x: T.min(T.max(e2_r, T.float32(-127.0)), T.float32(127.0))}), where={e2_r: TT[j]}), T.float32(0.0))
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
                for rt in range(16):
                    buffer = T.alloc_buffer((4, 64), annotations={"disable_lower_builtin": T.bool(True)})
                    buffer_1 = T.alloc_buffer((4, 64), annotations={"disable_lower_builtin": T.bool(True)})
                    for r in T.unroll(4):
                        for i in T.vectorized(64):
                            buffer[r, i] = DVT[rt * 4 + r, i]
                            buffer_1[r, i] = DKT[rt * 4 + r, i]
                    for kk in range(64):
                        for r in T.unroll(4):
                            for i in T.vectorized(64):
                                buffer[r, i] = buffer[r, i] + T.Cast("float32", DO[b, h, T.min(q0 + kk, Lq - 1), rt * 4 + r]) * P[kk, i]
                                buffer_1[r, i] = buffer_1[r, i] + T.Cast("float32", Q[b, h, T.min(q0 + kk, Lq - 1), rt * 4 + r]) * DS[kk, i]
                    for r in T.unroll(4):
                        for i in T.vectorized(64):
                            DVT[rt * 4 + r, i] = buffer[r, i]
                            DKT[rt * 4 + r, i] = buffer_1[r, i]
        for j, d in T.grid(T.min(64, Lk - k0), 64):
            DK[b, hk, k0 + j, d] = T.Cast("float32", DKT[d, j] * scale)
            DV[b, hk, k0 + j, d] = T.Cast("float32", DVT[d, j])