using System.Net;
using MhEmployment.IntegrationTests.Infrastructure;
using YamlDotNet.RepresentationModel;

namespace MhEmployment.IntegrationTests.Hosting;

/// <summary>
/// There is no Docker engine to run docker-compose.yml, so its 'scaled' profile is proved as processes
/// (<see cref="TwoInstancesBehindProxyTests"/>); these keep the file in step with that topology: the same nginx
/// template, the same variables, the instances' settings, the shared uploads volume and the health checks.
/// </summary>
public sealed class ComposeFileTests
{
    private readonly YamlMappingNode services;
    private readonly YamlMappingNode root;

    public ComposeFileTests()
    {
        var yaml = new YamlStream();
        using (var reader = new StreamReader(NginxProxy.RepositoryFile("docker-compose.yml")))
        {
            yaml.Load(reader);
        }
        root = (YamlMappingNode)yaml.Documents[0].RootNode;
        services = Map(root, "services");
    }

    [Fact]
    public void ScaledProfile_RunsTwoAppInstancesBehindNginx_WithTheTemplateTheTestsRender()
    {
        var proxy = Map(services, "proxy");
        Strings(Map(services, "app2"), "profiles").Should().Equal("scaled");
        Strings(proxy, "profiles").Should().Equal("scaled");
        Map(services, "app").Children.Should().NotContainKey(new YamlScalarNode("profiles"), "the first instance runs with or without the profile");
        Text(proxy, "image").Should().StartWith("nginx:");

        Strings(proxy, "volumes").Should().ContainSingle(v => v.StartsWith($"./{NginxProxy.Template}:/etc/nginx/templates/", StringComparison.Ordinal)
            && v.Contains(".template", StringComparison.Ordinal), "nginx renders the repository's template, as the tests do");
        var environment = Map(proxy, "environment");
        var template = File.ReadAllText(NginxProxy.RepositoryFile(NginxProxy.Template));
        environment.Children.Keys.Select(k => k.ToString()).Should().BeEquivalentTo(NginxProxy.Variables(template),
            "the compose file gives exactly the variables the template uses, which the tests give too");
        Text(environment, "APP_1").Should().Be("app:8080");
        Text(environment, "APP_2").Should().Be("app2:8080");
        File.ReadAllText(NginxProxy.RepositoryFile("Dockerfile")).Should().Contain("ASPNETCORE_HTTP_PORTS=8080", "the instances listen where nginx sends requests");
        Strings(proxy, "ports").Should().ContainSingle().Which.Should().EndWith(":" + Text(environment, "NGINX_PORT"));
        var dependsOn = Map(proxy, "depends_on");
        foreach (var instance in new[] { "app", "app2" })
        {
            Text(Map(dependsOn, instance), "condition").Should().Be("service_healthy", "nginx starts once both instances are ready");
        }
    }

    [Fact]
    public void TheInstances_TrustOnlyTheProxysFixedAddress_AndSetNothingTheProcessTestsDoNot()
    {
        var proxyAddress = IPAddress.Parse(Text(Map(Map(Map(services, "proxy"), "networks"), "default"), "ipv4_address"));
        var subnet = IPNetwork.Parse(Text((YamlMappingNode)((YamlSequenceNode)Map(Map(Map(root, "networks"), "default"), "ipam")["config"])[0], "subnet"));
        subnet.Contains(proxyAddress).Should().BeTrue();

        foreach (var instance in new[] { "app", "app2", "migrate" })
        {
            var environment = Map(Map(services, instance), "environment");
            Text(environment, "ForwardedHeaders__KnownProxies").Should().Be(proxyAddress.ToString());
            Text(environment, "Database__Provider").Should().Be("Postgres");
            Text(environment, "ConnectionStrings__Postgres").Should().Contain("Password=${POSTGRES_PASSWORD}", "the secret comes from the environment");
            environment.Children.Keys.Select(k => k.ToString())
                .Should().BeSubsetOf(TwoInstancesBehindProxyTests.InstanceSettings("", "", "").Keys, "the process tests run the instances as the compose file does");
        }
        Text(Map(Map(services, "db"), "environment"), "POSTGRES_PASSWORD").Should().StartWith("${POSTGRES_PASSWORD:?");
        Text(Map(services, "db"), "image").Should().Be("postgres:17");
    }

    [Fact]
    public void EveryInstance_MountsTheSharedImportsVolumeAtItsStoragePath_AndEveryServiceHasAHealthCheck()
    {
        Map(root, "volumes").Children.Keys.Select(k => k.ToString()).Should().Contain(["imports", "pgdata"]);
        foreach (var instance in new[] { "app", "app2" })
        {
            var service = Map(services, instance);
            var storagePath = Text(Map(service, "environment"), "Imports__StoragePath");
            Strings(service, "volumes").Should().Contain($"imports:{storagePath}", $"{instance} keeps uploads where every instance reads them");
            Strings(Map(service, "healthcheck"), "test").Should().Contain(t => t.EndsWith(":8080/health/ready", StringComparison.Ordinal));
        }
        Strings(Map(Map(services, "db"), "healthcheck"), "test").Should().Contain(t => t.StartsWith("pg_isready", StringComparison.Ordinal));
        Strings(Map(Map(services, "proxy"), "healthcheck"), "test").Should().Contain(t => t.EndsWith("/health/ready", StringComparison.Ordinal),
            "the proxy is healthy when an instance answers through it");
    }

    private static YamlMappingNode Map(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var child) && child is YamlMappingNode map
            ? map
            : throw new InvalidOperationException($"docker-compose.yml has no mapping '{key}' where the tests expect one.");

    private static string Text(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var child) && child is YamlScalarNode scalar
            ? scalar.Value ?? ""
            : throw new InvalidOperationException($"docker-compose.yml has no value '{key}' where the tests expect one.");

    private static List<string> Strings(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var child) && child is YamlSequenceNode sequence
            ? [.. sequence.Children.Select(c => ((YamlScalarNode)c).Value ?? "")]
            : throw new InvalidOperationException($"docker-compose.yml has no list '{key}' where the tests expect one.");
}
