namespace EvalHarness.Core.Sandbox;

internal static class PythonSandboxFiles
{
    public static void DeleteQuietly(string directory)
    {
        try { Directory.Delete(directory, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
