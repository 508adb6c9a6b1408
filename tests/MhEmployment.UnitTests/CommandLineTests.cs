using MhEmployment.Web.Infrastructure;

namespace MhEmployment.UnitTests;

public sealed class CommandLineTests
{
    [Fact]
    public void Migrate_IsAVerb_AndTheRestGoesToTheHost()
    {
        var command = CommandLine.Parse(["migrate", "--urls", "http://localhost:1"]);

        command.Verb.Should().Be(CommandVerb.Migrate);
        command.HostArgs.Should().Equal("--urls", "http://localhost:1");
    }

    [Fact]
    public void NoVerb_RunsTheAppWithAllArguments() =>
        CommandLine.Parse(["--urls", "http://localhost:1"]).Should().BeEquivalentTo(
            new { Verb = CommandVerb.Run, HostArgs = new[] { "--urls", "http://localhost:1" }, Error = (string?)null });

    [Fact]
    public void NoArguments_RunsTheApp() =>
        CommandLine.Parse([]).Should().BeEquivalentTo(new { Verb = CommandVerb.Run, HostArgs = Array.Empty<string>(), Error = (string?)null });

    [Fact]
    public void ASettingAsFirstArgument_GoesToTheHost() =>
        CommandLine.Parse(["Database:Provider=Postgres", "--urls", "http://localhost:1"]).Should().BeEquivalentTo(
            new { Verb = CommandVerb.Run, HostArgs = new[] { "Database:Provider=Postgres", "--urls", "http://localhost:1" }, Error = (string?)null });

    [Fact]
    public void Refresh_TakesAnIndicatorAndCommit_AndTheRestGoesToTheHost()
    {
        var command = CommandLine.Parse(["refresh", "--indicator", "esa-mental-behavioural-count", "--commit", "Database:Provider=Postgres"]);

        command.Verb.Should().Be(CommandVerb.Refresh);
        command.Option("indicator").Should().Be("esa-mental-behavioural-count");
        command.Flag("commit").Should().BeTrue();
        command.HostArgs.Should().Equal("Database:Provider=Postgres");
    }

    [Fact]
    public void Refresh_WithoutOptions_RefreshesTheCatalogueWithoutCommitting()
    {
        var command = CommandLine.Parse(["refresh"]);

        command.Should().BeEquivalentTo(new { Verb = CommandVerb.Refresh, Error = (string?)null });
        command.Option("indicator").Should().BeNull();
        command.Flag("commit").Should().BeFalse();
    }

    [Fact]
    public void Backup_TakesTheNewFile_AndTheRestGoesToTheHost()
    {
        var command = CommandLine.Parse(["backup", "--to", "/backups/mhemployment-2026-12-06.db", "ConnectionStrings:Sqlite=Data Source=/srv/mhe.db"]);

        command.Should().BeEquivalentTo(new { Verb = CommandVerb.Backup, Error = (string?)null });
        command.Option("to").Should().Be("/backups/mhemployment-2026-12-06.db");
        command.HostArgs.Should().Equal("ConnectionStrings:Sqlite=Data Source=/srv/mhe.db");
    }

    [Theory]
    [InlineData("backup")]
    [InlineData("backup", "/backups/mhemployment.db")]
    [InlineData("backup", "--to", " ")]
    public void Backup_WithoutTo_IsAnError_NamingTheOption(params string[] args) =>
        CommandLine.Parse(args).Error.Should().Be("backup needs --to FILE, the new file to copy the database to.");

    [Theory]
    [InlineData("help")]
    [InlineData("--help")]
    [InlineData("-h")]
    [InlineData("migrate", "--help")]
    [InlineData("users", "add", "-h")]
    [InlineData("--urls", "http://localhost:1", "--help")]
    public void Help_InEachSpelling_AsksForTheUsage(params string[] args)
    {
        var command = CommandLine.Parse(args);

        command.Verb.Should().Be(CommandVerb.Help);
        command.Error.Should().BeNull();
    }

    [Theory]
    [InlineData("Unknown command 'migrat'.", "migrat")]
    [InlineData("Unknown command 'migrat'.", "migrat", "--urls", "http://localhost:1")]
    [InlineData("Unknown command 'users delete'.", "users", "delete", "--email", "a@b.c")]
    [InlineData("Unknown command 'tokens'.", "tokens")]
    [InlineData("Unknown command 'helpme'.", "helpme")]
    public void UnknownVerb_IsAnError_NamingIt(string error, params string[] args) =>
        CommandLine.Parse(args).Error.Should().Be(error);

    [Fact]
    public void Usage_ListsEveryVerbOnALineOfItsOwn()
    {
        var lines = CommandLine.Usage.Split('\n').Select(line => line.Trim()).ToList();

        foreach (var verb in new[] { "migrate", "users add ", "users reset-password ", "tokens add ", "import FILE", "help " })
        {
            lines.Should().ContainSingle(line => line.StartsWith(verb, StringComparison.Ordinal), verb);
        }
    }
}
