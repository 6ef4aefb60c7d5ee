using System.Text.Json.Nodes;
using EvalHarness.Core.Datasets;
using EvalHarness.Core.Prompts;

namespace EvalHarness.Core.Tasks;

/// <summary>
/// One evaluation item: a record with its id, group, choices (after any shuffling) and reference answer.
/// </summary>
/// <param name="TargetIndex">Index of the right choice, or -1 when the task has no choices.</param>
/// <param name="Target">The reference answer: for multiple choice the right choice's text, otherwise the answer.</param>
public sealed record Sample(string Id, string? Group, DatasetRecord Record, IReadOnlyList<string> Choices, int TargetIndex, string Target)
{
    public bool IsMultipleChoice => Choices.Count > 0;

    /// <summary>Every acceptable answer when the task lists several (fields.answers); empty: just <see cref="Target"/>.</summary>
    public IReadOnlyList<string> Answers { get; init; } = [];

    /// <summary>Which generation of its item this sample is (0 for the first; tasks with repeats have several).</summary>
    public int Repeat { get; init; }

    /// <summary>The item this sample repeats: its own id unless it is a repeat (then its id is "item#repeat").</summary>
    public string ItemId { get; init; } = Id;

    /// <summary>The item's samples for <paramref name="repeats"/> generations; the item itself when there is one.</summary>
    public IEnumerable<Sample> Repeated(int repeats) => repeats <= 1
        ? [this]
        : Enumerable.Range(0, repeats).Select(r => this with { Id = $"{Id}#{r}", Repeat = r, ItemId = Id });

    /// <summary>The right choice's letter (A, B, …) as generative multiple-choice prompts present it.</summary>
    public string TargetLabel => TargetIndex >= 0 ? TemplateFilters.Letter(TargetIndex).ToString() : Target;

    /// <summary>Looks a template path up: <c>@id</c>, <c>@group</c>, <c>@choices</c>, <c>@target</c>, <c>@target_label</c>, or a dotted record path.</summary>
    public JsonNode? Resolve(string path) => path switch
    {
        "@id" => JsonValue.Create(Id),
        "@group" => Group is null ? null : JsonValue.Create(Group),
        "@choices" => new JsonArray(Choices.Select(c => (JsonNode?)JsonValue.Create(c)).ToArray()),
        "@target" => JsonValue.Create(Target),
        "@target_label" => JsonValue.Create(TargetLabel),
        _ => RecordPath.Resolve(Record.Data, path),
    };
}
