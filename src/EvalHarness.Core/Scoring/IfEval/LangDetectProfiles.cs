using System.IO.Compression;
using System.Text;

namespace EvalHarness.Core.Scoring.IfEval;

/// <summary>
/// langdetect's word→language probability map: for each n-gram, P(n-gram | language) = frequency / n_words[n-1]
/// of that language's profile. Stored sparsely (languages where the n-gram is absent have probability 0).
/// Decoded once, on first use (about 87,000 n-grams over 55 languages).
/// </summary>
internal sealed class LangDetectProfiles
{
    private static readonly Lazy<LangDetectProfiles> Instance = new(Load);

    private LangDetectProfiles(string[] languages, Dictionary<string, (int Language, double Probability)[]> map)
    {
        Languages = languages;
        Map = map;
    }

    public static LangDetectProfiles Default => Instance.Value;

    public IReadOnlyList<string> Languages { get; }

    public IReadOnlyDictionary<string, (int Language, double Probability)[]> Map { get; }

    private const string ProfileResource = "EvalHarness.Core.Scoring.IfEval.langdetect-profiles.txt.gz";

    private static LangDetectProfiles Load()
    {
        // langdetect 1.0.9's 55 profiles (Apache-2.0; as shipped in Debian's python3-langdetect), gzip-compressed.
        // After decompression: line 1 the language codes; line 2 per language the 1-, 2- and 3-gram counts; then one
        // line per n-gram: the n-gram, a tab, and "languageIndex:frequency" pairs.
        using var compressed = typeof(LangDetectProfiles).Assembly.GetManifestResourceStream(ProfileResource)
            ?? throw new InvalidOperationException($"embedded resource {ProfileResource} is missing");
        using var gzip = new GZipStream(compressed, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip, Encoding.UTF8);
        var languages = reader.ReadLine()!.Split(' ');
        var wordCounts = reader.ReadLine()!.Split(';').Select(counts => counts.Split(' ').Select(long.Parse).ToArray()).ToArray();
        var map = new Dictionary<string, (int, double)[]>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            int tab = line.IndexOf('\t');
            var ngram = line[..tab];
            int length = ngram.EnumerateRunes().Count();
            map[ngram] = line[(tab + 1)..].Split(' ').Select(pair =>
            {
                int colon = pair.IndexOf(':');
                int language = int.Parse(pair.AsSpan(0, colon), System.Globalization.CultureInfo.InvariantCulture);
                long frequency = long.Parse(pair.AsSpan(colon + 1), System.Globalization.CultureInfo.InvariantCulture);
                return (language, (double)frequency / wordCounts[language][length - 1]);
            }).ToArray();
        }
        return new LangDetectProfiles(languages, map);
    }
}
