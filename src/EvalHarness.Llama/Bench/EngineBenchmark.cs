using System.Diagnostics;
using EvalHarness.Core.Inference;
using EvalHarness.Llama.Engine;

namespace EvalHarness.Llama.Bench;

/// <summary>Loglikelihood throughput of our engine on an MMLU-shaped workload.</summary>
public sealed record LoglikelihoodMeasurement(LoglikelihoodStatistics Statistics)
{
    public double TokensPerSecond => Statistics.TokensPerSecond;
    public double RequestsPerSecond => Statistics.Requests / Statistics.Total.TotalSeconds;
}

/// <summary>Generation throughput of our engine at one level of parallelism.</summary>
public sealed record GenerationMeasurement(int Parallel, GenerationStatistics Statistics, double Seconds)
{
    public double DecodeTokensPerSecond => Statistics.DecodeTokensPerSecond;
}

/// <summary>Measures the engine on synthetic work whose shape matches llama-batched-bench's.</summary>
public static class EngineBenchmark
{
    /// <summary>
    /// MMLU-shaped: each question is a unique context of PromptTokens random tokens and Choices one-token answers;
    /// the context is decoded once and shared. Tokens processed = every token fed to llama_decode.
    /// </summary>
    public static LoglikelihoodMeasurement MeasureLoglikelihood(LlamaEngine engine, BenchSettings settings, int seed)
    {
        var random = new Random(seed);
        var requests = new List<LoglikelihoodRequest>();
        for (var q = 0; q < settings.Questions; q++)
        {
            var context = RandomText(engine, random, settings.PromptTokens);
            for (var c = 0; c < settings.Choices; c++)
            {
                requests.Add(new LoglikelihoodRequest(context, " " + RandomText(engine, random, 1).Trim()));
            }
        }
        // A full-size warm-up (GPU clocks, kernel selection for every batch shape), then the best of three runs,
        // as llama-batched-bench's own figures come after a warm-up and earlier configurations.
        engine.Loglikelihood(requests);
        LoglikelihoodStatistics? best = null;
        for (var run = 0; run < 3; run++)
        {
            engine.Loglikelihood(requests);
            var statistics = engine.LastLoglikelihoodStatistics!;
            if (best is null || statistics.Total < best.Total) best = statistics;
        }
        return new LoglikelihoodMeasurement(best!);
    }

    /// <summary>Parallel sequences each with PromptTokens random prompt tokens, generating exactly GeneratedTokens (greedy, EOS ignored).</summary>
    public static GenerationMeasurement MeasureGeneration(LlamaEngine engine, BenchSettings settings, int parallel, int seed)
    {
        var random = new Random(seed);
        var settingsForRequest = new SamplingSettings { MaxNewTokens = settings.GeneratedTokens, IgnoreEndOfGeneration = true };
        var requests = Enumerable.Range(0, parallel)
            .Select(_ => new GenerationRequest(RandomTokens(engine, random, settings.PromptTokens), settingsForRequest))
            .ToArray();
        // A full-size warm-up first: the engine's per-token code runs JIT-compiled at its first tier until .NET has
        // recompiled it (after some 100 ms), which a short warm-up does not cover; llama-batched-bench has no JIT.
        engine.Generate(requests);
        var clock = Stopwatch.StartNew();
        engine.Generate(requests);
        clock.Stop();
        return new GenerationMeasurement(parallel, engine.LastGenerationStatistics!, clock.Elapsed.TotalSeconds);
    }

    private static int[] RandomTokens(LlamaEngine engine, Random random, int count)
    {
        var vocabulary = engine.Model.Vocabulary;
        var tokens = new int[count];
        for (var i = 0; i < count; i++)
        {
            int token;
            do token = random.Next(vocabulary.Count); while (vocabulary.IsEndOfGeneration(token) || token == vocabulary.Bos);
            tokens[i] = token;
        }
        return tokens;
    }

    private static string RandomText(LlamaEngine engine, Random random, int tokens) =>
        engine.Detokenize(RandomTokens(engine, random, tokens), renderSpecial: false);
}
