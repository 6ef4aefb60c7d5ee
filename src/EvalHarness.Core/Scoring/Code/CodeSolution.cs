using System.Text.RegularExpressions;

namespace EvalHarness.Core.Scoring.Code;

/// <summary>How a response was read: a base model's continuation of the prompt, or a chat model's answer.</summary>
public enum SolutionRoute
{
    /// <summary>The response continues the prompt (human-eval, EvalPlus direct completion): program = prompt + response.</summary>
    Completion,
    /// <summary>The response is a chat answer: code taken from its markdown (EvalPlus's route for instruction-tuned models).</summary>
    Chat,
}

/// <summary>The code a response stands for, and which route produced it.</summary>
/// <param name="DefinesEntryPoint">False when nothing in the answer defines the function the tests call (a chat
/// answer with no code): the sample fails without running anything.</param>
public sealed record CodeSolution(string Code, SolutionRoute Route, bool DefinesEntryPoint = true);

/// <summary>
/// Turns a response into the solution code. Scorers do not know whether the run used a chat template, so the
/// response itself decides. After a code prompt (HumanEval's signature and docstring) a continuation starts with an
/// indented line (the body) or a comment; anything else — a fence, prose, a whole `def` — is read as a chat answer,
/// whose extraction also handles a repeated signature and prose around unfenced code. After a descriptive prompt
/// (MBPP+'s docstring) a first line that reads as Python is a continuation; a fence or prose makes a chat answer.
/// </summary>
public static partial class CodeSolutions
{
    /// <summary>
    /// human-eval's program text. Completion: <see cref="CompletionCodeBuilder.Build"/> (prompt + completion cut at the
    /// Codex stop sequences). Chat: the prompt, then the extracted and sanitised answer — Python keeps the later
    /// definition of the entry point, and helpers that only the prompt defines stay available to the tests
    /// (HumanEval/38's check calls encode_cyclic, which a chat answer rarely repeats).
    /// </summary>
    public static CodeSolution ForHumanEvalTests(string response, string prompt, string entryPoint)
    {
        if (ContinuesFunction(response)) return new CodeSolution(CompletionCodeBuilder.Build(prompt, response, entryPoint), SolutionRoute.Completion);
        var extracted = ChatCodeExtractor.Extract(response, entryPoint, prompt);
        return new CodeSolution(ChatCodeExtractor.Normalize(prompt).TrimEnd('\n') + "\n\n\n" + extracted, SolutionRoute.Chat);
    }

    /// <summary>
    /// EvalPlus's solution (codegen.py: sanitize(prompt + completion) for direct completion, sanitize(answer) for
    /// chat). <paramref name="promptIsCode"/>: HumanEval's prompt is the signature and docstring (a bare body is
    /// completed with it); MBPP+'s is a docstring that only describes the task.
    /// </summary>
    public static CodeSolution ForEvalPlus(string response, string prompt, string entryPoint, bool promptIsCode)
    {
        string code;
        SolutionRoute route;
        if (promptIsCode ? !ContinuesFunction(response) : IsChatAnswer(response))
        {
            code = ChatCodeExtractor.Extract(response, entryPoint, promptIsCode ? prompt : null);
            route = SolutionRoute.Chat;
        }
        else
        {
            var whole = promptIsCode
                ? CompletionCodeBuilder.Build(prompt, response, entryPoint)
                : ChatCodeExtractor.Normalize(prompt) + ChatCodeExtractor.Normalize(response);
            code = CodeSanitizer.Sanitize(whole, entryPoint);
            route = SolutionRoute.Completion;
        }
        return new CodeSolution(code, route, CodeSanitizer.Defines(code, entryPoint));
    }

    /// <summary>True when the response continues a function whose signature and docstring were the prompt: its first
    /// non-blank line is indented (the body) or a comment. An empty response continues nothing and fails either way.</summary>
    public static bool ContinuesFunction(string response)
    {
        var firstLine = FirstLine(response);
        return firstLine is null || char.IsWhiteSpace(firstLine[0]) || firstLine[0] == '#';
    }

    /// <summary>True for a chat answer after a descriptive prompt: its first non-blank line is a fence or prose, not Python.</summary>
    public static bool IsChatAnswer(string response)
    {
        var firstLine = FirstLine(response);
        return firstLine is not null && !CodeLine().IsMatch(firstLine);
    }

    private static string? FirstLine(string response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return ChatCodeExtractor.Normalize(response).Split('\n').FirstOrDefault(l => l.Trim().Length > 0);
    }

    /// <summary>A line that starts Python code: indented, a definition, an import, a decorator, a comment, a statement
    /// keyword, or an assignment or call. A fence (```) and ordinary prose do not match.</summary>
    [GeneratedRegex(@"^(?:\s|def\s|async\s+def\s|class\s|import\s|from\s|@|#|(?:if|for|while|with|try|return|raise|assert|print)\b|[A-Za-z_][\w.]*\s*(?:=|\(|\[))")]
    private static partial Regex CodeLine();
}
