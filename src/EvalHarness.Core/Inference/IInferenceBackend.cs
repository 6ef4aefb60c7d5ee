namespace EvalHarness.Core.Inference;

/// <summary>
/// The one seam between the evaluation framework and a model. Implemented in-process on llama.cpp
/// (EvalHarness.Llama) and, later, over OpenAI-compatible HTTP. Nothing above this interface knows how
/// tokens are computed.
/// </summary>
public interface IInferenceBackend : IDisposable
{
    /// <summary>What is answering: model, runtime, device. Recorded in every run's manifest.</summary>
    BackendDescription Description { get; }

    /// <summary>Tokens one sequence may hold (prompt plus generated).</summary>
    int ContextLength { get; }

    /// <summary>Tokenizes with the model's own vocabulary.</summary>
    /// <param name="addSpecial">Add BOS/EOS where the model's vocabulary asks for them.</param>
    /// <param name="parseSpecial">Treat special-token text such as "&lt;|im_end|&gt;" as the special token.</param>
    IReadOnlyList<int> Tokenize(string text, bool addSpecial, bool parseSpecial);

    /// <summary>Turns tokens back into text (special tokens rendered when <paramref name="renderSpecial"/>).</summary>
    string Detokenize(IReadOnlyList<int> tokens, bool renderSpecial);

    /// <summary>
    /// Scores each continuation given its context. Results come back in request order; <paramref name="onResult"/>
    /// is called as each one completes so callers can persist progress.
    /// </summary>
    IReadOnlyList<LoglikelihoodResult> Loglikelihood(
        IReadOnlyList<LoglikelihoodRequest> requests,
        Action<int, LoglikelihoodResult>? onResult = null,
        CancellationToken cancellationToken = default);

    /// <summary>Generates for each request; results in request order, <paramref name="onResult"/> as each finishes.</summary>
    IReadOnlyList<GenerationResult> Generate(
        IReadOnlyList<GenerationRequest> requests,
        Action<int, GenerationResult>? onResult = null,
        CancellationToken cancellationToken = default);
}
