using MhEmployment.Web.Data;
using MhEmployment.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace MhEmployment.Web.Features.Assets;

/// <summary>
/// Lets people name areas as they know them: a GSS code as it is, or the exact name of one current local authority,
/// region, ICB or sub-ICB location. Anything else is left as typed, for the rules to report.
/// </summary>
public sealed class AreaResolver(AppDbContext db)
{
    public async Task<List<string>> ResolveAsync(IEnumerable<string> entries, CancellationToken cancellationToken = default)
    {
        var tokens = entries.Select(e => e.Trim()).Where(e => e.Length > 0).ToList();
        var names = tokens.Where(t => !AreaCodes.LooksLikeGssCode(t.ToUpperInvariant())).Select(t => t.ToUpperInvariant()).ToList();
        var kinds = AssetRules.ServedKinds.ToList();
        var matches = names.Count == 0
            ? []
#pragma warning disable CA1304, CA1311, CA1862 // Translated to SQL upper(), not run in .NET.
            : await db.Areas.AsNoTracking()
                .Where(a => a.ValidTo == null && kinds.Contains(a.Kind) && names.Contains(a.Name.ToUpper()))
                .Select(a => new { a.Code, a.Name })
                .ToListAsync(cancellationToken);
#pragma warning restore CA1304, CA1311, CA1862
        var byName = matches.GroupBy(m => m.Name.ToUpperInvariant()).Where(g => g.Count() == 1).ToDictionary(g => g.Key, g => g.Single().Code, StringComparer.Ordinal);
        return [.. tokens.Select(t => AreaCodes.LooksLikeGssCode(t.ToUpperInvariant()) ? t.ToUpperInvariant() : byName.GetValueOrDefault(t.ToUpperInvariant(), t))];
    }

    /// <summary>Splits what was typed into one entry per area: commas, semicolons or new lines separate them.</summary>
    public static IEnumerable<string> Split(string? text) =>
        (text ?? "").Split([',', ';', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
