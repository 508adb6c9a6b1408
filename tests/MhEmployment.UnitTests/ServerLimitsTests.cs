using MhEmployment.Web.Infrastructure;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;

namespace MhEmployment.UnitTests;

public sealed class ServerLimitsTests
{
    /// <summary>A slow office line; an upload over it must never fall below the minimum rate.</summary>
    private const int SlowOfficeLineBytesPerSecond = 50 * 1024;

    private static ServerLimits From(params (string Key, string Value)[] settings) =>
        ServerLimits.From(new ConfigurationBuilder().AddInMemoryCollection(settings.ToDictionary(s => $"Server:Limits:{s.Key}", s => (string?)s.Value)).Build());

    [Fact]
    public void WithoutSettings_TheDefaultsLetASlowOfficeLineUploadAndDownload()
    {
        var limits = From();

        limits.Should().Be(ServerLimits.Defaults);
        limits.MinRequestBodyBytesPerSecond.Should().BeLessThan(SlowOfficeLineBytesPerSecond / 10);
        limits.MinResponseBytesPerSecond.Should().BeLessThan(SlowOfficeLineBytesPerSecond / 10);
        limits.MinRequestBodyGracePeriod.Should().BeGreaterThanOrEqualTo(TimeSpan.FromSeconds(5), "a connection may stall a few seconds as it starts");
    }

    [Fact]
    public void Settings_AreAppliedToKestrel()
    {
        var limits = From(("RequestHeadersTimeout", "00:00:02"), ("KeepAliveTimeout", "00:00:45"),
            ("MinRequestBodyBytesPerSecond", "4096"), ("MinRequestBodyGracePeriod", "00:00:03"),
            ("MinResponseBytesPerSecond", "2048"), ("MinResponseGracePeriod", "00:00:04"));
        var kestrel = new KestrelServerOptions().Limits;

        limits.ApplyTo(kestrel);

        kestrel.RequestHeadersTimeout.Should().Be(TimeSpan.FromSeconds(2));
        kestrel.KeepAliveTimeout.Should().Be(TimeSpan.FromSeconds(45));
        kestrel.MinRequestBodyDataRate!.BytesPerSecond.Should().Be(4096);
        kestrel.MinRequestBodyDataRate.GracePeriod.Should().Be(TimeSpan.FromSeconds(3));
        kestrel.MinResponseDataRate!.BytesPerSecond.Should().Be(2048);
        kestrel.MinResponseDataRate.GracePeriod.Should().Be(TimeSpan.FromSeconds(4));
    }

    [Theory]
    [InlineData("RequestHeadersTimeout", "soon", "Server:Limits:RequestHeadersTimeout is 'soon'")]
    [InlineData("KeepAliveTimeout", "00:00:00", "Server:Limits:KeepAliveTimeout is '00:00:00'")]
    [InlineData("MinRequestBodyBytesPerSecond", "0", "more than 0")]
    [InlineData("MinResponseBytesPerSecond", "-5", "Server:Limits:MinResponseBytesPerSecond is '-5'")]
    [InlineData("MinRequestBodyGracePeriod", "00:00:01", "longer than 00:00:01")]
    public void AWrongSetting_StopsTheAppWithAMessageNamingIt(string key, string value, string message) =>
        FluentActions.Invoking(() => From((key, value))).Should().Throw<ConfigurationProblemException>().WithMessage($"*{message}*");
}
