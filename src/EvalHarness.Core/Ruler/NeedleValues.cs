using System.Globalization;

namespace EvalHarness.Core.Ruler;

/// <summary>niah.py's generate_random: 7-digit numbers, adjective-noun words, UUIDs.</summary>
public static class NeedleValues
{
    public static string Next(NeedleValueKind kind, RulerRandom random, RulerWords words) => kind switch
    {
        NeedleValueKind.Numbers => random.NextInclusive(1_000_000, 9_999_999).ToString(CultureInfo.InvariantCulture),
        NeedleValueKind.Words => random.Choice(words.KeyWords),
        _ => random.NextUuid(),
    };

    /// <summary>A value not in <paramref name="taken"/> (added to it), so no key or value appears twice where RULER means it once.</summary>
    public static string NextDistinct(NeedleValueKind kind, RulerRandom random, RulerWords words, ISet<string> taken)
    {
        for (var attempt = 0; attempt < 10_000; attempt++)
        {
            var value = Next(kind, random, words);
            if (taken.Add(value)) return value;
        }
        throw new InvalidOperationException($"could not draw a new {kind} value: the word list is too small for this many needles");
    }
}
