using System.Text.Json.Nodes;
using EvalHarness.Core.Datasets;
using EvalHarness.Core.Runs;
using EvalHarness.Core.Tasks;

namespace EvalHarness.Core.Tests.Runs;

public sealed class SampleSubsetTests
{
    private static Sample[] Samples(params (string Group, int Count)[] groups) => groups
        .SelectMany(g => Enumerable.Range(0, g.Count).Select(i => (g.Group, i)))
        .Select((x, index) => new Sample($"{x.Group}-{x.i}", x.Group, new DatasetRecord("f", index + 1, index, new JsonObject(), x.Group), [], -1, ""))
        .ToArray();

    [Fact]
    public void Groups_keep_their_share_by_largest_remainders_and_dataset_order_is_kept()
    {
        var samples = Samples(("algebra", 50), ("biology", 30), ("chemistry", 20));

        var subset = SampleSubset.Stratified(samples, 15, seed: 7);

        Assert.Equal(15, subset.Count);
        // Exact shares 7.5, 4.5, 3: floors 7, 4, 3 leave one place; the tie of remainders .5 goes to the first group by name.
        Assert.Equal(8, subset.Count(s => s.Group == "algebra"));
        Assert.Equal(4, subset.Count(s => s.Group == "biology"));
        Assert.Equal(3, subset.Count(s => s.Group == "chemistry"));
        var positions = subset.Select(s => Array.IndexOf(samples, s)).ToArray();
        Assert.Equal(positions.Order(), positions);
        Assert.Equal(subset.Count, subset.Distinct().Count());
    }

    [Fact]
    public void The_same_seed_gives_the_same_subset_and_another_seed_another()
    {
        var samples = Samples(("a", 40), ("b", 40));
        var first = SampleSubset.Stratified(samples, 10, seed: 1234).Select(s => s.Id).ToArray();
        Assert.Equal(first, SampleSubset.Stratified(samples, 10, seed: 1234).Select(s => s.Id));
        Assert.NotEqual(first, SampleSubset.Stratified(samples, 10, seed: 99).Select(s => s.Id));
    }

    [Fact]
    public void A_subset_at_least_as_large_as_the_task_is_the_whole_task()
    {
        var samples = Samples(("a", 5));
        Assert.Same(samples, SampleSubset.Stratified(samples, 5, seed: 1));
        Assert.Same(samples, SampleSubset.Stratified(samples, 500, seed: 1));
    }
}
