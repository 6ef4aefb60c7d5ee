namespace EvalHarness.Core.Scoring.IfEval;

/// <summary>
/// combination:two_responses — split on "******": exactly two non-blank pieces that differ after stripping;
/// a blank piece anywhere but first or last fails.
/// </summary>
public sealed class TwoResponsesChecker : IInstructionChecker
{
    public string InstructionId => "combination:two_responses";

    public bool IsFollowed(string response)
    {
        var pieces = response.Split("******");
        var valid = new List<string>();
        for (int index = 0; index < pieces.Length; index++)
        {
            if (PythonText.Strip(pieces[index]).Length == 0)
            {
                if (index != 0 && index != pieces.Length - 1) return false;
            }
            else
            {
                valid.Add(pieces[index]);
            }
        }
        return valid.Count == 2 && PythonText.Strip(valid[0]) != PythonText.Strip(valid[1]);
    }
}

/// <summary>combination:repeat_prompt — the stripped, lowercased response starts with the stripped, lowercased prompt_to_repeat.</summary>
public sealed class RepeatPromptChecker(string promptToRepeat) : IInstructionChecker
{
    private readonly string _prompt = PythonText.Lower(PythonText.Strip(promptToRepeat));

    public string InstructionId => "combination:repeat_prompt";

    public bool IsFollowed(string response) =>
        PythonText.Lower(PythonText.Strip(response)).StartsWith(_prompt, StringComparison.Ordinal);
}
