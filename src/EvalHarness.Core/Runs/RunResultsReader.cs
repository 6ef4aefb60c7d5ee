using System.Text.Json;
using EvalHarness.Core.Evaluation;
using EvalHarness.Core.Metrics;

namespace EvalHarness.Core.Runs;

/// <summary>A finished run read back from its directory: each task's suite entry and its result, samples included.</summary>
public sealed record StoredRun(string Directory, RunManifest Manifest, IReadOnlyList<PlannedResult> Tasks);

/// <summary>One task of a stored run.</summary>
public sealed record PlannedResult(SuiteTask Entry, TaskResult Result);

/// <summary>
/// Reads results.json and samples.jsonl of a run directory back into task results (for `report` and `compare`),
/// with each task's time and tokens from the manifest. A run that never finished has no results.json: the error
/// says to resume it.
/// </summary>
public static class RunResultsReader
{
    public static StoredRun Read(string runDirectory)
    {
        var manifest = RunManifest.Read(runDirectory);
        var resultsPath = Path.Combine(runDirectory, RunResultsFile.ResultsName);
        if (!File.Exists(resultsPath))
        {
            throw new UserInputException($"{runDirectory} has no {RunResultsFile.ResultsName}: the run has not finished",
                $"finish it with `evalharness run --resume {runDirectory}`");
        }
        var samples = ReadSamples(Path.Combine(runDirectory, RunResultsFile.SamplesName));
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(resultsPath));
            var tasks = document.RootElement.GetProperty("tasks").EnumerateArray().Select(task => ReadTask(task, samples, manifest)).ToArray();
            return new StoredRun(runDirectory, manifest, tasks);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new UserInputException($"{resultsPath} is not a results file this harness can read ({e.Message})",
                $"regenerate it with `evalharness run --resume {runDirectory}`");
        }
    }

    private static PlannedResult ReadTask(JsonElement task, ILookup<string, SampleRecord> samples, RunManifest manifest)
    {
        var name = task.GetProperty("task").GetString()!;
        var entry = new SuiteTask(name, task.GetProperty("suite_category").GetString()!,
            task.GetProperty("benchmark").ValueKind == JsonValueKind.String ? task.GetProperty("benchmark").GetString() : null,
            task.GetProperty("weight").GetDouble(), manifest.Tasks.FirstOrDefault(t => t.Task == name)?.Subset);
        var metrics = task.GetProperty("metrics").EnumerateArray().Select(Metric).ToArray();
        var groups = task.GetProperty("groups").EnumerateObject().ToDictionary(
            metric => metric.Name,
            metric => (IReadOnlyDictionary<string, MetricValue>)metric.Value.EnumerateObject()
                .ToDictionary(group => group.Name, group => Metric(group.Value, metric.Name), StringComparer.Ordinal),
            StringComparer.Ordinal);
        var protocol = task.GetProperty("protocol").Deserialize<EvaluationProtocol>(RunResultsFile.Json)!;
        var timing = manifest.TaskTimings.GetValueOrDefault(name) ?? new RunTaskTiming(0, 0);
        var result = new TaskResult(name, task.GetProperty("category").GetString()!, protocol, metrics, groups,
            task.GetProperty("samples").GetInt32(), task.GetProperty("truncated").GetInt32(), task.GetProperty("thinking_unterminated").GetInt32(),
            task.GetProperty("no_answer_found").GetInt32(), TimeSpan.FromSeconds(timing.Seconds), samples[name].ToArray(), timing.TokensProcessed);
        return new PlannedResult(entry, result);
    }

    private static MetricValue Metric(JsonElement metric) => Metric(metric, metric.GetProperty("name").GetString()!);

    private static MetricValue Metric(JsonElement metric, string name) => new(name, Number(metric.GetProperty("value")),
        Number(metric.GetProperty("stderr")), metric.GetProperty("n").GetInt32());

    /// <summary>Numbers, or "NaN"/"Infinity" as the results file writes values that have none.</summary>
    private static double Number(JsonElement value) => value.ValueKind == JsonValueKind.String
        ? double.Parse(value.GetString()!, System.Globalization.CultureInfo.InvariantCulture)
        : value.GetDouble();

    private static ILookup<string, SampleRecord> ReadSamples(string path) =>
        (File.Exists(path) ? File.ReadLines(path) : [])
        .Where(line => line.Length > 0)
        .Select(line => JsonSerializer.Deserialize<SampleRecord>(line, RunResultsFile.Json)!)
        .ToLookup(record => record.Task, StringComparer.Ordinal);
}
