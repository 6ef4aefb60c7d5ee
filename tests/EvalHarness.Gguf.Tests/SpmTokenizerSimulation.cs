using EvalHarness.Gguf.Synthetic;

namespace EvalHarness.Gguf.Tests;

/// <summary>
/// A test-only re-statement of llama.cpp's SPM tokenizer (llm_tokenizer_spm_session in src/llama-vocab.cpp):
/// add a leading space, replace spaces with ▁, split into characters, then repeatedly merge the adjacent pair with
/// the highest score whose concatenation is a token (leftmost first on equal scores); leftovers become byte tokens.
/// </summary>
internal static class SpmTokenizerSimulation
{
    public static List<int> Tokenize(SyntheticVocabulary vocabulary, string text)
    {
        var scores = vocabulary.Scores();
        var symbols = ("▁" + text.Replace(' ', '▁')).EnumerateRunes().Select(r => r.ToString()).ToList();
        while (true)
        {
            var best = -1;
            var bestScore = float.NegativeInfinity;
            for (var i = 0; i + 1 < symbols.Count; i++)
            {
                var merged = symbols[i] + symbols[i + 1];
                if (vocabulary.Contains(merged) && scores[vocabulary.IdOf(merged)] > bestScore)
                {
                    best = i;
                    bestScore = scores[vocabulary.IdOf(merged)];
                }
            }
            if (best < 0) break;
            symbols[best] += symbols[best + 1];
            symbols.RemoveAt(best + 1);
        }
        var ids = new List<int>();
        foreach (var symbol in symbols)
        {
            if (vocabulary.Contains(symbol)) ids.Add(vocabulary.IdOf(symbol));
            else ids.AddRange(System.Text.Encoding.UTF8.GetBytes(symbol).Select(b => vocabulary.IdOf($"<0x{b:X2}>")));
        }
        return ids;
    }
}
