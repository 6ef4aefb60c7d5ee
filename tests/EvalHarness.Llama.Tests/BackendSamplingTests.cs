using EvalHarness.Core.Inference;
using EvalHarness.Llama.Engine;
using EvalHarness.Testing;

namespace EvalHarness.Llama.Tests;

/// <summary>
/// <see cref="LlamaContextOptions.BackendSampling"/> on a real trained model (../shared/models/stories260K.gguf): the
/// argmax taken inside llama.cpp's graph picks the same tokens as ours, sampled requests beside greedy ones still
/// read their logit rows, and loglikelihood scoring after a generation sees whole rows again.
/// </summary>
public sealed class BackendSamplingTests
{
    private static readonly string[] Prompts =
        ["Once upon a time", "The little dog", "Lily and Tom went to the park", "One day, a bird", "The sun was", "Mom said"];

    private static LlamaEngine Load(bool backendSampling)
    {
        NativeTestRuntime.Require();
        var path = TestPaths.RequireShared("models", "stories260K.gguf");
        return LlamaEngine.Load(path, new LlamaEngineOptions
        {
            Runtime = NativeTestRuntime.Options,
            Context = new LlamaContextOptions { ContextLength = 256, ParallelSequences = 4, Threads = 2, BackendSampling = backendSampling },
        });
    }

    private static GenerationRequest[] Workload() =>
    [
        .. Prompts.Select(p => new GenerationRequest(p, SamplingSettings.Greedy(48))),
        new GenerationRequest("Once upon a time", SamplingSettings.Greedy(48) with { Temperature = 0.9f, TopK = 40, Seed = 7 }),
    ];

    [Fact]
    public void Generations_are_identical_with_the_argmax_taken_in_the_graph()
    {
        using var reference = Load(backendSampling: false);
        using var engine = Load(backendSampling: true);

        var expected = reference.Generate(Workload());
        var actual = engine.Generate(Workload());

        Assert.Equal(expected.Select(r => r.Text), actual.Select(r => r.Text));
        Assert.Equal(expected.Select(r => r.FinishReason), actual.Select(r => r.FinishReason));
        Assert.All(actual.Take(Prompts.Length), r => Assert.Equal(48, r.GeneratedTokenCount));
        // Every greedy token came from the graph; the sampled request's came from its own chain on the logit row.
        Assert.Equal(Prompts.Length * 48, engine.LastGenerationStatistics!.SampledInGraph);
        Assert.Equal(0, reference.LastGenerationStatistics!.SampledInGraph);
    }

    [Fact]
    public void Loglikelihoods_after_a_generation_equal_those_of_an_engine_that_never_sampled_in_the_graph()
    {
        using var reference = Load(backendSampling: false);
        using var engine = Load(backendSampling: true);
        var requests = Prompts.Select(p => new LoglikelihoodRequest(p, ", there was a little girl")).ToArray();

        engine.Generate(Workload());
        var actual = engine.Loglikelihood(requests);
        var expected = reference.Loglikelihood(requests);

        for (var i = 0; i < requests.Length; i++)
        {
            Assert.Equal(expected[i].LogProbability, actual[i].LogProbability, 1e-4);
            Assert.Equal(expected[i].IsGreedy, actual[i].IsGreedy);
        }
    }
}
