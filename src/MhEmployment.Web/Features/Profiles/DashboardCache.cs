using System.Collections.Concurrent;
using MhEmployment.Web.Data;
using MhEmployment.Web.Domain;
using MhEmployment.Web.Features.Audit;
using MhEmployment.Web.Features.Imports;
using Microsoft.EntityFrameworkCore;

namespace MhEmployment.Web.Features.Profiles;

/// <summary>
/// Holds the dashboards' snapshot of the data and what is derived from it. Values change only when an import is
/// committed or undone, and the catalogue when an analyst edits it: this instance is told at once
/// (<see cref="Invalidate"/>), and a cheap stamp of the import history and the catalogue's audited edits is re-read
/// every few seconds so that another instance's or the command line's changes show too.
/// </summary>
public sealed class DashboardCache : IDisposable
{
    private const int MaxDerivedEntries = 4096;

    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly TimeSpan recheck;
    private readonly ConcurrentDictionary<string, object> derived = new(StringComparer.Ordinal);
    private volatile ValueSnapshot? snapshot;
    private string? stamp;
    private long checkedAt = long.MinValue;
    private long version;
    private readonly IServiceScopeFactory scopes;
    private readonly TimeProvider clock;
    private readonly ValuesChangedSignal signal;

    public DashboardCache(IServiceScopeFactory scopes, IConfiguration configuration, TimeProvider clock, ValuesChangedSignal signal)
    {
        this.scopes = scopes;
        this.clock = clock;
        this.signal = signal;
        recheck = TimeSpan.FromSeconds(configuration.GetValue("Dashboards:RecheckSeconds", 5.0));
        signal.Changed += OnValuesChanged;
    }

    public void Dispose()
    {
        signal.Changed -= OnValuesChanged;
        gate.Dispose();
    }

    private void OnValuesChanged(object? sender, EventArgs e) => Invalidate();

    /// <summary>Forgets everything derived, so the next request reads the data afresh.</summary>
    public void Invalidate()
    {
        Interlocked.Exchange(ref checkedAt, long.MinValue);
        stamp = null;
    }

    public async Task<ValueSnapshot> SnapshotAsync(CancellationToken cancellationToken = default)
    {
        var current = snapshot;
        if (current is not null && !RecheckDue())
        {
            return current;
        }
        await gate.WaitAsync(cancellationToken);
        try
        {
            current = snapshot;
            if (current is not null && !RecheckDue())
            {
                return current;
            }
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var newStamp = await StampAsync(db, cancellationToken);
            if (current is null || newStamp != stamp)
            {
                current = await LoadAsync(db, Interlocked.Increment(ref version), cancellationToken);
                derived.Clear();
                snapshot = current;
                stamp = newStamp;
            }
            Interlocked.Exchange(ref checkedAt, clock.GetTimestamp());
            return current;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Something computed from one snapshot (a dashboard, a chart), kept until the data change.</summary>
    public T GetOrAdd<T>(ValueSnapshot from, string key, Func<T> build)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(build);
        var fullKey = $"{from.Version}|{typeof(T).Name}|{key}";
        if (derived.TryGetValue(fullKey, out var found))
        {
            return (T)found;
        }
        var value = build();
        if (ReferenceEquals(from, snapshot))
        {
            if (derived.Count >= MaxDerivedEntries)
            {
                derived.Clear(); // Crude but bounded: a flood of distinct queries cannot grow memory without limit.
            }
            derived[fullKey] = value;
        }
        return value;
    }

    private bool RecheckDue()
    {
        var last = Interlocked.Read(ref checkedAt);
        return last == long.MinValue || clock.GetElapsedTime(last) >= recheck;
    }

    private static async Task<string> StampAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        var committed = await db.Imports.CountAsync(i => i.Status == ImportStatus.Committed, cancellationToken);
        var undone = await db.Imports.CountAsync(i => i.Status == ImportStatus.Undone, cancellationToken);
        var lastCommit = await db.Imports.MaxAsync(i => i.CommittedUtc, cancellationToken);
        var lastUndo = await db.Imports.MaxAsync(i => i.UndoneUtc, cancellationToken);
        var indicators = await db.Indicators.CountAsync(cancellationToken);
        // Catalogue edits are audited in the edit's own transaction, and the log is only ever appended to.
        var catalogueEdits = await db.AuditEvents.CountAsync(e => e.Action == AuditActions.IndicatorUpdated, cancellationToken);
        return $"{committed}|{undone}|{lastCommit:O}|{lastUndo:O}|{indicators}|{catalogueEdits}";
    }

    private static async Task<ValueSnapshot> LoadAsync(AppDbContext db, long version, CancellationToken cancellationToken)
    {
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
