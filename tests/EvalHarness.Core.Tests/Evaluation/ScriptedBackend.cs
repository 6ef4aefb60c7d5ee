using EvalHarness.Core.Inference;

namespace EvalHarness.Core.Tests.Evaluation;

/// <summary>
/// A deterministic backend: answers come from the given functions. Results are reported in reverse order to prove
/// callers do not depend on completion order. Counts calls so tests can check requests are sent in one batch.
/// </summary>
internal sealed class ScriptedBackend(
    Func<GenerationRequest, GenerationResult>? generate = null,
    Func<LoglikelihoodRequest, double>? loglikelihood = null) : IInferenceBackend
{
    public int GenerateCalls { get; private set; }
    public int LoglikelihoodCalls { get; private set; }
    public List<GenerationRequest> GenerationRequests { get; } = [];
    public List<LoglikelihoodRequest> LoglikelihoodRequests { get; } = [];

    public BackendDescription Description { get; } = new("scripted", "scripted", "none", "none", null);
    public int ContextLength => 4096;

    public static GenerationResult Text(string text, FinishReason reason = FinishReason.Stop) => new(text, reason, 10, 5, TimeSpan.Zero);

    public IReadOnlyList<int> Tokenize(string text, bool addSpecial, bool parseSpecial) => text.Select(c => (int)c).ToArray();
    public string Detokenize(IReadOnlyList<int> tokens, bool renderSpecial) => new(tokens.Select(t => (char)t).ToArray());

    public IReadOnlyList<LoglikelihoodResult> Loglikelihood(IReadOnlyList<LoglikelihoodRequest> requests, Action<int, LoglikelihoodResult>? onResult = null, CancellationToken cancellationToken = default)
    {
        LoglikelihoodCalls++;
        LoglikelihoodRequests.AddRange(requests);
        var results = requests.Select(r => new LoglikelihoodResult(loglikelihood!(r), false, [loglikelihood!(r)], 10, false)).ToArray();
        for (var i = results.Length - 1; i >= 0; i--) onResult?.Invoke(i, results[i]);
        return results;
    }

    public IReadOnlyList<GenerationResult> Generate(IReadOnlyList<GenerationRequest> requests, Action<int, GenerationResult>? onResult = null, CancellationToken cancellationToken = default)
    {
        GenerateCalls++;
        GenerationRequests.AddRange(requests);
        var results = requests.Select(generate!).ToArray();
        for (var i = results.Length - 1; i >= 0; i--) onResult?.Invoke(i, results[i]);
        return results;
    }

    public void Dispose()
    {
    }
}
