namespace EvalHarness.Core.Scoring.Code;

/// <summary>One top-level statement (decorators included) with the identifiers it mentions outside strings and comments.</summary>
/// <param name="Name">The defined name for functions, classes and simple assignments; null otherwise.</param>
/// <param name="HasReturn">For functions: a `return` statement appears somewhere in the body (EvalPlus keeps only those).</param>
public sealed record PythonStatement(
    PythonStatementKind Kind,
    string? Name,
    string Text,
    IReadOnlySet<string> Identifiers,
    bool HasReturn);
