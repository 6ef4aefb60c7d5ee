namespace EvalHarness.Core.Frontier;

/// <summary>
/// The stored frontier scores (models/frontier.yaml): sources, the benchmark→category scheme, the models and
/// the reference model the index is scaled to. Immutable; load once with <see cref="Load"/>.
/// </summary>
public sealed record FrontierTable(
    string SourcePath,
    string ReferenceModelName,
    IReadOnlyDictionary<string, SourceReference> Sources,
    CategoryScheme Scheme,
    IReadOnlyList<FrontierModel> Models)
{
    /// <summary>The id of the AI Diffusion Report's index among <see cref="FrontierModel.PublishedComposites"/>.</summary>
    public const string AiFrontierIndex = "ai_frontier_index";

    /// <summary>Reads and validates a frontier table; errors are <see cref="UserInputException"/>s naming file, line and field.</summary>
    public static FrontierTable Load(string path) => FrontierTableLoader.Load(path);

    /// <summary>Parses frontier-table YAML text; <paramref name="fileName"/> is only used in error messages.</summary>
    public static FrontierTable Parse(string yaml, string fileName = "frontier.yaml") => FrontierTableLoader.Parse(yaml, fileName);

    public FrontierModel ReferenceModel => Model(ReferenceModelName);

    /// <summary>A model by name or alias (case-insensitive); a clear user error when absent.</summary>
    public FrontierModel Model(string name) =>
        TryFindModel(name) ?? throw new UserInputException(
            $"model '{name}' is not in the frontier table {SourcePath}",
            $"use one of: {string.Join(", ", Models.Select(m => m.Name))}");

    public FrontierModel? TryFindModel(string name) => Models.FirstOrDefault(m => m.IsNamed(name));

    /// <summary>
    /// The models that have a published composite <paramref name="index"/>, as points on that index's scale.
    /// These are the report's own numbers (not recomputed, so not like for like with a local subset of benchmarks).
    /// </summary>
    public IReadOnlyList<FrontierPoint> PublishedIndexPoints(string index = AiFrontierIndex) =>
        Models
            .Where(m => m.PublishedComposites.ContainsKey(index))
            .Select(m => new FrontierPoint(m.Name, m.Released, m.PublishedComposites[index].Value))
            .ToArray();

    /// <summary>The benchmark ids of the scheme for which the reference model has a score.</summary>
    public IReadOnlyList<string> BenchmarksWithReferenceScores() =>
        Scheme.Benchmarks.Select(b => b.Id).Where(ReferenceModel.Scores.ContainsKey).ToArray();
}
