using System.CommandLine;
using EvalHarness.Core.Datasets;
using EvalHarness.Core.Prompts;

namespace EvalHarness.Cli.Commands;

/// <summary>Options the eval and score commands share: dataset access, shots, thinking, output folder.</summary>
public sealed class TaskRunOptions
{
    public Option<int?> Limit { get; } = new("--limit") { Description = "Evaluate only the first N samples of each task." };
    public Option<int?> FewShot { get; } = new("--fewshot") { Description = "Exemplars per prompt (default: the task's)." };
    public Option<string> Thinking { get; } = new("--thinking") { Description = "on, off or default (leave it to the model's template).", DefaultValueFactory = _ => "default" };
    public Option<string?> Out { get; } = new("--out") { Description = "Folder for results JSON and per-sample JSONL (default: results/<time>)." };
    public Option<bool> Offline { get; } = new("--offline") { Description = "Use only datasets already in the cache." };
    public Option<string[]> DataDir { get; } = new("--data-dir")
    {
        Description = "A local folder holding the dataset files (replaces the download): DIR for every task, or TASK=DIR for one (repeatable).",
        AllowMultipleArgumentsPerToken = false,
    };

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { Limit, FewShot, Thinking, Out, Offline, DataDir }) command.Options.Add(option);
    }

    public ThinkingMode BindThinking(ParseResult parse) => parse.GetValue(Thinking)!.ToLowerInvariant() switch
    {
        "on" => ThinkingMode.On,
        "off" => ThinkingMode.Off,
        "default" => ThinkingMode.Default,
        var other => throw new UserInputException($"--thinking {other} is not a thinking mode", "use --thinking on, off or default"),
    };

    public DatasetAccessOptions BindDatasets(ParseResult parse)
    {
        var defaults = new DatasetAccessOptions();
        string? everyTask = null;
        var perTask = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var value in parse.GetValue(DataDir) ?? [])
        {
            var equals = value.IndexOf('=');
            if (equals > 0 && !Directory.Exists(value)) perTask[value[..equals]] = value[(equals + 1)..];
            else if (everyTask is null) everyTask = value;
            else throw new UserInputException($"--data-dir {value}: only one folder can stand for every task ({everyTask} already does)", "name the task: --data-dir TASK=DIR");
        }
        return defaults with { Offline = defaults.Offline || parse.GetValue(Offline), DataDirectoryOverride = everyTask, TaskDataDirectories = perTask };
    }

    public string OutputDirectory(ParseResult parse) =>
        parse.GetValue(Out) ?? Path.Combine("results", DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", System.Globalization.CultureInfo.InvariantCulture));
}
