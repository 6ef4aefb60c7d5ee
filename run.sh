#!/usr/bin/env bash
# Builds the CLI once (incrementally) and runs it with the given arguments: ./run.sh run --model m.gguf --suite smoke
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
dotnet build "$here/src/EvalHarness.Cli/EvalHarness.Cli.csproj" -c Release --nologo -v quiet "-clp:ErrorsOnly;NoSummary" >&2
exec dotnet "$here/src/EvalHarness.Cli/bin/Release/net10.0/evalharness.dll" "$@"
