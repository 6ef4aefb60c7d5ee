using System.Globalization;
using System.Text.Json;

namespace EvalHarness.Core.Sandbox;

/// <summary>
/// The trusted first stage inside the sandbox: a few lines of Python that start a new session (so the whole tree is
/// one process group), set hard rlimits (soft = hard, so the program cannot raise them back: raising a hard limit
/// needs CAP_SYS_RESOURCE in the initial user namespace, which the program never has), optionally drop from root to a
/// dedicated unprivileged uid, and then run the program as __main__ in the same interpreter (runpy), which saves a
/// second interpreter start-up per sample. Setting the limits here rather than from the harness means they apply to
/// exactly this tree and nothing else.
/// </summary>
internal static class RlimitLauncher
{
    /// <summary>Run with "python -I -S -c Script config-json program args…"; the config is built by <see cref="Config"/>.
    /// -I (isolated mode: no PYTHON* variables, no user site-packages, no script directory on sys.path) also applies
    /// to the program. -S skips site's start-up work (on pyenv it imports certifi through a .pth file, doubling
    /// interpreter start-up); the site-packages directories are then put on sys.path by hand, so installed packages
    /// such as numpy still import, but .pth hooks do not run.</summary>
    public const string Script = """
import json, os, resource, sys
c = json.loads(sys.argv[1])
try:
    os.setsid()
except OSError:
    pass
def hard(res, value):
    resource.setrlimit(res, (value, value))
def count_processes_of(uid):
    n = 0
    for name in os.listdir('/proc'):
        if name.isdigit():
            try:
                if os.stat('/proc/' + name).st_uid == uid:
                    n += 1
            except OSError:
                pass
    return n
uid = c.get('uid')
if uid is not None and os.getuid() == 0:
    for path in c['chown']:
        os.chown(path, uid, uid)
    os.setgroups([])
    os.setgid(uid)
    os.setuid(uid)
nproc = c['nproc']
if c.get('nproc_add_existing'):
    nproc += count_processes_of(os.getuid())
hard(resource.RLIMIT_AS, c['as'])
hard(resource.RLIMIT_DATA, c['as'])
resource.setrlimit(resource.RLIMIT_CPU, (c['cpu'], c['cpu'] + 1))
hard(resource.RLIMIT_FSIZE, c['fsize'])
hard(resource.RLIMIT_NPROC, nproc)
hard(resource.RLIMIT_NOFILE, c['nofile'])
hard(resource.RLIMIT_CORE, 0)
os.chdir(c['cwd'])
import runpy, site
sys.path.extend(p for p in site.getsitepackages() if p not in sys.path)
sys.argv = [sys.argv[2]] + sys.argv[3:]
runpy.run_path(sys.argv[0], run_name='__main__')
""";

    /// <param name="workDirectory">The program's directory as seen inside the sandbox.</param>
    /// <param name="dropToUid">When running as root: the unprivileged uid to become (and to give the directory to).</param>
    /// <param name="countExistingProcesses">Without a user namespace RLIMIT_NPROC counts every process of the uid,
    /// so the limit is raised by the number the user already runs (the program still gets only MaxProcesses more).</param>
    public static string Config(SandboxLimits limits, string workDirectory, string programPath,
        int? dropToUid, bool countExistingProcesses)
    {
        var config = new Dictionary<string, object?>
        {
            ["as"] = limits.MemoryBytes,
            ["cpu"] = limits.EffectiveCpuSeconds,
            ["fsize"] = limits.MaxFileSizeBytes,
            ["nproc"] = limits.MaxProcesses,
            ["nproc_add_existing"] = countExistingProcesses,
            ["nofile"] = limits.MaxOpenFiles,
            ["uid"] = dropToUid,
            ["chown"] = dropToUid is null ? Array.Empty<string>() : new[] { workDirectory, programPath },
            ["cwd"] = workDirectory,
        };
        return JsonSerializer.Serialize(config);
    }

    public static string Seconds(TimeSpan time) => time.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
}
