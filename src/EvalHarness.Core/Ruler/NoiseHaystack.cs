namespace EvalHarness.Core.Ruler;

/// <summary>
/// RULER's repeated noise paragraph, counted in sentences. RULER repeats the whole five-sentence paragraph (25
/// paragraphs per step); we allow a last, partial paragraph so the prompt can end within one sentence of the target
/// (a paragraph is 20–40 tokens, over 1% of a 2K prompt).
/// </summary>
public static class NoiseHaystack
{
    public static IReadOnlyList<string> Sentences { get; } =
        ["The grass is green.", "The sky is blue.", "The sun is yellow.", "Here we go.", "There and back again."];

    /// <summary>The paragraphs for <paramref name="sentences"/> sentences: whole ones, then the partial one if any.</summary>
    public static List<string> Paragraphs(int sentences)
    {
        var whole = sentences / Sentences.Count;
        var paragraphs = Enumerable.Repeat(RulerTemplates.NoiseBlock, whole).ToList();
        var rest = sentences % Sentences.Count;
        if (rest > 0) paragraphs.Add(string.Join(" ", Sentences.Take(rest)));
        return paragraphs;
    }
}
