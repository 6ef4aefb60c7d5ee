namespace EvalHarness.Core.Scoring.Filters;

/// <summary>Removes leading and trailing white space (Python's <c>str.strip()</c>).</summary>
public sealed class Strip : IOutputFilter
{
    public static Strip Instance { get; } = new();

    public string Describe() => "strip";

    public FilteredText Apply(FilteredText input) => input.WithText(input.Text.Trim());
}
