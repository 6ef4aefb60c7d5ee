using EvalHarness.Core.Scoring.Filters;

namespace EvalHarness.Core.Scoring;

/// <summary>One extraction route and the metric it feeds (lm-eval: one <c>filter_list</c> entry).</summary>
public sealed record NamedExtraction(string MetricName, IOutputFilter Filter);
