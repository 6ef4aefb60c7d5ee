using System.Globalization;
using System.Xml.Linq;
using EvalHarness.Reports.Charts;

namespace EvalHarness.Reports.Tests;

public class ChartTests
{
    private static readonly XNamespace Ns = "http://www.w3.org/2000/svg";

    private static XElement Parse(string svg)
    {
        var root = XDocument.Parse(svg).Root!;
        Assert.Equal(Ns + "svg", root.Name);
        return root;
    }

    private static string OneDecimal(double value) => value.ToString("0.0", CultureInfo.InvariantCulture);

    private static void AssertTitledWithAxes(XElement root, string xLabel, string yLabel)
    {
        var title = root.Element(Ns + "title");
        Assert.NotNull(title);
        Assert.False(string.IsNullOrWhiteSpace(title.Value));
        Assert.Equal(xLabel, root.Descendants(Ns + "text").Single(t => (string?)t.Attribute("class") == "x-axis-label").Value);
        Assert.Equal(yLabel, root.Descendants(Ns + "text").Single(t => (string?)t.Attribute("class") == "y-axis-label").Value);
    }

    [Fact]
    public void Frontier_chart_parses_and_plots_every_compared_model_and_this_model_with_its_interval()
    {
        var data = Fixtures.Full(modelName: "Evil <model> & \"friends\"");
        var comparison = data.Comparison!;
        var root = Parse(FrontierChart.Render(comparison, data.Months!, data.Model.Name));
        AssertTitledWithAxes(root, "release date", "index (reference = 100)");

        var plotted = root.Descendants(Ns + "circle").Where(c => c.Attribute("data-index") is not null)
            .ToDictionary(c => (string)c.Attribute("data-model")!, c => ((string)c.Attribute("data-date")!, (string)c.Attribute("data-index")!));
        Assert.Equal(comparison.Frontier.Count, plotted.Count);
        foreach (var model in comparison.Frontier)
        {
            Assert.Equal((model.Model.Released.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), OneDecimal(model.Index)), plotted[model.Model.Name]);
        }

        var local = root.Descendants(Ns + "g").Single(g => (string?)g.Attribute("class") == "this-model");
        var index = comparison.LocalIndex;
        Assert.Equal(data.Model.Name, (string)local.Attribute("data-model")!);
        Assert.Equal("2025-07-15", (string)local.Attribute("data-date")!);
        Assert.Equal(OneDecimal(index.Value), (string)local.Attribute("data-index")!);
        Assert.Equal(OneDecimal(index.Value - 1.96 * index.StandardError), (string)local.Attribute("data-ci-low")!);
        Assert.Equal(OneDecimal(index.Value + 1.96 * index.StandardError), (string)local.Attribute("data-ci-high")!);
        Assert.Contains(local.Descendants(Ns + "text"), t => t.Value.Contains(OneDecimal(index.Value)));
    }

    [Fact]
    public void Frontier_envelope_is_a_step_line_through_the_record_setters_only()
    {
        var data = Fixtures.Full();
        var root = Parse(FrontierChart.Render(data.Comparison!, data.Months!, data.Model.Name));
        var polyline = root.Descendants(Ns + "g").Single(g => (string?)g.Attribute("class") == "frontier-envelope").Element(Ns + "polyline")!;
        var points = ((string)polyline.Attribute("points")!).Split(' ')
            .Select(p => p.Split(',').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray()).ToArray();

        // Records by date: each raises the best-so-far index.
        var records = new List<double>();
        foreach (var model in data.Comparison!.Frontier.OrderBy(f => f.Model.Released).ThenByDescending(f => f.Index))
        {
            if (records.Count == 0 || model.Index > records[^1]) records.Add(model.Index);
        }
        // A step line: first point, then (horizontal to the next date, vertical up) per further record, then to the right edge.
        Assert.Equal(1 + 2 * (records.Count - 1) + 1, points.Length);
        for (var i = 1; i < points.Length; i++)
        {
            Assert.True(points[i][0] >= points[i - 1][0], "x never goes back in time");
            Assert.True(points[i][1] <= points[i - 1][1], "y pixel never goes down (the frontier never falls)");
            Assert.True(points[i][0] == points[i - 1][0] || points[i][1] == points[i - 1][1], "segments are horizontal or vertical");
        }
    }

    [Fact]
    public void Category_chart_shows_both_series_values_for_every_category()
    {
        var data = Fixtures.Full();
        var chart = ReportCharts.For(data).Single(c => c.FileName == ReportCharts.CategoriesFile);
        var root = Parse(chart.Svg);
        AssertTitledWithAxes(root, "category", "score (%)");
        var bars = root.Descendants(Ns + "g").Where(g => (string?)g.Attribute("class") == "bar")
            .ToDictionary(g => ((string)g.Attribute("data-series")!, (string)g.Attribute("data-category")!), g => (string)g.Attribute("data-value")!);

        var comparison = data.Comparison!;
        Assert.Equal(2 * comparison.LocalComposite.Categories.Count, bars.Count);
        foreach (var category in comparison.LocalComposite.Categories)
        {
            Assert.Equal(OneDecimal(category.Value * 100), bars[(data.Model.Name, category.Category)]);
        }
        foreach (var category in comparison.ReferenceComposite.Categories)
        {
            Assert.Equal(OneDecimal(category.Value * 100), bars[("GPT-5 (high)", category.Category)]);
        }
        Assert.Equal("87.1", bars[("GPT-5 (high)", "knowledge")]);
    }

    [Fact]
    public void Category_chart_without_a_comparison_shows_this_model_alone()
    {
        var data = Fixtures.Full() with { Comparison = null, Months = null };
        var charts = ReportCharts.For(data);
        // Without a comparison the frontier chart shows the published index alone: nothing of this model is placed on it.
        Assert.DoesNotContain(Parse(charts.Single(c => c.FileName == ReportCharts.FrontierFile).Svg).Descendants(Ns + "g"),
            g => (string?)g.Attribute("class") == "this-model");
        var root = Parse(charts.Single(c => c.FileName == ReportCharts.CategoriesFile).Svg);
        var series = root.Descendants(Ns + "g").Where(g => (string?)g.Attribute("class") == "bar").Select(g => (string)g.Attribute("data-series")!).Distinct();
        Assert.Equal([data.Model.Name], series);
        Assert.Equal(data.Composite!.Categories.Count, root.Descendants(Ns + "g").Count(g => (string?)g.Attribute("class") == "bar"));
    }

    [Fact]
    public void Length_chart_plots_every_point_of_every_curve()
    {
        var data = Fixtures.Full();
        var root = Parse(ReportCharts.For(data).Single(c => c.FileName == ReportCharts.LengthFile).Svg);
        AssertTitledWithAxes(root, "context length (tokens, log scale)", "score (%)");
        var plotted = root.Descendants(Ns + "circle").Where(c => c.Attribute("data-length") is not null)
            .Select(c => ((string)c.Attribute("data-task")!, (int)c.Attribute("data-length")!, (string)c.Attribute("data-score")!)).ToArray();
        var expected = data.RulerLengths!.SelectMany(curve => curve.Value.Select(p => (curve.Key, p.ContextLength, OneDecimal(p.Score * 100)))).ToArray();
        Assert.Equal(expected.Order(), plotted.Order());
        // Lengths are on a log scale: 4k→8k spans the same width as 8k→16k would, so 8k sits a third of the way from 4k to 32k.
        var x = root.Descendants(Ns + "circle").Where(c => (string?)c.Attribute("data-task") == "ruler_niah")
            .ToDictionary(c => (int)c.Attribute("data-length")!, c => double.Parse((string)c.Attribute("cx")!, CultureInfo.InvariantCulture));
        Assert.Equal((x[32768] - x[4096]) / 3, x[8192] - x[4096], 1);
    }

    [Fact]
    public void No_length_points_means_no_length_chart()
    {
        var data = Fixtures.Full() with { RulerLengths = new Dictionary<string, IReadOnlyList<LengthPoint>> { ["ruler"] = [] } };
        Assert.DoesNotContain(ReportCharts.For(data), c => c.FileName == ReportCharts.LengthFile);
    }
}
