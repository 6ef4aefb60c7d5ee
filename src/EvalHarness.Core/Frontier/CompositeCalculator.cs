namespace EvalHarness.Core.Frontier;

/// <summary>
/// Turns per-benchmark scores into category scores and a composite under a <see cref="CategoryScheme"/>.
/// Category score = weighted mean of the category's covered benchmarks (weights renormalised over the covered
/// ones); composite = weighted mean of the covered categories. Standard errors are propagated treating the
/// benchmarks as independent: Var = Σ (wᵢ/Σw)² SEᵢ² at each level.
/// </summary>
public sealed class CompositeCalculator(CategoryScheme scheme)
{
    public CategoryScheme Scheme { get; } = scheme;

    /// <summary>The composite over exactly the benchmarks present in <paramref name="scores"/>.</summary>
    public CompositeScore Compute(IReadOnlyDictionary<string, Measurement> scores) => Compute(scores, scores.Keys);

    /// <summary>
    /// The composite over exactly <paramref name="benchmarkIds"/>; every one of them must be in
    /// <paramref name="scores"/> (extra scores are ignored, which is what makes like-for-like comparisons easy).
    /// </summary>
    public CompositeScore Compute(IReadOnlyDictionary<string, Measurement> scores, IEnumerable<string> benchmarkIds)
    {
        var ids = OrderedIds(benchmarkIds);
        var missing = ids.Where(id => !scores.ContainsKey(id)).ToArray();
        if (missing.Length > 0)
        {
            throw new UserInputException(
                $"no score for {string.Join(", ", missing)}; a composite over [{string.Join(", ", ids)}] needs all of them",
                "compute the composite over the benchmarks that were scored, or supply the missing scores");
        }

        var categories = ids
            .GroupBy(id => Scheme.Benchmark(id).Category)
            .Select(group => CategoryOf(group.Key, group.ToArray(), scores))
            .ToArray();

        var totalWeight = categories.Sum(c => c.Weight);
        if (totalWeight <= 0)
        {
            throw new UserInputException(
                $"every category covered by [{string.Join(", ", ids)}] has weight 0",
                "give at least one covered category a positive weight");
        }
        var value = categories.Sum(c => c.Weight * c.Value) / totalWeight;
        var variance = categories.Sum(c => Square(c.Weight / totalWeight) * Square(c.StandardError));
        return new CompositeScore(ids, categories, value, Math.Sqrt(variance));
    }

    private CategoryScore CategoryOf(string category, IReadOnlyList<string> ids, IReadOnlyDictionary<string, Measurement> scores)
    {
        var weights = ids.Select(id => Scheme.Benchmark(id).Weight).ToArray();
        var totalWeight = weights.Sum();
        double value = 0, variance = 0;
        for (var i = 0; i < ids.Count; i++)
        {
            var share = weights[i] / totalWeight;
            value += share * scores[ids[i]].Value;
            variance += share * share * scores[ids[i]].Variance;
        }
        return new CategoryScore(category, Scheme.CategoryWeights[category], value, Math.Sqrt(variance), ids);
    }

    /// <summary>Distinct ids in the scheme's order, so equal sets give equal (comparable) composites.</summary>
    private IReadOnlyList<string> OrderedIds(IEnumerable<string> benchmarkIds)
    {
        var requested = benchmarkIds.Distinct(StringComparer.Ordinal).ToArray();
        if (requested.Length == 0)
        {
            throw new UserInputException(
                "a composite needs at least one benchmark, and none was given",
                "run at least one benchmark of the composite before comparing with the frontier");
        }
        foreach (var id in requested) Scheme.Benchmark(id);
        var set = requested.ToHashSet(StringComparer.Ordinal);
        return Scheme.Benchmarks.Select(b => b.Id).Where(set.Contains).ToArray();
    }

    private static double Square(double x) => x * x;
}
