namespace EvalHarness.Core.Scoring.Code;

/// <summary>The canonical solution's outputs (pickled by Python, opaque here) and its time per input, base and plus.</summary>
public sealed record EvalPlusGroundTruth(string ExpectedPickleBase64, IReadOnlyList<double> BaseTimes, IReadOnlyList<double> PlusTimes);
