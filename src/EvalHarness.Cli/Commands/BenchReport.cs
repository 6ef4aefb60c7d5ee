using System.Globalization;
using EvalHarness.Llama.Bench;
using EvalHarness.Llama.Runtime;

namespace EvalHarness.Cli.Commands;

/// <summary>Prints the benchmark as a markdown table: ours, llama.cpp's, and the ratio.</summary>
internal sealed class BenchReport(TextWriter output)
{
    public void Header(NativeRuntimeInfo runtime, string model, BenchSettings settings)
    {
        output.WriteLine($"model: {model}");
        output.WriteLine($"runtime: {runtime.Describe()}");
        output.WriteLine($"settings: prompt {settings.PromptTokens} tokens, generate {settings.GeneratedTokens}, batch {settings.BatchSize}/{settings.MicroBatchSize}, " +
            $"threads {settings.Threads}, KV cells {settings.KvCells}, loglikelihood workload {settings.Questions} questions × {settings.Choices} one-token choices");
        output.WriteLine();
    }

    public void Results(LoglikelihoodMeasurement loglikelihood, IReadOnlyList<GenerationMeasurement> generation, IReadOnlyList<BatchedBenchRow>? reference, BenchSettings settings)
    {
        output.WriteLine("| measurement | evalharness | llama-batched-bench | ratio |");
        output.WriteLine("|---|---:|---:|---:|");
        var perBatch = settings.BatchSize / settings.PromptTokens;
        var pp = reference?.FirstOrDefault(r => r.Parallel == perBatch);
        Row($"loglikelihood tokens/s (vs prompt processing, {perBatch} prompts of {settings.PromptTokens} per batch)", loglikelihood.TokensPerSecond, pp?.PromptTokensPerSecond);
        Row("loglikelihood requests/s", loglikelihood.RequestsPerSecond, null);
        foreach (var g in generation)
        {
            var tg = reference?.FirstOrDefault(r => r.Parallel == g.Parallel);
            Row($"generation tokens/s, {g.Parallel} parallel (aggregate)", g.DecodeTokensPerSecond, tg?.GenerationTokensPerSecond);
        }
        output.WriteLine();
        var ll = loglikelihood.Statistics;
        output.WriteLine($"loglikelihood time: total {Ms(ll.Total)}, tokenizing {Ms(ll.Encoding)}, llama_decode {Ms(ll.Decoding)}, log-softmax {Ms(ll.Scoring)} " +
            $"({ll.TokensDecoded} tokens for {ll.Requests} requests)");
        foreach (var g in generation)
        {
            var s = g.Statistics;
            output.WriteLine($"generation time, {g.Parallel} parallel: decode steps {Ms(s.Decode)} ({s.DecodeSteps} steps), llama_decode {Ms(s.DecodeInLlama)}, " +
                $"our own work {Us(s.HostTimePerDecodeStep)} per step (sampling, stop search, batch building)");
        }
        output.WriteLine();
        output.WriteLine("Legend: loglikelihood tokens/s = tokens fed to llama_decode per second while scoring (contexts decoded once and shared by their choices); " +
            "generation tokens/s = tokens produced per second in decode steps, all sequences together, greedy sampling included. " +
            "llama-batched-bench: S_PP (prompt processing) and S_TG (generation, no sampling) of the same model, same release, same batch sizes. " +
            "ratio = evalharness / llama-batched-bench.");
    }

    private static string Us(TimeSpan t) => $"{(t.TotalMilliseconds * 1000).ToString("F0", CultureInfo.InvariantCulture)} µs";

    private static string Ms(TimeSpan t) => $"{t.TotalMilliseconds.ToString("F0", CultureInfo.InvariantCulture)} ms";

    private void Row(string name, double ours, double? theirs)
    {
        var inv = CultureInfo.InvariantCulture;
        var reference = theirs is { } t ? t.ToString("F1", inv) : "–";
        var ratio = theirs is { } r && r > 0 ? (ours / r).ToString("F2", inv) : "–";
        output.WriteLine($"| {name} | {ours.ToString("F1", inv)} | {reference} | {ratio} |");
    }
}
