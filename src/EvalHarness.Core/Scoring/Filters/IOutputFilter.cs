namespace EvalHarness.Core.Scoring.Filters;

/// <summary>
/// One step of answer extraction (lm-eval's Filter, inspect's scorer pre-processing): text in, text out,
/// flags carried along. Filters are pure and stateless, so one instance serves every sample.
/// </summary>
public interface IOutputFilter
{
    /// <summary>A short description for protocol records, e.g. <c>regex("#### (...)", first)</c>.</summary>
    string Describe();

    FilteredText Apply(FilteredText input);
}

public static class OutputFilterExtensions
{
    public static FilteredText Apply(this IOutputFilter filter, string text) => filter.Apply(new FilteredText(text));
}
