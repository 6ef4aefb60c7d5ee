namespace EvalHarness.Core.Frontier;

/// <summary>
/// The frontier as a running maximum over time: the points, sorted by date, at which the best score so far
/// strictly increased. The earliest model reaching any score S is always one of these record points, so the
/// threshold rule, interpolation and the trend fit all work on them.
/// </summary>
internal static class FrontierRecords
{
    public static IReadOnlyList<FrontierPoint> Of(IReadOnlyList<FrontierPoint> frontier)
    {
        var records = new List<FrontierPoint>();
        // Same-date models: the best of the day first, so a day contributes at most one record.
        foreach (var point in frontier.OrderBy(p => p.Released).ThenByDescending(p => p.Score))
        {
            if (records.Count == 0 || point.Score > records[^1].Score) records.Add(point);
        }
        return records;
    }
}
