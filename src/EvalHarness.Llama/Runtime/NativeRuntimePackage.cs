namespace EvalHarness.Llama.Runtime;

/// <summary>
/// One pinned npm package of prebuilt llama.cpp binaries (node-llama-cpp's, llama.cpp release v0.5.0).
/// </summary>
/// <param name="Name">npm package name.</param>
/// <param name="Version">Exact version.</param>
/// <param name="Integrity">The registry's sha512 SRI string for the tarball; null where it could not be pinned
/// (then npm's own registry check is relied on and the run records that).</param>
/// <param name="BinFolder">Folder inside the package that holds the libraries.</param>
public sealed record NativeRuntimePackage(string Name, string Version, string? Integrity, string BinFolder)
{
    public string Spec => $"{Name}@{Version}";
}
