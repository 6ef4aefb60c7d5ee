namespace EvalHarness.Core.Scoring.Filters;

/// <summary>
/// The pair of markers around a model's reasoning. <see cref="StartsInside"/> is true when the chat template
/// itself opens the block (EXAONE 4.0 and Qwen3 with thinking on put <c>&lt;think&gt;\n</c> after the assistant
/// header), so the generated text begins inside the reasoning and only the closing marker ever appears.
/// </summary>
public sealed record ThinkingMarkers(string Open, string Close, bool StartsInside = false)
{
    /// <summary><c>&lt;think&gt;…&lt;/think&gt;</c> (DeepSeek-R1, Qwen3, EXAONE 4.0, most open reasoning models).</summary>
    public static ThinkingMarkers Think { get; } = new("<think>", "</think>");

    /// <summary>OpenAI harmony format (gpt-oss): the analysis channel is reasoning, the final channel the answer.</summary>
    public static ThinkingMarkers HarmonyChannels { get; } = new("<|channel|>analysis", "<|channel|>final<|message|>");

    public ThinkingMarkers OpenedByTemplate() => this with { StartsInside = true };
}
