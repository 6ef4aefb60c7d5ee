namespace EvalHarness.Core.Scoring.Code;

/// <summary>
/// Turns a chat model's answer into the code to test (EvalPlus's route for instruction-tuned models):
/// reasoning removed, the fenced python block chosen (the first one that defines the entry point, else the first
/// python or untagged one; the whole answer when there is no fence), the prompt prepended when the answer is only
/// a function body, then EvalPlus-style sanitising (<see cref="CodeSanitizer"/>).
/// </summary>
public static class ChatCodeExtractor
{
    /// <param name="response">The model's answer (LF or CRLF; may contain a &lt;think&gt; section).</param>
    /// <param name="entryPoint">The function the tests call.</param>
    /// <param name="prompt">The task's code prompt (HumanEval: signature + docstring), or null (MBPP).</param>
    /// <param name="includePromptImports">Prepend the prompt's imports the code lacks (`from typing import List`):
    /// a chat model often drops them while still using the names. Never changes a correct program; EvalPlus does not
    /// do this, so switch it off to reproduce EvalPlus exactly.</param>
    public static string Extract(string response, string entryPoint, string? prompt = null, bool includePromptImports = true)
    {
        ArgumentNullException.ThrowIfNull(response);
        var text = Normalize(response);
        var thinkEnd = text.LastIndexOf("</think>", StringComparison.Ordinal);
        if (thinkEnd >= 0) text = text[(thinkEnd + "</think>".Length)..];
        var code = ChooseBlock(text, entryPoint);
        if (prompt is not null && !CodeSanitizer.Defines(code, entryPoint))
        {
            // The answer is a bare body (or a body after prose): complete the prompt's function with it.
            code = Normalize(prompt) + code;
        }
        var sanitized = CodeSanitizer.Sanitize(code, entryPoint);
        return includePromptImports && prompt is not null ? WithPromptImports(sanitized, Normalize(prompt)) : sanitized;
    }

    internal static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');

    private static string ChooseBlock(string text, string entryPoint)
    {
        var python = MarkdownCodeBlock.FindAll(text).Where(b => b.IsPython).ToList();
        if (python.Count == 0) return text;
        return (python.FirstOrDefault(b => CodeSanitizer.Defines(b.Body, entryPoint)) ?? python[0]).Body;
    }

    private static string WithPromptImports(string code, string prompt)
    {
        var present = PythonStatementSplitter.Split(code).Where(s => s.Kind == PythonStatementKind.Import)
            .Select(s => s.Text).ToHashSet(StringComparer.Ordinal);
        var missing = PythonStatementSplitter.Split(prompt)
            .Where(s => s.Kind == PythonStatementKind.Import && !present.Contains(s.Text)).Select(s => s.Text).ToList();
        return missing.Count == 0 ? code : string.Join("\n", missing) + "\n" + code;
    }
}
