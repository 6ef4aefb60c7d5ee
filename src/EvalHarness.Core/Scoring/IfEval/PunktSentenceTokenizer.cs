using System.Text.RegularExpressions;
using static EvalHarness.Core.Scoring.IfEval.PunktEnglishParameters;

namespace EvalHarness.Core.Scoring.IfEval;

/// <summary>
/// The Punkt sentence splitter (Kiss &amp; Strunk 2006) as NLTK applies its pretrained English model: candidate
/// boundaries are '.', '?' and '!' followed by whitespace and a token or by closing punctuation; a period after a
/// known abbreviation is no break unless the next word looks like a sentence start (orthographic evidence or a
/// frequent sentence starter); a period after a number or an initial is a break unless the next word says
/// otherwise; closing quotes and brackets after a break move into the sentence they close.
/// The decisions are NLTK's; the only approximation is the orthographic table (see <see cref="PunktEnglishParameters"/>).
/// </summary>
public sealed class PunktSentenceTokenizer
{
    public static PunktSentenceTokenizer English { get; } = new();

    private const string NonWord = @"(?:[?!)"";}\]\*:@'\({\[])";
    private const string MultiChar = @"(?:\-{2,}|\.{2,}|(?:\.\s){2,}\.)";

    private static readonly Regex PeriodContext = new(
        @"[.?!](?=(?<after_tok>" + NonWord + @"|\s+(?<next_tok>\S+)))", RegexOptions.CultureInvariant);

    private static readonly Regex WordTokenizer = new(
        MultiChar + "|" +
        @"(?=[^\(""`{\[:;&\#\*@\)}\]\-,])\S+?(?=\s|$|" + NonWord + "|" + MultiChar + "|,(?=$|\\s|" + NonWord + "|" + MultiChar + "))" +
        @"|\S", RegexOptions.CultureInvariant);

    private static readonly Regex BoundaryRealignment = new(@"[""')\]}]+?(?:\s+|(?=--)|$)", RegexOptions.Multiline | RegexOptions.CultureInvariant);

    /// <summary>The number of sentences nltk's <c>PunktSentenceTokenizer.tokenize</c> returns.</summary>
    public int CountSentences(string text) => SentenceSpans(text).Count();

    public IReadOnlyList<string> Tokenize(string text) =>
        SentenceSpans(text).Select(span => text[span.Start..span.End]).ToList();

    private IEnumerable<(int Start, int End)> SentenceSpans(string text)
    {
        var slices = SlicesFromText(text).ToList();
        int realign = 0;
        for (int i = 0; i < slices.Count; i++)
        {
            var (start, end) = (slices[i].Start + realign, slices[i].End);
            if (i == slices.Count - 1)
            {
                if (end > start) yield return (start, end);
                continue;
            }
            var next = slices[i + 1];
            var match = BoundaryRealignment.Match(text[next.Start..next.End]);
            if (match.Success && match.Index == 0)
            {
                yield return (start, next.Start + match.Value.TrimEnd().Length);
                realign = match.Length;
            }
            else
            {
                realign = 0;
                if (end > start) yield return (start, end);
            }
        }
    }

    private IEnumerable<(int Start, int End)> SlicesFromText(string text)
    {
        int lastBreak = 0;
        foreach (var (match, context) in PotentialEndContexts(text))
        {
            if (!ContainsSentenceBreak(context)) continue;
            yield return (lastBreak, match.Index + match.Length);
            var nextToken = match.Groups["next_tok"];
            lastBreak = nextToken.Success ? nextToken.Index : match.Index + match.Length;
        }
        int end = text.Length;
        while (end > 0 && PythonText.IsSpace(text[end - 1])) end--;
        yield return (lastBreak, Math.Max(lastBreak, end));
    }

    /// <summary>Each candidate boundary with its context: the word before it, the mark and what follows.</summary>
    private static IEnumerable<(Match Match, string Context)> PotentialEndContexts(string text)
    {
        (int Start, int End) previousSlice = (0, 0);
        Match? previousMatch = null;
        foreach (Match match in PeriodContext.Matches(text))
        {
            int beforeStart = previousSlice.End;
            int lastSpace = LastWhitespaceIndex(text, beforeStart, match.Index);
            int wordStart = lastSpace != 0 ? lastSpace + beforeStart + 1 : previousSlice.Start;
            var wordSlice = (Start: wordStart, End: match.Index);
            if (previousMatch is not null && previousSlice.End <= wordSlice.Start)
            {
                yield return (previousMatch, Context(text, previousSlice, previousMatch));
            }
            previousMatch = match;
            previousSlice = wordSlice;
        }
        if (previousMatch is not null) yield return (previousMatch, Context(text, previousSlice, previousMatch));
    }

    private static string Context(string text, (int Start, int End) slice, Match match) =>
        text[slice.Start..slice.End] + match.Value + match.Groups["after_tok"].Value;

    /// <summary>nltk's _get_last_whitespace_index: the offset of the last ASCII whitespace, or 0 when there is none.</summary>
    private static int LastWhitespaceIndex(string text, int start, int end)
    {
        for (int i = end - 1; i >= start; i--)
        {
            if (text[i] is ' ' or '\t' or '\n' or '\r' or '\v' or '\f') return i - start;
        }
        return 0;
    }

    private bool ContainsSentenceBreak(string context)
    {
        bool found = false;
        foreach (var token in Annotate(TokenizeWords(context)))
        {
            if (found) return true;
            if (token.SentenceBreak) found = true;
        }
        return false;
    }

    private static List<PunktToken> TokenizeWords(string text)
    {
        var tokens = new List<PunktToken>();
        foreach (var line in text.Split('\n'))
        {
            if (PythonText.Strip(line).Length == 0) continue;
            foreach (Match m in WordTokenizer.Matches(line)) tokens.Add(new PunktToken(m.Value));
        }
        return tokens;
    }

    private static List<PunktToken> Annotate(List<PunktToken> tokens)
    {
        foreach (var token in tokens) FirstPass(token);
        for (int i = 0; i < tokens.Count - 1; i++) SecondPass(tokens[i], tokens[i + 1]);
        return tokens;
    }

    private static void FirstPass(PunktToken token)
    {
        var tok = token.Text;
        if (tok is "." or "?" or "!") token.SentenceBreak = true;
        else if (token.IsEllipsis) token.Ellipsis = true;
        else if (token.PeriodFinal && !tok.EndsWith("..", StringComparison.Ordinal))
        {
            var withoutPeriod = PythonText.Lower(tok[..^1]);
            if (AbbreviationTypes.Contains(withoutPeriod) || AbbreviationTypes.Contains(withoutPeriod.Split('-')[^1])) token.Abbreviation = true;
            else token.SentenceBreak = true;
        }
    }

    private static void SecondPass(PunktToken token, PunktToken next)
    {
        if (!token.PeriodFinal) return;
        var type = token.TypeNoPeriod;
        var nextType = next.TypeNoSentencePeriod;
        bool isInitial = token.IsInitial;

        if (Collocations.Contains((type, nextType)))
        {
            token.SentenceBreak = false;
            token.Abbreviation = true;
            return;
        }
        if ((token.Abbreviation || token.Ellipsis) && !isInitial)
        {
            if (OrthographicHeuristic(next) == true || (next.FirstUpper && SentenceStarters.Contains(nextType)))
            {
                token.SentenceBreak = true;
                return;
            }
        }
        if (isInitial || type == "##number##")
        {
            var startsSentence = OrthographicHeuristic(next);
            if (startsSentence == false
                || (startsSentence is null && isInitial && next.FirstUpper && (OrthographicContext(nextType) & Lower) == 0))
            {
                token.SentenceBreak = false;
                token.Abbreviation = true;
            }
        }
    }

    /// <summary>True: the word starts a sentence; false: it does not; null: unknown.</summary>
    private static bool? OrthographicHeuristic(PunktToken token)
    {
        // Python's `tok in ";:,.!?"` is a substring test.
        if (";:,.!?".Contains(token.Text, StringComparison.Ordinal)) return false;
        int context = OrthographicContext(token.TypeNoSentencePeriod);
        if (token.FirstUpper && (context & Lower) != 0 && (context & MidUc) == 0) return true;
        if (token.FirstLower && ((context & Upper) != 0 || (context & BegLc) == 0)) return false;
        return null;
    }
}
