using System.Globalization;
using System.Security.Claims;
using MhEmployment.Web.Data;
using MhEmployment.Web.Domain;
using MhEmployment.Web.Features.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace MhEmployment.Web.Infrastructure;

/// <summary>Accounts, sessions, tokens and authorisation, set to OWASP ASVS 5.0 level 2.</summary>
public static class SecuritySetup
{
    public const string ByRequestScheme = Policies.ByRequestScheme;
    public const string AbsoluteExpiryKey = "mhe.absolute-expiry";
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromMinutes(30);
    public static readonly TimeSpan AbsoluteLifetime = TimeSpan.FromHours(8);

    public static IServiceCollection AddAppSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<AppInstance>();
        services.AddHttpContextAccessor();
        services.AddDataProtection().SetApplicationName("MhEmployment");
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>, DatabaseKeyRepositorySetup>();

        services.AddIdentity<AppUser, IdentityRole>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.Password.RequiredLength = 12;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 1;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Lockout.AllowedForNewUsers = true;
            })
            .AddEntityFrameworkStores<AppDbContext>()
            .AddDefaultTokenProviders()
            .AddClaimsPrincipalFactory<AppClaimsPrincipalFactory>()
            .AddPasswordValidator<CommonPasswordValidator>();
        // PBKDF2-HMAC-SHA512 (Identity's v3 format) at the iteration count ASVS asks for.
        services.Configure<PasswordHasherOptions>(o => o.IterationCount = 210_000);
        services.Configure<SecurityStampValidatorOptions>(o =>
            o.ValidationInterval = TimeSpan.FromSeconds(configuration.GetValue("Security:SessionRevalidationSeconds", 60)));

        services.ConfigureApplicationCookie(options =>
        {
            options.Cookie.Name = "mhe-session";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.CookieManager = new HostPrefixCookieManager();
            options.ExpireTimeSpan = IdleTimeout;
            options.SlidingExpiration = true;
            options.LoginPath = "/Account/Login";
            options.LogoutPath = "/Account/Logout";
            options.AccessDeniedPath = "/Account/AccessDenied";
            options.Events.OnSigningIn = context =>
            {
                var clock = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>();
                context.Properties.Items[AbsoluteExpiryKey] = clock.GetUtcNow().Add(AbsoluteLifetime).ToString("O");
                return Task.CompletedTask;
            };
            options.Events.OnValidatePrincipal = SessionValidation.ValidateAsync;
        });

        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .PostConfigure<TimeProvider>((options, clock) => options.TicketDataFormat = new CachedTicketFormat(options.TicketDataFormat, clock));

        // Routes without a policy of their own (an unknown address, say), and the API description, authenticate as
        // their caller would: by token on API paths or when one is sent, otherwise by the browser's cookie.
        services.AddAuthentication(options =>
            {
                options.DefaultScheme = ByRequestScheme;
                options.DefaultAuthenticateScheme = ByRequestScheme;
                options.DefaultChallengeScheme = ByRequestScheme;
                options.DefaultForbidScheme = ByRequestScheme;
            })
            .AddScheme<AuthenticationSchemeOptions, BearerTokenHandler>(BearerTokenDefaults.Scheme, null)
            .AddPolicyScheme(ByRequestScheme, "Token for the API, cookie for pages", options =>
                options.ForwardDefaultSelector = context =>
                    ErrorHandling.IsApiRequest(context) || BearerTokenHandler.HasBearerHeader(context.Request)
                        ? BearerTokenDefaults.Scheme
                        : IdentityConstants.ApplicationScheme);
        services.AddAuthorization(options => options.AddAppPolicies());
        services.AddScoped<ApiTokenService>();
        services.AddSingleton<ApiTokenPrincipals>();

        services.AddSingleton(SignInRateLimit.From(configuration));
        services.AddScoped<SignInRateLimiter>();
        return services;
    }
}

/// <summary>
/// What every request with a session cookie checks: the absolute lifetime (eight hours from sign-in, however active),
/// then the security stamp against the account once the revalidation interval has passed since the cookie was
/// issued (a disabled account or a changed password ends the session). Identity's validator makes the same interval
/// check itself, but only after it has been resolved, and resolving it builds a sign-in manager, a user manager and a
/// database context on every request; asking it only when it would look at the account costs the same behaviour
/// nothing and the cached pages most of what they still paid per request.
/// </summary>
public static class SessionValidation
{
    public static Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var services = context.HttpContext.RequestServices;
        var clock = services.GetRequiredService<TimeProvider>();
        var now = clock.GetUtcNow();
        if (context.Properties.Items.TryGetValue(SecuritySetup.AbsoluteExpiryKey, out var value)
            && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var expiry)
            && now > expiry)
        {
            context.RejectPrincipal();
            return context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
        }
        var stamp = services.GetRequiredService<IOptions<SecurityStampValidatorOptions>>().Value;
        // The validator's own test, with its clock (the options' TimeProvider, which Identity sets from the app's).
        var stampNow = (stamp.TimeProvider ?? TimeProvider.System).GetUtcNow();
        if (context.Properties.IssuedUtc is { } issued && stampNow - issued <= stamp.ValidationInterval)
        {
            return Task.CompletedTask;
        }
        return SecurityStampValidator.ValidatePrincipalAsync(context);
    }
}

/// <summary>Adds the "must change password" claim, which keeps a person on the change-password page until they do.</summary>
public sealed class AppClaimsPrincipalFactory(UserManager<AppUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole>(users, roles, options)
{
    public const string MustChangePasswordClaim = "mhe:must-change-password";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (user.MustChangePassword)
        {
            identity.AddClaim(new Claim(MustChangePasswordClaim, "true"));
        }
        return identity;
    }
}

/// <summary>
/// Names the session cookie "__Host-mhe-session" and marks it Secure when the request came over HTTPS; over plain
/// HTTP (a developer's machine) the prefix would make browsers drop the cookie, so it is left off there.
/// </summary>
public sealed class HostPrefixCookieManager : ICookieManager
{
    private readonly ChunkingCookieManager _inner = new();

    private static string NameFor(HttpContext context, string key) => context.Request.IsHttps ? "__Host-" + key : key;

    public string? GetRequestCookie(HttpContext context, string key) => _inner.GetRequestCookie(context, NameFor(context, key));

    public void AppendResponseCookie(HttpContext context, string key, string? value, CookieOptions options)
    {
        options.Secure = context.Request.IsHttps;
        options.Path = "/";
        options.Domain = null;
        _inner.AppendResponseCookie(context, NameFor(context, key), value, options);
    }

    public void DeleteCookie(HttpContext context, string key, CookieOptions options)
    {
        options.Secure = context.Request.IsHttps;
        options.Path = "/";
        options.Domain = null;
        _inner.DeleteCookie(context, NameFor(context, key), options);
    }
}
