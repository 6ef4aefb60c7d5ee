namespace EvalHarness.Core.Prompts;

/// <summary>A template could not be rendered for one record (missing field, list where text was expected).</summary>
public sealed class TemplateRenderException(string message) : Exception(message);
