using System.Numerics;
using EvalHarness.Core.Metrics;

namespace EvalHarness.Core.Tests.Metrics;

public class PassAtKTests
{
    [Theory]
    [InlineData(10, 3, 1, 0.3)]
    [InlineData(10, 3, 5, 11.0 / 12.0)] // 1 − C(7,5)/C(10,5) = 1 − 21/252
    [InlineData(10, 3, 8, 1.0)] // n − c = 7 < 8
    [InlineData(10, 0, 1, 0.0)]
    [InlineData(10, 10, 10, 1.0)]
    [InlineData(1, 1, 1, 1.0)]
    [InlineData(200, 13, 1, 0.065)]
    [InlineData(5, 2, 2, 0.7)] // 1 − C(3,2)/C(5,2) = 1 − 3/10
    public void Known_values(int n, int c, int k, double expected)
    {
        Assert.Equal(expected, PassAtK.Estimate(n, c, k), 1e-12);
    }

    [Fact]
    public void Product_form_equals_the_binomial_definition()
    {
        for (var n = 1; n <= 25; n++)
        {
            for (var c = 0; c <= n; c++)
            {
                for (var k = 1; k <= n; k++)
                {
                    var exact = 1.0 - (double)(Binomial(n - c, k) * 1_000_000_000_000 / Binomial(n, k)) / 1e12;
                    Assert.Equal(exact, PassAtK.Estimate(n, c, k), 1e-9);
                }
            }
        }
    }

    [Theory]
    [InlineData(5, 1, 6)]
    [InlineData(5, 6, 1)]
    [InlineData(5, -1, 1)]
    [InlineData(5, 1, 0)]
    public void Impossible_arguments_are_rejected(int n, int c, int k)
    {
        Assert.Throws<ArgumentException>(() => PassAtK.Estimate(n, c, k));
    }

    [Fact]
    public void Average_over_problems_with_its_standard_error()
    {
        var metric = PassAtK.Average([(10, 3), (10, 0), (10, 10)], 1);

        Assert.Equal("pass@1", metric.Name);
        Assert.Equal((0.3 + 0 + 1) / 3, metric.Value, 1e-12);
        Assert.Equal(MeanStatistics.StdErrOfMean([0.3, 0.0, 1.0]), metric.StdErr, 1e-12);
        Assert.Equal(3, metric.N);
    }

    private static BigInteger Binomial(int n, int k)
    {
        if (k < 0 || k > n)
        {
            return BigInteger.Zero;
        }

        var result = BigInteger.One;
        for (var i = 1; i <= k; i++)
        {
            result = result * (n - k + i) / i;
        }

        return result;
    }
}
