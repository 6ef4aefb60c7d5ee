namespace EvalHarness.Core.Prompts;

/// <summary>One message of a conversation: role "system", "user" or "assistant".</summary>
public sealed record ChatTurn(string Role, string Content);
