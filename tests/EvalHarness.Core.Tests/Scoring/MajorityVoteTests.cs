using EvalHarness.Core.Scoring;
using EvalHarness.Core.Scoring.Filters;

namespace EvalHarness.Core.Tests.Scoring;

public class MajorityVoteTests
{
    [Fact]
    public void Most_frequent_answer_wins()
    {
        Assert.Equal("72", MajorityVote.Select(["70", "72", "72", "[invalid]", "70", "72"]));
    }

    [Fact]
    public void Ties_go_to_the_answer_seen_first_like_counter_most_common()
    {
        Assert.Equal("B", MajorityVote.Select(["B", "A", "A", "B"]));
    }

    [Fact]
    public void Invalid_answers_win_unless_ignored()
    {
        string[] answers = ["[invalid]", "[invalid]", "5"];

        Assert.Equal("[invalid]", MajorityVote.Select(answers));
        Assert.Equal("5", MajorityVote.Select(answers, a => a == RegexExtractor.InvalidAnswer));
        Assert.Null(MajorityVote.Select(["[invalid]"], a => a == RegexExtractor.InvalidAnswer));
        Assert.Null(MajorityVote.Select([]));
    }
}
