namespace MhEmployment.Web.Infrastructure;

public enum CommandVerb { Run, Migrate, UsersAdd, UsersResetPassword, TokensAdd, Import }

/// <summary>
/// The verbs the app's command line takes before the usual host arguments, for scripted set-ups:
/// <c>migrate</c>; <c>users add --email E --role R [--role R2]</c>; <c>users reset-password --email E</c>;
/// <c>tokens add --email E --name N [--days 90]</c>. Anything else goes to the host (e.g. --urls).
/// </summary>
public sealed record CommandLine(CommandVerb Verb, string[] HostArgs, IReadOnlyDictionary<string, IReadOnlyList<string>> Options, string? Error = null)
{
    private static readonly string[] VerbOptions = ["email", "role", "name", "days", "format", "mapping"];
    private static readonly string[] VerbFlags = ["commit", "confirm-new-indicators"];

    public const string Usage = """
        Usage:
          dotnet MhEmployment.Web.dll                                  run the web app
          dotnet MhEmployment.Web.dll migrate                          migrate the database, seed reference data, exit
          dotnet MhEmployment.Web.dll users add --email E --role R     create an account (repeat --role for several);
                                                                       prints a one-time password to change at first sign-in
          dotnet MhEmployment.Web.dll users reset-password --email E   set a new one-time password
          dotnet MhEmployment.Web.dll tokens add --email E --name N [--days 90]
                                                                       create a personal API token; prints it once
          dotnet MhEmployment.Web.dll import FILE [--format F] [--mapping JSON] [--commit [--confirm-new-indicators]]
                                                                       validate a CSV (and commit it) with progress shown;
                                                                       adding more than 5 indicators needs the confirmation
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
        var (verb, consumed) = args switch
        {
            ["migrate", ..] => (CommandVerb.Migrate, 1),
            ["users", "add", ..] => (CommandVerb.UsersAdd, 2),
            ["users", "reset-password", ..] => (CommandVerb.UsersResetPassword, 2),
            ["tokens", "add", ..] => (CommandVerb.TokensAdd, 2),
            ["import", ..] => (CommandVerb.Import, 1),
            ["users" or "tokens", ..] => ((CommandVerb?)null, 0),
            _ => (CommandVerb.Run, 0),
        } switch
        {
            ({ } v, var n) => (v, n),
            _ => (CommandVerb.Run, -1),
        };
        if (consumed < 0)
        {
            return new CommandLine(CommandVerb.Run, [], new Dictionary<string, IReadOnlyList<string>>(), $"Unknown command '{string.Join(' ', args.Take(2))}'.");
        }

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
        return new CommandLine(verb, [.. host], options.ToDictionary(o => o.Key, o => (IReadOnlyList<string>)o.Value, StringComparer.Ordinal)) { File = file };
    }
}
