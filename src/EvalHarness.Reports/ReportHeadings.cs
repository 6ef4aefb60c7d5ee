namespace EvalHarness.Reports;

/// <summary>The second-level headings of a run report, in order (tests and readers can rely on them).</summary>
public static class ReportHeadings
{
    public const string Verdict = "Verdict";
    public const string ModelCard = "Model card";
    public const string Settings = "Settings";
    public const string Tasks = "Results per task";
    public const string Categories = "Categories";
    public const string Composite = "Composite";
    public const string Frontier = "Frontier and the gap";
    public const string LengthCurve = "Long context: score by length";
    public const string Failures = "Failure examples";
    public const string Methods = "How each number was computed";

    public static IReadOnlyList<string> InOrder { get; } =
        [Verdict, ModelCard, Settings, Tasks, Categories, Composite, Frontier, LengthCurve, Failures, Methods];
}
