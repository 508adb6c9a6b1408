using MhEmployment.Web.Domain;

namespace MhEmployment.Web.Features.Refresh;

/// <summary>An indicator's source in a few words, for lists.</summary>
public static class RefreshSources
{
    public static string Describe(Indicator indicator)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        return indicator.RefreshSource switch
        {
            IndicatorSourceKind.Fingertips => $"Fingertips indicator {indicator.FingertipsId}",
            IndicatorSourceKind.Nomis => $"NOMIS dataset {indicator.NomisDataset}",
            _ => "None: values come from uploaded files",
        };
    }
}
