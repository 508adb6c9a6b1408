namespace MhEmployment.Web.Features.Assets;

public enum AlertKind { FundingEnding, StaleRating, StaleAnalysis }

/// <summary>Something to act on: funding that ends soon, or a rating old enough to check again.</summary>
public sealed record AssetAlert(AlertKind Kind, int? AssetId, string AssetName, string Message);

/// <summary>The register's alerts: funding ending within six months; ratings (and analyses) older than twelve months.</summary>
public static class AssetAlerts
{
    public const int FundingMonths = 6;
    public const int StaleMonths = 12;

    public static DateOnly FundingHorizon(DateOnly today) => today.AddMonths(FundingMonths);

    public static bool FundingEndsSoon(DateOnly? end, DateOnly today) => end is { } e && e >= today && e <= FundingHorizon(today);

    public static bool IsStale(DateTime? ratedUtc, DateTime nowUtc) => ratedUtc is { } rated && rated < nowUtc.AddMonths(-StaleMonths);

    public static List<AssetAlert> For(IEnumerable<CoverageAsset> assets, DateTime nowUtc)
    {
        var today = DateOnly.FromDateTime(nowUtc);
        var alerts = new List<AssetAlert>();
        foreach (var asset in assets.OrderBy(a => a.FundingEnd ?? DateOnly.MaxValue).ThenBy(a => a.Name, StringComparer.OrdinalIgnoreCase))
        {
            if (FundingEndsSoon(asset.FundingEnd, today))
            {
                alerts.Add(new(AlertKind.FundingEnding, asset.Id, asset.Name,
                    $"Funding ends on {asset.FundingEnd:d MMMM yyyy}, within {FundingMonths} months"));
            }
        }
        foreach (var asset in assets.Where(a => IsStale(a.RatedUtc, nowUtc)).OrderBy(a => a.RatedUtc))
        {
            alerts.Add(new(AlertKind.StaleRating, asset.Id, asset.Name,
                $"Rated {asset.Rating} on {asset.RatedUtc:d MMMM yyyy}, more than {StaleMonths} months ago: check the rating again"));
        }
        return alerts;
    }
}
