using System.Security.Claims;
using MhEmployment.Web.Infrastructure;
using Microsoft.AspNetCore.Authentication;

namespace MhEmployment.UnitTests.Security;

public sealed class CachedTicketFormatTests
{
    private sealed class CountingFormat : ISecureDataFormat<AuthenticationTicket>
    {
        public int Decryptions { get; private set; }

        public string Protect(AuthenticationTicket data) => data.Principal.Identity!.Name!;

        public string Protect(AuthenticationTicket data, string? purpose) => Protect(data);

        public AuthenticationTicket? Unprotect(string? protectedText) => Unprotect(protectedText, null);

        public AuthenticationTicket? Unprotect(string? protectedText, string? purpose)
        {
            Decryptions++;
            return protectedText == "tampered" ? null
                : new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, protectedText!)], "test")), "cookie");
        }
    }

    private sealed class ManualClock : TimeProvider
    {
        public long Ticks { get; set; }

        public override long GetTimestamp() => Ticks;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;
    }

    [Fact]
    public void TheSameCookie_IsDecryptedOnce_AndEachRequestGetsItsOwnCopy()
    {
        var inner = new CountingFormat();
        var format = new CachedTicketFormat(inner, new ManualClock());

        var first = format.Unprotect("alice")!;
        first.Properties.Items["changed-by-request"] = "yes";
        var second = format.Unprotect("alice")!;

        inner.Decryptions.Should().Be(1);
        second.Principal.Identity!.Name.Should().Be("alice");
        second.Should().NotBeSameAs(first);
        second.Properties.Items.Should().NotContainKey("changed-by-request", "one request's changes never reach another's ticket");
    }

    [Fact]
    public void DifferentCookies_AndCookiesThatDoNotDecrypt_AreNeverConfused()
    {
        var inner = new CountingFormat();
        var format = new CachedTicketFormat(inner, new ManualClock());

        format.Unprotect("alice")!.Principal.Identity!.Name.Should().Be("alice");
        format.Unprotect("bob")!.Principal.Identity!.Name.Should().Be("bob");
        format.Unprotect("tampered").Should().BeNull();
        format.Unprotect("tampered").Should().BeNull();

        inner.Decryptions.Should().Be(4, "a cookie that fails to decrypt is tried afresh every time");
    }

    [Fact]
    public void ARememberedTicket_IsDecryptedAgainAfterFiveMinutes()
    {
        var inner = new CountingFormat();
        var clock = new ManualClock();
        var format = new CachedTicketFormat(inner, clock);

        format.Unprotect("alice");
        clock.Ticks += TimeSpan.FromMinutes(4).Ticks;
        format.Unprotect("alice");
        clock.Ticks += TimeSpan.FromMinutes(2).Ticks;
        format.Unprotect("alice");

        inner.Decryptions.Should().Be(2);
    }
}
