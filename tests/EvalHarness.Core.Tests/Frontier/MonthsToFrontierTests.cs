using EvalHarness.Core.Frontier;

namespace EvalHarness.Core.Tests.Frontier;

/// <summary>Threshold rule edge cases, each variant, and the confidence interval, on hand-made frontiers.</summary>
public class MonthsToFrontierTests
{
    private static readonly DateOnly Jan1 = new(2025, 1, 1);
    private static readonly DateOnly Mar2 = Jan1.AddDays(60);
    private static readonly DateOnly May1 = Mar2.AddDays(60);

    // Records: 60 on Jan 1, 80 on Mar 2, 90 on May 1; plus a non-record model (70 on Apr 1).
    private static readonly FrontierPoint[] Frontier =
    [
        new("A", Jan1, 60),
        new("B", Mar2, 80),
        new("Late and weak", new DateOnly(2025, 4, 1), 70),
        new("C", May1, 90),
    ];

    private static MonthsToFrontierResult Compute(double score, DateOnly released, double se = 0, DateOnly? today = null,
        IReadOnlyList<FrontierPoint>? frontier = null, MonthsToFrontierOptions? options = null) =>
        MonthsToFrontier.Compute(score, se, released, frontier ?? Frontier, today ?? released, options);

    [Fact]
    public void Threshold_takes_the_earliest_model_at_or_above_the_score()
    {
        // 75: B (Mar 2) is the first ≥ 75; the weaker Apr 1 model does not matter. May 1 − Mar 2 = 60 d = 2.0.
        var result = Compute(75, May1);
        Assert.Equal(2.0, result.Threshold.Months, 12);
        Assert.Equal("B", result.Threshold.MatchedModel);
        Assert.Equal(Mar2, result.Threshold.FrontierReachedOn);
        Assert.Equal(FrontierCensoring.None, result.Threshold.Censoring);
    }

    [Fact]
    public void A_tie_counts_as_reached()
    {
        Assert.Equal("B", Compute(80, May1).Threshold.MatchedModel);
        Assert.Equal("C", Compute(80.000001, May1).Threshold.MatchedModel);
    }

    [Fact]
    public void Same_day_models_name_the_best_one()
    {
        FrontierPoint[] frontier = [new("Old", Jan1, 10), new("X", Mar2, 70), new("Y", Mar2, 75)];
        var result = Compute(65, May1, frontier: frontier);
        Assert.Equal("Y", result.Threshold.MatchedModel);
        Assert.Equal(2.0, result.Threshold.Months, 12);
    }

    [Fact]
    public void Score_above_every_model_is_zero_months()
    {
        var result = Compute(95, May1.AddDays(100));
        Assert.All(new[] { result.Threshold, result.Interpolated, result.AsOfToday }, estimate =>
        {
            Assert.Equal(0, estimate.Months);
            Assert.Equal(FrontierCensoring.AboveFrontier, estimate.Censoring);
            Assert.Null(estimate.FrontierReachedOn);
            Assert.Null(estimate.MatchedModel);
        });
        Assert.Equal("0.0", result.Threshold.Display);
    }

    [Fact]
    public void Frontier_reaching_the_score_only_after_release_is_zero_not_negative()
    {
        // 85 is first reached by C on May 1, after a Mar 2 release: the model was ahead, 0 months.
        var result = Compute(85, Mar2);
        Assert.Equal(0, result.Threshold.Months);
        Assert.Equal("C", result.Threshold.MatchedModel);
    }

    [Fact]
    public void Score_below_every_model_is_measured_from_the_earliest_and_flagged_as_a_lower_bound()
    {
        var result = Compute(40, May1);
        Assert.Equal(120 / 30.0, result.Threshold.Months, 12);
        Assert.Equal("A", result.Threshold.MatchedModel);
        Assert.Equal(FrontierCensoring.BelowTable, result.Threshold.Censoring);
        Assert.Equal(FrontierCensoring.BelowTable, result.Interpolated.Censoring);
        Assert.Equal(result.Threshold.Months, result.Interpolated.Months, 12);
    }

    [Fact]
    public void Empty_frontier_is_a_clear_error()
    {
        var error = Assert.Throws<UserInputException>(() => Compute(50, May1, frontier: []));
        Assert.Contains("no frontier model covers the compared benchmarks", error.Message);
        Assert.Contains("frontier.yaml", error.Fix);
    }

    [Fact]
    public void Interpolated_assumes_a_linear_rise_between_records()
    {
        // 70 lies halfway between A (60, Jan 1) and B (80, Mar 2): reached Jan 31. May 1 − Jan 31 = 90 d = 3.0,
        // where the threshold rule says Mar 2 → 60 d = 2.0.
        var result = Compute(70, May1);
        Assert.Equal(3.0, result.Interpolated.Months, 12);
        Assert.Equal(Jan1.AddDays(30), result.Interpolated.FrontierReachedOn);
        Assert.Equal("B", result.Interpolated.MatchedModel);
        Assert.Equal(2.0, result.Threshold.Months, 12);
        // At a record value the two agree.
        Assert.Equal(Compute(80, May1).Threshold.Months, Compute(80, May1).Interpolated.Months, 12);
    }

    [Fact]
    public void Linear_trend_inverts_a_fitted_line()
    {
        // Records exactly on score = 50 + 0.1·day: 65 is reached on day 150; released on day 300 → 150 d = 5.0.
        FrontierPoint[] frontier = [new("P", Jan1, 50), new("Q", Jan1.AddDays(100), 60), new("R", Jan1.AddDays(200), 70), new("Below", Jan1.AddDays(250), 55)];
        var result = Compute(65, Jan1.AddDays(300), frontier: frontier);
        Assert.Equal(5.0, result.Trend.Months, 9);
        Assert.Equal(Jan1.AddDays(150), result.Trend.FrontierReachedOn);
        Assert.Equal(FrontierCensoring.None, result.Trend.Censoring);
        Assert.Contains("linear trend", result.Trend.Note);
    }

    [Fact]
    public void Linear_trend_least_squares_on_noisy_records()
    {
        // Records (0, 50), (100, 58), (200, 70): slope = Σ(x−x̄)(y−ȳ)/Σ(x−x̄)² = (−100·−9.333 + 100·10.667)/20000 = 0.1,
        // intercept at x̄ = 100 is ȳ = 59.333. Score 62 → day 100 + 2.6667/0.1 = 126.667; released day 200 → 73.333 d.
        FrontierPoint[] frontier = [new("P", Jan1, 50), new("Q", Jan1.AddDays(100), 58), new("R", Jan1.AddDays(200), 70)];
        var result = Compute(62, Jan1.AddDays(200), frontier: frontier);
        Assert.Equal((200 - (100 + (62 - 178.0 / 3) / 0.1)) / 30, result.Trend.Months, 9);
    }

    [Fact]
    public void Log_trend_fits_exponential_growth()
    {
        // Records doubling every 100 days from 40: the score 40·2^1.5 is reached on day 150.
        FrontierPoint[] frontier = [new("P", Jan1, 40), new("Q", Jan1.AddDays(100), 80), new("R", Jan1.AddDays(200), 160)];
        var options = new MonthsToFrontierOptions(TrendScale.Log);
        var result = Compute(40 * Math.Pow(2, 1.5), Jan1.AddDays(180), frontier: frontier, options: options);
        Assert.Equal(1.0, result.Trend.Months, 9);
        Assert.Contains("log trend", result.Trend.Note);
        // The linear fit of the same points disagrees, which is why the scale is a labelled option.
        Assert.NotEqual(1.0, Compute(40 * Math.Pow(2, 1.5), Jan1.AddDays(180), frontier: frontier).Trend.Months, 3);
    }

    [Fact]
    public void Trend_outside_the_records_is_flagged_as_extrapolated()
    {
        var result = Compute(55, May1.AddDays(30));
        Assert.Equal(FrontierCensoring.Extrapolated, result.Trend.Censoring);
        Assert.True(result.Trend.Months > 0);
    }

    [Fact]
    public void Trend_with_a_single_record_date_is_unavailable_not_invented()
    {
        FrontierPoint[] frontier = [new("Only", Jan1, 70), new("Same day", Jan1, 60)];
        var result = Compute(65, May1, se: 2, frontier: frontier);
        Assert.False(result.Trend.IsAvailable);
        Assert.Equal(FrontierCensoring.Unavailable, result.Trend.Censoring);
        Assert.Equal("n/a", result.Trend.Display);
        Assert.True(double.IsNaN(result.Trend.Ci95.Low));
        Assert.True(result.Threshold.IsAvailable);
    }

    [Fact]
    public void As_of_today_measures_the_threshold_gap_to_today()
    {
        // 75 first reached Mar 2; released May 1 (2.0) but today is Jun 30: 120 d = 4.0.
        var result = Compute(75, May1, today: May1.AddDays(60));
        Assert.Equal(2.0, result.Threshold.Months, 12);
        Assert.Equal(4.0, result.AsOfToday.Months, 12);
        Assert.Equal("B", result.AsOfToday.MatchedModel);
        Assert.Equal(MonthsVariant.AsOfToday, result.AsOfToday.Variant);
        Assert.Equal([MonthsVariant.Threshold, MonthsVariant.Interpolated, MonthsVariant.Trend, MonthsVariant.AsOfToday], result.All.Select(e => e.Variant));
    }

    [Fact]
    public void Confidence_interval_evaluates_the_rule_at_S_plus_and_minus_1_96_SE()
    {
        // S = 85, 1.96·SE = 10. Released Jul 30 (day 210). S − 10 = 75 → B (Mar 2, day 60): 150 d = 5.0;
        // S = 85 → C (May 1, day 120): 90 d = 3.0; S + 10 = 95 → above the frontier: 0.
        var released = Jan1.AddDays(210);
        var result = Compute(85, released, se: 10 / 1.96);
        Assert.Equal(3.0, result.Threshold.Months, 12);
        Assert.Equal(new MonthsInterval(0, 5.0), result.Threshold.Ci95);
        // Interpolated: 75 → Jan 1 + 45 d = day 45 → 165 d = 5.5; 85 → day 90 → 4.0; 95 → 0.
        Assert.Equal(4.0, result.Interpolated.Months, 9);
        Assert.Equal(0, result.Interpolated.Ci95.Low, 9);
        Assert.Equal(5.5, result.Interpolated.Ci95.High, 9);
    }

    [Fact]
    public void Zero_SE_gives_a_point_interval_and_wider_SE_a_wider_one()
    {
        var point = Compute(75, May1).Threshold;
        Assert.Equal(new MonthsInterval(point.Months, point.Months), point.Ci95);

        var wide = Compute(75, May1, se: 6).Threshold; // 75 ± 11.76 → [63.2, 86.8] → C (0.0) .. B (2.0)
        Assert.Equal(new MonthsInterval(0, 2.0), wide.Ci95);
        var wider = Compute(75, May1, se: 9).Threshold; // 75 − 17.64 = 57.4 → below A: 120 d = 4.0
        Assert.Equal(new MonthsInterval(0, 4.0), wider.Ci95);
    }

    [Fact]
    public void Confidence_z_is_configurable()
    {
        var options = new MonthsToFrontierOptions(ConfidenceZ: 1.0);
        var result = Compute(75, May1, se: 6, options: options); // 75 ± 6 → [69, 81] → B .. C
        Assert.Equal(new MonthsInterval(0, 2.0), result.Threshold.Ci95);
        var narrow = Compute(75, May1, se: 4, options: options); // [71, 79] → B both ends
        Assert.Equal(new MonthsInterval(2.0, 2.0), narrow.Threshold.Ci95);
    }

    [Fact]
    public void Rounding_is_to_one_decimal_half_away_from_zero()
    {
        Assert.Equal(5.9, MonthsEstimate.RoundForDisplay(176 / 30.0));
        Assert.Equal(0.1, MonthsEstimate.RoundForDisplay(0.05));
        Assert.Equal(11.6, MonthsEstimate.RoundForDisplay(349 / 30.0));
    }

    [Fact]
    public void Invalid_inputs_are_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Compute(double.NaN, May1));
        Assert.Throws<ArgumentOutOfRangeException>(() => Compute(70, May1, se: -1));
    }
}
