namespace EvalHarness.Core.Models;

/// <summary>
/// How model files are reached. Defaults come from the environment: the cache root (EVALHARNESS_CACHE etc., see
/// <see cref="Core.CacheDirectory"/>; models go in its models/ folder), EVALHARNESS_OFFLINE=1 or HF_HUB_OFFLINE=1
/// (never download), EVALHARNESS_HF_ENDPOINT or HF_ENDPOINT (the Hub's address; tests point it at a loopback server)
/// and HF_TOKEN (for gated repositories).
/// </summary>
public sealed record ModelAccessOptions
{
    public const string EndpointVariable = "EVALHARNESS_HF_ENDPOINT";
    public const string DefaultEndpoint = "https://huggingface.co";

    /// <summary>Downloads land in &lt;this&gt;/&lt;owner&gt;/&lt;repo&gt;/&lt;revision&gt;/&lt;file&gt;.</summary>
    public string CacheDirectory { get; init; } = DefaultCacheDirectory();

    /// <summary>Never touch the network; a model file that is not on disk is an error saying how to get it.</summary>
    public bool Offline { get; init; } = IsSet("EVALHARNESS_OFFLINE") || IsSet("HF_HUB_OFFLINE");

    public string HubEndpoint { get; init; } = DefaultHubEndpoint();

    public string? HubToken { get; init; } =
        Environment.GetEnvironmentVariable("HF_TOKEN") is { Length: > 0 } token ? token : null;

    /// <summary>How many times one download is tried when the connection drops mid-file (each try resumes).</summary>
    public int MaxAttempts { get; init; } = 5;

    /// <summary>The wait before the second try; it grows linearly with each further try.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(2);

    public static string DefaultCacheDirectory() => Path.Combine(Core.CacheDirectory.Root(), "models");

    public static string DefaultHubEndpoint()
    {
        foreach (var variable in new[] { EndpointVariable, "HF_ENDPOINT" })
        {
            if (Environment.GetEnvironmentVariable(variable) is { Length: > 0 } endpoint) return endpoint.TrimEnd('/');
        }
        return DefaultEndpoint;
    }

    private static bool IsSet(string variable) => Environment.GetEnvironmentVariable(variable) is "1" or "true" or "TRUE" or "yes";
}
