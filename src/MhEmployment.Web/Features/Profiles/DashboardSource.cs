using MhEmployment.Web.Data;
using MhEmployment.Web.Domain;
using MhEmployment.Web.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace MhEmployment.Web.Features.Profiles;

/// <summary>What <see cref="DashboardCache"/> reads: a cheap stamp of what has changed, and the whole snapshot.</summary>
public interface IDashboardSource
{
    /// <summary>Changes whenever the values or the catalogue do (written in the same transaction as the change).</summary>
    Task<string> StampAsync(CancellationToken cancellationToken);

    Task<ValueSnapshot> LoadAsync(long version, CancellationToken cancellationToken);
}

/// <summary>The dashboards' data from the database, each read in a scope of its own.</summary>
public sealed class DashboardSource(IServiceScopeFactory scopes) : IDashboardSource
{
    public async Task<string> StampAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var committed = await db.Imports.CountAsync(i => i.Status == ImportStatus.Committed, cancellationToken);
        var undone = await db.Imports.CountAsync(i => i.Status == ImportStatus.Undone, cancellationToken);
        var lastCommit = await db.Imports.MaxAsync(i => i.CommittedUtc, cancellationToken);
        var lastUndo = await db.Imports.MaxAsync(i => i.UndoneUtc, cancellationToken);
        var indicators = await db.Indicators.CountAsync(cancellationToken);
        // Catalogue edits are audited in the edit's own transaction, and the log is only ever appended to.
        var catalogueEdits = await db.AuditEvents.CountAsync(e => e.Action == AuditActions.IndicatorUpdated, cancellationToken);
        return $"{committed}|{undone}|{lastCommit:O}|{lastUndo:O}|{indicators}|{catalogueEdits}";
    }

    public async Task<ValueSnapshot> LoadAsync(long version, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var successions = (await db.AreaSuccessions.AsNoTracking()
                .Select(s => new { s.PredecessorCode, s.SuccessorCode }).ToListAsync(cancellationToken))
            .ToLookup(s => s.PredecessorCode, s => s.SuccessorCode, StringComparer.OrdinalIgnoreCase);
        var areas = (await db.Areas.AsNoTracking()
                .Select(a => new { a.Code, a.Name, a.Kind, a.RegionCode, a.ParentCode, a.ValidTo }).ToListAsync(cancellationToken))
            .Select(a => new SnapshotArea(a.Code, a.Name, a.Kind, a.RegionCode, a.ParentCode, a.ValidTo,
                [.. successions[a.Code].Order(StringComparer.Ordinal)]));
        var indicators = await db.Indicators.AsNoTracking().ToListAsync(cancellationToken);
        var rows = await db.IndicatorValues.AsNoTracking()
            .Select(v => new
            {
                v.IndicatorId, v.AreaCode, v.PeriodStart, v.PeriodEnd, v.PeriodLabel, v.Sex, v.AgeBand, v.Value, v.Count, v.Denominator,
                v.Lower95, v.Upper95, v.Lower998, v.Upper998, v.Note, v.ImportId,
            })
            .ToListAsync(cancellationToken);
        var values = rows.Select(v => new SnapshotValue(v.IndicatorId, v.AreaCode, new PeriodKey(v.PeriodStart, v.PeriodEnd), v.PeriodLabel,
            new Slice(v.Sex, v.AgeBand), v.Value, v.Count, v.Denominator, v.Lower95, v.Upper95, v.Lower998, v.Upper998, v.Note, v.ImportId));
        return new ValueSnapshot(version, areas, indicators, values);
    }
}
