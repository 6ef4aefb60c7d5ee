using System.Text;
using EvalHarness.Core.Frontier;
using EvalHarness.Reports.Charts;
using EvalHarness.Reports.Markdown;

namespace EvalHarness.Reports.Sections;

/// <summary>Category scores as Core computed them, against the reference model's over the same benchmarks.</summary>
internal static class CategorySection
{
    public static void Append(StringBuilder md, ReportData data, ChartFile? chart)
    {
        md.Section(ReportHeadings.Categories);
        if (data.Composite is not { } composite)
        {
            md.Paragraph("No composite: " + MarkdownText.Escape(VerdictSection.NotComputedReason(data)) + " The run's own categories:");
            if (data.RunCategories is { Count: > 0 } own)
            {
                var scores = new MarkdownTable("Category", "Tasks", "Score ± SE:", "95% CI:");
                foreach (var category in own)
                {
                    scores.Row(MarkdownText.Cell(category.Category), MarkdownText.Cell(string.Join(", ", category.Tasks)),
                        Numbers.MetricWithSe(category.Value, category.StdErr),
                        Numbers.Interval(category.Value - Numbers.Z95 * category.StdErr, category.Value + Numbers.Z95 * category.StdErr, 4));
                }
                md.Table(scores);
            }
            else
            {
                var byCategory = new MarkdownTable("Category", "Tasks (headline value)");
                foreach (var group in data.Tasks.GroupBy(t => t.Category))
                {
                    byCategory.Row(MarkdownText.Cell(group.Key),
                        string.Join(", ", group.Select(t => $"{MarkdownText.Escape(t.Task)} ({Numbers.Metric(t.Headline.Value)})")));
                }
                md.Table(byCategory);
            }
            if (chart is not null) md.Image(chart);
            return;
        }

        var reference = data.Comparison?.ReferenceComposite.Categories.ToDictionary(c => c.Category, c => c);
        var referenceName = data.Comparison?.ReferenceModel;
        var table = new MarkdownTable("Category", "Weight:", "Benchmarks", "Score ± SE:", "95% CI:",
            referenceName is null ? "Reference" : $"{MarkdownText.Escape(referenceName)} (same benchmarks)");
        foreach (var category in composite.Categories)
        {
            table.Row(MarkdownText.Cell(category.Category), Numbers.Fixed(category.Weight, 2), MarkdownText.Cell(string.Join(", ", category.BenchmarkIds)),
                Numbers.MetricWithSe(category.Value, category.StandardError), Ci(category),
                ReferenceCell(reference, category, data.Comparison));
        }
        md.Table(table);

        var outside = data.Tasks.Where(t => !composite.BenchmarkIds.Contains(t.Task, StringComparer.Ordinal)).Select(t => t.Task).ToArray();
        if (outside.Length > 0)
        {
            md.Paragraph("Tasks run but not part of the composite (their names are not benchmarks of the frontier scheme, or no "
                + $"composite was computed over them): {MarkdownText.Escape(string.Join(", ", outside))}.");
        }
        if (chart is not null) md.Image(chart);
    }

    private static string Ci(CategoryScore category) =>
        Numbers.Interval(category.Value - Numbers.Z95 * category.StandardError, category.Value + Numbers.Z95 * category.StandardError, 4);

    private static string ReferenceCell(Dictionary<string, CategoryScore>? reference, CategoryScore local, LikeForLikeResult? comparison)
    {
        if (reference is null || comparison is null) return "no comparison";
        if (!reference.TryGetValue(local.Category, out var score)) return "not compared";
        var sameBenchmarks = score.BenchmarkIds.SequenceEqual(local.BenchmarkIds);
        return Numbers.Metric(score.Value) + (sameBenchmarks ? "" : $" (over {MarkdownText.Escape(string.Join(", ", score.BenchmarkIds))})");
    }
}
