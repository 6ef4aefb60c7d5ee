namespace EvalHarness.Core.Prompts.Jinja;

// The syntax tree. Every node carries the 1-based source line it starts on, for error messages.

internal abstract record JinjaNode(int Line);

// ---- statements ----
internal sealed record TextNode(string Text, int Line) : JinjaNode(Line);
internal sealed record OutputNode(JinjaExpr Expression, int Line) : JinjaNode(Line);
internal sealed record IfNode(IReadOnlyList<(JinjaExpr Condition, IReadOnlyList<JinjaNode> Body)> Branches, IReadOnlyList<JinjaNode>? Else, int Line) : JinjaNode(Line);
internal sealed record ForNode(JinjaExpr Target, JinjaExpr Iterable, JinjaExpr? Filter, IReadOnlyList<JinjaNode> Body, IReadOnlyList<JinjaNode>? Else, bool Recursive, int Line) : JinjaNode(Line);
internal sealed record SetNode(JinjaExpr Target, JinjaExpr Value, int Line) : JinjaNode(Line);
internal sealed record SetBlockNode(JinjaExpr Target, IReadOnlyList<FilterCall> Filters, IReadOnlyList<JinjaNode> Body, int Line) : JinjaNode(Line);
internal sealed record MacroNode(string Name, IReadOnlyList<(string Name, JinjaExpr? Default)> Parameters, IReadOnlyList<JinjaNode> Body, int Line) : JinjaNode(Line);
internal sealed record CallBlockNode(CallExpr Call, IReadOnlyList<(string Name, JinjaExpr? Default)> CallerParameters, IReadOnlyList<JinjaNode> Body, int Line) : JinjaNode(Line);
internal sealed record FilterBlockNode(IReadOnlyList<FilterCall> Filters, IReadOnlyList<JinjaNode> Body, int Line) : JinjaNode(Line);
internal sealed record ScopeNode(IReadOnlyList<JinjaNode> Body, int Line) : JinjaNode(Line);
internal sealed record DoNode(JinjaExpr Expression, int Line) : JinjaNode(Line);
internal sealed record BreakNode(int Line) : JinjaNode(Line);
internal sealed record ContinueNode(int Line) : JinjaNode(Line);

// ---- expressions ----
internal abstract record JinjaExpr(int Line) : JinjaNode(Line);
internal sealed record LiteralExpr(object? Value, int Line) : JinjaExpr(Line);
internal sealed record NameExpr(string Name, int Line) : JinjaExpr(Line);
internal sealed record ListExpr(IReadOnlyList<JinjaExpr> Items, bool IsTuple, int Line) : JinjaExpr(Line);
internal sealed record DictExpr(IReadOnlyList<(JinjaExpr Key, JinjaExpr Value)> Items, int Line) : JinjaExpr(Line);
internal sealed record AttributeExpr(JinjaExpr Target, string Attribute, int Line) : JinjaExpr(Line);
internal sealed record SubscriptExpr(JinjaExpr Target, JinjaExpr Index, int Line) : JinjaExpr(Line);
internal sealed record SliceExpr(JinjaExpr Target, JinjaExpr? Start, JinjaExpr? Stop, JinjaExpr? Step, int Line) : JinjaExpr(Line);
internal sealed record CallExpr(JinjaExpr Callee, IReadOnlyList<JinjaExpr> Arguments, IReadOnlyList<(string Name, JinjaExpr Value)> Keywords, int Line) : JinjaExpr(Line);
internal sealed record FilterCall(string Name, IReadOnlyList<JinjaExpr> Arguments, IReadOnlyList<(string Name, JinjaExpr Value)> Keywords, int Line);
internal sealed record FilterExpr(JinjaExpr Value, FilterCall Filter, int Line) : JinjaExpr(Line);
internal sealed record TestExpr(JinjaExpr Value, string Test, IReadOnlyList<JinjaExpr> Arguments, bool Negated, int Line) : JinjaExpr(Line);
internal sealed record UnaryExpr(string Operator, JinjaExpr Operand, int Line) : JinjaExpr(Line);
internal sealed record BinaryExpr(string Operator, JinjaExpr Left, JinjaExpr Right, int Line) : JinjaExpr(Line);
internal sealed record ConditionalExpr(JinjaExpr Condition, JinjaExpr WhenTrue, JinjaExpr? WhenFalse, int Line) : JinjaExpr(Line);
