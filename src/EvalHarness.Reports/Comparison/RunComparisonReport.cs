using System.Globalization;
using System.Text;
using EvalHarness.Core.Evaluation;
using EvalHarness.Core.Frontier;
using EvalHarness.Reports.Markdown;
using EvalHarness.Reports.Sections;

namespace EvalHarness.Reports.Comparison;

/// <summary>
/// `evalharness report &lt;runA&gt; &lt;runB&gt;`: what changed from run A to run B. Per task B − A with a 95% interval
/// (paired on shared sample ids, unpaired otherwise), then categories, the composite and the index.
/// </summary>
public static class RunComparisonReport
{
    public static class Headings
    {
        public const string Runs = "Runs";
        public const string Tasks = "Tasks";
        public const string Categories = "Categories";
        public const string Composite = "Composite and index";
        public const string Methods = "How the differences were computed";
    }

    public static string Render(ReportData a, ReportData b)
    {
        var md = new StringBuilder();
        md.Append(MarkdownText.Heading(1, $"Run comparison: {a.Model.Name} ({a.Run.RunId}) → {b.Model.Name} ({b.Run.RunId})")).Append("\n\n");
        md.Paragraph("Every difference is B − A, with a 95% interval; a positive value means run B scored higher.");
        AppendRuns(md, a, b);
        AppendTasks(md, a, b);
        AppendCategories(md, a, b);
        AppendComposite(md, a, b);
        md.Section(Headings.Methods);
        md.Paragraph("Per task, when both runs kept a record of every sample with its headline score and scored the same sample ids, the SE of "
            + "the difference is paired: the sample SD (n − 1) of the per-sample differences over √n. This is exact for headline metrics that "
            + "are means over samples and an approximation for others (pass@k, group-weighted means). Otherwise it is unpaired: "
            + "√(SE_A² + SE_B²). Category, composite and index differences are unpaired, which overstates their SE when the runs share samples. "
            + "95% interval = Δ ± 1.96 SE; “yes” in the last column means the interval excludes 0.");
        return md.ToString();
    }

    private static void AppendRuns(StringBuilder md, ReportData a, ReportData b)
    {
        md.Section(Headings.Runs);
        var table = new MarkdownTable("", "Run A", "Run B", "Same");
        void Row(string label, string valueA, string valueB) => table.Row(label, valueA, valueB, valueA == valueB ? "yes" : "**no**");
        Row("Run id", MarkdownText.Code(a.Run.RunId), MarkdownText.Code(b.Run.RunId));
        Row("Model", MarkdownText.Cell(a.Model.Name), MarkdownText.Cell(b.Model.Name));
        Row("File", MarkdownText.Code(Path.GetFileName(a.Model.File)), MarkdownText.Code(Path.GetFileName(b.Model.File)));
        Row("SHA-256", MarkdownText.Code(a.Model.Sha256), MarkdownText.Code(b.Model.Sha256));
        Row("Quantization", MarkdownText.Cell(a.Model.Quantization), MarkdownText.Cell(b.Model.Quantization));
        Row("Suite", MarkdownText.Cell(a.Run.Suite), MarkdownText.Cell(b.Run.Suite));
        Row("Thinking", a.Run.Thinking.ToString().ToLowerInvariant(), b.Run.Thinking.ToString().ToLowerInvariant());
        Row("Chat template hash", MarkdownText.Code(a.Run.ChatTemplateHash), MarkdownText.Code(b.Run.ChatTemplateHash));
        Row("Seeds", Seeds(a.Run), Seeds(b.Run));
        Row("Limit per task", Limit(a.Run), Limit(b.Run));
        Row("Harness", $"{MarkdownText.Escape(a.Run.HarnessVersion)} {MarkdownText.Code(a.Run.GitCommit)}", $"{MarkdownText.Escape(b.Run.HarnessVersion)} {MarkdownText.Code(b.Run.GitCommit)}");
        Row("Runtime", MarkdownText.Cell(a.Run.Runtime), MarkdownText.Cell(b.Run.Runtime));
        Row("Device", MarkdownText.Cell(a.Run.Device), MarkdownText.Cell(b.Run.Device));
        Row("Started", Numbers.Utc(a.Run.StartedUtc), Numbers.Utc(b.Run.StartedUtc));
        md.Table(table);
    }

    private static void AppendTasks(StringBuilder md, ReportData a, ReportData b)
    {
        md.Section(Headings.Tasks);
        var tasksB = b.Tasks.ToDictionary(t => t.Task, StringComparer.Ordinal);
        var table = new MarkdownTable("Task", "Metric", "A:", "B:", "Δ (B − A):", "95% CI of Δ:", "SE", "CI excludes 0", "Protocol differences");
        foreach (var taskA in a.Tasks.Where(t => tasksB.ContainsKey(t.Task)))
        {
            var taskB = tasksB[taskA.Task];
            var diff = MetricDifference.Of(taskA, taskB);
            var metric = taskA.Headline.Name == taskB.Headline.Name ? taskA.Headline.Name : $"{taskA.Headline.Name} / {taskB.Headline.Name}";
            table.Row(MarkdownText.Cell(taskA.Task), MarkdownText.Cell(metric),
                Numbers.MetricWithSe(taskA.Headline.Value, taskA.Headline.StdErr), Numbers.MetricWithSe(taskB.Headline.Value, taskB.Headline.StdErr),
                Numbers.Signed(diff.Delta), Numbers.Interval(diff.CiLow, diff.CiHigh, 4),
                diff.Paired ? $"paired (n={diff.PairedN.ToString(CultureInfo.InvariantCulture)})" : "unpaired",
                diff.Significant ? "yes" : "no", MarkdownText.Cell(ProtocolDifferences(taskA.Protocol, taskB.Protocol)));
        }
        md.Table(table);
        var onlyA = a.Tasks.Select(t => t.Task).Except(tasksB.Keys).ToArray();
        var onlyB = b.Tasks.Select(t => t.Task).Except(a.Tasks.Select(t => t.Task)).ToArray();
        if (onlyA.Length > 0) md.Paragraph("Only in run A: " + MarkdownText.Escape(string.Join(", ", onlyA)) + ".");
        if (onlyB.Length > 0) md.Paragraph("Only in run B: " + MarkdownText.Escape(string.Join(", ", onlyB)) + ".");
    }

    private static void AppendCategories(StringBuilder md, ReportData a, ReportData b)
    {
        md.Section(Headings.Categories);
        if (a.Composite is null || b.Composite is null)
        {
            md.Paragraph($"Not compared: run {(a.Composite is null ? "A" : "B")} has no composite ({MarkdownText.Escape(VerdictSection.NotComputedReason(a.Composite is null ? a : b))})");
            return;
        }
        var categoriesB = b.Composite.Categories.ToDictionary(c => c.Category, StringComparer.Ordinal);
        var table = new MarkdownTable("Category", "A:", "B:", "Δ (B − A):", "95% CI of Δ:", "Same benchmarks");
        foreach (var category in a.Composite.Categories.Where(c => categoriesB.ContainsKey(c.Category)))
        {
            var other = categoriesB[category.Category];
            var diff = MetricDifference.Unpaired(category.Value, category.StandardError, other.Value, other.StandardError);
            table.Row(MarkdownText.Cell(category.Category), Numbers.MetricWithSe(category.Value, category.StandardError),
                Numbers.MetricWithSe(other.Value, other.StandardError), Numbers.Signed(diff.Delta), Numbers.Interval(diff.CiLow, diff.CiHigh, 4),
                category.BenchmarkIds.SequenceEqual(other.BenchmarkIds) ? "yes" : $"**no** (A: {MarkdownText.Escape(string.Join(", ", category.BenchmarkIds))}; B: {MarkdownText.Escape(string.Join(", ", other.BenchmarkIds))})");
        }
        md.Table(table);
    }

    private static void AppendComposite(StringBuilder md, ReportData a, ReportData b)
    {
        md.Section(Headings.Composite);
        if (a.Composite is null || b.Composite is null)
        {
            md.Paragraph("Not compared: both runs need a composite.");
            return;
        }
        var table = new MarkdownTable("Quantity", "A:", "B:", "Δ (B − A):", "95% CI of Δ:");
        if (a.Composite.BenchmarkIds.SequenceEqual(b.Composite.BenchmarkIds))
        {
            AddRow(table, "Composite (fraction)", MetricDifference.Unpaired(a.Composite.Value, a.Composite.StandardError, b.Composite.Value, b.Composite.StandardError), 4);
        }
        else
        {
            md.Paragraph($"The composites cover different benchmarks (A: {MarkdownText.Escape(string.Join(", ", a.Composite.BenchmarkIds))}; "
                + $"B: {MarkdownText.Escape(string.Join(", ", b.Composite.BenchmarkIds))}), so their difference is not like for like and is not shown.");
        }
        if (a.Comparison is { } ca && b.Comparison is { } cb && ca.BenchmarkIds.SequenceEqual(cb.BenchmarkIds) && ca.ReferenceModel == cb.ReferenceModel)
        {
            AddRow(table, $"Frontier index ({MarkdownText.Escape(ca.ReferenceModel)} = 100)",
                MetricDifference.Unpaired(ca.LocalIndex.Value, ca.LocalIndex.StandardError, cb.LocalIndex.Value, cb.LocalIndex.StandardError), 1);
        }
        if (a.Months is { } ma && b.Months is { } mb)
        {
            table.Row("Months to frontier (threshold)", ma.Threshold.Display, mb.Threshold.Display,
                Numbers.Signed(mb.Threshold.MonthsRounded - ma.Threshold.MonthsRounded, 1),
                $"A {Numbers.Interval(ma.Threshold.Ci95.Low, ma.Threshold.Ci95.High)}, B {Numbers.Interval(mb.Threshold.Ci95.Low, mb.Threshold.Ci95.High)}");
        }
        md.Table(table);
    }

    private static void AddRow(MarkdownTable table, string label, MetricDifference diff, int decimals) =>
        table.Row(label, $"{Numbers.Fixed(diff.A, decimals)}", $"{Numbers.Fixed(diff.B, decimals)}", Numbers.Signed(diff.Delta, decimals),
            Numbers.Interval(diff.CiLow, diff.CiHigh, decimals));

    /// <summary>The protocol fields that differ between the two runs of a task ("" when none).</summary>
    public static string ProtocolDifferences(EvaluationProtocol a, EvaluationProtocol b)
    {
        var differences = new List<string>();
        void Compare(string field, object? x, object? y)
        {
            if (!Equals(x, y)) differences.Add($"{field} {x ?? "none"} → {y ?? "none"}");
        }
        Compare("version", a.TaskVersion, b.TaskVersion);
        Compare("shots", a.FewShot, b.FewShot);
        Compare("chat", a.ChatTemplate, b.ChatTemplate);
        Compare("template", a.TemplateHash, b.TemplateHash);
        Compare("thinking", a.Thinking, b.Thinking);
        Compare("dataset revision", a.DatasetRevision, b.DatasetRevision);
        Compare("scorer", a.Scorer, b.Scorer);
        Compare("generation", PlainGeneration(a), PlainGeneration(b));
        return string.Join("; ", differences);
    }

    /// <summary>Sampling settings as plain text (escaped later, with the rest of the cell).</summary>
    private static string? PlainGeneration(EvaluationProtocol protocol) => protocol.Generation is not { } g ? null
        : string.Create(CultureInfo.InvariantCulture,
            $"(max {g.MaxNewTokens}, T {g.Temperature}, top-p {g.TopP}, top-k {g.TopK}, min-p {g.MinP}, seed {g.Seed}, stops [{string.Join(" ", g.StopSequences.Select(s => s.Replace("\n", "\\n")))}])");

    private static string Seeds(RunInfo run) =>
        run.Seeds.Count == 0 ? "none" : string.Join(", ", run.Seeds.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => $"{MarkdownText.Escape(s.Key)}={s.Value.ToString(CultureInfo.InvariantCulture)}"));

    private static string Limit(RunInfo run) => run.Limit is { } limit ? limit.ToString(CultureInfo.InvariantCulture) : "none";
}
