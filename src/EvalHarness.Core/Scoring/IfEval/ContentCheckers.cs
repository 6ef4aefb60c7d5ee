using System.Text.RegularExpressions;

namespace EvalHarness.Core.Scoring.IfEval;

/// <summary>detectable_content:number_placeholders — at least N non-greedy <c>\[.*?\]</c> matches.</summary>
public sealed class PlaceholderChecker(int numPlaceholders) : IInstructionChecker
{
    private static readonly Regex Placeholder = PythonRegex.Create(@"\[.*?\]");

    public string InstructionId => "detectable_content:number_placeholders";

    public bool IsFollowed(string response) => Placeholder.Matches(response).Count >= numPlaceholders;
}

/// <summary>
/// detectable_content:postscript — on the lowercased response, a line (MULTILINE search) matching the marker:
/// "P.P.S" and "P.S." have tolerant patterns, any other marker is used as a regex.
/// </summary>
public sealed class PostscriptChecker : IInstructionChecker
{
    private readonly Regex _pattern;

    public PostscriptChecker(string marker)
    {
        var stripped = PythonText.Strip(marker);
        var pattern = stripped switch
        {
            "P.P.S" => @"\s*p\.\s?p\.\s?s.*$",
            "P.S." => @"\s*p\.\s?s\..*$",
            _ => @"\s*" + PythonText.Lower(stripped) + ".*$",
        };
        _pattern = PythonRegex.Create(pattern, multiline: true);
    }

    public string InstructionId => "detectable_content:postscript";

    public bool IsFollowed(string response) => _pattern.IsMatch(PythonText.Lower(response));
}
