using System.Xml.Linq;

namespace EvalHarness.Reports.Charts;

/// <summary>The fixed layout every chart shares: a plot rectangle with margins for axes, labels and a legend.</summary>
internal sealed record PlotArea(int Width, int Height, double Left, double Top, double Right, double Bottom)
{
    public static PlotArea Standard { get; } = new(860, 440, 70, 50, 580, 370);

    public double PlotWidth => Right - Left;

    /// <summary>Axes, gridlines at the y ticks, tick labels, axis titles.</summary>
    public XElement Axes(LinearScale x, LinearScale y, IEnumerable<(double Value, string Label)> xTicks,
        IEnumerable<(double Value, string Label)> yTicks, string xLabel, string yLabel)
    {
        var axes = Svg.Group("axes");
        foreach (var (value, label) in yTicks)
        {
            var py = y.Map(value);
            axes.Add(Svg.Line(Left, py, Right, py, "#e4e4e4"));
            axes.Add(Svg.Text(Left - 6, py + 4, label, "end", 10));
        }
        foreach (var (value, label) in xTicks)
        {
            var px = x.Map(value);
            axes.Add(Svg.Line(px, Bottom, px, Bottom + 5, "#444"));
            axes.Add(Svg.Text(px, Bottom + 18, label, "middle", 10));
        }
        axes.Add(Svg.Line(Left, Bottom, Right, Bottom, "#444"));
        axes.Add(Svg.Line(Left, Top, Left, Bottom, "#444"));
        axes.Add(new XElement(Svg.Ns + "text", new XAttribute("class", "x-axis-label"),
            new XAttribute("x", Svg.F((Left + Right) / 2)), new XAttribute("y", Svg.F(Bottom + 42)),
            new XAttribute("text-anchor", "middle"), new XAttribute("font-size", "12"), new XAttribute("style", Svg.Font), xLabel));
        axes.Add(new XElement(Svg.Ns + "text", new XAttribute("class", "y-axis-label"),
            new XAttribute("x", Svg.F(18)), new XAttribute("y", Svg.F((Top + Bottom) / 2)),
            new XAttribute("text-anchor", "middle"), new XAttribute("font-size", "12"), new XAttribute("style", Svg.Font),
            new XAttribute("transform", $"rotate(-90 18 {Svg.F((Top + Bottom) / 2)})"), yLabel));
        return axes;
    }

    /// <summary>A legend to the right of the plot: one colour swatch and label per entry.</summary>
    public XElement Legend(IEnumerable<(string Colour, string Label)> entries)
    {
        var legend = Svg.Group("legend");
        var y = Top + 4;
        foreach (var (colour, label) in entries)
        {
            legend.Add(Svg.Rect(Right + 16, y - 9, 12, 12, colour));
            legend.Add(Svg.Text(Right + 34, y + 1, label, "start", 11));
            y += 20;
        }
        return legend;
    }

    public XElement Heading(string title) => Svg.Text(Width / 2.0, 24, title, "middle", 15);
}
