using System.Diagnostics;
using System.Text;

namespace MhEmployment.IntegrationTests.Infrastructure;

/// <summary>
/// The real app as a separate process (the build the tests reference), run with a command such as
/// 'import FILE --commit' and configured by environment variables as a deployment or bench/run.sh would.
/// Killing it is a SIGKILL of its whole process tree: no shutdown code runs.
/// </summary>
public sealed class AppProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private AppProcess(Process process) => _process = process;

    public static string WebDll => Path.Combine(AppContext.BaseDirectory, "MhEmployment.Web.dll");

    public static AppProcess Start(Provider provider, string connectionString, string storagePath, params string[] arguments) =>
        StartWith(provider, connectionString, storagePath, new Dictionary<string, string>(), arguments);

    /// <summary>As <see cref="Start(Provider, string, string, string[])"/>, with settings of the caller's (as environment variables: Imports__LeaseSeconds).</summary>
    public static AppProcess StartWith(Provider provider, string connectionString, string storagePath, IReadOnlyDictionary<string, string> settings, params string[] arguments) =>
        Start(WebDll, AppContext.BaseDirectory, new Dictionary<string, string>(settings)
        {
            ["DOTNET_ENVIRONMENT"] = "Production",
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Database__Provider"] = provider.ToString(),
            [$"ConnectionStrings__{provider}"] = connectionString,
            ["Database__MigrateOnStart"] = "true",
            ["Imports__StoragePath"] = storagePath,
            ["Imports__LoadSampleData"] = "false",
            ["Accounts__FirstAdminPasswordFile"] = Path.Combine(storagePath, "first-admin.txt"),
            ["Serilog__MinimumLevel__Default"] = "Warning",
            // The import's step timings ("merge: insert new took ... ms"), which tests watch to know where the import is.
            ["Serilog__MinimumLevel__Override__MhEmployment.Web.Features.Imports"] = "Information",
        }, arguments);

    /// <summary>Starts an app (a published one, say) in a working directory of the caller's choice.</summary>
    public static AppProcess Start(string dll, string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the app.");
        var app = new AppProcess(process);
        process.OutputDataReceived += (_, e) => app.Append(e.Data);
        process.ErrorDataReceived += (_, e) => app.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return app;
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cancel.Token);
        return _process.ExitCode;
    }

    /// <summary>SIGKILL, as the kernel's OOM killer or a pulled plug would stop it.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }
        _process.Dispose();
    }
}
