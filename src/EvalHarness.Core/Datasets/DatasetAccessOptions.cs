namespace EvalHarness.Core.Datasets;

/// <summary>
/// How datasets are reached. Defaults come from the environment: EVALHARNESS_CACHE (cache root; datasets go in its
/// datasets/ folder, else ~/.cache/evalharness/datasets), EVALHARNESS_OFFLINE=1 (use only the cache),
/// HF_ENDPOINT (the Hub's address) and HF_TOKEN (for gated repositories such as GPQA).
/// </summary>
public sealed record DatasetAccessOptions
{
    public string CacheDirectory { get; init; } = DefaultCacheDirectory();

    /// <summary>Never touch the network; a dataset missing from the cache is an error saying so.</summary>
    public bool Offline { get; init; } = Environment.GetEnvironmentVariable("EVALHARNESS_OFFLINE") is "1" or "true";

    public string HubEndpoint { get; init; } =
        (Environment.GetEnvironmentVariable("HF_ENDPOINT") is { Length: > 0 } endpoint ? endpoint : "https://huggingface.co").TrimEnd('/');

    public string? HubToken { get; init; } = Environment.GetEnvironmentVariable("HF_TOKEN") is { Length: > 0 } token ? token : null;

    /// <summary>A folder that replaces every task's dataset root (files already on disk, e.g. a local mirror).</summary>
    public string? DataDirectoryOverride { get; init; }

    /// <summary>Folders that replace the dataset root of the tasks they name (task name → folder); they win over
    /// <see cref="DataDirectoryOverride"/>.</summary>
    public IReadOnlyDictionary<string, string> TaskDataDirectories { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Rewrites a plain URL source's base (tests point it at a loopback server); null keeps it.</summary>
    public Func<string, string>? UrlRewriter { get; init; }

    /// <summary>The model's tokenizer (tokens in a text) for generated datasets, whose lengths are in the model's
    /// tokens; null where no model is known (such a task then cannot be planned).</summary>
    public Func<string, int>? CountTokens { get; init; }

    /// <summary>Identifies the tokenizer in the cache key of generated datasets (e.g. the model file's name and size).</summary>
    public string? TokenizerKey { get; init; }

    public static string DefaultCacheDirectory() => Path.Combine(Core.CacheDirectory.Root(), "datasets");
}
