using System.Globalization;
using System.Text.Json;

namespace EvalHarness.Llama.Bench;

/// <summary>One row of llama-batched-bench's JSONL output.</summary>
public sealed record BatchedBenchRow(int PromptTokens, int GeneratedTokens, int Parallel, double PromptSeconds, double PromptTokensPerSecond, double GenerationSeconds, double GenerationTokensPerSecond);

/// <summary>Runs llama.cpp's llama-batched-bench with the same model and context settings as our engine.</summary>
public static class BatchedBenchRunner
{
    public static IReadOnlyList<BatchedBenchRow> Run(
        string tool, string model, BenchSettings settings, IReadOnlyList<int> parallel, CancellationToken cancellationToken = default)
    {
        var inv = CultureInfo.InvariantCulture;
        var arguments = new List<string>
        {
            "-m", model, "-c", settings.KvCells.ToString(inv), "-b", settings.BatchSize.ToString(inv), "-ub", settings.MicroBatchSize.ToString(inv),
            "-npp", settings.PromptTokens.ToString(inv), "-ntg", settings.GeneratedTokens.ToString(inv), "-npl", string.Join(',', parallel),
            "-t", settings.Threads.ToString(inv), "-ngl", settings.GpuLayers.ToString(inv), "-kvu", "--output-format", "jsonl",
        };
        if (settings.FlashAttention is { } fa) arguments.AddRange(["-fa", fa ? "on" : "off"]);
        var outcome = ExternalProcess.Run(tool, arguments, cancellationToken: cancellationToken);
        if (outcome.ExitCode != 0)
        {
            throw new InvalidOperationException($"llama-batched-bench failed (exit {outcome.ExitCode}): {ExternalProcess.Tail(outcome.Stderr, 5)}");
        }
        var rows = new List<BatchedBenchRow>();
        foreach (var line in (outcome.Stdout + "\n" + outcome.Stderr).Split('\n'))
        {
            var trimmed = line.Trim();
            if (!trimmed.StartsWith("{\"n_kv_max\"", StringComparison.Ordinal)) continue;
            using var json = JsonDocument.Parse(trimmed);
            var r = json.RootElement;
            rows.Add(new BatchedBenchRow(
                r.GetProperty("pp").GetInt32(), r.GetProperty("tg").GetInt32(), r.GetProperty("pl").GetInt32(),
                r.GetProperty("t_pp").GetDouble(), r.GetProperty("speed_pp").GetDouble(),
                r.GetProperty("t_tg").GetDouble(), r.GetProperty("speed_tg").GetDouble()));
        }
        return rows.Count > 0 ? rows : throw new InvalidOperationException($"llama-batched-bench printed no results: {ExternalProcess.Tail(outcome.Stdout + outcome.Stderr, 5)}");
    }
}
