using System.Text;
using EvalHarness.Reports.Markdown;

namespace EvalHarness.Reports.Sections;

/// <summary>The composite on its own scale and as an index against the reference model.</summary>
internal static class CompositeSection
{
    public static void Append(StringBuilder md, ReportData data)
    {
        md.Section(ReportHeadings.Composite);
        if (data.Composite is not { } composite)
        {
            md.Paragraph("Not computed: " + MarkdownText.Escape(VerdictSection.NotComputedReason(data)));
            return;
        }
        var table = new MarkdownTable("Quantity", "Value:", "95% CI:", "Over")
            .Row("Composite (fraction, all covered benchmarks)", Numbers.MetricWithSe(composite.Value, composite.StandardError),
                Numbers.Interval(composite.Value - Numbers.Z95 * composite.StandardError, composite.Value + Numbers.Z95 * composite.StandardError, 4),
                MarkdownText.Cell(string.Join(", ", composite.BenchmarkIds)));
        if (data.Comparison is { } comparison)
        {
            var index = comparison.LocalIndex;
            table.Row("Composite (fraction, like for like)", Numbers.MetricWithSe(comparison.LocalComposite.Value, comparison.LocalComposite.StandardError),
                    Numbers.Interval(comparison.LocalComposite.Value - Numbers.Z95 * comparison.LocalComposite.StandardError,
                        comparison.LocalComposite.Value + Numbers.Z95 * comparison.LocalComposite.StandardError, 4),
                    MarkdownText.Cell(string.Join(", ", comparison.BenchmarkIds)))
                .Row($"Reference composite ({MarkdownText.Escape(comparison.ReferenceModel)})", Numbers.Metric(comparison.ReferenceComposite.Value), "—",
                    MarkdownText.Cell(string.Join(", ", comparison.BenchmarkIds)))
                .Row($"**Frontier index** ({MarkdownText.Escape(comparison.ReferenceModel)} = 100)",
                    $"**{Numbers.OneDecimal(index.Value)}** ± {Numbers.OneDecimal(index.StandardError)}",
                    Numbers.Interval(index.Value - Numbers.Z95 * index.StandardError, index.Value + Numbers.Z95 * index.StandardError),
                    MarkdownText.Cell(string.Join(", ", comparison.BenchmarkIds)));
        }
        md.Table(table);
        if (data.Comparison is not null && !string.IsNullOrWhiteSpace(data.FrontierNotComputedReason))
        {
            md.Paragraph("Note: " + MarkdownText.Escape(data.FrontierNotComputedReason.Trim()));
        }
        if (data.Comparison is null)
        {
            md.Paragraph("No index against the reference model: " + MarkdownText.Escape(VerdictSection.NotComputedReason(data)));
        }
    }
}
