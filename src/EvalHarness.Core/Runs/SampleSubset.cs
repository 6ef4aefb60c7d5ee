using EvalHarness.Core.Tasks;

namespace EvalHarness.Core.Runs;

/// <summary>
/// A seeded subset stratified by group (MMLU subject, BBH task): each group keeps a share proportional to its size
/// (largest remainders decide the last places, ties by group name), the members of each group are drawn with a
/// seeded shuffle, and the result keeps dataset order. The same seed and samples always give the same subset, so a
/// resumed run evaluates exactly the samples it started with.
/// </summary>
public static class SampleSubset
{
    public static IReadOnlyList<Sample> Stratified(IReadOnlyList<Sample> samples, int size, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        if (size >= samples.Count) return samples;
        var groups = samples.Select((sample, index) => (sample, index))
            .GroupBy(x => x.sample.Group ?? "", StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.Select(x => x.index).ToArray())
            .ToArray();
        var quotas = Allocate(groups.Select(g => g.Length).ToArray(), size, samples.Count);
        var random = new Random(seed);
        var chosen = new List<int>(size);
        for (var g = 0; g < groups.Length; g++)
        {
            var members = groups[g].ToArray();
            random.Shuffle(members);
            chosen.AddRange(members.Take(quotas[g]));
        }
        chosen.Sort();
        return chosen.Select(i => samples[i]).ToArray();
    }

    /// <summary>Hamilton's largest-remainder apportionment of <paramref name="size"/> places over the groups.</summary>
    private static int[] Allocate(int[] groupSizes, int size, int total)
    {
        var exact = groupSizes.Select(n => (double)n * size / total).ToArray();
        var quotas = exact.Select(q => (int)Math.Floor(q)).ToArray();
        var left = size - quotas.Sum();
        foreach (var g in Enumerable.Range(0, groupSizes.Length).OrderByDescending(g => exact[g] - quotas[g]).ThenBy(g => g).Take(left))
        {
            quotas[g]++;
        }
        return quotas;
    }
}
