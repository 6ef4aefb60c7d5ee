using System.Diagnostics;
using EvalHarness.Core.Sandbox;
using EvalHarness.Core.Scoring.Code;
using EvalHarness.Testing;

namespace EvalHarness.Core.Tests.Sandbox;

/// <summary>
/// HumanEval+ and MBPP+ through the EvalPlus-style differential checker: every canonical solution passes base and
/// plus tests against its own recorded outputs, and a broken variant of each fails. A fixed subset by default; every
/// problem with EVALHARNESS_FULL_ACCEPTANCE=1 (<see cref="AcceptanceScope"/>).
/// </summary>
[Trait("Category", "Acceptance")]
public sealed class EvalPlusAcceptanceTests
{
    [Fact]
    public Task HumanEvalPlus_canonical_solutions_pass_and_broken_variants_fail() =>
        Verify(["datasets", "humanevalplus", "HumanEvalPlus.jsonl.gz"], 164);

    [Fact]
    public Task MbppPlus_canonical_solutions_pass_and_broken_variants_fail() =>
        Verify(["datasets", "mbppplus", "MbppPlus.jsonl.gz"], 378);

    private static async Task Verify(string[] file, int expectedCount)
    {
        var all = DatasetFiles.GzipLines(file).Select(EvalPlusProblem.FromJsonLine).ToList();
        Assert.Equal(expectedCount, all.Count);
        var problems = AcceptanceScope.Items(all, 40);
        var pool = SandboxFixture.Pool;
        var checker = new EvalPlusChecker(pool);
        var ct = TestContext.Current.CancellationToken;
        var clock = Stopwatch.StartNew();
        var verdicts = await Task.WhenAll(problems.Select(async problem =>
            (problem, good: await checker.CheckAsync(problem, problem.Prompt + "\n" + problem.CanonicalSolution, cancellationToken: ct))));
        var verifyTime = clock.Elapsed;
        var broken = await Task.WhenAll(problems.Select(problem => checker.CheckAsync(problem,
            BrokenVariant.Of(problem.Prompt + "\n" + problem.CanonicalSolution, problem.EntryPoint), fastCheck: true, ct)));
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{file[1]}: canonical solutions of {problems.Count} problems verified in {verifyTime.TotalSeconds:F1} s, " +
            $"broken variants in {(clock.Elapsed - verifyTime).TotalSeconds:F1} s, {pool.MaxDegreeOfParallelism} slots, {SandboxFixture.Sandbox.Environment.Describe()}");

        var failures = verdicts.Where(v => !v.good.Passed).Select(v =>
            $"{v.problem.TaskId}: base={v.good.BaseStatus} plus={v.good.PlusStatus} failing inputs base={Failing(v.good.BaseDetails)} plus={Failing(v.good.PlusDetails)} error={v.good.Error} exit={v.good.Run.ExitCode} wall={v.good.Run.WallTime.TotalSeconds:F0}s {Tail(v.good.Run.Stderr)}").ToList();
        var passingBroken = problems.Zip(broken).Where(x => x.Second.Passed).Select(x => x.First.TaskId).ToList();
        Assert.True(failures.Count == 0, "canonical solutions failed:\n" + string.Join("\n", failures));
        Assert.True(passingBroken.Count == 0, "broken variants passed: " + string.Join(", ", passingBroken));
        Assert.All(verdicts, v => Assert.Equal((v.problem.BaseCount, v.problem.PlusCount), (v.good.BaseDetails.Count, v.good.PlusDetails.Count)));
    }

    private static string Failing(IReadOnlyList<bool> details) =>
        string.Join(",", details.Select((ok, i) => (ok, i)).Where(x => !x.ok).Select(x => x.i).Take(5));

    private static string Tail(string text) => text.Length <= 300 ? text : text[^300..];
}
