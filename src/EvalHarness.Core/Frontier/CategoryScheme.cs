namespace EvalHarness.Core.Frontier;

/// <summary>
/// Which benchmark counts towards which category, and how categories and benchmarks are weighted.
/// The AI Frontier Index's exact aggregation is unpublished, so everything here is configurable; the default
/// (as in models/frontier.yaml) is a plain mean within a category and a plain mean across categories.
/// Immutable: the With* methods return a new scheme.
/// </summary>
public sealed class CategoryScheme
{
    private readonly Dictionary<string, BenchmarkDefinition> _byId;

    public CategoryScheme(IEnumerable<BenchmarkDefinition> benchmarks, IReadOnlyDictionary<string, double> categoryWeights)
    {
        Benchmarks = benchmarks.ToArray();
        CategoryWeights = new Dictionary<string, double>(categoryWeights, StringComparer.Ordinal);
        _byId = new Dictionary<string, BenchmarkDefinition>(StringComparer.Ordinal);
        foreach (var benchmark in Benchmarks)
        {
            if (!_byId.TryAdd(benchmark.Id, benchmark))
            {
                throw new ArgumentException($"benchmark '{benchmark.Id}' is defined twice", nameof(benchmarks));
            }
            if (!CategoryWeights.ContainsKey(benchmark.Category))
            {
                throw new ArgumentException($"benchmark '{benchmark.Id}' names category '{benchmark.Category}', which has no weight", nameof(benchmarks));
            }
            if (!double.IsFinite(benchmark.Weight) || benchmark.Weight <= 0)
            {
                throw new ArgumentException($"benchmark '{benchmark.Id}' has weight {benchmark.Weight}; weights must be > 0", nameof(benchmarks));
            }
        }
        foreach (var (category, weight) in CategoryWeights)
        {
            if (!double.IsFinite(weight) || weight < 0)
            {
                throw new ArgumentException($"category '{category}' has weight {weight}; weights must be >= 0", nameof(categoryWeights));
            }
        }
    }

    /// <summary>The five categories of the AI Frontier Index, in report order.</summary>
    public static IReadOnlyList<string> StandardCategories { get; } =
        ["coding", "knowledge", "reasoning", "instruction_following", "information_retrieval"];

    public IReadOnlyList<BenchmarkDefinition> Benchmarks { get; }

    public IReadOnlyDictionary<string, double> CategoryWeights { get; }

    public bool Knows(string benchmarkId) => _byId.ContainsKey(benchmarkId);

    /// <summary>The definition of a benchmark id; a clear user error when the id is unknown.</summary>
    public BenchmarkDefinition Benchmark(string benchmarkId) =>
        _byId.TryGetValue(benchmarkId, out var definition)
            ? definition
            : throw new UserInputException(
                $"benchmark '{benchmarkId}' is not part of the frontier composite (known: {string.Join(", ", _byId.Keys)})",
                "use one of the known benchmark ids, or add the benchmark under `benchmarks:` in models/frontier.yaml");

    /// <summary>A copy with some category weights replaced (categories not named keep their weight).</summary>
    public CategoryScheme WithCategoryWeights(IReadOnlyDictionary<string, double> weights)
    {
        var merged = new Dictionary<string, double>(CategoryWeights, StringComparer.Ordinal);
        foreach (var (category, weight) in weights)
        {
            if (!merged.ContainsKey(category)) throw new ArgumentException($"unknown category '{category}'", nameof(weights));
            merged[category] = weight;
        }
        return new CategoryScheme(Benchmarks, merged);
    }

    /// <summary>A copy with some within-category benchmark weights replaced.</summary>
    public CategoryScheme WithBenchmarkWeights(IReadOnlyDictionary<string, double> weights)
    {
        foreach (var id in weights.Keys) Benchmark(id);
        var benchmarks = Benchmarks.Select(b => weights.TryGetValue(b.Id, out var w) ? b with { Weight = w } : b);
        return new CategoryScheme(benchmarks, CategoryWeights);
    }
}
