namespace EvalHarness.Core.Tasks;

public enum RequestKind
{
    /// <summary>Score each choice as a continuation (lm-eval multiple_choice).</summary>
    Loglikelihood,
    /// <summary>Generate until a stop sequence or the token limit (lm-eval generate_until).</summary>
    Generate,
}

/// <param name="TargetDelimiter">Between the context and each choice for loglikelihood (" " in lm-eval; empty under a chat template).</param>
/// <param name="MaxNewTokens">Generation limit with thinking off.</param>
/// <param name="ReasoningBudget">Extra new tokens allowed when thinking is on (reasoning models think at length).</param>
public sealed record RequestSpec(
    RequestKind Kind,
    string TargetDelimiter,
    int MaxNewTokens,
    IReadOnlyList<string> Stop,
    float Temperature,
    float TopP,
    int ReasoningBudget);
