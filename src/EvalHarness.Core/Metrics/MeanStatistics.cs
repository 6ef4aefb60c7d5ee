namespace EvalHarness.Core.Metrics;

/// <summary>
/// Mean and its standard error for per-sample scores, as lm-eval's <c>mean</c> / <c>mean_stderr</c>
/// (api/metrics.py): the sample standard deviation (n−1 denominator) over √n.
/// </summary>
public static class MeanStatistics
{
    public static double Mean(IReadOnlyList<double> values)
    {
        RequireSome(values);
        var sum = 0.0;
        foreach (var v in values)
        {
            sum += v;
        }

        return sum / values.Count;
    }

    /// <summary>Sample standard deviation (Bessel-corrected); NaN for fewer than two values (lm-eval would divide by zero).</summary>
    public static double SampleStdDev(IReadOnlyList<double> values)
    {
        RequireSome(values);
        if (values.Count < 2)
        {
            return double.NaN;
        }

        var mean = Mean(values);
        var squares = 0.0;
        foreach (var v in values)
        {
            squares += (v - mean) * (v - mean);
        }

        return Math.Sqrt(squares / (values.Count - 1));
    }

    public static double StdErrOfMean(IReadOnlyList<double> values) => SampleStdDev(values) / Math.Sqrt(values.Count);

    public static MetricValue Of(string name, IReadOnlyList<double> values) =>
        new(name, Mean(values), StdErrOfMean(values), values.Count);

    internal static void RequireSome<T>(IReadOnlyCollection<T> values)
    {
        if (values.Count == 0)
        {
            throw new ArgumentException("Cannot aggregate an empty set of scores.", nameof(values));
        }
    }
}
