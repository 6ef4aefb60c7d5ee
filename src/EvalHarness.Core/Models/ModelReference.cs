namespace EvalHarness.Core.Models;

/// <summary>
/// The one entry point for <c>--model</c>: a .gguf path, a catalog name (models/catalog.yaml) or
/// <c>hf:owner/repo[@revision]/path/file.gguf</c>, turned into a local file path (downloading into the cache when
/// needed and allowed). See <see cref="ModelResolver"/> for the rules and for progress reporting.
/// </summary>
public static class ModelReference
{
    /// <summary>The local path of the model; downloads (without progress output) when needed.</summary>
    public static string Resolve(string reference, ModelAccessOptions? options = null, ModelCatalog? catalog = null, CancellationToken cancellationToken = default) =>
        ResolveAsync(reference, options, catalog, cancellationToken).GetAwaiter().GetResult().Path;

    public static Task<ResolvedModel> ResolveAsync(string reference, ModelAccessOptions? options = null, ModelCatalog? catalog = null, CancellationToken cancellationToken = default) =>
        new ModelResolver(options ?? new ModelAccessOptions(), catalog).ResolveAsync(reference, cancellationToken);
}
