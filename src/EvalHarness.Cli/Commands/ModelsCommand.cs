using System.CommandLine;
using System.Globalization;
using EvalHarness.Core.Models;
using EvalHarness.Gguf.Format;
using EvalHarness.Gguf.Synthetic;
using Spectre.Console;

namespace EvalHarness.Cli.Commands;

/// <summary>
/// <c>evalharness models …</c>: model files. <c>list</c> shows the catalog (models/catalog.yaml), <c>pull</c> downloads a
/// catalog model or hf: file (resumable, sha256-checked), <c>synth</c> writes random-weight models for throughput work.
/// </summary>
public static class ModelsCommand
{
    public static Command Create()
    {
        var command = new Command("models", "Model files: list and download known GGUFs, generate synthetic models for benchmarks.");
        command.Subcommands.Add(List());
        command.Subcommands.Add(Pull());
        command.Subcommands.Add(Synth());
        return command;
    }

    private static Command List()
    {
        var command = new Command("list", "Show the known GGUF files of models/catalog.yaml and whether each is already on disk.");
        command.SetAction(parse =>
        {
            var catalog = ModelCatalog.LoadDefault();
            var options = new ModelAccessOptions();
            var table = new Table().AddColumns("name", "organisation", "released", "size", "context", "sampling", "thinking", "sha256", "on disk");
            foreach (var entry in catalog.Entries)
            {
                table.AddRow(
                    Markup.Escape(entry.Name), Markup.Escape(entry.Organisation), entry.ReleaseDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    Size(entry), entry.ContextLength.ToString("N0", CultureInfo.InvariantCulture), Markup.Escape(entry.Sampling.ToString()),
                    Markup.Escape(entry.Thinking is { } t ? $"{t.Flag} (sampling {t.Sampling})" : "-"),
                    entry.Sha256 is { } sha ? sha[..12] + "…" : "unknown", File.Exists(entry.Source.CachePath(options.CacheDirectory)) ? "yes" : "");
            }
            var output = parse.InvocationConfiguration.Output;
            ConsoleTables.For(output).Write(table);
            output.WriteLine($"catalog: {catalog.File}; cache: {options.CacheDirectory}");
            output.WriteLine("download one with `evalharness models pull <name>`; \"unknown\" sha256 = the download cannot be verified.");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Pull()
    {
        var reference = new Argument<string>("model") { Description = "A catalog name (evalharness models list) or hf:owner/repo[@revision]/path/file.gguf." };
        var directory = new Option<string?>("--dir") { Description = "Download into this folder (under the file's name) instead of the cache." };
        var offline = new Option<bool>("--offline") { Description = "Never touch the network: only check a file already on disk (also EVALHARNESS_OFFLINE=1)." };
        var command = new Command("pull", "Download a model file (resumes an interrupted download, checks size and sha256 when known).");
        command.Arguments.Add(reference);
        command.Options.Add(directory);
        command.Options.Add(offline);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var options = new ModelAccessOptions();
            if (parse.GetValue(offline)) options = options with { Offline = true };
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var interactive = ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected;
            var result = interactive
                ? await PullWithProgressBarAsync(options, parse.GetValue(reference)!, parse.GetValue(directory), cancellationToken)
                : await PullWithLogLinesAsync(options, parse.GetValue(reference)!, parse.GetValue(directory), output, error, cancellationToken);
            output.WriteLine(Describe(result, intoCache: parse.GetValue(directory) is null));
            return ExitCodes.Success;
        });
        return command;
    }

    private static Task<ResolvedModel> PullWithLogLinesAsync(
        ModelAccessOptions options, string reference, string? directory, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var log = new PlainProgressLog(output);
        var resolver = new ModelResolver(options) { Progress = log.Report, Notice = error.WriteLine };
        return resolver.PullAsync(reference, directory, cancellationToken);
    }

    private static async Task<ResolvedModel> PullWithProgressBarAsync(
        ModelAccessOptions options, string reference, string? directory, CancellationToken cancellationToken)
    {
        var console = AnsiConsole.Console;
        ResolvedModel? result = null;
        await console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new DownloadedColumn(),
                new TransferSpeedColumn(), new RemainingTimeColumn())
            .StartAsync(async context =>
            {
                var tasks = new Dictionary<DownloadPhase, ProgressTask>();
                void Report(DownloadProgress progress)
                {
                    lock (tasks)
                    {
                        if (!tasks.TryGetValue(progress.Phase, out var task))
                        {
                            var verb = progress.Phase == DownloadPhase.Downloading ? "downloading" : "checking sha256 of";
                            task = tasks[progress.Phase] = context.AddTask(Markup.Escape($"{verb} {progress.File}"), autoStart: true);
                        }
                        if (progress.BytesTotal is { } total) task.MaxValue = total;
                        else task.IsIndeterminate = true;
                        task.Value = progress.BytesDone;
                    }
                }
                var resolver = new ModelResolver(options)
                {
                    Progress = Report,
                    Notice = line => console.MarkupLine($"[yellow]{Markup.Escape(line)}[/]"),
                };
                result = await resolver.PullAsync(reference, directory, cancellationToken);
            });
        return result!;
    }

    private static string Describe(ResolvedModel result, bool intoCache)
    {
        var what = result.Downloaded ? "downloaded" : "already on disk";
        var check = result.Verified
            ? "size and sha256 match the catalog"
            : "NOT verified: no sha256 is known for this file (add it to models/catalog.yaml to check future downloads)";
        // Only the cache is where --model looks a name up; a file pulled elsewhere is used by its path.
        var use = intoCache ? result.Entry?.Name ?? result.Reference : result.Path;
        return $"{what}: {result.Path}\n  sha256 {result.Sha256} — {check}\n  use it with --model {use}";
    }

    private static string Size(CatalogEntry entry) => entry.SizeBytes is { } bytes
        ? PlainProgressLog.Bytes(bytes)
        : entry.ApproximateSizeGigabytes is { } gb ? $"~{gb.ToString("0.###", CultureInfo.InvariantCulture)} GB" : "?";

    /// <summary>Progress as log lines for redirected output: one at each tenth of the file, and when a phase ends.</summary>
    private sealed class PlainProgressLog(TextWriter output)
    {
        private readonly Dictionary<DownloadPhase, int> _lastStep = new();

        public void Report(DownloadProgress progress)
        {
            // Without a total, a line per 100 MB; with one, a line per 10%.
            var step = progress.Fraction is { } fraction ? (int)(fraction * 10) : (int)(progress.BytesDone / 100_000_000);
            if (_lastStep.TryGetValue(progress.Phase, out var last) && last == step) return;
            _lastStep[progress.Phase] = step;
            var verb = progress.Phase == DownloadPhase.Downloading ? "downloading" : "checking sha256 of";
            var amount = progress.BytesTotal is { } total
                ? $"{100 * progress.BytesDone / Math.Max(total, 1)}% ({Bytes(progress.BytesDone)} of {Bytes(total)}"
                : $"({Bytes(progress.BytesDone)}";
            output.WriteLine($"{verb} {progress.File}: {amount}, {Bytes((long)progress.BytesPerSecond)}/s)");
        }

        public static string Bytes(long bytes) => bytes switch
        {
            >= 1_000_000_000 => $"{(bytes / 1e9).ToString("0.00", CultureInfo.InvariantCulture)} GB",
            >= 1_000_000 => $"{(bytes / 1e6).ToString("0.0", CultureInfo.InvariantCulture)} MB",
            >= 1_000 => $"{(bytes / 1e3).ToString("0.0", CultureInfo.InvariantCulture)} kB",
            _ => $"{bytes} B",
        };
    }

    private static Command Synth()
    {
        var shape = new Option<string>("--shape") { Description = "smollm135m, exaone32b or tiny.", DefaultValueFactory = _ => "smollm135m" };
        var type = new Option<string>("--type") { Description = "Weight type: f32, f16, q8_0 or q4_0.", DefaultValueFactory = _ => "q8_0" };
        var layers = new Option<int?>("--layers") { Description = "Override the layer count (same per-layer shape, proportionally less compute)." };
        var seed = new Option<int>("--seed") { DefaultValueFactory = _ => 1 };
        var output = new Option<string>("--out", "-o") { Description = "Where to write the .gguf.", Required = true };
        var command = new Command("synth", "Write a random-weight llama-architecture model of a known shape (random weights cost the same compute as trained ones).");
        foreach (var option in new Option[] { shape, type, layers, seed, output }) command.Options.Add(option);
        command.SetAction(parse =>
        {
            var chosen = parse.GetValue(shape) switch
            {
                "smollm135m" => LlamaModelShape.SmolLm135MLike,
                "exaone32b" => LlamaModelShape.Exaone32BLike,
                "tiny" => LlamaModelShape.Tiny,
                var other => throw new UserInputException($"--shape {other} is not a known shape", "use smollm135m, exaone32b or tiny"),
            };
            if (parse.GetValue(layers) is { } n)
            {
                if (n < 1) throw new UserInputException($"--layers {n} must be at least 1", "pass a positive layer count");
                chosen = chosen with { Layers = n };
            }
            var weightType = parse.GetValue(type)!.ToLowerInvariant() switch
            {
                "f32" => GgmlType.F32,
                "f16" => GgmlType.F16,
                "q8_0" => GgmlType.Q8_0,
                "q4_0" => GgmlType.Q4_0,
                var other => throw new UserInputException($"--type {other} cannot be written", "use f32, f16, q8_0 or q4_0"),
            };
            var path = parse.GetValue(output)!;
            SyntheticModelWriter.WriteRandom(path, chosen, weightType, parse.GetValue(seed));
            parse.InvocationConfiguration.Output.WriteLine($"wrote {path}: {chosen.ParameterCount / 1e6:F0}M parameters, {weightType}, {new FileInfo(path).Length / 1e9:F2} GB");
            return ExitCodes.Success;
        });
        return command;
    }
}
