using System.Text;

namespace EvalHarness.Reports.Markdown;

/// <summary>
/// A GitHub pipe table. Cells are given already formatted (use <see cref="MarkdownText.Cell"/> for outside text);
/// columns are padded so the table also lines up as plain text.
/// </summary>
public sealed class MarkdownTable
{
    private readonly string[] _headers;
    private readonly bool[] _rightAligned;
    private readonly List<string[]> _rows = [];

    /// <param name="headers">Column headers; a header ending in ":" is right-aligned (numbers), the colon is dropped.</param>
    public MarkdownTable(params string[] headers)
    {
        _rightAligned = headers.Select(h => h.EndsWith(':')).ToArray();
        _headers = headers.Select(h => h.TrimEnd(':')).ToArray();
    }

    public int RowCount => _rows.Count;

    public MarkdownTable Row(params string[] cells)
    {
        if (cells.Length != _headers.Length)
        {
            throw new ArgumentException($"row has {cells.Length} cells, the table has {_headers.Length} columns", nameof(cells));
        }
        _rows.Add(cells.Select(c => string.IsNullOrEmpty(c) ? "—" : c).ToArray());
        return this;
    }

    public override string ToString()
    {
        var widths = Enumerable.Range(0, _headers.Length)
            .Select(i => Math.Max(3, _rows.Select(r => r[i].Length).Append(_headers[i].Length).Max()))
            .ToArray();
        var builder = new StringBuilder();
        AppendLine(builder, _headers, widths);
        builder.Append('|');
        for (var i = 0; i < widths.Length; i++)
        {
            builder.Append(' ').Append(new string('-', widths[i] - 1)).Append(_rightAligned[i] ? ':' : '-').Append(" |");
        }
        builder.Append('\n');
        foreach (var row in _rows) AppendLine(builder, row, widths);
        return builder.ToString();
    }

    private void AppendLine(StringBuilder builder, string[] cells, int[] widths)
    {
        builder.Append('|');
        for (var i = 0; i < cells.Length; i++)
        {
            var cell = _rightAligned[i] ? cells[i].PadLeft(widths[i]) : cells[i].PadRight(widths[i]);
            builder.Append(' ').Append(cell).Append(" |");
        }
        builder.Append('\n');
    }
}
