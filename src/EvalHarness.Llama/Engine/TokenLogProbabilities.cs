using System.Numerics.Tensors;

namespace EvalHarness.Llama.Engine;

/// <summary>
/// Log-softmax of one logit row, evaluated only at the tokens that are scored. The row's normaliser and argmax are
/// computed once and reused for every token scored against the same row (the choices of a question share one).
/// </summary>
internal sealed class TokenLogProbabilities
{
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
        // Sum in double: over a 100k-token vocabulary a float sum loses digits that loglikelihood comparisons need.
        double sum = 0;
        foreach (var value in scratch) sum += value;
        return (max + Math.Log(sum), argmax);
    }
}
