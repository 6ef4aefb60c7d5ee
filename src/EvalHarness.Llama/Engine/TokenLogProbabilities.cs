using System.Numerics.Tensors;

namespace EvalHarness.Llama.Engine;

/// <summary>
/// Log-softmax of one logit row, evaluated only at the tokens that are scored. The row's normaliser and argmax are
/// computed once and reused for every token scored against the same row (the choices of a question share one).
/// </summary>
internal sealed class TokenLogProbabilities
{
    private const int SumBlock = 1024;

    private float[] _scratch = [];

    /// <summary>log Σ exp(logits) and the first index of the maximum.</summary>
    public (double LogSumExp, int Argmax) Normalise(ReadOnlySpan<float> logits)
    {
        if (_scratch.Length < logits.Length) _scratch = new float[logits.Length];
        var scratch = _scratch.AsSpan(0, logits.Length);
        var argmax = TensorPrimitives.IndexOfMax(logits);
        var max = logits[argmax];
        TensorPrimitives.Subtract(logits, max, scratch);
        TensorPrimitives.Exp(scratch, scratch);
        // Vectorised float sums of short blocks, added up in double: over a 100k-token vocabulary one float sum loses
        // digits that loglikelihood comparisons need, and a scalar double loop costs more than the exponentials.
        double sum = 0;
        for (var start = 0; start < scratch.Length; start += SumBlock)
        {
            sum += TensorPrimitives.Sum<float>(scratch.Slice(start, Math.Min(SumBlock, scratch.Length - start)));
        }
        return (max + Math.Log(sum), argmax);
    }
}
