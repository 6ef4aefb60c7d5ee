using EvalHarness.Core.Sandbox;

namespace EvalHarness.Core.Scoring.Code;

/// <summary>
/// EvalPlus's result for one sample: base tests (the original HumanEval/MBPP inputs) and plus tests. A "+" score
/// counts a sample only when both pass; the base score only needs <see cref="BasePassed"/>.
/// </summary>
/// <param name="BaseStatus">pass, fail or timeout (EvalPlus's words).</param>
public sealed record EvalPlusVerdict(
    string BaseStatus,
    string PlusStatus,
    IReadOnlyList<bool> BaseDetails,
    IReadOnlyList<bool> PlusDetails,
    SandboxResult Run)
{
    public bool BasePassed => BaseStatus == EvalPlusChecker.Pass;
    public bool PlusPassed => PlusStatus == EvalPlusChecker.Pass;
    public bool Passed => BasePassed && PlusPassed;

    /// <summary>Why a phase stopped before testing every input (candidate failed to load, the oracle raised), if it did.</summary>
    public string? Error { get; init; }
}
