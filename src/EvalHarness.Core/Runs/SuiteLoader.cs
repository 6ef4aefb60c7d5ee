using EvalHarness.Core.Frontier;
using EvalHarness.Core.Tasks;
using YamlDotNet.RepresentationModel;

namespace EvalHarness.Core.Runs;

/// <summary>
/// Reads tasks/suites/&lt;name&gt;.yaml. Every problem is one <see cref="UserInputException"/> naming file and line;
/// unknown keys are rejected so a typo never silently drops a task.
/// </summary>
public static class SuiteLoader
{
    public static string SuitesDirectory(TaskCatalog catalog) => Path.Combine(catalog.Directory, "suites");

    /// <summary>Suite names (file names without .yaml) in the catalog's suites folder.</summary>
    public static IReadOnlyList<string> Names(TaskCatalog catalog)
    {
        var directory = SuitesDirectory(catalog);
        return Directory.Exists(directory)
            ? Directory.EnumerateFiles(directory, "*.yaml").Select(Path.GetFileNameWithoutExtension).OfType<string>().Order(StringComparer.Ordinal).ToArray()
            : [];
    }

    /// <summary>A suite by name, or by the path of a suite file.</summary>
    public static SuiteSpec Load(TaskCatalog catalog, string nameOrPath)
    {
        var path = nameOrPath.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) && File.Exists(nameOrPath)
            ? nameOrPath
            : Path.Combine(SuitesDirectory(catalog), nameOrPath + ".yaml");
        if (!File.Exists(path))
        {
            throw new UserInputException($"no suite named '{nameOrPath}' in {SuitesDirectory(catalog)}",
                $"use one of: {string.Join(", ", Names(catalog))}");
        }
        return Parse(File.ReadAllText(path), path);
    }

    public static SuiteSpec Parse(string yaml, string file)
    {
        var root = new YamlMapReader(YamlMapReader.ReadDocument(yaml, file), file, "");
        root.RejectUnknownKeys("name", "description", "seed", "subset", "tasks");
        var name = root.RequiredString("name");
        var seed = (int)root.OptionalNumber("seed", 1234, 0, int.MaxValue);
        var defaultSubset = root.Optional("subset") is null ? (int?)null : (int)root.RequiredNumber("subset", 1, int.MaxValue);
        var tasks = new List<SuiteTask>();
        var items = root.OptionalSequence("tasks");
        for (var i = 0; i < items.Count; i++)
        {
            var item = new YamlMapReader(items[i], file, $"tasks[{i}]");
            item.RejectUnknownKeys("task", "category", "benchmark", "weight", "subset");
            var task = item.RequiredString("task");
            var category = item.RequiredString("category");
            if (!CategoryScheme.StandardCategories.Contains(category, StringComparer.Ordinal))
            {
                throw item.Error(item.Required("category"), item.Field("category"),
                    $"'{category}' is not a category (expected one of: {string.Join(", ", CategoryScheme.StandardCategories)})");
            }
            if (tasks.Any(t => t.Task == task))
            {
                throw item.Error(item.Required("task"), item.Field("task"), $"task '{task}' is listed twice");
            }
            var subset = item.Optional("subset") is null ? defaultSubset : (int)item.RequiredNumber("subset", 1, int.MaxValue);
            tasks.Add(new SuiteTask(task, category, item.OptionalString("benchmark"), item.OptionalNumber("weight", 1, double.Epsilon, 1e6), subset));
        }
        if (tasks.Count == 0) throw root.Error(root.Optional("tasks") ?? items.FirstOrDefault() ?? new YamlScalarNode(), "tasks", "a suite needs at least one task");
        return new SuiteSpec(name, root.OptionalString("description") ?? "", seed, tasks, file);
    }

}
