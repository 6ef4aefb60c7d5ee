using EvalHarness.Core.Inference;
using EvalHarness.Gguf.Synthetic;
using EvalHarness.Llama.Engine;
using EvalHarness.Testing;

namespace EvalHarness.Llama.Tests;

/// <summary>
/// The engine on a crafted bigram model (BigramModelWriter): the logits after each token are a table we chose,
/// so every loglikelihood and every greedy output is known exactly in advance.
/// </summary>
public sealed class CraftedModelTests : IDisposable
{
    private static readonly string[] Words = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa", "lambda", "mu"];
    private readonly TempDirectory _directory = TestPaths.NewTempDirectory();
    private readonly BigramModel _model;

    public CraftedModelTests()
    {
        var random = new Random(20251122);
        var table = new float[Words.Length, Words.Length];
        for (var i = 0; i < Words.Length; i++)
        {
            for (var j = 0; j < Words.Length; j++) table[i, j] = (float)(random.NextDouble() * 8 - 4);
        }
        var afterBos = Enumerable.Range(0, Words.Length).Select(_ => (float)(random.NextDouble() * 4 - 2)).ToArray();
        _model = BigramModelWriter.Write(_directory.File("bigram.gguf"), Words, table, new BigramOptions { AfterBos = afterBos });
    }

    public void Dispose() => _directory.Dispose();

    private LlamaEngine Load(int parallel, int batchSize = 2048, int contextLength = 128)
    {
        NativeTestRuntime.Require();
        return LlamaEngine.Load(_model.Path, new LlamaEngineOptions
        {
            Runtime = NativeTestRuntime.Options,
            Context = new LlamaContextOptions { ContextLength = contextLength, ParallelSequences = parallel, BatchSize = batchSize, MicroBatchSize = Math.Min(batchSize, 512), Threads = 1 },
        });
    }

    private int Id(string word) => _model.TokenIdOf(word);

    /// <summary>Σ log p(next | previous) from the table, in double.</summary>
    private double Expected(int previous, IEnumerable<string> continuation, List<double>? perToken = null)
    {
        double total = 0;
        foreach (var word in continuation)
        {
            var lp = _model.LogProbabilitiesAfter(previous)[Id(word)];
            perToken?.Add(lp);
            total += lp;
            previous = Id(word);
        }
        return total;
    }

    private static LoglikelihoodRequest Request(string context, string continuation) => new(context, continuation);

    private IReadOnlyList<LoglikelihoodRequest> McWorkload()
    {
        var requests = new List<LoglikelihoodRequest>();
        var random = new Random(7);
        for (var q = 0; q < 9; q++)
        {
            var context = string.Join(' ', Enumerable.Range(0, 1 + q % 4).Select(_ => Words[random.Next(Words.Length)]));
            for (var c = 0; c < 4; c++)
            {
                var continuation = string.Join(' ', Enumerable.Range(0, 1 + (q + c) % 3).Select(_ => Words[random.Next(Words.Length)]));
                requests.Add(Request(context, " " + continuation));
            }
        }
        requests.Add(Request("", "alpha beta")); // empty context: scored after the BOS prefix
        return requests;
    }

    [Fact]
    public void Tokenizer_maps_each_word_to_its_own_token_after_bos()
    {
        using var engine = Load(1);

        var tokens = engine.Tokenize("gamma delta mu", addSpecial: true, parseSpecial: true);

        Assert.Equal([engine.Model.Vocabulary.Bos, Id("gamma"), Id("delta"), Id("mu")], tokens);
    }

    [Fact]
    public void Loglikelihoods_equal_the_analytic_values()
    {
        using var engine = Load(16);
        var requests = McWorkload();

        var results = engine.Loglikelihood(requests);

        var bos = engine.Model.Vocabulary.Bos;
        for (var i = 0; i < requests.Count; i++)
        {
            var contextWords = requests[i].Context.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var previous = contextWords.Length == 0 ? bos : Id(contextWords[^1]);
            var perToken = new List<double>();
            var expected = Expected(previous, requests[i].Continuation.Split(' ', StringSplitOptions.RemoveEmptyEntries), perToken);

            Assert.Equal(expected, results[i].LogProbability, 1e-4);
            Assert.Equal(perToken.Count, results[i].ContinuationTokenCount);
            for (var t = 0; t < perToken.Count; t++) Assert.Equal(perToken[t], results[i].TokenLogProbabilities[t], 1e-4);
            Assert.False(results[i].ContextTruncated);
        }
    }

    [Fact]
    public void Is_greedy_exactly_when_every_token_is_the_argmax()
    {
        using var engine = Load(4);
        var best = Words.OrderByDescending(w => _model.LogProbabilitiesAfter(Id("alpha"))[Id(w)]).First();
        var worst = Words.OrderBy(w => _model.LogProbabilitiesAfter(Id("alpha"))[Id(w)]).First();

        var results = engine.Loglikelihood([Request("alpha", " " + best), Request("alpha", " " + worst)]);

        Assert.True(results[0].IsGreedy);
        Assert.False(results[1].IsGreedy);
    }

    [Fact]
    public void Greedy_generation_follows_the_argmax_chain()
    {
        using var engine = Load(4);
        var expected = new List<string>();
        var previous = Id("kappa");
        for (var i = 0; i < 12; i++)
        {
            var next = Words.OrderByDescending(w => _model.LogProbabilitiesAfter(previous)[Id(w)]).First();
            expected.Add(next);
            previous = Id(next);
        }

        var result = engine.Generate([new GenerationRequest("kappa", SamplingSettings.Greedy(12))])[0];

        Assert.Equal(" " + string.Join(' ', expected), result.Text);
        Assert.Equal(FinishReason.Length, result.FinishReason);
        Assert.Equal(12, result.GeneratedTokenCount);
    }

    [Fact]
    public void Results_are_identical_with_1_3_and_16_sequences_per_batch()
    {
        var requests = McWorkload();
        var generations = Words.Select(w => new GenerationRequest(w + " " + Words[(Array.IndexOf(Words, w) + 5) % Words.Length], SamplingSettings.Greedy(6 + w.Length))).ToArray();
        var runs = new List<(IReadOnlyList<LoglikelihoodResult> Ll, IReadOnlyList<GenerationResult> Gen)>();
        foreach (var (parallel, batch) in new[] { (1, 2048), (3, 7), (16, 2048) })
        {
            using var engine = Load(parallel, batch);
            runs.Add((engine.Loglikelihood(requests), engine.Generate(generations)));
        }

        foreach (var run in runs.Skip(1))
        {
            for (var i = 0; i < requests.Count; i++)
            {
                Assert.Equal(runs[0].Ll[i].TokenLogProbabilities, run.Ll[i].TokenLogProbabilities);
                Assert.Equal(runs[0].Ll[i].IsGreedy, run.Ll[i].IsGreedy);
            }
            Assert.Equal(runs[0].Gen.Select(g => g.Text), run.Gen.Select(g => g.Text));
        }
    }

    [Fact]
    public void Generation_statistics_count_every_decode_step_and_split_its_time()
    {
        using var engine = Load(4);
        var settings = SamplingSettings.Greedy(9) with { IgnoreEndOfGeneration = true };
        engine.Generate([new GenerationRequest("alpha", settings), new GenerationRequest("beta gamma", settings)]);

        var statistics = engine.LastGenerationStatistics!;
        // The first token of each answer comes from the prompt's step; each later one from a decode step of both.
        Assert.Equal(8, statistics.DecodeSteps);
        Assert.Equal(16, statistics.DecodeStepTokens);
        Assert.Equal(18, statistics.GeneratedTokens);
        Assert.True(statistics.DecodeInLlama > TimeSpan.Zero);
        Assert.True(statistics.DecodeInLlama <= statistics.Decode);
        Assert.Equal((statistics.Decode - statistics.DecodeInLlama) / 8, statistics.HostTimePerDecodeStep);
    }

    [Fact]
    public void Stop_sequences_cut_the_text_before_the_stop()
    {
        using var engine = Load(2);
        var full = engine.Generate([new GenerationRequest("kappa", SamplingSettings.Greedy(8))])[0].Text;
        var stopWord = full.Split(' ', StringSplitOptions.RemoveEmptyEntries)[2];

        var result = engine.Generate([new GenerationRequest("kappa", SamplingSettings.Greedy(8, " " + stopWord))])[0];

        Assert.Equal(FinishReason.Stop, result.FinishReason);
        Assert.Equal(" " + stopWord, result.StopSequence);
        Assert.Equal(full[..full.IndexOf(" " + stopWord, StringComparison.Ordinal)], result.Text);
    }

    [Fact]
    public void Over_long_context_is_truncated_from_the_left_and_flagged()
    {
        using var engine = Load(2, contextLength: 16);
        var context = string.Join(' ', Enumerable.Repeat("alpha beta gamma", 10));

        var result = engine.Loglikelihood([Request(context, " delta")])[0];

        Assert.True(result.ContextTruncated);
        Assert.Equal(16, result.ContextTokenCount);
        Assert.Equal(Expected(Id("gamma"), ["delta"]), result.LogProbability, 1e-4);
    }

    [Fact]
    public void Many_concurrent_generations_each_get_their_own_answer()
    {
        using var engine = Load(3, batchSize: 64);
        var prompts = Enumerable.Range(0, 20).Select(i => Words[i % Words.Length]).ToArray();

        var batched = engine.Generate(prompts.Select(p => new GenerationRequest(p, SamplingSettings.Greedy(5))).ToArray());
        var single = prompts.Select(p => engine.Generate([new GenerationRequest(p, SamplingSettings.Greedy(5))])[0]).ToArray();

        Assert.Equal(single.Select(r => r.Text), batched.Select(r => r.Text));
    }
}
