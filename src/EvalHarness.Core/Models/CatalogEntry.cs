namespace EvalHarness.Core.Models;

/// <summary>
/// One known GGUF in models/catalog.yaml: where it lives on the Hub, what it should be (size and sha256 when
/// known), and how its authors say to run it. <see cref="SizeBytes"/> and <see cref="Sha256"/> are null when the
/// catalog could not state them; such a file downloads but cannot be verified.
/// </summary>
public sealed record CatalogEntry(
    string Name,
    string Organisation,
    DateOnly ReleaseDate,
    HubFileReference Source,
    long? SizeBytes,
    string? Sha256,
    double? ApproximateSizeGigabytes,
    int ContextLength,
    SamplingSettings Sampling,
    ThinkingSwitch? Thinking,
    string? Notes,
    string File,
    int Line)
{
    public bool CanBeVerified => Sha256 is not null;
}

/// <summary>Sampling settings a model card recommends; null fields are not stated (use the runtime default).</summary>
public sealed record SamplingSettings(double? Temperature, double? TopP, int? TopK, double? MinP, double? RepeatPenalty)
{
    public static SamplingSettings None { get; } = new(null, null, null, null, null);

    /// <summary>Temperature 0: always the most likely token.</summary>
    public bool IsGreedy => Temperature == 0;

    public override string ToString()
    {
        if (IsGreedy) return "greedy";
        var parts = new List<string>();
        if (Temperature is { } t) parts.Add($"temperature {Format(t)}");
        if (TopP is { } p) parts.Add($"top_p {Format(p)}");
        if (TopK is { } k) parts.Add($"top_k {k}");
        if (MinP is { } m) parts.Add($"min_p {Format(m)}");
        if (RepeatPenalty is { } r) parts.Add($"repeat_penalty {Format(r)}");
        return parts.Count == 0 ? "not stated" : string.Join(", ", parts);
    }

    private static string Format(double value) => value.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>How a model's reasoning ("thinking") mode is turned on.</summary>
public enum ThinkingSwitchKind
{
    /// <summary>A boolean variable passed to the model's chat template (EXAONE 4.0, Qwen3: <c>enable_thinking</c>).</summary>
    ChatTemplateFlag,
}

/// <summary>A model's thinking switch, its default, and the sampling its authors recommend while it is on.</summary>
public sealed record ThinkingSwitch(ThinkingSwitchKind Kind, string Flag, bool DefaultOn, SamplingSettings Sampling)
{
    public override string ToString() =>
        $"{Flag}=true in the chat template (default {(DefaultOn ? "on" : "off")}; sampling when on: {Sampling})";
}
