using System.Globalization;

namespace EvalHarness.Core.Prompts.Jinja;

/// <summary>
/// Expressions with Jinja2's precedence, lowest first: conditional (a if c else b), or, and, not, comparisons
/// (== != &lt; &gt; &lt;= &gt;= in, not in), + -, ~, * / // %, **, unary -, then postfix (.attr, [index],
/// [a:b:c], call), filters (|f) and tests (is t).
/// </summary>
internal sealed partial class JinjaParser
{
    private static readonly HashSet<string> Comparisons = ["==", "!=", "<", ">", "<=", ">="];

    private JinjaExpr ParseExpression() => ParseConditional();

    /// <summary>`a, b` as a tuple where a statement allows one (set a = 1, 2).</summary>
    private JinjaExpr ParseTupleOrExpression()
    {
        var line = Current.Line;
        var first = ParseExpression();
        if (!Current.IsOperator(",")) return first;
        var items = new List<JinjaExpr> { first };
        while (Current.IsOperator(","))
        {
            _index++;
            if (Current.Kind == JinjaTokenKind.BlockEnd) break;
            items.Add(ParseExpression());
        }
        return new ListExpr(items, true, line);
    }

    private JinjaExpr ParseConditional()
    {
        var expr = ParseOr();
        while (Current.IsName("if"))
        {
            var line = Current.Line;
            _index++;
            var condition = ParseOr();
            JinjaExpr? otherwise = null;
            if (Current.IsName("else"))
            {
                _index++;
                otherwise = ParseConditional();
            }
            expr = new ConditionalExpr(condition, expr, otherwise, line);
        }
        return expr;
    }

    /// <summary>An expression without a trailing `if` (the for-loop iterable and its filter).</summary>
    private JinjaExpr ParseConditionalFree() => ParseOr();

    private JinjaExpr ParseOr()
    {
        var left = ParseAnd();
        while (Current.IsName("or"))
        {
            var line = Next().Line;
            left = new BinaryExpr("or", left, ParseAnd(), line);
        }
        return left;
    }

    private JinjaExpr ParseAnd()
    {
        var left = ParseNot();
        while (Current.IsName("and"))
        {
            var line = Next().Line;
            left = new BinaryExpr("and", left, ParseNot(), line);
        }
        return left;
    }

    private JinjaExpr ParseNot()
    {
        if (Current.IsName("not"))
        {
            var line = Next().Line;
            return new UnaryExpr("not", ParseNot(), line);
        }
        return ParseCompare();
    }

    private JinjaExpr ParseCompare()
    {
        var left = ParseMath1();
        while (true)
        {
            var token = Current;
            if (token.Kind == JinjaTokenKind.Operator && Comparisons.Contains(token.Value))
            {
                _index++;
                left = new BinaryExpr(token.Value, left, ParseMath1(), token.Line);
            }
            else if (token.IsName("in"))
            {
                _index++;
                left = new BinaryExpr("in", left, ParseMath1(), token.Line);
            }
            else if (token.IsName("not") && Peek().IsName("in"))
            {
                _index += 2;
                left = new BinaryExpr("not in", left, ParseMath1(), token.Line);
            }
            else return left;
        }
    }

    private JinjaExpr ParseMath1()
    {
        var left = ParseConcat();
        while (Current.IsOperator("+") || Current.IsOperator("-"))
        {
            var op = Next();
            left = new BinaryExpr(op.Value, left, ParseConcat(), op.Line);
        }
        return left;
    }

    private JinjaExpr ParseConcat()
    {
        var left = ParseMath2();
        while (Current.IsOperator("~"))
        {
            var op = Next();
            left = new BinaryExpr("~", left, ParseMath2(), op.Line);
        }
        return left;
    }

    private JinjaExpr ParseMath2()
    {
        var left = ParsePow();
        while (Current.Kind == JinjaTokenKind.Operator && Current.Value is "*" or "/" or "//" or "%")
        {
            var op = Next();
            left = new BinaryExpr(op.Value, left, ParsePow(), op.Line);
        }
        return left;
    }

    private JinjaExpr ParsePow()
    {
        var left = ParseUnary(withFilters: true);
        while (Current.IsOperator("**"))
        {
            var op = Next();
            left = new BinaryExpr("**", left, ParseUnary(withFilters: true), op.Line);
        }
        return left;
    }

    private JinjaExpr ParseUnary(bool withFilters)
    {
        if (!System.Runtime.CompilerServices.RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            throw new JinjaTemplateException("expression nested too deeply", Current.Line, "expression");
        }
        JinjaExpr node;
        if (Current.IsOperator("-") || Current.IsOperator("+"))
        {
            var op = Next();
            node = new UnaryExpr(op.Value, ParseUnary(withFilters: false), op.Line);
        }
        else
        {
            node = ParsePrimary();
        }
        node = ParsePostfix(node);
        return withFilters ? ParseFiltersAndTests(node) : node;
    }

    private JinjaExpr ParsePrimary()
    {
        var token = Next();
        switch (token.Kind)
        {
            case JinjaTokenKind.String:
                var text = token.Value;
                while (Current.Kind == JinjaTokenKind.String) text += Next().Value;
                return new LiteralExpr(text, token.Line);
            case JinjaTokenKind.Integer:
                return new LiteralExpr(long.Parse(token.Value, CultureInfo.InvariantCulture), token.Line);
            case JinjaTokenKind.Float:
                return new LiteralExpr(double.Parse(token.Value, CultureInfo.InvariantCulture), token.Line);
            case JinjaTokenKind.Name:
                return token.Value switch
                {
                    "true" or "True" => new LiteralExpr(true, token.Line),
                    "false" or "False" => new LiteralExpr(false, token.Line),
                    "none" or "None" => new LiteralExpr(null, token.Line),
                    _ => new NameExpr(token.Value, token.Line),
                };
            case JinjaTokenKind.Operator when token.Value == "(":
                return ParseParenthesised(token.Line);
            case JinjaTokenKind.Operator when token.Value == "[":
                var items = new List<JinjaExpr>();
                while (!Current.IsOperator("]"))
                {
                    items.Add(ParseExpression());
                    if (!Current.IsOperator(",")) break;
                    _index++;
                }
                Expect(JinjaTokenKind.Operator, "]", "list literal");
                return new ListExpr(items, false, token.Line);
            case JinjaTokenKind.Operator when token.Value == "{":
                var pairs = new List<(JinjaExpr, JinjaExpr)>();
                while (!Current.IsOperator("}"))
                {
                    var key = ParseExpression();
                    Expect(JinjaTokenKind.Operator, ":", "dict literal");
                    pairs.Add((key, ParseExpression()));
                    if (!Current.IsOperator(",")) break;
                    _index++;
                }
                Expect(JinjaTokenKind.Operator, "}", "dict literal");
                return new DictExpr(pairs, token.Line);
            default:
                var found = token.Kind switch
                {
                    JinjaTokenKind.BlockEnd => "end of tag %}",
                    JinjaTokenKind.VariableEnd => "end of tag }}",
                    _ => token.ToString(),
                };
                throw new JinjaTemplateException($"expected an expression, found {found}", token.Line, "expression");
        }
    }

    private JinjaExpr ParseParenthesised(int line)
    {
        if (Current.IsOperator(")"))
        {
            _index++;
            return new ListExpr([], true, line);
        }
        var first = ParseExpression();
        if (Current.IsOperator(")"))
        {
            _index++;
            return first;
        }
        var items = new List<JinjaExpr> { first };
        while (Current.IsOperator(","))
        {
            _index++;
            if (Current.IsOperator(")")) break;
            items.Add(ParseExpression());
        }
        Expect(JinjaTokenKind.Operator, ")", "tuple");
        return new ListExpr(items, true, line);
    }

    private JinjaExpr ParsePostfix(JinjaExpr node)
    {
        while (true)
        {
            var token = Current;
            if (token.IsOperator("."))
            {
                _index++;
                var attribute = Next();
                if (attribute.Kind is not (JinjaTokenKind.Name or JinjaTokenKind.Integer))
                {
                    throw new JinjaTemplateException($"expected an attribute name after '.', found {attribute}", attribute.Line, "attribute access");
                }
                node = attribute.Kind == JinjaTokenKind.Integer
                    ? new SubscriptExpr(node, new LiteralExpr(long.Parse(attribute.Value, CultureInfo.InvariantCulture), attribute.Line), token.Line)
                    : new AttributeExpr(node, attribute.Value, token.Line);
            }
            else if (token.IsOperator("["))
            {
                _index++;
                node = ParseSubscript(node, token.Line);
            }
            else if (token.IsOperator("("))
            {
                _index++;
                var (args, kwargs) = ParseCallArguments();
                node = new CallExpr(node, args, kwargs, token.Line);
            }
            else return node;
        }
    }

    private JinjaExpr ParseSubscript(JinjaExpr target, int line)
    {
        JinjaExpr? start = null, stop = null, step = null;
        if (!Current.IsOperator(":")) start = ParseExpression();
        if (!Current.IsOperator(":"))
        {
            Expect(JinjaTokenKind.Operator, "]", "subscript");
            return new SubscriptExpr(target, start!, line);
        }
        _index++;
        if (!Current.IsOperator(":") && !Current.IsOperator("]")) stop = ParseExpression();
        if (Current.IsOperator(":"))
        {
            _index++;
            if (!Current.IsOperator("]")) step = ParseExpression();
        }
        Expect(JinjaTokenKind.Operator, "]", "slice");
        return new SliceExpr(target, start, stop, step, line);
    }

    private (List<JinjaExpr>, List<(string, JinjaExpr)>) ParseCallArguments()
    {
        var args = new List<JinjaExpr>();
        var kwargs = new List<(string, JinjaExpr)>();
        while (!Current.IsOperator(")"))
        {
            if (Current.Kind == JinjaTokenKind.Name && Peek().IsOperator("="))
            {
                var name = Next().Value;
                _index++;
                kwargs.Add((name, ParseExpression()));
            }
            else
            {
                args.Add(ParseExpression());
            }
            if (!Current.IsOperator(",")) break;
            _index++;
        }
        Expect(JinjaTokenKind.Operator, ")", "call arguments");
        return (args, kwargs);
    }

    private FilterCall ParseFilterCall()
    {
        var nameToken = Expect(JinjaTokenKind.Name, null, "filter");
        var name = nameToken.Value;
        while (Current.IsOperator(".") && Peek().Kind == JinjaTokenKind.Name)
        {
            _index++;
            name += "." + Next().Value;
        }
        if (!Current.IsOperator("(")) return new FilterCall(name, [], [], nameToken.Line);
        _index++;
        var (args, kwargs) = ParseCallArguments();
        return new FilterCall(name, args, kwargs, nameToken.Line);
    }

    private JinjaExpr ParseFiltersAndTests(JinjaExpr node)
    {
        while (true)
        {
            var token = Current;
            if (token.IsOperator("|"))
            {
                _index++;
                node = new FilterExpr(node, ParseFilterCall(), token.Line);
            }
            else if (token.IsName("is"))
            {
                _index++;
                node = ParseTest(node, token.Line);
            }
            else if (token.IsOperator("("))
            {
                _index++;
                var (args, kwargs) = ParseCallArguments();
                node = new CallExpr(node, args, kwargs, token.Line);
            }
            else return node;
        }
    }

    private static readonly HashSet<string> NotATestArgument = ["else", "or", "and", "if", "in", "not", "is"];

    private TestExpr ParseTest(JinjaExpr node, int line)
    {
        var negated = false;
        if (Current.IsName("not"))
        {
            _index++;
            negated = true;
        }
        var nameToken = Next();
        if (nameToken.Kind != JinjaTokenKind.Name)
        {
            throw new JinjaTemplateException($"expected a test name after 'is', found {nameToken}", nameToken.Line, "test");
        }
        var name = nameToken.Value;
        var args = new List<JinjaExpr>();
        if (Current.IsOperator("("))
        {
            _index++;
            var (positional, _) = ParseCallArguments();
            args.AddRange(positional);
        }
        else if (Current.Kind is JinjaTokenKind.String or JinjaTokenKind.Integer or JinjaTokenKind.Float
                 || (Current.Kind == JinjaTokenKind.Name && !NotATestArgument.Contains(Current.Value))
                 || Current.IsOperator("[") || Current.IsOperator("{"))
        {
            args.Add(ParsePostfix(ParsePrimary()));
        }
        return new TestExpr(node, name, args, negated, line);
    }
}
