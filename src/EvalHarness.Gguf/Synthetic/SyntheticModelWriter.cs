using EvalHarness.Gguf.Format;
using EvalHarness.Gguf.Writing;

namespace EvalHarness.Gguf.Synthetic;

/// <summary>
/// Random-weight llama models of any shape and weight type, for engine tests and throughput benchmarks: random
/// weights cost the same compute as trained ones. Weights are N(0, 0.02) (the usual initialisation, which keeps
/// activations and logits in a sane range), norms are 1.0 and stay F32 like in converted models. Deterministic
/// for a seed, and streamed: one row at a time is in memory, whatever the model size.
/// </summary>
public static class SyntheticModelWriter
{
    public const float WeightStandardDeviation = 0.02f;

    public static void WriteRandom(string path, LlamaModelShape shape, GgmlType tensorType, int seed, string? name = null, string? chatTemplate = null)
    {
        var writer = CreateRandom(shape, tensorType, seed, name, chatTemplate);
        writer.WriteTo(path);
    }

    /// <summary>The declared (not yet written) model, for callers that want to add metadata or stream elsewhere.</summary>
    public static GgufWriter CreateRandom(LlamaModelShape shape, GgmlType tensorType, int seed, string? name = null, string? chatTemplate = null)
    {
        shape.Validate();
        if (!TensorEncoder.CanEncode(tensorType)) throw new ArgumentException($"cannot write {tensorType} weights; use one of {string.Join(", ", TensorEncoder.EncodableTypes)}", nameof(tensorType));
        var block = GgmlTypeInfo.Of(tensorType).BlockSize;
        if (shape.EmbeddingWidth % block != 0 || shape.FeedForwardWidth % block != 0)
        {
            throw new ArgumentException($"{tensorType} needs embedding and FFN widths that are multiples of {block}");
        }
        var vocabulary = SyntheticVocabulary.Build(shape.VocabularySize);
        var writer = new GgufWriter();
        LlamaMetadata.Add(writer.Metadata, shape, vocabulary, name ?? $"synthetic-llama-{shape.ParameterCount / 1_000_000}M-{tensorType}", tensorType, chatTemplate);
        var index = 0;
        foreach (var tensor in LlamaTensorLayout.For(shape))
        {
            var tensorIndex = index++;
            if (tensor.IsNorm)
            {
                writer.AddTensor(tensor.Name, tensor.Dimensions, GgmlType.F32, data => WriteConstantRows(data, 1.0f));
            }
            else
            {
                writer.AddTensor(tensor.Name, tensor.Dimensions, tensorType, data => WriteNoiseRows(data, GaussianNoise.ForTensor(seed, tensorIndex)));
            }
        }
        return writer;
    }

    private static void WriteNoiseRows(TensorDataWriter data, GaussianNoise noise)
    {
        var row = new float[data.RowLength];
        for (long r = 0; r < data.RowCount; r++)
        {
            noise.Fill(row, WeightStandardDeviation);
            data.WriteRow(row);
        }
    }

    internal static void WriteConstantRows(TensorDataWriter data, float value)
    {
        var row = new float[data.RowLength];
        Array.Fill(row, value);
        for (long r = 0; r < data.RowCount; r++) data.WriteRow(row);
    }
}
