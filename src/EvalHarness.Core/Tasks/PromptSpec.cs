using EvalHarness.Core.Prompts;

namespace EvalHarness.Core.Tasks;

/// <summary>
/// The prompt texts. <see cref="Description"/> comes once before everything (MMLU's "The following are …");
/// <see cref="Text"/> renders one item (lm-eval doc_to_text); an exemplar is its Text followed by
/// <see cref="ShotTarget"/>; exemplars and the item are joined by <see cref="ShotSeparator"/>.
/// <see cref="ChatText"/> replaces Text when a chat template is applied (generative CoT tasks word the user turn
/// differently), and <see cref="System"/> is the default system message then.
/// </summary>
public sealed record PromptSpec(
    PromptTemplate Description,
    PromptTemplate Text,
    PromptTemplate ShotTarget,
    string ShotSeparator,
    PromptTemplate? ChatText,
    string? System);
