using EvalHarness.Gguf.Format;

namespace EvalHarness.Gguf;

/// <summary>
/// A metadata array: one element type and a typed .NET array holding the items (byte[], sbyte[], ushort[], short[],
/// uint[], int[], float[], bool[], string[], ulong[], long[], double[], or GgufArray[] for arrays of arrays).
/// Typed storage keeps a 100k-token vocabulary at one object per string, not one box per number.
/// </summary>
public sealed class GgufArray : IEquatable<GgufArray>
{
    public GgufArray(GgufValueType elementType, Array items)
    {
        var expected = ClrElementType(elementType);
        if (items.GetType().GetElementType() != expected || items.Rank != 1)
        {
            throw new ArgumentException($"an array of {elementType} needs a {expected.Name}[]; got {items.GetType().Name}", nameof(items));
        }
        ElementType = elementType;
        Items = items;
    }

    public GgufValueType ElementType { get; }

    public Array Items { get; }

    public int Count => Items.Length;

    /// <summary>The items as their CLR array type, e.g. <c>As&lt;string&gt;()</c> for a string array.</summary>
    public T[] As<T>() => Items as T[]
        ?? throw new InvalidOperationException($"array holds {ElementType} items, not {typeof(T).Name}");

    public static Type ClrElementType(GgufValueType type) => type switch
    {
        GgufValueType.UInt8 => typeof(byte),
        GgufValueType.Int8 => typeof(sbyte),
        GgufValueType.UInt16 => typeof(ushort),
        GgufValueType.Int16 => typeof(short),
        GgufValueType.UInt32 => typeof(uint),
        GgufValueType.Int32 => typeof(int),
        GgufValueType.Float32 => typeof(float),
        GgufValueType.Bool => typeof(bool),
        GgufValueType.String => typeof(string),
        GgufValueType.UInt64 => typeof(ulong),
        GgufValueType.Int64 => typeof(long),
        GgufValueType.Float64 => typeof(double),
        GgufValueType.Array => typeof(GgufArray),
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "not a GGUF value type"),
    };

    public bool Equals(GgufArray? other)
    {
        if (other is null || other.ElementType != ElementType || other.Count != Count) return false;
        for (var i = 0; i < Count; i++)
        {
            // Bitwise for floats (NaN equals itself); Equals() everywhere else, recursive for nested arrays.
            if (!ItemsEqual(Items.GetValue(i), other.Items.GetValue(i))) return false;
        }
        return true;
    }

    private static bool ItemsEqual(object? a, object? b) => (a, b) switch
    {
        (float x, float y) => BitConverter.SingleToInt32Bits(x) == BitConverter.SingleToInt32Bits(y),
        (double x, double y) => BitConverter.DoubleToInt64Bits(x) == BitConverter.DoubleToInt64Bits(y),
        _ => Equals(a, b),
    };

    public override bool Equals(object? obj) => Equals(obj as GgufArray);

    public override int GetHashCode() => HashCode.Combine(ElementType, Count);

    public override string ToString() => $"[{ElementType} x {Count}]";
}
