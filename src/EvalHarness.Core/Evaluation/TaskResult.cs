using EvalHarness.Core.Metrics;

namespace EvalHarness.Core.Evaluation;

/// <summary>The immutable outcome of one task on one model.</summary>
/// <param name="Metrics">Headline metrics, mean ± SE (pooled over groups for micro-aggregated group tasks), headline first.</param>
/// <param name="Groups">Per metric, the per-group values (empty when the task has no breakdown).</param>
/// <param name="Truncated">Generations cut by their token limit (each counted wrong).</param>
public sealed record TaskResult(
    string Task,
    string Category,
    EvaluationProtocol Protocol,
    IReadOnlyList<MetricValue> Metrics,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, MetricValue>> Groups,
    int Samples,
    int Truncated,
    int ThinkingUnterminated,
    int NoAnswerFound,
    TimeSpan Elapsed,
    IReadOnlyList<SampleRecord> SampleRecords)
{
    public MetricValue Headline => Metrics[0];
}
