using MhEmployment.Web.Data;
using MhEmployment.Web.Domain;
using MhEmployment.Web.Features.Audit;
using MhEmployment.Web.Features.DataVersions;
using MhEmployment.Web.Features.Imports.Stores;
using MhEmployment.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace MhEmployment.Web.Features.Imports;

/// <summary>Undo of a committed import: its values removed, exactly those it replaced put back, the indicators it added (and nothing else uses) removed.</summary>
public sealed class ImportUndo(AppDbContext db, IImportStore store, AuditLog audit, TimeProvider clock, DataVersion versions, SqliteLongWrites longWrites)
{
    public async Task<ImportActionOutcome> UndoAsync(int importId, string? user, CancellationToken cancellationToken)
    {
        var import = await db.Imports.SingleOrDefaultAsync(i => i.Id == importId, cancellationToken);
        if (import is null)
        {
            return ImportActionOutcome.NoSuchImport(importId);
        }
        if (import.Status != ImportStatus.Committed)
        {
            return ImportActionOutcome.Refused("Only a committed import can be undone.");
        }
        if (await LaterImportsAsync(importId, cancellationToken) is { } later)
        {
            return ImportActionOutcome.Refused(later);
        }
        var strategy = db.Database.CreateExecutionStrategy();
        long version = 0;
        await strategy.ExecuteAsync(async () =>
        {
            using var longWrite = longWrites.Enter(); // until the transaction has ended (declared before it, so disposed after)
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await store.UndoAsync(importId, cancellationToken);
            var added = await db.Indicators.Where(i => i.CreatedByImportId == importId && !db.IndicatorValues.Any(v => v.IndicatorId == i.Id)).ToListAsync(cancellationToken);
            db.Indicators.RemoveRange(added);
            import.Status = ImportStatus.Undone;
            import.UndoneUtc = clock.GetUtcNow().UtcDateTime;
            import.UndoneBy = user;
            await db.SaveChangesAsync(cancellationToken);
            // In the undo's transaction, as a commit's entry is in the commit's.
            await audit.WriteAsync(AuditActions.ImportUndone, $"#{import.Id} {import.FileName}", actor: user, cancellationToken: cancellationToken);
            // Undone, the import's indicators hold what they held before it: the ones its commit touched change again.
            var touched = await db.DataChanges.AsNoTracking()
                .Where(c => c.ImportId == importId && c.Kind == DataChangeKinds.ImportCommitted)
                .Select(c => c.IndicatorIds).FirstOrDefaultAsync(cancellationToken);
            version = await DataVersion.RecordAsync(db, DataChangeKinds.ImportUndone, DataChangeIds.Parse(touched), importId, import.UndoneUtc.Value, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        });
        versions.Committed(version, user);
        return ImportActionOutcome.Done("Undone: the values are as they were before this import.");
    }

    /// <summary>Which committed imports replaced some of this one's values since, in words (they have to be undone first); null when none did.</summary>
    public async Task<string?> LaterImportsAsync(int importId, CancellationToken cancellationToken)
    {
        var later = await db.ReplacedValues.Where(r => r.ImportId == importId)
            .Join(db.Imports.Where(i => i.Status == ImportStatus.Committed), r => r.ReplacedByImportId, i => i.Id, (_, i) => i.Id)
            .Distinct().OrderBy(id => id).ToListAsync(cancellationToken);
        return later.Count switch
        {
            0 => null,
            1 => $"Later import #{later[0]} replaced some of these values; undo it first.",
            _ => $"Later imports {string.Join(", ", later.Select(id => $"#{id}"))} replaced some of these values; undo them first.",
        };
    }
}
