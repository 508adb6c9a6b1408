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
            new { Verb = CommandVerb.Run, HostArgs = new[] { "--urls", "http://localhost:1" } });
}
