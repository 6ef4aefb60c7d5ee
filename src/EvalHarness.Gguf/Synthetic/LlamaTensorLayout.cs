namespace EvalHarness.Gguf.Synthetic;

/// <summary>One tensor of a llama model: its GGUF name, ggml dimensions (ne0 = row length) and whether it is a norm.</summary>
public sealed record LlamaTensorSpec(string Name, long[] Dimensions, bool IsNorm);

/// <summary>
/// The tensors llama.cpp v0.5.0 creates for arch "llama" without experts (src/models/llama.cpp,
/// load_arch_tensors): token_embd {n_embd, n_vocab}, output_norm {n_embd}, output {n_embd, n_vocab}, and per layer
/// attn_norm {n_embd}, attn_q {n_embd, n_embd}, attn_k / attn_v {n_embd, n_embd_kv}, attn_output {n_embd, n_embd},
/// ffn_norm {n_embd}, ffn_gate / ffn_up {n_embd, n_ff}, ffn_down {n_ff, n_embd}. Listed in converter order.
/// </summary>
public static class LlamaTensorLayout
{
    public static IEnumerable<LlamaTensorSpec> For(LlamaModelShape shape)
    {
        long embd = shape.EmbeddingWidth, vocab = shape.VocabularySize, kv = shape.KvWidth, ff = shape.FeedForwardWidth;
        yield return new("token_embd.weight", [embd, vocab], false);
        for (var layer = 0; layer < shape.Layers; layer++)
        {
            var p = $"blk.{layer}.";
            yield return new(p + "attn_norm.weight", [embd], true);
            yield return new(p + "attn_q.weight", [embd, embd], false);
            yield return new(p + "attn_k.weight", [embd, kv], false);
            yield return new(p + "attn_v.weight", [embd, kv], false);
            yield return new(p + "attn_output.weight", [embd, embd], false);
            yield return new(p + "ffn_norm.weight", [embd], true);
            yield return new(p + "ffn_gate.weight", [embd, ff], false);
            yield return new(p + "ffn_up.weight", [embd, ff], false);
            yield return new(p + "ffn_down.weight", [ff, embd], false);
        }
        yield return new("output_norm.weight", [embd], true);
        yield return new("output.weight", [embd, vocab], false);
    }
}
