namespace EvalHarness.Core.Inference;

/// <summary>The score of one continuation.</summary>
/// <param name="LogProbability">Sum of the continuation tokens' natural-log probabilities.</param>
/// <param name="IsGreedy">Every continuation token was the argmax at its position.</param>
/// <param name="TokenLogProbabilities">One entry per continuation token.</param>
/// <param name="ContextTokenCount">Context tokens actually fed (after any truncation).</param>
/// <param name="ContextTruncated">The context was cut from the left to fit the context window.</param>
public sealed record LoglikelihoodResult(
    double LogProbability,
    bool IsGreedy,
    IReadOnlyList<double> TokenLogProbabilities,
    int ContextTokenCount,
    bool ContextTruncated)
{
    public int ContinuationTokenCount => TokenLogProbabilities.Count;
}
