using EvalHarness.Core.Scoring;
using EvalHarness.Core.Scoring.Filters;

namespace EvalHarness.Core.Metrics;

/// <summary>
/// Mean ± SE (a ratio of sums for weighted metrics, <see cref="RatioStatistics"/>) of every metric over a task's sample scores, with the counts of flagged samples so that a report
/// can say "12 truncated, 3 with no answer" next to the number they lowered.
/// </summary>
public sealed record ScoreSummary(
    IReadOnlyList<MetricValue> Metrics, int Samples, int Truncated, int ThinkingUnterminated, int NoAnswerFound)
{
    public static ScoreSummary From(IReadOnlyList<SampleScore> scores)
    {
        MeanStatistics.RequireSome(scores);
        var names = scores[0].Values.Select(v => v.Metric).ToArray();
        var metrics = names.Select(name =>
        {
            var values = scores.Select(s => s.ScoreOf(name)).ToArray();
            return RatioStatistics.MeanOrRatio(name, values.Select(v => v.Value).ToArray(), values.Select(v => v.Weight).ToArray());
        }).ToArray();
        return new ScoreSummary(
            metrics,
            scores.Count,
            scores.Count(s => (s.Flags & AnswerFlags.Truncated) != 0),
            scores.Count(s => (s.Flags & AnswerFlags.ThinkingUnterminated) != 0),
            scores.Count(s => s.Values.Count > 0 && (s.Values[0].Flags & AnswerFlags.NoMatch) != 0));
    }

    public MetricValue this[string metric] =>
        Metrics.FirstOrDefault(m => m.Name == metric)
        ?? throw new KeyNotFoundException($"No metric '{metric}' in this summary.");
}
