using EvalHarness.Gguf.Format;

namespace EvalHarness.Gguf.Summary;

/// <summary>How much of a model is stored in one ggml type.</summary>
public sealed record QuantizationMixEntry(GgmlType Type, int TensorCount, long Parameters, long Bytes)
{
    public double BitsPerWeight => Parameters == 0 ? 0 : Bytes * 8.0 / Parameters;
}
