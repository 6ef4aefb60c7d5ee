using EvalHarness.Core.Scoring.MathAnswers;

namespace EvalHarness.Core.Scoring.Filters;

/// <summary>What to read as the answer when an output has no <c>\boxed{}</c>.</summary>
public enum BoxedFallback
{
    /// <summary>No box, no answer: <see cref="RegexExtractor.InvalidAnswer"/> and <see cref="AnswerFlags.NoMatch"/>.</summary>
    None,
    /// <summary>lm-eval hendrycks_math <c>extract_answer</c>: first <c>\[…\]</c>, else first…last <c>$</c>, else everything.</summary>
    HendrycksMath,
    /// <summary>lm-eval aime <c>process_results</c>: first…last <c>$</c>, else everything.</summary>
    LmEvalAime,
}

/// <summary>
/// The content of the last <c>\boxed{…}</c> (or <c>\fbox{…}</c>) with balanced braces, as lm-eval's
/// hendrycks_math / minerva_math / aime <c>last_boxed_only_string</c> + <c>remove_boxed</c>, with a chosen
/// <see cref="BoxedFallback"/> when there is no box.
/// </summary>
public sealed class BoxedAnswerExtractor(BoxedFallback fallback = BoxedFallback.None) : IOutputFilter
{
    public BoxedFallback Fallback { get; } = fallback;

    public string Describe() => Fallback == BoxedFallback.None ? "last_boxed" : $"last_boxed(fallback: {Fallback})";

    public FilteredText Apply(FilteredText input)
    {
        var boxed = LatexBoxedAnswer.ExtractLast(input.Text);
        if (boxed is not null)
        {
            return input.WithText(boxed);
        }

        return Fallback switch
        {
            BoxedFallback.HendrycksMath => input.WithText(LatexBoxedAnswer.HendrycksFallback(input.Text)),
            BoxedFallback.LmEvalAime => input.WithText(LatexBoxedAnswer.BetweenFirstAndLastDollar(input.Text)),
            _ => input.WithText(RegexExtractor.InvalidAnswer).WithFlag(AnswerFlags.NoMatch),
        };
    }
}
