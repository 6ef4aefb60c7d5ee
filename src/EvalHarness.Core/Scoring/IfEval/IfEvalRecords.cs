using System.Text.Json.Serialization;

namespace EvalHarness.Core.Scoring.IfEval;

/// <summary>One line of the reference's input_data.jsonl: a prompt and its instructions with their kwargs.</summary>
public sealed record IfEvalInput(long Key, string Prompt, IReadOnlyList<string> InstructionIds, IReadOnlyList<InstructionArguments> Kwargs);

/// <summary>One line of a response file: the prompt it answers (matched by exact text) and the model's response.</summary>
public sealed record IfEvalResponse(string Prompt, string Response);

/// <summary>
/// One prompt's verdicts, in the shape of the reference's eval_results_strict.jsonl / eval_results_loose.jsonl
/// (the reference writes attributes in sorted order; so do we).
/// </summary>
public sealed record IfEvalPromptResult(
    [property: JsonPropertyName("follow_all_instructions"), JsonPropertyOrder(0)] bool FollowAllInstructions,
    [property: JsonPropertyName("follow_instruction_list"), JsonPropertyOrder(1)] IReadOnlyList<bool> FollowInstructionList,
    [property: JsonPropertyName("instruction_id_list"), JsonPropertyOrder(2)] IReadOnlyList<string> InstructionIdList,
    [property: JsonPropertyName("prompt"), JsonPropertyOrder(3)] string Prompt,
    [property: JsonPropertyName("response"), JsonPropertyOrder(4)] string Response);

/// <summary>Prompt-level (all instructions followed) and instruction-level accuracy, as fractions.</summary>
public sealed record IfEvalAccuracy(double PromptLevel, double InstructionLevel, int Prompts, int Instructions)
{
    public static IfEvalAccuracy From(IReadOnlyList<IfEvalPromptResult> results)
    {
        int prompts = results.Count;
        int promptsFollowed = results.Count(r => r.FollowAllInstructions);
        int instructions = results.Sum(r => r.FollowInstructionList.Count);
        int instructionsFollowed = results.Sum(r => r.FollowInstructionList.Count(f => f));
        return new IfEvalAccuracy(
            prompts == 0 ? 0 : (double)promptsFollowed / prompts,
            instructions == 0 ? 0 : (double)instructionsFollowed / instructions,
            prompts, instructions);
    }
}

/// <summary>Strict and loose results with the four accuracies and the leaderboard headline.</summary>
public sealed record IfEvalReport(
    IReadOnlyList<IfEvalPromptResult> Strict,
    IReadOnlyList<IfEvalPromptResult> Loose)
{
    public IfEvalAccuracy StrictAccuracy { get; } = IfEvalAccuracy.From(Strict);

    public IfEvalAccuracy LooseAccuracy { get; } = IfEvalAccuracy.From(Loose);

    /// <summary>The Open LLM Leaderboard's IFEval number: mean of strict prompt-level and strict instruction-level.</summary>
    public double Headline => (StrictAccuracy.PromptLevel + StrictAccuracy.InstructionLevel) / 2;

    /// <summary>Instruction-level accuracy per instruction id (the reference report's second table).</summary>
    public static IReadOnlyDictionary<string, double> PerInstruction(IReadOnlyList<IfEvalPromptResult> results) =>
        results.SelectMany(r => r.InstructionIdList.Zip(r.FollowInstructionList))
            .GroupBy(pair => pair.First, StringComparer.Ordinal)
            .OrderBy(group => group.Key, StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.Average(pair => pair.Second ? 1.0 : 0.0));
}
