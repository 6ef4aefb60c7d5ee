using System.Globalization;
using System.Text;
using EvalHarness.Core.Evaluation;
using EvalHarness.Reports.Markdown;

namespace EvalHarness.Reports.Sections;

/// <summary>
/// A few wrong samples per task, so a reader can see what failing looks like. Verbatim text (prompt and response
/// tails) goes in fenced blocks whose fence is longer than any backtick run inside, so nothing a model writes can
/// break the report; short fields are escaped code spans.
/// </summary>
internal static class FailureExamplesSection
{
    private const int PromptTailChars = 400;
    private const int ResponseTailChars = 600;
    private const int ShortFieldChars = 200;

    public static void Append(StringBuilder md, ReportData data)
    {
        md.Section(ReportHeadings.Failures);
        md.Paragraph($"Up to {data.FailureExamplesPerTask} wrong samples per task (headline score below 1), in dataset order; long text is cut to its end.");
        foreach (var task in data.Tasks)
        {
            md.Append(MarkdownText.Heading(3, task.Task)).Append("\n\n");
            var wrong = WrongSamples(task).ToArray();
            if (wrong.Length == 0)
            {
                md.Paragraph(task.SampleRecords.Count == 0 ? "No sample records were kept for this task." : "No wrong sample.");
                continue;
            }
            md.Paragraph($"{wrong.Length} of {task.SampleRecords.Count} samples wrong; the first {Math.Min(wrong.Length, data.FailureExamplesPerTask)}:");
            foreach (var (record, score) in wrong.Take(data.FailureExamplesPerTask)) AppendSample(md, record, score);
        }
    }

    /// <summary>Samples whose headline score is below 1 (or, without a headline score, that carry a failure flag).</summary>
    public static IEnumerable<(SampleRecord Record, double? Score)> WrongSamples(TaskResult task)
    {
        var metric = task.Metrics.Count > 0 ? task.Headline.Name : null;
        foreach (var record in task.SampleRecords)
        {
            if (metric is not null && record.Scores.TryGetValue(metric, out var score))
            {
                if (score < 1) yield return (record, score);
            }
            else if (record.Flags != "None")
            {
                yield return (record, null);
            }
        }
    }

    private static void AppendSample(StringBuilder md, SampleRecord record, double? score)
    {
        var facts = new List<string> { $"score {(score is { } s ? Numbers.Metric(s) : "n/a")}" };
        if (record.Group is not null) facts.Add($"group {MarkdownText.Code(record.Group)}");
        if (record.Flags != "None") facts.Add($"flags {MarkdownText.Code(record.Flags)}");
        if (record.Truncated) facts.Add("truncated");
        md.Paragraph($"**Sample {MarkdownText.Code(record.SampleId)}** ({string.Join(", ", facts)})");
        md.Append("- Target: ").Append(MarkdownText.Code(MarkdownText.Head(record.Target, ShortFieldChars))).Append('\n');
        md.Append("- Extracted answer: ").Append(record.ExtractedAnswer is null ? "none" : MarkdownText.Code(MarkdownText.Head(record.ExtractedAnswer, ShortFieldChars))).Append('\n');
        if (record.ChoiceLogLikelihoods is { } lls)
        {
            var choices = record.Choices.Select((c, i) => $"{i.ToString(CultureInfo.InvariantCulture)}: {MarkdownText.Code(MarkdownText.Head(c, 60))} "
                + $"({(i < lls.Count ? Numbers.Fixed(lls[i], 3) : "n/a")})");
            md.Append("- Choices (Σ log p): ").Append(string.Join("; ", choices)).Append('\n');
        }
        md.Append('\n');
        md.Paragraph($"Prompt (last {PromptTailChars} characters):");
        md.Append(MarkdownText.FencedBlock(MarkdownText.Tail(record.Prompt, PromptTailChars))).Append('\n');
        if (record.Reasoning is { Length: > 0 } reasoning)
        {
            md.Paragraph($"Reasoning (last {PromptTailChars} characters):");
            md.Append(MarkdownText.FencedBlock(MarkdownText.Tail(reasoning, PromptTailChars))).Append('\n');
        }
        if (record.Response is not null)
        {
            md.Paragraph($"Response (last {ResponseTailChars} characters):");
            md.Append(MarkdownText.FencedBlock(MarkdownText.Tail(record.Response, ResponseTailChars))).Append('\n');
        }
    }
}
