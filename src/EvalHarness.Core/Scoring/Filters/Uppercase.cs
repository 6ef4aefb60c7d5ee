namespace EvalHarness.Core.Scoring.Filters;

/// <summary>
/// Culture-invariant upper case, for choice letters captured by a case-insensitive pattern. A fallback answer
/// (after <see cref="AnswerFlags.NoMatch"/>) is left as it is, so "[invalid]" stays recognisable.
/// </summary>
public sealed class Uppercase : IOutputFilter
{
    public static Uppercase Instance { get; } = new();

    public string Describe() => "uppercase";

    public FilteredText Apply(FilteredText input) =>
        input.Has(AnswerFlags.NoMatch) ? input : input.WithText(input.Text.ToUpperInvariant());
}
