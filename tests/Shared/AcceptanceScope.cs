namespace EvalHarness.Testing;

/// <summary>
/// How much of a whole-dataset acceptance check runs. By default a fixed, evenly spread subset, so `dotnet test`
/// stays within a few minutes on two cores; with EVALHARNESS_FULL_ACCEPTANCE=1 every item (the setting used when an
/// issue's acceptance is verified, and quoted in its closing note).
/// </summary>
public static class AcceptanceScope
{
    public static bool Full => Environment.GetEnvironmentVariable("EVALHARNESS_FULL_ACCEPTANCE") == "1";

    /// <summary>All items when <see cref="Full"/>; otherwise about <paramref name="count"/> of them, every k-th in
    /// file order, so the subset is the same on every run and spans the whole file.</summary>
    public static IReadOnlyList<T> Items<T>(IReadOnlyList<T> all, int count)
    {
        if (Full || all.Count <= count) return all;
        var stride = (all.Count + count - 1) / count;
        return all.Where((_, i) => i % stride == 0).ToList();
    }
}
