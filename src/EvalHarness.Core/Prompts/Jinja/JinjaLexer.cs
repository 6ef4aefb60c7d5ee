using System.Globalization;
using System.Text;

namespace EvalHarness.Core.Prompts.Jinja;

/// <summary>
/// Splits a template into text and tag tokens, applying whitespace control the way Hugging Face's
/// apply_chat_template configures Jinja2: trim_blocks (drop the first newline after a block or comment tag),
/// lstrip_blocks (drop spaces and tabs before a block or comment tag that starts its line), and the explicit
/// `-` markers that strip all whitespace on their side; `+` after the opening delimiter turns lstrip off.
/// </summary>
internal sealed class JinjaLexer(string source, bool trimBlocks = true, bool lstripBlocks = true, bool keepTrailingNewline = false)
{
    /// <summary>Jinja2 normalises line endings to \n and, unless keep_trailing_newline, drops one final newline.</summary>
    private readonly string source = Normalize(source, keepTrailingNewline);

    private static string Normalize(string text, bool keepTrailingNewline)
    {
        text = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        return !keepTrailingNewline && text.EndsWith('\n') ? text[..^1] : text;
    }

    private readonly List<JinjaToken> _tokens = [];
    private int _pos;
    private int _line = 1;
    private int _textLine = 1;

    public List<JinjaToken> Tokenize()
    {
        var text = new StringBuilder();
        var textStart = 0;
        while (_pos < source.Length)
        {
            var tagStart = FindTagStart(_pos);
            if (tagStart < 0)
            {
                text.Append(source, _pos, source.Length - _pos);
                Advance(source.Length);
                break;
            }
            text.Append(source, _pos, tagStart - _pos);
            var kind = source[tagStart + 1];
            var marker = tagStart + 2 < source.Length ? source[tagStart + 2] : '\0';
            if (marker == '-')
            {
                TrimEndWhitespace(text);
            }
            else if (lstripBlocks && kind != '{' && marker != '+')
            {
                LstripBeforeTag(text, textStart);
            }
            Advance(tagStart);
            EmitText(text);
            var afterOpen = tagStart + 2 + (marker is '-' or '+' ? 1 : 0);
            Advance(afterOpen);
            var trimAfter = kind switch
            {
                '#' => LexComment(),
                '{' => LexTag(JinjaTokenKind.VariableBegin, JinjaTokenKind.VariableEnd, '}'),
                _ => LexTag(JinjaTokenKind.BlockBegin, JinjaTokenKind.BlockEnd, '%'),
            };
            if (trimAfter == TrimAfter.All)
            {
                while (_pos < source.Length && char.IsWhiteSpace(source[_pos])) Advance(_pos + 1);
            }
            else if (trimAfter == TrimAfter.Newline && trimBlocks)
            {
                if (_pos < source.Length && source[_pos] == '\n') Advance(_pos + 1);
                else if (_pos + 1 < source.Length && source[_pos] == '\r' && source[_pos + 1] == '\n') Advance(_pos + 2);
            }
            if (kind == '%' && IsRawBlockStart()) LexRawBody(text);
            textStart = _pos;
            _textLine = _line;
        }
        EmitText(text);
        _tokens.Add(new JinjaToken(JinjaTokenKind.End, "", _line));
        return _tokens;
    }

    private enum TrimAfter { None, Newline, All }

    private int FindTagStart(int from)
    {
        for (var i = from; i < source.Length - 1; i++)
        {
            if (source[i] == '{' && source[i + 1] is '{' or '%' or '#') return i;
        }
        return -1;
    }

    private void Advance(int to)
    {
        for (var i = _pos; i < to; i++) if (source[i] == '\n') _line++;
        _pos = to;
    }

    private void EmitText(StringBuilder text)
    {
        if (text.Length > 0) _tokens.Add(new JinjaToken(JinjaTokenKind.Text, text.ToString(), _textLine));
        text.Clear();
    }

    private static void TrimEndWhitespace(StringBuilder text)
    {
        var end = text.Length;
        while (end > 0 && char.IsWhiteSpace(text[end - 1])) end--;
        text.Length = end;
    }

    /// <summary>lstrip_blocks: drop the spaces and tabs between the line start and a block tag, when only those are there.</summary>
    private void LstripBeforeTag(StringBuilder text, int textStartInSource)
    {
        var i = text.Length;
        while (i > 0 && text[i - 1] is ' ' or '\t') i--;
        var lineStarts = i > 0 ? text[i - 1] == '\n' : textStartInSource == 0 || source[textStartInSource - 1] == '\n';
        if (lineStarts) text.Length = i;
    }

    private TrimAfter LexComment()
    {
        var startLine = _line;
        var end = source.IndexOf("#}", _pos, StringComparison.Ordinal);
        if (end < 0) throw new JinjaTemplateException("comment is never closed with #}", startLine, "{# #}");
        var trim = end > _pos && source[end - 1] == '-';
        Advance(end + 2);
        return trim ? TrimAfter.All : TrimAfter.Newline;
    }

    private TrimAfter LexTag(JinjaTokenKind begin, JinjaTokenKind endKind, char closer)
    {
        var startLine = _line;
        _tokens.Add(new JinjaToken(begin, "", startLine));
        var depth = 0;
        while (true)
        {
            while (_pos < source.Length && char.IsWhiteSpace(source[_pos])) Advance(_pos + 1);
            if (_pos >= source.Length)
            {
                var tag = begin == JinjaTokenKind.VariableBegin ? "{{ }}" : "{% %}";
                throw new JinjaTemplateException($"tag is never closed with {closer}}}", startLine, tag);
            }
            if (depth == 0 && Matches(source, _pos, "-" + closer + "}"))
            {
                Advance(_pos + 3);
                _tokens.Add(new JinjaToken(endKind, "", _line));
                return TrimAfter.All;
            }
            if (depth == 0 && closer == '%' && Matches(source, _pos, "+%}"))
            {
                Advance(_pos + 3);
                _tokens.Add(new JinjaToken(endKind, "", _line));
                return TrimAfter.None;
            }
            if (depth == 0 && Matches(source, _pos, closer + "}"))
            {
                Advance(_pos + 2);
                _tokens.Add(new JinjaToken(endKind, "", _line));
                return endKind == JinjaTokenKind.BlockEnd ? TrimAfter.Newline : TrimAfter.None;
            }
            var token = LexExpressionToken();
            if (token.Kind == JinjaTokenKind.Operator)
            {
                if (token.Value is "(" or "[" or "{") depth++;
                else if (token.Value is ")" or "]" or "}") depth = Math.Max(0, depth - 1);
            }
            _tokens.Add(token);
        }
    }

    private static bool Matches(string s, int at, string what) => string.CompareOrdinal(s, at, what, 0, what.Length) == 0;

    private static readonly string[] Operators =
        ["//", "**", "==", "!=", "<=", ">=", "+", "-", "*", "/", "%", "~", "<", ">", "=", "(", ")", "[", "]", "{", "}", ",", ".", ":", "|"];

    private JinjaToken LexExpressionToken()
    {
        var c = source[_pos];
        var line = _line;
        if (char.IsLetter(c) || c == '_')
        {
            var start = _pos;
            while (_pos < source.Length && (char.IsLetterOrDigit(source[_pos]) || source[_pos] == '_')) _pos++;
            return new JinjaToken(JinjaTokenKind.Name, source[start.._pos], line);
        }
        if (char.IsDigit(c)) return LexNumber(line);
        if (c is '\'' or '"') return LexString(c, line);
        foreach (var op in Operators)
        {
            if (Matches(source, _pos, op))
            {
                _pos += op.Length;
                return new JinjaToken(JinjaTokenKind.Operator, op, line);
            }
        }
        throw new JinjaTemplateException($"unexpected character '{c}'", line, "expression");
    }

    private JinjaToken LexNumber(int line)
    {
        var start = _pos;
        var isFloat = false;
        while (_pos < source.Length && (char.IsDigit(source[_pos]) || source[_pos] == '_')) _pos++;
        if (_pos + 1 < source.Length && source[_pos] == '.' && char.IsDigit(source[_pos + 1]))
        {
            isFloat = true;
            _pos++;
            while (_pos < source.Length && char.IsDigit(source[_pos])) _pos++;
        }
        if (_pos < source.Length && source[_pos] is 'e' or 'E'
            && _pos + 1 < source.Length && (char.IsDigit(source[_pos + 1]) || (source[_pos + 1] is '+' or '-' && _pos + 2 < source.Length && char.IsDigit(source[_pos + 2]))))
        {
            isFloat = true;
            _pos += 2;
            while (_pos < source.Length && char.IsDigit(source[_pos])) _pos++;
        }
        var text = source[start.._pos].Replace("_", "");
        return new JinjaToken(isFloat ? JinjaTokenKind.Float : JinjaTokenKind.Integer, text, line);
    }

    private JinjaToken LexString(char quote, int line)
    {
        var sb = new StringBuilder();
        _pos++;
        while (true)
        {
            if (_pos >= source.Length) throw new JinjaTemplateException("string literal is never closed", line, "string");
            var c = source[_pos];
            if (c == quote) { _pos++; break; }
            if (c == '\n') _line++;
            if (c != '\\' || _pos + 1 >= source.Length) { sb.Append(c); _pos++; continue; }
            var next = source[_pos + 1];
            _pos += 2;
            switch (next)
            {
                case 'n': sb.Append('\n'); break;
                case 't': sb.Append('\t'); break;
                case 'r': sb.Append('\r'); break;
                case 'b': sb.Append('\b'); break;
                case 'f': sb.Append('\f'); break;
                case '0': sb.Append('\0'); break;
                case '\\': sb.Append('\\'); break;
                case '\'': sb.Append('\''); break;
                case '"': sb.Append('"'); break;
                case '\n': _line++; break;
                case 'x': sb.Append(ParseHex(2)); break;
                case 'u': sb.Append(ParseHex(4)); break;
                case 'U': sb.Append(char.ConvertFromUtf32(int.Parse(source.AsSpan(_pos, 8), NumberStyles.HexNumber, CultureInfo.InvariantCulture))); _pos += 8; break;
                default: sb.Append('\\').Append(next); break;
            }
        }
        return new JinjaToken(JinjaTokenKind.String, sb.ToString(), line);
    }

    private char ParseHex(int digits)
    {
        if (_pos + digits > source.Length) throw new JinjaTemplateException("truncated escape in string literal", _line, "string");
        var value = int.Parse(source.AsSpan(_pos, digits), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        _pos += digits;
        return (char)value;
    }

    /// <summary>The tokens just lexed were `{% raw %}`.</summary>
    private bool IsRawBlockStart()
    {
        var n = _tokens.Count;
        return n >= 3 && _tokens[n - 1].Kind == JinjaTokenKind.BlockEnd && _tokens[n - 2].IsName("raw")
            && _tokens[n - 3].Kind == JinjaTokenKind.BlockBegin;
    }

    /// <summary>Everything up to `{% endraw %}` is text; the raw tag tokens themselves are dropped.</summary>
    private void LexRawBody(StringBuilder text)
    {
        var startLine = _line;
        _tokens.RemoveRange(_tokens.Count - 3, 3);
        var search = _pos;
        while (true)
        {
            var open = source.IndexOf("{%", search, StringComparison.Ordinal);
            if (open < 0) throw new JinjaTemplateException("{% raw %} is never closed with {% endraw %}", startLine, "{% raw %}");
            var inner = open + 2;
            var stripBefore = inner < source.Length && source[inner] == '-';
            if (stripBefore || (inner < source.Length && source[inner] == '+')) inner++;
            while (inner < source.Length && char.IsWhiteSpace(source[inner])) inner++;
            if (!Matches(source, inner, "endraw")) { search = open + 2; continue; }
            var close = source.IndexOf("%}", inner, StringComparison.Ordinal);
            if (close < 0) throw new JinjaTemplateException("{% endraw %} is never closed", _line, "{% raw %}");
            text.Append(source, _pos, open - _pos);
            if (stripBefore) TrimEndWhitespace(text);
            var stripAfter = source[close - 1] == '-';
            Advance(close + 2);
            if (stripAfter) while (_pos < source.Length && char.IsWhiteSpace(source[_pos])) Advance(_pos + 1);
            else if (trimBlocks && _pos < source.Length && source[_pos] == '\n') Advance(_pos + 1);
            return;
        }
    }
}
