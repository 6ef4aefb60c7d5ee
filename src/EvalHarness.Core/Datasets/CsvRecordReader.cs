using System.Text;

namespace EvalHarness.Core.Datasets;

/// <summary>
/// RFC 4180 CSV: comma-separated, double-quoted fields may hold commas, newlines and doubled quotes. Yields each
/// row with the line it starts on. An unterminated quote is an error naming the line.
/// </summary>
internal static class CsvRecordReader
{
    public static IEnumerable<(int Line, IReadOnlyList<string> Fields)> Read(TextReader reader, string file)
    {
        var line = 1;
        while (reader.Peek() >= 0)
        {
            var start = line;
            var fields = new List<string>();
            var field = new StringBuilder();
            var quoted = false;
            var atFieldStart = true;
            while (true)
            {
                var next = reader.Read();
                if (next < 0)
                {
                    if (quoted) throw new DatasetFormatException(file, start, "unterminated quoted CSV field");
                    break;
                }
                var c = (char)next;
                if (quoted)
                {
                    if (c == '"')
                    {
                        if (reader.Peek() == '"') { field.Append('"'); reader.Read(); }
                        else quoted = false;
                    }
                    else
                    {
                        if (c == '\n') line++;
                        field.Append(c);
                    }
                    continue;
                }
                if (c == '"' && atFieldStart) { quoted = true; atFieldStart = false; continue; }
                if (c == ',') { fields.Add(field.ToString()); field.Clear(); atFieldStart = true; continue; }
                if (c == '\r' && reader.Peek() == '\n') continue;
                if (c == '\n') { line++; break; }
                field.Append(c);
                atFieldStart = false;
            }
            fields.Add(field.ToString());
            if (fields.Count == 1 && fields[0].Length == 0) continue; // blank line
            yield return (start, fields);
        }
    }
}
