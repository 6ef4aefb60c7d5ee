namespace EvalHarness.Core.Models;

public enum ModelReferenceKind
{
    /// <summary>A path to a file on disk, used as it is.</summary>
    LocalFile,

    /// <summary>A name from models/catalog.yaml.</summary>
    Catalog,

    /// <summary>An <c>hf:owner/repo[@revision]/file</c> reference.</summary>
    Hub,
}

/// <summary>
/// A model reference turned into a file on disk. <see cref="Entry"/> is the catalog's entry when the reference is
/// (or points at the same file as) a catalog model, so callers get its recommended sampling and thinking switch.
/// <see cref="Sha256"/> is known for files that came through the Hub path (downloaded or checked), null for plain paths.
/// </summary>
public sealed record ResolvedModel(
    string Path,
    ModelReferenceKind Kind,
    string Reference,
    CatalogEntry? Entry,
    HubFileReference? Source,
    string? Sha256,
    bool Downloaded,
    bool Verified);
