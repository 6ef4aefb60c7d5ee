namespace EvalHarness.Gguf.Synthetic;

/// <summary>
/// Seeded normal samples: SplitMix64 for uniform bits, Box-Muller for the normal pair. Our own generator so the
/// sequence for a seed never changes with the .NET version (System.Random makes no such promise).
/// </summary>
internal sealed class GaussianNoise(ulong seed)
{
    private ulong _state = seed;
    private float? _spare;

    /// <summary>A stream for one tensor: independent of the order in which tensors are generated.</summary>
    public static GaussianNoise ForTensor(int seed, int tensorIndex) =>
        new(Mix((ulong)(uint)seed * 0x9E3779B97F4A7C15UL ^ Mix((ulong)tensorIndex + 0x632BE59BD9B4E019UL)));

    public void Fill(Span<float> destination, float standardDeviation)
    {
        for (var i = 0; i < destination.Length; i++) destination[i] = Next() * standardDeviation;
    }

    public float Next()
    {
        if (_spare is { } spare)
        {
            _spare = null;
            return spare;
        }
        // u1 in (0, 1] so the logarithm is finite.
        var u1 = ((NextBits() >> 11) + 1) * (1.0 / (1UL << 53));
        var u2 = (NextBits() >> 11) * (1.0 / (1UL << 53));
        var radius = Math.Sqrt(-2.0 * Math.Log(u1));
        var angle = 2.0 * Math.PI * u2;
        _spare = (float)(radius * Math.Sin(angle));
        return (float)(radius * Math.Cos(angle));
    }

    private ulong NextBits()
    {
        _state += 0x9E3779B97F4A7C15UL;
        return Mix(_state);
    }

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
