using EvalHarness.Core.Inference;
using EvalHarness.Llama.Bench;
using EvalHarness.Llama.Engine;
using EvalHarness.Llama.Runtime;

namespace EvalHarness.Llama.Tests;

/// <summary>
/// Issue 3's acceptance: the loglikelihood continuation split follows lm-eval's encode-whole rule on a real BPE
/// vocabulary — llama.cpp's own ggml-vocab-llama-bpe.gguf (Llama 3's tokenizer) from the pinned source tree, loaded
/// vocabulary-only. lm-eval: trailing spaces of the context move to the continuation; context + continuation is
/// encoded whole and the continuation is what follows the context's own encoding.
/// </summary>
public sealed class ContinuationSplitTests : IDisposable
{
    private readonly LlamaTokenizer _tokenizer;

    public ContinuationSplitTests()
    {
        var runtime = NativeTestRuntime.Require();
        var source = new LlamaCppTools(RuntimeCacheDirectory.Default()).EnsureSource(TestContext.Current.CancellationToken);
        _tokenizer = LlamaTokenizer.Load(Path.Combine(source, "models", "ggml-vocab-llama-bpe.gguf"), runtime);
    }

    public void Dispose() => _tokenizer.Dispose();

    private LlamaVocabulary Vocabulary => _tokenizer.Vocabulary;

    private EncodedLoglikelihoodRequest Split(string context, string continuation) =>
        EncodedLoglikelihoodRequest.Encode(0, new LoglikelihoodRequest(context, continuation), Vocabulary, contextLength: 4096);

    [Theory]
    [InlineData("Question: What is the capital of France?\nAnswer:", " Paris")]
    [InlineData("The following are multiple choice questions (with answers) about anatomy.\n\nA lesion causing compression of the facial nerve\nAnswer:", " A")]
    [InlineData("Natalia sold clips to 48 of her friends. How many clips", " did Natalia sell altogether?")]
    [InlineData("x = 12", "345")]
    public void The_continuation_is_what_the_whole_encoding_adds_after_the_context(string context, string continuation)
    {
        var split = Split(context, continuation);

        var whole = Vocabulary.Tokenize(context + continuation, addSpecial: true, parseSpecial: true);
        var contextAlone = Vocabulary.Tokenize(context, addSpecial: true, parseSpecial: true);
        Assert.Equal(contextAlone, split.Context);
        Assert.Equal(whole[contextAlone.Length..], split.Continuation);
        Assert.Equal(Vocabulary.Bos, split.Context[0]);
    }

    [Fact]
    public void Digits_show_the_rule_at_work_the_continuation_is_cut_from_the_whole_encoding_not_encoded_alone()
    {
        // Llama 3's pre-tokenizer groups digits in threes from the left: "x = 12345" ends "123" "45" while "x = 12" ends
        // "12". lm-eval (and so this harness) scores whole[len(context alone):] — here just "45", after the context's
        // own tokens — which is neither "345" encoded alone nor a clean cut of the whole. The quirk is lm-eval's, kept
        // so that scores match.
        var split = Split("x = 12", "345");
        var alone = Vocabulary.Tokenize("345", addSpecial: false, parseSpecial: true);
        var whole = Vocabulary.Tokenize("x = 12345", addSpecial: true, parseSpecial: true);

        Assert.NotEqual(alone, split.Continuation);
        Assert.Equal("45", Vocabulary.Detokenize(split.Continuation, renderSpecial: false));
        Assert.Equal("12", Vocabulary.Detokenize([split.Context[^1]], renderSpecial: false));
        Assert.Equal("123", Vocabulary.Detokenize([whole[^2]], renderSpecial: false));
    }

    [Fact]
    public void A_trailing_space_of_the_context_moves_into_the_continuation()
    {
        var withSpace = Split("Answer: ", "B");
        var lmEvalFormat = Split("Answer:", " B");

        Assert.Equal(lmEvalFormat.Context, withSpace.Context);
        Assert.Equal(lmEvalFormat.Continuation, withSpace.Continuation);
        Assert.Equal(" B", Vocabulary.Detokenize(withSpace.Continuation, renderSpecial: false));
    }

    [Fact]
    public void A_continuation_that_merges_into_the_contexts_last_token_is_a_clear_error()
    {
        var error = Assert.Throws<UserInputException>(() => Split("hello wor", "ld"));
        Assert.Contains("merged into the context's last token", error.Message);
    }
}
