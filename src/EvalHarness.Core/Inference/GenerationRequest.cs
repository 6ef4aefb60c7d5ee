namespace EvalHarness.Core.Inference;

/// <summary>A prompt to continue, as text or as ready-made tokens (exactly one of the two).</summary>
public sealed record GenerationRequest
{
    public GenerationRequest(string prompt, SamplingSettings settings)
    {
        Prompt = prompt;
        Settings = settings;
    }

    public GenerationRequest(IReadOnlyList<int> promptTokens, SamplingSettings settings)
    {
        PromptTokens = promptTokens;
        Settings = settings;
    }

    public string? Prompt { get; }
    public IReadOnlyList<int>? PromptTokens { get; }
    public SamplingSettings Settings { get; }
}
