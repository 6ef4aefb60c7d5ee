namespace EvalHarness.Core.Prompts.Jinja;

/// <summary>
/// Statements: text, {{ output }}, and the block tags chat templates use (if/elif/else, for/else with loop
/// filter, set and block set, macro, call, filter, raw (lexer), generation, break/continue, do). Expressions are
/// parsed by the partial class in JinjaExpressionParser.cs.
/// </summary>
internal sealed partial class JinjaParser(List<JinjaToken> tokens)
{
    private int _index;

    private JinjaToken Current => tokens[_index];

    private JinjaToken Peek(int ahead = 1) => tokens[Math.Min(_index + ahead, tokens.Count - 1)];

    public static List<JinjaNode> Parse(string source, bool trimBlocks = true, bool lstripBlocks = true, bool keepTrailingNewline = false)
    {
        var parser = new JinjaParser(new JinjaLexer(source, trimBlocks, lstripBlocks, keepTrailingNewline).Tokenize());
        var (body, endTag) = parser.ParseBody([], "template");
        if (endTag is not null) throw new JinjaTemplateException($"unexpected {{% {endTag} %}}", parser.Current.Line, $"{{% {endTag} %}}");
        return body;
    }

    private JinjaToken Next() => tokens[_index++];

    private JinjaToken Expect(JinjaTokenKind kind, string? value, string construct)
    {
        var token = Current;
        if (token.Kind != kind || (value is not null && token.Value != value))
        {
            var wanted = value is not null ? $"'{value}'" : kind.ToString().ToLowerInvariant();
            var found = token.Kind switch
            {
                JinjaTokenKind.BlockEnd => "end of tag %}",
                JinjaTokenKind.VariableEnd => "end of tag }}",
                _ => token.ToString(),
            };
            throw new JinjaTemplateException($"expected {wanted}, found {found}", token.Line, construct);
        }
        _index++;
        return token;
    }

    private string ExpectName(string construct) => Expect(JinjaTokenKind.Name, null, construct).Value;

    /// <summary>Nodes up to one of the end tags (consumed, including its %}); returns which one ended the body.</summary>
    private (List<JinjaNode> Body, string? EndTag) ParseBody(string[] endTags, string construct, int openedAt = 1)
    {
        var body = new List<JinjaNode>();
        while (true)
        {
            var token = Current;
            switch (token.Kind)
            {
                case JinjaTokenKind.End:
                    if (endTags.Length == 0) return (body, null);
                    throw new JinjaTemplateException($"block opened on line {openedAt} is never closed (expected {{% {endTags[^1]} %}})", openedAt, construct);
                case JinjaTokenKind.Text:
                    _index++;
                    body.Add(new TextNode(token.Value, token.Line));
                    break;
                case JinjaTokenKind.VariableBegin:
                    _index++;
                    body.Add(new OutputNode(ParseExpression(), token.Line));
                    Expect(JinjaTokenKind.VariableEnd, null, "{{ }}");
                    break;
                case JinjaTokenKind.BlockBegin:
                    var keyword = Peek();
                    if (keyword.Kind == JinjaTokenKind.Name && endTags.Contains(keyword.Value))
                    {
                        _index += 2;
                        return (body, keyword.Value);
                    }
                    _index++;
                    body.Add(ParseStatement(endTags, construct));
                    break;
                default:
                    throw new JinjaTemplateException($"unexpected {token}", token.Line, construct);
            }
        }
    }

    private void ExpectBlockEnd(string construct) => Expect(JinjaTokenKind.BlockEnd, null, construct);

    private JinjaNode ParseStatement(string[] enclosingEndTags, string enclosing)
    {
        var keyword = Current;
        if (keyword.Kind != JinjaTokenKind.Name) throw new JinjaTemplateException($"expected a tag name, found {keyword}", keyword.Line, "{% %}");
        _index++;
        switch (keyword.Value)
        {
            case "if": return ParseIf(keyword.Line);
            case "for": return ParseFor(keyword.Line);
            case "set": return ParseSet(keyword.Line);
            case "macro": return ParseMacro(keyword.Line);
            case "call": return ParseCallBlock(keyword.Line);
            case "filter": return ParseFilterBlock(keyword.Line);
            case "generation": return ParseSimpleBlock("generation", "endgeneration", keyword.Line);
            case "break": ExpectBlockEnd("{% break %}"); return new BreakNode(keyword.Line);
            case "continue": ExpectBlockEnd("{% continue %}"); return new ContinueNode(keyword.Line);
            case "do":
                var expression = ParseExpression();
                ExpectBlockEnd("{% do %}");
                return new DoNode(expression, keyword.Line);
            default:
                var where = enclosingEndTags.Length > 0 ? $" inside {enclosing} (expected {string.Join(" or ", enclosingEndTags.Select(t => "{% " + t + " %}"))})" : "";
                throw new JinjaTemplateException($"unknown or misplaced tag '{keyword.Value}'{where}", keyword.Line, $"{{% {keyword.Value} %}}");
        }
    }

    private ScopeNode ParseSimpleBlock(string name, string endTag, int line)
    {
        ExpectBlockEnd($"{{% {name} %}}");
        var (body, _) = ParseBody([endTag], $"{{% {name} %}}", line);
        ExpectBlockEnd($"{{% {endTag} %}}");
        return new ScopeNode(body, line);
    }

    private IfNode ParseIf(int line)
    {
        var branches = new List<(JinjaExpr, IReadOnlyList<JinjaNode>)>();
        var condition = ParseExpression();
        ExpectBlockEnd("{% if %}");
        while (true)
        {
            var (body, end) = ParseBody(["elif", "else", "endif"], $"{{% if %}} (line {line})", line);
            branches.Add((condition, body));
            if (end == "elif")
            {
                condition = ParseExpression();
                ExpectBlockEnd("{% elif %}");
                continue;
            }
            if (end == "else")
            {
                ExpectBlockEnd("{% else %}");
                var (elseBody, _) = ParseBody(["endif"], $"{{% if %}} (line {line})", line);
                ExpectBlockEnd("{% endif %}");
                return new IfNode(branches, elseBody, line);
            }
            ExpectBlockEnd("{% endif %}");
            return new IfNode(branches, null, line);
        }
    }

    private ForNode ParseFor(int line)
    {
        var target = ParseAssignTarget("{% for %}");
        Expect(JinjaTokenKind.Name, "in", "{% for %}");
        var iterable = ParseConditionalFree();
        JinjaExpr? filter = null;
        var recursive = false;
        if (Current.IsName("if"))
        {
            _index++;
            filter = ParseConditionalFree();
        }
        if (Current.IsName("recursive"))
        {
            _index++;
            recursive = true;
        }
        ExpectBlockEnd("{% for %}");
        var (body, end) = ParseBody(["else", "endfor"], $"{{% for %}} (line {line})", line);
        List<JinjaNode>? elseBody = null;
        if (end == "else")
        {
            ExpectBlockEnd("{% else %}");
            (elseBody, _) = ParseBody(["endfor"], $"{{% for %}} (line {line})", line);
        }
        ExpectBlockEnd("{% endfor %}");
        return new ForNode(target, iterable, filter, body, elseBody, recursive, line);
    }

    /// <summary>A name, a dotted name (ns.attr) or a tuple of names.</summary>
    private JinjaExpr ParseAssignTarget(string construct)
    {
        var line = Current.Line;
        var items = new List<JinjaExpr>();
        var parenthesised = Current.IsOperator("(");
        if (parenthesised) _index++;
        while (true)
        {
            JinjaExpr target = new NameExpr(ExpectName(construct), line);
            while (Current.IsOperator("."))
            {
                _index++;
                target = new AttributeExpr(target, ExpectName(construct), line);
            }
            items.Add(target);
            if (!Current.IsOperator(",") || Peek().Kind != JinjaTokenKind.Name) break;
            _index++;
        }
        if (parenthesised) Expect(JinjaTokenKind.Operator, ")", construct);
        return items.Count == 1 && !parenthesised ? items[0] : new ListExpr(items, true, line);
    }

    private JinjaNode ParseSet(int line)
    {
        var target = ParseAssignTarget("{% set %}");
        if (Current.IsOperator("="))
        {
            _index++;
            var value = ParseTupleOrExpression();
            ExpectBlockEnd("{% set %}");
            return new SetNode(target, value, line);
        }
        var filters = new List<FilterCall>();
        while (Current.IsOperator("|"))
        {
            _index++;
            filters.Add(ParseFilterCall());
        }
        ExpectBlockEnd("{% set %}");
        var (body, _) = ParseBody(["endset"], $"{{% set %}} (line {line})", line);
        ExpectBlockEnd("{% endset %}");
        return new SetBlockNode(target, filters, body, line);
    }

    private List<(string, JinjaExpr?)> ParseParameterList(string construct)
    {
        var parameters = new List<(string, JinjaExpr?)>();
        Expect(JinjaTokenKind.Operator, "(", construct);
        while (!Current.IsOperator(")"))
        {
            var name = ExpectName(construct);
            JinjaExpr? fallback = null;
            if (Current.IsOperator("="))
            {
                _index++;
                fallback = ParseExpression();
            }
            parameters.Add((name, fallback));
            if (!Current.IsOperator(",")) break;
            _index++;
        }
        Expect(JinjaTokenKind.Operator, ")", construct);
        return parameters;
    }

    private MacroNode ParseMacro(int line)
    {
        var name = ExpectName("{% macro %}");
        var parameters = ParseParameterList("{% macro %}");
        ExpectBlockEnd("{% macro %}");
        var (body, _) = ParseBody(["endmacro"], $"{{% macro {name} %}} (line {line})", line);
        ExpectBlockEnd("{% endmacro %}");
        return new MacroNode(name, parameters, body, line);
    }

    private CallBlockNode ParseCallBlock(int line)
    {
        var callerParameters = Current.IsOperator("(") ? ParseParameterList("{% call %}") : [];
        var call = ParseExpression() as CallExpr
            ?? throw new JinjaTemplateException("expected a macro call", line, "{% call %}");
        ExpectBlockEnd("{% call %}");
        var (body, _) = ParseBody(["endcall"], $"{{% call %}} (line {line})", line);
        ExpectBlockEnd("{% endcall %}");
        return new CallBlockNode(call, callerParameters, body, line);
    }

    private FilterBlockNode ParseFilterBlock(int line)
    {
        var filters = new List<FilterCall> { ParseFilterCall() };
        while (Current.IsOperator("|"))
        {
            _index++;
            filters.Add(ParseFilterCall());
        }
        ExpectBlockEnd("{% filter %}");
        var (body, _) = ParseBody(["endfilter"], $"{{% filter %}} (line {line})", line);
        ExpectBlockEnd("{% endfilter %}");
        return new FilterBlockNode(filters, body, line);
    }
}
