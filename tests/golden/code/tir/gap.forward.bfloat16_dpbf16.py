# from tvm.script import tirx as T
# from tvm.tirx.layout import Axis

@T.prim_func
def forward(Q: T.Buffer(("B", "H", "Lq", 32), "bfloat16", strides=("Q_s0", "Q_s1", "Q_s2", 1)), K: T.Buffer((B, "Hk", "Lk", 32), "bfloat16", strides=("K_s0", "K_s1", "K_s2", 1)), V: T.Buffer((B, Hk, Lk, 32), "bfloat16", strides=("V_s0", "V_s1", "V_s2", 1)), O: T.Buffer((B, H, Lq, 32), "bfloat16", strides=("O_s0", "O_s1", "O_s2", 1)), LSE: T.Buffer((B, H, Lq), "float32"), HC: T.Buffer((B, H), "int32"), RP: T.Buffer(("n_rows",), "int64"), CI: T.Buffer(("nnz",), "int32"), FL: T.Buffer((nnz,), "uint8"), ORD: T.Buffer((B * H * ((Lq + 63) // 64),), "int32"), scale: T.float32):
    B, H, Lq = T.int32(), T.int32(), T.int32()
    Hk, Lk = T.int32(), T.int32()
    n_rows = T.int32()
    nnz = T.int32()
    T.func_attr({"spdsl.dpbf16": True, "tirx.noalias": True})
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
        qs: T.let[T.float32] = scale * T.float32(1.4426950408889634)
        QP = T.alloc_buffer((16, 64), "int32", annotations={"disable_lower_builtin": T.bool(True)})
        PP = T.alloc_buffer((32, 64), "int32", annotations={"disable_lower_builtin": T.bool(True)})
        VP = T.alloc_buffer((32, 32), "int32", annotations={"disable_lower_builtin": T.bool(True)})
        OT = T.alloc_buffer((32, 64), annotations={"disable_lower_builtin": T.bool(True)})
        S = T.alloc_buffer((64, 64), annotations={"disable_lower_builtin": T.bool(True)})
        M = T.alloc_buffer((64,), annotations={"disable_lower_builtin": T.bool(True)})
        MU = T.alloc_buffer((64,), annotations={"disable_lower_builtin": T.bool(True)})
        MX = T.alloc_buffer((64,), annotations={"disable_lower_builtin": T.bool(True)})
        AL = T.alloc_buffer((64,), annotations={"disable_lower_builtin": T.bool(True)})
        LS = T.alloc_buffer((64,), annotations={"disable_lower_builtin": T.bool(True)})
        for d in range(32):
            for i in T.vectorized(64):
                OT[d, i] = T.float32(0.0)
        for i in T.vectorized(64):
            M[i] = T.float32("-inf")
            LS[i] = T.float32(0.0)
        for i, d2 in T.grid(64, 16):
            QP[d2, i] = T.reinterpret("int32", Q[b, h, T.min(q0 + i, Lq - 1), T.Ramp(2 * d2, 1, 2)])
        for j in range(rbeg, rbeg + (rend - rbeg)):
            k0: T.let[T.int32] = CI[j] * 64
            for rt in range(16):
                A = T.alloc_buffer((4, 64), annotations={"disable_lower_builtin": T.bool(True)})
                for r in T.unroll(4):
                    for i in T.vectorized(64):
                        A[r, i] = T.float32(0.0)
                for d2 in range(16):
                    for r in T.unroll(4):
                        row_1: T.let[T.int32] = T.min(k0 + rt * 4 + r, Lk - 1)
                        word: T.let[T.int32] = T.reinterpret("int32", K[b, hk, row_1, T.Ramp(2 * d2, 1, 2)])
                        for v in T.unroll(4):
                            A[r, v * 16:v * 16 + 16] = T.call_pure_extern("float32x16", "spdsl_dpbf16ps", A[r, T.Ramp(v * 16, 1, 16)], T.Broadcast(word, 16), QP[d2, T.Ramp(v * 16, 1, 16)])
                for r in T.unroll(4):
                    for i in T.vectorized(64):
                        S[rt * 4 + r, i] = A[r, i] * qs
            if FL[j] == T.uint8(0):
                for r in range(64):
                    for i in T.vectorized(64):
                        S[r, i] = T.Select(k0 + r < Lk and (T.min(k0 + r, Lk - 1) < T.min(q0 + i, Lq - 1) + (Lk - Lq) - 70 and (T.min(q0 + i, Lq - 1) + (Lk - Lq) < 150 or T.min(k0 + r, Lk - 1) % 3 != 1)), S[r, i], T.float32("-inf"))
            else:
                if k0 + 64 > Lk:
                    for r in range(64):
                        for i in T.vectorized(64):
                            S[r, i] = T.Select(k0 + r < Lk, S[r, i], T.float32("-inf"))
                else:
                    T.evaluate(0)
            for i in T.vectorized(64):
                MX[i] = M[i]
            for r in range(64):
                for i in T.vectorized(64):
                    MX[i] = T.max(MX[i], S[r, i])
            for i in T.vectorized(64):
                MU[i] = T.Select(MX[i] == T.float32("-inf"), T.float32(0.0), MX[i])
                e2_r = T.float32()
                e2_x = T.float32()
                e2_n = T.float32()
                e2_f = T.float32()
                AL[i] = T.Let(T.Let(T.Let(T.Let(T.Select(T.isnan(e2_r), e2_r, T.Select(e2_x < T.float32(-126.0), T.float32(0.0), T.reinterpret("float32", T.reinterpret("int32", (((((T.float32(0.00015353361883195001) * e2_f + T.float32(0.001339887440266574)) * e2_f + T.float32(0.0096184373576746404)) * e2_f + T.float32(0.05550332471162809)) * e2_f + T.float32(0.24022647913630121)) * e2_f + T.float32(0.69314720285504205)) * e2_f + T.float32(1.0)) + (T.Cast("int32", e2_n) << 23)))), where={e2_f: e2_x - e2_n}), where={e2_n: T.floor(e2_x + T.float32(0.5))}), where={e2_x: T.min(T.max(e2_r, T.float32(-127.0)), T.float32(127.0))}), where={e2_r: M[i] - MU[i]})
                M[i] = MX[i]
                LS[i] = LS[i] * AL[i]
            for r in range(64):
                for i in T.vectorized(64):
                    e2_r = T.float32()
                    e2_x = T.float32()
                    e2_n = T.float32()
                    e2_f = T.float32()
                    S[r, i] = T.Let(T.Let(T.Let(T.Let(T.Select(T.isnan(e2_r), e2_r, T.Select(e2_x < T.float32(-126.0), T.float32(0.0), T.reinterpret("float32", T.reinterpret("int32", (((((T.float32(0.00015353361883195001) * e2_f + T.float32(0.001339887440266574)) * e2_f + T.float32(0.0096184373576746404)) * e2_f + T.float32(0.05550332471162809)) * e2_f + T.float32(0.24022647913630121)) * e2_f + T.float32(0.69314720285504205)) * e2_f + T.float32(1.0)) + (T.Cast("int32", e2_n) << 23)))), where={e2_f: e2_x - e2_n}), where={e2_n: T.floor(e2_x + T.float32(0.5))}), where={e2_x: T.min(T.max(e2_r, T.float32(-127.0)), T.float32(127.0))}), where={e2_r: S[r, i] - MU[i]})
                    LS[i] = LS[i] + S[r, i]
            for k2 in range(32):
                for i in T.vectorized(64):
                    PP[k2, i] = T.reinterpret("int32", T.reinterpret("uint32", S[2 * k2, i]) + T.uint32(32767) + (T.reinterpret("uint32", S[2 * k2, i]) >> T.uint32(16) & T.uint32(1)) >> T.uint32(16) | T.reinterpret("uint32", S[2 * k2 + 1, i]) + T.uint32(32767) + (T.reinterpret("uint32", S[2 * k2 + 1, i]) >> T.uint32(16) & T.uint32(1)) & T.uint32(4294901760))
            for k2 in range(32):
                for d in T.vectorized(32):
                    VP[k2, d] = T.reinterpret("int32", T.Cast("uint32", T.reinterpret("uint16", V[b, hk, T.min(k0 + 2 * k2, Lk - 1), d])) | T.Cast("uint32", T.reinterpret("uint16", V[b, hk, T.min(k0 + (2 * k2 + 1), Lk - 1), d])) << T.uint32(16))
            for dt in range(8):
                A = T.alloc_buffer((4, 64), annotations={"disable_lower_builtin": T.bool(True)})
                for r in T.unroll(4):
                    for i in T.vectorized(64):
                        A[r, i] = OT[dt * 4 + r, i] * AL[i]
                for k2 in range(32):
                    for r in T.unroll(4):
                        for v in T.unroll(4):
                            A[r, v * 16:v * 16 + 16] = T.call_pure_extern("float32x16", "spdsl_dpbf16ps", A[r, T.Ramp(v * 16, 1, 16)], T.Broadcast(VP[k2, dt * 4 + r], 16), PP[k2, T.Ramp(v * 16, 1, 16)])
                for r in T.unroll(4):
                    for i in T.vectorized(64):
                        OT[dt * 4 + r, i] = A[r, i]
        for i in range(T.min(64, Lq - q0)):
            l: T.let[T.float32] = LS[i]
            inv: T.let[T.float32] = T.Select(l == T.float32(0.0), T.float32(0.0), T.float32(1.0) / l)
            for d in range(32):
                O[b, h, q0 + i, d] = T.Cast("bfloat16", OT[d, i] * inv)
            LSE[b, h, q0 + i] = T.Select(l == T.float32(0.0), T.float32("-inf"), (M[i] + T.log2(l)) * T.float32(0.69314718055994529))