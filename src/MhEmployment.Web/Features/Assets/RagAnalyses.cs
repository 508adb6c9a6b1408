using MhEmployment.Web.Data;
using MhEmployment.Web.Domain;
using MhEmployment.Web.Features.Audit;
using MhEmployment.Web.Features.DataVersions;
using Microsoft.EntityFrameworkCore;

namespace MhEmployment.Web.Features.Assets;

/// <summary>An item's rating as entered on the analysis form: "1", "2", "3" or "none", and the reason.</summary>
public sealed record RagEntry(int ItemId, string? Rating, string? Rationale);

/// <summary>One analysis, read back: each item's rating and rationale, and how it compares with the analysis before it.</summary>
public sealed record RagAnalysisView(RagAnalysisSummary Summary, IReadOnlyDictionary<int, RagAnalysisRating> Ratings, RagAnalysisSummary? Previous,
    IReadOnlyDictionary<int, RagAnalysisRating> PreviousRatings);

/// <summary>
/// The borough's desk-top RAG analyses: every active checklist item rated 1, 2, 3 or "no provision", each with a
/// rationale, saved together or not at all. Earlier analyses are kept and read back by date.
/// </summary>
public sealed class RagAnalyses(AppDbContext db, AuditLog audit, DataVersion versions, TimeProvider clock)
{
    public const int RationaleLength = 4000;

    /// <summary>Checks every entry; the errors are keyed by item id.</summary>
    public static Dictionary<int, string> Validate(IReadOnlyList<ItemRef> activeItems, IReadOnlyList<RagEntry> entries)
    {
        var errors = new Dictionary<int, string>();
        var byItem = entries.GroupBy(e => e.ItemId).ToDictionary(g => g.Key, g => g.First());
        foreach (var item in activeItems)
        {
            var label = $"{item.DomainNumber}.{item.Number}";
            var entry = byItem.GetValueOrDefault(item.Id);
            if (entry is null || string.IsNullOrWhiteSpace(entry.Rating))
            {
                errors[item.Id] = $"Rate item {label}: 1, 2, 3 or no provision";
            }
            else if (!Ratings.TryParseRag(entry.Rating, out _))
            {
                errors[item.Id] = $"Item {label}: '{entry.Rating}' is not a rating; use 1, 2, 3 or no provision";
            }
            else if (string.IsNullOrWhiteSpace(entry.Rationale))
            {
                errors[item.Id] = $"Give the reason for item {label}'s rating";
            }
            else if (entry.Rationale.Trim().Length > RationaleLength)
            {
                errors[item.Id] = $"Item {label}: the reason is longer than {RationaleLength:N0} characters";
            }
        }
        return errors;
    }

    public async Task<(int? Id, Dictionary<int, string> Errors)> SaveAsync(
        string areaCode, DateOnly date, IReadOnlyList<ItemRef> activeItems, IReadOnlyList<RagEntry> entries, string actor, CancellationToken cancellationToken = default)
    {
        var errors = Validate(activeItems, entries);
        if (errors.Count > 0)
        {
            return (null, errors);
        }
        var byItem = entries.GroupBy(e => e.ItemId).ToDictionary(g => g.Key, g => g.First());
        var analysis = new RagAnalysis { AreaCode = areaCode, AnalysisDate = date, CreatedUtc = clock.GetUtcNow().UtcDateTime, CreatedBy = actor };
        foreach (var item in activeItems)
        {
            var entry = byItem[item.Id];
            if (!Ratings.TryParseRag(entry.Rating, out var rating))
            {
                throw new InvalidOperationException("Validated ratings always parse.");
            }
            analysis.Ratings.Add(new RagAnalysisRating { ItemId = item.Id, Rating = rating, Rationale = entry.Rationale!.Trim() });
        }
        // The comparison of needs and assets counts the latest analysis: a new one is a new data version.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.RagAnalyses.Add(analysis);
        await db.SaveChangesAsync(cancellationToken);
        var counts = string.Join(", ", analysis.Ratings.GroupBy(r => Ratings.RagCode(r.Rating)).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key}: {g.Count()}"));
        await audit.WriteAsync(AuditActions.RagAnalysisSaved, $"area {areaCode}", $"Analysis of {date:yyyy-MM-dd} ({counts})", cancellationToken: cancellationToken);
        await versions.CommitChangeAsync(db, transaction, DataChangeKinds.Assets, actor, analysis.CreatedUtc, cancellationToken);
        return (analysis.Id, errors);
    }

    public Task<List<RagAnalysisSummary>> ListAsync(string areaCode, CancellationToken cancellationToken = default) =>
        db.RagAnalyses.AsNoTracking().Where(a => a.AreaCode == areaCode)
            .OrderByDescending(a => a.AnalysisDate).ThenByDescending(a => a.Id)
            .Select(a => new RagAnalysisSummary(a.Id, a.AnalysisDate, a.CreatedBy, a.CreatedUtc))
            .ToListAsync(cancellationToken);

    /// <summary>One analysis of the area, and the one before it to compare with; null for an unknown id.</summary>
    public async Task<RagAnalysisView?> ReadAsync(string areaCode, int id, CancellationToken cancellationToken = default)
    {
        var all = await ListAsync(areaCode, cancellationToken);
        var index = all.FindIndex(a => a.Id == id);
        if (index < 0)
        {
            return null;
        }
        var previous = index + 1 < all.Count ? all[index + 1] : null;
        return new RagAnalysisView(all[index], await RatingsAsync(id, cancellationToken), previous,
            previous is null ? new Dictionary<int, RagAnalysisRating>() : await RatingsAsync(previous.Id, cancellationToken));
    }

    private Task<Dictionary<int, RagAnalysisRating>> RatingsAsync(int analysisId, CancellationToken cancellationToken) =>
        db.RagAnalysisRatings.AsNoTracking().Where(r => r.AnalysisId == analysisId).ToDictionaryAsync(r => r.ItemId, cancellationToken);
}
