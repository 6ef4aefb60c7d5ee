using EvalHarness.Core.Evaluation;
using EvalHarness.Core.Frontier;

namespace EvalHarness.Reports;

/// <summary>The frontier part of <see cref="ReportData"/>: composite, like-for-like comparison and months, or why not.</summary>
public sealed record ReportFrontier(CompositeScore? Composite, LikeForLikeResult? Comparison, MonthsToFrontierResult? Months, string? NotComputedReason)
{
    /// <summary>
    /// Calls Core's calculators the way a run report needs them (a convenience for filling <see cref="ReportData"/>;
    /// no maths of its own):
    /// <list type="bullet">
    /// <item>a task counts for the benchmark of the scheme with the same id; the others stay out of the composite;</item>
    /// <item>the composite covers every such benchmark; the comparison covers those of them the reference model has a
    /// score for (the index is scaled to it), and the report names that set;</item>
    /// <item>a headline SE that cannot be estimated (NaN, a single sample) counts as 0 and the reason says so;</item>
    /// <item>months are measured from <paramref name="released"/>, or from <paramref name="today"/> when the model's
    /// release date is unknown (then the threshold and as-of-today variants coincide).</item>
    /// </list>
    /// A user error from Core (no frontier model covers the set, reference composite 0, …) becomes the reason.
    /// </summary>
    public static ReportFrontier Compute(IReadOnlyList<TaskResult> tasks, FrontierTable table, DateOnly? released, DateOnly today,
        MonthsToFrontierOptions? options = null)
    {
        var known = tasks.Where(t => table.Scheme.Knows(t.Task)).GroupBy(t => t.Task).Select(g => g.First()).ToArray();
        if (known.Length == 0)
        {
            return new(null, null, null,
                $"this run covers no benchmark of the frontier composite (tasks run: {string.Join(", ", tasks.Select(t => t.Task))}; "
                + $"benchmarks of {table.SourcePath}: {string.Join(", ", table.Scheme.Benchmarks.Select(b => b.Id))}).");
        }
        var scores = known.ToDictionary(t => t.Task, t => new Measurement(t.Headline.Value, double.IsFinite(t.Headline.StdErr) ? t.Headline.StdErr : 0), StringComparer.Ordinal);
        var composite = new CompositeCalculator(table.Scheme).Compute(scores);
        var comparable = scores.Where(s => table.ReferenceModel.Scores.ContainsKey(s.Key)).ToDictionary(s => s.Key, s => s.Value, StringComparer.Ordinal);
        if (comparable.Count == 0)
        {
            return new(composite, null, null,
                $"the reference model '{table.ReferenceModel.Name}' has no frontier score for any benchmark this run covered "
                + $"({string.Join(", ", scores.Keys)}), so no index can be scaled to it.");
        }
        try
        {
            var comparison = LikeForLikeComparison.Build(table, comparable);
            var months = MonthsToFrontier.Compute(comparison, released ?? today, today, options);
            var unestimated = known.Where(t => !double.IsFinite(t.Headline.StdErr)).Select(t => t.Task).ToArray();
            return new(composite, comparison, months,
                unestimated.Length == 0 ? null : $"the SE of {string.Join(", ", unestimated)} could not be estimated and counts as 0.");
        }
        catch (UserInputException error)
        {
            return new(composite, null, null, $"{error.Message} ({error.Fix})");
        }
    }

    /// <summary>This frontier part on a report (the reason only where something is missing or approximate).</summary>
    public ReportData ApplyTo(ReportData data, FrontierTable table) =>
        data with { Composite = Composite, Comparison = Comparison, Months = Months, Frontier = table, FrontierNotComputedReason = NotComputedReason };
}
