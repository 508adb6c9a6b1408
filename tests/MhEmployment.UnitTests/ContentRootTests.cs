using MhEmployment.Web.Infrastructure;

namespace MhEmployment.UnitTests;

public sealed class ContentRootTests
{
    private const string AppFolder = "/opt/mhemployment/";

    private static readonly Func<string, string?> NoVariables = _ => null;

    [Fact]
    public void NothingGiven_IsTheAppsOwnFolder_NotTheWorkingDirectory() =>
        ContentRoot.Resolve(["--urls", "http://localhost:1"], NoVariables, AppFolder).Should().Be(AppFolder);

    [Theory]
    [InlineData("--contentRoot", "/srv/site")]
    [InlineData("--contentroot", "/srv/site")]
    [InlineData("--contentRoot=/srv/site")]
    public void GivenOnTheCommandLine_IsUsed(params string[] args) =>
        ContentRoot.Resolve(args, NoVariables, AppFolder).Should().Be("/srv/site");

    [Theory]
    [InlineData("DOTNET_CONTENTROOT")]
    [InlineData("ASPNETCORE_CONTENTROOT")]
    public void GivenInTheEnvironment_IsUsed(string variable) =>
        ContentRoot.Resolve([], name => name == variable ? "/srv/site" : null, AppFolder).Should().Be("/srv/site");

    [Fact]
    public void TheCommandLine_WinsOverTheEnvironment() =>
        ContentRoot.Resolve(["--contentRoot", "/srv/given"], _ => "/srv/environment", AppFolder).Should().Be("/srv/given");

    [Fact]
    public void ARelativeFolder_IsTakenFromTheWorkingDirectory() =>
        ContentRoot.Resolve([], name => name == "ASPNETCORE_CONTENTROOT" ? "." : null, AppFolder)
            .Should().Be(Path.GetFullPath(Directory.GetCurrentDirectory()));
}
