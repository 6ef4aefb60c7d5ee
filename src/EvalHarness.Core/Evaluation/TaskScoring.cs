using EvalHarness.Core.Metrics;
using EvalHarness.Core.Prompts;
using EvalHarness.Core.Scoring;
using EvalHarness.Core.Scoring.Filters;
using EvalHarness.Core.Tasks;

namespace EvalHarness.Core.Evaluation;

/// <summary>
/// A task's scorer (by name from <see cref="ScorerCatalog"/>), what each sample is checked against, and the
/// aggregation of sample scores into the task's metrics.
/// </summary>
public sealed class TaskScoring
{
    private readonly TaskSpec _task;

    public TaskScoring(TaskSpec task, ThinkingMode thinking)
    {
        _task = task;
        // Reasoning is always removed before extraction; with thinking on the prompt itself opened the block.
        var markers = thinking == ThinkingMode.On ? ThinkingMarkers.Think.OpenedByTemplate() : ThinkingMarkers.Think;
        Scorer = task.Request.Kind == RequestKind.Loglikelihood ? ScorerCatalog.Create(task.Scoring.Scorer) : ScorerCatalog.Create(task.Scoring.Scorer, markers);
        MetricNames = task.Scoring.Metrics.Count > 0 ? task.Scoring.Metrics : Scorer.MetricNames;
    }

    public IScorer Scorer { get; }

    public IReadOnlyList<string> MetricNames { get; }

    /// <summary>
    /// Loglikelihood: the choices and the right index. Generative multiple choice: the right letter (prompts present
    /// lettered options). Otherwise the reference answer.
    /// </summary>
    public ScoringTarget TargetOf(Sample sample)
    {
        var target = _task.Request.Kind == RequestKind.Loglikelihood ? ScoringTarget.MultipleChoice(sample.Choices, sample.TargetIndex)
            : sample.IsMultipleChoice ? ScoringTarget.Of(sample.TargetLabel)
            : ScoringTarget.Of(sample.Target);
        return target with { Record = sample.Record.Data };
    }

    public SampleScore Score(Sample sample, ModelOutput output) => Scorer.Score(TargetOf(sample), output);

    public (IReadOnlyList<MetricValue> Metrics, IReadOnlyDictionary<string, IReadOnlyDictionary<string, MetricValue>> Groups) Aggregate(
        IReadOnlyList<(Sample Sample, SampleScore Score)> scored)
    {
        if (scored.Count == 0) return ([], new Dictionary<string, IReadOnlyDictionary<string, MetricValue>>());
        var byGroup = _task.Scoring.BreakdownByGroup && scored.Any(s => s.Sample.Group is not null);
        var metrics = new List<MetricValue>();
        var groups = new Dictionary<string, IReadOnlyDictionary<string, MetricValue>>(StringComparer.Ordinal);
        foreach (var name in MetricNames)
        {
            if (!byGroup)
            {
                metrics.Add(MeanStatistics.Of(name, scored.Select(s => s.Score[name]).ToArray()));
                continue;
            }
            var breakdown = MetricBreakdown.By(name, scored, s => s.Sample.Group ?? "", s => s.Score[name]);
            metrics.Add(_task.Scoring.Aggregation == "macro" ? breakdown.Macro : breakdown.Micro);
            groups[name] = breakdown.Groups;
        }
        return (metrics, groups);
    }
}
