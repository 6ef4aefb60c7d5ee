using EvalHarness.Core.Ruler;
using EvalHarness.Core.Scoring;

namespace EvalHarness.Core.Tests.Ruler;

/// <summary>Generated references scored with RULER's metrics through the existing scorer: all found = 1 (100), part = the share.</summary>
public sealed class RulerScoringTests
{
    private static double Score(bool requireAll, IReadOnlyList<string> references, string response) =>
        new SubstringMatchScorer(requireAll).Score(new ScoringTarget(references), new GeneratedOutput(response)).Values[0].Value;

    [Theory]
    [InlineData(RulerTask.NiahMultikey2)]
    [InlineData(RulerTask.VariableTracking)]
    [InlineData(RulerTask.CommonWordsExtraction)]
    [InlineData(RulerTask.FrequentWordsExtraction)]
    [InlineData(RulerTask.KeyValueRetrieval)]
    public void Every_reference_in_the_response_scores_one(RulerTask task)
    {
        var sample = StandInTokenizer.Generator().GenerateOne(task, 2048, 0);
        var response = " " + string.Join(", ", sample.Outputs.Select(o => o.ToUpperInvariant())) + ".";

        Assert.Equal(1.0, Score(requireAll: true, sample.Outputs, response));
        Assert.Equal(0.0, Score(requireAll: true, sample.Outputs, " I could not find it."));
    }

    [Fact]
    public void Part_of_the_references_scores_their_share_and_any_one_satisfies_match_part()
    {
        var sample = StandInTokenizer.Generator().GenerateOne(RulerTask.CommonWordsExtraction, 2048, 0);
        var fourOfTen = string.Join(" ", sample.Outputs.Take(4));

        Assert.Equal(10, sample.Outputs.Count);
        Assert.Equal(0.4, Score(requireAll: true, sample.Outputs, fourOfTen), 10);
        Assert.Equal(1.0, Score(requireAll: false, sample.Outputs, fourOfTen));
        Assert.Equal(0.0, Score(requireAll: false, sample.Outputs, "none of them"));
    }

    [Fact]
    public void Variable_tracking_half_the_chain_scores_point_four_of_five_names()
    {
        var sample = StandInTokenizer.Generator().GenerateOne(RulerTask.VariableTracking, 2048, 0);

        Assert.Equal(5, sample.Outputs.Count);
        Assert.Equal(0.4, Score(requireAll: true, sample.Outputs, $"{sample.Outputs[0]} {sample.Outputs[1]}"), 10);
    }
}
