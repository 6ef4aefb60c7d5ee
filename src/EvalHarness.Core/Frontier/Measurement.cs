namespace EvalHarness.Core.Frontier;

/// <summary>
/// A score with its standard error. Frontier cells carry SE 0 because their publishers give none; a local run
/// carries the SE of its metric (sample SD / sqrt(n), or bootstrap).
/// </summary>
public readonly record struct Measurement
{
    public Measurement(double value, double standardError = 0)
    {
        if (!double.IsFinite(value)) throw new ArgumentOutOfRangeException(nameof(value), value, "score must be finite");
        if (!double.IsFinite(standardError) || standardError < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(standardError), standardError, "standard error must be finite and >= 0");
        }
        Value = value;
        StandardError = standardError;
    }

    public double Value { get; }
    public double StandardError { get; }

    public double Variance => StandardError * StandardError;
}
