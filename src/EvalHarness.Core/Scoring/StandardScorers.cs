using EvalHarness.Core.Scoring.Filters;

namespace EvalHarness.Core.Scoring;

/// <summary>
/// The scorers of the reference protocols (REFERENCE §3), each with its source. Every generative scorer takes
/// optional <see cref="ThinkingMarkers"/>: when given, reasoning is removed before extraction.
/// Targets: GSM8K takes the dataset's full answer ("…#### 72"); the letter scorers take the correct letter;
/// MATH takes the reference answer (the content of the solution's last box); AIME the integer.
/// </summary>
public static class StandardScorers
{
    public const string StrictMatch = "exact_match,strict-match";
    public const string FlexibleExtract = "exact_match,flexible-extract";
    public const string ExactMatch = "exact_match";

    /// <summary>lm-eval tasks/gsm8k/gsm8k.yaml (strict) and gsm8k-cot's flexible-extract, each its own metric.</summary>
    public static ExtractAndMatchScorer Gsm8k(ThinkingMarkers? thinking = null) => new(
        "gsm8k",
        Preprocessing(thinking),
        [
            new NamedExtraction(StrictMatch, new RegexExtractor(@"#### (\-?[0-9\.\,]+)", MatchSelection.First)),
            new NamedExtraction(FlexibleExtract, new RegexExtractor(@"(-?[$0-9.,]{2,})|(-?[0-9]+)", MatchSelection.Last)),
        ],
        NormalisedExactComparer.Gsm8k);

    /// <summary>
    /// Zero-shot CoT multiple choice as simple-evals (MMLU, GPQA): markdown bold and <c>\boxed{}</c> wrappers
    /// removed (normalize_response), then the first <c>(?i)Answer[ \t]*:[ \t]*\$?([A-D])\$?</c>.
    /// </summary>
    public static ExtractAndMatchScorer MultipleChoiceCot(string name = "mc-cot", string letters = "ABCD",
        ThinkingMarkers? thinking = null) => new(
        name,
        Preprocessing(thinking),
        [
            new NamedExtraction(ExactMatch, new FilterChain(
                LiteralReplacer.MarkdownAndLatexWrappers,
                new RegexExtractor($@"(?i)Answer[ \t]*:[ \t]*\$?([{letters}])\$?", MatchSelection.First),
                Uppercase.Instance)),
        ],
        DelegateComparer.Letter);

    /// <summary>
    /// MMLU-Pro (TIGER-AI-Lab evaluate_from_*.py): "answer is (X)", else the first line with "[aA]nswer: X",
    /// else the last standalone letter A–J. MMLU-Pro then guesses at random when all three fail; we count the
    /// sample wrong instead (flagged <see cref="AnswerFlags.NoMatch"/>), so our number is a lower bound by about
    /// (unmatched share) / 10.
    /// </summary>
    public static ExtractAndMatchScorer MmluPro(ThinkingMarkers? thinking = null) => new(
        "mmlu-pro",
        Preprocessing(thinking),
        [
            new NamedExtraction(ExactMatch, new ExtractorCascade(
            [
                new RegexExtractor(@"answer is \(?([A-J])\)?"),
                new RegexExtractor(@".*[aA]nswer:\s*([A-J])"),
                new RegexExtractor(@"(?s)\b[A-J]\b(?!.*\b[A-J]\b)"),
            ])),
        ],
        DelegateComparer.Letter);

    /// <summary>
    /// lm-eval tasks/bbh/cot_fewshot: the first <c>(?&lt;=the answer is )(.*)(?=.)</c> — the rest of the line
    /// after "the answer is", less its last character (the full stop) — compared by plain exact match.
    /// </summary>
    public static ExtractAndMatchScorer BbhCot(ThinkingMarkers? thinking = null) => new(
        "bbh-cot",
        Preprocessing(thinking),
        [new NamedExtraction(ExactMatch, new RegexExtractor("(?<=the answer is )(.*)(?=.)"))],
        NormalisedExactComparer.Plain);

    /// <summary>MATH / MATH-500: last <c>\boxed{}</c> (or <c>\fbox{}</c>), compared by <see cref="MathAnswers.MathEquivalence"/>.</summary>
    public static ExtractAndMatchScorer Math(ThinkingMarkers? thinking = null, BoxedFallback fallback = BoxedFallback.None) => new(
        "math",
        Preprocessing(thinking),
        [new NamedExtraction(ExactMatch, new BoxedAnswerExtractor(fallback))],
        DelegateComparer.Math);

    /// <summary>
    /// AIME: last <c>\boxed{}</c>, an integer 0–999 compared by value, leading zeros ignored. (lm-eval's aime task
    /// compares with hendrycks strip_string, under which "033" ≠ "33"; we follow REFERENCE §3 instead.)
    /// </summary>
    public static ExtractAndMatchScorer Aime(ThinkingMarkers? thinking = null, BoxedFallback fallback = BoxedFallback.None) => new(
        "aime",
        Preprocessing(thinking),
        [new NamedExtraction(ExactMatch, new BoxedAnswerExtractor(fallback))],
        DelegateComparer.AimeInteger);

    private static IOutputFilter Preprocessing(ThinkingMarkers? thinking) =>
        thinking is null ? FilterChain.Empty : new ThinkBlockRemover(thinking);
}
