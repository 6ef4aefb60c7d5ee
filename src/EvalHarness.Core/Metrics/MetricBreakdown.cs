namespace EvalHarness.Core.Metrics;

/// <summary>
/// A metric split by a key (MMLU subject, MMLU-Pro category, RULER length).
/// <see cref="Overall"/> is the mean ± SE over all samples directly; <see cref="Micro"/> the size-weighted
/// mean of the groups with lm-eval's pooled SE (same value, slightly different SE); <see cref="Macro"/> the
/// unweighted mean of the groups.
/// </summary>
public sealed record MetricBreakdown(
    MetricValue Overall,
    MetricValue Micro,
    MetricValue Macro,
    IReadOnlyDictionary<string, MetricValue> Groups)
{
    public static MetricBreakdown By<T>(string name, IEnumerable<T> samples, Func<T, string> key, Func<T, double> value)
    {
        var list = samples.ToList();
        var groups = list
            .GroupBy(key, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => MeanStatistics.Of(name, g.Select(value).ToArray()), StringComparer.Ordinal);
        var groupValues = groups.Values.ToArray();
        return new MetricBreakdown(
            MeanStatistics.Of(name, list.Select(value).ToArray()),
            GroupAggregation.Micro(name, groupValues),
            GroupAggregation.Macro(name, groupValues),
            groups);
    }
}
