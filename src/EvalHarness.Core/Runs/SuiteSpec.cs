namespace EvalHarness.Core.Runs;

/// <summary>A named set of tasks that one <c>evalharness run</c> evaluates, grouped into the five categories.</summary>
/// <param name="Seed">Seed of the stratified subsets (<see cref="SuiteTask.Subset"/>), recorded in the manifest.</param>
public sealed record SuiteSpec(string Name, string Description, int Seed, IReadOnlyList<SuiteTask> Tasks, string SourcePath);

/// <param name="Task">A task name from the tasks/ folder.</param>
/// <param name="Category">The category the task counts towards (one of the five standard ones).</param>
/// <param name="Benchmark">The benchmark id in models/frontier.yaml this task measures, or null when the task has no
/// frontier counterpart (it is then reported but left out of the frontier comparison).</param>
/// <param name="Weight">Weight of the task within its category.</param>
/// <param name="Subset">Evaluate a seeded, group-stratified subset of this many samples (null = every sample).</param>
public sealed record SuiteTask(string Task, string Category, string? Benchmark, double Weight, int? Subset);
