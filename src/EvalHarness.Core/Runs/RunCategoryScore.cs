using EvalHarness.Core.Evaluation;
using EvalHarness.Core.Frontier;

namespace EvalHarness.Core.Runs;

/// <summary>A category's score: the weighted mean of its tasks' headline metrics, with the standard error of that
/// mean treating the tasks as independent (SE = √Σ(wᵢ·SEᵢ)² / Σwᵢ).</summary>
public sealed record RunCategoryScore(string Category, double Value, double StdErr, IReadOnlyList<string> Tasks)
{
    /// <summary>The categories a run covered, in the standard report order.</summary>
    public static IReadOnlyList<RunCategoryScore> Of(IReadOnlyList<SuiteTask> plan, IReadOnlyList<TaskResult> results)
    {
        var byTask = results.ToDictionary(r => r.Task, StringComparer.Ordinal);
        var scores = new List<RunCategoryScore>();
        foreach (var category in CategoryScheme.StandardCategories)
        {
            var members = plan.Where(p => p.Category == category && byTask.ContainsKey(p.Task)).ToArray();
            if (members.Length == 0) continue;
            var totalWeight = members.Sum(m => m.Weight);
            var value = members.Sum(m => m.Weight * byTask[m.Task].Headline.Value) / totalWeight;
            var variance = members.Sum(m => Math.Pow(m.Weight * StdErrOrZero(byTask[m.Task]), 2));
            scores.Add(new RunCategoryScore(category, value, Math.Sqrt(variance) / totalWeight, members.Select(m => m.Task).ToArray()));
        }
        return scores;
    }

    /// <summary>A single-sample task has no estimable SE (NaN); it contributes none rather than poisoning the category.</summary>
    private static double StdErrOrZero(TaskResult result) => double.IsFinite(result.Headline.StdErr) ? result.Headline.StdErr : 0;
}
