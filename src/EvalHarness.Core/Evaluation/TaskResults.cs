using EvalHarness.Core.Scoring;
using EvalHarness.Core.Scoring.Filters;
using EvalHarness.Core.Tasks;

namespace EvalHarness.Core.Evaluation;

/// <summary>Turns scored samples into a <see cref="TaskResult"/> (shared by model runs and the score command).</summary>
public static class TaskResults
{
    public static TaskResult Assemble(TaskSpec task, EvaluationProtocol protocol, TaskScoring scoring, IReadOnlyList<Sample> samples,
        IReadOnlyList<SampleScore?> scores, IReadOnlyList<SampleRecord?> records, TimeSpan elapsed)
    {
        var missing = Enumerable.Range(0, samples.Count).Where(i => scores[i] is null).ToArray();
        if (missing.Length > 0)
        {
            throw new InvalidOperationException($"The backend returned no result for {missing.Length} of {samples.Count} samples of {task.Name} (first: {samples[missing[0]].Id}).");
        }
        var scored = samples.Select((s, i) => (s, scores[i]!)).ToArray();
        var (metrics, groups) = scoring.Aggregate(scored);
        return new TaskResult(
            task.Name,
            task.Category,
            protocol,
            metrics,
            groups,
            samples.Count,
            scored.Count(s => s.Item2.Flags.HasFlag(AnswerFlags.Truncated)),
            scored.Count(s => s.Item2.Flags.HasFlag(AnswerFlags.ThinkingUnterminated)),
            scored.Count(s => s.Item2.Values.Count > 0 && s.Item2.Values[0].Flags.HasFlag(AnswerFlags.NoMatch)),
            elapsed,
            records.Select(r => r!).ToArray());
    }
}
