using System.Text;

namespace EvalHarness.Core.Prompts.Jinja;

/// <summary>
/// Executes a parsed template. Budgets keep a malformed or hostile template from hanging the harness: a step
/// budget (loop iterations, nodes, macro calls), a macro recursion depth and an output size cap, each ending the
/// render with a <see cref="JinjaTemplateException"/> naming the construct and line.
/// </summary>
internal sealed partial class JinjaRenderer
{
    private readonly JinjaOptions _options;
    private long _steps;
    private int _depth;

    public JinjaRenderer(JinjaOptions options) => _options = options;

    private enum Flow { Normal, Break, Continue }

    public string Render(IReadOnlyList<JinjaNode> nodes, JinjaScope globals)
    {
        var output = new StringBuilder();
        var flow = Execute(nodes, new JinjaScope(globals), output);
        if (flow != Flow.Normal) throw new JinjaTemplateException("break/continue outside a for loop", 0, "{% break %}");
        return output.ToString();
    }

    private void Tick(JinjaNode node)
    {
        if (++_steps > _options.MaxSteps)
        {
            throw new JinjaTemplateException($"render exceeded {_options.MaxSteps} steps (a runaway loop?)", node.Line, Describe(node));
        }
    }

    private Flow Execute(IReadOnlyList<JinjaNode> nodes, JinjaScope scope, StringBuilder output)
    {
        foreach (var node in nodes)
        {
            Tick(node);
            var flow = ExecuteNode(node, scope, output);
            if (flow != Flow.Normal) return flow;
            if (output.Length > _options.MaxOutputChars)
            {
                throw new JinjaTemplateException($"output exceeded {_options.MaxOutputChars} characters", node.Line, Describe(node));
            }
        }
        return Flow.Normal;
    }

    private Flow ExecuteNode(JinjaNode node, JinjaScope scope, StringBuilder output)
    {
        switch (node)
        {
            case TextNode text: output.Append(text.Text); return Flow.Normal;
            case OutputNode o: output.Append(JinjaOps.ToStr(Evaluate(o.Expression, scope))); return Flow.Normal;
            case IfNode ifNode: return ExecuteIf(ifNode, scope, output);
            case ForNode forNode: ExecuteFor(forNode, scope, output); return Flow.Normal;
            case SetNode set: Assign(set.Target, Evaluate(set.Value, scope), scope, set.Line); return Flow.Normal;
            case SetBlockNode setBlock: ExecuteSetBlock(setBlock, scope); return Flow.Normal;
            case MacroNode macro: scope.Set(macro.Name, MakeMacro(macro, scope)); return Flow.Normal;
            case CallBlockNode call: output.Append(JinjaOps.ToStr(ExecuteCallBlock(call, scope))); return Flow.Normal;
            case FilterBlockNode filter: output.Append(JinjaOps.ToStr(ExecuteFilterBlock(filter, scope))); return Flow.Normal;
            case ScopeNode block: return Execute(block.Body, scope, output);
            case DoNode doNode: Evaluate(doNode.Expression, scope); return Flow.Normal;
            case BreakNode: return Flow.Break;
            case ContinueNode: return Flow.Continue;
            default: throw new JinjaTemplateException($"cannot execute {node.GetType().Name}", node.Line, "statement");
        }
    }

    private Flow ExecuteIf(IfNode node, JinjaScope scope, StringBuilder output)
    {
        foreach (var (condition, body) in node.Branches)
        {
            if (JinjaOps.IsTruthy(Evaluate(condition, scope))) return Execute(body, scope, output);
        }
        return node.Else is null ? Flow.Normal : Execute(node.Else, scope, output);
    }

    private void ExecuteFor(ForNode node, JinjaScope scope, StringBuilder output)
    {
        var iterable = Evaluate(node.Iterable, scope);
        RenderLoop(node, iterable, scope, output, depth: 1);
    }

    private void RenderLoop(ForNode node, object? iterable, JinjaScope scope, StringBuilder output, int depth)
    {
        List<object?> items;
        try
        {
            items = JinjaOps.Iterate(iterable).ToList();
        }
        catch (InvalidOperationException e)
        {
            throw new JinjaTemplateException(e.Message, node.Line, "{% for %}");
        }
        if (node.Filter is not null)
        {
            items = items.Where(item =>
            {
                var filterScope = new JinjaScope(scope);
                Assign(node.Target, item, filterScope, node.Line);
                return JinjaOps.IsTruthy(Evaluate(node.Filter, filterScope));
            }).ToList();
        }
        if (items.Count == 0)
        {
            if (node.Else is not null) Execute(node.Else, new JinjaScope(scope), output);
            return;
        }
        for (var i = 0; i < items.Count; i++)
        {
            Tick(node);
            var body = new JinjaScope(scope);
            var loop = new JinjaLoop
            {
                Recurse = node.Recursive ? children => RenderRecursive(node, children, scope, depth + 1) : null,
            };
            FillLoopFields(loop.Fields, items, i, depth);
            body.Set("loop", loop);
            Assign(node.Target, items[i], body, node.Line);
            if (Execute(node.Body, body, output) == Flow.Break) break;
        }
    }

    private string RenderRecursive(ForNode node, object? children, JinjaScope scope, int depth)
    {
        if (depth > _options.MaxRecursionDepth)
        {
            throw new JinjaTemplateException($"recursive loop nested deeper than {_options.MaxRecursionDepth}", node.Line, "{% for recursive %}");
        }
        var output = new StringBuilder();
        RenderLoop(node, children, scope, output, depth);
        return output.ToString();
    }

    private static void FillLoopFields(JinjaDict fields, List<object?> items, int i, int depth)
    {
        var count = items.Count;
        fields["index"] = (long)(i + 1);
        fields["index0"] = (long)i;
        fields["revindex"] = (long)(count - i);
        fields["revindex0"] = (long)(count - i - 1);
        fields["first"] = i == 0;
        fields["last"] = i == count - 1;
        fields["length"] = (long)count;
        fields["depth"] = (long)depth;
        fields["depth0"] = (long)(depth - 1);
        fields["previtem"] = i > 0 ? items[i - 1] : new JinjaUndefined("loop.previtem");
        fields["nextitem"] = i < count - 1 ? items[i + 1] : new JinjaUndefined("loop.nextitem");
        fields["cycle"] = new JinjaCallable("loop.cycle", args =>
            args.Positional.Count == 0 ? throw new InvalidOperationException("loop.cycle() needs at least one argument") : args.Positional[i % args.Positional.Count]);
    }

    private void Assign(JinjaExpr target, object? value, JinjaScope scope, int line)
    {
        switch (target)
        {
            case NameExpr name:
                scope.Set(name.Name, value);
                return;
            case AttributeExpr { Target: NameExpr owner } attribute:
                if (!scope.TryGet(owner.Name, out var holder) || holder is not JinjaNamespace ns)
                {
                    throw new JinjaTemplateException($"cannot assign attribute on '{owner.Name}': only a namespace() accepts `set {owner.Name}.{attribute.Attribute} = ...`", line, "{% set %}");
                }
                ns.Attributes[attribute.Attribute] = value;
                return;
            case ListExpr tuple:
                var items = JinjaOps.Iterate(value).ToList();
                if (items.Count != tuple.Items.Count)
                {
                    throw new JinjaTemplateException($"cannot unpack {items.Count} values into {tuple.Items.Count} names", line, "tuple unpacking");
                }
                for (var i = 0; i < items.Count; i++) Assign(tuple.Items[i], items[i], scope, line);
                return;
            default:
                throw new JinjaTemplateException("cannot assign to this expression", line, "{% set %}");
        }
    }

    private void ExecuteSetBlock(SetBlockNode node, JinjaScope scope)
    {
        var output = new StringBuilder();
        Execute(node.Body, new JinjaScope(scope), output);
        object? value = output.ToString();
        foreach (var filter in node.Filters) value = ApplyFilter(filter, value, scope);
        Assign(node.Target, value, scope, node.Line);
    }

    private object? ExecuteFilterBlock(FilterBlockNode node, JinjaScope scope)
    {
        var output = new StringBuilder();
        Execute(node.Body, new JinjaScope(scope), output);
        object? value = output.ToString();
        foreach (var filter in node.Filters) value = ApplyFilter(filter, value, scope);
        return value;
    }

    private JinjaCallable MakeMacro(MacroNode macro, JinjaScope definingScope) =>
        new(macro.Name, args => InvokeMacro(macro.Name, macro.Parameters, macro.Body, macro.Line, definingScope, args));

    private string InvokeMacro(string name, IReadOnlyList<(string Name, JinjaExpr? Default)> parameters, IReadOnlyList<JinjaNode> body,
        int line, JinjaScope definingScope, JinjaArguments args)
    {
        if (++_depth > _options.MaxRecursionDepth)
        {
            throw new JinjaTemplateException($"macro calls nested deeper than {_options.MaxRecursionDepth} (infinite recursion?)", line, $"macro '{name}'");
        }
        try
        {
            var scope = new JinjaScope(definingScope);
            var extra = new List<object?>();
            for (var i = 0; i < args.Positional.Count; i++)
            {
                if (i < parameters.Count) scope.Set(parameters[i].Name, args.Positional[i]);
                else extra.Add(args.Positional[i]);
            }
            var extraKeywords = new JinjaDict();
            foreach (var (key, value) in args.Keywords)
            {
                if (key == "caller" || parameters.Any(p => p.Name == key)) scope.Set(key, value);
                else extraKeywords[key] = value;
            }
            for (var i = args.Positional.Count; i < parameters.Count; i++)
            {
                var p = parameters[i];
                if (args.Keywords.ContainsKey(p.Name)) continue;
                scope.Set(p.Name, p.Default is null ? new JinjaUndefined(p.Name) : Evaluate(p.Default, scope));
            }
            scope.Set("varargs", extra);
            scope.Set("kwargs", extraKeywords);
            var output = new StringBuilder();
            Execute(body, scope, output);
            return output.ToString();
        }
        finally
        {
            if (_depth > 0) _depth--;
        }
    }

    private object? ExecuteCallBlock(CallBlockNode node, JinjaScope scope)
    {
        var caller = new JinjaCallable("caller", args =>
            InvokeMacro("caller", node.CallerParameters, node.Body, node.Line, scope, args));
        var call = node.Call;
        var callee = Evaluate(call.Callee, scope);
        var args = EvaluateArguments(call.Arguments, call.Keywords, scope);
        var keywords = new Dictionary<string, object?>(args.Keywords) { ["caller"] = caller };
        return CallValue(callee, new JinjaArguments(args.Positional, keywords), call);
    }

    private static string Describe(JinjaNode node) => node switch
    {
        IfNode => "{% if %}",
        ForNode => "{% for %}",
        SetNode or SetBlockNode => "{% set %}",
        MacroNode m => $"{{% macro {m.Name} %}}",
        CallBlockNode => "{% call %}",
        FilterBlockNode => "{% filter %}",
        OutputNode => "{{ }}",
        TextNode => "text",
        _ => "expression",
    };
}
