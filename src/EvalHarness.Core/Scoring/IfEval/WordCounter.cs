using System.Text;

namespace EvalHarness.Core.Scoring.IfEval;

/// <summary>
/// Word count as the reference computes it: the number of <c>\w+</c> runs (nltk's <c>RegexpTokenizer(r"\w+")</c>),
/// with Python's definition of <c>\w</c> (letters, numbers, underscore; no combining marks).
/// </summary>
public static class WordCounter
{
    public static int Count(string text)
    {
        int count = 0;
        bool inWord = false;
        foreach (var rune in text.EnumerateRunes())
        {
            bool isWord = PythonText.IsWordRune(rune);
            if (isWord && !inWord) count++;
            inWord = isWord;
        }
        return count;
    }
}
