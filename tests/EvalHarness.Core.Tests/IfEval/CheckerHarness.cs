using EvalHarness.Core.Scoring.IfEval;

namespace EvalHarness.Core.Tests.IfEval;

/// <summary>Builds a checker from an id and kwargs JSON the way the evaluator does, and runs it.</summary>
internal static class CheckerHarness
{
    public static bool Check(string instructionId, string kwargsJson, string response) =>
        InstructionRegistry.Create(instructionId, InstructionArguments.FromJson(kwargsJson)).IsFollowed(response);
}
