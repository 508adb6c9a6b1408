using MhEmployment.Web.Domain;
using MhEmployment.Web.Features.Refresh;

namespace MhEmployment.UnitTests.Refresh;

public sealed class RefreshTextTests
{
    private static RefreshRun Run(RefreshRunStatus status, params RefreshItemStatus[] items) => new()
    {
        RequestedBy = "ann@example.org",
        Status = status,
        Items = [.. items.Select((s, i) => new RefreshItem { IndicatorKey = $"key-{i}", IndicatorName = $"Indicator {i}", Status = s })],
    };

    [Fact]
    public void Progress_WhileRunning_CountsTheIndicatorsDone_AndNamesTheOneBeingFetched() =>
        RefreshText.Progress(Run(RefreshRunStatus.Running, RefreshItemStatus.Committed, RefreshItemStatus.Failed, RefreshItemStatus.Fetching, RefreshItemStatus.Waiting))
            .Should().Be("2 of 4 indicators done: now Indicator 2.");

    [Fact]
    public void Progress_WhenFinished_SaysHowManyFailed()
    {
        RefreshText.Progress(Run(RefreshRunStatus.Done, RefreshItemStatus.Committed, RefreshItemStatus.Unchanged)).Should().Be("Finished: 2 indicators refreshed.");
        RefreshText.Progress(Run(RefreshRunStatus.Done, RefreshItemStatus.Committed, RefreshItemStatus.Failed)).Should().Be("Finished: 1 of 2 indicators failed.");
    }

    [Theory]
    [InlineData("7.00:00:00", "7 days")]
    [InlineData("1.00:00:00", "1 day")]
    [InlineData("12:00:00", "12 hours")]
    [InlineData("01:30:00", "90 minutes")]
    public void Interval_ReadsInTheLargestWholeUnit(string interval, string expected) =>
        RefreshText.Interval(TimeSpan.Parse(interval, System.Globalization.CultureInfo.InvariantCulture)).Should().Be(expected);
}
