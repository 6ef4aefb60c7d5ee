using System.Globalization;
using System.Text.RegularExpressions;
using EvalHarness.Llama.Bench;
using EvalHarness.Llama.Engine;
using EvalHarness.Llama.Runtime;
using EvalHarness.Testing;

namespace EvalHarness.Llama.Tests;

/// <summary>
/// Reference check against llama.cpp's own llama-perplexity (same release) on the real stories260K model: our
/// per-token log-probabilities, summed the way llama-perplexity sums them, give the same running perplexity after
/// every chunk. Runs where the tool is built (`evalharness bench` builds it into the cache, or EVALHARNESS_LLAMA_TOOLS);
/// skipped with the reason elsewhere.
/// </summary>
public sealed partial class PerplexityReferenceTests
{
    private const int ChunkTokens = 64;

    private const string Story =
        "Once upon a time, there was a little girl named Lily. She loved to play outside in the park. One day, she saw a big, red ball. " +
        "She wanted to play with it, but it was too high. Lily asked her mom for help. Her mom smiled and said, \"Let's get it together.\" " +
        "They walked to the tree and her mom lifted her up. Lily got the ball and they were very happy. Then a little dog came to the park. " +
        "The dog wanted to play too. Lily threw the ball and the dog ran after it. The dog brought the ball back and wagged its tail. " +
        "Lily laughed and said, \"You are a good dog!\" They played all day until the sun went down. When it was time to go home, " +
        "Lily gave the dog a hug. She said goodbye and went home with her mom. That night, Lily dreamed about the park, the red ball and her new friend.\n";

    [Fact]
    public void Running_perplexity_matches_llama_perplexity_chunk_by_chunk()
    {
        NativeTestRuntime.Require();
        var model = TestPaths.RequireShared("models", "stories260K.gguf");
        var tool = new LlamaCppTools(RuntimeCacheDirectory.Default()).TryFind("llama-perplexity", cuda: false);
        if (tool is null) Assert.Skip("llama-perplexity is not built (run `evalharness bench` once, or set EVALHARNESS_LLAMA_TOOLS)");
        using var temp = TestPaths.NewTempDirectory();
        File.WriteAllText(temp.File("story.txt"), Story);
        var reference = RunLlamaPerplexity(tool!, model, temp.File("story.txt"));

        using var engine = LlamaEngine.Load(model, new LlamaEngineOptions
        {
            Runtime = NativeTestRuntime.Options,
            Context = new LlamaContextOptions { ContextLength = ChunkTokens, ParallelSequences = 4, Threads = 1 },
        });
        var ours = RunningPerplexity(engine, Story);

        // llama.cpp's asynchronous logger sometimes loses its last lines when the process exits (seen with pipes and
        // with --log-file alike), so compare every running value it did print: at least the first chunks.
        Assert.True(reference.Count >= 2 && reference.Count <= ours.Count,
            $"chunks: ours {string.Join(",", ours)}, llama-perplexity {string.Join(",", reference)}");
        for (var i = 0; i < reference.Count; i++)
        {
            TestContext.Current.SendDiagnosticMessage($"chunk {i + 1}: ours {ours[i]:F6}, llama-perplexity {reference[i]:F4}");
            // llama-perplexity prints 4 decimals; 1e-3 relative allows its rounding plus float noise between builds.
            Assert.True(Math.Abs(ours[i] - reference[i]) / reference[i] < 1e-3, $"chunk {i + 1}: ours {ours[i]:F4}, llama-perplexity {reference[i]:F4}");
        }
    }

    /// <summary>
    /// llama-perplexity's method: the text with BOS, cut into chunks of n_ctx tokens whose first token becomes BOS; in
    /// each chunk the tokens after the first half are scored, each given everything before it in the chunk.
    /// </summary>
    private static List<double> RunningPerplexity(LlamaEngine engine, string text)
    {
        var tokens = engine.Tokenize(text, addSpecial: true, parseSpecial: false).ToArray();
        var bos = engine.Model.Vocabulary.Bos;
        var first = ChunkTokens / 2;
        var requests = new List<(int[] Context, int[] Continuation)>();
        for (var start = 0; start + ChunkTokens <= tokens.Length; start += ChunkTokens)
        {
            var chunk = tokens[start..(start + ChunkTokens)];
            chunk[0] = bos;
            requests.Add((chunk[..(first + 1)], chunk[(first + 1)..]));
        }
        var results = engine.LoglikelihoodOfTokens(requests);
        var running = new List<double>();
        double nll = 0;
        var count = 0;
        foreach (var result in results)
        {
            nll -= result.LogProbability;
            count += result.ContinuationTokenCount;
            running.Add(Math.Exp(nll / count));
        }
        return running;
    }

    private static List<double> RunLlamaPerplexity(string tool, string model, string textFile)
    {
        var outcome = ExternalProcess.Run(tool, ["-m", model, "-f", textFile, "-c", ChunkTokens.ToString(CultureInfo.InvariantCulture), "-b", ChunkTokens.ToString(CultureInfo.InvariantCulture), "-t", "1"]);
        Assert.True(outcome.ExitCode == 0, $"llama-perplexity failed: {ExternalProcess.Tail(outcome.Stderr, 5)}");
        // "[1]2.1154,[2]3.8137,…": the running values may arrive split across the two streams' lines.
        return RunningValue().Matches(outcome.Stdout + "\n" + outcome.Stderr)
            .Select(m => (Chunk: int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), Value: double.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture)))
            .DistinctBy(v => v.Chunk).OrderBy(v => v.Chunk).Select(v => v.Value).ToList();
    }

    [GeneratedRegex(@"\[(\d+)\]([0-9]+\.[0-9]+),")]
    private static partial Regex RunningValue();
}
