using System.Text;
using EvalHarness.Reports.Markdown;

namespace EvalHarness.Reports.Sections;

/// <summary>The model file's facts: what exactly was evaluated.</summary>
internal static class ModelCardSection
{
    public static void Append(StringBuilder md, ReportData data)
    {
        var model = data.Model;
        md.Section(ReportHeadings.ModelCard);
        md.Table(new MarkdownTable("Field", "Value")
            .Row("Model", MarkdownText.Cell(model.Name))
            .Row("File", MarkdownText.Code(model.File))
            .Row("Size", Numbers.Bytes(model.SizeBytes))
            .Row("SHA-256", model.Sha256 is null ? "not computed" : MarkdownText.Code(model.Sha256))
            .Row("Architecture", MarkdownText.Cell(model.Architecture))
            .Row("Parameters", model.ParameterCount is { } p ? $"{Numbers.Parameters(p)} ({Numbers.Integer(p)})" : "unknown")
            .Row("Quantization", MarkdownText.Cell(model.Quantization))
            .Row("Context length", $"{Numbers.Integer(model.ContextLength)} tokens")
            .Row("Released", model.Released is { } released ? Numbers.Date(released) : "unknown"));
    }
}
