namespace EvalHarness.Core.Scoring.Filters;

/// <summary>lm-eval's <c>ignore_case</c> (and its <c>lowercase</c> filter): culture-invariant lower case.</summary>
public sealed class Lowercase : IOutputFilter
{
    public static Lowercase Instance { get; } = new();

    public string Describe() => "lowercase";

    public FilteredText Apply(FilteredText input) => input.WithText(input.Text.ToLowerInvariant());
}
