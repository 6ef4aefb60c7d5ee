using EvalHarness.Core.Scoring.Filters;

namespace EvalHarness.Core.Scoring;

/// <summary>
/// lm-eval's <c>exact_match</c> metric: the same normalising steps (regexes_to_ignore, ignore_case,
/// ignore_punctuation) applied to prediction and reference, then ordinal string equality.
/// </summary>
public sealed class NormalisedExactComparer(FilterChain normalisation) : IAnswerComparer
{
    /// <summary>Plain string equality, nothing ignored (lm-eval exact_match with no options; BBH).</summary>
    public static NormalisedExactComparer Plain { get; } = new(FilterChain.Empty);

    /// <summary>
    /// tasks/gsm8k/gsm8k.yaml: ignore_case true, ignore_punctuation false, regexes_to_ignore
    /// <c>,</c> <c>\$</c> <c>(?s).*#### </c> <c>\.$</c> — so "$1,234." matches "1234" but "18.00" does not match "18".
    /// </summary>
    public static NormalisedExactComparer Gsm8k { get; } = new(new FilterChain(
        new RegexRemover(",", @"\$", "(?s).*#### ", @"\.$"),
        Lowercase.Instance));

    public FilterChain Normalisation { get; } = normalisation;

    public string Describe() => $"exact_match({Normalisation.Describe()})";

    public bool Matches(string extracted, string reference) =>
        string.Equals(Normalise(extracted), Normalise(reference), StringComparison.Ordinal);

    public string Normalise(string text) => Normalisation.Apply(text).Text;
}
