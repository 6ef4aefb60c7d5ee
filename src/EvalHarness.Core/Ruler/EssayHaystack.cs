using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace EvalHarness.Core.Ruler;

/// <summary>
/// Paul Graham's essays as a word sequence (RULER: the essays joined, every run of whitespace one space, split on
/// spaces), counted in words and cut into sentences where the needles go between. RULER's copy is the 217 essays
/// behind PaulGrahamEssays_URLs.txt; the folder given here (e.g. gkamradt's 49 essays, ~112K words) is read in file
/// name order. Past its end the words start again from the beginning, so any length can be reached (RULER stops at the
/// end of its text). Sentences: RULER uses NLTK's Punkt; we split after a word ending in . ! or ? (closing quotes and
/// brackets allowed) when the next word does not begin with a lower-case letter and the word is no common abbreviation
/// or initial — the same boundaries on ordinary prose, coarser on unusual ones.
/// </summary>
public sealed partial class EssayHaystack
{
    private static readonly ConcurrentDictionary<string, EssayHaystack> Loaded = new(StringComparer.Ordinal);

    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "mr.", "mrs.", "ms.", "dr.", "prof.", "st.", "jr.", "sr.", "vs.", "etc.", "e.g.", "i.e.", "inc.", "co.", "no.", "approx.", "u.s.",
    };

    private readonly bool[] _endsSentence;

    private EssayHaystack(IReadOnlyList<string> words)
    {
        Words = words;
        _endsSentence = new bool[words.Count];
        for (var i = 0; i < words.Count; i++) _endsSentence[i] = EndsSentence(words[i], words[(i + 1) % words.Count]);
    }

    public IReadOnlyList<string> Words { get; }

    /// <summary>Reads every *.txt file under <paramref name="directory"/> once per process.</summary>
    public static EssayHaystack Load(string directory)
    {
        var full = Path.GetFullPath(directory);
        return Loaded.GetOrAdd(full, static path =>
        {
            if (!Directory.Exists(path)) throw new DirectoryNotFoundException($"essay folder not found: {path}");
            var files = Directory.GetFiles(path, "*.txt", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray();
            if (files.Length == 0) throw new FileNotFoundException($"no .txt essays in {path}");
            return FromText(string.Join(" ", files.Select(File.ReadAllText)));
        });
    }

    public static EssayHaystack FromText(string text)
    {
        var words = Whitespace().Replace(text, " ").Trim().Split(' ');
        if (words.Length < 2) throw new ArgumentException("the essay text has fewer than two words", nameof(text));
        return new EssayHaystack(words);
    }

    /// <summary>The first <paramref name="wordCount"/> words (cycling), as sentences.</summary>
    public List<string> Sentences(int wordCount)
    {
        var sentences = new List<string>();
        var current = new List<string>();
        for (var i = 0; i < wordCount; i++)
        {
            var index = i % Words.Count;
            current.Add(Words[index]);
            if (_endsSentence[index] || i == wordCount - 1)
            {
                sentences.Add(string.Join(" ", current));
                current.Clear();
            }
        }
        return sentences;
    }

    private static bool EndsSentence(string word, string next)
    {
        var core = word.TrimEnd('"', '\'', ')', ']', '\u201d', '\u2019');
        if (core.Length == 0 || core[^1] is not ('.' or '!' or '?')) return false;
        if (Abbreviations.Contains(core)) return false;
        if (core.Length == 2 && char.IsUpper(core[0]) && core[1] == '.') return false; // an initial: "J. Smith"
        return next.Length == 0 || !char.IsLower(next[0]);
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
