using MhEmployment.Web.Domain;
using MhEmployment.Web.Features.Assets;

namespace MhEmployment.Web.Features.NeedsAssets;

/// <summary>
/// A priority proposed from a cell of the comparison, for an Officer to edit and save: the kind of action the item's
/// coverage calls for, the indicators that make the case, and the assets already there.
/// </summary>
public sealed record PriorityProposal(PriorityAction? Action, IReadOnlyList<string> IndicatorKeys, IReadOnlyList<int> AssetIds)
{
    public static PriorityProposal From(DomainNeed? need, ItemCoverage? item) =>
        new(item is null ? null : ActionFor(item), need is null ? [] : IndicatorsFor(need), item is null ? [] : [.. item.Assets.Select(a => a.Asset.Id).Distinct()]);

    /// <summary>
    /// The guidance's next step for the item's rating (the latest RAG analysis's, else its assets' best): 1 protect and
    /// promote, 2 scale up or target, 3 or no provision a new priority action; none while its assets are not yet rated.
    /// </summary>
    public static PriorityAction? ActionFor(ItemCoverage item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var rating = item.HasAnalysisRating ? item.AnalysisRating : item.Status switch
        {
            CoverageStatus.NotRated => 0,
            CoverageStatus.Gap => null,
            _ => item.BestRating,
        };
        return rating switch
        {
            0 => null,
            1 => PriorityAction.ProtectAndPromote,
            2 => PriorityAction.ScaleUpOrTarget,
            _ => PriorityAction.NewPriorityAction,
        };
    }

    /// <summary>The domain's "red-red" indicators for the area (worse and getting worse), or else every scored one.</summary>
    public static IReadOnlyList<string> IndicatorsFor(DomainNeed need)
    {
        ArgumentNullException.ThrowIfNull(need);
        var redRed = need.RedRedIndicators.ToList();
        return [.. (redRed.Count > 0 ? redRed : need.Indicators.Where(i => i.Scored)).Select(i => i.Indicator.Key)];
    }
}
