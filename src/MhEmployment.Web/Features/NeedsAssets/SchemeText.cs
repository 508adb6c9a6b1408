using MhEmployment.Web.Domain;

namespace MhEmployment.Web.Features.NeedsAssets;

/// <summary>How the scheme pages describe a scheme.</summary>
public static class SchemeText
{
    public static string Rule(WeightingScheme scheme)
    {
        ArgumentNullException.ThrowIfNull(scheme);
        return scheme.LevelRule == NeedLevelRule.Thresholds
            ? $"By thresholds: high from {Signed(scheme.HighFrom)}, low up to {Signed(scheme.LowTo)}"
            : "By thirds of the areas compared";
    }

    public static string Weights(int changed) => changed switch
    {
        0 => "None: every linked indicator weighs 1",
        1 => "1 indicator",
        _ => $"{changed} indicators",
    };

    private static string Signed(double? value) => NeedsAssetsText.Score(value);
}
