using System.Globalization;
using System.Text;
using EvalHarness.Core.Evaluation;
using EvalHarness.Reports.Markdown;

namespace EvalHarness.Reports.Sections;

/// <summary>Every setting of the run, then every task's protocol (version, data revision, prompt, generation).</summary>
internal static class SettingsSection
{
    public static void Append(StringBuilder md, ReportData data)
    {
        var run = data.Run;
        md.Section(ReportHeadings.Settings);
        md.Table(new MarkdownTable("Setting", "Value")
            .Row("Run id", MarkdownText.Code(run.RunId))
            .Row("Suite", MarkdownText.Cell(run.Suite))
            .Row("Started", Numbers.Utc(run.StartedUtc))
            .Row("Finished", run.FinishedUtc is { } finished ? $"{Numbers.Utc(finished)} ({Numbers.Duration(finished - run.StartedUtc)})" : "not finished")
            .Row("Harness", $"EvalHarness {MarkdownText.Escape(run.HarnessVersion)}, commit {(run.GitCommit is null ? "unknown" : MarkdownText.Code(run.GitCommit))}")
            .Row("Runtime", MarkdownText.Cell(run.Runtime))
            .Row("Device", MarkdownText.Cell(run.Device))
            .Row("Thinking", run.Thinking.ToString().ToLowerInvariant())
            .Row("Chat template hash", run.ChatTemplateHash is null ? "none (raw prompts)" : MarkdownText.Code(run.ChatTemplateHash))
            .Row("Seeds", run.Seeds.Count == 0 ? "none" : string.Join(", ", run.Seeds.Select(s => $"{MarkdownText.Escape(s.Key)} = {s.Value.ToString(CultureInfo.InvariantCulture)}")))
            .Row("Limit per task", run.Limit is { } limit ? limit.ToString(CultureInfo.InvariantCulture) : "none (whole datasets)"));

        md.Paragraph("Per task, how it was run (protocol, as recorded in each task's results):");
        var table = new MarkdownTable("Task", "Version:", "Dataset", "Revision", "Split", "Shots:", "Prompt", "Template hash", "Thinking", "System prompt", "Generation");
        foreach (var task in data.Tasks)
        {
            var p = task.Protocol;
            table.Row(MarkdownText.Cell(task.Task), p.TaskVersion.ToString(CultureInfo.InvariantCulture), MarkdownText.Cell(p.DatasetSource),
                p.DatasetRevision is null ? "unpinned" : MarkdownText.Code(p.DatasetRevision), MarkdownText.Cell(p.Split),
                p.FewShot.ToString(CultureInfo.InvariantCulture), p.ChatTemplate ? "chat template" : "raw",
                MarkdownText.Code(p.TemplateHash), p.Thinking.ToString().ToLowerInvariant(),
                p.SystemPrompt is null ? "none" : MarkdownText.Cell(MarkdownText.Head(p.SystemPrompt, 80)), Generation(p));
        }
        md.Table(table);
    }

    /// <summary>Sampling settings in one cell: "greedy, max 256 tokens, stops: …" or the sampler values.</summary>
    public static string Generation(EvaluationProtocol protocol)
    {
        if (protocol.Generation is not { } g) return $"none ({MarkdownText.Escape(protocol.RequestKind)})";
        var inv = CultureInfo.InvariantCulture;
        var sampler = g.IsGreedy
            ? "greedy"
            : string.Create(inv, $"temperature {g.Temperature}, top-p {g.TopP}, top-k {g.TopK}, min-p {g.MinP}, seed {g.Seed}");
        var stops = g.StopSequences.Count == 0 ? "" : ", stops: " + string.Join(" ", g.StopSequences.Select(MarkdownText.Code));
        return $"{sampler}, max {g.MaxNewTokens.ToString(inv)} tokens{(g.IgnoreEndOfGeneration ? ", ignore EOS" : "")}{stops}";
    }
}
