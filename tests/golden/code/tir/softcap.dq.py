# from tvm.script import tirx as T
# from tvm.tirx.layout import Axis

@T.prim_func
def dq(Q: T.Buffer(("B", "H", "Lq", 64), "float32", strides=("Q_s0", "Q_s1", "Q_s2", 1)), K: T.Buffer((B, "Hk", "Lk", 64), "float32", strides=("K_s0", "K_s1", "K_s2", 1)), V: T.Buffer((B, Hk, Lk, 64), "float32", strides=("V_s0", "V_s1", "V_s2", 1)), O: T.Buffer((B, H, Lq, 64), "float32", strides=("O_s0", "O_s1", "O_s2", 1)), DO: T.Buffer((B, H, Lq, 64), "float32", strides=("DO_s0", "DO_s1", "DO_s2", 1)), LSE: T.Buffer((B, H, Lq), "float32"), DLSE: T.Buffer((B, H, Lq), "float32"), DQ: T.Buffer((B, H, Lq, 64), "float32", strides=("DQ_s0", "DQ_s1", "DQ_s2", 1)), DELTA: T.Buffer((B, H, Lq), "float32"), HC: T.Buffer((B, H), "int32"), RP: T.Buffer(("n_rows",), "int64"), CI: T.Buffer(("nnz",), "int32"), FL: T.Buffer((nnz,), "uint8"), ORD: T.Buffer((B * H * ((Lq + 63) // 64),), "int32"), scale: T.float32):
    B, H, Lq = T.int32(), T.int32(), T.int32()
    Hk, Lk = T.int32(), T.int32()
    n_rows = T.int32()
    nnz = T.int32()
    T.func_attr({"tirx.noalias": True})
    n_qb: T.let[T.int32] = T.Div(Lq + 63, 64)
    group: T.let[T.int32] = T.Div(H, Hk)
    for t in T.parallel(B * H * n_qb):
        task: T.let[T.int32] = ORD[t]
        b: T.let[T.int32] = T.Div(task, H * n_qb)
        h: T.let[T.int32] = T.truncmod(T.Div(task, n_qb), H)
        qb: T.let[T.int32] = T.truncmod(task, n_qb)
        hk: T.let[T.int32] = T.Div(h, group)
        q0: T.let[T.int32] = qb * 64
        row: T.let[T.int32] = HC[b, h] * (n_qb + 1) + qb
        rbeg: T.let[T.int32] = T.Cast("int32", RP[row])
        rend: T.let[T.int32] = T.Cast("int32", RP[row + 1])
        QT = T.alloc_buffer((64, 64), annotations={"disable_lower_builtin": T.bool(True)})
        DOT = T.alloc_buffer((64, 64), annotations={"disable_lower_builtin": T.bool(True)})
        DQT = T.alloc_buffer((64, 64), annotations={"disable_lower_builtin": T.bool(True)})
        S = T.alloc_buffer((64, 64), annotations={"disable_lower_builtin": T.bool(True)})
        DP = T.alloc_buffer((64, 64), annotations={"disable_lower_builtin": T.bool(True)})
        LR = T.alloc_buffer((64,), annotations={"disable_lower_builtin": T.bool(True)})
        DR = T.alloc_buffer((64,), annotations={"disable_lower_builtin": T.bool(True)})
        for i in range(64):
            LR[i] = LSE[b, h, T.min(q0 + i, Lq - 1)] * T.float32(1.4426950408889634)
            LR[i] = T.Select(LR[i] == T.float32("-inf"), T.float32("inf"), LR[i])
            DR[i] = T.Select(LSE[b, h, T.min(q0 + i, Lq - 1)] == T.float32("-inf"), T.float32(0.0), T.float32(0.0) - DLSE[b, h, T.min(q0 + i, Lq - 1)])
            for d in range(64):
                QT[d, i] = T.Cast("float32", Q[b, h, T.min(q0 + i, Lq - 1), d]) * scale
                DOT[d, i] = T.Cast("float32", DO[b, h, T.min(q0 + i, Lq - 1), d])
                DR[i] = DR[i] + DOT[d, i] * T.Cast("float32", O[b, h, T.min(q0 + i, Lq - 1), d])
                DQT[d, i] = T.float32(0.0)
        for j in range(rbeg, rbeg + (rend - rbeg)):
            k0: T.let[T.int32] = CI[j] * 64
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
                            buffer[r, i] = buffer[r, i] + T.Cast("float32", K[b, hk, T.min(k0 + rt * 2 + r, Lk - 1), d]) * QT[d, i]
                            buffer_1[r, i] = buffer_1[r, i] + T.Cast("float32", V[b, hk, T.min(k0 + rt * 2 + r, Lk - 1), d]) * DOT[d, i]
                for r in T.unroll(2):
                    for i in T.vectorized(64):
                        S[rt * 2 + r, i] = buffer[r, i]
                        DP[rt * 2 + r, i] = buffer_1[r, i]
            if FL[j] == T.uint8(0):
                TT = T.alloc_buffer((64,), annotations={"disable_lower_builtin": T.bool(True)})
                for r in range(64):
                    for l in T.vectorized(64):
                        TT[l] = T.float32(30.0) * T.tanh(S[r, l] / T.float32(30.0)) * T.float32(1.4426950408889634) - LR[l]
                    for i in T.vectorized(64):
                        e2_r = T.float32()
                        e2_x = T.float32()
                        e2_n = T.float32()
                        e2_f = T.float32()
                        p = T.float32()
                        S[r, i] = T.Select(T.And(q0 + i < Lq and k0 + r < Lk, T.bool(True)), T.Let(T.Select(p == T.float32(0.0), T.float32(0.0), p * (DP[r, i] - DR[i]) * (T.float32(30.0) * ((T.float32(1.0) - T.tanh(S[r, i] / T.float32(30.0)) * T.tanh(S[r, i] / T.float32(30.0))) * T.float32(0.033333335071802139)))), where={p: T.Let(T.Let(T.Let(T.Let(T.Select(T.isnan(e2_r), e2_r, T.Select(e2_x < T.float32(-126.0), T.float32(0.0), T.reinterpret("float32", T.reinterpret("int32", (((((T.float32(0.00015353361883195001) * e2_f + T.float32(0.001339887440266574)) * e2_f + T.float32(0.0096184373576746404)) * e2_f + T.float32(0.05550332471162809)) * e2_f + T.float32(0.24022647913630121)) * e2_f + T.float32(0.69314720285504205)) * e2_f + T.float32(1.0)) + (T.Cast("int32", e2_n) << 23)))), where={e2_f: e2_x - e2_n}), where={e2_n: T.floor(e2_x + T.float32(0.5))}), where={e2_x: T.min(T.max(e2_r, T.float32(-127.0)), T.float32(127.0))}), where={e2_r: TT[i]})}), T.float32(0.0))
            else:
                if k0 + 64 > Lk or q0 + 64 > Lq:
                    TT = T.alloc_buffer((64,), annotations={"disable_lower_builtin": T.bool(True)})
                    for r in range(64):
                        for l in T.vectorized(64):
                            TT[l] = T.float32(30.0) * T.tanh(S[r, l] / T.float32(30.0)) * T.float32(1.4426950408889634) - LR[l]
                        for i in T.vectorized(64):
                            e2_r = T.float32()
                            e2_x = T.float32()
                            e2_n = T.float32()
                            e2_f = T.float32()
                            p = T.float32()
                            S[r, i] = T.Select(q0 + i < Lq and k0 + r < Lk, T.Let(T.Select(p == T.float32(0.0), T.float32(0.0), p * (DP[r, i] - DR[i]) * (T.float32(30.0) * ((T.float32(1.0) - T.tanh(S[r, i] / T.float32(30.0)) * T.tanh(S[r, i] / T.float32(30.0))) * T.float32(0.033333335071802139)))), where={p: T.Let(T.Let(T.Let(T.Let(T.Select(T.isnan(e2_r), e2_r, T.Select(e2_x < T.float32(-126.0), T.float32(0.0), T.reinterpret("float32", T.reinterpret("int32", (((((T.float32(0.00015353361883195001) * e2_f + T.float32(0.001339887440266574)) * e2_f + T.float32(0.0096184373576746404)) * e2_f + T.float32(0.05550332471162809)) * e2_f + T.float32(0.24022647913630121)) * e2_f + T.float32(0.69314720285504205)) * e2_f + T.float32(1.0)) + (T.Cast("int32", e2_n) << 23)))), where={e2_f: e2_x - e2_n}), where={e2_n: T.floor(e2_x + T.float32(0.5))}), where={e2_x: T.min(T.max(e2_r, T.float32(-127.0)), T.float32(127.0))}), where={e2_r: TT[i]})}), T.float32(0.0))
                else:
                    TT = T.alloc_buffer((64,), annotations={"disable_lower_builtin": T.bool(True)})
                    for r in range(64):
                        for l in T.vectorized(64):
                            TT[l] = T.float32(30.0) * T.tanh(S[r, l] / T.float32(30.0)) * T.float32(1.4426950408889634) - LR[l]
                        for i in T.vectorized(64):
                            e2_r = T.float32()
                            e2_x = T.float32()
                            e2_n = T.float32()
                            e2_f = T.float32()
                            p = T.float32()
                            S[r, i] = T.Select(T.bool(True), T.Let(T.Select(p == T.float32(0.0), T.float32(0.0), p * (DP[r, i] - DR[i]) * (T.float32(30.0) * ((T.float32(1.0) - T.tanh(S[r, i] / T.float32(30.0)) * T.tanh(S[r, i] / T.float32(30.0))) * T.float32(0.033333335071802139)))), where={p: T.Let(T.Let(T.Let(T.Let(T.Select(T.isnan(e2_r), e2_r, T.Select(e2_x < T.float32(-126.0), T.float32(0.0), T.reinterpret("float32", T.reinterpret("int32", (((((T.float32(0.00015353361883195001) * e2_f + T.float32(0.001339887440266574)) * e2_f + T.float32(0.0096184373576746404)) * e2_f + T.float32(0.05550332471162809)) * e2_f + T.float32(0.24022647913630121)) * e2_f + T.float32(0.69314720285504205)) * e2_f + T.float32(1.0)) + (T.Cast("int32", e2_n) << 23)))), where={e2_f: e2_x - e2_n}), where={e2_n: T.floor(e2_x + T.float32(0.5))}), where={e2_x: T.min(T.max(e2_r, T.float32(-127.0)), T.float32(127.0))}), where={e2_r: TT[i]})}), T.float32(0.0))
            for rt in range(16):
                buffer = T.alloc_buffer((4, 64), annotations={"disable_lower_builtin": T.bool(True)})
                for r in T.unroll(4):
                    for i in T.vectorized(64):
                        buffer[r, i] = DQT[rt * 4 + r, i]
                for kk in range(64):
                    for r in T.unroll(4):
                        for i in T.vectorized(64):
                            buffer[r, i] = buffer[r, i] + T.Cast("float32", K[b, hk, T.min(k0 + kk, Lk - 1), rt * 4 + r]) * S[kk, i]
                for r in T.unroll(4):
                    for i in T.vectorized(64):
                        DQT[rt * 4 + r, i] = buffer[r, i]
        for i in range(T.min(64, Lq - q0)):
            DELTA[b, h, q0 + i] = DR[i]
            for d in range(64):
                DQ[b, h, q0 + i, d] = T.Cast("float32", DQT[d, i] * scale)