using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;

namespace MhEmployment.Web.Features.Accounts;

/// <summary>
/// The authorisation policies every page and API route declares. Each is a set of roles; the API variants
/// accept only bearer tokens, so a browser's cookie can never drive the API.
/// </summary>
public static class Policies
{
    public const string View = "View";
    public const string Analyse = "Analyse";
    public const string Decide = "Decide";
    public const string Administer = "Administer";
    public const string ApiView = "ApiView";
    public const string ApiAnalyse = "ApiAnalyse";
    public const string ApiDecide = "ApiDecide";
    public const string ApiAdminister = "ApiAdminister";

    /// <summary>The asset register: Analysts and Officers keep it (Officers also rate).</summary>
    public const string EditAssets = "EditAssets";
    public const string ApiEditAssets = "ApiEditAssets";

    /// <summary>The API description: for people in a browser and for scripts with a token.</summary>
    public const string Docs = "Docs";

    public static readonly IReadOnlyDictionary<string, string[]> RolesFor = new Dictionary<string, string[]>
    {
        [View] = [Roles.Viewer, Roles.Analyst, Roles.Officer, Roles.Admin],
        [Analyse] = [Roles.Analyst, Roles.Admin],
        [Decide] = [Roles.Officer, Roles.Admin],
        [Administer] = [Roles.Admin],
        [ApiView] = [Roles.Viewer, Roles.Analyst, Roles.Officer, Roles.Admin],
        [ApiAnalyse] = [Roles.Analyst, Roles.Admin],
        [ApiDecide] = [Roles.Officer, Roles.Admin],
        [ApiAdminister] = [Roles.Admin],
        [EditAssets] = [Roles.Analyst, Roles.Officer, Roles.Admin],
        [ApiEditAssets] = [Roles.Analyst, Roles.Officer, Roles.Admin],
        [Docs] = [Roles.Viewer, Roles.Analyst, Roles.Officer, Roles.Admin],
    };

    /// <summary>The default scheme: a token when the caller sends one or calls the API, otherwise the cookie.</summary>
    public const string ByRequestScheme = "ByRequest";

    public static void AddAppPolicies(this AuthorizationOptions options)
    {
        foreach (var (name, roles) in RolesFor)
        {
            string[] schemes = name switch
            {
                Docs => [ByRequestScheme],
                _ when name.StartsWith("Api", StringComparison.Ordinal) => [BearerTokenDefaults.Scheme],
                _ => [IdentityConstants.ApplicationScheme],
            };
            options.AddPolicy(name, policy => policy.AddAuthenticationSchemes(schemes).RequireAuthenticatedUser().RequireRole(roles));
        }
        // Anything that forgets to declare a policy still needs a signed-in caller with a role, by the
        // default scheme: a token on API paths, the cookie elsewhere.
        options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().RequireRole(RolesFor[View]).Build();
    }
}
