namespace EvalHarness.Core.Frontier;

/// <summary>
/// One model on the frontier time axis: its release date and its score on a single scale (an index, or a
/// composite; what matters is that every point and the compared score share the scale).
/// </summary>
public sealed record FrontierPoint(string Model, DateOnly Released, double Score);
