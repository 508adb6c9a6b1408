using System.Security.Claims;
using System.Text.Encodings.Web;
using MhEmployment.Web.Domain;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace MhEmployment.Web.Features.Accounts;

public static class BearerTokenDefaults
{
    public const string Scheme = "Bearer";
}

/// <summary>Authenticates API calls by personal token: "Authorization: Bearer mhe_…". The token acts with its owner's roles.</summary>
public sealed class BearerTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    ApiTokenService tokens, ApiTokenPrincipals remembered, IUserClaimsPrincipalFactory<AppUser> principals, IProblemDetailsService problems)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public static bool HasBearerHeader(HttpRequest request) =>
        request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!HasBearerHeader(Request))
        {
            return AuthenticateResult.NoResult();
        }
        var secret = Request.Headers.Authorization.ToString()["Bearer ".Length..].Trim();
        var hash = ApiTokenService.HashOf(secret);
        var claims = remembered.Find(hash);
        if (claims is null)
        {
            var token = await tokens.FindActiveAsync(secret, Context.RequestAborted);
            if (token?.User is null)
            {
                return AuthenticateResult.Fail("The token is unknown, expired or revoked.");
            }
            claims = [.. (await principals.CreateAsync(token.User)).Claims];
            remembered.Remember(hash, claims, token.ExpiresUtc);
        }
        var identity = new ClaimsIdentity(claims, Scheme.Name, ClaimTypes.Name, ClaimTypes.Role);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails =
            {
                Status = StatusCodes.Status401Unauthorized,
                Title = "Authentication required",
                Detail = "Send a personal API token as 'Authorization: Bearer <token>'. Create one on your account page. Expired and revoked tokens are refused.",
            },
        });
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails =
            {
                Status = StatusCodes.Status403Forbidden,
                Title = "Not allowed",
                Detail = "The token's owner does not have a role that may use this route.",
            },
        });
    }
}
