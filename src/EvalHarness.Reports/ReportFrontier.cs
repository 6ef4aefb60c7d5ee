using EvalHarness.Core.Evaluation;
using EvalHarness.Core.Frontier;
using EvalHarness.Core.Runs;

namespace EvalHarness.Reports;

/// <summary>The frontier part of <see cref="ReportData"/>: composite, like-for-like comparison and months, or why not.</summary>
public sealed record ReportFrontier(CompositeScore? Composite, LikeForLikeResult? Comparison, MonthsToFrontierResult? Months, string? NotComputedReason)
{
    /// <summary>
    /// Core's <see cref="FrontierStanding"/> for results outside a suite: a task counts for the benchmark with the same
    /// id. Months are measured from <paramref name="released"/>, or from <paramref name="today"/> when the model's
    /// release date is unknown (then the threshold and as-of-today variants coincide).
    /// </summary>
    public static ReportFrontier Compute(IReadOnlyList<TaskResult> tasks, FrontierTable table, DateOnly? released, DateOnly today,
        MonthsToFrontierOptions? options = null) =>
        From(FrontierStanding.Compute(table, tasks.Select(t => new BenchmarkMeasurement(t.Task, t.Task, t.Headline)).ToArray(), released ?? today, today, options));

    /// <summary>The standing a suite run computed (tasks tied to benchmarks by the suite), as the report's frontier part.</summary>
    public static ReportFrontier From(FrontierStanding standing) => new(standing.Composite, standing.Comparison, standing.Months, standing.Note);

    /// <summary>This frontier part on a report (the reason only where something is missing or approximate).</summary>
    public ReportData ApplyTo(ReportData data, FrontierTable table) =>
        data with { Composite = Composite, Comparison = Comparison, Months = Months, Frontier = table, FrontierNotComputedReason = NotComputedReason };
}
