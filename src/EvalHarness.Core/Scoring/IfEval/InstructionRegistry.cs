namespace EvalHarness.Core.Scoring.IfEval;

/// <summary>
/// The 25 instruction ids of the reference's <c>instructions_registry.INSTRUCTION_DICT</c> and how each checker is
/// built from its kwargs (and the prompt, which no current checker needs but the reference passes when asked).
/// </summary>
public static class InstructionRegistry
{
    private delegate IInstructionChecker Factory(string id, InstructionArguments args, string prompt);

    private static readonly Dictionary<string, Factory> Factories = new(StringComparer.Ordinal)
    {
        ["keywords:existence"] = (id, a, _) => new KeywordExistenceChecker(a.GetStringList("keywords") ?? throw Missing(id, "keywords")),
        ["keywords:frequency"] = (id, a, _) => new KeywordFrequencyChecker(
            a.RequireString(id, "keyword"), a.RequireInt(id, "frequency"), Relation(a, id, "relation")),
        ["keywords:forbidden_words"] = (id, a, _) => new ForbiddenWordsChecker(a.GetStringList("forbidden_words") ?? throw Missing(id, "forbidden_words")),
        ["keywords:letter_frequency"] = (id, a, _) => new LetterFrequencyChecker(
            a.RequireString(id, "letter"), a.RequireInt(id, "let_frequency"), Relation(a, id, "let_relation")),
        ["language:response_language"] = (id, a, _) => new ResponseLanguageChecker(a.RequireString(id, "language")),
        ["length_constraints:number_sentences"] = (id, a, _) => new NumberOfSentencesChecker(
            a.RequireInt(id, "num_sentences"), Relation(a, id, "relation")),
        ["length_constraints:number_paragraphs"] = (id, a, _) => new NumberOfParagraphsChecker(a.RequireInt(id, "num_paragraphs")),
        ["length_constraints:number_words"] = (id, a, _) => new NumberOfWordsChecker(a.RequireInt(id, "num_words"), Relation(a, id, "relation")),
        ["length_constraints:nth_paragraph_first_word"] = (id, a, _) => new NthParagraphFirstWordChecker(
            a.RequireInt(id, "num_paragraphs"), a.RequireInt(id, "nth_paragraph"), a.RequireString(id, "first_word")),
        ["detectable_content:number_placeholders"] = (id, a, _) => new PlaceholderChecker(a.RequireInt(id, "num_placeholders")),
        ["detectable_content:postscript"] = (id, a, _) => new PostscriptChecker(a.RequireString(id, "postscript_marker")),
        ["detectable_format:number_bullet_lists"] = (id, a, _) => new BulletListChecker(a.RequireInt(id, "num_bullets")),
        ["detectable_format:constrained_response"] = (_, _, _) => new ConstrainedResponseChecker(),
        ["detectable_format:number_highlighted_sections"] = (id, a, _) => new HighlightSectionChecker(a.RequireInt(id, "num_highlights")),
        ["detectable_format:multiple_sections"] = (id, a, _) => new MultipleSectionsChecker(
            a.RequireString(id, "section_spliter"), a.RequireInt(id, "num_sections")),
        ["detectable_format:json_format"] = (_, _, _) => new JsonFormatChecker(),
        ["detectable_format:title"] = (_, _, _) => new TitleChecker(),
        ["combination:two_responses"] = (_, _, _) => new TwoResponsesChecker(),
        ["combination:repeat_prompt"] = (id, a, _) => new RepeatPromptChecker(a.RequireString(id, "prompt_to_repeat")),
        ["startend:end_checker"] = (id, a, _) => new EndPhraseChecker(a.RequireString(id, "end_phrase")),
        ["startend:quotation"] = (_, _, _) => new QuotationChecker(),
        ["change_case:capital_word_frequency"] = (id, a, _) => new CapitalWordFrequencyChecker(
            a.RequireInt(id, "capital_frequency"), Relation(a, id, "capital_relation")),
        ["change_case:english_capital"] = (_, _, _) => new EnglishCapitalChecker(),
        ["change_case:english_lowercase"] = (_, _, _) => new EnglishLowercaseChecker(),
        ["punctuation:no_comma"] = (_, _, _) => new NoCommaChecker(),
    };

    /// <summary>All supported instruction ids, in the reference's order.</summary>
    public static IReadOnlyCollection<string> InstructionIds => Factories.Keys;

    public static bool IsKnown(string instructionId) => Factories.ContainsKey(instructionId);

    /// <summary>Builds the checker for one instruction of one prompt.</summary>
    /// <exception cref="ArgumentException">Unknown id, or kwargs the reference would reject or randomise.</exception>
    public static IInstructionChecker Create(string instructionId, InstructionArguments arguments, string prompt = "")
    {
        if (!Factories.TryGetValue(instructionId, out var factory))
        {
            throw new ArgumentException($"Unknown IFEval instruction id '{instructionId}'.");
        }
        try
        {
            return factory(instructionId, arguments, prompt);
        }
        catch (FormatException e)
        {
            throw new ArgumentException($"Instruction '{instructionId}': {e.Message}", e);
        }
    }

    private static ComparisonRelation Relation(InstructionArguments args, string id, string key) =>
        ComparisonRelations.Parse(args.RequireString(id, key), key);

    private static ArgumentException Missing(string id, string key) =>
        new($"Instruction '{id}' needs kwargs '{key}' (the reference would pick random keywords).");
}
