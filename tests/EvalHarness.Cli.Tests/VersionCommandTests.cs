namespace EvalHarness.Cli.Tests;

public class VersionCommandTests
{
    [Fact]
    public async Task Version_prints_the_assembly_version_and_exits_zero()
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();

        var code = await CliApp.RunAsync(["version"], stdout, stderr);

        Assert.Equal(ExitCodes.Success, code);
        Assert.Matches(@"^evalharness \d+\.\d+\.\d+", stdout.ToString());
    }

    [Fact]
    public async Task Unknown_command_is_a_parse_error_with_nonzero_exit()
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();

        var code = await CliApp.RunAsync(["no-such-command"], stdout, stderr);

        Assert.NotEqual(ExitCodes.Success, code);
        Assert.Contains("no-such-command", stderr.ToString() + stdout.ToString());
    }
}
