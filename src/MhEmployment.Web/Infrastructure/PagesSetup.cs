using MhEmployment.Web.Features.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace MhEmployment.Web.Infrastructure;

public static class PagesSetup
{
    /// <summary>Every page declares who may open it: any role by default, Admins for /Admin, anyone for sign-in and error pages.</summary>
    public static IServiceCollection AddAppPages(this IServiceCollection services)
    {
        services.AddRazorPages(options =>
        {
            options.Conventions.AuthorizeFolder("/", Policies.View);
            options.Conventions.AuthorizeFolder("/Admin", Policies.Administer);
            options.Conventions.AuthorizeFolder("/Imports", Policies.Analyse);
            options.Conventions.AuthorizeFolder("/Refresh", Policies.Analyse);
            options.Conventions.AuthorizeFolder("/Exports", Policies.Decide);
            options.Conventions.AllowAnonymousToPage("/Account/Login");
            options.Conventions.AllowAnonymousToPage("/Account/AccessDenied");
            options.Conventions.AllowAnonymousToPage("/Error");
            options.Conventions.AllowAnonymousToPage("/Status");
            options.Conventions.ConfigureFilter(new MustChangePasswordFilter());
        });
        return services;
    }
}

/// <summary>Keeps a person whose password someone else chose on the change-password page until they change it.</summary>
public sealed class MustChangePasswordFilter : IAsyncPageFilter
{
    private static readonly string[] AllowedPages = ["/Account/ChangePassword", "/Account/Logout", "/Error", "/Status"];

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var mustChange = context.HttpContext.User.HasClaim(AppClaimsPrincipalFactory.MustChangePasswordClaim, "true");
        if (mustChange && !AllowedPages.Contains(context.ActionDescriptor.ViewEnginePath, StringComparer.Ordinal))
        {
            context.Result = new RedirectToPageResult("/Account/ChangePassword");
            return Task.CompletedTask;
        }
        return next();
    }
}
