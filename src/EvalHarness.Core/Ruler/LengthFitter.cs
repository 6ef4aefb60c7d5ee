namespace EvalHarness.Core.Ruler;

/// <summary>
/// Finds the number of haystack units whose prompt is as long as possible without passing the target length
/// (RULER's approach: grow the haystack until the prompt no longer fits). RULER steps by a fixed increment (500
/// essay words, 25 noise blocks…); we measure two sizes, estimate the units per token from them, then bisect over
/// the unit count between a size that fits and one that does not, so the result is the largest fitting count to one
/// unit — and within 1% of the target whenever a unit is under 1% of it. Lengths are measured with the caller's token
/// counter (the model's own tokenizer), each size once.
/// </summary>
public static class LengthFitter
{
    /// <summary>The fitted unit count, what it built, and its measured length.</summary>
    public readonly record struct Fit<T>(int Units, T Value, int Length);

    /// <param name="build">Builds the candidate for a unit count (must be a pure function of the count).</param>
    /// <param name="measure">Its length in tokens.</param>
    /// <param name="target">The length not to pass.</param>
    /// <param name="minUnits">The smallest meaningful count; its length must not pass the target.</param>
    /// <param name="maxUnits">The largest count the source can build; the result is this when even it fits.</param>
    public static Fit<T> Largest<T>(Func<int, T> build, Func<T, int> measure, int target, int minUnits, int maxUnits)
    {
        var cache = new Dictionary<int, (T Value, int Length)>();
        (T Value, int Length) At(int units)
        {
            if (cache.TryGetValue(units, out var entry)) return entry;
            var value = build(units);
            return cache[units] = (value, measure(value));
        }

        var low = At(minUnits);
        if (low.Length > target)
        {
            throw new ArgumentException($"the target length {target} is shorter than the smallest prompt ({low.Length} tokens at {minUnits} units)", nameof(target));
        }
        var (fits, over) = Bracket(At, target, minUnits, maxUnits);
        if (over is null) return new Fit<T>(fits, At(fits).Value, At(fits).Length);
        var tooLong = over.Value;
        while (tooLong - fits > 1)
        {
            var middle = fits + (tooLong - fits) / 2;
            if (At(middle).Length <= target) fits = middle; else tooLong = middle;
        }
        return new Fit<T>(fits, At(fits).Value, At(fits).Length);
    }

    /// <summary>A count that fits and one that does not (null when <paramref name="maxUnits"/> fits), around a linear estimate.</summary>
    private static (int Fits, int? Over) Bracket<T>(Func<int, (T Value, int Length)> at, int target, int minUnits, int maxUnits)
    {
        var fits = minUnits;
        var probe = Math.Min(maxUnits, Math.Max(minUnits + 1, minUnits * 2));
        while (true)
        {
            if (probe <= fits) return (fits, null);
            var length = at(probe).Length;
            if (length > target) return (fits, probe);
            if (probe == maxUnits) return (probe, null);
            // Estimate the count at the target from the slope between the last fitting size and this one, aim 2% past
            // it so the next probe usually lands just over (one bisection range of a few percent of the count).
            var slope = Math.Max(1e-9, (double)(length - at(fits).Length) / (probe - fits));
            fits = probe;
            var estimate = probe + (target - length) / slope;
            var next = (long)Math.Ceiling(Math.Max(estimate * 1.02, probe + 1));
            probe = (int)Math.Min(maxUnits, Math.Min(next, probe * 4L + 16));
        }
    }
}
