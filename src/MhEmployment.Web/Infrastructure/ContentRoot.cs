namespace MhEmployment.Web.Infrastructure;

/// <summary>
/// The folder the app reads appsettings.json, wwwroot and SampleData from, and resolves relative App_Data paths
/// against. ASP.NET Core's default is the working directory, so a published app started anywhere else ran without its
/// settings, styles and sample data and wrote its database where it was started. Here it is the folder given (by
/// --contentRoot, DOTNET_CONTENTROOT or ASPNETCORE_CONTENTROOT, the host's own order; a relative path is taken from
/// the working directory), else the app's own folder. 'dotnet run' gives the project folder (launchSettings.json).
/// </summary>
public static class ContentRoot
{
    public static string Resolve(string[] hostArgs) =>
        Resolve(hostArgs, Environment.GetEnvironmentVariable, AppContext.BaseDirectory);

    public static string Resolve(string[] hostArgs, Func<string, string?> environmentVariable, string appFolder)
    {
        ArgumentNullException.ThrowIfNull(environmentVariable);
        var given = new ConfigurationBuilder().AddCommandLine(hostArgs).Build()[HostDefaults.ContentRootKey]
            ?? environmentVariable("DOTNET_CONTENTROOT")
            ?? environmentVariable("ASPNETCORE_CONTENTROOT");
        return string.IsNullOrWhiteSpace(given) ? appFolder : Path.GetFullPath(given);
    }
}
