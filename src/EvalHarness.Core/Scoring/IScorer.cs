namespace EvalHarness.Core.Scoring;

/// <summary>
/// Turns one sample's model output into metric values. Scorers are pure and thread-safe; they declare their
/// metrics up front so that aggregation and reports know the columns before any sample is scored.
/// </summary>
public interface IScorer
{
    /// <summary>Short identifier recorded with the results, e.g. <c>gsm8k</c>, <c>mc-loglikelihood</c>.</summary>
    string Name { get; }

    /// <summary>The metric names every <see cref="SampleScore"/> from this scorer carries, headline first.</summary>
    IReadOnlyList<string> MetricNames { get; }

    /// <summary>A one-line account of extraction and comparison, for the run's protocol record.</summary>
    string Describe();

    SampleScore Score(ScoringTarget target, ModelOutput output);
}
