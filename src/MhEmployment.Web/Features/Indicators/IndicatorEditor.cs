using System.Text;
using MhEmployment.Web.Data;
using MhEmployment.Web.Features.Audit;
using MhEmployment.Web.Features.DataVersions;
using Microsoft.EntityFrameworkCore;

namespace MhEmployment.Web.Features.Indicators;

public enum EditStatus { Saved, Unchanged, NotFound, Invalid, Conflict }

/// <summary>Who last changed an indicator, and when, from the audit log.</summary>
public sealed record LastChange(string Actor, DateTime OccurredUtc);

/// <summary>
/// What a save came to. <see cref="Current"/> is the indicator as stored afterwards (for a conflict: as someone else
/// left it), with its <see cref="IndicatorEdit.Version"/>.
/// </summary>
public sealed record EditResult(
    EditStatus Status, IndicatorEdit? Current = null, IReadOnlyList<FieldChange>? Changes = null,
    IReadOnlyList<FieldProblem>? Problems = null, LastChange? LastChange = null)
{
    public IReadOnlyList<FieldChange> Changes { get; init; } = Changes ?? [];
    public IReadOnlyList<FieldProblem> Problems { get; init; } = Problems ?? [];
}

/// <summary>
/// Saves an analyst's changes to an indicator: checked by <see cref="IndicatorRules"/>, refused when someone else
/// changed it since the analyst read it, audited field by field in the same transaction, and shown on the dashboards
/// at once.
/// </summary>
public sealed class IndicatorEditor(AppDbContext db, AuditLog audit, DataVersion versions, TimeProvider clock)
{
    /// <summary>Longest text of one value kept in the audit entry (whose details hold 2,000 characters in all).</summary>
    private const int AuditValueLength = 240;
    private const int AuditDetailsLength = 2000;

    /// <summary>
    /// Saves <paramref name="input"/> over the indicator <paramref name="key"/>. <paramref name="readVersion"/> is the
    /// <see cref="IndicatorEdit.Version"/> the person's copy was read at; null saves over whatever is stored.
    /// </summary>
    public async Task<EditResult> SaveAsync(string key, string? readVersion, IndicatorInput input, string? user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        var normalised = key.Trim().ToLowerInvariant();
        var stored = await db.Indicators.AsNoTracking().FirstOrDefaultAsync(i => i.Key == normalised, cancellationToken);
        if (stored is null)
        {
            return new EditResult(EditStatus.NotFound);
        }
        var current = IndicatorEdit.From(stored);
        var (edit, problems) = IndicatorRules.Check(input);
        if (edit is null)
        {
            return new EditResult(EditStatus.Invalid, current, Problems: problems);
        }
        if (readVersion is not null && readVersion != current.Version)
        {
            return await ConflictAsync(normalised, current, cancellationToken);
        }
        var changes = edit.ChangesFrom(current);
        if (changes.Count == 0)
        {
            return new EditResult(EditStatus.Unchanged, current);
        }
        if (edit.FingertipsId is { } fingertipsId && fingertipsId != current.FingertipsId
            && await db.Indicators.AsNoTracking().Where(i => i.FingertipsId == fingertipsId && i.Id != stored.Id)
                .Select(i => new { i.Key, i.Name }).FirstOrDefaultAsync(cancellationToken) is { } other)
        {
            // Uploaded Fingertips files are matched to the one indicator with their id: two would make that a guess.
            return new EditResult(EditStatus.Invalid, current, Problems:
            [
                new(nameof(IndicatorInput.FingertipsId),
                    $"Fingertips indicator {fingertipsId} already belongs to '{other.Name}' ({other.Key}): uploaded Fingertips files are matched to one indicator by this id"),
            ]);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Updated only while it still holds the values just read: a save that lands in between makes this match
        // nothing, and the person is shown the other's changes instead of overwriting them.
        var id = stored.Id;
        var was = current;
        var updated = await db.Indicators
            .Where(i => i.Id == id && i.Name == was.Name && i.Definition == was.Definition && i.Theme == was.Theme && i.Unit == was.Unit
                && i.ValueType == was.ValueType && i.Multiplier == was.Multiplier && i.Polarity == was.Polarity && i.Source == was.Source
                && i.Age == was.Age && i.Sex == was.Sex && i.PeriodType == was.PeriodType && i.IntervalMethod == was.IntervalMethod
                && i.ComparisonMethod == was.ComparisonMethod && i.NeedsReview == was.NeedsReview && i.RefreshSource == was.RefreshSource
                && i.FingertipsId == was.FingertipsId && i.FingertipsAreaTypes == was.FingertipsAreaTypes && i.NomisDataset == was.NomisDataset
                && i.NomisQuery == was.NomisQuery)
            .ExecuteUpdateAsync(set => set
                .SetProperty(i => i.Name, edit.Name)
                .SetProperty(i => i.Definition, edit.Definition)
                .SetProperty(i => i.Theme, edit.Theme)
                .SetProperty(i => i.Unit, edit.Unit)
                .SetProperty(i => i.ValueType, edit.ValueType)
                .SetProperty(i => i.Multiplier, edit.Multiplier)
                .SetProperty(i => i.Polarity, edit.Polarity)
                .SetProperty(i => i.Source, edit.Source)
                .SetProperty(i => i.Age, edit.Age)
                .SetProperty(i => i.Sex, edit.Sex)
                .SetProperty(i => i.PeriodType, edit.PeriodType)
                .SetProperty(i => i.IntervalMethod, edit.IntervalMethod)
                .SetProperty(i => i.ComparisonMethod, edit.ComparisonMethod)
                .SetProperty(i => i.NeedsReview, edit.NeedsReview)
                .SetProperty(i => i.RefreshSource, edit.RefreshSource)
                .SetProperty(i => i.FingertipsId, edit.FingertipsId)
                .SetProperty(i => i.FingertipsAreaTypes, edit.FingertipsAreaTypes)
                .SetProperty(i => i.NomisDataset, edit.NomisDataset)
                .SetProperty(i => i.NomisQuery, edit.NomisQuery), cancellationToken);
        if (updated == 0)
        {
            await transaction.RollbackAsync(cancellationToken);
            var now = await db.Indicators.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, cancellationToken);
            return now is null
                ? new EditResult(EditStatus.NotFound)
                : await ConflictAsync(normalised, IndicatorEdit.From(now), cancellationToken);
        }
        await audit.WriteAsync(AuditActions.IndicatorUpdated, stored.Key, Describe(changes), cancellationToken: cancellationToken);
        // Dashboards and their cached pages hold the catalogue too: the edit is a new data version for this indicator.
        var version = await DataVersion.RecordAsync(db, DataChangeKinds.IndicatorEdited, [id], null, clock.GetUtcNow().UtcDateTime, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        versions.Committed(version, user);
        return new EditResult(EditStatus.Saved, edit, changes);
    }

    /// <summary>The last audited change to an indicator, if any.</summary>
    public Task<LastChange?> LastChangeAsync(string key, CancellationToken cancellationToken = default) =>
        db.AuditEvents.AsNoTracking()
            .Where(e => e.Action == AuditActions.IndicatorUpdated && e.Target == key)
            .OrderByDescending(e => e.Id)
            .Select(e => new LastChange(e.Actor, e.OccurredUtc))
            .FirstOrDefaultAsync(cancellationToken);

    private async Task<EditResult> ConflictAsync(string key, IndicatorEdit current, CancellationToken cancellationToken) =>
        new(EditStatus.Conflict, current, LastChange: await LastChangeAsync(key, cancellationToken));

    /// <summary>Each change as Label: "before" → "after", separated by semicolons; long texts shortened so that the entry fits.</summary>
    public static string Describe(IReadOnlyList<FieldChange> changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var text = new StringBuilder();
        foreach (var change in changes)
        {
            if (text.Length > 0)
            {
                text.Append("; ");
            }
            text.Append(change.Label).Append(": ").Append(Quote(change.Before)).Append(" → ").Append(Quote(change.After));
        }
        return text.Length <= AuditDetailsLength ? text.ToString() : string.Concat(text.ToString(0, AuditDetailsLength - 1), "…");
    }

    private static string Quote(string value) =>
        $"\"{(value.Length <= AuditValueLength ? value : string.Concat(value.AsSpan(0, AuditValueLength - 1), "…"))}\"";
}
