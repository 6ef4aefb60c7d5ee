namespace EvalHarness.Core.Scoring.IfEval;

/// <summary>
/// CPython's <c>random.Random</c> (MT19937) for the three calls langdetect makes: <c>seed(int)</c>,
/// <c>gauss(0, 1)</c> and <c>choice(list)</c>. Reproducing it makes our detector draw the same n-grams as
/// langdetect with <c>DetectorFactory.seed = 0</c>, so its verdicts are langdetect's, decision for decision.
/// </summary>
internal sealed class PythonRandom
{
    private const int N = 624, M = 397;
    private readonly uint[] _state = new uint[N];
    private int _index;
    private double? _gaussNext;

    public PythonRandom(uint seed) => Seed(seed);

    /// <summary>random.seed(n) for 0 ≤ n &lt; 2³²: init_by_array with the single key n.</summary>
    public void Seed(uint seed)
    {
        InitGenrand(19650218u);
        uint[] key = [seed];
        int i = 1, j = 0;
        for (int k = Math.Max(N, key.Length); k > 0; k--)
        {
            _state[i] = (_state[i] ^ ((_state[i - 1] ^ (_state[i - 1] >> 30)) * 1664525u)) + key[j] + (uint)j;
            i++; j++;
            if (i >= N) { _state[0] = _state[N - 1]; i = 1; }
            if (j >= key.Length) j = 0;
        }
        for (int k = N - 1; k > 0; k--)
        {
            _state[i] = (_state[i] ^ ((_state[i - 1] ^ (_state[i - 1] >> 30)) * 1566083941u)) - (uint)i;
            i++;
            if (i >= N) { _state[0] = _state[N - 1]; i = 1; }
        }
        _state[0] = 0x80000000u;
        _gaussNext = null;
    }

    /// <summary>random.random(): 53 random bits.</summary>
    public double NextDouble()
    {
        uint a = NextUInt32() >> 5, b = NextUInt32() >> 6;
        return (a * 67108864.0 + b) * (1.0 / 9007199254740992.0);
    }

    /// <summary>random.gauss(mu, sigma), including CPython's cached second value.</summary>
    public double Gauss(double mu, double sigma)
    {
        double z;
        if (_gaussNext is { } cached)
        {
            z = cached;
            _gaussNext = null;
        }
        else
        {
            double x2pi = NextDouble() * 2 * Math.PI;
            double g2rad = Math.Sqrt(-2.0 * Math.Log(1.0 - NextDouble()));
            z = Math.Cos(x2pi) * g2rad;
            _gaussNext = Math.Sin(x2pi) * g2rad;
        }
        return mu + z * sigma;
    }

    /// <summary>random.choice(seq): an index below n by rejection sampling on getrandbits(n.bit_length()).</summary>
    public int NextIndex(int n)
    {
        int bits = 32 - System.Numerics.BitOperations.LeadingZeroCount((uint)n);
        uint r;
        do r = NextUInt32() >> (32 - bits);
        while (r >= n);
        return (int)r;
    }

    private void InitGenrand(uint seed)
    {
        _state[0] = seed;
        for (int i = 1; i < N; i++) _state[i] = 1812433253u * (_state[i - 1] ^ (_state[i - 1] >> 30)) + (uint)i;
        _index = N;
    }

    private uint NextUInt32()
    {
        if (_index >= N) Twist();
        uint y = _state[_index++];
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c5680u;
        y ^= (y << 15) & 0xefc60000u;
        y ^= y >> 18;
        return y;
    }

    private void Twist()
    {
        for (int k = 0; k < N; k++)
        {
            uint y = (_state[k] & 0x80000000u) | (_state[(k + 1) % N] & 0x7fffffffu);
            _state[k] = _state[(k + M) % N] ^ (y >> 1) ^ ((y & 1) != 0 ? 0x9908b0dfu : 0u);
        }
        _index = 0;
    }
}
