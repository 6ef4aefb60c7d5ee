namespace EvalHarness.Core.Scoring.Filters;

/// <summary>
/// Tries extractors in order and keeps the first that finds something (MMLU-Pro's
/// extract_answer → extract_again → extract_final). None found: <see cref="Fallback"/> and
/// <see cref="AnswerFlags.NoMatch"/>.
/// </summary>
public sealed class ExtractorCascade(IReadOnlyList<RegexExtractor> extractors, string fallback = RegexExtractor.InvalidAnswer)
    : IOutputFilter
{
    public IReadOnlyList<RegexExtractor> Extractors { get; } = extractors;

    public string Fallback { get; } = fallback;

    public string Describe() => $"first_of({string.Join(", ", Extractors.Select(e => e.Describe()))})";

    public FilteredText Apply(FilteredText input)
    {
        foreach (var extractor in Extractors)
        {
            var value = extractor.TryExtract(input.Text);
            if (value is not null)
            {
                return input.WithText(value);
            }
        }

        return input.WithText(Fallback).WithFlag(AnswerFlags.NoMatch);
    }
}
