using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.Versioning;

namespace MhEmployment.Tests;

/// <summary>
/// Where a test host's temporary files go, and what removes them. Under scripts/test.sh (which sets MHE_TEST_RUN),
/// TMPDIR already names the run's scratch folder, which the script deletes with the PostgreSQL cluster it started.
/// Run directly (dotnet test), the test host makes a folder of its own and points TMPDIR at it, so that
/// Path.GetTempPath() in the tests, in the app and in every process they start lands there; a watchdog outside the
/// test host waits for the host to end, however it ends (its pipe to the host closes, even on kill -9), then stops
/// a PostgreSQL cluster started in the folder, drops the host's databases from a server it was given, and deletes the
/// folder. Linked into both test projects.
/// </summary>
public static class TestScratch
{
    public const string RunVariable = "MHE_TEST_RUN";

    // Collects the commands the host gives (WhenHostEnds) until its end closes the pipe. Then stops a PostgreSQL cluster
    // running in the folder as pg_ctl's immediate mode does, kills what else the host left running (an app it started:
    // it carries the host's TMPDIR; the watchdog does not), runs the host's commands, deletes the folder, and the
    // debugger pipes the .NET runtime made for the host in the machine's temporary folder before the host moved TMPDIR.
    private const string Watchdog = """
        exec >/dev/null 2>&1
        at_end=$(cat)
        for pidfile in "$1"/*/data/postmaster.pid; do
          [ -f "$pidfile" ] || continue
          pid=$(head -n 1 "$pidfile")
          kill -QUIT "$pid"
          waited=0
          while kill -0 "$pid" && [ "$waited" -lt 100 ]; do sleep 0.1; waited=$((waited + 1)); done
        done
        for environ in /proc/[0-9]*/environ; do
          if grep -qxzF "TMPDIR=$1" "$environ"; then pid=${environ#/proc/}; kill -KILL "${pid%/environ}"; fi
        done
        eval "$at_end"
        rm -rf "$1"
        rm -f "$2"/clr-debug-pipe-"$3"-* "$2"/dotnet-diagnostic-"$3"-*
        """;

    private static readonly Lock WatchdogGate = new();
    private static Process? _watchdog;

    /// <summary>The folder every temporary file of this test host goes under.</summary>
    public static string Folder { get; private set; } = Path.GetTempPath();

    /// <summary>The run's name (scripts/test.sh's, or this host's), part of the PostgreSQL databases' names.</summary>
    public static string RunId { get; private set; } = "";

    /// <summary>Whether scripts/test.sh cleans up after the run (its folder, cluster and the databases named after it).</summary>
    public static bool OwnedByScript { get; private set; }

    [ModuleInitializer]
    [SupportedOSPlatform("linux")] // as the suite is: setsid, /proc, Debian's PostgreSQL
    internal static void Initialize()
    {
        if (Environment.GetEnvironmentVariable(RunVariable) is { Length: > 0 } run)
        {
            RunId = run;
            OwnedByScript = true;
            return;
        }

        RunId = Guid.NewGuid().ToString("N")[..8];
        var machineTemp = Path.GetTempPath().TrimEnd('/');
        var folder = Directory.CreateTempSubdirectory("mhe-tests-").FullName;
        // The 'postgres' account (a cluster started as root runs as it) must reach its folder inside.
        File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
            | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
        Environment.SetEnvironmentVariable("TMPDIR", folder);
        Folder = Path.GetTempPath();

        // setsid: a session of its own, so that Ctrl-C or a closing terminal does not stop it before it cleans up.
        var start = new ProcessStartInfo("setsid") { RedirectStandardInput = true, UseShellExecute = false };
        foreach (var argument in new[] { "--wait", "sh", "-c", Watchdog, "watchdog", folder.TrimEnd('/'), machineTemp,
            Environment.ProcessId.ToString(CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment.Remove("TMPDIR");
        var watchdog = Process.Start(start) ?? throw new InvalidOperationException("Could not start the test folder's watchdog.");
        _watchdog = watchdog; // held for the host's lifetime: its pipe closes when the host ends
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            watchdog.StandardInput.Close();
            watchdog.WaitForExit(TimeSpan.FromSeconds(30));
        };
    }

    /// <summary>A shell command for the watchdog to run when this host ends (run directly only: else the script cleans up).</summary>
    public static void WhenHostEnds(string shellCommand)
    {
        ArgumentNullException.ThrowIfNull(shellCommand);
        if (_watchdog is null)
        {
            throw new InvalidOperationException("Under scripts/test.sh the script cleans up after the run.");
        }
        lock (WatchdogGate)
        {
            _watchdog.StandardInput.WriteLine(shellCommand);
            _watchdog.StandardInput.Flush();
        }
    }
}
