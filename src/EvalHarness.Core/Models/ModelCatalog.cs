namespace EvalHarness.Core.Models;

/// <summary>
/// The known GGUF files (models/catalog.yaml): a name per file, so <c>--model exaone-4.0-32b-q4_k_m</c> and
/// <c>evalharness models pull</c> need no Hub path. Found through EVALHARNESS_MODEL_CATALOG, else the nearest
/// models/catalog.yaml above the working directory or the program.
/// </summary>
public sealed class ModelCatalog
{
    public const string EnvironmentVariable = "EVALHARNESS_MODEL_CATALOG";

    private ModelCatalog(string file, IReadOnlyList<CatalogEntry> entries)
    {
        File = file;
        Entries = entries;
    }

    public string File { get; }
    public IReadOnlyList<CatalogEntry> Entries { get; }

    public static ModelCatalog Load(string path)
    {
        if (!System.IO.File.Exists(path))
        {
            throw new UserInputException($"model catalog {path} does not exist",
                $"pass the path of models/catalog.yaml (it ships in the repository's models/ folder) or set {EnvironmentVariable}");
        }
        return Parse(System.IO.File.ReadAllText(path), path);
    }

    public static ModelCatalog Parse(string yaml, string file = "catalog.yaml") => new(file, ModelCatalogReader.Parse(yaml, file));

    /// <summary>The catalog this checkout ships; an error saying where it was looked for when there is none.</summary>
    public static ModelCatalog LoadDefault() =>
        TryLocateDefault() is { } path
            ? Load(path)
            : throw new UserInputException("cannot find models/catalog.yaml",
                $"run from the EvalHarness checkout or set {EnvironmentVariable} to the catalog file");

    public static string? TryLocateDefault()
    {
        var fromEnv = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(fromEnv)) return Path.GetFullPath(fromEnv);
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "models", "catalog.yaml");
                if (System.IO.File.Exists(candidate)) return candidate;
            }
        }
        return null;
    }

    public CatalogEntry? Find(string name) =>
        Entries.FirstOrDefault(e => string.Equals(e.Name, name, StringComparison.OrdinalIgnoreCase));

    public CatalogEntry Get(string name) =>
        Find(name) ?? throw new UserInputException($"'{name}' is not a model in {File}",
            $"use one of: {string.Join(", ", Entries.Select(e => e.Name))} (evalharness models list), a .gguf path, or hf:owner/repo/file.gguf");
}
