using System.Text.Json;
using System.Text.Json.Serialization;

namespace EvalHarness.Cli.Serve;

/// <summary>The body of POST /v1/chat/completions (the fields the server honours).</summary>
internal sealed record ChatRequestBody : Core.Remote.SamplingRequestBody
{
    [JsonPropertyName("messages")] public List<ChatMessageBody> Messages { get; init; } = [];
    [JsonPropertyName("max_completion_tokens")] public int? MaxCompletionTokens { get; init; }
}

internal sealed record ChatMessageBody
{
    [JsonPropertyName("role")] public string? Role { get; init; }
    [JsonPropertyName("content")] public string? Content { get; init; }
}

internal sealed record ChatResponse
{
    [JsonPropertyName("id")] public string Id { get; init; } = "";
    [JsonPropertyName("object")] public string Object { get; init; } = "chat.completion";
    [JsonPropertyName("created")] public long Created { get; init; }
    [JsonPropertyName("model")] public string Model { get; init; } = "";
    [JsonPropertyName("choices")] public List<ChatChoice> Choices { get; init; } = [];
    [JsonPropertyName("usage")] public Core.Remote.CompletionUsage? Usage { get; init; }
}

/// <summary>A choice: <see cref="Message"/> in whole answers, <see cref="Delta"/> in streamed chunks.</summary>
internal sealed record ChatChoice
{
    [JsonPropertyName("index")] public int Index { get; init; }
    [JsonPropertyName("message")] public ChatMessageBody? Message { get; init; }
    [JsonPropertyName("delta")] public ChatMessageBody? Delta { get; init; }
    [JsonPropertyName("finish_reason")] public string? FinishReason { get; init; }
}
