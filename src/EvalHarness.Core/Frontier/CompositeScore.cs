namespace EvalHarness.Core.Frontier;

/// <summary>One category's score: the weighted mean of its benchmarks' scores, with the propagated SE.</summary>
/// <param name="Weight">The category's weight in the composite (before normalising over present categories).</param>
public sealed record CategoryScore(
    string Category, double Weight, double Value, double StandardError, IReadOnlyList<string> BenchmarkIds);

/// <summary>
/// A composite over exactly <see cref="BenchmarkIds"/>: the weighted mean of the categories those benchmarks
/// fall in (categories with no covered benchmark do not take part), on the benchmarks' own scale (fractions).
/// </summary>
public sealed record CompositeScore(
    IReadOnlyList<string> BenchmarkIds, IReadOnlyList<CategoryScore> Categories, double Value, double StandardError)
{
    /// <summary>
    /// This composite as an index against a reference composite over the same benchmarks: value / reference × 100.
    /// The SE follows the first-order (delta-method) rule for a ratio of independent quantities,
    /// SE = index × sqrt((se/value)² + (se_ref/ref)²); with a reference SE of 0 (frontier cells) this is
    /// simply se / ref × 100.
    /// </summary>
    public IndexScore IndexAgainst(CompositeScore reference)
    {
        if (!BenchmarkIds.SequenceEqual(reference.BenchmarkIds))
        {
            throw new ArgumentException(
                $"index needs like-for-like composites: [{string.Join(", ", BenchmarkIds)}] vs reference [{string.Join(", ", reference.BenchmarkIds)}]",
                nameof(reference));
        }
        if (reference.Value <= 0)
        {
            throw new UserInputException(
                $"the reference composite is {reference.Value}; an index cannot be scaled to it",
                "choose a reference model with positive scores on the compared benchmarks");
        }
        var index = Value / reference.Value * 100;
        var relativeVariance = Square(StandardError / reference.Value) + Square(Value * reference.StandardError / Square(reference.Value));
        return new IndexScore(index, Math.Sqrt(relativeVariance) * 100);
    }

    private static double Square(double x) => x * x;
}

/// <summary>A composite scaled so that the reference model is 100, with its SE in the same units.</summary>
public readonly record struct IndexScore(double Value, double StandardError);
