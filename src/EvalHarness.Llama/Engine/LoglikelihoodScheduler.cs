using System.Diagnostics;
using EvalHarness.Core.Inference;

namespace EvalHarness.Llama.Engine;

/// <summary>
/// Scores loglikelihood requests with as few llama_decode calls as possible:
/// requests sharing a context form a group; each group's context is decoded once into one sequence and copied
/// (llama_memory_seq_cp, free in a unified KV cache) to one sequence per continuation; many groups share each
/// batch; logits are requested only where a continuation token is scored.
/// </summary>
internal sealed class LoglikelihoodScheduler
{
    private readonly LlamaContext _context;
    private readonly LlamaVocabulary _vocabulary;
    private readonly LlamaBatchBuffer _batch;
    private readonly TokenLogProbabilities _logSoftmax = new();
    // Where each logit row requested in the current batch goes: (group item, continuation position).
    private readonly List<(int BatchIndex, ContinuationState State, int Position)> _pendingOutputs = [];
    private TimeSpan _decodeTime, _scoreTime;
    private long _tokensDecoded;

    public LoglikelihoodScheduler(LlamaContext context, LlamaVocabulary vocabulary, LlamaBatchBuffer batch)
    {
        _context = context;
        _vocabulary = vocabulary;
        _batch = batch;
    }

    public LoglikelihoodResult[] Run(
        IReadOnlyList<LoglikelihoodRequest> requests, Action<int, LoglikelihoodResult>? onResult, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var encoded = Encode(requests);
        var encoding = clock.Elapsed;
        var results = new LoglikelihoodResult[requests.Count];
        var groups = ContextGroup.Build(encoded, _context.SequenceCapacity);
        _decodeTime = _scoreTime = TimeSpan.Zero;
        _tokensDecoded = 0;

        var next = 0;
        while (next < groups.Count)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var wave = TakeWave(groups, ref next);
            RunWave(wave);
            foreach (var state in wave.SelectMany(g => g.Items))
            {
                var result = state.ToResult();
                results[state.Request.Index] = result;
                onResult?.Invoke(state.Request.Index, result);
            }
        }
        LastRun = new LoglikelihoodStatistics(requests.Count, _tokensDecoded, encoding, _decodeTime, _scoreTime, clock.Elapsed);
        return results;
    }

    public LoglikelihoodStatistics? LastRun { get; private set; }

    /// <summary>
    /// Tokenizes on all cores: llama_tokenize only reads the vocabulary, and on short-answer workloads tokenizing
    /// each context twice (alone and with its continuation) costs as much as decoding it.
    /// </summary>
    private EncodedLoglikelihoodRequest[] Encode(IReadOnlyList<LoglikelihoodRequest> requests)
    {
        var encoded = new EncodedLoglikelihoodRequest[requests.Count];
        var contextLength = _context.ContextLength;
        Parallel.For(0, requests.Count, i => encoded[i] = EncodedLoglikelihoodRequest.Encode(i, requests[i], _vocabulary, contextLength));
        return encoded;
    }

    /// <summary>As many consecutive groups as fit the sequence slots and KV cells at once.</summary>
    private List<ContextGroup> TakeWave(List<ContextGroup> groups, ref int next)
    {
        var wave = new List<ContextGroup>();
        int sequences = 0, cells = 0;
        while (next < groups.Count)
        {
            var group = groups[next];
            if (wave.Count > 0 && (sequences + group.Items.Count > _context.SequenceCapacity || cells + group.CellsNeeded > _context.KvCells))
            {
                break;
            }
            group.FirstSequence = sequences;
            sequences += group.Items.Count;
            cells += group.CellsNeeded;
            wave.Add(group);
            next++;
        }
        return wave;
    }

    private void RunWave(List<ContextGroup> wave)
    {
        // Phase 1: every context once, with a logit row at its last token (it predicts each continuation's first token).
        foreach (var group in wave)
        {
            var tokens = group.ContextTokens;
            for (var p = 0; p < tokens.Length; p++)
            {
                var last = p == tokens.Length - 1;
                Add(tokens[p], p, group.FirstSequence, last ? group.Items : null, 0);
            }
        }
        Flush();

        // Phase 2: share each context with the other continuations' sequences, then feed every continuation
        // except its last token, each position producing the logit row for the token after it.
        foreach (var group in wave)
        {
            for (var j = 1; j < group.Items.Count; j++)
            {
                _context.CopySequence(group.FirstSequence, group.FirstSequence + j, group.ContextTokens.Length);
            }
            for (var j = 0; j < group.Items.Count; j++)
            {
                var state = group.Items[j];
                var continuation = state.Request.Continuation;
                for (var p = 0; p < continuation.Length - 1; p++)
                {
                    Add(continuation[p], group.ContextTokens.Length + p, group.FirstSequence + j, [state], p + 1);
                }
            }
        }
        Flush();

        foreach (var group in wave)
        {
            for (var j = 0; j < group.Items.Count; j++) _context.RemoveSequence(group.FirstSequence + j);
        }
    }

    private void Add(int token, int position, int sequence, IReadOnlyList<ContinuationState>? scoredBy, int continuationPosition)
    {
        if (_batch.Free == 0) Flush();
        var index = _batch.Add(token, position, sequence, wantLogits: scoredBy is not null);
        if (scoredBy is null) return;
        foreach (var state in scoredBy) _pendingOutputs.Add((index, state, continuationPosition));
    }

    private void Flush()
    {
        if (_batch.Count == 0) return;
        var clock = Stopwatch.StartNew();
        _tokensDecoded += _batch.Count;
        _context.Decode(_batch);
        _decodeTime += clock.Elapsed;
        clock.Restart();
        var row = -1;
        (double LogSumExp, int Argmax) normaliser = default;
        foreach (var (batchIndex, state, position) in _pendingOutputs)
        {
            var logits = _context.Logits(batchIndex, _vocabulary.Count);
            if (batchIndex != row)
            {
                normaliser = _logSoftmax.Normalise(logits);
                row = batchIndex;
            }
            var token = state.Request.Continuation[position];
            state.Record(position, logits[token] - normaliser.LogSumExp, token == normaliser.Argmax);
        }
        _pendingOutputs.Clear();
        _batch.Clear();
        _scoreTime += clock.Elapsed;
    }

    /// <summary>Requests that share exactly the same context tokens (at most one sequence slot each).</summary>
    private sealed class ContextGroup
    {
        public required int[] ContextTokens { get; init; }
        public List<ContinuationState> Items { get; } = [];
        public int FirstSequence { get; set; }
        public int CellsNeeded => ContextTokens.Length + Items.Sum(i => i.Request.Continuation.Length - 1);

        public static List<ContextGroup> Build(EncodedLoglikelihoodRequest[] requests, int maxPerGroup)
        {
            var groups = new List<ContextGroup>();
            var open = new Dictionary<string, ContextGroup>(StringComparer.Ordinal);
            foreach (var request in requests)
            {
                var key = string.Join(',', request.Context);
                if (!open.TryGetValue(key, out var group) || group.Items.Count >= maxPerGroup)
                {
                    group = new ContextGroup { ContextTokens = request.Context };
                    open[key] = group;
                    groups.Add(group);
                }
                group.Items.Add(new ContinuationState(request));
            }
            return groups;
        }
    }

    private sealed class ContinuationState(EncodedLoglikelihoodRequest request)
    {
        private readonly double[] _logProbabilities = new double[request.Continuation.Length];
        private bool _allGreedy = true;

        public EncodedLoglikelihoodRequest Request { get; } = request;

        public void Record(int position, double logProbability, bool isArgmax)
        {
            _logProbabilities[position] = logProbability;
            _allGreedy &= isArgmax;
        }

        public LoglikelihoodResult ToResult() =>
            new(_logProbabilities.Sum(), _allGreedy, _logProbabilities, Request.Context.Length, Request.ContextTruncated);
    }
}
