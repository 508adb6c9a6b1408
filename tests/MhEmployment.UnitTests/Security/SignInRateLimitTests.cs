using MhEmployment.Web.Features.Accounts;
using MhEmployment.Web.Infrastructure;
using Microsoft.Extensions.Configuration;

namespace MhEmployment.UnitTests.Security;

public sealed class SignInRateLimitTests
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    private static DateTimeOffset At(string utc) => DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void Window_StartsOnTheMinute_WhateverMomentInsideItIsGiven()
    {
        var starts = new[] { "2026-12-06T21:58:00Z", "2026-12-06T21:58:00.0000001Z", "2026-12-06T21:58:31Z", "2026-12-06T21:58:59.9999999Z" }
            .Select(moment => FixedWindow.Containing(At(moment), Minute).StartUtc);

        starts.Should().AllBeEquivalentTo(new DateTime(2026, 12, 6, 21, 58, 0, DateTimeKind.Utc));
        FixedWindow.Containing(At("2026-12-06T21:59:00Z"), Minute).StartUtc.Should().Be(new DateTime(2026, 12, 6, 21, 59, 0, DateTimeKind.Utc));
    }

    [Fact]
    public void Window_IsTheSameForTheSameMomentInAnyTimeZone()
    {
        var inLondon = FixedWindow.Containing(At("2026-07-01T10:15:20+01:00"), Minute);
        var inUtc = FixedWindow.Containing(At("2026-07-01T09:15:20Z"), Minute);

        inLondon.Should().Be(inUtc);
        inLondon.StartUtc.Kind.Should().Be(DateTimeKind.Utc);
        inLondon.EndUtc.Should().Be(new DateTime(2026, 7, 1, 9, 16, 0, DateTimeKind.Utc));
    }

    [Theory]
    [InlineData("2026-12-06T21:58:00Z", 60)]
    [InlineData("2026-12-06T21:58:00.5Z", 60)]
    [InlineData("2026-12-06T21:58:45Z", 15)]
    [InlineData("2026-12-06T21:58:59.2Z", 1)]
    [InlineData("2026-12-06T21:58:59.9999999Z", 1)]
    public void RetryAfter_IsTheWholeSecondsLeftInTheWindow_RoundedUp(string moment, int seconds)
    {
        var at = At(moment);

        FixedWindow.Containing(at, Minute).SecondsLeftAt(at).Should().Be(seconds);
    }

    [Fact]
    public void Window_OfNoLength_IsRefused()
    {
        var act = () => FixedWindow.Containing(DateTimeOffset.UtcNow, TimeSpan.Zero);

        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    private static SignInRateLimit From(string? value) =>
        SignInRateLimit.From(new ConfigurationBuilder()
            .AddInMemoryCollection(value is null ? [] : new Dictionary<string, string?> { [SignInRateLimit.Setting] = value })
            .Build());

    [Fact]
    public void Setting_DefaultsToTenAMinute_AndReadsAWholeNumber()
    {
        From(null).AttemptsPerMinute.Should().Be(10);
        From(" 25 ").AttemptsPerMinute.Should().Be(25);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-3")]
    [InlineData("ten")]
    [InlineData("2.5")]
    public void Setting_ThatIsNotAPositiveWholeNumber_StopsTheAppWithAMessage(string value)
    {
        var act = () => From(value);

        act.Should().Throw<ConfigurationProblemException>()
            .WithMessage($"Security:SignInAttemptsPerMinute is '{value}'; it must be a whole number of attempts, more than 0*");
    }
}
