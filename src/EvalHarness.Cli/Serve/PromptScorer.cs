using System.Text;
using EvalHarness.Core.Inference;
using EvalHarness.Core.Remote;
using EvalHarness.Llama.Engine;

namespace EvalHarness.Cli.Serve;

/// <summary>
/// Prompt-token logprobs for echo requests, computed on the engine's own loglikelihood path so that a client summing
/// the continuation's tokens gets what the in-process backend would: the prompt is scored as one continuation after
/// the BOS token (which is what the engine feeds for context + continuation), and the first token stays unscored.
/// </summary>
internal sealed class PromptScorer(LlamaVocabulary vocabulary, EngineRequestQueue queue)
{
    /// <summary>One token of an echoed text: its piece, its logprob (null for the first) and where it starts.</summary>
    public sealed record Token(string Text, double? LogProbability, int Offset, bool? IsArgmax);

    public async Task<IReadOnlyList<Token>> Score(string text, CancellationToken cancellationToken)
    {
        int[] tokens;
        LoglikelihoodResult result;
        if (vocabulary.AddsBos)
        {
            // An empty context makes the engine feed [BOS] and score every token of the text after it.
            tokens = [vocabulary.Bos, .. vocabulary.Tokenize(text, addSpecial: false, parseSpecial: true)];
            result = await queue.Loglikelihood(new LoglikelihoodRequest("", text), cancellationToken);
        }
        else
        {
            // No BOS: the first token is the context, the rest the continuation (the engine splits at its token count).
            tokens = vocabulary.Tokenize(text, addSpecial: true, parseSpecial: true);
            if (tokens.Length < 2) return Describe(tokens, [], isGreedy: false, text);
            var first = Encoding.UTF8.GetString(vocabulary.TokenBytes(tokens[0], renderSpecial: false));
            result = await queue.Loglikelihood(new LoglikelihoodRequest(first, text[Math.Min(first.Length, text.Length)..]), cancellationToken);
        }
        if (result.TokenLogProbabilities.Count != tokens.Length - 1)
        {
            throw new UserInputException($"the engine scored {result.TokenLogProbabilities.Count} tokens of a {tokens.Length}-token prompt",
                "report this: the echo tokenization and the engine's disagree");
        }
        return Describe(tokens, result.TokenLogProbabilities, result.IsGreedy, text);
    }

    /// <summary>
    /// Pieces and character offsets of each token. The engine reports only whether every scored token was the argmax,
    /// not which token was at each position, so <see cref="Token.IsArgmax"/> is known (true) only when all were.
    /// </summary>
    private Token[] Describe(int[] tokens, IReadOnlyList<double> logprobs, bool isGreedy, string text)
    {
        var pieces = tokens.Select(t => vocabulary.TokenBytes(t, renderSpecial: false)).ToArray();
        var all = pieces.SelectMany(p => p).ToArray();
        // SentencePiece vocabularies render the first word with the space they prepended; the text has none.
        var shift = Encoding.UTF8.GetString(all).StartsWith(' ') && !text.StartsWith(' ') ? 1 : 0;
        var result = new Token[tokens.Length];
        var bytes = 0;
        for (var i = 0; i < tokens.Length; i++)
        {
            var offset = Math.Max(0, Encoding.UTF8.GetCharCount(all, 0, bytes) - shift);
            result[i] = new Token(Encoding.UTF8.GetString(pieces[i]), i == 0 ? null : logprobs[i - 1], offset, i == 0 ? null : isGreedy ? true : null);
            bytes += pieces[i].Length;
        }
        return result;
    }

    /// <summary>The OpenAI logprobs object for <paramref name="tokens"/>, offsets moved by <paramref name="offsetShift"/>.</summary>
    public static CompletionLogprobs ToWire(IEnumerable<Token> tokens, int offsetShift = 0)
    {
        var list = tokens.ToList();
        var tops = list.Select(t => t.IsArgmax is true && t.LogProbability is { } lp ? new Dictionary<string, double> { [t.Text] = lp } : null).ToList();
        return new CompletionLogprobs
        {
            Tokens = list.Select(t => t.Text).ToList(),
            TokenLogprobs = list.Select(t => t.LogProbability).ToList(),
            // Only when every position is known to be the argmax; otherwise absent rather than guessed.
            TopLogprobs = tops.Skip(1).All(t => t is not null) && list.Count > 1 ? tops : null,
            TextOffset = list.Select(t => t.Offset + offsetShift).ToList(),
        };
    }
}
