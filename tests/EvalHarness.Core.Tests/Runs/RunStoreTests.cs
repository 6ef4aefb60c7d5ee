using EvalHarness.Core.Runs;
using EvalHarness.Testing;

namespace EvalHarness.Core.Tests.Runs;

public sealed class RunStoreTests
{
    [Fact]
    public void Samples_read_back_equal_to_what_was_stored_after_the_store_is_reopened()
    {
        using var dir = TestPaths.NewTempDirectory();
        var record = RunFixtures.Record("gsm8k", "q1", 0) with { ChoiceLogLikelihoods = [-1.25, double.NegativeInfinity] };
        var score = RunFixtures.Score(0);
        using (var store = RunStore.Open(dir.Path))
        {
            store.SinkFor().OnSampleCompleted(record, score);
        }

        using var reopened = RunStore.Open(dir.Path);
        var back = Assert.Single(reopened.Samples("gsm8k"));
        Assert.Equal("q1", back.Key);
        Assert.Equal(record.Prompt, back.Value.Record.Prompt);
        Assert.Equal(record.ShotIds, back.Value.Record.ShotIds);
        Assert.Equal(record.ChoiceLogLikelihoods, back.Value.Record.ChoiceLogLikelihoods);
        Assert.Equal(record.Scores, back.Value.Record.Scores);
        Assert.Equal(score.Flags, back.Value.Score.Flags);
        Assert.Equal(score.Reasoning, back.Value.Score.Reasoning);
        Assert.Equal(score.Values, back.Value.Score.Values);
        Assert.Empty(reopened.Samples("mmlu"));
    }

    [Fact]
    public void A_sample_stored_twice_keeps_its_first_version_and_tasks_are_kept_apart()
    {
        using var dir = TestPaths.NewTempDirectory();
        using var store = RunStore.Open(dir.Path);
        store.AddSample(RunFixtures.Record("a", "1", 1), RunFixtures.Score(1));
        store.AddSample(RunFixtures.Record("a", "1", 0), RunFixtures.Score(0));
        store.AddSample(RunFixtures.Record("b", "1", 0), RunFixtures.Score(0));

        Assert.Equal(1, store.SampleCount("a"));
        Assert.Equal(1.0, store.Samples("a")["1"].Score["acc"]);
        Assert.Equal(0.0, store.Samples("b")["1"].Score["acc"]);
    }

    [Fact]
    public void Finished_tasks_are_remembered_across_opens()
    {
        using var dir = TestPaths.NewTempDirectory();
        using (var store = RunStore.Open(dir.Path))
        {
            Assert.False(store.IsTaskFinished("a"));
            store.MarkTaskFinished("a");
            store.MarkTaskFinished("a");
        }
        using var reopened = RunStore.Open(dir.Path);
        Assert.True(reopened.IsTaskFinished("a"));
        Assert.False(reopened.IsTaskFinished("b"));
    }

    [Fact]
    public void Concurrent_writers_lose_nothing()
    {
        using var dir = TestPaths.NewTempDirectory();
        using var store = RunStore.Open(dir.Path);
        Parallel.For(0, 200, i => store.AddSample(RunFixtures.Record("t", i.ToString(System.Globalization.CultureInfo.InvariantCulture), i % 2), RunFixtures.Score(i % 2)));
        Assert.Equal(200, store.SampleCount("t"));
        Assert.Equal(100, store.Samples("t").Values.Count(s => s.Score["acc"] == 1));
    }
}
