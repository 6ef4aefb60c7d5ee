namespace EvalHarness.Core.Scoring;

/// <summary>
/// Multiple choice by loglikelihood, as lm-eval's <c>multiple_choice</c> output type
/// (api/task.py process_results): <c>acc</c> = the argmax of the summed continuation log-probabilities is a
/// correct choice; <c>acc_norm</c> = the argmax of log-probability divided by the choice text's length in
/// characters. Ties go to the earliest choice (numpy argmax). The extracted answer is the chosen index.
/// </summary>
public sealed class LoglikelihoodChoiceScorer : IScorer
{
    public const string Accuracy = "acc";
    public const string NormalisedAccuracy = "acc_norm";

    public static LoglikelihoodChoiceScorer Instance { get; } = new();

    public string Name => "mc-loglikelihood";

    public IReadOnlyList<string> MetricNames { get; } = [Accuracy, NormalisedAccuracy];

    public string Describe() => "mc-loglikelihood: acc = argmax Σlogp, acc_norm = argmax Σlogp / len(choice chars)";

    public SampleScore Score(ScoringTarget target, ModelOutput output)
    {
        if (output is not ChoiceLogLikelihoods scored)
        {
            throw new ArgumentException($"Scorer '{Name}' needs per-choice loglikelihoods, not {output.GetType().Name}.", nameof(output));
        }

        if (target.Choices.Count == 0 || scored.LogLikelihoods.Count != target.Choices.Count)
        {
            throw new ArgumentException(
                $"Got {scored.LogLikelihoods.Count} loglikelihoods for {target.Choices.Count} choices.", nameof(output));
        }

        var raw = ArgMax(scored.LogLikelihoods.Count, i => scored.LogLikelihoods[i]);
        // An empty choice text would divide by zero in lm-eval; we count it as one character.
        var normalised = ArgMax(scored.LogLikelihoods.Count,
            i => scored.LogLikelihoods[i] / Math.Max(1, target.Choices[i].Length));

        return new SampleScore(
        [
            new MetricScore(Accuracy, target.CorrectChoices.Contains(raw) ? 1.0 : 0.0, Index(raw)),
            new MetricScore(NormalisedAccuracy, target.CorrectChoices.Contains(normalised) ? 1.0 : 0.0, Index(normalised)),
        ]);
    }

    /// <summary>First index of the largest value (numpy's argmax tie rule).</summary>
    public static int ArgMax(int count, Func<int, double> value)
    {
        var best = 0;
        for (var i = 1; i < count; i++)
        {
            if (value(i) > value(best))
            {
                best = i;
            }
        }

        return best;
    }

    private static string Index(int i) => i.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
