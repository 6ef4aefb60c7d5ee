namespace EvalHarness.Core.Scoring;

/// <summary>Decides whether an extracted answer matches one reference answer.</summary>
public interface IAnswerComparer
{
    string Describe();

    bool Matches(string extracted, string reference);
}
