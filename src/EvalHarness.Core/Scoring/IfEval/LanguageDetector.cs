using System.Text;
using System.Text.RegularExpressions;

namespace EvalHarness.Core.Scoring.IfEval;

/// <summary>
/// langdetect (the detector the reference calls) re-implemented: URLs and e-mail addresses removed, Vietnamese
/// diacritics composed, Latin letters dropped from mostly non-Latin text, characters normalised as langdetect's
/// NGram does, then 1- to 3-grams scored by Naive Bayes against langdetect's own 55 profiles in 7 trials of random
/// n-gram draws with a jittered smoothing alpha. The random generator is CPython's, seeded with 0: the result is
/// what langdetect returns with <c>DetectorFactory.seed = 0</c>. The reference leaves langdetect unseeded, so on
/// borderline texts (a word or two, mixed languages) its own verdict can change from run to run; ours is fixed.
/// Not reproduced: langdetect's grouping of CJK ideographs into classes (Chinese/Japanese detection is rougher;
/// IFEval asks for neither) and the 10,000-character cap is applied to UTF-16 units rather than code points.
/// </summary>
public sealed class LanguageDetector
{
    public static LanguageDetector Default { get; } = new();

    private const double AlphaDefault = 0.5, AlphaWidth = 0.05, ConvergenceThreshold = 0.99999, ProbabilityThreshold = 0.1;
    private const int IterationLimit = 1000, Trials = 7, MaxTextLength = 10000, BaseFrequency = 10000;

    private static readonly Regex Url = new(@"https?://[-_.?&~;+=/#0-9A-Za-z]{1,2076}", RegexOptions.CultureInvariant);
    private static readonly Regex Mail = new(@"[-_.0-9A-Za-z]{1,64}@[-_0-9A-Za-z]{1,255}[-_.0-9A-Za-z]{1,255}", RegexOptions.CultureInvariant);
    private static readonly Regex VietnameseMark = new("([AEIOUYaeiouy\u00c2\u00ca\u00d4\u00e2\u00ea\u00f4\u0102\u0103\u01a0\u01a1\u01af\u01b0])([\u0300\u0301\u0303\u0309\u0323])", RegexOptions.CultureInvariant);

    /// <summary>
    /// The most probable language code (e.g. "en", "hi", "zh-cn"), "unknown" when no language reaches 0.1, or null
    /// when the text has no n-gram langdetect knows (langdetect raises "No features in text" then).
    /// </summary>
    public string? Detect(string text)
    {
        var ngrams = ExtractNgrams(CleanText(PrepareText(text)));
        if (ngrams.Count == 0) return null;
        var probabilities = DetectBlock(ngrams);
        int best = -1;
        for (int i = 0; i < probabilities.Length; i++)
        {
            if (probabilities[i] > ProbabilityThreshold && (best < 0 || probabilities[i] > probabilities[best])) best = i;
        }
        return best < 0 ? "unknown" : LangDetectProfiles.Default.Languages[best];
    }

    /// <summary>Detector.append: URLs and mail removed, Vietnamese composed, runs of spaces collapsed, capped.</summary>
    private static string PrepareText(string text)
    {
        text = Mail.Replace(Url.Replace(text, " "), " ");
        text = VietnameseMark.Replace(text, m => m.Value.Normalize(NormalizationForm.FormC));
        var builder = new StringBuilder();
        char previous = '\0';
        for (int i = 0; i < Math.Min(text.Length, MaxTextLength); i++)
        {
            if (text[i] != ' ' || previous != ' ') builder.Append(text[i]);
            previous = text[i];
        }
        return builder.ToString();
    }

    /// <summary>Detector.cleaning_text: drop Latin letters when non-Latin letters outnumber them two to one.</summary>
    private static string CleanText(string text)
    {
        int latin = 0, nonLatin = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            if (rune.Value >= 'A' && rune.Value <= 'z') latin++;
            else if (rune.Value >= 0x300 && !(rune.Value >= 0x1E00 && rune.Value <= 0x1EFF)) nonLatin++;
        }
        if (latin * 2 >= nonLatin) return text;
        var builder = new StringBuilder();
        foreach (var rune in text.EnumerateRunes())
        {
            if (rune.Value < 'A' || rune.Value > 'z') builder.Append(rune.ToString());
        }
        return builder.ToString();
    }

    /// <summary>Detector._extract_ngrams with NGram.add_char: the 1-, 2- and 3-grams ending at each character.</summary>
    private static List<string> ExtractNgrams(string text)
    {
        var map = LangDetectProfiles.Default.Map;
        var result = new List<string>();
        var grams = new List<Rune> { new(' ') };
        bool capitalWord = false;
        foreach (var raw in text.EnumerateRunes())
        {
            var ch = LangDetectNormalizer.Normalize(raw);
            var last = grams[^1];
            if (last.Value == ' ')
            {
                grams.Clear();
                grams.Add(new Rune(' '));
                capitalWord = false;
                if (ch.Value == ' ') continue;
            }
            else if (grams.Count >= 3)
            {
                grams.RemoveAt(0);
            }
            grams.Add(ch);
            capitalWord = PythonText.IsUpperRune(ch) ? capitalWord || PythonText.IsUpperRune(last) : false;
            if (capitalWord) continue;
            for (int n = 1; n <= 3 && n <= grams.Count; n++)
            {
                var gram = string.Concat(grams.Skip(grams.Count - n).Select(r => r.ToString()));
                if (gram != " " && map.ContainsKey(gram)) result.Add(gram);
            }
        }
        return result;
    }

    /// <summary>Detector._detect_block: seven trials of Naive Bayes updates on randomly drawn n-grams.</summary>
    private static double[] DetectBlock(List<string> ngrams)
    {
        var profiles = LangDetectProfiles.Default;
        int languages = profiles.Languages.Count;
        var averaged = new double[languages];
        var random = new PythonRandom(0);
        var factors = new double[languages];
        for (int trial = 0; trial < Trials; trial++)
        {
            var probabilities = Enumerable.Repeat(1.0 / languages, languages).ToArray();
            double alpha = AlphaDefault + random.Gauss(0.0, 1.0) * AlphaWidth;
            double weight = alpha / BaseFrequency;
            for (int i = 0; ; i++)
            {
                Array.Fill(factors, weight);
                foreach (var (language, probability) in profiles.Map[ngrams[random.NextIndex(ngrams.Count)]]) factors[language] = weight + probability;
                for (int l = 0; l < languages; l++) probabilities[l] *= factors[l];
                if (i % 5 == 0 && (Normalize(probabilities) > ConvergenceThreshold || i >= IterationLimit)) break;
            }
            for (int l = 0; l < languages; l++) averaged[l] += probabilities[l] / Trials;
        }
        return averaged;
    }

    private static double Normalize(double[] probabilities)
    {
        double max = 0, sum = 0;
        foreach (var p in probabilities) sum += p;
        for (int i = 0; i < probabilities.Length; i++)
        {
            probabilities[i] /= sum;
            if (max < probabilities[i]) max = probabilities[i];
        }
        return max;
    }
}
