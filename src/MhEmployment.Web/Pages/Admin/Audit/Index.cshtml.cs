using System.Globalization;
using System.Text;
using MhEmployment.Web.Data;
using MhEmployment.Web.Domain;
using MhEmployment.Web.Features.Audit;
using MhEmployment.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace MhEmployment.Web.Pages.Admin.Audit;

public sealed class IndexModel(AppDbContext db, AuditOutbox outbox) : PageModel
{
    public const int PageSize = 200;

    [BindProperty(SupportsGet = true)] public string? Action { get; set; }
    [BindProperty(SupportsGet = true)] public string? Actor { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }

    public IReadOnlyList<AuditEvent> Events { get; private set; } = [];
    public int Total { get; private set; }

    /// <summary>Entries in the outbox, waiting to be written here while an import is being committed (ADR 0021).</summary>
    public long Waiting { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (!ModelState.IsValid)
        {
            var invalid = Page();
            invalid.StatusCode = StatusCodes.Status400BadRequest;
            return invalid;
        }
        var query = Filtered();
        Total = await query.CountAsync();
        // By time, then by number: an entry that waited in the outbox is numbered after later ones written directly.
        Events = await query.OrderByDescending(e => e.OccurredUtc).ThenByDescending(e => e.Id).Take(PageSize).ToListAsync();
        Waiting = await outbox.CountAsync(HttpContext.RequestAborted);
        return Page();
    }

    /// <summary>The whole filtered log as CSV, for keeping or analysis elsewhere.</summary>
    public async Task<IActionResult> OnGetCsvAsync()
    {
        if (!ModelState.IsValid)
        {
            return BadRequest(ModelState);
        }
        var text = new StringBuilder().AppendLine(CsvText.Line("occurred_utc", "actor", "ip_address", "action", "target", "details"));
        await foreach (var e in Filtered().OrderBy(e => e.OccurredUtc).ThenBy(e => e.Id).AsAsyncEnumerable())
        {
            text.AppendLine(CsvText.Line(e.OccurredUtc.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), e.Actor, e.IpAddress, e.Action, e.Target, e.Details));
        }
        return File(CsvText.Utf8WithBom(text), "text/csv; charset=utf-8", $"audit-log-{DateTime.UtcNow:yyyyMMdd-HHmm}.csv");
    }

    private IQueryable<AuditEvent> Filtered()
    {
        var query = db.AuditEvents.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Action))
        {
            query = query.Where(e => e.Action == Action);
        }
        if (!string.IsNullOrWhiteSpace(Actor))
        {
            var actor = Actor.Trim().ToUpperInvariant();
#pragma warning disable CA1304, CA1311, CA1862 // Translated to SQL upper(), not run in .NET.
            query = query.Where(e => e.Actor.ToUpper().Contains(actor) || (e.Target != null && e.Target.ToUpper().Contains(actor)));
#pragma warning restore CA1304, CA1311, CA1862
        }
        if (From is { } from)
        {
            var start = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            query = query.Where(e => e.OccurredUtc >= start);
        }
        if (To is { } to)
        {
            var end = to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            query = query.Where(e => e.OccurredUtc < end);
        }
        return query;
    }
}
