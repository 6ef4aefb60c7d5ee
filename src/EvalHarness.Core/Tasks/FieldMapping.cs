using EvalHarness.Core.Prompts;

namespace EvalHarness.Core.Tasks;

/// <summary>
/// How a raw record becomes a sample (lm-eval's doc_to_target / doc_to_choice).
/// </summary>
/// <param name="Id">Sample id template (null: "{file stem}/{record number}").</param>
/// <param name="Group">Group template (null: the group from the file name, if any).</param>
/// <param name="Target">The reference answer: choice label / index / text for multiple choice, the answer text otherwise.</param>
/// <param name="Choices">Choice texts: one template each, or a single list-valued placeholder. Empty: not multiple choice.</param>
/// <param name="ChoiceLabels">Labels the target is matched against (list placeholder or templates); default A, B, C, …</param>
/// <param name="ShuffleSeed">When set, choices are shuffled per sample with this seed and the sample id (GPQA).</param>
/// <param name="Answers">Several reference answers from one list-valued placeholder (RULER's outputs), all checked by
/// the scorer; null: the single <paramref name="Target"/>.</param>
public sealed record FieldMapping(
    PromptTemplate? Id,
    PromptTemplate? Group,
    PromptTemplate Target,
    IReadOnlyList<PromptTemplate> Choices,
    IReadOnlyList<PromptTemplate> ChoiceLabels,
    int? ShuffleSeed,
    PromptTemplate? Answers = null);
