using System.Diagnostics;
using EvalHarness.Core.Inference;

namespace EvalHarness.Llama.Engine;

/// <summary>
/// Scores loglikelihood requests with full batches and as few llama_decode calls as possible.
/// Requests sharing a context form a group; a group's context is decoded once into one sequence. Every continuation's
/// first token is scored from the context's last logit row; a continuation of more tokens gets its own sequence, a
/// copy of the context's (llama_memory_seq_cp, free in a unified KV cache), fed all but its last token. Groups stream
/// through the batch: each llama_decode is topped up with the next groups' contexts while earlier groups feed their
/// continuations, so decodes stay full. Admission pauses after about two batches' worth of cells and the cache is
/// cleared once those groups are done, because llama.cpp's per-decode cost grows with the highest cell in use.
/// </summary>
internal sealed class LoglikelihoodScheduler
{
    private readonly LlamaContext _context;
    private readonly LlamaVocabulary _vocabulary;
    private readonly LlamaBatchBuffer _batch;
    private readonly TokenLogProbabilities _logSoftmax = new();
    private readonly List<(int BatchIndex, LoglikelihoodGroup.Item Item, int Position)> _pendingOutputs = [];
    private TimeSpan _decodeTime, _scoreTime;
    private long _tokensDecoded;

    public LoglikelihoodScheduler(LlamaContext context, LlamaVocabulary vocabulary, LlamaBatchBuffer batch)
    {
        _context = context;
        _vocabulary = vocabulary;
        _batch = batch;
    }

    public LoglikelihoodStatistics? LastRun { get; private set; }

    public LoglikelihoodResult[] Run(
        IReadOnlyList<LoglikelihoodRequest> requests, Action<int, LoglikelihoodResult>? onResult, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var encoded = Encode(requests);
        return Run(encoded, onResult, cancellationToken, clock);
    }

    /// <summary>Scores requests already in tokens (used to compare with llama.cpp's tools token for token).</summary>
    public LoglikelihoodResult[] Run(
        EncodedLoglikelihoodRequest[] encoded, Action<int, LoglikelihoodResult>? onResult, CancellationToken cancellationToken, Stopwatch? clock = null)
    {
        clock ??= Stopwatch.StartNew();
        var encoding = clock.Elapsed;
        _decodeTime = _scoreTime = TimeSpan.Zero;
        _tokensDecoded = 0;

        var results = new LoglikelihoodResult[encoded.Length];
        var waiting = new Queue<LoglikelihoodGroup>(LoglikelihoodGroup.Build(encoded, _context.SequenceCapacity));
        var active = new List<LoglikelihoodGroup>();
        var freeSequences = new Stack<int>(Enumerable.Range(0, _context.SequenceCapacity).Reverse());
        var usedCells = 0;
        var cellsSinceClear = 0;
        var epochBudget = Math.Min(_context.KvCells, 2 * _context.BatchSize);
        try
        {
            while (waiting.Count > 0 || active.Count > 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (active.Count == 0 && cellsSinceClear > 0)
                {
                    // Start the next epoch at cell 0: llama.cpp attends over (and builds masks for) every cell up to the
                    // highest one in use, so a cache that stays compact keeps each decode as cheap as a fresh one.
                    _context.ClearMemory();
                    cellsSinceClear = 0;
                }
                FeedContinuations(active);
                FeedContexts(active);
                while (_batch.Free > 0 && waiting.Count > 0 && CanAdmit(waiting.Peek(), active.Count, freeSequences.Count, usedCells)
                    && (cellsSinceClear == 0 || cellsSinceClear + waiting.Peek().CellsNeeded <= epochBudget))
                {
                    var group = waiting.Dequeue();
                    group.Assign(freeSequences);
                    usedCells += group.CellsNeeded;
                    cellsSinceClear += group.CellsNeeded;
                    active.Add(group);
                    FeedContext(group);
                }
                Flush();
                foreach (var group in active.Where(g => g.AdvanceAfterDecode()).ToArray())
                {
                    foreach (var sequence in group.Sequences)
                    {
                        _context.RemoveSequence(sequence);
                        freeSequences.Push(sequence);
                    }
                    usedCells -= group.CellsNeeded;
                    active.Remove(group);
                    foreach (var item in group.Items)
                    {
                        var result = item.ToResult();
                        results[item.Request.Index] = result;
                        onResult?.Invoke(item.Request.Index, result);
                    }
                }
            }
        }
        finally
        {
            foreach (var sequence in active.SelectMany(g => g.Sequences)) _context.RemoveSequence(sequence);
            _batch.Clear();
            _pendingOutputs.Clear();
        }
        LastRun = new LoglikelihoodStatistics(encoded.Length, _tokensDecoded, encoding, _decodeTime, _scoreTime, clock.Elapsed);
        return results;
    }

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

    private bool CanAdmit(LoglikelihoodGroup group, int activeGroups, int freeSequences, int usedCells) =>
        group.SequencesNeeded <= freeSequences && (activeGroups == 0 || usedCells + group.CellsNeeded <= _context.KvCells);

    /// <summary>Groups whose context is in the cache: share it with their continuations' sequences, then feed those.</summary>
    private void FeedContinuations(List<LoglikelihoodGroup> active)
    {
        foreach (var group in active)
        {
            if (group.Stage == LoglikelihoodGroup.Phase.ContextDecoded)
            {
                foreach (var item in group.Items.Where(i => i.Sequence != group.ContextSequence && i.Sequence >= 0))
                {
                    _context.CopySequence(group.ContextSequence, item.Sequence, group.ContextTokens.Length);
                }
                group.Stage = LoglikelihoodGroup.Phase.FeedingContinuations;
            }
            if (group.Stage != LoglikelihoodGroup.Phase.FeedingContinuations) continue;
            while (_batch.Free > 0 && group.NextContinuationToken() is { } next)
            {
                var (item, position) = next;
                var index = _batch.Add(item.Request.Continuation[position], group.ContextTokens.Length + position, item.Sequence, wantLogits: true);
                _pendingOutputs.Add((index, item, position + 1));
                group.ContinuationFed();
            }
            if (_batch.Free == 0) return;
        }
    }

    private void FeedContexts(List<LoglikelihoodGroup> active)
    {
        foreach (var group in active.Where(g => g.Stage == LoglikelihoodGroup.Phase.FeedingContext))
        {
            FeedContext(group);
            if (_batch.Free == 0) return;
        }
    }

    private void FeedContext(LoglikelihoodGroup group)
    {
        var tokens = group.ContextTokens;
        while (_batch.Free > 0 && group.ContextFed < tokens.Length)
        {
            var position = group.ContextFed;
            var last = position == tokens.Length - 1;
            var index = _batch.Add(tokens[position], position, group.ContextSequence, wantLogits: last);
            group.ContextFed++;
            if (!last) continue;
            // The context's last row predicts the first token of every continuation.
            foreach (var item in group.Items) _pendingOutputs.Add((index, item, 0));
        }
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
        foreach (var (batchIndex, item, position) in _pendingOutputs)
        {
            var logits = _context.Logits(batchIndex, _vocabulary.Count);
            if (batchIndex != row)
            {
                normaliser = _logSoftmax.Normalise(logits);
                row = batchIndex;
            }
            var token = item.Request.Continuation[position];
            item.Record(position, logits[token] - normaliser.LogSumExp, token == normaliser.Argmax);
        }
        _pendingOutputs.Clear();
        _batch.Clear();
        _scoreTime += clock.Elapsed;
    }
}
