using EvalHarness.Llama.Engine;

namespace EvalHarness.Llama.Tests;

/// <summary>
/// A default-sized KV cache shrinks to the device's free memory (after the compute headroom), in llama.cpp's 256-cell
/// steps, and is refused only when one full-length sequence does not fit.
/// </summary>
public sealed class KvCacheFitTests
{
    private const long Kib = 1024, Gib = 1024 * 1024 * 1024;

    [Fact]
    public void A_default_cache_that_fits_is_kept_whole()
    {
        Assert.Equal(32768, KvCacheEstimate.FittedCells(10 * Gib, 256 * Kib, Gib, defaultCells: 32768, contextLength: 8192));
        Assert.Equal(32768, KvCacheEstimate.FittedCells(Gib + 32768 * 256 * Kib, 256 * Kib, Gib, 32768, 8192));
    }

    [Fact]
    public void A_default_cache_too_big_shrinks_to_whole_256_cell_steps_of_what_is_free()
    {
        // EXAONE 4.0 32B in f16 keeps 256 KiB per cell: 5 GiB free after the headroom holds 20,480 cells.
        Assert.Equal(20480, KvCacheEstimate.FittedCells(6 * Gib, 256 * Kib, Gib, 32768, 8192));
        Assert.Equal(19968, KvCacheEstimate.FittedCells(Gib + 20000 * 256 * Kib, 256 * Kib, Gib, 32768, 8192));
        Assert.Equal(8192, KvCacheEstimate.FittedCells(Gib + 8192 * 256 * Kib, 256 * Kib, Gib, 32768, 8192));
    }

    [Fact]
    public void Less_than_one_full_sequence_is_refused()
    {
        Assert.Equal(-1, KvCacheEstimate.FittedCells(Gib + 8191 * 256 * Kib, 256 * Kib, Gib, 32768, 8192));
        Assert.Equal(-1, KvCacheEstimate.FittedCells(Gib / 2, 256 * Kib, Gib, 32768, 8192));
    }
}
