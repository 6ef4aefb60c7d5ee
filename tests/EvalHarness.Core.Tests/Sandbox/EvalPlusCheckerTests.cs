using System.Text.Json;
using EvalHarness.Core.Scoring.Code;

namespace EvalHarness.Core.Tests.Sandbox;

/// <summary>The EvalPlus comparison rules on small hand-made problems (no dataset needed).</summary>
public sealed class EvalPlusCheckerTests
{
    private static EvalPlusProblem Problem(string taskId, string entryPoint, string canonical, string baseInputs, string plusInputs, double atol = 0, string prompt = "") =>
        EvalPlusProblem.FromJsonLine(
            "{\"task_id\":" + JsonSerializer.Serialize(taskId) + ",\"entry_point\":" + JsonSerializer.Serialize(entryPoint) +
            ",\"prompt\":" + JsonSerializer.Serialize(prompt) + ",\"canonical_solution\":" + JsonSerializer.Serialize(canonical) +
            ",\"atol\":" + atol.ToString(System.Globalization.CultureInfo.InvariantCulture) +
            ",\"base_input\":" + baseInputs + ",\"plus_input\":" + plusInputs + "}");

    private static Task<EvalPlusVerdict> Check(EvalPlusProblem problem, string candidate, bool fastCheck = false) =>
        new EvalPlusChecker(SandboxFixture.Sandbox).CheckAsync(problem, candidate, fastCheck, TestContext.Current.CancellationToken);

    [Fact]
    public async Task Floats_get_the_enforced_tolerance_and_wrong_values_fail_per_input()
    {
        var problem = Problem("HumanEval/900", "half", "def half(x):\n    return x / 2\n", "[[1], [3]]", "[[5], [7.5]]");
        var close = await Check(problem, "def half(x):\n    return x / 2 + 1e-9\n");
        Assert.True(close.Passed, close.Run.Stderr);
        Assert.Equal([true, true], close.BaseDetails);

        var wrong = await Check(problem, "def half(x):\n    return 9.0 if x == 5 else x / 2\n");
        Assert.True(wrong.BasePassed);
        Assert.False(wrong.PlusPassed);
        Assert.Equal([false, true], wrong.PlusDetails);

        var off = await Check(problem, "def half(x):\n    return 3.0 if x == 7.5 else x / 2\n");
        Assert.Equal([true, false], off.PlusDetails);
        Assert.Equal(EvalPlusChecker.Fail, off.PlusStatus);
    }

    [Fact]
    public async Task Integer_outputs_are_compared_exactly_and_types_matter_under_tolerance()
    {
        var problem = Problem("HumanEval/901", "double", "def double(x):\n    return x * 2\n", "[[1]]", "[[2]]", atol: 1e-6);
        Assert.True((await Check(problem, "def double(x):\n    return x + x\n")).Passed);
        // 2.0 == 2 is an exact match in Python; but a near miss is only tolerated with the same type.
        Assert.True((await Check(problem, "def double(x):\n    return float(x * 2)\n")).Passed);
        Assert.False((await Check(problem, "def double(x):\n    return x * 2 + 1e-9\n")).BasePassed);
    }

    [Fact]
    public async Task Mbpp_inputs_are_rebuilt_as_tuples_and_set_tasks_ignore_order()
    {
        // Mbpp/2 (similar_elements) takes two tuples and is compared as a set.
        var problem = Problem("Mbpp/2", "similar_elements", "def similar_elements(a, b):\n    assert isinstance(a, tuple)\n    return tuple(set(a) & set(b))\n",
            "[[[3, 4, 5, 6], [5, 7, 4, 10]]]", "[[[1, 2], [2, 1]]]");
        var reversed = await Check(problem, "def similar_elements(a, b):\n    return tuple(sorted(set(a) & set(b), reverse=True))\n");
        Assert.True(reversed.Passed, reversed.Run.Stderr);
        Assert.False((await Check(problem, "def similar_elements(a, b):\n    return (4,)\n")).Passed);
    }

    [Fact]
    public async Task Find_zero_is_judged_by_the_polynomial_not_the_recorded_root()
    {
        var prompt = "import math\ndef poly(xs, x):\n    return sum(c * math.pow(x, i) for i, c in enumerate(xs))\n";
        var problem = Problem("HumanEval/32", "find_zero", "def find_zero(xs):\n    return 1.0\n", "[[[-1, 1]]]", "[[[-2, 2]]]", atol: 1e-4, prompt: prompt);
        Assert.True((await Check(problem, prompt + "def find_zero(xs):\n    return 1.00000001\n")).Passed);
        Assert.False((await Check(problem, prompt + "def find_zero(xs):\n    return 2.0\n")).Passed);
    }

    [Fact]
    public async Task Slow_candidate_times_out_per_input_and_the_rest_still_runs()
    {
        var problem = Problem("HumanEval/902", "ident", "def ident(x):\n    return x\n", "[[1], [2]]", "[[3]]");
        var verdict = await Check(problem, "import time\ndef ident(x):\n    if x == 1:\n        while True:\n            time.sleep(0.01)\n    return x\n");
        Assert.Equal([false, true], verdict.BaseDetails);
        Assert.Equal(EvalPlusChecker.Fail, verdict.BaseStatus);
        Assert.True(verdict.PlusPassed);
    }

    [Fact]
    public async Task Syntax_error_and_missing_entry_point_fail_and_fast_check_skips_plus()
    {
        var problem = Problem("HumanEval/903", "ident", "def ident(x):\n    return x\n", "[[1]]", "[[3]]");
        var broken = await Check(problem, "def ident(x) return x");
        Assert.Equal((EvalPlusChecker.Fail, EvalPlusChecker.Fail), (broken.BaseStatus, broken.PlusStatus));
        var fast = await Check(problem, "def ident(x):\n    return -x\n", fastCheck: true);
        Assert.Empty(fast.PlusDetails);
        Assert.False(fast.Passed);
    }

    [Fact]
    public async Task Candidate_output_cannot_forge_a_verdict()
    {
        var problem = Problem("HumanEval/904", "ident", "def ident(x):\n    return x\n", "[[1]]", "[[3]]");
        var forged = "import os\nos.write(1, b'EVALPLUS-RESULT x {\"phase\": \"base\", \"status\": \"pass\"}\\n')\nprint('EVALPLUS-RESULT')\ndef ident(x):\n    return None\n";
        var verdict = await Check(problem, forged);
        Assert.False(verdict.BasePassed);
    }

    [Fact]
    public void Bare_infinity_in_inputs_is_accepted()
    {
        var problem = Problem("Mbpp/404", "minimum", "def minimum(a, b):\n    return min(a, b)\n", "[[1, Infinity]]", "[[NaN, -Infinity]]");
        Assert.Equal((1, 1), (problem.BaseCount, problem.PlusCount));
    }
}
