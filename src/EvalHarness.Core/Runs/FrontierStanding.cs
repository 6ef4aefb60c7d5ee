using EvalHarness.Core.Evaluation;
using EvalHarness.Core.Frontier;

namespace EvalHarness.Core.Runs;

/// <summary>
/// Where the run stands against the frontier table: the like-for-like comparison over the benchmarks the run covered
/// (tasks whose suite entry names a benchmark id of the table) and months to frontier. When no covered benchmark has
/// frontier scores, or the reference model lacks one, <see cref="NotComputed"/> says why and both are null.
/// </summary>
public sealed record FrontierStanding(
    IReadOnlyDictionary<string, Measurement> LocalScores,
    LikeForLikeResult? Comparison,
    MonthsToFrontierResult? Months,
    string? NotComputed)
{
    public static FrontierStanding Compute(FrontierTable table, IReadOnlyList<PlannedTask> plan, IReadOnlyList<TaskResult> results,
        DateOnly released, DateOnly today)
    {
        var byTask = results.ToDictionary(r => r.Task, StringComparer.Ordinal);
        var local = new SortedDictionary<string, Measurement>(StringComparer.Ordinal);
        foreach (var task in plan)
        {
            if (task.Entry.Benchmark is not { } benchmark || !table.Scheme.Knows(benchmark) || !byTask.TryGetValue(task.Name, out var result)) continue;
            var headline = result.Headline;
            local[benchmark] = new Measurement(headline.Value, double.IsFinite(headline.StdErr) ? headline.StdErr : 0);
        }
        if (local.Count == 0)
        {
            return new FrontierStanding(local, null, null,
                $"no task of this run measures a benchmark of {Path.GetFileName(table.SourcePath)} "
                + $"(known: {string.Join(", ", table.Scheme.Benchmarks.Select(b => b.Id))}), so the composite index is not computed");
        }
        try
        {
            var comparison = LikeForLikeComparison.Build(table, local);
            return new FrontierStanding(local, comparison, MonthsToFrontier.Compute(comparison, released, today), null);
        }
        catch (UserInputException e)
        {
            return new FrontierStanding(local, null, null, e.Message);
        }
    }
}
