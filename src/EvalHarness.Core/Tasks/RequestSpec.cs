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
/// <param name="Repeats">Generations per item (sampling at temperature &gt; 0, one seed each): the task's metrics are
/// averaged per item first, and the spread across repeats is reported beside them.</param>
/// <param name="ChatStop">Stop sequences under a chat template, where they differ from <paramref name="Stop"/> (a
/// completion's code stops such as "\ndef" would cut a chat answer's fenced code short); null = the same.</param>
public sealed record RequestSpec(
    RequestKind Kind,
    string TargetDelimiter,
    int MaxNewTokens,
    IReadOnlyList<string> Stop,
    float Temperature,
    float TopP,
    int ReasoningBudget,
    IReadOnlyList<string>? ChatStop = null,
    int Repeats = 1)
{
    /// <summary>The stop sequences for a prompt built raw or with the chat template.</summary>
    public IReadOnlyList<string> StopFor(bool chat) => chat && ChatStop is { } chatStop ? chatStop : Stop;
}
