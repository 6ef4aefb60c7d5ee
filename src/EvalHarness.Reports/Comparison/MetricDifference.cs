using EvalHarness.Core.Evaluation;
using EvalHarness.Reports.Markdown;

namespace EvalHarness.Reports.Comparison;

/// <summary>
/// B − A for one quantity, with the SE of the difference and its 95% interval.
/// Unpaired: SE = √(SE_A² + SE_B²). Paired (both runs scored the same sample ids): SE = SD(dᵢ) / √n with
/// dᵢ = score_B,i − score_A,i (n − 1 denominator), which removes the between-item variance the two runs share.
/// </summary>
public sealed record MetricDifference(double A, double B, double StdErr, bool Paired, int PairedN)
{
    public double Delta => B - A;

    public double CiLow => Delta - Numbers.Z95 * StdErr;

    public double CiHigh => Delta + Numbers.Z95 * StdErr;

    /// <summary>True when the 95% interval excludes zero.</summary>
    public bool Significant => double.IsFinite(StdErr) && (CiLow > 0 || CiHigh < 0);

    public static MetricDifference Unpaired(double a, double seA, double b, double seB) =>
        new(a, b, Math.Sqrt(seA * seA + seB * seB), false, 0);

    /// <summary>
    /// Paired when both tasks kept one record per sample with the headline score and their sample id sets are equal
    /// (at least two samples); otherwise unpaired on the tasks' own SEs.
    /// </summary>
    public static MetricDifference Of(TaskResult a, TaskResult b)
    {
        var (headA, headB) = (a.Headline, b.Headline);
        var differences = PairedDifferences(a, b);
        if (differences is null || differences.Count < 2)
        {
            return Unpaired(headA.Value, headA.StdErr, headB.Value, headB.StdErr);
        }
        var mean = differences.Average();
        var variance = differences.Sum(d => (d - mean) * (d - mean)) / (differences.Count - 1);
        return new MetricDifference(headA.Value, headB.Value, Math.Sqrt(variance / differences.Count), true, differences.Count);
    }

    /// <summary>Per sample id, B's headline score minus A's; null when the runs did not score the same samples.</summary>
    internal static IReadOnlyList<double>? PairedDifferences(TaskResult a, TaskResult b)
    {
        if (a.Headline.Name != b.Headline.Name) return null;
        var scoresA = HeadlineScores(a);
        var scoresB = HeadlineScores(b);
        if (scoresA is null || scoresB is null || scoresA.Count != scoresB.Count) return null;
        var differences = new List<double>(scoresA.Count);
        foreach (var (id, scoreA) in scoresA)
        {
            if (!scoresB.TryGetValue(id, out var scoreB)) return null;
            differences.Add(scoreB - scoreA);
        }
        return differences;
    }

    private static Dictionary<string, double>? HeadlineScores(TaskResult task)
    {
        if (task.SampleRecords.Count == 0) return null;
        var scores = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var record in task.SampleRecords)
        {
            if (!record.Scores.TryGetValue(task.Headline.Name, out var score) || !scores.TryAdd(record.SampleId, score)) return null;
        }
        return scores;
    }
}
