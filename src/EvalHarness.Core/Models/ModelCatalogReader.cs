using System.Globalization;
using System.Text.RegularExpressions;
using EvalHarness.Core.Frontier;
using YamlDotNet.RepresentationModel;

namespace EvalHarness.Core.Models;

/// <summary>
/// Reads and validates models/catalog.yaml with the same typed YAML reader as the frontier table, so every error
/// names file, line and field: unknown keys, duplicate names, a sha256 that is not 64 hex digits, a bad date or
/// size, a repository or file that cannot be a Hub path.
/// </summary>
internal static partial class ModelCatalogReader
{
    private const int SupportedFormatVersion = 1;

    private static readonly string[] EntryKeys =
    [
        "name", "organisation", "release_date", "repository", "revision", "file", "size", "approx_size_gb", "sha256",
        "context_length", "sampling", "thinking", "notes",
    ];

    public static IReadOnlyList<CatalogEntry> Parse(string yaml, string file)
    {
        var root = YamlMapReader.ReadDocument(yaml, file);
        try
        {
            return ParseEntries(root, file);
        }
        catch (UserInputException e) when (e.Message.StartsWith(file + ":", StringComparison.Ordinal))
        {
            // The shared reader's fix points at the frontier table's format notes; point at this file's instead.
            throw new UserInputException(e.Message, $"fix the field named above in {file} (its header comment describes the format)", e.InnerException);
        }
    }

    private static IReadOnlyList<CatalogEntry> ParseEntries(YamlNode rootNode, string file)
    {
        var root = new YamlMapReader(rootNode, file, "");
        root.RejectUnknownKeys("format_version", "models");
        var version = root.RequiredNumber("format_version", 1, int.MaxValue);
        if (version != SupportedFormatVersion)
        {
            throw root.Error(root.Required("format_version"), "format_version", $"version {version} is not supported (this build reads {SupportedFormatVersion})");
        }
        var entries = new List<CatalogEntry>();
        var nodes = root.OptionalSequence("models");
        for (var i = 0; i < nodes.Count; i++)
        {
            var entry = ReadEntry(new YamlMapReader(nodes[i], file, $"models[{i}]"));
            var clash = entries.FirstOrDefault(e => string.Equals(e.Name, entry.Name, StringComparison.OrdinalIgnoreCase));
            if (clash is not null)
            {
                var nameNode = new YamlMapReader(nodes[i], file, $"models[{i}]").Required("name");
                throw root.Error(nameNode, $"models[{i}].name", $"duplicate name '{entry.Name}' (already used at line {clash.Line})");
            }
            entries.Add(entry);
        }
        return entries;
    }

    private static CatalogEntry ReadEntry(YamlMapReader map)
    {
        map.RejectUnknownKeys(EntryKeys);
        var name = map.RequiredString("name");
        if (!NamePattern().IsMatch(name))
        {
            throw map.Error(map.Required("name"), map.Field("name"),
                $"'{name}' is not a usable name (lower-case letters, digits, '.', '-' and '_' only, so it never looks like a path or an hf: reference)");
        }
        return new CatalogEntry(
            name,
            map.RequiredString("organisation"),
            map.RequiredDate("release_date"),
            ReadSource(map),
            OptionalInteger(map, "size"),
            ReadSha256(map),
            map.Optional("approx_size_gb") is null ? null : map.OptionalNumber("approx_size_gb", 0, double.Epsilon, 10_000),
            (int)RequiredInteger(map, "context_length", int.MaxValue),
            ReadSampling(map.OptionalMap("sampling")),
            ReadThinking(map.OptionalMap("thinking")),
            map.OptionalString("notes"),
            map.File,
            map.Line);
    }

    private static HubFileReference ReadSource(YamlMapReader map)
    {
        var repository = map.RequiredString("repository");
        var slash = repository.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0 || slash != repository.LastIndexOf('/') || slash == repository.Length - 1)
        {
            throw map.Error(map.Required("repository"), map.Field("repository"), $"'{repository}' is not a Hub repository id (owner/name)");
        }
        var file = map.RequiredString("file");
        try
        {
            return new HubFileReference(repository[..slash], repository[(slash + 1)..], file, map.OptionalString("revision"));
        }
        catch (UserInputException e)
        {
            throw map.Error(map.Required("file"), map.Field("file"), e.Message);
        }
    }

    private static string? ReadSha256(YamlMapReader map)
    {
        if (map.OptionalString("sha256") is not { } text) return null;
        return Sha256Pattern().IsMatch(text)
            ? text.ToLowerInvariant()
            : throw map.Error(map.Required("sha256"), map.Field("sha256"),
                $"'{text}' is not a sha256 (64 hexadecimal digits); leave it null when the hash is not known");
    }

    private static SamplingSettings ReadSampling(YamlMapReader? map)
    {
        if (map is null) return SamplingSettings.None;
        map.RejectUnknownKeys("temperature", "top_p", "top_k", "min_p", "repeat_penalty");
        return new SamplingSettings(
            OptionalDouble(map, "temperature", 0, 10),
            OptionalDouble(map, "top_p", 0, 1),
            map.Optional("top_k") is null ? null : (int)RequiredInteger(map, "top_k", int.MaxValue),
            OptionalDouble(map, "min_p", 0, 1),
            OptionalDouble(map, "repeat_penalty", 0, 10));
    }

    private static ThinkingSwitch? ReadThinking(YamlMapReader? map)
    {
        if (map is null) return null;
        map.RejectUnknownKeys("switch", "flag", "default", "sampling");
        var kind = map.RequiredString("switch");
        if (kind != "chat_template_flag")
        {
            throw map.Error(map.Required("switch"), map.Field("switch"), $"'{kind}' is not a known thinking switch (expected chat_template_flag)");
        }
        return new ThinkingSwitch(ThinkingSwitchKind.ChatTemplateFlag, map.RequiredString("flag"), map.OptionalBool("default", false),
            ReadSampling(map.OptionalMap("sampling")));
    }

    private static double? OptionalDouble(YamlMapReader map, string key, double min, double max) =>
        map.Optional(key) is null ? null : map.RequiredNumber(key, min, max);

    private static long? OptionalInteger(YamlMapReader map, string key) =>
        map.Optional(key) is null ? null : RequiredInteger(map, key, long.MaxValue);

    private static long RequiredInteger(YamlMapReader map, string key, long max)
    {
        var node = map.Required(key);
        var text = (node as YamlScalarNode)?.Value ?? "(not a single value)";
        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0 && value <= max
            ? value
            : throw map.Error(node, map.Field(key), $"expected a positive whole number, got '{text}'");
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]*$")]
    private static partial Regex NamePattern();

    [GeneratedRegex("^[0-9a-fA-F]{64}$")]
    private static partial Regex Sha256Pattern();
}
