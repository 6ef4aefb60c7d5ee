namespace EvalHarness.Core.Tasks;

/// <summary>
/// The task files under a tasks/ folder (tasks/&lt;category&gt;/&lt;name&gt;.yaml; suites/ holds no tasks). The folder is
/// EVALHARNESS_TASKS when set, else the nearest tasks/ with a README.md above the working directory or the program.
/// </summary>
public sealed class TaskCatalog(string directory)
{
    public string Directory { get; } = directory;

    public static TaskCatalog Locate()
    {
        var fromEnv = Environment.GetEnvironmentVariable("EVALHARNESS_TASKS");
        if (!string.IsNullOrEmpty(fromEnv)) return new TaskCatalog(fromEnv);
        foreach (var start in new[] { System.IO.Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "tasks");
                if (File.Exists(Path.Combine(candidate, "README.md"))) return new TaskCatalog(candidate);
            }
        }
        throw new UserInputException("cannot find the tasks/ folder", "run from the EvalHarness checkout or set EVALHARNESS_TASKS to the tasks folder");
    }

    /// <summary>Task file paths by task name (the file name without .yaml).</summary>
    public IReadOnlyDictionary<string, string> Files()
    {
        if (!System.IO.Directory.Exists(Directory)) throw new UserInputException($"tasks folder {Directory} does not exist", "set EVALHARNESS_TASKS to the tasks folder");
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var path in System.IO.Directory.EnumerateFiles(Directory, "*.yaml", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(Directory, path).Replace('\\', '/');
            if (relative.StartsWith("suites/", StringComparison.Ordinal)) continue;
            files[Path.GetFileNameWithoutExtension(path)] = path;
        }
        return files;
    }

    public IReadOnlyList<TaskSpec> LoadAll() => Files().Values.Select(TaskSpecLoader.LoadFile).ToArray();

    /// <summary>A task by name, or a path to a task file.</summary>
    public TaskSpec Load(string nameOrPath)
    {
        if (nameOrPath.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) && File.Exists(nameOrPath)) return TaskSpecLoader.LoadFile(nameOrPath);
        var files = Files();
        return files.TryGetValue(nameOrPath, out var path)
            ? TaskSpecLoader.LoadFile(path)
            : throw new UserInputException($"no task named '{nameOrPath}' in {Directory}", $"use one of: {string.Join(", ", files.Keys)}");
    }
}
