using EvalHarness.Core.Evaluation;

namespace EvalHarness.Core.Runs;

/// <summary>What a run reports while it works (live bars on a terminal, log lines otherwise).</summary>
public interface IRunProgress
{
    /// <param name="alreadyDone">Samples recovered from the run store of an earlier attempt.</param>
    void TaskStarted(PlannedTask task, int alreadyDone);

    /// <summary>Called once per sample, from a scoring worker, one at a time.</summary>
    void SampleCompleted(PlannedTask task, SampleRecord record);

    void TaskFinished(PlannedTask task, TaskResult result, bool skipped);
}
