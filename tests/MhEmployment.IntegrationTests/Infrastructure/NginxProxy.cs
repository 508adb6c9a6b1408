using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace MhEmployment.IntegrationTests.Infrastructure;

/// <summary>
/// Debian's nginx as a private process: deploy/nginx.conf.template rendered as the nginx image renders it for
/// docker-compose.yml (its ${NAME} variables replaced, nginx's own $names left), inside a main configuration that keeps
/// every file nginx writes (pid, logs, temporary bodies) in a folder of its own. The access log names the instance
/// that answered each request.
/// </summary>
public sealed partial class NginxProxy : IDisposable
{
    public const string Template = "deploy/nginx.conf.template";

    private readonly Process process;
    private readonly string executable;
    private readonly string prefix;
    private readonly string mainConfig;
    private readonly StringBuilder output = new();

    private NginxProxy(Process process, string executable, string prefix, string mainConfig, int port)
    {
        this.process = process;
        this.executable = executable;
        this.prefix = prefix;
        this.mainConfig = mainConfig;
        Port = port;
    }

    public int Port { get; }

    public string AccessLogPath => Path.Combine(prefix, "access.log");

    public bool HasExited => process.HasExited;

    /// <summary>nginx's error log and what it wrote to its standard streams.</summary>
    public string Output
    {
        get
        {
            var errors = File.Exists(Path.Combine(prefix, "error.log")) ? File.ReadAllText(Path.Combine(prefix, "error.log")) : "";
            lock (output)
            {
                return output + errors;
            }
        }
    }

    /// <summary>The template with each of <paramref name="variables"/> replaced; a variable left without a value is an error.</summary>
    public static string Render(string template, IReadOnlyDictionary<string, string> variables)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(variables);
        var rendered = Variable().Replace(template, m => variables.TryGetValue(m.Groups[1].Value, out var value)
            ? value
            : throw new InvalidOperationException($"The nginx template's variable {m.Value} has no value."));
        return rendered;
    }

    /// <summary>The ${NAME} variables the template uses.</summary>
    public static IReadOnlySet<string> Variables(string template) =>
        Variable().Matches(template).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);

    public static string RepositoryFile(string relativePath)
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(folder.FullName, "MhEmployment.sln")))
        {
            folder = folder.Parent ?? throw new InvalidOperationException("The tests run outside the repository.");
        }
        return Path.Combine(folder.FullName, relativePath);
    }

    /// <summary>Starts nginx on a free port in front of <paramref name="instances"/> (host:port each) and waits until it listens.</summary>
    public static async Task<NginxProxy> StartAsync(params string[] instances)
    {
        var executable = new[] { "/usr/sbin/nginx", "/usr/local/sbin/nginx" }.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("These tests need nginx: install Debian's 'nginx' package (scripts/test.sh does).");
        var prefix = Directory.CreateTempSubdirectory("mhe-nginx-").FullName;
        var port = Ports.Free();
        var variables = new Dictionary<string, string> { ["NGINX_PORT"] = $"127.0.0.1:{port}" };
        for (var i = 0; i < instances.Length; i++)
        {
            variables[$"APP_{i + 1}"] = instances[i];
        }
        var server = Path.Combine(prefix, "default.conf");
        await File.WriteAllTextAsync(server, Render(await File.ReadAllTextAsync(RepositoryFile(Template)), variables));
        var mainConfig = Path.Combine(prefix, "nginx.conf");
        await File.WriteAllTextAsync(mainConfig, MainConfig(prefix, server));

        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "-c", mainConfig, "-p", prefix, "-e", Path.Combine(prefix, "error.log") })
        {
            start.ArgumentList.Add(argument);
        }
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start nginx.");
        var proxy = new NginxProxy(process, executable, prefix, mainConfig, port);
        process.OutputDataReceived += (_, e) => proxy.Append(e.Data);
        process.ErrorDataReceived += (_, e) => proxy.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await proxy.WaitUntilListeningAsync();
        return proxy;
    }

    /// <summary>Asks nginx to finish its requests and stop, as an operator would ('nginx -s quit'); returns the master's exit code.</summary>
    public async Task<int> QuitAsync(TimeSpan timeout)
    {
        var start = new ProcessStartInfo(executable) { RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "-c", mainConfig, "-p", prefix, "-e", Path.Combine(prefix, "error.log"), "-s", "quit" })
        {
            start.ArgumentList.Add(argument);
        }
        using (var signal = Process.Start(start) ?? throw new InvalidOperationException("Could not run nginx -s quit."))
        {
            await signal.WaitForExitAsync();
            signal.ExitCode.Should().Be(0, await signal.StandardError.ReadToEndAsync());
        }
        using var cancel = new CancellationTokenSource(timeout);
        await process.WaitForExitAsync(cancel.Token);
        return process.ExitCode;
    }

    public bool PidFileExists => File.Exists(Path.Combine(prefix, "nginx.pid"));

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }
        process.Dispose();
        Directory.Delete(prefix, recursive: true);
    }

    /// <summary>What the nginx image's own nginx.conf gives the rendered server: here in the folder, in the foreground.</summary>
    private static string MainConfig(string prefix, string server)
    {
        // Workers run as the user that started nginx; as root nginx would switch them to 'nobody', who cannot reach the folder.
        var user = Environment.UserName == "root" ? "user root;\n" : "";
        return $$"""
            daemon off;
            master_process on;
            worker_processes 1;
            pid {{prefix}}/nginx.pid;
            {{user}}events { worker_connections 256; }
            http {
                log_format upstream '$remote_addr "$request" $status $upstream_addr';
                access_log {{prefix}}/access.log upstream;
                client_body_temp_path {{prefix}}/client_body;
                proxy_temp_path {{prefix}}/proxy;
                fastcgi_temp_path {{prefix}}/fastcgi;
                uwsgi_temp_path {{prefix}}/uwsgi;
                scgi_temp_path {{prefix}}/scgi;
                include {{server}};
            }
            """;
    }

    private async Task WaitUntilListeningAsync()
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(20))
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"nginx stopped at start ({process.ExitCode}):\n{Output}");
            }
            try
            {
                using var probe = new System.Net.Sockets.TcpClient();
                await probe.ConnectAsync(System.Net.IPAddress.Loopback, Port);
                return;
            }
            catch (System.Net.Sockets.SocketException)
            {
                await Task.Delay(50);
            }
        }
        throw new InvalidOperationException("nginx did not listen within 20 s:\n" + Output);
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (output)
            {
                output.AppendLine(line);
            }
        }
    }

    [GeneratedRegex(@"\$\{([A-Za-z_][A-Za-z0-9_]*)\}")]
    private static partial Regex Variable();
}
