using System.Net;
using MhEmployment.Web.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Configuration;
using IPNetwork = System.Net.IPNetwork;

namespace MhEmployment.UnitTests.Security;

public sealed class TrustedProxiesTests
{
    private static TrustedProxies From(params (string Key, string Value)[] settings) =>
        TrustedProxies.From(new ConfigurationBuilder().AddInMemoryCollection(settings.ToDictionary(s => s.Key, s => (string?)s.Value)).Build());

    [Fact]
    public void WithoutSettings_NoProxyIsTrusted_NotEvenLoopback()
    {
        var trusted = From();
        var options = new ForwardedHeadersOptions();

        trusted.ApplyTo(options);

        trusted.Any.Should().BeFalse();
        options.KnownProxies.Should().BeEmpty();
        options.KnownIPNetworks.Should().BeEmpty();
    }

    [Fact]
    public void ProxiesAndNetworks_AreReadFromAListOrFromCommas_AndTrustedForOneHop()
    {
        var trusted = From(("ForwardedHeaders:KnownProxies:0", "172.30.80.10"), ("ForwardedHeaders:KnownProxies:1", "::1"),
            ("ForwardedHeaders:KnownNetworks", "10.0.0.0/24, fd00::/8"));
        var options = new ForwardedHeadersOptions();

        trusted.ApplyTo(options);

        options.KnownProxies.Should().Equal(IPAddress.Parse("172.30.80.10"), IPAddress.IPv6Loopback);
        options.KnownIPNetworks.Should().Equal(IPNetwork.Parse("10.0.0.0/24"), IPNetwork.Parse("fd00::/8"));
        options.ForwardedHeaders.Should().Be(ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto);
        options.ForwardLimit.Should().Be(1);
    }

    [Fact]
    public void AValueThatIsNotAnAddressOrNetwork_StopsTheStartWithWhatToGive()
    {
        var proxy = () => From(("ForwardedHeaders:KnownProxies", "nginx"));
        var network = () => From(("ForwardedHeaders:KnownNetworks", "10.0.0.0/33"));

        proxy.Should().Throw<ConfigurationProblemException>().WithMessage("ForwardedHeaders:KnownProxies has 'nginx', which is not an IP address*");
        network.Should().Throw<ConfigurationProblemException>().WithMessage("ForwardedHeaders:KnownNetworks has '10.0.0.0/33'*CIDR*");
    }
}
