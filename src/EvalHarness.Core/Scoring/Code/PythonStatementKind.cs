namespace EvalHarness.Core.Scoring.Code;

/// <summary>What a top-level Python statement is, as far as EvalPlus-style sanitising cares.</summary>
public enum PythonStatementKind
{
    Import,
    Function,
    Class,
    /// <summary>`name = …` or `name: T = …` (tree-sitter's expression_statement → assignment).</summary>
    Assignment,
    /// <summary>Anything else: calls, prints, asserts, loops, `if __name__ …`, and prose that is not Python at all.</summary>
    Other,
}
