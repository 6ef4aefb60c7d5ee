using System.Numerics.Tensors;

namespace EvalHarness.Llama.Engine;

/// <summary>Log-softmax of one logit row, evaluated only at the tokens that are scored.</summary>
internal sealed class TokenLogProbabilities
{
    private float[] _scratch = [];

    /// <summary>log p(token) under softmax(logits), and whether token is the argmax (first index on ties).</summary>
    public (double LogProbability, bool IsArgmax) Score(ReadOnlySpan<float> logits, int token)
    {
        if (_scratch.Length < logits.Length) _scratch = new float[logits.Length];
        var scratch = _scratch.AsSpan(0, logits.Length);
        var max = TensorPrimitives.Max(logits);
        TensorPrimitives.Subtract(logits, max, scratch);
        TensorPrimitives.Exp(scratch, scratch);
        // Sum in double: over a 100k-token vocabulary a float sum loses digits that loglikelihood comparisons need.
        double sum = 0;
        foreach (var value in scratch) sum += value;
        var logProbability = (double)logits[token] - max - Math.Log(sum);
        return (logProbability, TensorPrimitives.IndexOfMax(logits) == token);
    }
}
