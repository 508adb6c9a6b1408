using System.Security.Claims;
using MhEmployment.Web.Infrastructure;

namespace MhEmployment.UnitTests.Security;

public sealed class DashboardOutputCacheTests
{
    private static ClaimsPrincipal Person(params string[] roles) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.Name, "someone@test.local"), .. roles.Select(r => new Claim(ClaimTypes.Role, r))], "test"));

    [Fact]
    public void RolesKey_IsTheSortedRoles_SoEveryRoleSetHasItsOwnCachedPages()
    {
        DashboardOutputCache.RolesKey(Person()).Should().Be("");
        DashboardOutputCache.RolesKey(Person("Viewer")).Should().Be("Viewer");
        DashboardOutputCache.RolesKey(Person("Viewer", "Analyst")).Should().Be("Analyst,Viewer");
        DashboardOutputCache.RolesKey(Person("Viewer", "Admin", "Analyst")).Should().Be(DashboardOutputCache.RolesKey(Person("Analyst", "Viewer", "Admin")))
            .And.Be("Admin,Analyst,Viewer");
    }

    [Fact]
    public void RolesKey_ReadsRolesFromEveryIdentity()
    {
        var person = Person("Viewer");
        person.AddIdentity(new ClaimsIdentity([new Claim(ClaimTypes.Role, "Admin")], "other"));

        DashboardOutputCache.RolesKey(person).Should().Be("Admin,Viewer");
    }
}
