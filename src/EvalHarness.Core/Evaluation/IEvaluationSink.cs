using EvalHarness.Core.Scoring;

namespace EvalHarness.Core.Evaluation;

/// <summary>
/// Receives each sample as soon as it is scored (the run store plugs in here so a killed run keeps its samples).
/// Called from a scoring worker, one sample at a time.
/// </summary>
public interface IEvaluationSink
{
    void OnSampleCompleted(SampleRecord record, SampleScore score);
}

/// <summary>A sink that keeps nothing.</summary>
public sealed class NullEvaluationSink : IEvaluationSink
{
    public static NullEvaluationSink Instance { get; } = new();

    public void OnSampleCompleted(SampleRecord record, SampleScore score)
    {
    }
}
