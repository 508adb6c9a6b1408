using MhEmployment.Web.Features.Assets;

namespace MhEmployment.Web.Features.NeedsAssets;

/// <summary>
/// How much of a domain's checklist an area has provision for, weighted by adequacy: an item the latest RAG analysis
/// rated counts by that rating, others by their assets' best rating. 1 counts whole, 2 half, 3 and no provision
/// nothing; assets not yet rated count half (there is provision, its adequacy is not known) and are reported, so the
/// share never claims more certainty than the ratings give.
/// </summary>
public sealed record DomainCoverageScore(int DomainNumber, double Share, int Items, int Gaps, int NotRated, bool FromAnalysis)
{
    public static DomainCoverageScore Of(DomainCoverage domain)
    {
        ArgumentNullException.ThrowIfNull(domain);
        var items = domain.Items.Where(i => !i.Item.IsRetired).ToList();
        if (items.Count == 0)
        {
            return new DomainCoverageScore(domain.Number, 0, 0, 0, 0, false);
        }
        var total = 0.0;
        int gaps = 0, notRated = 0;
        foreach (var item in items)
        {
            var score = ItemScore(item);
            total += score;
            if (score == 0)
            {
                gaps++;
            }
            if (!item.HasAnalysisRating && item.Status == CoverageStatus.NotRated)
            {
                notRated++;
            }
        }
        return new DomainCoverageScore(domain.Number, total / items.Count, items.Count, gaps, notRated, items.Any(i => i.HasAnalysisRating));
    }

    /// <summary>An item's part of the share: the analysis's rating first, then the register's.</summary>
    public static double ItemScore(ItemCoverage item)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (item.HasAnalysisRating)
        {
            return Weight(item.AnalysisRating);
        }
        return item.Status switch
        {
            CoverageStatus.Covered => 1,
            CoverageStatus.PartlyCovered or CoverageStatus.NotRated => 0.5,
            _ => 0,
        };
    }

    private static double Weight(int? rating) => rating switch
    {
        1 => 1,
        2 => 0.5,
        _ => 0,
    };
}
