using EvalHarness.Core.Inference;

namespace EvalHarness.Llama.Engine;

/// <summary>A loglikelihood request in tokens, split the lm-eval way and fitted to the context window.</summary>
internal sealed record EncodedLoglikelihoodRequest(int Index, int[] Context, int[] Continuation, bool ContextTruncated)
{
    /// <summary>
    /// lm-eval's rule: trailing whitespace of the context moves to the continuation; context + continuation is
    /// encoded whole and split at the token count of the context encoded alone. An empty context becomes the
    /// prefix token (BOS, else EOS). The fed sequence keeps its last <paramref name="contextLength"/> + 1 tokens.
    /// </summary>
    public static EncodedLoglikelihoodRequest Encode(int index, LoglikelihoodRequest request, LlamaVocabulary vocabulary, int contextLength)
    {
        var context = request.Context;
        var continuation = request.Continuation;
        var trimmed = context.TrimEnd();
        if (trimmed.Length < context.Length)
        {
            continuation = context[trimmed.Length..] + continuation;
            context = trimmed;
        }
        if (continuation.Length == 0)
        {
            throw new UserInputException($"loglikelihood request {index} has an empty continuation", "every request must score at least one character");
        }

        int[] contextTokens, continuationTokens;
        if (context.Length == 0)
        {
            var prefix = vocabulary.Bos >= 0 ? vocabulary.Bos : vocabulary.Eos;
            contextTokens = [prefix];
            continuationTokens = vocabulary.Tokenize(continuation, addSpecial: false, parseSpecial: true);
        }
        else
        {
            var whole = vocabulary.Tokenize(context + continuation, addSpecial: true, parseSpecial: true);
            contextTokens = vocabulary.Tokenize(context, addSpecial: true, parseSpecial: true);
            continuationTokens = whole.Length > contextTokens.Length ? whole[contextTokens.Length..] : [];
        }
        if (continuationTokens.Length == 0)
        {
            throw new UserInputException(
                $"loglikelihood request {index}: the continuation {Quote(request.Continuation)} merged into the context's last token",
                "end the context at a token boundary (lm-eval puts the space before the answer in the continuation)");
        }
        if (continuationTokens.Length > contextLength)
        {
            throw new UserInputException(
                $"loglikelihood request {index}: its continuation has {continuationTokens.Length} tokens, more than the context window ({contextLength})",
                "raise --ctx-size");
        }

        // Input = (context + continuation)[-(contextLength + 1):][:-1]: the context loses tokens from the left.
        var keepContext = Math.Min(contextTokens.Length, contextLength + 1 - continuationTokens.Length);
        var truncated = keepContext < contextTokens.Length;
        if (truncated) contextTokens = contextTokens[^keepContext..];
        return new EncodedLoglikelihoodRequest(index, contextTokens, continuationTokens, truncated);
    }

    private static string Quote(string text) => text.Length <= 40 ? $"\"{text}\"" : $"\"{text[..40]}…\"";
}
