using System.Text.RegularExpressions;
using EvalHarness.Core.Ruler;
using EvalHarness.Testing;

namespace EvalHarness.Core.Tests.Ruler;

/// <summary>
/// A deterministic stand-in for a model tokenizer, shaped like BPE on English: letters in pieces of up to 6, digits in
/// pieces of up to 3, every other non-space character alone, plus a BOS. (The real tokenizer is checked in
/// EvalHarness.Llama.Tests.)
/// </summary>
internal static partial class StandInTokenizer
{
    public static int Count(string text) => 1 + Pieces().Count(text);

    public static RulerGenerator Generator(int seed = 42, bool essays = false) => new(new RulerGeneratorOptions
    {
        CountTokens = Count,
        Seed = seed,
        EssayDirectory = essays ? EssayFolder() : null,
    });

    public static string EssayFolder() => TestPaths.RequireShared("datasets", "niah_paulgraham_essays", "PaulGrahamEssays");

    [GeneratedRegex(@"[A-Za-z]{1,6}|\d{1,3}|[^\sA-Za-z\d]")]
    private static partial Regex Pieces();
}
