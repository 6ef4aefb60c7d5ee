namespace EvalHarness.Core.Scoring.Filters;

/// <summary>
/// RULER's <c>postprocess_pred</c> (scripts/eval/evaluate.py): strip, replace every control character
/// U+0000–U+001F with a newline, strip again.
/// </summary>
public sealed class ControlCharacterReplacer : IOutputFilter
{
    public static ControlCharacterReplacer Instance { get; } = new();

    public string Describe() => "ruler_postprocess";

    public FilteredText Apply(FilteredText input)
    {
        var chars = input.Text.Trim().ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (chars[i] <= '\u001f')
            {
                chars[i] = '\n';
            }
        }

        return input.WithText(new string(chars).Trim());
    }
}
