namespace EvalHarness.Core.Ruler;

/// <summary>How samples are generated: the model's token counter, the seed, the essay folder and the word lists.</summary>
public sealed record RulerGeneratorOptions
{
    /// <summary>
    /// Tokens of a prompt by the model's own tokenizer (e.g. <c>text =&gt; backend.Tokenize(text, true, false).Count</c>;
    /// a counter that applies the chat template first measures chat prompts). Core stays free of native code this way.
    /// </summary>
    public required Func<string, int> CountTokens { get; init; }

    /// <summary>RULER's default random_seed.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>A folder of the Paul Graham essays (*.txt); needed by niah_single_2/3, multikey_1, multivalue, multiquery.</summary>
    public string? EssayDirectory { get; init; }

    public RulerWords Words { get; init; } = RulerWords.BuiltIn;

    /// <summary>
    /// RULER's length includes the tokens reserved for the answer (length = prompt tokens + tokens_to_generate ≤
    /// max_seq_length), so a 4K sample fits a 4K context with its answer. False measures the prompt alone.
    /// </summary>
    public bool CountGenerationTokens { get; init; } = true;
}
