using System.Xml.Linq;
using EvalHarness.Reports.Markdown;

namespace EvalHarness.Reports.Charts;

/// <summary>
/// Score against context length (RULER): one line per task, x on a log₂ scale of tokens, y in percent.
/// Points carry data-task, data-length and data-score (percent, one decimal).
/// </summary>
public static class LengthChart
{
    private static readonly string[] Colours = ["#d1495b", "#4a6fa5", "#66a182", "#edae49", "#8e6c8a", "#00798c"];

    public static string Render(string title, IReadOnlyDictionary<string, IReadOnlyList<LengthPoint>> curves)
    {
        var area = PlotArea.Standard;
        var lengths = curves.Values.SelectMany(c => c).Select(p => Math.Log2(Math.Max(1, p.ContextLength))).ToArray();
        var x = new LinearScale(lengths.Min() - 0.5, lengths.Max() + 0.5, area.Left, area.Right);
        var y = new LinearScale(0, 100, area.Bottom, area.Top);
        var tickLengths = curves.Values.SelectMany(c => c).Select(p => p.ContextLength).Distinct().Order();
        var svg = Svg.Root(area.Width, area.Height, title,
            string.Join("; ", curves.Select(c => $"{c.Key}: " + string.Join(", ", c.Value.OrderBy(p => p.ContextLength)
                .Select(p => $"{p.ContextLength} tokens {Numbers.OneDecimal(p.Score * 100)}%")))));
        svg.Add(area.Heading(title));
        svg.Add(area.Axes(x, y, tickLengths.Select(l => (Math.Log2(Math.Max(1, l)), TokensLabel(l))), y.Ticks(5).Select(t => (t, Numbers.OneDecimal(t))),
            "context length (tokens, log scale)", "score (%)"));

        var index = 0;
        foreach (var (task, points) in curves)
        {
            var colour = Colours[index++ % Colours.Length];
            var ordered = points.OrderBy(p => p.ContextLength).ToArray();
            var line = Svg.Group("curve", new XAttribute("data-task", task));
            line.Add(Svg.Polyline(ordered.Select(p => (x.Map(Math.Log2(Math.Max(1, p.ContextLength))), y.Map(p.Score * 100))), colour, 2));
            foreach (var point in ordered)
            {
                var (px, py) = (x.Map(Math.Log2(Math.Max(1, point.ContextLength))), y.Map(point.Score * 100));
                var circle = Svg.Circle(px, py, 4, colour, $"{task}, {point.ContextLength} tokens: {Numbers.OneDecimal(point.Score * 100)}%");
                circle.Add(new XAttribute("data-task", task), new XAttribute("data-length", point.ContextLength),
                    new XAttribute("data-score", Numbers.OneDecimal(point.Score * 100)));
                line.Add(circle);
                line.Add(Svg.Text(px, py - 8, Numbers.OneDecimal(point.Score * 100), "middle", 9, colour));
            }
            svg.Add(line);
        }
        svg.Add(area.Legend(curves.Keys.Select((task, i) => (Colours[i % Colours.Length], task))));
        return Svg.Serialize(svg);
    }

    private static string TokensLabel(int length) =>
        length >= 1024 && length % 1024 == 0 ? $"{length / 1024}k" : length.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
