using System.Diagnostics;
using EvalHarness.Core.Inference;
using EvalHarness.Llama.Engine;

namespace EvalHarness.Llama.Bench;

/// <summary>Loglikelihood throughput of our engine on an MMLU-shaped workload.</summary>
public sealed record LoglikelihoodMeasurement(int Requests, long TokensProcessed, double Seconds)
{
    public double TokensPerSecond => TokensProcessed / Seconds;
    public double RequestsPerSecond => Requests / Seconds;
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
        engine.Loglikelihood(requests.Take(settings.Choices).ToArray()); // warm-up
        var clock = Stopwatch.StartNew();
        var results = engine.Loglikelihood(requests);
        clock.Stop();
        long tokens = 0;
        for (var i = 0; i < results.Count; i += settings.Choices)
        {
            tokens += results[i].ContextTokenCount;
            for (var c = 0; c < settings.Choices; c++) tokens += results[i + c].ContinuationTokenCount - 1;
        }
        return new LoglikelihoodMeasurement(requests.Count, tokens, clock.Elapsed.TotalSeconds);
    }

    /// <summary>Parallel sequences each with PromptTokens random prompt tokens, generating exactly GeneratedTokens (greedy, EOS ignored).</summary>
    public static GenerationMeasurement MeasureGeneration(LlamaEngine engine, BenchSettings settings, int parallel, int seed)
    {
        var random = new Random(seed);
        var settingsForRequest = new SamplingSettings { MaxNewTokens = settings.GeneratedTokens, IgnoreEndOfGeneration = true };
        var requests = Enumerable.Range(0, parallel)
            .Select(_ => new GenerationRequest(RandomTokens(engine, random, settings.PromptTokens), settingsForRequest))
            .ToArray();
        engine.Generate([new GenerationRequest(RandomTokens(engine, random, 8), settingsForRequest with { MaxNewTokens = 4 })]); // warm-up
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
