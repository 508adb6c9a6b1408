using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using MhEmployment.Web.Data;
using MhEmployment.Web.Domain;
using MhEmployment.Web.Features.Audit;
using MhEmployment.Web.Features.DataVersions;
using Microsoft.EntityFrameworkCore;

namespace MhEmployment.Web.Features.NeedsAssets;

/// <summary>A checklist domain with the indicators linked to it, and the version of those links a form was filled from.</summary>
public sealed record DomainLinks(AssetDomain Domain, IReadOnlyList<Indicator> Linked, string Version);

public sealed record LinksResult(EvidenceEditStatus Status, IReadOnlyList<Indicator>? Added = null, IReadOnlyList<Indicator>? Removed = null, string? Problem = null);

/// <summary>
/// Reads and changes which indicators evidence need for each checklist domain. A change is refused when someone else
/// changed the domain's links since the form was read; it drops the schemes' weights for the indicators it unlinks,
/// is audited, and is a new data version so that the comparison shows it at once.
/// </summary>
public sealed class EvidenceLinkEditor(AppDbContext db, AuditLog audit, DataVersion versions, TimeProvider clock)
{
    /// <summary>Every domain in order with its linked indicators (by name).</summary>
    public async Task<IReadOnlyList<DomainLinks>> AllAsync(CancellationToken cancellationToken = default)
    {
        var domains = await db.AssetDomains.AsNoTracking().OrderBy(d => d.Number).ToListAsync(cancellationToken);
        var links = (await db.EvidenceLinks.AsNoTracking().Include(l => l.Indicator).ToListAsync(cancellationToken)).ToLookup(l => l.DomainId, l => l.Indicator!);
        return [.. domains.Select(d => Of(d, links[d.Id]))];
    }

    public async Task<DomainLinks?> FindAsync(int domainNumber, CancellationToken cancellationToken = default)
    {
        var domain = await db.AssetDomains.AsNoTracking().FirstOrDefaultAsync(d => d.Number == domainNumber, cancellationToken);
        if (domain is null)
        {
            return null;
        }
        var linked = await db.EvidenceLinks.AsNoTracking().Where(l => l.DomainId == domain.Id).Select(l => l.Indicator!).ToListAsync(cancellationToken);
        return Of(domain, linked);
    }

    /// <summary>The catalogue's indicators, by theme and name: those a domain can be linked to.</summary>
    public Task<List<Indicator>> CatalogueAsync(CancellationToken cancellationToken = default) =>
        db.Indicators.AsNoTracking().OrderBy(i => i.Theme).ThenBy(i => i.Name).ToListAsync(cancellationToken);

    /// <summary>Links exactly <paramref name="indicatorIds"/> to the domain, if its links are still those of <paramref name="readVersion"/>.</summary>
    public async Task<LinksResult> SaveAsync(int domainNumber, IReadOnlyCollection<int> indicatorIds, string? readVersion, string actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(indicatorIds);
        var current = await FindAsync(domainNumber, cancellationToken);
        if (current is null)
        {
            return new LinksResult(EvidenceEditStatus.NotFound);
        }
        var chosen = await db.Indicators.AsNoTracking().Where(i => indicatorIds.Contains(i.Id)).ToListAsync(cancellationToken);
        if (indicatorIds.Except(chosen.Select(i => i.Id)).ToList() is { Count: > 0 } unknown)
        {
            return new LinksResult(EvidenceEditStatus.Invalid,
                Problem: $"Indicator{(unknown.Count == 1 ? "" : "s")} {string.Join(", ", unknown.Order())} {(unknown.Count == 1 ? "is" : "are")} not in the catalogue (deleted since the form was opened?): choose from the list again");
        }
        if (readVersion != current.Version)
        {
            return new LinksResult(EvidenceEditStatus.Conflict);
        }
        var added = chosen.Where(i => current.Linked.All(l => l.Id != i.Id)).OrderBy(i => i.Key, StringComparer.Ordinal).ToList();
        var removed = current.Linked.Where(l => chosen.All(i => i.Id != l.Id)).OrderBy(i => i.Key, StringComparer.Ordinal).ToList();
        if (added.Count == 0 && removed.Count == 0)
        {
            return new LinksResult(EvidenceEditStatus.Unchanged);
        }

        var domainId = current.Domain.Id;
        var removedIds = removed.Select(i => i.Id).ToList();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.EvidenceLinks.AddRange(added.Select(i => new EvidenceLink { DomainId = domainId, IndicatorId = i.Id }));
        await db.SaveChangesAsync(cancellationToken);
        await db.EvidenceLinks.Where(l => l.DomainId == domainId && removedIds.Contains(l.IndicatorId)).ExecuteDeleteAsync(cancellationToken);
        // A weight belongs to a link: one left behind would come back unseen if the indicator were linked again.
        await db.SchemeWeights.Where(w => w.DomainId == domainId && removedIds.Contains(w.IndicatorId)).ExecuteDeleteAsync(cancellationToken);
        await audit.WriteAsync(AuditActions.EvidenceLinksChanged, $"domain {domainNumber}", Describe(added, removed), cancellationToken: cancellationToken);
        await versions.CommitChangeAsync(db, transaction, DataChangeKinds.NeedsEvidence, actor, clock.GetUtcNow().UtcDateTime, cancellationToken);
        return new LinksResult(EvidenceEditStatus.Saved, added, removed);
    }

    /// <summary>"Linked: a, b; unlinked: c" with the indicators' keys.</summary>
    public static string Describe(IReadOnlyList<Indicator> added, IReadOnlyList<Indicator> removed)
    {
        ArgumentNullException.ThrowIfNull(added);
        ArgumentNullException.ThrowIfNull(removed);
        var parts = new List<string>();
        if (added.Count > 0)
        {
            parts.Add("Linked: " + string.Join(", ", added.Select(i => i.Key)));
        }
        if (removed.Count > 0)
        {
            parts.Add("unlinked: " + string.Join(", ", removed.Select(i => i.Key)));
        }
        var text = string.Join("; ", parts);
        return text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
    }

    private static DomainLinks Of(AssetDomain domain, IEnumerable<Indicator> linked)
    {
        var sorted = linked.OrderBy(i => i.Theme).ThenBy(i => i.Name, StringComparer.OrdinalIgnoreCase).ToList();
        return new DomainLinks(domain, sorted, Version(sorted.Select(i => i.Id)));
    }

    /// <summary>A short fingerprint of the linked indicators' ids: it changes whenever the links do.</summary>
    private static string Version(IEnumerable<int> ids)
    {
        var text = string.Join(',', ids.Order().Select(id => id.ToString(CultureInfo.InvariantCulture)));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("links:" + text)))[..16];
    }
}
