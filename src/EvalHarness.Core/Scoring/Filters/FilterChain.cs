namespace EvalHarness.Core.Scoring.Filters;

/// <summary>Runs filters in order, each on the previous one's output (lm-eval's filter_list entry).</summary>
public sealed class FilterChain : IOutputFilter
{
    public FilterChain(IEnumerable<IOutputFilter> steps)
    {
        Steps = steps.ToArray();
    }

    public FilterChain(params IOutputFilter[] steps) : this((IEnumerable<IOutputFilter>)steps)
    {
    }

    public static FilterChain Empty { get; } = new();

    public IReadOnlyList<IOutputFilter> Steps { get; }

    public FilterChain Then(IOutputFilter next) => new(Steps.Append(next));

    public FilterChain Then(FilterChain next) => new(Steps.Concat(next.Steps));

    public string Describe() => Steps.Count == 0 ? "identity" : string.Join(" | ", Steps.Select(s => s.Describe()));

    public FilteredText Apply(FilteredText input)
    {
        var current = input;
        foreach (var step in Steps)
        {
            current = step.Apply(current);
        }

        return current;
    }
}
