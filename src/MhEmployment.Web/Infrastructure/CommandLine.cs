namespace MhEmployment.Web.Infrastructure;

public enum CommandVerb { Run, Help, Migrate, UsersAdd, UsersResetPassword, TokensAdd, Import, Refresh, Backup }

/// <summary>
/// The verbs the app's command line takes before the usual host arguments, for scripted set-ups (see
/// <see cref="Usage"/>). Options (<c>--urls http://...</c>) and settings (<c>Database:Provider=Postgres</c>) go to the
/// host; a first argument that is neither and not a verb is an error, so that a mistyped verb does not start the app.
/// </summary>
public sealed record CommandLine(CommandVerb Verb, string[] HostArgs, IReadOnlyDictionary<string, IReadOnlyList<string>> Options, string? Error = null)
{
    private static readonly string[] VerbOptions = ["email", "role", "name", "days", "format", "mapping", "indicator", "to"];
    private static readonly string[] VerbFlags = ["commit", "confirm-new-indicators"];
    private static readonly string[] HelpFlags = ["--help", "-h"];

    public const string Usage = """
        Usage: dotnet MhEmployment.Web.dll [COMMAND] [OPTIONS] [HOST OPTIONS, e.g. --urls http://localhost:5080]

        Without a command, runs the web app. Commands:
          migrate                                               migrate the database, seed reference data and exit
          users add --email E --role R [--role R2]              create an account and print its one-time password
          users reset-password --email E                        give an account a new one-time password and print it
          tokens add --email E --name N [--days 90]             create a personal API token and print it once
          import FILE [--format F] [--mapping JSON] [--commit]  check a CSV file (and commit it), showing progress;
                 [--confirm-new-indicators]             needed to commit a file adding more than 5 indicators
          refresh [--indicator KEY] [--commit]                  fetch the indicators that have a source (Fingertips, NOMIS),
                                                                or one; --commit commits each valid file
          backup --to FILE                                      copy the SQLite database, while the app runs, to a new file
                                                                (on PostgreSQL use pg_dump; see docs/operations.md)
          help                                                  print this help (also --help or -h after any command)

        Roles: Viewer, Analyst, Officer, Admin.
        """;

    /// <summary>The file of an import, the one argument that is not an option.</summary>
    public string? File { get; init; }

    public bool Flag(string name) => Options.ContainsKey(name);

    public string? Option(string name) => Options.TryGetValue(name, out var values) ? values[^1] : null;

    public IReadOnlyList<string> All(string name) => Options.TryGetValue(name, out var values) ? values : [];

    public static CommandLine Parse(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args is ["help", ..] || args.Any(HelpFlags.Contains))
        {
            return new CommandLine(CommandVerb.Help, [], new Dictionary<string, IReadOnlyList<string>>());
        }
        var (verb, consumed) = args switch
        {
            [] => (CommandVerb.Run, 0),
            ["migrate", ..] => (CommandVerb.Migrate, 1),
            ["users", "add", ..] => (CommandVerb.UsersAdd, 2),
            ["users", "reset-password", ..] => (CommandVerb.UsersResetPassword, 2),
            ["tokens", "add", ..] => (CommandVerb.TokensAdd, 2),
            ["import", ..] => (CommandVerb.Import, 1),
            ["refresh", ..] => (CommandVerb.Refresh, 1),
            ["backup", ..] => (CommandVerb.Backup, 1),
            [var first, ..] when IsHostArgument(first) => (CommandVerb.Run, 0),
            _ => ((CommandVerb?)null, 0),
        };
        if (verb is null)
        {
            var unknown = args[0] is "users" or "tokens" ? string.Join(' ', args.Take(2)) : args[0];
            return new CommandLine(CommandVerb.Run, [], new Dictionary<string, IReadOnlyList<string>>(), $"Unknown command '{unknown}'.");
        }

        return Parse(args, verb.Value, consumed);
    }

    /// <summary>An option or setting for the host (<c>--urls x</c>, <c>-e x</c>, <c>key=value</c>), not a verb.</summary>
    private static bool IsHostArgument(string argument) =>
        argument.StartsWith('-') || argument.Contains('=', StringComparison.Ordinal);

    private static CommandLine Parse(string[] args, CommandVerb verb, int consumed)
    {
        var options = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var host = new List<string>();
        string? file = null;
        for (var i = consumed; i < args.Length; i++)
        {
            var name = args[i].StartsWith("--", StringComparison.Ordinal) ? args[i][2..] : null;
            if (verb == CommandVerb.Import && name is null && file is null)
            {
                file = args[i];
            }
            else if (verb != CommandVerb.Run && name is not null && VerbFlags.Contains(name))
            {
                options.TryAdd(name, ["true"]);
            }
            else if (verb != CommandVerb.Run && name is not null && VerbOptions.Contains(name))
            {
                if (i + 1 >= args.Length)
                {
                    return new CommandLine(verb, [], new Dictionary<string, IReadOnlyList<string>>(), $"--{name} needs a value.");
                }
                options.TryAdd(name, []);
                options[name].Add(args[++i]);
            }
            else
            {
                host.Add(args[i]);
            }
        }
        if (verb == CommandVerb.Import && file is null)
        {
            return new CommandLine(verb, [], new Dictionary<string, IReadOnlyList<string>>(), "import needs the path of a CSV file.");
        }
        if (verb == CommandVerb.Backup && (!options.TryGetValue("to", out var to) || string.IsNullOrWhiteSpace(to[^1])))
        {
            return new CommandLine(verb, [], new Dictionary<string, IReadOnlyList<string>>(), "backup needs --to FILE, the new file to copy the database to.");
        }
        return new CommandLine(verb, [.. host], options.ToDictionary(o => o.Key, o => (IReadOnlyList<string>)o.Value, StringComparer.Ordinal)) { File = file };
    }
}
