namespace EvalHarness.Core.Scoring.Filters;

/// <summary>lm-eval's <c>remove_whitespace</c> filter: drops exactly one leading space, nothing else.</summary>
public sealed class LeadingSpaceRemover : IOutputFilter
{
    public static LeadingSpaceRemover Instance { get; } = new();

    public string Describe() => "remove_leading_space";

    public FilteredText Apply(FilteredText input) =>
        input.Text.StartsWith(' ') ? input.WithText(input.Text[1..]) : input;
}
