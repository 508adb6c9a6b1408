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

    public static AppProcess Start(Provider provider, string connectionString, string storagePath, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(WebDll);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Database__Provider"] = provider.ToString();
        start.Environment[$"ConnectionStrings__{provider}"] = connectionString;
        start.Environment["Database__MigrateOnStart"] = "true";
        start.Environment["Imports__StoragePath"] = storagePath;
        start.Environment["Imports__LoadSampleData"] = "false";
        start.Environment["Accounts__FirstAdminPasswordFile"] = Path.Combine(storagePath, "first-admin.txt");
        start.Environment["Serilog__MinimumLevel__Default"] = "Warning";
        // The import's step timings ("merge: insert new took ... ms"), which tests watch to know where the import is.
        start.Environment["Serilog__MinimumLevel__Override__MhEmployment.Web.Features.Imports"] = "Information";
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
