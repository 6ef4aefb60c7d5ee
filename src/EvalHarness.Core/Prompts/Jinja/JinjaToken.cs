namespace EvalHarness.Core.Prompts.Jinja;

internal enum JinjaTokenKind { Text, VariableBegin, VariableEnd, BlockBegin, BlockEnd, Name, String, Integer, Float, Operator, End }

/// <summary>One lexer token; <see cref="Line"/> is 1-based in the template source.</summary>
internal readonly record struct JinjaToken(JinjaTokenKind Kind, string Value, int Line)
{
    public bool Is(JinjaTokenKind kind, string value) => Kind == kind && Value == value;

    public bool IsName(string value) => Is(JinjaTokenKind.Name, value);

    public bool IsOperator(string value) => Is(JinjaTokenKind.Operator, value);

    public override string ToString() => Kind switch
    {
        JinjaTokenKind.End => "end of template",
        JinjaTokenKind.String => $"string '{Value}'",
        _ => $"'{Value}'",
    };
}
