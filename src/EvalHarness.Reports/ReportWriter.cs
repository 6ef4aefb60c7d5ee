using System.Text;
using EvalHarness.Reports.Charts;

namespace EvalHarness.Reports;

/// <summary>Writes report.md and its SVG charts into a run directory (overwriting earlier ones: `report` regenerates).</summary>
public static class ReportWriter
{
    public const string ReportFileName = "report.md";

    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>The paths written: report.md first, then one SVG per chart the data supports.</summary>
    public static IReadOnlyList<string> Write(string runDirectory, ReportData data)
    {
        Directory.CreateDirectory(runDirectory);
        var paths = new List<string>();
        var reportPath = Path.Combine(runDirectory, ReportFileName);
        WriteAtomically(reportPath, MarkdownReport.Render(data));
        paths.Add(reportPath);
        foreach (var chart in ReportCharts.For(data))
        {
            var path = Path.Combine(runDirectory, chart.FileName);
            WriteAtomically(path, chart.Svg);
            paths.Add(path);
        }
        return paths;
    }

    /// <summary>Write to a temporary file then move it into place, so a killed process never leaves half a report.</summary>
    private static void WriteAtomically(string path, string content)
    {
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, content, Utf8NoBom);
        File.Move(temporary, path, overwrite: true);
    }
}
