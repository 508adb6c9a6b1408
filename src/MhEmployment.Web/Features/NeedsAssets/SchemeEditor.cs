using System.Globalization;
using MhEmployment.Web.Data;
using MhEmployment.Web.Domain;
using MhEmployment.Web.Features.Audit;
using MhEmployment.Web.Features.DataVersions;
using MhEmployment.Web.Features.Indicators;
using Microsoft.EntityFrameworkCore;

namespace MhEmployment.Web.Features.NeedsAssets;

public sealed record SchemeResult(EvidenceEditStatus Status, WeightingScheme? Scheme = null, IReadOnlyList<FieldProblem>? Problems = null)
{
    public IReadOnlyList<FieldProblem> Problems { get; init; } = Problems ?? [];
}

/// <summary>
/// Creates, edits and deletes weighting schemes, checked by <see cref="SchemeRules"/>. Each save is one transaction with
/// its audit entry and a new data version, so the comparison shows it at once. The Default scheme is never deleted.
/// </summary>
public sealed class SchemeEditor(AppDbContext db, AuditLog audit, DataVersion versions, TimeProvider clock)
{
    private const int AuditDetailsLength = 2000;

    public Task<List<WeightingScheme>> ListAsync(CancellationToken cancellationToken = default) =>
        db.WeightingSchemes.AsNoTracking().Include(s => s.Weights)
            .OrderBy(s => s.Name != WeightingScheme.DefaultName).ThenBy(s => s.Name).ToListAsync(cancellationToken);

    public Task<WeightingScheme?> FindAsync(int id, CancellationToken cancellationToken = default) =>
        db.WeightingSchemes.AsNoTracking().Include(s => s.Weights).FirstOrDefaultAsync(s => s.Id == id, cancellationToken);

    /// <summary>Every domain's linked indicators, in the domains' order: the weights a scheme gives.</summary>
    public async Task<IReadOnlyList<WeightSlot>> SlotsAsync(CancellationToken cancellationToken = default)
    {
        var links = await db.EvidenceLinks.AsNoTracking()
            .Select(l => new { l.DomainId, l.Domain!.Number, DomainName = l.Domain.Name, l.IndicatorId, l.Indicator!.Key, l.Indicator.Name, l.Indicator.Theme })
            .ToListAsync(cancellationToken);
        return [.. links.OrderBy(l => l.Number).ThenBy(l => l.Theme).ThenBy(l => l.Name, StringComparer.OrdinalIgnoreCase)
            .Select(l => new WeightSlot(l.DomainId, l.Number, l.DomainName, l.IndicatorId, l.Key, l.Name))];
    }

    /// <summary>The version a form was filled from: it changes with every save of the scheme.</summary>
    public static string Version(WeightingScheme scheme)
    {
        ArgumentNullException.ThrowIfNull(scheme);
        return scheme.UpdatedUtc.Ticks.ToString(CultureInfo.InvariantCulture);
    }

    public async Task<SchemeResult> CreateAsync(SchemeInput input, string actor, CancellationToken cancellationToken = default)
    {
        var slots = await SlotsAsync(cancellationToken);
        var names = await db.WeightingSchemes.AsNoTracking().Select(s => s.Name).ToListAsync(cancellationToken);
        var (values, problems) = SchemeRules.Check(input, slots, names, storedName: null);
        if (values is null)
        {
            return new SchemeResult(EvidenceEditStatus.Invalid, Problems: problems);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var scheme = new WeightingScheme { Name = values.Name, UpdatedBy = actor, UpdatedUtc = now };
        Apply(scheme, values);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.WeightingSchemes.Add(scheme);
        if (!await SaveNamedAsync(scheme.Name, cancellationToken))
        {
            return new SchemeResult(EvidenceEditStatus.Invalid, Problems: [TakenName(scheme.Name)]);
        }
        await audit.WriteAsync(AuditActions.SchemeCreated, $"scheme {scheme.Id}", Truncate(Describe(values, slots)), cancellationToken: cancellationToken);
        await versions.CommitChangeAsync(db, transaction, DataChangeKinds.NeedsEvidence, actor, now, cancellationToken);
        return new SchemeResult(EvidenceEditStatus.Saved, scheme);
    }

    /// <summary>Saves <paramref name="input"/> over the scheme, if it is still as it was at <paramref name="readVersion"/>.</summary>
    public async Task<SchemeResult> UpdateAsync(int id, SchemeInput input, string? readVersion, string actor, CancellationToken cancellationToken = default)
    {
        var scheme = await db.WeightingSchemes.Include(s => s.Weights).FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (scheme is null)
        {
            return new SchemeResult(EvidenceEditStatus.NotFound);
        }
        var slots = await SlotsAsync(cancellationToken);
        var names = await db.WeightingSchemes.AsNoTracking().Where(s => s.Id != id).Select(s => s.Name).ToListAsync(cancellationToken);
        var (values, problems) = SchemeRules.Check(input, slots, names, scheme.Name);
        if (values is null)
        {
            return new SchemeResult(EvidenceEditStatus.Invalid, scheme, problems);
        }
        if (readVersion != Version(scheme))
        {
            return new SchemeResult(EvidenceEditStatus.Conflict, scheme);
        }
        var changes = SchemeRules.Changes(SchemeValues.Of(scheme), values, slots);
        if (changes.Count == 0)
        {
            return new SchemeResult(EvidenceEditStatus.Unchanged, scheme);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Saved only while the scheme is as it was read: a save that lands in between makes this match nothing.
        var readAt = scheme.UpdatedUtc;
        if (await db.WeightingSchemes.Where(s => s.Id == id && s.UpdatedUtc == readAt).ExecuteUpdateAsync(set => set.SetProperty(s => s.UpdatedUtc, now), cancellationToken) == 0)
        {
            await transaction.RollbackAsync(cancellationToken);
            return new SchemeResult(EvidenceEditStatus.Conflict, scheme);
        }
        Apply(scheme, values);
        scheme.UpdatedUtc = now;
        scheme.UpdatedBy = actor;
        if (!await SaveNamedAsync(scheme.Name, cancellationToken))
        {
            return new SchemeResult(EvidenceEditStatus.Invalid, scheme, [TakenName(scheme.Name)]);
        }
        await audit.WriteAsync(AuditActions.SchemeEdited, $"scheme {id}", Truncate(string.Join("; ", changes)), cancellationToken: cancellationToken);
        await versions.CommitChangeAsync(db, transaction, DataChangeKinds.NeedsEvidence, actor, now, cancellationToken);
        return new SchemeResult(EvidenceEditStatus.Saved, scheme);
    }

    public async Task<SchemeResult> DeleteAsync(int id, string actor, CancellationToken cancellationToken = default)
    {
        var scheme = await db.WeightingSchemes.FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (scheme is null)
        {
            return new SchemeResult(EvidenceEditStatus.NotFound);
        }
        if (scheme.Name == WeightingScheme.DefaultName)
        {
            return new SchemeResult(EvidenceEditStatus.Refused, scheme,
                [new FieldProblem("", $"The {WeightingScheme.DefaultName} scheme cannot be deleted: the comparison uses it when no scheme is chosen. You can change its weights and rules instead.")]);
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.WeightingSchemes.Remove(scheme);
        await db.SaveChangesAsync(cancellationToken);
        await audit.WriteAsync(AuditActions.SchemeDeleted, $"scheme {id}", scheme.Name, cancellationToken: cancellationToken);
        await versions.CommitChangeAsync(db, transaction, DataChangeKinds.NeedsEvidence, actor, clock.GetUtcNow().UtcDateTime, cancellationToken);
        return new SchemeResult(EvidenceEditStatus.Saved, scheme);
    }

    /// <summary>
    /// Saves, or rolls the transaction back and says false when another scheme took the name since it was checked
    /// (the unique index refuses it).
    /// </summary>
    private async Task<bool> SaveNamedAsync(string name, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException error)
        {
            // PostgreSQL refuses every statement in a failed transaction: look after rolling it back.
            await db.Database.RollbackTransactionAsync(CancellationToken.None);
            db.ChangeTracker.Clear();
            if (!await db.WeightingSchemes.AsNoTracking().AnyAsync(s => s.Name == name, cancellationToken))
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(error);
            }
            return false;
        }
    }

    private static FieldProblem TakenName(string name) =>
        new(nameof(SchemeInput.Name), $"There is already a scheme called '{name}': choose another name");

    private static void Apply(WeightingScheme scheme, SchemeValues values)
    {
        scheme.Name = values.Name;
        scheme.Description = values.Description;
        scheme.LevelRule = values.LevelRule;
        scheme.HighFrom = values.HighFrom;
        scheme.LowTo = values.LowTo;
        scheme.MinimumShare = values.MinimumShare;
        // Kept rows are updated in place: a row removed and added again under the same key would clash in the change tracker.
        var wanted = values.Weights.ToDictionary(w => (w.DomainId, w.IndicatorId), w => w.Weight);
        scheme.Weights.RemoveAll(w => !wanted.ContainsKey((w.DomainId, w.IndicatorId)));
        foreach (var weight in scheme.Weights)
        {
            weight.Weight = wanted[(weight.DomainId, weight.IndicatorId)];
        }
        scheme.Weights.AddRange(values.Weights.Where(w => scheme.Weights.All(s => (s.DomainId, s.IndicatorId) != (w.DomainId, w.IndicatorId)))
            .Select(w => new SchemeWeight { SchemeId = scheme.Id, DomainId = w.DomainId, IndicatorId = w.IndicatorId, Weight = w.Weight }));
    }

    /// <summary>A new scheme in words for its audit entry: its rule, share and the weights other than 1.</summary>
    private static string Describe(SchemeValues values, IReadOnlyList<WeightSlot> slots)
    {
        var keys = slots.ToDictionary(s => s.Key, s => $"{s.IndicatorKey} in domain {s.DomainNumber}");
        var rule = values.LevelRule == NeedLevelRule.Thresholds
            ? $"thresholds (high from {SchemeRules.Number(values.HighFrom)}, low to {SchemeRules.Number(values.LowTo)})"
            : "terciles";
        var weights = values.Weights.Count == 0
            ? "every weight 1"
            : "weights " + string.Join(", ", values.Weights.Select(w => $"{keys.GetValueOrDefault(SchemeRules.WeightKey(w.DomainId, w.IndicatorId))} {SchemeRules.Number(w.Weight)}"));
        return $"{values.Name}: levels by {rule}; minimum share {SchemeRules.Number(values.MinimumShare)}; {weights}";
    }

    private static string Truncate(string text) => text.Length <= AuditDetailsLength ? text : string.Concat(text.AsSpan(0, AuditDetailsLength - 1), "…");
}
