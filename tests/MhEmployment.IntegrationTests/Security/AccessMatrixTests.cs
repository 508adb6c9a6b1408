using System.Net;
using System.Reflection;
using System.Text.RegularExpressions;
using MhEmployment.IntegrationTests.Infrastructure;
using MhEmployment.Web.Domain;
using MhEmployment.Web.Features.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace MhEmployment.IntegrationTests.Security;

/// <summary>
/// Every page handler and API route, taken from the app's own endpoint list, requested anonymously and as each
/// role: each must answer allowed or forbidden exactly as its declared policy says. An endpoint that declares
/// no policy fails the test, so a new page or route cannot slip in unprotected by accident.
/// </summary>
public abstract partial class AccessMatrixTests(AppFixture fixture)
{
    private sealed record Probe(string Method, string Url, bool IsApi, string[]? AllowedRoles, string Endpoint, bool AcceptsJson = false);

    [Fact]
    public async Task EveryEndpoint_AnswersEachRoleAsItsPolicyDeclares()
    {
        var (probes, undeclared) = await ProbesAsync();
        var wrong = new List<string>();

        foreach (var probe in probes)
        {
            foreach (var role in new string?[] { null }.Concat(Roles.All))
            {
                var client = role is null ? fixture.Anonymous() : probe.IsApi ? fixture.ApiClient(role) : fixture.PageClient(role);
                using var request = new HttpRequestMessage(new HttpMethod(probe.Method), probe.Url);
                if (probe.Method is "POST" or "PUT")
                {
                    // Routing answers 415 before authorisation to a body of the wrong type: the upload route accepts only
                    // multipart bodies, the asset routes only JSON.
                    request.Content = !probe.IsApi ? new FormUrlEncodedContent([])
                        : probe.AcceptsJson ? new StringContent("{}", System.Text.Encoding.UTF8, "application/json")
                        : new MultipartFormDataContent { { new StringContent(""), "format" } };
                }
                var response = await client.SendAsync(request);
                var expected = probe.AllowedRoles is null || (role is not null && probe.AllowedRoles.Contains(role));
                var actual = probe.Url == "/Account/AccessDenied" && response.StatusCode == HttpStatusCode.Forbidden
                    ? "allowed" // the page that tells people they are not allowed answers 403 itself
                    : Classify(response, probe.IsApi);
                if (actual != (expected ? "allowed" : role is null ? "sign-in required" : "forbidden"))
                {
                    wrong.Add($"{probe.Method} {probe.Url} as {role ?? "anonymous"}: {actual} ({(int)response.StatusCode} {response.Headers.Location}), declared {(probe.AllowedRoles is null ? "anonymous" : string.Join("/", probe.AllowedRoles))}");
                }
            }
        }

        undeclared.Should().BeEmpty("every endpoint must declare a policy or [AllowAnonymous]");
        probes.Should().HaveCountGreaterThan(20);
        wrong.Should().BeEmpty();
    }

    [Fact]
    public async Task AssetRoutes_AreOpenToTheRolesTheRegisterGives()
    {
        var (probes, _) = await ProbesAsync();
        string[] everyone = [Roles.Viewer, Roles.Analyst, Roles.Officer, Roles.Admin];
        string[] keepers = [Roles.Analyst, Roles.Officer, Roles.Admin];
        string[] deciders = [Roles.Officer, Roles.Admin];
        var expected = new (string Method, string Endpoint, string[] Roles)[]
        {
            ("GET", "/assets", everyone),
            ("GET", "/assets/{id:int}", everyone),
            ("GET", "/assets/coverage/{code}", everyone),
            ("GET", "/assets/analysis/{code}", everyone),
            ("GET", "/assets/export", everyone),
            ("POST", "/assets/add", keepers),
            ("POST", "/assets/{id:int}/edit", keepers),
            ("POST", "/assets/imports", keepers),
            ("POST", "/assets/{id:int}/rate", deciders),
            ("POST", "/assets/analysis/{code}/new", deciders),
            ("POST", "/assets/checklist/edit", [Roles.Admin]),
            ("GET", "/api/v1/assets/", everyone),
            ("GET", "/api/v1/areas/{code}/coverage", everyone),
            ("POST", "/api/v1/assets/", keepers),
            ("PUT", "/api/v1/assets/{id:int}", keepers),
            ("POST", "/api/v1/assets/{id:int}/rating", deciders),
        };
        ExpectRoles(probes, expected);
    }

    [Fact]
    public async Task NeedsEvidenceRoutes_AreReadByEveryone_AndChangedByAnalystsAndAdmins()
    {
        var (probes, _) = await ProbesAsync();
        string[] everyone = [Roles.Viewer, Roles.Analyst, Roles.Officer, Roles.Admin];
        string[] analysts = [Roles.Analyst, Roles.Admin];
        var expected = new (string Method, string Endpoint, string[] Roles)[]
        {
            ("GET", "/needs-assets/evidence", everyone),
            ("GET", "/needs-assets/schemes", everyone),
            ("GET", "/needs-assets/schemes/{id:int}", everyone),
            ("GET", "/needs-assets/evidence/{domain:int}/edit", analysts),
            ("POST", "/needs-assets/evidence/{domain:int}/edit", analysts),
            ("GET", "/needs-assets/schemes/new", analysts),
            ("POST", "/needs-assets/schemes/new", analysts),
            ("GET", "/needs-assets/schemes/{id:int}/edit", analysts),
            ("POST", "/needs-assets/schemes/{id:int}/edit", analysts),
            ("GET", "/needs-assets/schemes/{id:int}/delete", analysts),
            ("POST", "/needs-assets/schemes/{id:int}/delete", analysts),
        };
        ExpectRoles(probes, expected);
    }

    [Fact]
    public async Task PriorityRoutes_AreReadByEveryone_AndRecordedByOfficers()
    {
        var (probes, _) = await ProbesAsync();
        string[] everyone = [Roles.Viewer, Roles.Analyst, Roles.Officer, Roles.Admin];
        string[] deciders = [Roles.Officer, Roles.Admin];
        var expected = new (string Method, string Endpoint, string[] Roles)[]
        {
            ("GET", "/areas/{code}/priorities", everyone),
            ("GET", "/priorities/{id:int}", everyone),
            ("GET", "/areas/{code}/priorities/new", deciders),
            ("POST", "/areas/{code}/priorities/new", deciders),
            ("GET", "/priorities/{id:int}/edit", deciders),
            ("POST", "/priorities/{id:int}/edit", deciders),
            ("GET", "/api/v1/areas/{code}/priorities", everyone),
            ("GET", "/api/v1/priorities/{id:int}", everyone),
            ("POST", "/api/v1/areas/{code}/priorities", deciders),
            ("PUT", "/api/v1/priorities/{id:int}", deciders),
            ("GET", "/exports/summary", deciders),
            ("GET", "/api/v1/areas/{code}/summary", deciders),
            ("GET", "/api/v1/areas/{code}/summary.{format}", deciders),
        };
        ExpectRoles(probes, expected);
    }

    [Fact]
    public async Task BulkExportRoutes_AreForOfficersAndAdmins()
    {
        var (probes, _) = await ProbesAsync();
        string[] deciders = [Roles.Officer, Roles.Admin];
        var expected = new (string Method, string Endpoint, string[] Roles)[]
        {
            ("GET", "/exports/bulk", deciders),
            ("POST", "/exports/bulk", deciders),
            ("GET", "/exports/bulk/{id:int}", deciders),
            ("POST", "/exports/bulk/{id:int}", deciders),
        };
        ExpectRoles(probes, expected);
        probes.Where(p => "/" + p.Endpoint.TrimStart('/') == "/exports/bulk/{id:int}").Select(p => p.Url).Should()
            .Contain(["/exports/bulk/404?handler=Download", "/exports/bulk/404?handler=Status", "/exports/bulk/404?handler=Cancel"],
                "the download, the progress for the page's script and the cancel are probed too");
    }

    [Fact]
    public async Task RefreshRoutes_AreForAnalystsAndAdmins()
    {
        var (probes, _) = await ProbesAsync();
        string[] analysts = [Roles.Analyst, Roles.Admin];
        var expected = new (string Method, string Endpoint, string[] Roles)[]
        {
            ("GET", "/refresh", analysts),
            ("POST", "/refresh", analysts),
            ("GET", "/refresh/{id:int}", analysts),
            ("POST", "/api/v1/indicators/{key}/refresh", analysts),
            ("POST", "/api/v1/refresh/", analysts),
            ("GET", "/api/v1/refresh/", analysts),
            ("GET", "/api/v1/refresh/{id:int}", analysts),
        };
        ExpectRoles(probes, expected);
        probes.Where(p => "/" + p.Endpoint.TrimStart('/') == "/refresh/{id:int}").Select(p => p.Url).Should()
            .Contain("/refresh/404?handler=Status", "the progress for the page's script is probed too");
    }

    /// <summary>Each listed route exists and is open to exactly the roles given.</summary>
    private static void ExpectRoles(List<Probe> probes, (string Method, string Endpoint, string[] Roles)[] expected)
    {
        foreach (var (method, endpoint, roles) in expected)
        {
            probes.Where(p => p.Method == method && "/" + p.Endpoint.TrimStart('/') == endpoint).Should().NotBeEmpty($"{method} {endpoint} is a route")
                .And.OnlyContain(p => p.AllowedRoles != null && p.AllowedRoles.Order().SequenceEqual(roles.Order()), $"{method} {endpoint} is for {string.Join("/", roles)}");
        }
    }

    private static string Classify(HttpResponseMessage response, bool isApi)
    {
        var location = response.Headers.Location?.OriginalString ?? "";
        return response.StatusCode switch
        {
            HttpStatusCode.Unauthorized when isApi => "sign-in required",
            HttpStatusCode.Redirect when location.Contains("/Account/Login", StringComparison.Ordinal) => "sign-in required",
            HttpStatusCode.Forbidden when isApi => "forbidden",
            HttpStatusCode.Redirect when location.Contains("/Account/AccessDenied", StringComparison.Ordinal) => "forbidden",
            HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => "refused in the wrong way",
            _ => "allowed",
        };
    }

    private async Task<(List<Probe> Probes, List<string> Undeclared)> ProbesAsync()
    {
        var sampleUserId = await SampleUserIdAsync();
        var endpoints = fixture.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();
        var probes = new List<Probe>();
        var undeclared = new List<string>();
        foreach (var endpoint in endpoints)
        {
            var template = endpoint.RoutePattern.RawText ?? "";
            var page = endpoint.Metadata.GetMetadata<PageActionDescriptor>();
            var declared = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>();
            var anonymous = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;
            if (!anonymous && !declared.Any(d => d.Policy is not null))
            {
                undeclared.Add(template);
                continue;
            }
            // Several policies on one endpoint must all be met: the roles allowed are those in every one.
            var allowed = anonymous ? null : declared.Where(d => d.Policy is not null)
                .Select(d => Policies.RolesFor[d.Policy!]).Aggregate((a, b) => [.. a.Intersect(b)]);
            var url = "/" + Parameter().Replace(template.TrimStart('/'), m => SampleValue(m.Groups["name"].Value, m.Groups["constraint"].Value, sampleUserId));
            var isApi = url.StartsWith("/api/", StringComparison.Ordinal);
            var acceptsJson = endpoint.Metadata.GetMetadata<IAcceptsMetadata>()?.ContentTypes.Contains("application/json") == true;
            foreach (var (method, query) in MethodsOf(endpoint, page))
            {
                probes.Add(new Probe(method, url + query, isApi, allowed, template, acceptsJson));
            }
        }
        return (probes, undeclared);
    }

    /// <summary>API routes declare their methods; a page answers GET, POST, and each named handler of its model.</summary>
    private static IEnumerable<(string Method, string Query)> MethodsOf(RouteEndpoint endpoint, PageActionDescriptor? page)
    {
        if (page is null)
        {
            return (endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => (m, ""));
        }
        var model = typeof(Program).Assembly.GetType("MhEmployment.Web.Pages" + page.ViewEnginePath.Replace('/', '.') + "Model");
        var handlers = model?.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Select(m => HandlerName().Match(m.Name))
            .Where(m => m.Success)
            .Select(m => (m.Groups["verb"].Value.ToUpperInvariant(), m.Groups["handler"].Value))
            .Distinct()
            .ToList() ?? [];
        return handlers.Count == 0
            ? [("GET", "")]
            : handlers.Select(h => (h.Item1, h.Item2.Length == 0 ? "" : "?handler=" + h.Item2));
    }

    private static string SampleValue(string parameter, string constraint, string userId) => (parameter, constraint) switch
    {
        (_, "int") => "404",
        ("documentName", _) => "v1",
        ("code", _) => "E09000012",
        ("key", _) => "ni150-secondary-mh-employment",
        ("id", _) => userId,
        _ => "1",
    };

    private async Task<string> SampleUserIdAsync()
    {
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(Accounts.EmailFor(Roles.Viewer));
        return user!.Id;
    }

    [GeneratedRegex(@"\{(?<name>[a-zA-Z]+)(:(?<constraint>[^}?]*))?\??\}")]
    private static partial Regex Parameter();

    [GeneratedRegex("^On(?<verb>Get|Post)(?<handler>[A-Za-z]*?)(Async)?$")]
    private static partial Regex HandlerName();
}

[Collection(SqliteCollection.Name)]
public sealed class AccessMatrixOnSqlite(SqliteAppFixture fixture) : AccessMatrixTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class AccessMatrixOnPostgres(PostgresAppFixture fixture) : AccessMatrixTests(fixture);
