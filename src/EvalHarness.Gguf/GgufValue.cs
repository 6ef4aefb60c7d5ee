using System.Globalization;
using EvalHarness.Gguf.Format;

namespace EvalHarness.Gguf;

/// <summary>One metadata value: its GGUF type and the CLR value (a scalar, a string or a <see cref="GgufArray"/>).</summary>
public sealed class GgufValue : IEquatable<GgufValue>
{
    private GgufValue(GgufValueType type, object value)
    {
        Type = type;
        Value = value;
    }

    public GgufValueType Type { get; }

    public object Value { get; }

    public static GgufValue UInt8(byte value) => new(GgufValueType.UInt8, value);
    public static GgufValue Int8(sbyte value) => new(GgufValueType.Int8, value);
    public static GgufValue UInt16(ushort value) => new(GgufValueType.UInt16, value);
    public static GgufValue Int16(short value) => new(GgufValueType.Int16, value);
    public static GgufValue UInt32(uint value) => new(GgufValueType.UInt32, value);
    public static GgufValue Int32(int value) => new(GgufValueType.Int32, value);
    public static GgufValue Float32(float value) => new(GgufValueType.Float32, value);
    public static GgufValue Bool(bool value) => new(GgufValueType.Bool, value);
    public static GgufValue String(string value) => new(GgufValueType.String, value ?? throw new ArgumentNullException(nameof(value)));
    public static GgufValue UInt64(ulong value) => new(GgufValueType.UInt64, value);
    public static GgufValue Int64(long value) => new(GgufValueType.Int64, value);
    public static GgufValue Float64(double value) => new(GgufValueType.Float64, value);
    public static GgufValue Array(GgufArray value) => new(GgufValueType.Array, value ?? throw new ArgumentNullException(nameof(value)));
    public static GgufValue Array(GgufValueType elementType, System.Array items) => Array(new GgufArray(elementType, items));
    public static GgufValue Strings(IEnumerable<string> items) => Array(GgufValueType.String, items.ToArray());
    public static GgufValue Float32s(IEnumerable<float> items) => Array(GgufValueType.Float32, items.ToArray());
    public static GgufValue Int32s(IEnumerable<int> items) => Array(GgufValueType.Int32, items.ToArray());

    /// <summary>Wraps a CLR scalar of the type that <paramref name="type"/> stores (used by the reader).</summary>
    internal static GgufValue FromScalar(GgufValueType type, object value) => new(type, value);

    public string AsString() => Value as string ?? throw WrongType("a string");

    public GgufArray AsArray() => Value as GgufArray ?? throw WrongType("an array");

    public bool AsBool() => Value is bool b ? b : throw WrongType("a bool");

    /// <summary>The value of any integer type widened to long; false for non-integers and for uint64 above long.MaxValue.</summary>
    public bool TryGetInteger(out long value)
    {
        switch (Value)
        {
            case byte v: value = v; return true;
            case sbyte v: value = v; return true;
            case ushort v: value = v; return true;
            case short v: value = v; return true;
            case uint v: value = v; return true;
            case int v: value = v; return true;
            case long v: value = v; return true;
            case ulong v when v <= long.MaxValue: value = (long)v; return true;
            default: value = 0; return false;
        }
    }

    /// <summary>The value of a float or integer type as double.</summary>
    public bool TryGetNumber(out double value)
    {
        switch (Value)
        {
            case float f: value = f; return true;
            case double d: value = d; return true;
            case ulong u: value = u; return true;
            default:
                var ok = TryGetInteger(out var l);
                value = l;
                return ok;
        }
    }

    public bool Equals(GgufValue? other) => other is not null && other.Type == Type && Value switch
    {
        float f => BitConverter.SingleToInt32Bits(f) == BitConverter.SingleToInt32Bits((float)other.Value),
        double d => BitConverter.DoubleToInt64Bits(d) == BitConverter.DoubleToInt64Bits((double)other.Value),
        _ => Value.Equals(other.Value),
    };

    public override bool Equals(object? obj) => Equals(obj as GgufValue);

    public override int GetHashCode() => HashCode.Combine(Type, Value);

    public override string ToString() => Value switch
    {
        string s => s,
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => Value.ToString() ?? "",
    };

    private InvalidOperationException WrongType(string wanted) => new($"metadata value is {Type}, not {wanted}");
}
