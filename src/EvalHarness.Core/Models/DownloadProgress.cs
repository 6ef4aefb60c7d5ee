namespace EvalHarness.Core.Models;

public enum DownloadPhase
{
    /// <summary>Bytes are arriving from the server.</summary>
    Downloading,

    /// <summary>The complete file is being hashed (sha256).</summary>
    Verifying,
}

/// <summary>
/// One progress report of a model download or check. <see cref="BytesTotal"/> is null when the server does not say
/// the size; <see cref="BytesPerSecond"/> is the mean rate since this phase (or resumed try) began.
/// </summary>
public readonly record struct DownloadProgress(DownloadPhase Phase, string File, long BytesDone, long? BytesTotal, double BytesPerSecond)
{
    public double? Fraction => BytesTotal is { } total && total > 0 ? (double)BytesDone / total : null;
}
