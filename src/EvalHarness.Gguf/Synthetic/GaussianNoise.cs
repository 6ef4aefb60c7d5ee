using System.Runtime.CompilerServices;

namespace EvalHarness.Gguf.Synthetic;

/// <summary>
/// Seeded normal samples: SplitMix64 for uniform bits, the polar method for the normal pair. Our own generator so the
/// sequence for a seed never changes with the .NET version (System.Random makes no such promise).
/// </summary>
internal sealed class GaussianNoise(ulong seed)
{
    private ulong _state = seed;

    /// <summary>
    /// The stream for one row of one tensor: independent of the order (and the thread) in which rows are
    /// generated, so generation can run in parallel and still give the same file for a seed.
    /// </summary>
    public static GaussianNoise ForRow(int seed, int tensorIndex, long row) =>
        new(Mix(Mix((ulong)(uint)seed * 0x9E3779B97F4A7C15UL ^ Mix((ulong)tensorIndex + 0x632BE59BD9B4E019UL)) ^ (ulong)row));

    // Hot loop: skip tier-0 JIT, which is many times slower over millions of values.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Fill(Span<float> destination, float standardDeviation)
    {
        var i = 0;
        for (; i + 1 < destination.Length; i += 2)
        {
            var (a, b) = NextPair();
            destination[i] = a * standardDeviation;
            destination[i + 1] = b * standardDeviation;
        }
        if (i < destination.Length) destination[i] = NextPair().First * standardDeviation;
    }

    /// <summary>
    /// Two independent standard normal samples by Marsaglia's polar method (Box-Muller without sin/cos, which
    /// .NET computes in software and which made generation four times slower). One 64-bit draw gives both
    /// uniforms on [-1, 1) with 24 bits each; about one draw in five falls outside the unit circle and is redrawn.
    /// </summary>
    public (float First, float Second) NextPair()
    {
        while (true)
        {
            var bits = NextBits();
            var u = (bits >> 40) * (1.0f / (1 << 23)) - 1f;
            var v = ((bits >> 16) & 0xFFFFFF) * (1.0f / (1 << 23)) - 1f;
            var s = u * u + v * v;
            if (s >= 1f || s == 0f) continue;
            var factor = MathF.Sqrt(-2f * MathF.Log(s) / s);
            return (u * factor, v * factor);
        }
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
