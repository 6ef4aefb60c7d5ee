namespace EvalHarness.Core.Prompts.Jinja;

/// <summary>Expression evaluation: names, literals, attribute and item access, slices, calls, operators.</summary>
internal sealed partial class JinjaRenderer
{
    private object? Evaluate(JinjaExpr expr, JinjaScope scope)
    {
        try
        {
            System.Runtime.CompilerServices.RuntimeHelpers.EnsureSufficientExecutionStack();
            return EvaluateCore(expr, scope);
        }
        catch (TemplateRaisedException raised)
        {
            throw new JinjaTemplateException(raised.Message, expr.Line, "raise_exception");
        }
        catch (Exception e) when (e is not JinjaTemplateException and not OutOfMemoryException)
        {
            throw new JinjaTemplateException(e.Message, expr.Line, DescribeExpression(expr));
        }
    }

    private object? EvaluateCore(JinjaExpr expr, JinjaScope scope)
    {
        switch (expr)
        {
            case LiteralExpr literal: return literal.Value;
            case NameExpr name: return scope.TryGet(name.Name, out var value) ? value : new JinjaUndefined(name.Name);
            case ListExpr list:
                var items = list.Items.Select(item => Evaluate(item, scope));
                return list.IsTuple ? new JinjaTuple(items) : items.ToList();
            case DictExpr dict:
                var result = new JinjaDict();
                foreach (var (key, itemValue) in dict.Items)
                {
                    var keyValue = Evaluate(key, scope);
                    if (keyValue is null or JinjaUndefined or List<object?> or JinjaDict)
                    {
                        throw new JinjaTemplateException($"unhashable or missing dict key {JinjaOps.Repr(keyValue)}", key.Line, "dict literal");
                    }
                    result[keyValue] = Evaluate(itemValue, scope);
                }
                return result;
            case AttributeExpr attribute: return GetAttribute(Evaluate(attribute.Target, scope), attribute.Attribute, attribute);
            case SubscriptExpr subscript: return GetItem(Evaluate(subscript.Target, scope), Evaluate(subscript.Index, scope), subscript);
            case SliceExpr slice: return EvaluateSlice(slice, scope);
            case CallExpr call:
                var callee = Evaluate(call.Callee, scope);
                return CallValue(callee, EvaluateArguments(call.Arguments, call.Keywords, scope), call);
            case FilterExpr filter: return ApplyFilter(filter.Filter, Evaluate(filter.Value, scope), scope);
            case TestExpr test: return ApplyTest(test, scope);
            case UnaryExpr unary: return EvaluateUnary(unary, scope);
            case BinaryExpr binary: return EvaluateBinary(binary, scope);
            case ConditionalExpr conditional:
                if (JinjaOps.IsTruthy(Evaluate(conditional.Condition, scope))) return Evaluate(conditional.WhenTrue, scope);
                return conditional.WhenFalse is null ? new JinjaUndefined("") : Evaluate(conditional.WhenFalse, scope);
            default: throw new JinjaTemplateException($"cannot evaluate {expr.GetType().Name}", expr.Line, "expression");
        }
    }

    private JinjaArguments EvaluateArguments(IReadOnlyList<JinjaExpr> positional, IReadOnlyList<(string Name, JinjaExpr Value)> keywords, JinjaScope scope)
    {
        var args = positional.Select(a => Evaluate(a, scope)).ToList();
        var kwargs = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (name, value) in keywords) kwargs[name] = Evaluate(value, scope);
        return new JinjaArguments(args, kwargs);
    }

    private object? CallValue(object? callee, JinjaArguments args, CallExpr call)
    {
        switch (callee)
        {
            case JinjaCallable callable:
                Tick(call);
                return callable.Invoke(args);
            case JinjaLoop { Recurse: not null } loop:
                return loop.Recurse(args.Get(0, "iterable"));
            case JinjaUndefined undefined:
                var name = undefined.Name.Length > 0 ? undefined.Name : DescribeExpression(call.Callee);
                throw new JinjaTemplateException($"'{name}' is undefined and cannot be called", call.Line, DescribeExpression(call.Callee));
            default:
                throw new JinjaTemplateException($"'{JinjaOps.TypeName(callee)}' object is not callable", call.Line, DescribeExpression(call.Callee));
        }
    }

    private static object? GetAttribute(object? target, string attribute, JinjaExpr at)
    {
        switch (target)
        {
            case JinjaUndefined undefined:
                throw new JinjaTemplateException($"'{(undefined.Name.Length > 0 ? undefined.Name : "value")}' is undefined (reading .{attribute})", at.Line, $"attribute '{attribute}'");
            case JinjaNamespace ns:
                return ns.Attributes.TryGetValue(attribute, out var nsValue) ? nsValue : new JinjaUndefined(attribute);
            case JinjaLoop loop:
                return loop.Fields.TryGetValue(attribute, out var loopValue) ? loopValue : new JinjaUndefined("loop." + attribute);
            case JinjaDict dict:
                if (JinjaMethods.IsDictMethod(attribute)) return JinjaMethods.Bind(dict, attribute);
                return dict.TryGetValue(attribute, out var dictValue) ? dictValue : new JinjaUndefined(attribute);
            case string or List<object?> or JinjaMarkup:
                return (object?)JinjaMethods.Bind(target, attribute) ?? new JinjaUndefined(attribute);
            default:
                return new JinjaUndefined(attribute);
        }
    }

    internal static object? GetItem(object? target, object? index, JinjaExpr? at)
    {
        switch (JinjaOps.Unwrap(target))
        {
            case JinjaUndefined undefined:
                throw new JinjaTemplateException($"'{(undefined.Name.Length > 0 ? undefined.Name : "value")}' is undefined (reading [{JinjaOps.Repr(index)}])", at?.Line ?? 0, "subscript");
            case JinjaDict dict:
                if (index is not null and not JinjaUndefined && dict.TryGetValue(index, out var value)) return value;
                return new JinjaUndefined(JinjaOps.ToStr(index));
            case JinjaNamespace ns when index is string nsKey:
                return ns.Attributes.TryGetValue(nsKey, out var nsValue) ? nsValue : new JinjaUndefined(nsKey);
            case JinjaLoop loop when index is string loopKey:
                return loop.Fields.TryGetValue(loopKey, out var loopValue) ? loopValue : new JinjaUndefined(loopKey);
            case List<object?> list when index is long or bool:
                var i = JinjaOps.ToLong(index);
                if (i < 0) i += list.Count;
                return i >= 0 && i < list.Count ? list[(int)i] : new JinjaUndefined($"[{index}]");
            case string s when index is long or bool:
                var c = JinjaOps.ToLong(index);
                if (c < 0) c += s.Length;
                return c >= 0 && c < s.Length ? s[(int)c].ToString() : new JinjaUndefined($"[{index}]");
            case string or List<object?> when index is string attribute:
                return (object?)JinjaMethods.Bind(target, attribute) ?? new JinjaUndefined(attribute);
            default:
                return new JinjaUndefined(JinjaOps.ToStr(index));
        }
    }

    private object? EvaluateSlice(SliceExpr slice, JinjaScope scope)
    {
        var target = JinjaOps.Unwrap(Evaluate(slice.Target, scope));
        long? Bound(JinjaExpr? e)
        {
            if (e is null) return null;
            var v = Evaluate(e, scope);
            return v is null or JinjaUndefined ? null : JinjaOps.ToLong(v);
        }
        var (start, stop, step) = (Bound(slice.Start), Bound(slice.Stop), Bound(slice.Step) ?? 1);
        return target switch
        {
            List<object?> list => JinjaMethods.SliceIndices(list.Count, start, stop, step).Select(i => list[i]).ToList(),
            string s => string.Concat(JinjaMethods.SliceIndices(s.Length, start, stop, step).Select(i => s[i])),
            _ => throw new JinjaTemplateException($"'{JinjaOps.TypeName(target)}' object cannot be sliced", slice.Line, "slice"),
        };
    }

    private object? EvaluateUnary(UnaryExpr unary, JinjaScope scope)
    {
        var operand = Evaluate(unary.Operand, scope);
        return unary.Operator switch
        {
            "not" => !JinjaOps.IsTruthy(operand),
            "-" => operand is double d ? -d : (object)(-JinjaOps.ToLong(operand)),
            _ => JinjaOps.IsNumber(operand) ? operand : throw new InvalidOperationException($"bad operand type for unary +: {JinjaOps.TypeName(operand)}"),
        };
    }

    private object? EvaluateBinary(BinaryExpr binary, JinjaScope scope)
    {
        var left = Evaluate(binary.Left, scope);
        switch (binary.Operator)
        {
            case "and": return JinjaOps.IsTruthy(left) ? Evaluate(binary.Right, scope) : left;
            case "or": return JinjaOps.IsTruthy(left) ? left : Evaluate(binary.Right, scope);
        }
        var right = Evaluate(binary.Right, scope);
        return binary.Operator switch
        {
            "==" => JinjaOps.Equals(left, right),
            "!=" => !JinjaOps.Equals(left, right),
            "<" => JinjaOps.Compare(left, right) < 0,
            ">" => JinjaOps.Compare(left, right) > 0,
            "<=" => JinjaOps.Compare(left, right) <= 0,
            ">=" => JinjaOps.Compare(left, right) >= 0,
            "in" => JinjaOps.Contains(right, left),
            "not in" => !JinjaOps.Contains(right, left),
            "~" => JinjaOps.ToStr(left) + JinjaOps.ToStr(right),
            _ => JinjaOps.Arithmetic(binary.Operator, left, right),
        };
    }

    private static string DescribeExpression(JinjaExpr expr) => expr switch
    {
        NameExpr n => n.Name,
        AttributeExpr a => DescribeExpression(a.Target) + "." + a.Attribute,
        CallExpr c => DescribeExpression(c.Callee) + "()",
        FilterExpr f => $"filter '{f.Filter.Name}'",
        TestExpr t => $"test '{t.Test}'",
        BinaryExpr b => $"operator '{b.Operator}'",
        UnaryExpr u => $"operator '{u.Operator}'",
        SubscriptExpr s => DescribeExpression(s.Target) + "[...]",
        SliceExpr s => DescribeExpression(s.Target) + "[a:b]",
        _ => "expression",
    };
}
