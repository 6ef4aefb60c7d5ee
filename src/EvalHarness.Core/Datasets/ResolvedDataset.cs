namespace EvalHarness.Core.Datasets;

/// <summary>A dataset on disk: its root folder and where it came from, for the run's records.</summary>
/// <param name="Source">e.g. "hf:HuggingFaceH4/MATH-500", "url:https://raw.githubusercontent.com/…", "local:/data/gsm8k".</param>
/// <param name="Revision">The pinned revision, or the commit the Hub reported for it; null for local folders.</param>
public sealed record ResolvedDataset(string Root, string Source, string? Revision);
