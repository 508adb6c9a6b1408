using System.Globalization;
using System.Text;
using MhEmployment.Web.Data;
using MhEmployment.Web.Domain;
using MhEmployment.Web.Features.Audit;
using MhEmployment.Web.Features.DataVersions;
using Microsoft.EntityFrameworkCore;

namespace MhEmployment.Web.Features.Assets;

/// <summary>
/// Admins keep the checklist: add, rename, reorder and retire items. Items are never deleted: a retired item keeps the
/// assets, ratings and analyses that refer to it, and can be reinstated.
/// </summary>
public sealed class ChecklistAdministration(AppDbContext db, AuditLog audit, DataVersion versions, TimeProvider clock)
{
    public const int TextLength = 1000;

    public static string? CheckText(string? text) =>
        string.IsNullOrWhiteSpace(text) ? "Enter the item's wording"
        : text.Trim().Length > TextLength ? $"The wording is {text.Trim().Length:N0} characters long; the limit is {TextLength:N0}"
        : null;

    public async Task<AssetChecklistItem?> AddAsync(int domainNumber, string text, CancellationToken cancellationToken = default)
    {
        var domain = await db.AssetDomains.Include(d => d.Items).FirstOrDefaultAsync(d => d.Number == domainNumber, cancellationToken);
        if (domain is null)
        {
            return null;
        }
        var keys = await db.AssetChecklistItems.Select(i => i.Key).ToHashSetAsync(StringComparer.Ordinal, cancellationToken);
        var item = new AssetChecklistItem
        {
            DomainId = domain.Id,
            Number = domain.Items.Count == 0 ? 1 : domain.Items.Max(i => i.Number) + 1,
            Key = UniqueKey(text, keys),
            Text = text.Trim(),
        };
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.AssetChecklistItems.Add(item);
        await db.SaveChangesAsync(cancellationToken);
        await audit.WriteAsync(AuditActions.ChecklistChanged, $"item {item.Key}", $"Added {domain.Number}.{item.Number}: {item.Text}", cancellationToken: cancellationToken);
        await CommitAsync(transaction, cancellationToken);
        return item;
    }

    public async Task<bool> RenameAsync(int id, string text, CancellationToken cancellationToken = default)
    {
        var item = await db.AssetChecklistItems.FirstOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (item is null)
        {
            return false;
        }
        var before = item.Text;
        item.Text = text.Trim();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await audit.WriteAsync(AuditActions.ChecklistChanged, $"item {item.Key}", $"Renamed from '{before}' to '{item.Text}'", cancellationToken: cancellationToken);
        await CommitAsync(transaction, cancellationToken);
        return true;
    }

    /// <summary>Swaps the item with its neighbour in the domain (up: the one before it).</summary>
    public async Task<bool> MoveAsync(int id, bool up, CancellationToken cancellationToken = default)
    {
        var item = await db.AssetChecklistItems.FirstOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (item is null)
        {
            return false;
        }
        var neighbour = up
            ? await db.AssetChecklistItems.Where(i => i.DomainId == item.DomainId && i.Number < item.Number).OrderByDescending(i => i.Number).FirstOrDefaultAsync(cancellationToken)
            : await db.AssetChecklistItems.Where(i => i.DomainId == item.DomainId && i.Number > item.Number).OrderBy(i => i.Number).FirstOrDefaultAsync(cancellationToken);
        if (neighbour is null)
        {
            return true;
        }
        // Positions are unique within a domain: park one item outside the range while the two swap.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var (mine, theirs) = (item.Number, neighbour.Number);
        item.Number = -item.Number;
        await db.SaveChangesAsync(cancellationToken);
        neighbour.Number = mine;
        await db.SaveChangesAsync(cancellationToken);
        item.Number = theirs;
        await db.SaveChangesAsync(cancellationToken);
        await audit.WriteAsync(AuditActions.ChecklistChanged, $"item {item.Key}", $"Moved {(up ? "up" : "down")} to position {theirs}", cancellationToken: cancellationToken);
        await CommitAsync(transaction, cancellationToken);
        return true;
    }

    public async Task<bool> SetRetiredAsync(int id, bool retired, CancellationToken cancellationToken = default)
    {
        var item = await db.AssetChecklistItems.FirstOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (item is null)
        {
            return false;
        }
        item.RetiredUtc = retired ? clock.GetUtcNow().UtcDateTime : null;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await audit.WriteAsync(AuditActions.ChecklistChanged, $"item {item.Key}", retired ? "Retired" : "Reinstated", cancellationToken: cancellationToken);
        await CommitAsync(transaction, cancellationToken);
        return true;
    }

    /// <summary>Coverage and the comparison of needs and assets walk the checklist: each change of it is a new data version.</summary>
    private Task CommitAsync(Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction transaction, CancellationToken cancellationToken) =>
        versions.CommitChangeAsync(db, transaction, DataChangeKinds.Assets, audit.CurrentActor, clock.GetUtcNow().UtcDateTime, cancellationToken);

    /// <summary>A readable, stable key from the wording: lower-case words joined by hyphens, made unique.</summary>
    public static string UniqueKey(string text, IReadOnlySet<string> taken)
    {
        var slug = new StringBuilder();
        foreach (var c in text.Trim().ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                slug.Append(c);
            }
            else if (slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
            if (slug.Length >= 60)
            {
                break;
            }
        }
        var key = slug.ToString().Trim('-');
        key = key.Length == 0 ? "item" : key;
        var candidate = key;
        for (var n = 2; taken.Contains(candidate); n++)
        {
            candidate = key + "-" + n.ToString(CultureInfo.InvariantCulture);
        }
        return candidate;
    }
}
