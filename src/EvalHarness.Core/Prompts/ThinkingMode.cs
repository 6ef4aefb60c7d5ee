namespace EvalHarness.Core.Prompts;

/// <summary>The --thinking switch. Default leaves the model's template to decide.</summary>
public enum ThinkingMode { Default, On, Off }
