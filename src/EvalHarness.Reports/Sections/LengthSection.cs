using System.Globalization;
using System.Text;
using EvalHarness.Reports.Charts;
using EvalHarness.Reports.Markdown;

namespace EvalHarness.Reports.Sections;

/// <summary>RULER-style score by context length: a table of the points and the chart.</summary>
internal static class LengthSection
{
    public static void Append(StringBuilder md, ReportData data, ChartFile? chart)
    {
        md.Section(ReportHeadings.LengthCurve);
        var curves = data.RulerLengths?.Where(c => c.Value.Count > 0).ToArray() ?? [];
        if (curves.Length == 0)
        {
            md.Paragraph("No length curve: this run has no per-length RULER scores.");
            return;
        }
        var lengths = curves.SelectMany(c => c.Value.Select(p => p.ContextLength)).Distinct().Order().ToArray();
        string[] headers = ["Task", .. lengths.Select(l => l.ToString(CultureInfo.InvariantCulture) + " tokens:")];
        var table = new MarkdownTable(headers);
        foreach (var (task, points) in curves)
        {
            var byLength = points.GroupBy(p => p.ContextLength).ToDictionary(g => g.Key, g => g.First());
            table.Row([MarkdownText.Cell(task), .. lengths.Select(l => byLength.TryGetValue(l, out var p) ? Numbers.MetricWithSe(p.Score, p.StdErr) : "—")]);
        }
        md.Table(table);
        if (chart is not null) md.Image(chart);
    }
}
