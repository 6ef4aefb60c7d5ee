using System.Text.RegularExpressions;

namespace EvalHarness.Core.Scoring.Filters;

/// <summary>
/// lm-eval's <c>regexes_to_ignore</c> (exact_match): each pattern in turn is deleted everywhere
/// (<c>re.sub(pattern, "", text)</c>).
/// </summary>
public sealed class RegexRemover : IOutputFilter
{
    public RegexRemover(params string[] patterns)
    {
        Patterns = patterns;
        Regexes = patterns.Select(p => new Regex(p, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(5))).ToArray();
    }

    public IReadOnlyList<string> Patterns { get; }

    private Regex[] Regexes { get; }

    public string Describe() => $"remove({string.Join(", ", Patterns.Select(p => $"\"{p}\""))})";

    public FilteredText Apply(FilteredText input) => input.WithText(Remove(input.Text));

    public string Remove(string text)
    {
        foreach (var regex in Regexes)
        {
            text = regex.Replace(text, string.Empty);
        }

        return text;
    }
}
