using System.Xml.Linq;
using EvalHarness.Reports.Charts;
using EvalHarness.Testing;

namespace EvalHarness.Reports.Tests;

public class ReportWriterTests
{
    [Fact]
    public void Writes_the_report_and_every_chart_it_links()
    {
        using var directory = TestPaths.NewTempDirectory();
        var data = Fixtures.Full();
        var paths = ReportWriter.Write(directory.Path, data);

        Assert.Equal(Path.Combine(directory.Path, "report.md"), paths[0]);
        Assert.Equal(MarkdownReport.Render(data), File.ReadAllText(paths[0]));
        var links = MarkdownQueries.ImageUrls(MarkdownQueries.Parse(File.ReadAllText(paths[0])));
        Assert.Equal(links.Order(), paths.Skip(1).Select(Path.GetFileName).Order());
        foreach (var svg in paths.Skip(1))
        {
            Assert.NotNull(XDocument.Load(svg).Root);
        }
        Assert.Empty(Directory.GetFiles(directory.Path, "*.tmp"));
    }

    [Fact]
    public void Regenerating_overwrites_and_a_report_without_comparison_charts_only_the_published_frontier()
    {
        using var directory = TestPaths.NewTempDirectory();
        ReportWriter.Write(directory.Path, Fixtures.Full());
        var paths = ReportWriter.Write(directory.Path, Fixtures.WithoutComposite("no frontier benchmark was run"));

        Assert.Equal([Path.Combine(directory.Path, "report.md"), Path.Combine(directory.Path, ReportCharts.FrontierFile)], paths);
        Assert.Contains("no frontier benchmark was run", File.ReadAllText(paths[0]));
        Assert.Contains("published values", File.ReadAllText(paths[1]));
        Assert.Equal([ReportCharts.FrontierFile], ReportCharts.For(Fixtures.WithoutComposite()).Select(c => c.FileName));
    }
}
