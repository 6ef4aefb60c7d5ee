using EvalHarness.Core.Scoring.Filters;

namespace EvalHarness.Core.Scoring;

/// <summary>One metric's value for one sample, with the answer it was computed from.</summary>
/// <param name="Metric">e.g. <c>exact_match,strict-match</c>, <c>acc</c>, <c>acc_norm</c>.</param>
/// <param name="ExtractedAnswer">The answer after filtering (<c>[invalid]</c> when extraction failed), or the
/// chosen choice index for loglikelihood scoring.</param>
/// <param name="Flags">What this metric's extraction ran into (another metric of the same sample may have fared better).</param>
/// <param name="Weight">How many units <paramref name="Value"/> is the mean of, when a sample holds several (IFEval's
/// instruction-level accuracy: the prompt's instruction count, with the share followed as the value). Aggregation
/// is then the ratio Σ value·weight / Σ weight, a micro-average over the units, with a standard error clustered by
/// sample (<see cref="EvalHarness.Core.Metrics.RatioStatistics"/>). 1 for an ordinary per-sample metric.</param>
public sealed record MetricScore(string Metric, double Value, string? ExtractedAnswer, AnswerFlags Flags = AnswerFlags.None, double Weight = 1.0);

/// <summary>
/// The scores of one sample. <see cref="Flags"/> says what went wrong (truncated, thinking never closed, no
/// answer found) so that reports can count such samples instead of silently scoring them.
/// </summary>
public sealed record SampleScore(IReadOnlyList<MetricScore> Values, AnswerFlags Flags = AnswerFlags.None, string? Reasoning = null)
{
    public bool Truncated => (Flags & AnswerFlags.Truncated) != 0;

    /// <summary>The first metric's extracted answer (scorers list their headline metric first).</summary>
    public string? ExtractedAnswer => Values.Count > 0 ? Values[0].ExtractedAnswer : null;

    public double this[string metric] => ScoreOf(metric).Value;

    /// <summary>The named metric's whole score (value, weight, extracted answer, flags).</summary>
    public MetricScore ScoreOf(string metric) =>
        Values.FirstOrDefault(v => v.Metric == metric)
        ?? throw new KeyNotFoundException($"This sample has no metric '{metric}'.");
}
