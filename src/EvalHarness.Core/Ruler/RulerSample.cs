using System.Text.Json.Nodes;

namespace EvalHarness.Core.Ruler;

/// <summary>
/// One generated sample, in RULER's jsonl shape (index, input, outputs, length) plus what a heat map and a chat prompt
/// need. <see cref="Input"/> is the whole prompt as RULER writes it for a base model, ending with the answer prefix;
/// <see cref="Instruction"/> is the same without the prefix (the user turn of a chat prompt, the prefix then going after
/// the assistant header). The file keeps only input and answer_prefix: a 128K prompt is ~500 KB, not worth twice.
/// </summary>
/// <param name="Id">"{type}/{target length}/{index}", with "/d{depth}" when the depth was chosen.</param>
/// <param name="Type">RULER's task name (niah_single_1, vt, cwe, …).</param>
/// <param name="Outputs">The references; RULER's string_match_all scores the share of them found in the response.</param>
/// <param name="Length">Measured length: prompt tokens plus, as RULER counts it, the tokens reserved for generation.</param>
/// <param name="PromptTokens">Tokens of <see cref="Input"/> by the generator's token counter.</param>
/// <param name="TargetLength">The length asked for; <see cref="Length"/> never passes it.</param>
/// <param name="MaxNewTokens">RULER's generation cap for the task.</param>
/// <param name="Depths">Where each needle went, percent of the haystack (0 = start), in needle order; empty for tasks without needles.</param>
public sealed record RulerSample(
    string Id,
    string Type,
    int Index,
    string Input,
    string AnswerPrefix,
    IReadOnlyList<string> Outputs,
    int Length,
    int PromptTokens,
    int TargetLength,
    int MaxNewTokens,
    IReadOnlyList<double> Depths,
    int Seed)
{
    public string Instruction => Input[..^AnswerPrefix.Length];

    /// <summary>The first needle's depth (percent), the one a depth × length grid plots.</summary>
    public double? Depth => Depths.Count > 0 ? Depths[0] : null;

    public JsonObject ToJson() => new()
    {
        ["id"] = Id,
        ["type"] = Type,
        ["index"] = Index,
        ["input"] = Input,
        ["answer_prefix"] = AnswerPrefix,
        ["outputs"] = new JsonArray(Outputs.Select(o => (JsonNode?)JsonValue.Create(o)).ToArray()),
        ["length"] = Length,
        ["prompt_tokens"] = PromptTokens,
        ["target_length"] = TargetLength,
        ["max_new_tokens"] = MaxNewTokens,
        ["depth"] = Depth is { } depth ? JsonValue.Create(depth) : null,
        ["depths"] = new JsonArray(Depths.Select(d => (JsonNode?)JsonValue.Create(d)).ToArray()),
        ["seed"] = Seed,
    };

    public static RulerSample FromJson(JsonObject json) => new(
        (string)json["id"]!,
        (string)json["type"]!,
        (int)json["index"]!,
        (string)json["input"]!,
        (string)json["answer_prefix"]!,
        json["outputs"]!.AsArray().Select(o => (string)o!).ToArray(),
        (int)json["length"]!,
        (int)json["prompt_tokens"]!,
        (int)json["target_length"]!,
        (int)json["max_new_tokens"]!,
        json["depths"]!.AsArray().Select(d => (double)d!).ToArray(),
        (int)json["seed"]!);
}
