using EvalHarness.Core.Evaluation;
using EvalHarness.Core.Frontier;
using EvalHarness.Core.Metrics;

namespace EvalHarness.Core.Runs;

/// <summary>One measured task and the frontier benchmark it stands for (null: none).</summary>
public sealed record BenchmarkMeasurement(string Task, string? Benchmark, MetricValue Headline);

/// <summary>
/// Where a run stands against the frontier table, computed once for results.json and the report:
/// <list type="bullet">
/// <item>a task counts for the benchmark its suite entry names, when the table's scheme knows it;</item>
/// <item>the composite covers every such benchmark; the like-for-like comparison (index, reference = 100) covers
/// those of them the reference model has a score for, since the index is scaled to it;</item>
/// <item>a headline SE that cannot be estimated (NaN, a single sample) counts as 0 and the note says so;</item>
/// <item>months to frontier are measured from the model's release date.</item>
/// </list>
/// Whatever cannot be computed is null and <see cref="Note"/> says why in one sentence (a user error from the frontier
/// calculators becomes that sentence).
/// </summary>
public sealed record FrontierStanding(
    IReadOnlyDictionary<string, Measurement> LocalScores,
    CompositeScore? Composite,
    LikeForLikeResult? Comparison,
    MonthsToFrontierResult? Months,
    string? Note)
{
    /// <summary>From a suite run: each task's benchmark id comes from its suite entry.</summary>
    public static FrontierStanding Compute(FrontierTable table, IReadOnlyList<SuiteTask> plan, IReadOnlyList<TaskResult> results,
        DateOnly released, DateOnly today, MonthsToFrontierOptions? options = null)
    {
        var entries = plan.ToDictionary(p => p.Task, StringComparer.Ordinal);
        var measured = results.Select(r => new BenchmarkMeasurement(r.Task, entries.GetValueOrDefault(r.Task)?.Benchmark, r.Headline)).ToArray();
        return Compute(table, measured, released, today, options);
    }

    public static FrontierStanding Compute(FrontierTable table, IReadOnlyList<BenchmarkMeasurement> measured, DateOnly released, DateOnly today,
        MonthsToFrontierOptions? options = null)
    {
        var known = measured.Where(m => m.Benchmark is { } id && table.Scheme.Knows(id)).GroupBy(m => m.Benchmark!).Select(g => g.First()).ToArray();
        var scores = new SortedDictionary<string, Measurement>(StringComparer.Ordinal);
        foreach (var m in known) scores[m.Benchmark!] = new Measurement(m.Headline.Value, double.IsFinite(m.Headline.StdErr) ? m.Headline.StdErr : 0);
        if (known.Length == 0)
        {
            return new(scores, null, null, null,
                $"this run covers no benchmark of the frontier composite (tasks run: {string.Join(", ", measured.Select(m => m.Task))}; "
                + $"benchmarks of {table.SourcePath}: {string.Join(", ", table.Scheme.Benchmarks.Select(b => b.Id))}).");
        }
        var composite = new CompositeCalculator(table.Scheme).Compute(scores);
        var comparable = scores.Where(s => table.ReferenceModel.Scores.ContainsKey(s.Key)).ToDictionary(s => s.Key, s => s.Value, StringComparer.Ordinal);
        if (comparable.Count == 0)
        {
            return new(scores, composite, null, null,
                $"the reference model '{table.ReferenceModel.Name}' has no frontier score for any benchmark this run covered "
                + $"({string.Join(", ", scores.Keys)}), so no index can be scaled to it.");
        }
        try
        {
            var comparison = LikeForLikeComparison.Build(table, comparable);
            var months = MonthsToFrontier.Compute(comparison, released, today, options);
            var unestimated = known.Where(m => !double.IsFinite(m.Headline.StdErr)).Select(m => m.Task).ToArray();
            return new(scores, composite, comparison, months,
                unestimated.Length == 0 ? null : $"the SE of {string.Join(", ", unestimated)} could not be estimated and counts as 0.");
        }
        catch (UserInputException error)
        {
            return new(scores, composite, null, null, $"{error.Message} ({error.Fix})");
        }
    }
}
