using System.Xml.Linq;
using EvalHarness.Reports.Markdown;

namespace EvalHarness.Reports.Charts;

/// <summary>
/// Category scores as grouped bars (percent): one group per category, one bar per series (this model, the
/// reference model), error bars at ±1.96 SE where a series has one. Bars carry data-category, data-series and
/// data-value (percent, one decimal).
/// </summary>
public static class CategoryChart
{
    private static readonly string[] Colours = ["#d1495b", "#4a6fa5", "#66a182", "#edae49"];

    public static string Render(string title, IReadOnlyList<string> categories, IReadOnlyList<BarSeries> series)
    {
        var area = PlotArea.Standard;
        var y = new LinearScale(0, 100, area.Bottom, area.Top);
        var groupWidth = area.PlotWidth / Math.Max(1, categories.Count);
        var barWidth = groupWidth * 0.8 / Math.Max(1, series.Count);
        var svg = Svg.Root(area.Width, area.Height, title,
            string.Join("; ", series.Select(s => $"{s.Name}: " + string.Join(", ",
                categories.Where(s.Values.ContainsKey).Select(c => $"{c} {Numbers.OneDecimal(s.Values[c].Value * 100)}%")))));
        svg.Add(area.Heading(title));
        var x = new LinearScale(0, categories.Count, area.Left, area.Right);
        svg.Add(area.Axes(x, y, categories.Select((c, i) => (i + 0.5, c.Replace('_', ' '))), y.Ticks(5).Select(t => (t, Numbers.OneDecimal(t))),
            "category", "score (%)"));

        var bars = Svg.Group("bars");
        for (var c = 0; c < categories.Count; c++)
        {
            for (var s = 0; s < series.Count; s++)
            {
                if (!series[s].Values.TryGetValue(categories[c], out var point)) continue;
                bars.Add(Bar(categories[c], series[s].Name, point, area.Left + c * groupWidth + groupWidth * 0.1 + s * barWidth, barWidth, y, Colours[s % Colours.Length]));
            }
        }
        svg.Add(bars);
        svg.Add(area.Legend(series.Select((s, i) => (Colours[i % Colours.Length], s.Name))));
        return Svg.Serialize(svg);
    }

    private static XElement Bar(string category, string series, (double Value, double StdErr) point, double left, double width, LinearScale y, string colour)
    {
        var percent = point.Value * 100;
        var group = Svg.Group("bar", new XAttribute("data-category", category), new XAttribute("data-series", series),
            new XAttribute("data-value", Numbers.OneDecimal(percent)));
        var top = y.Map(Math.Clamp(percent, 0, 100));
        group.Add(Svg.Rect(left, top, width - 2, y.Map(0) - top, colour, $"{series}, {category}: {Numbers.OneDecimal(percent)}%"));
        group.Add(Svg.Text(left + (width - 2) / 2, top - 4, Numbers.OneDecimal(percent), "middle", 9));
        if (double.IsFinite(point.StdErr) && point.StdErr > 0)
        {
            var mid = left + (width - 2) / 2;
            var (low, high) = (Math.Clamp(percent - Numbers.Z95 * point.StdErr * 100, 0, 100), Math.Clamp(percent + Numbers.Z95 * point.StdErr * 100, 0, 100));
            group.Add(Svg.Line(mid, y.Map(low), mid, y.Map(high), "#222", 1.2));
            group.Add(new XAttribute("data-ci-low", Numbers.OneDecimal(low)), new XAttribute("data-ci-high", Numbers.OneDecimal(high)));
        }
        return group;
    }
}
