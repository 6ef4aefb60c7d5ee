namespace EvalHarness.Core.Frontier;

/// <summary>
/// A benchmark id of the composite, the category it counts towards and its weight inside that category
/// (default 1: plain mean within the category).
/// </summary>
/// <param name="AaField">The field name in Artificial Analysis' API when AA publishes the benchmark.</param>
public sealed record BenchmarkDefinition(string Id, string Name, string Category, double Weight = 1, string? AaField = null);
