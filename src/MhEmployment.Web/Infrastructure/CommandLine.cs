namespace MhEmployment.Web.Infrastructure;

public enum CommandVerb { Run, Migrate }

/// <summary>
/// The verbs the app's command line takes before the usual host arguments:
/// <c>dotnet MhEmployment.Web.dll migrate</c> migrates the configured database, seeds it and exits.
/// </summary>
public sealed record CommandLine(CommandVerb Verb, string[] HostArgs)
{
    public static CommandLine Parse(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Length > 0 && string.Equals(args[0], "migrate", StringComparison.OrdinalIgnoreCase))
        {
            return new CommandLine(CommandVerb.Migrate, args[1..]);
        }
        return new CommandLine(CommandVerb.Run, args);
    }
}
