using EvalHarness.Core.Prompts;

namespace EvalHarness.Core.Tasks;

/// <summary>How exemplars are chosen.</summary>
public enum FewShotPolicy
{
    /// <summary>The first n records of the few-shot split (of the sample's own group when SameGroup).</summary>
    FirstN,
    /// <summary>The records whose ids are listed, in that order.</summary>
    Ids,
    /// <summary>A fixed text file of exemplars per group (BBH's cot-prompts), inserted before the item.</summary>
    File,
}

/// <summary>How exemplars are put into a chat-formatted prompt.</summary>
public enum FewShotLayout
{
    /// <summary>Everything in one user message.</summary>
    Prompt,
    /// <summary>Each exemplar as a user turn and an assistant turn.</summary>
    Turns,
}

/// <param name="Default">Shots when the user does not pass --fewshot.</param>
/// <param name="Split">The split exemplars come from.</param>
/// <param name="File">For <see cref="FewShotPolicy.File"/>: a path template relative to the dataset root.</param>
/// <param name="FileSkipUntil">For File: drop the file's lines up to and including the first line equal to this (BBH's "-----").</param>
public sealed record FewShotSpec(
    int Default,
    FewShotPolicy Policy,
    string? Split,
    IReadOnlyList<string> Ids,
    bool SameGroup,
    PromptTemplate? File,
    string? FileSkipUntil,
    FewShotLayout Layout)
{
    public static FewShotSpec None { get; } = new(0, FewShotPolicy.FirstN, null, [], false, null, null, FewShotLayout.Prompt);
}
