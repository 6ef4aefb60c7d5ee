using System.Text.RegularExpressions;

namespace EvalHarness.Core.Scoring.IfEval;

/// <summary>length_constraints:number_sentences — Punkt sentence count compared with the relation.</summary>
public sealed class NumberOfSentencesChecker(int numSentences, ComparisonRelation relation) : IInstructionChecker
{
    public string InstructionId => "length_constraints:number_sentences";

    public bool IsFollowed(string response) => relation.Holds(PunktSentenceTokenizer.English.CountSentences(response), numSentences);
}

/// <summary>length_constraints:number_words — <c>\w+</c> token count compared with the relation.</summary>
public sealed class NumberOfWordsChecker(int numWords, ComparisonRelation relation) : IInstructionChecker
{
    public string InstructionId => "length_constraints:number_words";

    public bool IsFollowed(string response) => relation.Holds(WordCounter.Count(response), numWords);
}

/// <summary>
/// length_constraints:number_paragraphs — paragraphs are separated by the markdown divider <c>***</c>
/// (split on <c>\s?\*\*\*\s?</c>); empty pieces are allowed only first or last; the count must be exact.
/// </summary>
public sealed class NumberOfParagraphsChecker(int numParagraphs) : IInstructionChecker
{
    private static readonly Regex Divider = PythonRegex.Create(@"\s?\*\*\*\s?");

    public string InstructionId => "length_constraints:number_paragraphs";

    public bool IsFollowed(string response)
    {
        var paragraphs = Divider.Split(response);
        int count = paragraphs.Length;
        for (int index = 0; index < paragraphs.Length; index++)
        {
            if (PythonText.Strip(paragraphs[index]).Length > 0) continue;
            if (index == 0 || index == paragraphs.Length - 1) count--;
            else return false;
        }
        return count == numParagraphs;
    }
}

/// <summary>
/// length_constraints:nth_paragraph_first_word — paragraphs split on "\n\n"; the non-empty count must equal
/// num_paragraphs and the nth piece (indexed among all pieces, as the reference does) must start with first_word,
/// compared lowercased after dropping leading quotes and cutting at the first . , ? ! ' or ".
/// </summary>
public sealed class NthParagraphFirstWordChecker(int numParagraphs, int nthParagraph, string firstWord) : IInstructionChecker
{
    private const string Punctuation = ".,?!'\"";
    private readonly string _firstWord = PythonText.Lower(firstWord);

    public string InstructionId => "length_constraints:nth_paragraph_first_word";

    public bool IsFollowed(string response)
    {
        var paragraphs = response.Split("\n\n");
        int count = paragraphs.Count(p => PythonText.Strip(p).Length > 0);
        if (nthParagraph > count || nthParagraph < 1) return false;
        var paragraph = PythonText.Strip(paragraphs[nthParagraph - 1]);
        if (paragraph.Length == 0) return false;

        var word = PythonText.Strip(PythonText.SplitOnWhitespace(paragraph)[0]);
        word = PythonText.LeftStrip(PythonText.LeftStrip(word, "'"), "\"");
        int cut = word.IndexOfAny(Punctuation.ToCharArray());
        var first = PythonText.Lower(cut >= 0 ? word[..cut] : word);
        return count == numParagraphs && first == _firstWord;
    }
}
