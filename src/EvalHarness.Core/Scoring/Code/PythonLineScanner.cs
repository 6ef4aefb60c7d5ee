namespace EvalHarness.Core.Scoring.Code;

/// <summary>
/// A small Python lexer that works one line at a time and carries its state across lines: open triple-quoted
/// strings, bracket depth, backslash continuations. It reports the identifiers it sees outside strings and
/// comments (inside f-string braces too), which is what the sanitiser needs to follow dependencies. It is
/// forgiving on purpose: an unterminated single-quoted string (an apostrophe in prose) ends at the end of its line.
/// </summary>
internal sealed class PythonLineScanner
{
    private string? _openTriple;
    private bool _openTripleIsFormat;

    public int BracketDepth { get; private set; }
    public bool InsideTripleString => _openTriple is not null;
    public bool Continues { get; private set; }

    /// <summary>True when the next line continues a statement (open bracket, open string, trailing backslash).</summary>
    public bool InsideStatement => InsideTripleString || BracketDepth > 0 || Continues;

    /// <summary>Forget any open construct: used when a line clearly starts a new statement despite it.</summary>
    public void Reset()
    {
        _openTriple = null;
        BracketDepth = 0;
        Continues = false;
    }

    public void Scan(string line, ISet<string> identifiers)
    {
        Continues = false;
        var i = 0;
        while (i < line.Length)
        {
            if (_openTriple is not null)
            {
                i = ScanStringBody(line, i, _openTriple, _openTripleIsFormat, identifiers, out var closed);
                if (closed) _openTriple = null;
                continue;
            }
            var c = line[i];
            if (c == '#') return;
            if (TryStringStart(line, i, out var prefixLength, out var format))
            {
                var quoteAt = i + prefixLength;
                var quote = line[quoteAt];
                var triple = quoteAt + 2 < line.Length && line[quoteAt + 1] == quote && line[quoteAt + 2] == quote;
                var delimiter = triple ? new string(quote, 3) : quote.ToString();
                i = ScanStringBody(line, quoteAt + delimiter.Length, delimiter, format, identifiers, out var closed);
                if (!closed && triple)
                {
                    _openTriple = delimiter;
                    _openTripleIsFormat = format;
                }
                continue;
            }
            if (char.IsLetter(c) || c == '_')
            {
                var end = i;
                while (end < line.Length && (char.IsLetterOrDigit(line[end]) || line[end] == '_')) end++;
                identifiers.Add(line[i..end]);
                i = end;
                continue;
            }
            if (c is '(' or '[' or '{') BracketDepth++;
            else if (c is ')' or ']' or '}') BracketDepth = Math.Max(0, BracketDepth - 1);
            else if (c == '\\' && i == line.Length - 1) Continues = true;
            i++;
        }
    }

    /// <summary>A string literal starts here: optional prefix (r, b, u, f and pairs of them) and a quote. Raw strings
    /// need no special case: a backslash still keeps the next quote from closing them.</summary>
    private static bool TryStringStart(string line, int i, out int prefixLength, out bool format)
    {
        prefixLength = 0;
        format = false;
        var j = i;
        while (j < line.Length && j - i < 2 && "rRbBuUfF".Contains(line[j], StringComparison.Ordinal)) j++;
        if (j >= line.Length || (line[j] != '"' && line[j] != '\'')) return false;
        if (j > i && i > 0 && (char.IsLetterOrDigit(line[i - 1]) || line[i - 1] == '_')) return false;
        var prefix = line[i..j].ToLowerInvariant();
        prefixLength = j - i;
        format = prefix.Contains('f', StringComparison.Ordinal);
        return true;
    }

    /// <summary>Scans string contents from <paramref name="i"/>; returns the index after the closing delimiter or the line's end.</summary>
    private static int ScanStringBody(string line, int i, string delimiter, bool format, ISet<string> identifiers, out bool closed)
    {
        var braceDepth = 0;
        while (i < line.Length)
        {
            var c = line[i];
            if (c == '\\' && i + 1 < line.Length) { i += 2; continue; }
            if (braceDepth == 0 && string.CompareOrdinal(line, i, delimiter, 0, delimiter.Length) == 0)
            {
                closed = true;
                return i + delimiter.Length;
            }
            if (format && c == '{')
            {
                if (braceDepth == 0 && i + 1 < line.Length && line[i + 1] == '{') { i += 2; continue; }
                braceDepth++;
            }
            else if (format && c == '}' && braceDepth > 0) braceDepth--;
            else if (braceDepth > 0 && (char.IsLetter(c) || c == '_'))
            {
                var end = i;
                while (end < line.Length && (char.IsLetterOrDigit(line[end]) || line[end] == '_')) end++;
                identifiers.Add(line[i..end]);
                i = end;
                continue;
            }
            i++;
        }
        closed = false;
        return line.Length;
    }
}
