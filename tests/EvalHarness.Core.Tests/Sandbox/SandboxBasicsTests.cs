using EvalHarness.Core.Sandbox;

namespace EvalHarness.Core.Tests.Sandbox;

public sealed class SandboxBasicsTests
{
    private static readonly SandboxLimits Quick = new() { WallTime = TimeSpan.FromSeconds(10), MemoryBytes = 512 * SandboxLimits.MiB };

    [Fact]
    public async Task Captures_output_exit_code_and_arguments()
    {
        var program = new SandboxProgram("import sys\nprint('out', sys.argv[1:])\nprint('err', file=sys.stderr)\nsys.exit(3)", ["a", "b c"]);
        var result = await SandboxFixture.Sandbox.RunAsync(program, Quick, TestContext.Current.CancellationToken);
        Assert.Equal(3, result.ExitCode);
        Assert.False(result.TimedOut);
        Assert.Equal("out ['a', 'b c']\n", result.Stdout);
        Assert.Equal("err\n", result.Stderr);
        Assert.False(result.Succeeded);
    }

    [Fact]
    public async Task Feeds_standard_input()
    {
        var program = new SandboxProgram("import sys\nprint(sys.stdin.read().upper())", StandardInput: "hello");
        var result = await SandboxFixture.Sandbox.RunAsync(program, Quick, TestContext.Current.CancellationToken);
        Assert.True(result.Succeeded, result.Stderr);
        Assert.Equal("HELLO\n", result.Stdout);
    }

    [Fact]
    public async Task Failed_assertion_is_a_failure_not_an_error()
    {
        var result = await SandboxFixture.Sandbox.RunAsync(new SandboxProgram("assert 1 == 2"), Quick, TestContext.Current.CancellationToken);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("AssertionError", result.Stderr, StringComparison.Ordinal);
        Assert.False(result.Succeeded);
    }

    [Fact]
    public async Task Runs_in_a_fresh_empty_directory_each_time()
    {
        var program = new SandboxProgram("import os\nprint(sorted(os.listdir('.')))\nopen('left-behind.txt', 'w').write('x')");
        var first = await SandboxFixture.Sandbox.RunAsync(program, Quick, TestContext.Current.CancellationToken);
        var second = await SandboxFixture.Sandbox.RunAsync(program, Quick, TestContext.Current.CancellationToken);
        Assert.Equal("['main.py']\n", first.Stdout);
        Assert.Equal("['main.py']\n", second.Stdout);
    }

    [Fact]
    public void Environment_records_the_interpreter_version()
    {
        var environment = SandboxFixture.Sandbox.Environment;
        Assert.Matches(@"^3\.\d+\.\d+", environment.PythonVersion);
        Assert.True(Path.IsPathRooted(environment.PythonExecutable));
        Assert.Contains(environment.PythonVersion, environment.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Output_past_the_cap_is_truncated_and_marked()
    {
        var limits = Quick with { MaxOutputBytes = 1000 };
        var result = await SandboxFixture.Sandbox.RunAsync(new SandboxProgram("print('x' * 5000)"), limits, TestContext.Current.CancellationToken);
        Assert.True(result.Succeeded, result.Stderr);
        Assert.True(result.OutputTruncated);
        Assert.Equal(1000, result.Stdout.Length);
    }

    [Fact]
    public async Task Rlimits_only_mode_still_runs_programs_and_warns()
    {
        var sandbox = SandboxFixture.RlimitsOnly;
        var result = await sandbox.RunAsync(new SandboxProgram("print(sum(range(10)))"), Quick, TestContext.Current.CancellationToken);
        Assert.True(result.Succeeded, result.Stderr);
        Assert.Equal("45\n", result.Stdout);
        Assert.Equal(SandboxIsolation.RlimitsOnly, result.Isolation);
        Assert.Contains("SANDBOX DEGRADED", result.Warning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pool_runs_in_parallel_and_keeps_order()
    {
        using var pool = new SandboxPool(SandboxFixture.Sandbox, maxDegreeOfParallelism: 2);
        var jobs = Enumerable.Range(0, 6).Select(i => (new SandboxProgram($"print({i} * {i})"), Quick));
        var results = await pool.RunAllAsync(jobs, TestContext.Current.CancellationToken);
        Assert.Equal(["0", "1", "4", "9", "16", "25"], results.Select(r => r.Stdout.Trim()));
        Assert.Equal(Environment.ProcessorCount, new SandboxPool(SandboxFixture.Sandbox).MaxDegreeOfParallelism);
    }

    [Fact]
    public async Task Site_packages_stay_importable_and_the_launcher_leaves_no_trace()
    {
        var program = new SandboxProgram("import sys\nprint(any(p.endswith('site-packages') for p in sys.path), __name__, sys.argv[0].endswith('main.py'))\nprint('c' in globals())");
        var result = await SandboxFixture.Sandbox.RunAsync(program, Quick, TestContext.Current.CancellationToken);
        Assert.True(result.Succeeded, result.Stderr);
        Assert.Equal("True __main__ True\nFalse\n", result.Stdout);
    }

    [Fact]
    public async Task Invalid_limits_are_rejected_before_running()
    {
        await Assert.ThrowsAsync<ArgumentException>(() =>
            SandboxFixture.Sandbox.RunAsync(new SandboxProgram("pass"), Quick with { MaxProcesses = 0 }, TestContext.Current.CancellationToken));
    }
}
