namespace EvalHarness.Core.Scoring.Filters;

/// <summary>Plain (non-regex) substring replacements applied in order, like chained <c>str.replace</c> calls.</summary>
public sealed class LiteralReplacer(string name, IReadOnlyList<(string From, string To)> replacements) : IOutputFilter
{
    /// <summary>
    /// OpenAI simple-evals' <c>normalize_response</c> (multilingual MMLU / GPQA): strips markdown bold and LaTeX
    /// wrappers such as <c>$\boxed{…}$</c> so that "Answer: **B**" or "Answer: $\boxed{B}$" read "Answer: B".
    /// </summary>
    public static LiteralReplacer MarkdownAndLatexWrappers { get; } = new("strip_markdown_latex",
    [
        ("**", ""), ("$\\boxed{", ""), ("}$", ""), ("\\$", ""), ("$\\text{", ""), ("$", ""), ("\\mathrm{", ""),
        ("\\{", ""), ("\\text", ""), ("\\(", ""), ("\\mathbf{", ""), ("{", ""), ("\\boxed", ""),
    ]);

    public IReadOnlyList<(string From, string To)> Replacements { get; } = replacements;

    public string Describe() => name;

    public FilteredText Apply(FilteredText input)
    {
        var text = input.Text;
        foreach (var (from, to) in Replacements)
        {
            text = text.Replace(from, to, StringComparison.Ordinal);
        }

        return input.WithText(text);
    }
}
