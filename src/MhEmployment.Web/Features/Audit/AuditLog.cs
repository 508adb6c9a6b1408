using System.Security.Claims;
using MhEmployment.Web.Data;
using MhEmployment.Web.Domain;

namespace MhEmployment.Web.Features.Audit;

/// <summary>Appends to the audit log. Entries are never updated or deleted by the app.</summary>
public sealed class AuditLog(AppDbContext db, IHttpContextAccessor http, TimeProvider clock)
{
    /// <summary>Records an action by the signed-in person (or the given actor) and saves it at once.</summary>
    public async Task WriteAsync(string action, string? target = null, string? details = null, string? actor = null, string? actorUserId = null,
        CancellationToken cancellationToken = default)
    {
        var context = http.HttpContext;
        var user = context?.User;
        db.AuditEvents.Add(new AuditEvent
        {
            OccurredUtc = clock.GetUtcNow().UtcDateTime,
            ActorUserId = actorUserId ?? user?.FindFirstValue(ClaimTypes.NameIdentifier),
            Actor = actor ?? user?.Identity?.Name ?? "anonymous",
            IpAddress = context?.Connection.RemoteIpAddress?.ToString(),
            Action = action,
            Target = target,
            Details = details,
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The signed-in person's name, whose next page waits for their change; null outside a request.</summary>
    public string? CurrentActor => http.HttpContext?.User.Identity?.Name;
}
