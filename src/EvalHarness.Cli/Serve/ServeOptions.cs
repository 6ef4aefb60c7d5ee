namespace EvalHarness.Cli.Serve;

/// <summary>How <c>evalharness serve</c> listens.</summary>
public sealed record ServeOptions
{
    /// <summary>Loopback by default: exposing a model beyond this machine is an explicit choice.</summary>
    public string Host { get; init; } = "127.0.0.1";

    /// <summary>0 picks a free port (tests); <see cref="OpenAiServer.BaseAddress"/> tells which.</summary>
    public int Port { get; init; } = 8080;

    /// <summary>When set, every request must carry "Authorization: Bearer &lt;key&gt;".</summary>
    public string? ApiKey { get; init; }

    /// <summary>The id /v1/models reports; requests may name any model (there is one).</summary>
    public required string ModelName { get; init; }

    /// <summary>Most queued requests handed to the engine in one call.</summary>
    public int MaxBatch { get; init; } = 256;
}
