namespace EvalHarness.Core.Scoring.IfEval;

/// <summary>startend:end_checker — the response, stripped of whitespace then of '"', lowercased, ends with the phrase.</summary>
public sealed class EndPhraseChecker(string endPhrase) : IInstructionChecker
{
    private readonly string _endPhrase = PythonText.Lower(PythonText.Strip(endPhrase));

    public string InstructionId => "startend:end_checker";

    public bool IsFollowed(string response) =>
        PythonText.Lower(PythonText.Strip(PythonText.Strip(response), "\"")).EndsWith(_endPhrase, StringComparison.Ordinal);
}

/// <summary>startend:quotation — the stripped response is longer than one character and starts and ends with '"'.</summary>
public sealed class QuotationChecker : IInstructionChecker
{
    public string InstructionId => "startend:quotation";

    public bool IsFollowed(string response)
    {
        var value = PythonText.Strip(response);
        return value.Length > 1 && value[0] == '"' && value[^1] == '"';
    }
}
