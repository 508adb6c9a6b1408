using System.Security.Claims;
using MhEmployment.Web.Data;
using MhEmployment.Web.Domain;

namespace MhEmployment.Web.Features.Audit;

/// <summary>Appends to the audit log. Entries are never updated or deleted by the app.</summary>
public sealed class AuditLog(AppDbContext db, IHttpContextAccessor http, TimeProvider clock, AuditBatchWriter batches)
{
    /// <summary>
    /// Records an action by the signed-in person (or the given actor) and saves it at once, in the caller's transaction
    /// if it has one: whoever sees the change finds its entry.
    /// </summary>
    public async Task WriteAsync(string action, string? target = null, string? details = null, string? actor = null, string? actorUserId = null,
        CancellationToken cancellationToken = default)
    {
        db.AuditEvents.Add(Entry(action, target, details, actor, actorUserId));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// For actions that change nothing else (a download): the same entry, written together with the other downloads'
    /// entries of the moment (<see cref="AuditBatchWriter"/>), and, while a long SQLite write (an import's commit)
    /// holds the database, kept in the outbox and written to the log as soon as that ends, rather than keep the person
    /// waiting for it (ADR 0021). Either way it is durable when this returns. Inside a transaction of the caller's, it
    /// is written in that transaction instead.
    /// </summary>
    public async Task WriteSoonAsync(string action, string? target = null, string? details = null, CancellationToken cancellationToken = default)
    {
        var entry = Entry(action, target, details, actor: null, actorUserId: null);
        if (db.Database.CurrentTransaction is not null)
        {
            db.AuditEvents.Add(entry);
            await db.SaveChangesAsync(cancellationToken);
            return;
        }
        await batches.WriteAsync(entry, cancellationToken);
    }

    /// <summary>The signed-in person's name, whose next page waits for their change; null outside a request.</summary>
    public string? CurrentActor => http.HttpContext?.User.Identity?.Name;

    private AuditEvent Entry(string action, string? target, string? details, string? actor, string? actorUserId)
    {
        var context = http.HttpContext;
        var user = context?.User;
        return new AuditEvent
        {
            OccurredUtc = clock.GetUtcNow().UtcDateTime,
            ActorUserId = actorUserId ?? user?.FindFirstValue(ClaimTypes.NameIdentifier),
            Actor = actor ?? user?.Identity?.Name ?? "anonymous",
            IpAddress = context?.Connection.RemoteIpAddress?.ToString(),
            Action = action,
            Target = target,
            Details = details,
        };
    }
}
