namespace EvalHarness.Core.Frontier;

/// <summary>
/// The frontier recomputed over exactly the benchmarks a local run covered, and the local run on the same scale.
/// <para>
/// Rule for missing cells (chosen, documented): a frontier model that lacks any of the covered benchmarks is
/// EXCLUDED from the comparison and listed in <see cref="LikeForLikeResult.Excluded"/> with what it lacks. We do
/// not average over the benchmarks it has, because a composite over a different subset is not comparable (the
/// subsets differ in difficulty), and we never impute a value. The reference model must cover every benchmark,
/// since the index is scaled to it; otherwise the comparison fails with a clear error.
/// </para>
/// </summary>
public static class LikeForLikeComparison
{
    /// <param name="localScores">The local run: benchmark id → score (fraction) ± SE. Its keys are the compared set.</param>
    /// <param name="scheme">Overrides the table's category map and weights (null = the table's own).</param>
    /// <param name="excludeModels">Frontier models to leave out (e.g. the local model itself when it is in the table).</param>
    public static LikeForLikeResult Build(
        FrontierTable table,
        IReadOnlyDictionary<string, Measurement> localScores,
        CategoryScheme? scheme = null,
        IEnumerable<string>? excludeModels = null)
    {
        var calculator = new CompositeCalculator(scheme ?? table.Scheme);
        var local = calculator.Compute(localScores);
        var benchmarks = local.BenchmarkIds;

        var reference = table.ReferenceModel;
        var referenceMissing = reference.MissingScores(benchmarks);
        if (referenceMissing.Count > 0)
        {
            var anyCovers = table.Models.Where(m => m.MissingScores(benchmarks).Count == 0).Select(m => m.Name).ToArray();
            throw new UserInputException(
                $"the reference model '{reference.Name}' has no frontier score for {string.Join(", ", referenceMissing)}, "
                + $"so the index cannot be computed like for like over [{string.Join(", ", benchmarks)}]"
                + (anyCovers.Length == 0 ? " (no frontier model in the table covers all of them)" : $" (models covering all: {string.Join(", ", anyCovers)})"),
                $"compare over benchmarks the reference model has ({string.Join(", ", table.BenchmarksWithReferenceScores())}), "
                + $"or add the missing scores with their source to {table.SourcePath}");
        }

        var excludedNames = (excludeModels ?? []).ToArray();
        var referenceComposite = calculator.Compute(ScoresOf(reference), benchmarks);
        var frontier = new List<FrontierModelScore>();
        var excluded = new List<ExcludedModel>();
        foreach (var model in table.Models)
        {
            if (excludedNames.Any(model.IsNamed)) continue;
            var missing = model.MissingScores(benchmarks);
            if (missing.Count > 0)
            {
                excluded.Add(new ExcludedModel(model.Name, missing));
                continue;
            }
            var composite = calculator.Compute(ScoresOf(model), benchmarks);
            frontier.Add(new FrontierModelScore(model, composite, composite.IndexAgainst(referenceComposite).Value));
        }

        return new LikeForLikeResult(
            benchmarks, reference.Name, referenceComposite, local, local.IndexAgainst(referenceComposite), frontier, excluded);
    }

    private static IReadOnlyDictionary<string, Measurement> ScoresOf(FrontierModel model) =>
        model.Scores.ToDictionary(pair => pair.Key, pair => new Measurement(pair.Value.Value), StringComparer.Ordinal);
}

/// <summary>The outcome of <see cref="LikeForLikeComparison.Build"/>; all composites are over <see cref="BenchmarkIds"/>.</summary>
public sealed record LikeForLikeResult(
    IReadOnlyList<string> BenchmarkIds,
    string ReferenceModel,
    CompositeScore ReferenceComposite,
    CompositeScore LocalComposite,
    IndexScore LocalIndex,
    IReadOnlyList<FrontierModelScore> Frontier,
    IReadOnlyList<ExcludedModel> Excluded)
{
    /// <summary>The recomputed frontier as points on the index scale, ready for <see cref="MonthsToFrontier"/>.</summary>
    public IReadOnlyList<FrontierPoint> FrontierPoints =>
        Frontier.Select(f => new FrontierPoint(f.Model.Name, f.Model.Released, f.Index)).ToArray();
}

/// <summary>A frontier model's composite and index over the compared benchmarks.</summary>
public sealed record FrontierModelScore(FrontierModel Model, CompositeScore Composite, double Index);

/// <summary>A frontier model left out of a like-for-like comparison, and the benchmarks it has no score for.</summary>
public sealed record ExcludedModel(string Model, IReadOnlyList<string> MissingBenchmarks);
