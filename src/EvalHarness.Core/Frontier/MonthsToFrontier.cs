using System.Globalization;

namespace EvalHarness.Core.Frontier;

/// <summary>
/// "Months to frontier": how long before a model's release the frontier already scored as well.
/// <para>
/// Threshold (the published rule, REFERENCE.md §1): for a score S released on r, t* = the earliest release date of
/// any frontier model with score ≥ S; months = (r − t*) in days / 30, and 0 when no model released before r
/// reaches S. It reproduces the AI Diffusion Report's six gaps. The other variants are labelled alternatives:
/// Interpolated (the frontier rises linearly between its record points instead of jumping at t*), Trend (a line
/// through the record points, <see cref="TrendScale"/>), AsOfToday (threshold rule measured to today).
/// </para>
/// <para>
/// The interval on months evaluates each variant at S − z·SE and S + z·SE (z = 1.96): months fall as S rises, so
/// the two ends bracket the point value. Frontier scores are treated as exact (their publishers give no SE).
/// Pure functions: nothing here reads the clock; "today" is an argument.
/// </para>
/// </summary>
public static class MonthsToFrontier
{
    /// <summary>The published convention: a month is 30 days.</summary>
    public const double DaysPerMonth = 30;

    /// <summary>All variants for a score on the same scale as <paramref name="frontier"/>.</summary>
    public static MonthsToFrontierResult Compute(
        double score, double standardError, DateOnly released, IReadOnlyList<FrontierPoint> frontier, DateOnly today,
        MonthsToFrontierOptions? options = null)
    {
        if (!double.IsFinite(score)) throw new ArgumentOutOfRangeException(nameof(score), score, "score must be finite");
        if (!double.IsFinite(standardError) || standardError < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(standardError), standardError, "standard error must be finite and >= 0");
        }
        if (frontier.Count == 0)
        {
            throw new UserInputException(
                "no frontier model covers the compared benchmarks, so there is no frontier to measure the gap against",
                "compare over benchmarks that frontier models in models/frontier.yaml have scores for, or add frontier scores for these benchmarks");
        }
        options ??= MonthsToFrontierOptions.Default;
        var records = FrontierRecords.Of(frontier);
        var trend = FrontierTrend.Fit(records, options.TrendScale, out var trendProblem);
        var spread = options.ConfidenceZ * standardError;

        MonthsEstimate Estimate(MonthsVariant variant, DateOnly measuredAt, Func<double, Crossing> cross)
        {
            var point = cross(score);
            var months = MonthsBetween(point, measuredAt);
            double[] ends = [months, MonthsBetween(cross(score - spread), measuredAt), MonthsBetween(cross(score + spread), measuredAt)];
            var finite = ends.Where(double.IsFinite).ToArray();
            var ci = double.IsNaN(months) ? new MonthsInterval(double.NaN, double.NaN) : new MonthsInterval(finite.Min(), finite.Max());
            return new MonthsEstimate(variant, months, ToDate(point.Day), point.Model, point.Censoring, ci, point.Note);
        }

        return new MonthsToFrontierResult(
            score, standardError, released, today,
            Threshold: Estimate(MonthsVariant.Threshold, released, s => ThresholdCrossing(s, records)),
            Interpolated: Estimate(MonthsVariant.Interpolated, released, s => InterpolatedCrossing(s, records)),
            Trend: Estimate(MonthsVariant.Trend, released, s => TrendCrossing(s, trend, trendProblem)),
            AsOfToday: Estimate(MonthsVariant.AsOfToday, today, s => ThresholdCrossing(s, records)));
    }

    /// <summary>All variants for the local run of a like-for-like comparison (index scale, index SE).</summary>
    public static MonthsToFrontierResult Compute(
        LikeForLikeResult comparison, DateOnly released, DateOnly today, MonthsToFrontierOptions? options = null) =>
        Compute(comparison.LocalIndex.Value, comparison.LocalIndex.StandardError, released, comparison.FrontierPoints, today, options);

    /// <summary>The published rule alone, unrounded.</summary>
    public static double ThresholdMonths(double score, DateOnly released, IReadOnlyList<FrontierPoint> frontier) =>
        Compute(score, 0, released, frontier, released).Threshold.Months;

    /// <summary>When (fractional day number) the frontier reached a score, by whom, and how well the data pins it.</summary>
    private readonly record struct Crossing(double Day, string? Model, FrontierCensoring Censoring, string Note);

    private static Crossing ThresholdCrossing(double score, IReadOnlyList<FrontierPoint> records)
    {
        var i = FirstRecordReaching(score, records);
        if (i < 0) return NotReached();
        var record = records[i];
        return i == 0
            ? new Crossing(record.Released.DayNumber, record.Model, FrontierCensoring.BelowTable,
                $"already reached by the earliest model in the table ({record.Model}, {Iso(record.Released)}): a lower bound")
            : new Crossing(record.Released.DayNumber, record.Model, FrontierCensoring.None,
                $"first reached by {record.Model} ({Iso(record.Released)})");
    }

    private static Crossing InterpolatedCrossing(double score, IReadOnlyList<FrontierPoint> records)
    {
        var i = FirstRecordReaching(score, records);
        if (i <= 0) return ThresholdCrossing(score, records);
        var (lower, upper) = (records[i - 1], records[i]);
        var fraction = (score - lower.Score) / (upper.Score - lower.Score);
        var day = lower.Released.DayNumber + fraction * (upper.Released.DayNumber - lower.Released.DayNumber);
        return new Crossing(day, upper.Model, FrontierCensoring.None,
            $"interpolated between {lower.Model} ({Iso(lower.Released)}) and {upper.Model} ({Iso(upper.Released)})");
    }

    private static Crossing TrendCrossing(double score, FrontierTrend? trend, string problem)
    {
        if (trend is null) return new Crossing(double.NaN, null, FrontierCensoring.Unavailable, problem);
        var day = trend.DayReaching(score);
        if (!double.IsFinite(day)) return new Crossing(double.NaN, null, FrontierCensoring.Unavailable, "the trend never reaches this score");
        var scale = trend.Scale == TrendScale.Log ? "log" : "linear";
        return trend.Extrapolates(score)
            ? new Crossing(day, null, FrontierCensoring.Extrapolated, $"{scale} trend through the frontier records, extrapolated beyond their range")
            : new Crossing(day, null, FrontierCensoring.None, $"{scale} trend through the frontier records");
    }

    private static Crossing NotReached() =>
        new(double.NaN, null, FrontierCensoring.AboveFrontier, "no frontier model reaches this score: at the frontier");

    /// <summary>Index of the first record with score ≥ S (ties count as reached), or −1.</summary>
    private static int FirstRecordReaching(double score, IReadOnlyList<FrontierPoint> records)
    {
        for (var i = 0; i < records.Count; i++)
        {
            if (records[i].Score >= score) return i;
        }
        return -1;
    }

    private static double MonthsBetween(Crossing crossing, DateOnly measuredAt) => crossing.Censoring switch
    {
        FrontierCensoring.AboveFrontier => 0,
        FrontierCensoring.Unavailable => double.NaN,
        // A frontier that reached S only after the measured date means the model was not behind: 0, never negative.
        _ => Math.Max(0, (measuredAt.DayNumber - crossing.Day) / DaysPerMonth),
    };

    private static DateOnly? ToDate(double day) =>
        double.IsFinite(day) && day >= DateOnly.MinValue.DayNumber && day <= DateOnly.MaxValue.DayNumber
            ? DateOnly.FromDayNumber((int)Math.Round(day, MidpointRounding.AwayFromZero))
            : null;

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
