namespace EvalHarness.Core.Metrics;

/// <summary>
/// Several runs over the same items (sampling at temperature &gt; 0, or seeds). <see cref="PerRepeat"/> is each
/// run's mean ± SE over items; <see cref="Mean"/> and <see cref="StdDevAcrossRepeats"/> describe the spread of
/// those run means (sample SD, n−1) — "mean ± SD over k runs" as model cards report it;
/// <see cref="ItemAveraged"/> averages each item over its runs first and then takes mean ± SE over items,
/// the error bar for the benchmark itself.
/// </summary>
public sealed record RepeatStatistics(
    string Name,
    IReadOnlyList<MetricValue> PerRepeat,
    double Mean,
    double StdDevAcrossRepeats,
    double StdErrAcrossRepeats,
    MetricValue ItemAveraged)
{
    /// <param name="scores">scores[item][repeat]; every item needs the same number of repeats.</param>
    public static RepeatStatistics Compute(string name, IReadOnlyList<IReadOnlyList<double>> scores)
    {
        MeanStatistics.RequireSome(scores);
        var repeats = scores[0].Count;
        if (repeats == 0 || scores.Any(item => item.Count != repeats))
        {
            throw new ArgumentException("Every item needs the same, non-zero number of repeats.", nameof(scores));
        }

        var perRepeat = Enumerable.Range(0, repeats)
            .Select(r => MeanStatistics.Of(name, scores.Select(item => item[r]).ToArray()))
            .ToArray();
        var runMeans = perRepeat.Select(m => m.Value).ToArray();
        var sd = MeanStatistics.SampleStdDev(runMeans);
        var itemMeans = scores.Select(item => MeanStatistics.Mean(item)).ToArray();
        return new RepeatStatistics(
            name, perRepeat, MeanStatistics.Mean(runMeans), sd, sd / Math.Sqrt(repeats),
            MeanStatistics.Of(name, itemMeans));
    }
}
