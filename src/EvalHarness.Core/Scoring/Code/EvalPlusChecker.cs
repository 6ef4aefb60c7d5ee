using System.Globalization;
using System.Text;
using System.Text.Json;
using EvalHarness.Core.Sandbox;

namespace EvalHarness.Core.Scoring.Code;

/// <summary>
/// Differential testing the EvalPlus way: the canonical solution is run once per problem on the base and plus
/// inputs (<see cref="ComputeGroundTruthAsync"/>, cache the result), then each candidate is run on the same inputs
/// and its outputs compared with EvalPlus's check_output (exact match, special oracles, atol/allclose for floats).
/// Time limit per input = max(1 s, 4 × the canonical solution's time) as in EvalPlus's defaults; each phase also
/// has EvalPlus's overall cap, min(60 s, Σ limits) + 2 s. Both phases run in one sandboxed process that reports
/// after each phase, so a plus-phase timeout cannot hide a base pass.
/// </summary>
public sealed class EvalPlusChecker(ISandbox sandbox, EvalPlusOptions? options = null)
{
    public const string Pass = "pass";
    public const string Fail = "fail";
    public const string Timeout = "timeout";

    private readonly EvalPlusOptions _options = options ?? new EvalPlusOptions();

    public async Task<EvalPlusGroundTruth> ComputeGroundTruthAsync(EvalPlusProblem problem, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var nonce = Guid.NewGuid().ToString("N");
        var request = RequestPrefix(problem, nonce) + "}";
        var limits = new SandboxLimits
        {
            WallTime = _options.GroundTruthWallTime,
            MemoryBytes = _options.MemoryBytes,
            MaxOutputBytes = 512 * 1024 * 1024,
        };
        var result = await sandbox.RunAsync(new SandboxProgram(EvalPlusDriver.GroundTruth, StandardInput: request), limits, cancellationToken)
            .ConfigureAwait(false);
        var payload = FindLines(result.Stdout, EvalPlusDriver.GroundTruthPrefix, nonce).FirstOrDefault()
            ?? throw new InvalidOperationException(
                $"{problem.TaskId}: the canonical solution did not produce outputs (exit {result.ExitCode}, timed out: {result.TimedOut}): {Tail(result.Stderr)}");
        using var document = JsonDocument.Parse(payload);
        var root = document.RootElement;
        return new EvalPlusGroundTruth(root.GetProperty("expected").GetString()!, ReadDoubles(root.GetProperty("base_time")),
            ReadDoubles(root.GetProperty("plus_time")));
    }

    public async Task<EvalPlusVerdict> CheckAsync(EvalPlusProblem problem, EvalPlusGroundTruth groundTruth, string candidateCode,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(groundTruth);
        ArgumentNullException.ThrowIfNull(candidateCode);
        var nonce = Guid.NewGuid().ToString("N");
        var baseLimits = InputLimits(groundTruth.BaseTimes);
        var plusLimits = InputLimits(groundTruth.PlusTimes);
        var request = new StringBuilder(RequestPrefix(problem, nonce))
            .Append(",\"expected\":").Append(JsonSerializer.Serialize(groundTruth.ExpectedPickleBase64))
            .Append(",\"candidate\":").Append(JsonSerializer.Serialize(candidateCode))
            .Append(",\"base_limits\":").Append(JsonSerializer.Serialize(baseLimits))
            .Append(",\"plus_limits\":").Append(JsonSerializer.Serialize(plusLimits))
            .Append('}').ToString();
        var wall = PhaseTimeout(baseLimits) + PhaseTimeout(plusLimits) + 1 + _options.StartupAllowance.TotalSeconds;
        var limits = new SandboxLimits { WallTime = TimeSpan.FromSeconds(wall), MemoryBytes = _options.MemoryBytes };
        var result = await sandbox.RunAsync(new SandboxProgram(EvalPlusDriver.Check, StandardInput: request), limits, cancellationToken)
            .ConfigureAwait(false);
        var phases = FindLines(result.Stdout, EvalPlusDriver.ResultPrefix, nonce)
            .Select(line => JsonDocument.Parse(line).RootElement)
            .ToDictionary(e => e.GetProperty("phase").GetString()!, e => e);
        var missing = result.TimedOut ? Timeout : Fail;
        return new EvalPlusVerdict(
            phases.TryGetValue("base", out var b) ? b.GetProperty("status").GetString()! : missing,
            phases.TryGetValue("plus", out var p) ? p.GetProperty("status").GetString()! : missing,
            b.ValueKind == JsonValueKind.Object ? ReadBools(b.GetProperty("details")) : [],
            p.ValueKind == JsonValueKind.Object ? ReadBools(p.GetProperty("details")) : [],
            result);
    }

    private double[] InputLimits(IReadOnlyList<double> referenceTimes) =>
        referenceTimes.Select(t => Math.Max(_options.MinTimeLimit, _options.GroundTruthTimeLimitFactor * t)).ToArray();

    private double PhaseTimeout(double[] limits) => Math.Min(_options.TimeoutPerTask, limits.Sum()) + 2;

    private static string RequestPrefix(EvalPlusProblem problem, string nonce) =>
        "{\"dataset\":" + JsonSerializer.Serialize(problem.Dataset == EvalPlusDataset.Mbpp ? "mbpp" : "humaneval") +
        ",\"nonce\":" + JsonSerializer.Serialize(nonce) + ",\"problem\":" + problem.JsonLine.Trim();

    private static IEnumerable<string> FindLines(string stdout, string prefix, string nonce)
    {
        var marker = prefix + nonce + " ";
        return stdout.Split('\n').Where(l => l.StartsWith(marker, StringComparison.Ordinal)).Select(l => l[marker.Length..]);
    }

    private static double[] ReadDoubles(JsonElement array) => array.EnumerateArray().Select(e => e.GetDouble()).ToArray();

    private static bool[] ReadBools(JsonElement array) => array.EnumerateArray().Select(e => e.GetBoolean()).ToArray();

    private static string Tail(string text) => text.Length <= 2000 ? text : text[^2000..];
}

/// <summary>EvalPlus's defaults (evalplus/config.py) and our allowances around them.</summary>
public sealed record EvalPlusOptions
{
    /// <summary>DEFAULT_MIN_TIME_LIMIT.</summary>
    public double MinTimeLimit { get; init; } = 1.0;

    /// <summary>DEFAULT_GT_TIME_LIMIT_FACTOR.</summary>
    public double GroundTruthTimeLimitFactor { get; init; } = 4.0;

    /// <summary>EVALPLUS_TIMEOUT_PER_TASK.</summary>
    public double TimeoutPerTask { get; init; } = 60;

    /// <summary>EVALPLUS_MAX_MEMORY_BYTES.</summary>
    public long MemoryBytes { get; init; } = 4 * SandboxLimits.GiB;

    /// <summary>Process and interpreter start-up, which EvalPlus's in-process timer does not see but our wall clock does.</summary>
    public TimeSpan StartupAllowance { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Wall time for running a canonical solution over all inputs.</summary>
    public TimeSpan GroundTruthWallTime { get; init; } = TimeSpan.FromSeconds(300);
}
