using System.Globalization;
using System.Numerics;
using System.Text.RegularExpressions;

namespace EvalHarness.Core.Scoring.MathAnswers;

/// <summary>
/// An exact rational number read from a plain answer: an integer or decimal (<c>-12</c>, <c>0.50</c>,
/// <c>1,234.5</c>), <c>a/b</c>, or <c>\frac{a}{b}</c> with integer parts, optionally negated. Used for the
/// "numeric equality for plain numbers" rule so that <c>0.5</c>, <c>\frac12</c> and <c>1/2</c> agree exactly,
/// without floating-point tolerance.
/// </summary>
public readonly partial record struct ExactRational
{
    private ExactRational(BigInteger numerator, BigInteger denominator)
    {
        var sign = denominator.Sign < 0 ? BigInteger.MinusOne : BigInteger.One;
        var gcd = BigInteger.GreatestCommonDivisor(numerator, denominator);
        if (gcd.IsZero)
        {
            gcd = BigInteger.One;
        }

        Numerator = sign * numerator / gcd;
        Denominator = sign * denominator / gcd;
    }

    public BigInteger Numerator { get; }

    public BigInteger Denominator { get; }

    public bool IsInteger => Denominator.IsOne;

    public static bool TryParse(string text, out ExactRational value)
    {
        value = default;
        var s = text.Trim();
        var negate = false;
        if (s.StartsWith('-') && (s.StartsWith("-\\frac", StringComparison.Ordinal) || s.StartsWith("-(", StringComparison.Ordinal)))
        {
            negate = true;
            s = s[1..];
        }

        var fraction = FractionForm().Match(s);
        if (fraction.Success)
        {
            if (!TryParseDecimal(fraction.Groups["n"].Value, out var n) ||
                !TryParseDecimal(fraction.Groups["d"].Value, out var d) || d.Numerator.IsZero)
            {
                return false;
            }

            value = Divide(n, d);
        }
        else if (!TryParseDecimal(s, out value))
        {
            return false;
        }

        if (negate)
        {
            value = new ExactRational(-value.Numerator, value.Denominator);
        }

        return true;
    }

    private static ExactRational Divide(ExactRational a, ExactRational b) =>
        new(a.Numerator * b.Denominator, a.Denominator * b.Numerator);

    private static bool TryParseDecimal(string text, out ExactRational value)
    {
        value = default;
        var match = DecimalForm().Match(text.Trim());
        if (!match.Success)
        {
            return false;
        }

        var integerPart = match.Groups["int"].Value.Replace(",", "", StringComparison.Ordinal);
        var fractionPart = match.Groups["frac"].Value;
        if (integerPart.Length + fractionPart.Length == 0)
        {
            return false;
        }

        var digits = (integerPart.Length == 0 ? "0" : integerPart) + fractionPart;
        var numerator = BigInteger.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);
        if (match.Groups["sign"].Value == "-")
        {
            numerator = -numerator;
        }

        value = new ExactRational(numerator, BigInteger.Pow(10, fractionPart.Length));
        return true;
    }

    // Thousands separators only in groups of three, so "1,5" (a list or a European decimal) is not a number.
    [GeneratedRegex(@"^(?<sign>[+-]?)(?<int>[0-9]{1,3}(,[0-9]{3})+|[0-9]*)(\.(?<frac>[0-9]+))?$", RegexOptions.CultureInvariant)]
    private static partial Regex DecimalForm();

    [GeneratedRegex(@"^(\\frac\{(?<n>[^{}]+)\}\{(?<d>[^{}]+)\}|\((?<n>[^()/]+)\)/\((?<d>[^()/]+)\)|(?<n>[^/{}]+)/(?<d>[^/{}]+))$", RegexOptions.CultureInvariant)]
    private static partial Regex FractionForm();
}
