using System.Globalization;

namespace EvalHarness.Core.Metrics;

/// <summary>
/// An aggregated metric: its value, standard error (NaN where one cannot be estimated, e.g. a single sample)
/// and the number of samples (or problems) behind it.
/// </summary>
public sealed record MetricValue(string Name, double Value, double StdErr, int N)
{
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Name} = {Value:0.0000} ± {StdErr:0.0000} (n={N})");
}
