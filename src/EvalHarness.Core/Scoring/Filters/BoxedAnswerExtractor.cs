using EvalHarness.Core.Scoring.MathAnswers;

namespace EvalHarness.Core.Scoring.Filters;

/// <summary>
/// The content of the last <c>\boxed{…}</c> (or <c>\fbox{…}</c>) with balanced braces, as lm-eval's
/// hendrycks_math / minerva_math <c>last_boxed_only_string</c> + <c>remove_boxed</c>. With
/// <see cref="UseLmEvalFallbacks"/> it continues like hendrycks_math's <c>extract_answer</c> when no box is found:
/// the first <c>\[…\]</c> display, else the text between the first and last <c>$</c>, else the whole output.
/// Without it, no box means <see cref="RegexExtractor.InvalidAnswer"/> and <see cref="AnswerFlags.NoMatch"/>.
/// </summary>
public sealed class BoxedAnswerExtractor(bool useLmEvalFallbacks = false) : IOutputFilter
{
    public bool UseLmEvalFallbacks { get; } = useLmEvalFallbacks;

    public string Describe() => UseLmEvalFallbacks ? "last_boxed(fallbacks: \\[..\\], $..$, whole)" : "last_boxed";

    public FilteredText Apply(FilteredText input)
    {
        var boxed = LatexBoxedAnswer.ExtractLast(input.Text);
        if (boxed is not null)
        {
            return input.WithText(boxed);
        }

        if (UseLmEvalFallbacks)
        {
            return input.WithText(LatexBoxedAnswer.HendrycksFallback(input.Text));
        }

        return input.WithText(RegexExtractor.InvalidAnswer).WithFlag(AnswerFlags.NoMatch);
    }
}
