namespace EvalHarness.Core.Ruler;

/// <summary>
/// The needle depth × context length grid (Kamradt's NIAH heat map, RULER's niah_single_2 sample): for every length
/// and depth, a few samples with the needle at that depth. Each sample's <see cref="RulerSample.Depth"/> and
/// <see cref="RulerSample.TargetLength"/> are the cell it belongs to.
/// </summary>
public static class NeedleGrid
{
    /// <summary>Eleven depths, 0% to 100% in steps of 10 (the usual heat map rows).</summary>
    public static IReadOnlyList<double> DefaultDepths { get; } = Enumerable.Range(0, 11).Select(i => i * 10.0).ToArray();

    public static IReadOnlyList<RulerSample> Generate(RulerGenerator generator, IReadOnlyList<int> lengths, IReadOnlyList<double> depths,
        int samplesPerCell = 1, RulerTask task = RulerTask.NiahSingle2) =>
        lengths.SelectMany(length => depths.SelectMany(depth => generator.Generate(task, length, samplesPerCell, depth))).ToArray();

    /// <summary>Mean score per (length, depth) cell from per-sample scores keyed by sample id.</summary>
    public static IReadOnlyDictionary<(int Length, double Depth), double> CellMeans(IReadOnlyList<RulerSample> samples,
        IReadOnlyDictionary<string, double> scoreById) =>
        samples.Where(s => s.Depth is not null && scoreById.ContainsKey(s.Id))
            .GroupBy(s => (s.TargetLength, s.Depth!.Value))
            .ToDictionary(g => g.Key, g => g.Average(s => scoreById[s.Id]));
}
