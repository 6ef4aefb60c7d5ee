# Builds the CLI once (incrementally) and runs it with the given arguments: .\run.ps1 run --model m.gguf --suite smoke
$ErrorActionPreference = 'Stop'
$here = Split-Path -Parent $MyInvocation.MyCommand.Path
dotnet build "$here/src/EvalHarness.Cli/EvalHarness.Cli.csproj" -c Release --nologo -v quiet '-clp:ErrorsOnly;NoSummary' | Write-Host
if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }
& dotnet "$here/src/EvalHarness.Cli/bin/Release/net10.0/evalharness.dll" @args
exit $LASTEXITCODE
