using System.Globalization;

namespace EvalHarness.Reports.Markdown;

/// <summary>Invariant number formatting shared by the report and the charts (a report reads the same in every culture).</summary>
public static class Numbers
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>z of a two-sided 95% normal interval.</summary>
    public const double Z95 = 1.96;

    /// <summary>A metric value (fractions to 4 decimals); "n/a" for NaN.</summary>
    public static string Metric(double value) => double.IsFinite(value) ? value.ToString("0.0000", Invariant) : "n/a";

    /// <summary>value ± SE, or the value alone when the SE cannot be estimated.</summary>
    public static string MetricWithSe(double value, double se) =>
        double.IsFinite(se) ? $"{Metric(value)} ± {Metric(se)}" : $"{Metric(value)} (SE n/a)";

    /// <summary>An index or month count to one decimal.</summary>
    public static string OneDecimal(double value) => double.IsFinite(value) ? value.ToString("0.0", Invariant) : "n/a";

    public static string Fixed(double value, int decimals) =>
        double.IsFinite(value) ? value.ToString("F" + decimals.ToString(Invariant), Invariant) : "n/a";

    /// <summary>A signed difference: "+0.0123" / "−0.0123" (ASCII minus for copy-paste safety).</summary>
    public static string Signed(double value, int decimals = 4) =>
        double.IsFinite(value) ? (value >= 0 ? "+" : "") + value.ToString("F" + decimals.ToString(Invariant), Invariant) : "n/a";

    /// <summary>A 95% interval "[low, high]".</summary>
    public static string Interval(double low, double high, int decimals = 1) =>
        double.IsFinite(low) && double.IsFinite(high) ? $"[{Fixed(low, decimals)}, {Fixed(high, decimals)}]" : "n/a";

    public static string Integer(long value) => value.ToString("N0", Invariant);

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", Invariant);

    public static string Date(DateOnly? date) => date is { } d ? Date(d) : "—";

    public static string Utc(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", Invariant) + " UTC";

    /// <summary>Bytes as GiB/MiB with the exact byte count, e.g. "18.42 GiB (19,778,281,216 bytes)".</summary>
    public static string Bytes(long bytes)
    {
        const double Mib = 1024.0 * 1024, Gib = Mib * 1024;
        var scaled = bytes >= Gib ? $"{(bytes / Gib).ToString("0.00", Invariant)} GiB" : $"{(bytes / Mib).ToString("0.00", Invariant)} MiB";
        return $"{scaled} ({Integer(bytes)} bytes)";
    }

    /// <summary>Parameter count as "32.0 B" / "260.0 K".</summary>
    public static string Parameters(long? count) => count switch
    {
        null => "unknown",
        >= 1_000_000_000 => $"{(count.Value / 1e9).ToString("0.0", Invariant)} B",
        >= 1_000_000 => $"{(count.Value / 1e6).ToString("0.0", Invariant)} M",
        >= 1_000 => $"{(count.Value / 1e3).ToString("0.0", Invariant)} K",
        _ => count.Value.ToString(Invariant),
    };

    public static string Duration(TimeSpan span) =>
        span.TotalHours >= 1 ? $"{(int)span.TotalHours}h {span.Minutes:00}m {span.Seconds:00}s"
        : span.TotalMinutes >= 1 ? $"{span.Minutes}m {span.Seconds:00}s"
        : $"{span.TotalSeconds.ToString("0.0", Invariant)} s";
}
