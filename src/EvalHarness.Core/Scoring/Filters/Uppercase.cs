namespace EvalHarness.Core.Scoring.Filters;

/// <summary>Culture-invariant upper case (choice letters captured by a case-insensitive pattern).</summary>
public sealed class Uppercase : IOutputFilter
{
    public static Uppercase Instance { get; } = new();

    public string Describe() => "uppercase";

    public FilteredText Apply(FilteredText input) => input.WithText(input.Text.ToUpperInvariant());
}
