namespace EvalHarness.Core.Metrics;

/// <summary>
/// A metric split by a key (MMLU subject, MMLU-Pro category, RULER length).
/// <see cref="Overall"/> is the mean ± SE over all samples directly; <see cref="Micro"/> the size-weighted
/// mean of the groups with lm-eval's pooled SE (same value, slightly different SE); <see cref="Macro"/> the
/// unweighted mean of the groups.
/// For a weighted metric (<see cref="RatioStatistics"/>: units nested in samples) groups and overall are ratios of
/// sums, and the micro value — every unit of every group counted once — is the overall ratio with its clustered SE.
/// </summary>
public sealed record MetricBreakdown(
    MetricValue Overall,
    MetricValue Micro,
    MetricValue Macro,
    IReadOnlyDictionary<string, MetricValue> Groups)
{
    /// <param name="weight">Each sample's weight (units behind its value); null = 1 for every sample.</param>
    public static MetricBreakdown By<T>(string name, IEnumerable<T> samples, Func<T, string> key, Func<T, double> value, Func<T, double>? weight = null)
    {
        var list = samples.ToList();
        var weightOf = weight ?? (_ => 1.0);
        var weighted = list.Any(s => weightOf(s) != 1.0);
        MetricValue Aggregate(IEnumerable<T> part)
        {
            var items = part.ToArray();
            return RatioStatistics.MeanOrRatio(name, items.Select(value).ToArray(), items.Select(weightOf).ToArray());
        }

        var groups = list
            .GroupBy(key, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => Aggregate(g), StringComparer.Ordinal);
        var groupValues = groups.Values.ToArray();
        var overall = Aggregate(list);
        return new MetricBreakdown(
            overall,
            weighted ? overall : GroupAggregation.Micro(name, groupValues),
            GroupAggregation.Macro(name, groupValues),
            groups);
    }
}
