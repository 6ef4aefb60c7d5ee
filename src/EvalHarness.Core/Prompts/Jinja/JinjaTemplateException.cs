namespace EvalHarness.Core.Prompts.Jinja;

/// <summary>
/// A chat template that cannot be parsed or rendered: names the construct (tag, filter, test, variable) and the
/// 1-based line of the template where it happened, so a user can find it in the GGUF's template text.
/// </summary>
public sealed class JinjaTemplateException(string message, int line, string construct)
    : Exception($"chat template line {line}: {construct}: {message}")
{
    /// <summary>1-based line in the template source (0 when unknown).</summary>
    public int Line { get; } = line;

    /// <summary>The construct that failed, e.g. "filter 'foo'", "{% for %}", "raise_exception".</summary>
    public string Construct { get; } = construct;

    /// <summary>The message without the location prefix.</summary>
    public string Reason { get; } = message;
}
