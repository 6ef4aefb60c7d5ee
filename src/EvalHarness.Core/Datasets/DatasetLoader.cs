using EvalHarness.Core.Tasks;

namespace EvalHarness.Core.Datasets;

/// <summary>Reads a split's records from a dataset root: every file its glob matches, in ordinal path order.</summary>
public static class DatasetLoader
{
    public static IReadOnlyList<DatasetRecord> LoadSplit(string root, TaskSpec task, string splitName)
    {
        if (!task.Dataset.Splits.TryGetValue(splitName, out var split))
        {
            throw new UserInputException($"task {task.Name} has no split '{splitName}'", $"use one of: {string.Join(", ", task.Dataset.Splits.Keys)}");
        }
        var files = FileGlob.Find(root, split.Files);
        if (files.Count == 0)
        {
            throw new UserInputException($"no file under {root} matches '{split.Files}' (split {splitName} of task {task.Name})",
                "check the dataset folder (or delete its cache entry to download it again)");
        }
        var groupPattern = split.GroupFromFile is null ? null : new System.Text.RegularExpressions.Regex(split.GroupFromFile);
        var records = new List<DatasetRecord>();
        foreach (var file in files)
        {
            string? group = null;
            if (groupPattern is not null)
            {
                var match = groupPattern.Match(Path.GetFileName(file));
                group = match.Success && match.Groups.Count > 1 ? match.Groups[1].Value : null;
            }
            records.AddRange(DatasetFileReader.Read(Path.Combine(root, file), file, split, group));
        }
        return records;
    }
}
