namespace EvalHarness.Reports.Charts;

/// <summary>Maps a data interval onto a pixel interval, with "nice" tick values (1, 2, 2.5 or 5 × 10ⁿ).</summary>
internal sealed record LinearScale(double DomainMin, double DomainMax, double RangeMin, double RangeMax)
{
    public double Map(double value)
    {
        var span = DomainMax - DomainMin;
        var t = span == 0 ? 0.5 : (value - DomainMin) / span;
        return RangeMin + t * (RangeMax - RangeMin);
    }

    /// <summary>A scale whose domain is widened to nice round bounds around [min, max].</summary>
    public static LinearScale Nice(double min, double max, double rangeMin, double rangeMax, int targetTicks = 6)
    {
        if (!(max > min))
        {
            var pad = Math.Abs(min) > 0 ? Math.Abs(min) * 0.1 : 1;
            (min, max) = (min - pad, max + pad);
        }
        var step = NiceStep((max - min) / targetTicks);
        return new LinearScale(Math.Floor(min / step) * step, Math.Ceiling(max / step) * step, rangeMin, rangeMax);
    }

    public IReadOnlyList<double> Ticks(int targetTicks = 6)
    {
        var step = NiceStep((DomainMax - DomainMin) / targetTicks);
        var ticks = new List<double>();
        for (var v = Math.Ceiling(DomainMin / step) * step; v <= DomainMax + step * 1e-9; v += step)
        {
            ticks.Add(Math.Round(v, 10));
        }
        return ticks;
    }

    private static double NiceStep(double rough)
    {
        if (!(rough > 0)) return 1;
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        var fraction = rough / magnitude;
        var nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 2.5 ? 2.5 : fraction <= 5 ? 5 : 10;
        return nice * magnitude;
    }
}
