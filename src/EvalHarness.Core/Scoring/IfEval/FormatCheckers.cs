using System.Text.Json;
using System.Text.RegularExpressions;

namespace EvalHarness.Core.Scoring.IfEval;

/// <summary>detectable_format:number_bullet_lists — exactly N lines starting with "* " style or "-" bullets.</summary>
public sealed class BulletListChecker(int numBullets) : IInstructionChecker
{
    private static readonly Regex StarBullet = PythonRegex.Create(@"^\s*\*[^\*].*$", multiline: true);
    private static readonly Regex DashBullet = PythonRegex.Create(@"^\s*-.*$", multiline: true);

    public string InstructionId => "detectable_format:number_bullet_lists";

    public bool IsFollowed(string response) =>
        StarBullet.Matches(response).Count + DashBullet.Matches(response).Count == numBullets;
}

/// <summary>detectable_format:constrained_response — the stripped response contains one of the three answers.</summary>
public sealed class ConstrainedResponseChecker : IInstructionChecker
{
    private static readonly string[] Options = ["My answer is yes.", "My answer is no.", "My answer is maybe."];

    public string InstructionId => "detectable_format:constrained_response";

    public bool IsFollowed(string response)
    {
        var stripped = PythonText.Strip(response);
        return Options.Any(option => stripped.Contains(option, StringComparison.Ordinal));
    }
}

/// <summary>
/// detectable_format:number_highlighted_sections — at least N non-blank <c>*...*</c> spans on one line, plus every
/// non-blank <c>**...**</c> span counted again (the reference counts both patterns).
/// </summary>
public sealed class HighlightSectionChecker(int numHighlights) : IInstructionChecker
{
    private static readonly Regex Single = PythonRegex.Create(@"\*[^\n\*]*\*");
    private static readonly Regex Double = PythonRegex.Create(@"\*\*[^\n\*]*\*\*");

    public string InstructionId => "detectable_format:number_highlighted_sections";

    public bool IsFollowed(string response)
    {
        int count = Single.Matches(response).Count(m => PythonText.Strip(PythonText.Strip(m.Value, "*")).Length > 0);
        count += Double.Matches(response).Count(m => PythonText.Strip(m.Value[2..^2]).Length > 0);
        return count >= numHighlights;
    }
}

/// <summary>detectable_format:multiple_sections — at least N splits on <c>\s?{spliter}\s?\d+\s?</c> (case-sensitive).</summary>
public sealed class MultipleSectionsChecker(string sectionSpliter, int numSections) : IInstructionChecker
{
    private readonly Regex _splitter = PythonRegex.Create(@"\s?" + PythonText.Strip(sectionSpliter) + @"\s?\d+\s?");

    public string InstructionId => "detectable_format:multiple_sections";

    public bool IsFollowed(string response) => _splitter.Split(response).Length - 1 >= numSections;
}

/// <summary>
/// detectable_format:json_format — after stripping and removing one leading ```json/```Json/```JSON/``` fence and
/// one trailing ```, the text parses as JSON (any JSON value, as Python's json.loads accepts).
/// </summary>
public sealed class JsonFormatChecker : IInstructionChecker
{
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 1000 };

    public string InstructionId => "detectable_format:json_format";

    public bool IsFollowed(string response)
    {
        var value = PythonText.Strip(response);
        value = RemovePrefix(value, "```json");
        value = RemovePrefix(value, "```Json");
        value = RemovePrefix(value, "```JSON");
        value = RemovePrefix(value, "```");
        if (value.EndsWith("```", StringComparison.Ordinal)) value = value[..^3];
        value = PythonText.Strip(value);
        try
        {
            using var _ = JsonDocument.Parse(value, Options);
            return true;
        }
        catch (JsonException)
        {
            // Python's json.loads also accepts NaN, Infinity and -Infinity literals; System.Text.Json does not.
            return false;
        }
    }

    private static string RemovePrefix(string value, string prefix) =>
        value.StartsWith(prefix, StringComparison.Ordinal) ? value[prefix.Length..] : value;
}

/// <summary>detectable_format:title — some <c>&lt;&lt;[^\n]+&gt;&gt;</c> match whose inside is not blank.</summary>
public sealed class TitleChecker : IInstructionChecker
{
    private static readonly Regex Title = PythonRegex.Create(@"<<[^\n]+>>");

    public string InstructionId => "detectable_format:title";

    public bool IsFollowed(string response) =>
        Title.Matches(response).Any(m => PythonText.Strip(PythonText.RightStrip(PythonText.LeftStrip(m.Value, "<"), ">")).Length > 0);
}
