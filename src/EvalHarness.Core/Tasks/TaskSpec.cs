namespace EvalHarness.Core.Tasks;

/// <summary>
/// One benchmark as a task file declares it (tasks/&lt;category&gt;/&lt;name&gt;.yaml; schema in tasks/README.md).
/// Immutable; <see cref="TaskSpecLoader"/> builds and validates it. The model is not part of a task: it is
/// supplied when the task is evaluated.
/// </summary>
public sealed record TaskSpec(
    string Name,
    string Category,
    int Version,
    string Description,
    DatasetSpec Dataset,
    string EvalSplit,
    FieldMapping Fields,
    PromptSpec Prompt,
    FewShotSpec FewShot,
    RequestSpec Request,
    ScoringSpec Scoring)
{
    /// <summary>The task file it came from (for error messages and records).</summary>
    public string SourceFile { get; init; } = "";
}
