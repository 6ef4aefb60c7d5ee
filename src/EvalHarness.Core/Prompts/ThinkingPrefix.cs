namespace EvalHarness.Core.Prompts;

/// <summary>
/// The documented fallback when the chat formatter cannot pass enable_thinking to the template (llama.cpp's
/// built-in templates ignore it): for a model whose template mentions <c>&lt;think&gt;</c>, thinking on appends
/// <c>&lt;think&gt;\n</c> after the assistant header (what EXAONE 4.0's and Qwen3's templates emit with
/// enable_thinking=true) and thinking off appends an empty block <c>&lt;think&gt;\n\n&lt;/think&gt;\n\n</c> (what
/// Qwen3's emits with enable_thinking=false). A template without <c>&lt;think&gt;</c> is left as it is.
/// </summary>
public static class ThinkingPrefix
{
    public const string Open = "<think>\n";
    public const string Empty = "<think>\n\n</think>\n\n";

    public static string Apply(string prompt, string templateText, ThinkingMode thinking)
    {
        if (thinking == ThinkingMode.Default || !templateText.Contains("<think>", StringComparison.Ordinal)) return prompt;
        if (prompt.EndsWith(Open, StringComparison.Ordinal) || prompt.EndsWith(Empty, StringComparison.Ordinal)) return prompt;
        return prompt + (thinking == ThinkingMode.On ? Open : Empty);
    }
}
