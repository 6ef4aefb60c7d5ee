using EvalHarness.Core.Scoring.Filters;

namespace EvalHarness.Core.Scoring;

/// <summary>One metric's value for one sample, with the answer it was computed from.</summary>
/// <param name="Metric">e.g. <c>exact_match,strict-match</c>, <c>acc</c>, <c>acc_norm</c>.</param>
/// <param name="ExtractedAnswer">The answer after filtering (<c>[invalid]</c> when extraction failed), or the
/// chosen choice index for loglikelihood scoring.</param>
/// <param name="Flags">What this metric's extraction ran into (another metric of the same sample may have fared better).</param>
public sealed record MetricScore(string Metric, double Value, string? ExtractedAnswer, AnswerFlags Flags = AnswerFlags.None);

/// <summary>
/// The scores of one sample. <see cref="Flags"/> says what went wrong (truncated, thinking never closed, no
/// answer found) so that reports can count such samples instead of silently scoring them.
/// </summary>
public sealed record SampleScore(IReadOnlyList<MetricScore> Values, AnswerFlags Flags = AnswerFlags.None, string? Reasoning = null)
{
    public bool Truncated => (Flags & AnswerFlags.Truncated) != 0;

    /// <summary>The first metric's extracted answer (scorers list their headline metric first).</summary>
    public string? ExtractedAnswer => Values.Count > 0 ? Values[0].ExtractedAnswer : null;

    public double this[string metric] =>
        Values.FirstOrDefault(v => v.Metric == metric)?.Value
        ?? throw new KeyNotFoundException($"This sample has no metric '{metric}'.");
}
