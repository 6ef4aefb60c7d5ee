using System.Text.Json.Nodes;

namespace EvalHarness.Core.Scoring;

/// <summary>
/// What a sample's answer is checked against. <see cref="Answers"/> are the acceptable answers (any one
/// matching counts, as lm-eval with a list target). For loglikelihood multiple choice, <see cref="Choices"/>
/// are the choice texts as the task lists them (lm-eval's <c>doc_to_choice</c>: without the target delimiter, so
/// MMLU's are "A".."D"); acc_norm divides by their length in characters. <see cref="CorrectChoices"/> holds the
/// index (or indices) of the right one. <see cref="Record"/> is the sample's whole dataset record, for scorers that
/// check against more than an answer (IFEval's instruction ids and arguments, a coding task's tests).
/// </summary>
public sealed record ScoringTarget(IReadOnlyList<string> Answers)
{
    public JsonObject? Record { get; init; }

    public IReadOnlyList<string> Choices { get; init; } = [];

    public IReadOnlyList<int> CorrectChoices { get; init; } = [];

    public static ScoringTarget Of(params string[] answers) => new(answers);

    public static ScoringTarget MultipleChoice(IReadOnlyList<string> choices, int correctChoice) =>
        new([choices[correctChoice]]) { Choices = choices, CorrectChoices = [correctChoice] };
}
