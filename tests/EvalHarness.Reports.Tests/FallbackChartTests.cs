using System.Xml.Linq;
using EvalHarness.Core.Runs;
using EvalHarness.Reports.Charts;

namespace EvalHarness.Reports.Tests;

/// <summary>A run with no frontier benchmark still gets both charts: the published frontier and its own categories.</summary>
public sealed class FallbackChartTests
{
    [Fact]
    public void Without_a_comparison_the_published_frontier_and_the_runs_own_categories_are_charted_and_linked()
    {
        var categories = new[] { new RunCategoryScore("knowledge", 0.25, 0.05, ["smoke_knowledge"]), new RunCategoryScore("reasoning", 0.6, 0.1, ["smoke_reasoning"]) };
        var data = Fixtures.WithoutComposite() with { RunCategories = categories };

        var charts = ReportCharts.For(data).ToDictionary(c => c.FileName);
        var markdown = MarkdownReport.Render(data);

        var frontier = XDocument.Parse(charts[ReportCharts.FrontierFile].Svg);
        var published = Fixtures.Table().PublishedIndexPoints();
        Assert.NotEmpty(published);
        var plotted = frontier.Descendants().Where(e => e.Attribute("data-model") is not null).ToArray();
        Assert.Equal(published.Select(p => p.Model).Order(), plotted.Select(e => e.Attribute("data-model")!.Value).Order());
        var bars = XDocument.Parse(charts[ReportCharts.CategoriesFile].Svg).Descendants().Where(e => e.Attribute("data-value") is not null).ToArray();
        Assert.Equal(["25.0", "60.0"], bars.Select(b => b.Attribute("data-value")!.Value).Order());
        Assert.Contains($"]({ReportCharts.FrontierFile})", markdown);
        Assert.Contains($"]({ReportCharts.CategoriesFile})", markdown);
    }
}
