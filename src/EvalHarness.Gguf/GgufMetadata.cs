using System.Collections;
using EvalHarness.Gguf.Format;

namespace EvalHarness.Gguf;

/// <summary>Metadata key/value pairs in file order, with typed look-ups. Keys are unique.</summary>
public sealed class GgufMetadata : IReadOnlyList<KeyValuePair<string, GgufValue>>
{
    private readonly List<KeyValuePair<string, GgufValue>> _entries = [];
    private readonly Dictionary<string, GgufValue> _byKey = new(StringComparer.Ordinal);

    public GgufMetadata() { }

    public GgufMetadata(IEnumerable<KeyValuePair<string, GgufValue>> entries)
    {
        foreach (var (key, value) in entries) Add(key, value);
    }

    public int Count => _entries.Count;

    public KeyValuePair<string, GgufValue> this[int index] => _entries[index];

    public IEnumerable<string> Keys => _entries.Select(e => e.Key);

    /// <summary>Adds a pair; a key that is already present is an error (GGUF forbids duplicates).</summary>
    public void Add(string key, GgufValue value)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentNullException.ThrowIfNull(value);
        if (!_byKey.TryAdd(key, value))
        {
            throw new ArgumentException($"metadata key '{key}' is already present", nameof(key));
        }
        _entries.Add(new(key, value));
    }

    /// <summary>Adds or replaces a pair, keeping the original position when replacing.</summary>
    public void Set(string key, GgufValue value)
    {
        if (_byKey.ContainsKey(key))
        {
            var index = _entries.FindIndex(e => e.Key == key);
            _entries[index] = new(key, value);
            _byKey[key] = value;
        }
        else
        {
            Add(key, value);
        }
    }

    public bool ContainsKey(string key) => _byKey.ContainsKey(key);

    public bool TryGetValue(string key, out GgufValue value) => _byKey.TryGetValue(key, out value!);

    public GgufValue? Get(string key) => _byKey.GetValueOrDefault(key);

    public string? GetString(string key) => Get(key)?.Value as string;

    /// <summary>An integer of any GGUF integer type, or null when absent or not an integer.</summary>
    public long? GetInteger(string key) => Get(key) is { } v && v.TryGetInteger(out var n) ? n : null;

    public double? GetNumber(string key) => Get(key) is { } v && v.TryGetNumber(out var n) ? n : null;

    public bool? GetBool(string key) => Get(key)?.Value as bool?;

    public GgufArray? GetArray(string key) => Get(key)?.Value as GgufArray;

    /// <summary>general.alignment when present (validated by the reader), otherwise the GGUF default of 32.</summary>
    public int Alignment => GetInteger(GgufConstants.AlignmentKey) is { } a ? (int)a : GgufConstants.DefaultAlignment;

    public IEnumerator<KeyValuePair<string, GgufValue>> GetEnumerator() => _entries.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
