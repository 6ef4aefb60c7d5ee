using System.Text.Json;
using EvalHarness.Core.Inference;

namespace EvalHarness.Cli.Serve;

/// <summary>OpenAI request fields to the engine's sampling settings, with OpenAI's defaults where a field is absent.</summary>
internal static class SamplingFromRequest
{
    public static SamplingSettings Build(int? maxTokens, float? temperature, float? topP, int? topK, float? minP, long? seed, JsonElement? stop, int defaultMaxTokens)
    {
        var max = maxTokens ?? defaultMaxTokens;
        if (max < 0) throw new UserInputException($"max_tokens {max} is negative", "use 0 or more");
        return new SamplingSettings
        {
            MaxNewTokens = max,
            Temperature = temperature ?? 1f,
            TopP = topP ?? 1f,
            TopK = topK ?? 0,
            MinP = minP ?? 0f,
            Seed = seed is { } s ? unchecked((uint)s) : 1234u,
            StopSequences = StopSequences(stop),
        };
    }

    public static IReadOnlyList<string> StopSequences(JsonElement? stop) => stop switch
    {
        null => [],
        { ValueKind: JsonValueKind.Null or JsonValueKind.Undefined } => [],
        { ValueKind: JsonValueKind.String } one => [one.GetString()!],
        { ValueKind: JsonValueKind.Array } many => many.EnumerateArray().Select(e => e.GetString() ?? "").Where(s => s.Length > 0).ToArray(),
        _ => throw new UserInputException("stop must be a string or a list of strings", "send \"stop\": [\"\\n\"]"),
    };

    public static string FinishReason(GenerationResult result) => result.FinishReason == Core.Inference.FinishReason.Length ? "length" : "stop";
}
