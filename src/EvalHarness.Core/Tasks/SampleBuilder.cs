using System.Globalization;
using EvalHarness.Core.Datasets;
using EvalHarness.Core.Prompts;

namespace EvalHarness.Core.Tasks;

/// <summary>
/// Maps raw records to samples by the task's field mapping (lm-eval's doc_to_target / doc_to_choice). A record the
/// mapping cannot handle (missing field, target that is no choice) is an error naming its file and line.
/// </summary>
public static class SampleBuilder
{
    public static IReadOnlyList<Sample> Build(TaskSpec task, IReadOnlyList<DatasetRecord> records) =>
        records.Select(record => Build(task, record)).ToArray();

    public static Sample Build(TaskSpec task, DatasetRecord record)
    {
        try
        {
            return BuildUnchecked(task.Fields, record);
        }
        catch (TemplateRenderException e)
        {
            throw new DatasetFormatException(record.File, record.Line, $"{e.Message} (task {task.Name})");
        }
    }

    private static Sample BuildUnchecked(FieldMapping fields, DatasetRecord record)
    {
        var bare = new Sample("", record.Group, record, [], -1, "");
        var id = fields.Id?.Render(bare.Resolve) ?? $"{StemOf(record.File)}/{record.Index.ToString(CultureInfo.InvariantCulture)}";
        var group = fields.Group?.Render(bare.Resolve) ?? record.Group;
        bare = bare with { Id = id, Group = group };
        var target = fields.Target.Render(bare.Resolve);
        if (fields.Answers is { } answers)
        {
            bare = bare with { Answers = answers.RenderList(bare.Resolve) ?? throw new TemplateRenderException($"{answers.Source} is not a list") };
        }
        if (fields.Choices.Count == 0) return bare with { Target = target };

        var choices = RenderAll(fields.Choices, bare);
        var labels = fields.ChoiceLabels.Count == 0
            ? choices.Select((_, i) => TemplateFilters.Letter(i).ToString()).ToArray()
            : RenderAll(fields.ChoiceLabels, bare);
        var index = TargetIndex(target, choices, labels);
        if (index < 0)
        {
            throw new TemplateRenderException($"target '{target}' is none of the choice labels ({string.Join(", ", labels)}), indices or choices");
        }
        if (fields.ShuffleSeed is { } seed) (choices, index) = Shuffle(choices, index, seed, id);
        return bare with { Choices = choices, TargetIndex = index, Target = choices[index] };
    }

    private static IReadOnlyList<string> RenderAll(IReadOnlyList<PromptTemplate> templates, Sample sample)
    {
        if (templates.Count == 1 && templates[0].RenderList(sample.Resolve) is { } list) return list;
        if (templates.Count == 1) throw new TemplateRenderException($"{templates[0].Source} is not a list");
        return templates.Select(t => t.Render(sample.Resolve)).ToArray();
    }

    private static int TargetIndex(string target, IReadOnlyList<string> choices, IReadOnlyList<string> labels)
    {
        var trimmed = target.Trim();
        var byLabel = labels.ToList().IndexOf(trimmed);
        if (byLabel >= 0) return byLabel;
        if (int.TryParse(trimmed, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < choices.Count) return i;
        return choices.ToList().IndexOf(target);
    }

    /// <summary>
    /// Fisher–Yates with a generator seeded from the task's seed and the sample id (FNV-1a), so each question has
    /// its own fixed order that does not change with --limit or with the order samples are read in.
    /// </summary>
    public static (IReadOnlyList<string> Choices, int TargetIndex) Shuffle(IReadOnlyList<string> choices, int targetIndex, int seed, string id)
    {
        var hash = 2166136261u;
        foreach (var c in id) hash = (hash ^ c) * 16777619u;
        var random = new Random(seed ^ (int)hash);
        var order = Enumerable.Range(0, choices.Count).ToArray();
        for (var i = order.Length - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }
        return (order.Select(o => choices[o]).ToArray(), Array.IndexOf(order, targetIndex));
    }

    private static string StemOf(string file)
    {
        var name = Path.GetFileName(file);
        if (name.EndsWith(".gz", StringComparison.OrdinalIgnoreCase)) name = name[..^3];
        return Path.GetFileNameWithoutExtension(name);
    }
}
