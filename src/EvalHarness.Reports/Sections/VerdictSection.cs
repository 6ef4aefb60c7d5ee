using System.Text;
using EvalHarness.Core.Frontier;
using EvalHarness.Reports.Markdown;

namespace EvalHarness.Reports.Sections;

/// <summary>One paragraph: the index and months to frontier with their 95% intervals, or why they are not computed.</summary>
internal static class VerdictSection
{
    public static void Append(StringBuilder md, ReportData data)
    {
        md.Section(ReportHeadings.Verdict);
        var samples = data.Tasks.Sum(t => t.Samples);
        var scope = $"{data.Tasks.Count} task{(data.Tasks.Count == 1 ? "" : "s")}, {Numbers.Integer(samples)} samples"
            + (data.Run.Limit is { } limit ? $" (limited to {limit} per task)" : "");
        if (data.Comparison is { } comparison && data.Months is { } months)
        {
            md.Paragraph(Computed(data, comparison, months, scope));
        }
        else
        {
            md.Paragraph($"{MarkdownText.Escape(data.Model.Name)} ran {scope}. **The frontier index and months to frontier are not computed:** "
                + $"{MarkdownText.Escape(NotComputedReason(data))}");
        }
    }

    /// <summary>Why there is no comparison, in one sentence.</summary>
    public static string NotComputedReason(ReportData data)
    {
        if (!string.IsNullOrWhiteSpace(data.FrontierNotComputedReason)) return data.FrontierNotComputedReason.Trim();
        if (data.Composite is null)
        {
            return $"this run covers no benchmark of the frontier composite (tasks run: {string.Join(", ", data.Tasks.Select(t => t.Task))}).";
        }
        return data.Frontier is null
            ? "no frontier table was loaded, so there is nothing to compare with."
            : "no like-for-like comparison with the frontier table was supplied for this run.";
    }

    private static string Computed(ReportData data, LikeForLikeResult comparison, MonthsToFrontierResult months, string scope)
    {
        var index = comparison.LocalIndex;
        var (low, high) = (index.Value - Numbers.Z95 * index.StandardError, index.Value + Numbers.Z95 * index.StandardError);
        var threshold = months.Threshold;
        var name = MarkdownText.Escape(data.Model.Name);
        var text = new StringBuilder();
        text.Append($"{name} ran {scope}. Over the {comparison.BenchmarkIds.Count} benchmark{(comparison.BenchmarkIds.Count == 1 ? "" : "s")} ")
            .Append($"the frontier table shares with this run ({MarkdownText.Escape(string.Join(", ", comparison.BenchmarkIds))}), ")
            .Append($"it scores **{Numbers.OneDecimal(index.Value)}** on the frontier index ")
            .Append($"({MarkdownText.Escape(comparison.ReferenceModel)} = 100; 95% CI {Numbers.OneDecimal(low)}–{Numbers.OneDecimal(high)}). ");
        text.Append(threshold.Censoring == FrontierCensoring.AboveFrontier
            ? $"No frontier model in the table reaches that score: **at the frontier (0.0 months behind)**"
            : threshold.Months == 0 && threshold.FrontierReachedOn > months.Released
            ? $"No frontier model released before {Numbers.Date(months.Released)} reached that score: **0.0 months behind the frontier** "
              + $"(95% CI {Numbers.OneDecimal(threshold.Ci95.Low)}–{Numbers.OneDecimal(threshold.Ci95.High)} months); {MarkdownText.Escape(threshold.Note)}"
            : $"By the threshold rule that is **{threshold.Display} months behind the frontier** "
              + $"(95% CI {Numbers.OneDecimal(threshold.Ci95.Low)}–{Numbers.OneDecimal(threshold.Ci95.High)} months), measured from "
              + $"{Numbers.Date(months.Released)}: {MarkdownText.Escape(threshold.Note)}");
        text.Append($". As of {Numbers.Date(months.Today)} the same rule gives {months.AsOfToday.Display} months. ")
            .Append("Other variants and the frontier table are under “Frontier and the gap”.");
        return text.ToString();
    }
}
