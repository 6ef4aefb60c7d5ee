namespace EvalHarness.Core.Scoring.Filters;

/// <summary>
/// The value that flows through a filter chain: the current answer text, the flags raised so far and,
/// once a <see cref="ThinkBlockRemover"/> has run, the reasoning it took out (kept for reports).
/// </summary>
public sealed record FilteredText(string Text, AnswerFlags Flags = AnswerFlags.None, string? Reasoning = null)
{
    public FilteredText WithText(string text) => this with { Text = text };

    public FilteredText WithFlag(AnswerFlags flag) => this with { Flags = Flags | flag };

    public bool Has(AnswerFlags flag) => (Flags & flag) == flag;
}
