namespace EvalHarness.Reports.Charts;

/// <summary>One series of a grouped bar chart: a value (and optional SE) per group label.</summary>
public sealed record BarSeries(string Name, IReadOnlyDictionary<string, (double Value, double StdErr)> Values);
