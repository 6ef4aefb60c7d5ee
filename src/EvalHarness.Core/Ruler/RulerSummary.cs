namespace EvalHarness.Core.Ruler;

/// <summary>
/// RULER's headline numbers from per-length scores (0–100, each the mean over the tasks at that length): the average
/// over lengths, its length-weighted variants, and the effective length — the longest length up to which every score
/// stays above a threshold (RULER uses Llama-2-7B's 4K score, 85.6).
/// </summary>
public static class RulerSummary
{
    /// <summary>Llama-2-7B (chat) at 4K in the RULER paper: the effective-length threshold.</summary>
    public const double Llama2Threshold = 85.6;

    /// <summary>
    /// The largest length L such that the score at L and at every shorter measured length exceeds the threshold;
    /// null when already the shortest does not. (The paper reports "the maximum length where performance exceeds the
    /// threshold"; reading it as the contiguous run from the start keeps a lucky long length from counting.)
    /// </summary>
    public static int? EffectiveLength(IReadOnlyDictionary<int, double> scoreByLength, double threshold = Llama2Threshold)
    {
        int? effective = null;
        foreach (var (length, score) in scoreByLength.OrderBy(p => p.Key))
        {
            if (!(score > threshold)) break;
            effective = length;
        }
        return effective;
    }

    /// <summary>RULER's "Avg.": the plain mean over lengths.</summary>
    public static double Average(IReadOnlyDictionary<int, double> scoreByLength) =>
        scoreByLength.Count == 0 ? throw new ArgumentException("no scores", nameof(scoreByLength)) : scoreByLength.Values.Average();

    /// <summary>
    /// RULER's weighted averages: weights 1…n over the lengths in increasing order (wAvg. inc, favouring long
    /// contexts) or n…1 (wAvg. dec).
    /// </summary>
    public static double WeightedAverage(IReadOnlyDictionary<int, double> scoreByLength, bool increasing)
    {
        var ordered = scoreByLength.OrderBy(p => p.Key).Select(p => p.Value).ToArray();
        if (ordered.Length == 0) throw new ArgumentException("no scores", nameof(scoreByLength));
        var weights = Enumerable.Range(1, ordered.Length).Select(w => (double)(increasing ? w : ordered.Length + 1 - w)).ToArray();
        return ordered.Zip(weights, (s, w) => s * w).Sum() / weights.Sum();
    }

    /// <summary>Per-length score from per-sample scores in [0, 1]: mean ×100 within each task, then the mean over tasks.</summary>
    public static IReadOnlyDictionary<int, double> ScoreByLength(IEnumerable<(string Task, int Length, double Score)> samples) =>
        samples.GroupBy(s => s.Length).ToDictionary(
            byLength => byLength.Key,
            byLength => byLength.GroupBy(s => s.Task).Average(byTask => byTask.Average(s => s.Score) * 100));
}
