using System.Text.Json;
using EvalHarness.Core.Remote;
using Microsoft.AspNetCore.Http;

namespace EvalHarness.Cli.Serve;

/// <summary>JSON in and out, and OpenAI-style errors: {"error": {"message", "type"}}.</summary>
internal static class ServerJson
{
    public static async Task<T> Read<T>(HttpContext http)
    {
        try
        {
            return await JsonSerializer.DeserializeAsync<T>(http.Request.Body, OpenAiJson.Options, http.RequestAborted)
                ?? throw new UserInputException("the request body is empty", "send a JSON object");
        }
        catch (JsonException e)
        {
            throw new UserInputException($"the request body is not valid JSON for this endpoint: {e.Message}", "check the field names and types");
        }
    }

    public static Task Write<T>(HttpContext http, T value, int status = StatusCodes.Status200OK)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json";
        return JsonSerializer.SerializeAsync(http.Response.Body, value, OpenAiJson.Options, http.RequestAborted);
    }

    public static Task WriteError(HttpContext http, int status, string message, string type) =>
        Write(http, new { error = new { message, type } }, status);

    public static string NewId(string prefix) => $"{prefix}-{Guid.NewGuid():N}";
}
