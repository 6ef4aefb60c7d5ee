using EvalHarness.Core.Evaluation;
using EvalHarness.Core.Frontier;
using EvalHarness.Core.Runs;
using EvalHarness.Reports;

namespace EvalHarness.Cli;

/// <summary>Fills the report's data from a run: its manifest, each task's suite entry and result, and the frontier table.</summary>
public static class RunReportBuilder
{
    public static ReportData Build(RunManifest manifest, IReadOnlyList<PlannedResult> tasks, FrontierTable frontier, DateOnly today)
    {
        var results = tasks.Select(t => t.Result).ToArray();
        var standing = FrontierStanding.Compute(frontier, tasks.Select(t => t.Entry).ToArray(), results, manifest.Settings.Released, today);
        var model = manifest.Model;
        var version = manifest.HarnessVersion.Split('+', 2);
        var attempts = manifest.Attempts;
        var data = new ReportData(
            new ModelCard(model.Name ?? Path.GetFileNameWithoutExtension(model.Path), model.Path, model.FileSize, model.Sha256,
                model.Architecture ?? "unknown", model.ParameterCount, model.FileType ?? "unknown", (int)(model.ContextLength ?? 0), manifest.Settings.Released),
            new RunInfo(manifest.RunId, manifest.CreatedUtc, attempts.LastOrDefault()?.FinishedUtc, version[0], version.Length > 1 ? version[1] : null,
                model.Runtime, model.Device, manifest.Settings.Thinking, manifest.Settings.Chat ? model.ChatTemplateSha256 : null,
                new Dictionary<string, long> { ["subset"] = manifest.Suite.Seed }, manifest.Settings.Limit, manifest.Suite.Name),
            results,
            RulerLengths: LengthCurves(results),
            RunCategories: RunCategoryScore.Of(tasks.Select(t => t.Entry).ToArray(), results));
        return ReportFrontier.From(standing).ApplyTo(data, frontier);
    }

    /// <summary>Writes report.md and its charts into the run directory; returns the paths.</summary>
    public static IReadOnlyList<string> Write(string runDirectory, RunManifest manifest, IReadOnlyList<PlannedResult> tasks, FrontierTable frontier) =>
        ReportWriter.Write(runDirectory, Build(manifest, tasks, frontier, DateOnly.FromDateTime(DateTime.UtcNow)));

    /// <summary>Per-length scores of the RULER tasks (scored by substring match, grouped by target length in tokens).</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<LengthPoint>> LengthCurves(IReadOnlyList<TaskResult> results)
    {
        var curves = new Dictionary<string, IReadOnlyList<LengthPoint>>(StringComparer.Ordinal);
        foreach (var result in results.Where(r => r.Protocol.Scorer.StartsWith("ruler-", StringComparison.Ordinal)))
        {
            if (!result.Groups.TryGetValue(result.Headline.Name, out var groups)) continue;
            var points = groups
                .Select(g => (Parsed: int.TryParse(g.Key, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var length), Length: length, g.Value))
                .Where(g => g.Parsed)
                .OrderBy(g => g.Length)
                .Select(g => new LengthPoint(g.Length, g.Value.Value, g.Value.StdErr))
                .ToArray();
            if (points.Length > 0) curves[result.Task] = points;
        }
        return curves;
    }
}
