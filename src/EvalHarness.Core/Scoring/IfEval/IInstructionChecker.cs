namespace EvalHarness.Core.Scoring.IfEval;

/// <summary>
/// One verifiable instruction, already configured from the dataset's kwargs (the reference's
/// <c>build_description(**kwargs)</c> followed by <c>check_following(response)</c>).
/// </summary>
public interface IInstructionChecker
{
    /// <summary>The instruction id, e.g. <c>keywords:frequency</c>.</summary>
    string InstructionId { get; }

    /// <summary>True when <paramref name="response"/> follows the instruction (the reference's check_following).</summary>
    bool IsFollowed(string response);
}
