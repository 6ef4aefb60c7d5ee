using System.Text;
using System.Text.Json.Nodes;

namespace EvalHarness.Core.Prompts;

/// <summary>
/// A prompt template in the task files' small substitution language: literal text with <c>{path}</c> or
/// <c>{path|filter|filter:argument}</c> placeholders, <c>{{</c> and <c>}}</c> for literal braces. A path is a
/// dotted field path into the record (<c>question.stem</c>) or a derived value starting with <c>@</c>
/// (<c>@group</c>, <c>@choices</c>, <c>@target</c>, <c>@target_label</c>, <c>@id</c>). Filters are listed in
/// <see cref="TemplateFilters"/>. Parsed once when the task loads, so a typo fails at load time, not mid-run.
/// </summary>
public sealed class PromptTemplate
{
    private readonly IReadOnlyList<Part> _parts;

    private PromptTemplate(string source, IReadOnlyList<Part> parts)
    {
        Source = source;
        _parts = parts;
    }

    public string Source { get; }

    /// <summary>The field paths the template reads (for validation and documentation).</summary>
    public IEnumerable<string> Paths => _parts.OfType<Placeholder>().Select(p => p.Path);

    public static PromptTemplate Empty { get; } = new("", []);

    /// <exception cref="FormatException">Unbalanced braces, an empty path or an unknown filter.</exception>
    public static PromptTemplate Parse(string source)
    {
        var parts = new List<Part>();
        var literal = new StringBuilder();
        for (var i = 0; i < source.Length; i++)
        {
            var c = source[i];
            if (c == '{' && i + 1 < source.Length && source[i + 1] == '{') { literal.Append('{'); i++; continue; }
            if (c == '}' && i + 1 < source.Length && source[i + 1] == '}') { literal.Append('}'); i++; continue; }
            if (c == '}') throw new FormatException($"unmatched '}}' at character {i + 1} (write '}}}}' for a literal brace)");
            if (c != '{') { literal.Append(c); continue; }

            var end = source.IndexOf('}', i + 1);
            if (end < 0) throw new FormatException($"unclosed '{{' at character {i + 1} (write '{{{{' for a literal brace)");
            if (literal.Length > 0) { parts.Add(new Literal(literal.ToString())); literal.Clear(); }
            parts.Add(ParsePlaceholder(source[(i + 1)..end], i + 1));
            i = end;
        }
        if (literal.Length > 0) parts.Add(new Literal(literal.ToString()));
        return new PromptTemplate(source, parts);
    }

    /// <summary>Renders against one record; <paramref name="resolve"/> looks up a path (null when absent).</summary>
    /// <exception cref="TemplateRenderException">A path is missing or a filter cannot apply to its value.</exception>
    public string Render(Func<string, JsonNode?> resolve)
    {
        var text = new StringBuilder();
        foreach (var part in _parts)
        {
            switch (part)
            {
                case Literal literal:
                    text.Append(literal.Text);
                    break;
                case Placeholder placeholder:
                    text.Append(TemplateFilters.AsText(RenderValue(placeholder, resolve), placeholder.Source));
                    break;
            }
        }
        return text.ToString();
    }

    /// <summary>Renders a template that must be exactly one placeholder and yields a list (a choices expression).</summary>
    public IReadOnlyList<string>? RenderList(Func<string, JsonNode?> resolve)
    {
        if (_parts is not [Placeholder placeholder]) return null;
        var value = RenderValue(placeholder, resolve);
        return value is JsonArray array
            ? array.Select(item => TemplateFilters.AsText(item, placeholder.Source)).ToArray()
            : null;
    }

    public bool IsSinglePlaceholder => _parts is [Placeholder];

    private static JsonNode? RenderValue(Placeholder placeholder, Func<string, JsonNode?> resolve)
    {
        var value = resolve(placeholder.Path)
            ?? throw new TemplateRenderException($"{{{placeholder.Source}}}: the record has no field '{placeholder.Path}'");
        foreach (var (name, argument) in placeholder.Filters)
        {
            value = TemplateFilters.Apply(name, argument, value, placeholder.Source);
        }
        return value;
    }

    private static Placeholder ParsePlaceholder(string body, int position)
    {
        var pieces = body.Split('|');
        var path = pieces[0].Trim();
        if (path.Length == 0) throw new FormatException($"empty placeholder at character {position}");
        var filters = new List<(string, string?)>();
        foreach (var piece in pieces.Skip(1))
        {
            var colon = piece.IndexOf(':');
            var name = (colon < 0 ? piece : piece[..colon]).Trim();
            var argument = colon < 0 ? null : piece[(colon + 1)..];
            if (!TemplateFilters.Names.Contains(name))
            {
                throw new FormatException($"unknown filter '{name}' in {{{body}}} (known: {string.Join(", ", TemplateFilters.Names)})");
            }
            if (TemplateFilters.NeedsArgument(name) && argument is null)
            {
                throw new FormatException($"filter '{name}' in {{{body}}} needs an argument ({name}:...)");
            }
            filters.Add((name, argument));
        }
        return new Placeholder(body, path, filters);
    }

    private abstract record Part;
    private sealed record Literal(string Text) : Part;
    private sealed record Placeholder(string Source, string Path, IReadOnlyList<(string Name, string? Argument)> Filters) : Part;
}
