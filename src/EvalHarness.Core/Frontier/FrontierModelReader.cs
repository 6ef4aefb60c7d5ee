namespace EvalHarness.Core.Frontier;

/// <summary>Reads one entry of the <c>models:</c> list of models/frontier.yaml.</summary>
internal static class FrontierModelReader
{
    public static FrontierModel Read(
        YamlMapReader model, IReadOnlyDictionary<string, SourceReference> sources, CategoryScheme scheme)
    {
        model.RejectUnknownKeys(
            "name", "aliases", "organisation", "country", "open_weights", "released", "release_date_source",
            "other_release_dates", "reasoning", "scores", "published_composites");

        return new FrontierModel(
            Name: model.RequiredString("name"),
            Aliases: model.OptionalStringList("aliases"),
            Organisation: model.RequiredString("organisation"),
            Country: model.RequiredString("country"),
            OpenWeights: model.RequiredBool("open_weights"),
            Released: model.RequiredDate("released"),
            ReleaseDateSource: Source(model, "release_date_source", sources),
            OtherReleaseDates: OtherReleaseDates(model, sources),
            Reasoning: model.RequiredBool("reasoning"),
            Scores: Scores(model, sources, scheme),
            PublishedComposites: PublishedComposites(model, sources));
    }

    private static SourceReference Source(YamlMapReader map, string key, IReadOnlyDictionary<string, SourceReference> sources)
    {
        var id = map.RequiredString(key);
        return sources.TryGetValue(id, out var source)
            ? source
            : throw map.Error(map.Required(key), map.Field(key), $"source '{id}' is not declared under sources: ({string.Join(", ", sources.Keys)})");
    }

    private static IReadOnlyList<AlternativeReleaseDate> OtherReleaseDates(YamlMapReader model, IReadOnlyDictionary<string, SourceReference> sources)
    {
        var nodes = model.OptionalSequence("other_release_dates");
        return nodes.Select((node, i) =>
        {
            var entry = new YamlMapReader(node, model.File, $"{model.Field("other_release_dates")}[{i}]");
            entry.RejectUnknownKeys("date", "source");
            return new AlternativeReleaseDate(entry.RequiredDate("date"), Source(entry, "source", sources));
        }).ToArray();
    }

    private static IReadOnlyDictionary<string, BenchmarkScore> Scores(
        YamlMapReader model, IReadOnlyDictionary<string, SourceReference> sources, CategoryScheme scheme)
    {
        var scores = new Dictionary<string, BenchmarkScore>(StringComparer.Ordinal);
        if (model.OptionalMap("scores") is not { } section) return scores;
        foreach (var (id, node) in section.Entries)
        {
            var score = new YamlMapReader(node, model.File, section.Field(id));
            if (!scheme.Knows(id))
            {
                throw score.Error(node, section.Field(id), $"'{id}' is not declared under benchmarks: ({string.Join(", ", scheme.Benchmarks.Select(b => b.Id))})");
            }
            score.RejectUnknownKeys("value", "source", "date");
            scores[id] = new BenchmarkScore(score.RequiredNumber("value", 0, 1), Source(score, "source", sources), score.RequiredSourceDate("date"));
        }
        return scores;
    }

    private static IReadOnlyDictionary<string, PublishedComposite> PublishedComposites(
        YamlMapReader model, IReadOnlyDictionary<string, SourceReference> sources)
    {
        var composites = new Dictionary<string, PublishedComposite>(StringComparer.Ordinal);
        if (model.OptionalMap("published_composites") is not { } section) return composites;
        foreach (var (index, node) in section.Entries)
        {
            var entry = new YamlMapReader(node, model.File, section.Field(index));
            entry.RejectUnknownKeys("value", "approximate", "source", "date", "note");
            composites[index] = new PublishedComposite(
                index,
                entry.RequiredNumber("value", 0, double.MaxValue),
                entry.OptionalBool("approximate", false),
                Source(entry, "source", sources),
                entry.RequiredSourceDate("date"),
                entry.OptionalString("note"));
        }
        return composites;
    }
}
