using EvalHarness.Core.Scoring;
using EvalHarness.Core.Scoring.Filters;
using EvalHarness.Core.Scoring.MathAnswers;

namespace EvalHarness.Core.Tests.Scoring;

public class MathAnswerTests
{
    [Theory]
    [InlineData("so $x = \\boxed{\\frac{1}{2}}$.", "\\frac{1}{2}")]
    [InlineData("\\boxed{\\left\\{ 1, \\{2\\} \\right\\}}", "\\left\\{ 1, \\{2\\} \\right\\}")]
    [InlineData("first \\boxed{3}, then corrected: \\boxed{4}", "4")]
    [InlineData("\\fbox{12}", "12")]
    [InlineData("$\\boxed 5$ done", "5")]
    [InlineData("\\boxed{a} and later \\boxed 7", "7")]
    public void Last_boxed_with_balanced_braces(string output, string expected)
    {
        Assert.Equal(expected, LatexBoxedAnswer.ExtractLast(output));
    }

    [Theory]
    [InlineData("no box here")]
    [InlineData("\\boxed{\\frac{1}{2}")]
    public void No_box_or_an_unbalanced_one_is_no_answer(string output)
    {
        Assert.Null(LatexBoxedAnswer.ExtractLast(output));
        var result = new BoxedAnswerExtractor().Apply(output);
        Assert.Equal("[invalid]", result.Text);
        Assert.True(result.Has(AnswerFlags.NoMatch));
    }

    [Theory]
    [InlineData("We get \\[ x = 3 \\] so", "x = 3")]
    [InlineData("the value $7$ or $8$", "7$ or $8")]
    [InlineData("just 9", "just 9")]
    public void Hendrycks_math_fallbacks_when_asked(string output, string expected)
    {
        Assert.Equal(expected, new BoxedAnswerExtractor(BoxedFallback.HendrycksMath).Apply(output).Text);
    }

    [Theory]
    [InlineData("We get \\[ x = 3 \\] so", "We get \\[ x = 3 \\] so")]
    [InlineData("so $m+n=33$.", "m+n=33")]
    [InlineData("boxed wins: $1$ \\boxed{2}", "2")]
    public void Lm_eval_aime_fallbacks_when_asked(string output, string expected)
    {
        var result = new BoxedAnswerExtractor(BoxedFallback.LmEvalAime).Apply(output);

        Assert.Equal(expected, result.Text);
        Assert.Equal(AnswerFlags.None, result.Flags);
    }

    /// <summary>Expected values computed by running lm-eval's hendrycks_math strip_string on each input (null = it raises).</summary>
    [Theory]
    [InlineData("0.5", "\\frac{1}{2}")]
    [InlineData("\\frac12", "\\frac{1}{2}")]
    [InlineData("\\dfrac{1}{2}", "\\frac{1}{2}")]
    [InlineData("\\left( 1, 2 \\right)", "(1,2)")]
    [InlineData("90^\\circ", "90")]
    [InlineData("90^{\\circ}", "90")]
    [InlineData("5\\text{ cm}", "5")]
    [InlineData("x = 5", "5")]
    [InlineData("abc = 5", "abc=5")]
    [InlineData(".5", "\\frac{1}{2}")]
    [InlineData("10\\%", "10")]
    [InlineData("\\sqrt3", "\\sqrt{3}")]
    [InlineData("\\sqrt{3}+\\sqrt2", "\\sqrt{3}+\\sqrt{2}")]
    [InlineData("x/y", null)]
    [InlineData("3/4", "\\frac{3}{4}")]
    [InlineData("03/4", "03/4")]
    [InlineData("-3/4", "\\frac{-3}{4}")]
    [InlineData("1_000/2", "1_000/2")]
    [InlineData("\\frac{72}1", "\\frac{72}1")]
    [InlineData("\\frac1{72}", "\\frac{1}{72}")]
    [InlineData("\\frac", null)]
    [InlineData("\\sqrt", null)]
    [InlineData("a\\text{ b}\\text{ c}", null)]
    [InlineData("\\!1\\!000", "1000")]
    [InlineData("\\$5", "5")]
    [InlineData(" .5 and {.5}", "0.5and{0.5}")]
    [InlineData("k=\\frac{a}b", "\\frac{a}b")]
    [InlineData("2\\\\3", "2\\3")]
    [InlineData("\\tfrac34", "\\frac{3}{4}")]
    [InlineData("", "")]
    [InlineData("1\n2", "12")]
    [InlineData("\\frac3", "\\frac3")]
    [InlineData("p/q/r", "p/q/r")]
    [InlineData("+3/4", "+3/4")]
    public void Strip_string_matches_lm_eval(string input, string? expected)
    {
        Assert.Equal(expected, HendrycksMathNormaliser.TryStrip(input));
    }

    /// <summary>Expected values computed by running lm-eval's minerva_math normalize_final_answer on each input.</summary>
    [Theory]
    [InlineData("\\text{(C)}", "(C)")]
    [InlineData("5 \\text{ cm}", "5")]
    [InlineData("x = 10", "10")]
    [InlineData("1,000", "1000")]
    [InlineData("The answer is $\\frac{1}{2}$.", "\\frac{1}{2}")]
    [InlineData("\\textbf{yes}", "yes")]
    [InlineData("\\overline{AB}", "AB")]
    [InlineData("\\boxed{7}", "7")]
    [InlineData("\\frac12", "\\frac{1}{2}")]
    [InlineData("\\sqrt2", "\\sqrt{2}")]
    [InlineData("10 dollars", "10")]
    [InlineData("90^\\circ", "90")]
    [InlineData("a cat", "cat")]
    [InlineData("1,2,3", "123")]
    [InlineData("\\text{Monday}", "Monday")]
    [InlineData("5 feet", "5")]
    [InlineData("$x$ and $y$", "x")]
    public void Minerva_normalisation_matches_lm_eval(string input, string expected)
    {
        Assert.Equal(expected, MinervaAnswerNormaliser.Normalise(input));
    }

    [Theory]
    [InlineData("0.5", "\\frac12")]
    [InlineData("\\dfrac{1}{2}", "\\frac{1}{2}")]
    [InlineData("\\left( 1, 2 \\right)", "(1,2)")]
    [InlineData("90^\\circ", "90")]
    [InlineData("5\\text{ cm}", "5")]
    [InlineData("x = 5", "5")]
    [InlineData("18.0", "18")]
    [InlineData("0.25", "\\frac14")]
    [InlineData("1/2", "\\frac{1}{2}")]
    [InlineData("-\\frac{3}{4}", "-0.75")]
    [InlineData("\\text{(C)}", "(C)")]
    [InlineData("1,000", "1000")]
    [InlineData(".5", "0.5")]
    [InlineData("10\\%", "10")]
    [InlineData("\\sqrt3", "\\sqrt{3}")]
    [InlineData("x/y", "x/y")]
    [InlineData("\\frac{\\sqrt{3}}{2}", "\\frac{\\sqrt3}{2}")]
    public void Equivalent_answers(string predicted, string target)
    {
        Assert.True(MathEquivalence.AreEquivalent(predicted, target));
    }

    [Theory]
    [InlineData("3", "4")]
    [InlineData("\\frac{\\sqrt{2}}{2}", "\\frac{1}{\\sqrt{2}}")]
    [InlineData("\\pi/2", "\\frac{\\pi}{2}")]
    [InlineData("0.33", "\\frac13")]
    [InlineData("[invalid]", "5")]
    [InlineData("", "0")]
    [InlineData("1.5", "15")]
    [InlineData("0", "5x - 7y + 11z + 4 = 0")]
    public void Different_answers(string predicted, string target)
    {
        Assert.False(MathEquivalence.AreEquivalent(predicted, target));
    }

    [Theory]
    [InlineData("033", 33)]
    [InlineData("33", 33)]
    [InlineData(" 0 ", 0)]
    [InlineData("999", 999)]
    [InlineData("33.0", 33)]
    [InlineData("1000", null)]
    [InlineData("33.5", null)]
    [InlineData("-3", null)]
    [InlineData("x", null)]
    public void Aime_integers(string answer, int? expected)
    {
        Assert.Equal(expected, AimeAnswer.TryParse(answer));
    }

    [Fact]
    public void Math_and_aime_scorers_end_to_end()
    {
        var math = StandardScorers.Math(ThinkingMarkers.Think);
        var aime = StandardScorers.Aime();

        var mathScore = math.Score(ScoringTarget.Of("\\frac{1}{2}"),
            new GeneratedOutput("<think>try \\boxed{2}</think>So the probability is $\\boxed{\\dfrac{1}{2}}$."));
        var aimeRight = aime.Score(ScoringTarget.Of("33"), new GeneratedOutput("Thus $m+n = \\boxed{033}$."));
        var aimeTruncated = aime.Score(ScoringTarget.Of("33"), new GeneratedOutput("\\boxed{033} but", Truncated: true));
        var aimeNoBox = aime.Score(ScoringTarget.Of("33"), new GeneratedOutput("The answer is 33."));

        Assert.Equal(1.0, mathScore[StandardScorers.ExactMatch]);
        Assert.Equal("\\dfrac{1}{2}", mathScore.ExtractedAnswer);
        Assert.Equal(1.0, aimeRight[StandardScorers.ExactMatch]);
        Assert.Equal(0.0, aimeTruncated[StandardScorers.ExactMatch]);
        Assert.True(aimeTruncated.Truncated);
        Assert.Equal(0.0, aimeNoBox[StandardScorers.ExactMatch]);
        Assert.True((aimeNoBox.Flags & AnswerFlags.NoMatch) != 0);
        var dollars = StandardScorers.Aime(fallback: BoxedFallback.LmEvalAime)
            .Score(ScoringTarget.Of("33"), new GeneratedOutput("so the answer is $033$"));
        Assert.Equal(1.0, dollars[StandardScorers.ExactMatch]);
    }

    [Fact]
    public void Exact_rationals_compare_by_value()
    {
        Assert.True(ExactRational.TryParse("1,234.50", out var a));
        Assert.True(ExactRational.TryParse("\\frac{2469}{2}", out var b));
        Assert.Equal(a, b);
        Assert.False(ExactRational.TryParse(".", out _));
        Assert.False(ExactRational.TryParse("1/0", out _));
        Assert.False(ExactRational.TryParse("12,34", out _));
    }
}
