namespace EvalHarness.Core.Scoring.Code;

/// <summary>One top-level statement (decorators included) with the identifiers it mentions outside strings and comments.</summary>
/// <param name="Name">The defined name for functions, classes and simple assignments; null otherwise.</param>
/// <param name="HasReturn">For functions: a `return` (or, unlike EvalPlus, a `yield`) appears somewhere in the body;
/// sanitising keeps only those, so a docstring-only stub is skipped but a generator helper is not.</param>
public sealed record PythonStatement(
    PythonStatementKind Kind,
    string? Name,
    string Text,
    IReadOnlySet<string> Identifiers,
    bool HasReturn);
