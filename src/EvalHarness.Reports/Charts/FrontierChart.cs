using System.Xml.Linq;
using EvalHarness.Core.Frontier;
using EvalHarness.Reports.Markdown;

namespace EvalHarness.Reports.Charts;

/// <summary>
/// The frontier over time: every frontier model's like-for-like index at its release date, the frontier envelope
/// (the best index released so far) as a step line, and this model at its release date with its 95% interval as
/// an error bar and a dashed line at its index, so the eye can find where the envelope first reached it.
/// Each point carries data-model, data-date and data-index attributes.
/// </summary>
public static class FrontierChart
{
    private const string FrontierColour = "#4a6fa5";
    private const string EnvelopeColour = "#1b3a66";
    private const string LocalColour = "#d1495b";

    public static string Render(LikeForLikeResult comparison, MonthsToFrontierResult months, string modelName)
    {
        var area = PlotArea.Standard;
        var local = comparison.LocalIndex;
        var localDate = months.Released;
        var (low, high) = (local.Value - Numbers.Z95 * local.StandardError, local.Value + Numbers.Z95 * local.StandardError);
        var points = comparison.FrontierPoints;

        var days = points.Select(p => (double)p.Released.DayNumber).Append(localDate.DayNumber).ToArray();
        var x = new LinearScale(days.Min() - 20, days.Max() + 20, area.Left, area.Right);
        var scores = points.Select(p => p.Score).Append(low).Append(high).ToArray();
        var y = LinearScale.Nice(scores.Min() - 2, scores.Max() + 2, area.Bottom, area.Top);

        var title = $"Frontier index over time (reference {comparison.ReferenceModel} = 100), and {modelName}";
        var svg = Svg.Root(area.Width, area.Height, title,
            $"Like-for-like index over {string.Join(", ", comparison.BenchmarkIds)}. {modelName}: {Numbers.OneDecimal(local.Value)} "
            + $"(95% CI {Numbers.OneDecimal(low)}–{Numbers.OneDecimal(high)}) at {Numbers.Date(localDate)}.");
        svg.Add(area.Heading(title));
        svg.Add(area.Axes(x, y, MonthTicks(x), y.Ticks().Select(t => (t, Numbers.OneDecimal(t))), "release date", "index (reference = 100)"));
        svg.Add(Envelope(points, x, y, area));
        svg.Add(FrontierPoints(points, RecordSetters(points), x, y));
        svg.Add(LocalModel(modelName, local, low, high, localDate, x, y, area));
        svg.Add(area.Legend([(FrontierColour, "frontier-table model"), (EnvelopeColour, "frontier (best so far)"), (LocalColour, modelName + " ± 95% CI")]));
        return Svg.Serialize(svg);
    }

    /// <summary>
    /// The frontier alone, when the run has no index to place on it: the published index values of the table's models
    /// by release date and their envelope, with <paramref name="why"/> in the description and a note on the plot.
    /// </summary>
    public static string RenderPublished(IReadOnlyList<FrontierPoint> points, string indexName, string why)
    {
        var area = PlotArea.Standard;
        var days = points.Select(p => (double)p.Released.DayNumber).ToArray();
        var x = new LinearScale(days.Min() - 20, days.Max() + 20, area.Left, area.Right);
        var y = LinearScale.Nice(points.Min(p => p.Score) - 2, points.Max(p => p.Score) + 2, area.Bottom, area.Top);
        var title = $"The frontier over time ({indexName}, published values)";
        var svg = Svg.Root(area.Width, area.Height, title, $"This run is not placed on the index: {why}");
        svg.Add(area.Heading(title));
        svg.Add(area.Axes(x, y, MonthTicks(x), y.Ticks().Select(t => (t, Numbers.OneDecimal(t))), "release date", "index (published)"));
        svg.Add(Envelope(points, x, y, area));
        svg.Add(FrontierPoints(points, RecordSetters(points), x, y));
        svg.Add(Svg.Text(area.Left + 8, area.Bottom - 8, "this run has no index value to place here (see the report)", size: 10, fill: LocalColour));
        svg.Add(area.Legend([(FrontierColour, "frontier-table model"), (EnvelopeColour, "frontier (best so far)")]));
        return Svg.Serialize(svg);
    }

    private static XElement Envelope(IReadOnlyList<FrontierPoint> points, LinearScale x, LinearScale y, PlotArea area)
    {
        var steps = new List<(double, double)>();
        double? best = null;
        foreach (var point in points.OrderBy(p => p.Released).ThenByDescending(p => p.Score))
        {
            if (best is { } b && point.Score <= b) continue;
            var px = x.Map(point.Released.DayNumber);
            if (best is { } previous) steps.Add((px, y.Map(previous)));
            steps.Add((px, y.Map(point.Score)));
            best = point.Score;
        }
        if (best is { } last) steps.Add((area.Right, y.Map(last)));
        return Svg.Group("frontier-envelope", Svg.Polyline(steps, EnvelopeColour, 2));
    }

    /// <summary>The models that raised the best-so-far score when released (the envelope's steps).</summary>
    private static HashSet<FrontierPoint> RecordSetters(IReadOnlyList<FrontierPoint> points)
    {
        var records = new HashSet<FrontierPoint>();
        double? best = null;
        foreach (var point in points.OrderBy(p => p.Released).ThenByDescending(p => p.Score))
        {
            if (best is { } b && point.Score <= b) continue;
            records.Add(point);
            best = point.Score;
        }
        return records;
    }

    /// <summary>Every model as a point (name, date and index in its tooltip and data- attributes); only record setters are labelled, to stay legible.</summary>
    private static XElement FrontierPoints(IReadOnlyList<FrontierPoint> points, HashSet<FrontierPoint> records, LinearScale x, LinearScale y)
    {
        var group = Svg.Group("frontier-models");
        var labelled = 0;
        foreach (var point in points.OrderBy(p => p.Released))
        {
            var circle = Svg.Circle(x.Map(point.Released.DayNumber), y.Map(point.Score), 4, FrontierColour,
                $"{point.Model}, {Numbers.Date(point.Released)}: {Numbers.OneDecimal(point.Score)}");
            circle.Add(new XAttribute("data-model", point.Model), new XAttribute("data-date", Numbers.Date(point.Released)),
                new XAttribute("data-index", Numbers.OneDecimal(point.Score)));
            group.Add(circle);
            if (records.Contains(point))
            {
                // Alternate labels above and below their points: record setters crowd together near the top.
                var offset = labelled++ % 2 == 0 ? -6 : 14;
                group.Add(Svg.Text(x.Map(point.Released.DayNumber) + 6, y.Map(point.Score) + offset, $"{point.Model} {Numbers.OneDecimal(point.Score)}", size: 9, fill: "#555"));
            }
        }
        return group;
    }

    private static XElement LocalModel(string name, IndexScore local, double low, double high, DateOnly date, LinearScale x, LinearScale y, PlotArea area)
    {
        var px = x.Map(date.DayNumber);
        var group = Svg.Group("this-model",
            new XAttribute("data-model", name), new XAttribute("data-date", Numbers.Date(date)),
            new XAttribute("data-index", Numbers.OneDecimal(local.Value)),
            new XAttribute("data-ci-low", Numbers.OneDecimal(low)), new XAttribute("data-ci-high", Numbers.OneDecimal(high)));
        group.Add(Svg.Line(area.Left, y.Map(local.Value), area.Right, y.Map(local.Value), LocalColour, 1, "4 3"));
        group.Add(Svg.Line(px, y.Map(low), px, y.Map(high), LocalColour, 2));
        group.Add(Svg.Line(px - 5, y.Map(low), px + 5, y.Map(low), LocalColour, 2));
        group.Add(Svg.Line(px - 5, y.Map(high), px + 5, y.Map(high), LocalColour, 2));
        group.Add(Svg.Circle(px, y.Map(local.Value), 5.5, LocalColour, $"{name}, {Numbers.Date(date)}: {Numbers.OneDecimal(local.Value)}"));
        // Labelled under its error bar, where frontier labels (placed beside record setters, above the envelope) are rare.
        group.Add(Svg.Text(px, y.Map(low) + 16, $"{name} {Numbers.OneDecimal(local.Value)} [{Numbers.OneDecimal(low)}, {Numbers.OneDecimal(high)}]",
            "middle", 10, LocalColour));
        return group;
    }

    /// <summary>Ticks on the first day of months, every 1, 2, 3 or 6 months so that about six fit.</summary>
    private static IEnumerable<(double, string)> MonthTicks(LinearScale x)
    {
        var first = DateOnly.FromDayNumber((int)Math.Ceiling(x.DomainMin));
        var last = DateOnly.FromDayNumber((int)Math.Floor(x.DomainMax));
        var spanMonths = (last.Year - first.Year) * 12 + last.Month - first.Month + 1;
        var every = new[] { 1, 2, 3, 6, 12 }.FirstOrDefault(m => spanMonths / m <= 7, 24);
        var tick = new DateOnly(first.Year, first.Month, 1);
        if (tick < first) tick = tick.AddMonths(1);
        for (; tick <= last; tick = tick.AddMonths(1))
        {
            if ((tick.Year * 12 + tick.Month - 1) % every == 0) yield return (tick.DayNumber, tick.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture));
        }
    }
}
