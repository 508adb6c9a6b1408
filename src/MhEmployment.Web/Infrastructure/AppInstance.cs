namespace MhEmployment.Web.Infrastructure;

/// <summary>
/// This running instance of the app, named for the jobs it holds in the shared database: the machine (a container's
/// host name), the process, and a random part, since tests run several instances in one process.
/// </summary>
public sealed class AppInstance
{
    public string Id { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid().ToString("N")[..8]}";
}
