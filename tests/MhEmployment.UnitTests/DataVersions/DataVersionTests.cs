using MhEmployment.Web.Features.DataVersions;

namespace MhEmployment.UnitTests.DataVersions;

/// <summary>Who waits for which data version, and the loader's wake-up.</summary>
public sealed class DataVersionTests : IDisposable
{
    private readonly DataVersion versions = new();

    public void Dispose() => versions.Dispose();

    [Fact]
    public void AUsersChange_IsExpectedByThem_UntilTheDashboardsReachIt()
    {
        versions.Committed(7, "analyst@test.local");

        versions.ExpectedBy("analyst@test.local").Should().Be(7);
        versions.ExpectedBy("officer@test.local").Should().BeNull();
        versions.Reached(6);
        versions.ExpectedBy("analyst@test.local").Should().Be(7);
        versions.Reached(7);
        versions.ExpectedBy("analyst@test.local").Should().BeNull();
    }

    [Fact]
    public void AUsersLaterChange_IsTheOneTheyWaitFor_WhicheverOrderTheCommitsAreReportedIn()
    {
        versions.Committed(9, "analyst@test.local");
        versions.Committed(8, "analyst@test.local");

        versions.ExpectedBy("analyst@test.local").Should().Be(9);
        versions.LatestCommitted.Should().Be(9);
    }

    [Fact]
    public async Task ACommit_WakesTheLoaderAtOnce()
    {
        var waiting = versions.WaitForWakeAsync(TimeSpan.FromMinutes(5), CancellationToken.None);
        waiting.IsCompleted.Should().BeFalse();

        versions.Committed(1, null);

        (await waiting).Should().BeTrue();
    }

    [Fact]
    public async Task ManyWakes_BeforeTheLoaderLooks_AreOneLook()
    {
        versions.Wake();
        versions.Wake();

        (await versions.WaitForWakeAsync(TimeSpan.Zero, CancellationToken.None)).Should().BeTrue();
        (await versions.WaitForWakeAsync(TimeSpan.Zero, CancellationToken.None)).Should().BeFalse();
    }
}
