namespace EvalHarness.Core.Metrics;

/// <summary>
/// Standard error of a statistic that is not a mean (median, F1, a composite over items) by resampling with
/// replacement, as lm-eval's <c>bootstrap_stderr</c>: the sample SD of the statistic over the resamples.
/// Seeded and single-threaded, so the same inputs give the same SE on every machine. (lm-eval seeds Python's
/// Mersenne Twister per chunk of 1,000 draws; our draws come from <see cref="Random"/> with a fixed seed, so the
/// replicates differ while the estimator is the same.)
/// </summary>
public static class BootstrapStdErr
{
    public const int DefaultIterations = 1000;
    public const int DefaultSeed = 1234;

    public static double Estimate<T>(
        IReadOnlyList<T> items, Func<IReadOnlyList<T>, double> statistic,
        int iterations = DefaultIterations, int seed = DefaultSeed)
    {
        MeanStatistics.RequireSome(items);
        if (iterations < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(iterations), "A bootstrap needs at least two resamples.");
        }

        var random = new Random(seed);
        var resample = new T[items.Count];
        var replicates = new double[iterations];
        for (var r = 0; r < iterations; r++)
        {
            for (var i = 0; i < resample.Length; i++)
            {
                resample[i] = items[random.Next(items.Count)];
            }

            replicates[r] = statistic(resample);
        }

        return MeanStatistics.SampleStdDev(replicates);
    }

    public static MetricValue Of<T>(string name, IReadOnlyList<T> items, Func<IReadOnlyList<T>, double> statistic,
        int iterations = DefaultIterations, int seed = DefaultSeed) =>
        new(name, statistic(items), Estimate(items, statistic, iterations, seed), items.Count);
}
