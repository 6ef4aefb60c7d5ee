using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using EvalHarness.Core.Sandbox;

namespace EvalHarness.Core.Scoring.Code;

/// <summary>
/// Differential testing the EvalPlus way: for each base and plus input the canonical solution's output is the
/// oracle, and the candidate's output is compared with EvalPlus's check_output (exact match, special oracles,
/// atol/allclose for floats). Time limit per input = max(1 s, 4 × the canonical solution's time on that input), as
/// in EvalPlus's defaults; each phase also has EvalPlus's cap of min(60 s, Σ limits) + 2 s. Both phases run in
/// one sandboxed process that reports after each phase, so a plus-phase timeout cannot hide a base pass.
/// Difference from EvalPlus: the canonical solution is timed in the same sandbox just before the candidate
/// (EvalPlus times it once, unsandboxed, and caches the outputs), so the limits follow the machine's current load.
/// </summary>
public sealed class EvalPlusChecker(ISandbox sandbox, EvalPlusOptions? options = null)
{
    public const string Pass = "pass";
    public const string Fail = "fail";
    public const string Timeout = "timeout";

    private readonly EvalPlusOptions _options = options ?? new EvalPlusOptions();

    /// <summary>Seconds the canonical solution took per task, learnt from earlier checks: bounds the next wall time.</summary>
    private readonly ConcurrentDictionary<string, double> _canonicalSeconds = new(StringComparer.Ordinal);

    /// <param name="fastCheck">Stop at the first failing input (older EvalPlus's fast_check): same pass/fail, fewer details.</param>
    public async Task<EvalPlusVerdict> CheckAsync(EvalPlusProblem problem, string candidateCode, bool fastCheck = false,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(candidateCode);
        var nonce = Guid.NewGuid().ToString("N");
        var request = new StringBuilder()
            .Append("{\"dataset\":").Append(JsonSerializer.Serialize(problem.Dataset == EvalPlusDataset.Mbpp ? "mbpp" : "humaneval"))
            .Append(",\"nonce\":").Append(JsonSerializer.Serialize(nonce))
            .Append(",\"fast_check\":").Append(fastCheck ? "true" : "false")
            .Append(",\"min_time_limit\":").Append(JsonSerializer.Serialize(_options.MinTimeLimit))
            .Append(",\"factor\":").Append(JsonSerializer.Serialize(_options.GroundTruthTimeLimitFactor))
            .Append(",\"timeout_per_task\":").Append(JsonSerializer.Serialize(_options.TimeoutPerTask))
            .Append(",\"candidate\":").Append(JsonSerializer.Serialize(candidateCode))
            .Append(",\"problem\":").Append(problem.JsonLine.Trim())
            .Append('}').ToString();
        var limits = new SandboxLimits { WallTime = WallTime(problem), MemoryBytes = _options.MemoryBytes };
        var result = await sandbox.RunAsync(new SandboxProgram(EvalPlusDriver.Check, StandardInput: request), limits, cancellationToken)
            .ConfigureAwait(false);
        var phases = ReadPhases(result.Stdout, nonce);
        if (phases.TryGetValue("canonical", out var canonical))
        {
            throw new InvalidOperationException($"{problem.TaskId}: the canonical solution failed to load: {canonical.GetProperty("error").GetString()}");
        }
        var missing = result.TimedOut ? Timeout : Fail;
        var basePhase = Phase(phases, "base", missing);
        var plusPhase = Phase(phases, "plus", missing);
        if (basePhase.Times.Length == problem.BaseCount && plusPhase.Times.Length == problem.PlusCount)
        {
            _canonicalSeconds[problem.TaskId] = basePhase.Times.Sum() + plusPhase.Times.Sum();
        }
        return new EvalPlusVerdict(basePhase.Status, plusPhase.Status, basePhase.Details, plusPhase.Details, result)
        {
            Error = basePhase.Error ?? plusPhase.Error,
        };
    }

    /// <summary>A backstop for code the in-process timer cannot interrupt: the canonical time plus each phase's
    /// EvalPlus cap, once the canonical time is known; a generous default before that.</summary>
    private TimeSpan WallTime(EvalPlusProblem problem)
    {
        if (!_canonicalSeconds.TryGetValue(problem.TaskId, out var canonical)) return _options.FirstCheckWallTime;
        var phaseCaps = 2 * (_options.TimeoutPerTask + 2);
        return TimeSpan.FromSeconds(canonical * (1 + _options.GroundTruthTimeLimitFactor) + phaseCaps) + _options.StartupAllowance;
    }

    private static Dictionary<string, JsonElement> ReadPhases(string stdout, string nonce)
    {
        var marker = EvalPlusDriver.ResultPrefix + nonce + " ";
        return stdout.Split('\n').Where(l => l.StartsWith(marker, StringComparison.Ordinal))
            .Select(l => JsonDocument.Parse(l[marker.Length..]).RootElement.Clone())
            .ToDictionary(e => e.GetProperty("phase").GetString()!, e => e, StringComparer.Ordinal);
    }

    private static (string Status, bool[] Details, double[] Times, string? Error) Phase(Dictionary<string, JsonElement> phases, string name, string missing)
    {
        if (!phases.TryGetValue(name, out var phase)) return (missing, [], [], null);
        return (phase.GetProperty("status").GetString()!,
            phase.GetProperty("details").EnumerateArray().Select(e => e.GetBoolean()).ToArray(),
            phase.GetProperty("reference_times").EnumerateArray().Select(e => e.GetDouble()).ToArray(),
            phase.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.String ? error.GetString() : null);
    }
}

/// <summary>EvalPlus's defaults (evalplus/config.py, evalplus/eval) and our allowances around them.</summary>
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
    public TimeSpan StartupAllowance { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>Backstop wall time for a task whose canonical run time is not known yet.</summary>
    public TimeSpan FirstCheckWallTime { get; init; } = TimeSpan.FromSeconds(300);
}
