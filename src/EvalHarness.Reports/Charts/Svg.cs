using System.Globalization;
using System.Xml.Linq;

namespace EvalHarness.Reports.Charts;

/// <summary>
/// Small builders for SVG elements. Charts are written by hand (no charting package); building them as XML
/// elements keeps every chart well-formed and escapes model names, whatever they contain.
/// </summary>
internal static class Svg
{
    public static readonly XNamespace Ns = "http://www.w3.org/2000/svg";

    public const string Font = "font-family:sans-serif";

    public static string F(double value) => Math.Round(value, 2).ToString("0.##", CultureInfo.InvariantCulture);

    public static XElement Root(int width, int height, string title, string description) =>
        new(Ns + "svg",
            new XAttribute("width", width),
            new XAttribute("height", height),
            new XAttribute("viewBox", $"0 0 {width} {height}"),
            new XAttribute("role", "img"),
            new XElement(Ns + "title", title),
            new XElement(Ns + "desc", description),
            new XElement(Ns + "rect", new XAttribute("width", width), new XAttribute("height", height), new XAttribute("fill", "white")));

    public static XElement Line(double x1, double y1, double x2, double y2, string stroke, double width = 1, string? dash = null)
    {
        var line = new XElement(Ns + "line",
            new XAttribute("x1", F(x1)), new XAttribute("y1", F(y1)),
            new XAttribute("x2", F(x2)), new XAttribute("y2", F(y2)),
            new XAttribute("stroke", stroke), new XAttribute("stroke-width", F(width)));
        if (dash is not null) line.Add(new XAttribute("stroke-dasharray", dash));
        return line;
    }

    public static XElement Text(double x, double y, string text, string anchor = "start", double size = 11, string fill = "#222", double rotate = 0)
    {
        var element = new XElement(Ns + "text",
            new XAttribute("x", F(x)), new XAttribute("y", F(y)),
            new XAttribute("text-anchor", anchor), new XAttribute("font-size", F(size)),
            new XAttribute("fill", fill), new XAttribute("style", Font), text);
        if (rotate != 0) element.Add(new XAttribute("transform", $"rotate({F(rotate)} {F(x)} {F(y)})"));
        return element;
    }

    public static XElement Circle(double cx, double cy, double r, string fill, string? tooltip = null)
    {
        var circle = new XElement(Ns + "circle",
            new XAttribute("cx", F(cx)), new XAttribute("cy", F(cy)), new XAttribute("r", F(r)), new XAttribute("fill", fill));
        if (tooltip is not null) circle.Add(new XElement(Ns + "title", tooltip));
        return circle;
    }

    public static XElement Rect(double x, double y, double width, double height, string fill, string? tooltip = null)
    {
        var rect = new XElement(Ns + "rect",
            new XAttribute("x", F(x)), new XAttribute("y", F(y)),
            new XAttribute("width", F(Math.Max(0, width))), new XAttribute("height", F(Math.Max(0, height))),
            new XAttribute("fill", fill));
        if (tooltip is not null) rect.Add(new XElement(Ns + "title", tooltip));
        return rect;
    }

    public static XElement Polyline(IEnumerable<(double X, double Y)> points, string stroke, double width = 1.5, string? dash = null)
    {
        var polyline = new XElement(Ns + "polyline",
            new XAttribute("points", string.Join(" ", points.Select(p => $"{F(p.X)},{F(p.Y)}"))),
            new XAttribute("fill", "none"), new XAttribute("stroke", stroke), new XAttribute("stroke-width", F(width)));
        if (dash is not null) polyline.Add(new XAttribute("stroke-dasharray", dash));
        return polyline;
    }

    public static XElement Group(string cssClass, params object[] content) =>
        new(Ns + "g", new XAttribute("class", cssClass), content);

    /// <summary>The document text, with an XML declaration.</summary>
    public static string Serialize(XElement root) =>
        new XDocument(new XDeclaration("1.0", "utf-8", null), root).Declaration + "\n" + root.ToString() + "\n";
}
