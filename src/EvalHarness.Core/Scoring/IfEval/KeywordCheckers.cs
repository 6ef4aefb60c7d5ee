using System.Text.RegularExpressions;

namespace EvalHarness.Core.Scoring.IfEval;

/// <summary>keywords:existence — every keyword is found (as a case-insensitive regex search, as in the reference).</summary>
public sealed class KeywordExistenceChecker(IReadOnlyList<string> keywords) : IInstructionChecker
{
    private readonly Regex[] _patterns = keywords.Order(StringComparer.Ordinal).Select(k => PythonRegex.Create(k, ignoreCase: true)).ToArray();

    public string InstructionId => "keywords:existence";

    public bool IsFollowed(string response) => _patterns.All(pattern => pattern.IsMatch(response));
}

/// <summary>keywords:frequency — non-overlapping case-insensitive matches of the stripped keyword, compared with the relation.</summary>
public sealed class KeywordFrequencyChecker(string keyword, int frequency, ComparisonRelation relation) : IInstructionChecker
{
    private readonly Regex _pattern = PythonRegex.Create(PythonText.Strip(keyword), ignoreCase: true);

    public string InstructionId => "keywords:frequency";

    public bool IsFollowed(string response) => relation.Holds(_pattern.Matches(response).Count, frequency);
}

/// <summary>keywords:forbidden_words — none of the words appears between word boundaries (case-insensitive).</summary>
public sealed class ForbiddenWordsChecker(IReadOnlyList<string> forbiddenWords) : IInstructionChecker
{
    private readonly Regex[] _patterns = forbiddenWords.Distinct().Order(StringComparer.Ordinal)
        .Select(word => PythonRegex.Create(PythonRegex.WordBoundary + word + PythonRegex.WordBoundary, ignoreCase: true))
        .ToArray();

    public string InstructionId => "keywords:forbidden_words";

    public bool IsFollowed(string response) => !_patterns.Any(pattern => pattern.IsMatch(response));
}

/// <summary>keywords:letter_frequency — occurrences of the (lowercased) letter in the lowercased response.</summary>
public sealed class LetterFrequencyChecker : IInstructionChecker
{
    private readonly string _letter;
    private readonly int _frequency;
    private readonly ComparisonRelation _relation;

    public LetterFrequencyChecker(string letter, int frequency, ComparisonRelation relation)
    {
        // The reference replaces an empty or multi-character letter with a random one; that cannot be scored.
        if (letter.Length != 1) throw new ArgumentException($"keywords:letter_frequency needs a single letter, got '{letter}'.");
        _letter = PythonText.Lower(PythonText.Strip(letter));
        _frequency = frequency;
        _relation = relation;
    }

    public string InstructionId => "keywords:letter_frequency";

    public bool IsFollowed(string response)
    {
        var lowered = PythonText.Lower(response);
        int count = 0;
        if (_letter.Length == 0) return _relation.Holds(0, _frequency);
        for (int i = 0; (i = lowered.IndexOf(_letter[0], i)) >= 0; i++) count++;
        return _relation.Holds(count, _frequency);
    }
}
