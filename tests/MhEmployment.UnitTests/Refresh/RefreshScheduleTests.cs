using MhEmployment.Web.Features.Refresh;
using Microsoft.Extensions.Configuration;

namespace MhEmployment.UnitTests.Refresh;

public sealed class RefreshScheduleTests
{
    private static readonly DateTime Now = new(2026, 12, 6, 12, 0, 0, DateTimeKind.Utc);

    private static RefreshSchedule From(params (string Key, string Value)[] settings) =>
        RefreshSchedule.From(new ConfigurationBuilder().AddInMemoryCollection(settings.ToDictionary(s => s.Key, s => (string?)s.Value)).Build());

    [Fact]
    public void WithoutSettings_TheScheduleIsOff_AndNeverDue()
    {
        var schedule = From();

        schedule.Enabled.Should().BeFalse();
        schedule.IsDue(null, Now).Should().BeFalse();
    }

    [Fact]
    public void Enabled_IsDueAtOnceOnAFirstStart_ThenAfterEachInterval()
    {
        var schedule = From(("Refresh:Schedule:Enabled", "true"), ("Refresh:Schedule:Interval", "1.00:00:00"));

        schedule.IsDue(null, Now).Should().BeTrue("a new deployment fills its dashboards at its first start");
        schedule.IsDue(Now.AddHours(-23), Now).Should().BeFalse();
        schedule.IsDue(Now.AddHours(-24), Now).Should().BeTrue();
    }

    [Fact]
    public void Enabled_WithoutAnInterval_RunsWeekly() =>
        From(("Refresh:Schedule:Enabled", "true")).Interval.Should().Be(TimeSpan.FromDays(7));

    [Fact]
    public void AnIntervalOfSeconds_IsRaisedToAMinute_SoATypoCannotHammerTheSources() =>
        From(("Refresh:Schedule:Enabled", "true"), ("Refresh:Schedule:Interval", "00:00:01")).Interval.Should().Be(TimeSpan.FromMinutes(1));
}
