namespace EvalHarness.Core.Prompts.Jinja;

/// <summary>
/// How a template is lexed and how far a render may go. The defaults are Hugging Face's apply_chat_template
/// environment (trim_blocks and lstrip_blocks on) and budgets far above any real chat template's needs, low
/// enough that a runaway template fails in well under a second.
/// </summary>
public sealed record JinjaOptions
{
    public static readonly JinjaOptions Default = new();

    public bool TrimBlocks { get; init; } = true;

    public bool LstripBlocks { get; init; } = true;

    /// <summary>Jinja2's default (false) drops a single newline at the end of the template.</summary>
    public bool KeepTrailingNewline { get; init; }

    /// <summary>Nodes executed, loop iterations and calls, together.</summary>
    public long MaxSteps { get; init; } = 2_000_000;

    /// <summary>Macro calls (and recursive loops) nested at once.</summary>
    public int MaxRecursionDepth { get; init; } = 100;

    public int MaxOutputChars { get; init; } = 16 * 1024 * 1024;

    /// <summary>The clock strftime_now reads (local time in Python); injectable so tests are deterministic.</summary>
    public Func<DateTime> Now { get; init; } = () => DateTime.Now;
}
