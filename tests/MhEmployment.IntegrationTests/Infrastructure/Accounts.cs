using System.Net;
using System.Net.Http.Headers;
using MhEmployment.Web.Domain;
using MhEmployment.Web.Features.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace MhEmployment.IntegrationTests.Infrastructure;

/// <summary>Test accounts and the clients that act as them, signed in through the real sign-in page.</summary>
public static class Accounts
{
    public static string EmailFor(string role) => $"{role.ToLowerInvariant()}@test.local";

    public static string PasswordFor(string role) => $"Test {role} password for MhEmployment";

    /// <summary>An account with a password of its own (no forced change), in the given roles.</summary>
    public static async Task<AppUser> CreateUserAsync(this AppFactory factory, string email, string password, params string[] roles)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, CreatedUtc = DateTime.UtcNow };
        var created = await users.CreateAsync(user, password);
        created.Succeeded.Should().BeTrue(string.Join("; ", created.Errors.Select(e => e.Description)));
        await users.AddToRolesAsync(user, roles);
        return user;
    }

    public static HttpClient NewClient(this AppFactory factory, bool https = false) =>
        factory.CreateClient(new WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false,
            BaseAddress = new Uri(https ? "https://localhost" : "http://localhost"),
        });

    /// <summary>Signs in through /Account/Login as a person would; the client keeps the session cookie.</summary>
    public static async Task<HttpClient> SignedInClientAsync(this AppFactory factory, string email, string password, bool https = false)
    {
        var client = factory.NewClient(https);
        var response = await client.SignInAsync(email, password);
        response.StatusCode.Should().Be(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        return client;
    }

    public static Task<HttpResponseMessage> SignInAsync(this HttpClient client, string email, string password) =>
        client.SubmitFormAsync("/Account/Login", new() { ["Input.Email"] = email, ["Input.Password"] = password });

    /// <summary>A client that calls the API with a fresh personal token of the given account.</summary>
    public static async Task<HttpClient> ApiClientAsync(this AppFactory factory, string email)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var user = (await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(email))!;
        var issued = await scope.ServiceProvider.GetRequiredService<ApiTokenService>().IssueAsync(user, "tests", 30);
        var client = factory.NewClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", issued.Secret);
        return client;
    }
}
