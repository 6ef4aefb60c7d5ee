using System.Buffers.Binary;

namespace EvalHarness.Core.Ruler;

/// <summary>
/// The generator's source of randomness: SplitMix64, written here rather than <see cref="Random"/> so that a seed
/// gives the same samples on every .NET version and platform (the acceptance rule is byte-identical output).
/// RULER seeds Python's global <c>random</c> once; we derive one stream per sample from (seed, task, length, index,
/// depth), so a sample does not change when others are added or removed.
/// </summary>
public sealed class RulerRandom
{
    private ulong _state;

    public RulerRandom(ulong seed) => _state = seed;

    /// <summary>A stream keyed by a seed and any number of labels (FNV-1a over the labels, mixed with the seed).</summary>
    public static RulerRandom For(int seed, params object[] labels)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in string.Join("\u001f", labels.Select(l => Convert.ToString(l, System.Globalization.CultureInfo.InvariantCulture))))
        {
            hash = (hash ^ c) * 1099511628211UL;
        }
        return new RulerRandom(hash ^ ((ulong)(uint)seed * 0x9E3779B97F4A7C15UL));
    }

    public ulong NextUInt64()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Uniform in [0, maxExclusive), without modulo bias (rejection sampling).</summary>
    public int Next(int maxExclusive)
    {
        if (maxExclusive <= 0) throw new ArgumentOutOfRangeException(nameof(maxExclusive), "must be positive");
        var bound = (ulong)maxExclusive;
        var limit = ulong.MaxValue - (ulong.MaxValue % bound);
        ulong value;
        do { value = NextUInt64(); } while (value >= limit);
        return (int)(value % bound);
    }

    /// <summary>Uniform in [min, max] inclusive (Python's <c>random.randint</c>).</summary>
    public int NextInclusive(int min, int max) => min + Next(max - min + 1);

    public T Choice<T>(IReadOnlyList<T> items) => items[Next(items.Count)];

    /// <summary>Fisher–Yates in place.</summary>
    public void Shuffle<T>(IList<T> items)
    {
        for (var i = items.Count - 1; i > 0; i--)
        {
            var j = Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    /// <summary><paramref name="count"/> distinct items in random order (Python's <c>random.sample</c>).</summary>
    public IReadOnlyList<T> Sample<T>(IReadOnlyList<T> items, int count)
    {
        if (count > items.Count) throw new ArgumentOutOfRangeException(nameof(count), $"cannot draw {count} of {items.Count} items");
        var pool = items.ToArray();
        for (var i = 0; i < count; i++)
        {
            var j = i + Next(pool.Length - i);
            (pool[i], pool[j]) = (pool[j], pool[i]);
        }
        return pool[..count];
    }

    /// <summary>A version-4 UUID in canonical lower-case form, as Python's <c>uuid.UUID(int=getrandbits(128), version=4)</c>.</summary>
    public string NextUuid()
    {
        Span<byte> bytes = stackalloc byte[16];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes[..8], NextUInt64());
        BinaryPrimitives.WriteUInt64LittleEndian(bytes[8..], NextUInt64());
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        var hex = Convert.ToHexStringLower(bytes);
        return $"{hex[..8]}-{hex[8..12]}-{hex[12..16]}-{hex[16..20]}-{hex[20..]}";
    }
}
