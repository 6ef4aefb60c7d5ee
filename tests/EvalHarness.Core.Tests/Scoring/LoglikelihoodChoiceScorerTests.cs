using EvalHarness.Core.Scoring;

namespace EvalHarness.Core.Tests.Scoring;

public class LoglikelihoodChoiceScorerTests
{
    private static readonly LoglikelihoodChoiceScorer Scorer = LoglikelihoodChoiceScorer.Instance;

    [Fact]
    public void Acc_is_the_argmax_of_summed_logprobs()
    {
        var target = ScoringTarget.MultipleChoice([" A", " B", " C", " D"], 2);

        var right = Scorer.Score(target, new ChoiceLogLikelihoods([-4.0, -3.0, -1.5, -2.0]));
        var wrong = Scorer.Score(target, new ChoiceLogLikelihoods([-4.0, -1.0, -1.5, -2.0]));

        Assert.Equal(1.0, right[LoglikelihoodChoiceScorer.Accuracy]);
        Assert.Equal("2", right.ExtractedAnswer);
        Assert.Equal(0.0, wrong[LoglikelihoodChoiceScorer.Accuracy]);
        Assert.Equal("1", wrong.ExtractedAnswer);
    }

    [Fact]
    public void Acc_norm_divides_by_the_choice_length_in_characters()
    {
        // Raw: "a cat" (-6) beats "a very large dog" (-8). Per character: -6/5 = -1.2 < -8/16 = -0.5.
        var target = ScoringTarget.MultipleChoice(["a cat", "a very large dog"], 1);

        var score = Scorer.Score(target, new ChoiceLogLikelihoods([-6.0, -8.0]));

        Assert.Equal(0.0, score[LoglikelihoodChoiceScorer.Accuracy]);
        Assert.Equal(1.0, score[LoglikelihoodChoiceScorer.NormalisedAccuracy]);
        Assert.Equal("1", score.Values[1].ExtractedAnswer);
    }

    [Fact]
    public void Ties_go_to_the_first_choice_like_numpy_argmax()
    {
        var target = ScoringTarget.MultipleChoice(["x", "y"], 1);

        var score = Scorer.Score(target, new ChoiceLogLikelihoods([-1.0, -1.0]));

        Assert.Equal(0.0, score[LoglikelihoodChoiceScorer.Accuracy]);
        Assert.Equal("0", score.ExtractedAnswer);
    }

    [Fact]
    public void Several_correct_choices_any_counts()
    {
        var target = new ScoringTarget(["b"]) { Choices = ["a", "b", "c"], CorrectChoices = [1, 2] };

        var score = Scorer.Score(target, new ChoiceLogLikelihoods([-3.0, -2.0, -1.0]));

        Assert.Equal(1.0, score[LoglikelihoodChoiceScorer.Accuracy]);
    }

    [Fact]
    public void Backend_results_convert_in_choice_order()
    {
        var output = ChoiceLogLikelihoods.From(
        [
            new EvalHarness.Core.Inference.LoglikelihoodResult(-2.5, false, [-2.0, -0.5], 10, false),
            new EvalHarness.Core.Inference.LoglikelihoodResult(-0.7, true, [-0.7], 10, false),
        ]);

        Assert.Equal([-2.5, -0.7], output.LogLikelihoods);
        Assert.Equal([false, true], output.IsGreedy!);
        Assert.Equal(1.0, Scorer.Score(ScoringTarget.MultipleChoice(["A", "B"], 1), output)[LoglikelihoodChoiceScorer.Accuracy]);
    }

    [Fact]
    public void Count_mismatch_and_generated_text_are_rejected()
    {
        var target = ScoringTarget.MultipleChoice(["a", "b"], 0);

        Assert.Throws<ArgumentException>(() => Scorer.Score(target, new ChoiceLogLikelihoods([-1.0])));
        Assert.Throws<ArgumentException>(() => Scorer.Score(target, new GeneratedOutput("a")));
    }
}
