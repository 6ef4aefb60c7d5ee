namespace EvalHarness.Core.Scoring.IfEval;

/// <summary>
/// change_case:capital_word_frequency — tokens of nltk's word_tokenize (approximated by
/// <see cref="TreebankWordTokenizer"/>) that are upper case (Python isupper), compared with the relation.
/// </summary>
public sealed class CapitalWordFrequencyChecker(int capitalFrequency, ComparisonRelation relation) : IInstructionChecker
{
    public string InstructionId => "change_case:capital_word_frequency";

    public bool IsFollowed(string response)
    {
        int capitals = TreebankWordTokenizer.WordTokenize(response).Count(PythonText.IsUpper);
        return relation.Holds(capitals, capitalFrequency);
    }
}

/// <summary>
/// change_case:english_capital — the whole response is upper case (Python isupper) and detected as English.
/// When no language can be detected the reference counts the instruction as followed.
/// </summary>
public sealed class EnglishCapitalChecker : IInstructionChecker
{
    public string InstructionId => "change_case:english_capital";

    public bool IsFollowed(string response) =>
        PythonText.IsUpper(response) && LanguageDetector.Default.Detect(response) is null or "en";
}

/// <summary>change_case:english_lowercase — the whole response is lower case (Python islower) and detected as English.</summary>
public sealed class EnglishLowercaseChecker : IInstructionChecker
{
    public string InstructionId => "change_case:english_lowercase";

    public bool IsFollowed(string response) =>
        PythonText.IsLower(response) && LanguageDetector.Default.Detect(response) is null or "en";
}

/// <summary>punctuation:no_comma — no ',' anywhere (other comma characters such as '，' are allowed, as in the reference).</summary>
public sealed class NoCommaChecker : IInstructionChecker
{
    public string InstructionId => "punctuation:no_comma";

    public bool IsFollowed(string response) => !response.Contains(',');
}

/// <summary>
/// language:response_language — the detected language equals the ISO 639-1 code; undetectable text (no letters)
/// counts as followed, as in the reference.
/// </summary>
public sealed class ResponseLanguageChecker(string language) : IInstructionChecker
{
    public string InstructionId => "language:response_language";

    public bool IsFollowed(string response) => LanguageDetector.Default.Detect(response) is not { } detected || detected == language;
}
