using System.Diagnostics;
using EvalHarness.Core.Sandbox;
using EvalHarness.Core.Scoring.Code;
using EvalHarness.Testing;

namespace EvalHarness.Core.Tests.Sandbox;

/// <summary>HumanEval canonical solutions pass through the sandbox and a broken variant of each fails: a fixed subset by
/// default, all 164 with EVALHARNESS_FULL_ACCEPTANCE=1 (<see cref="AcceptanceScope"/>).</summary>
[Trait("Category", "Acceptance")]
public sealed class HumanEvalAcceptanceTests
{
    [Fact]
    public async Task Canonical_solutions_pass_and_broken_variants_fail()
    {
        var all = DatasetFiles.HumanEval();
        Assert.Equal(164, all.Count);
        var items = AcceptanceScope.Items(all, 60);
        var pool = SandboxFixture.Pool;
        var limits = SandboxLimits.HumanEval with { WallTime = TimeSpan.FromSeconds(10) };
        var clock = Stopwatch.StartNew();
        var jobs = items.SelectMany(item => new[]
        {
            (new SandboxProgram(HumanEvalProgram.Compose(item.Prompt + item.CanonicalSolution, item.Test, item.EntryPoint)), limits),
            (new SandboxProgram(HumanEvalProgram.Compose(BrokenVariant.Of(item.Prompt + item.CanonicalSolution, item.EntryPoint), item.Test, item.EntryPoint)), limits),
        });
        var results = await pool.RunAllAsync(jobs, TestContext.Current.CancellationToken);
        TestContext.Current.TestOutputHelper?.WriteLine($"HumanEval: {results.Length} programs in {clock.Elapsed.TotalSeconds:F1} s on {pool.MaxDegreeOfParallelism} slots");

        var canonicalFailures = items.Select((item, i) => (item, result: results[2 * i])).Where(x => !x.result.Succeeded)
            .Select(x => $"{x.item.TaskId}: exit {x.result.ExitCode} timeout={x.result.TimedOut} {Tail(x.result.Stderr)}").ToList();
        var brokenPasses = items.Select((item, i) => (item, result: results[2 * i + 1])).Where(x => x.result.Succeeded)
            .Select(x => x.item.TaskId).ToList();
        Assert.True(canonicalFailures.Count == 0, "canonical solutions failed:\n" + string.Join("\n", canonicalFailures));
        Assert.True(brokenPasses.Count == 0, "broken variants passed: " + string.Join(", ", brokenPasses));
    }

    private static string Tail(string text) => text.Length <= 400 ? text : text[^400..];
}
