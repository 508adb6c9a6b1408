namespace MhEmployment.Web.Features.Imports.Parsing;

/// <summary>
/// What kind of area an MHSDS BREAKDOWN's PRIMARY_LEVEL codes are, so the workflow can keep England, region, ICB,
/// sub-ICB and council rows against its geography and skip the kinds it does not hold (providers) with one warning.
/// Put on every MHSDS observation as SeriesFacts["area-kind"].
/// </summary>
public static class MhsdsBreakdowns
{
    public const string England = "england";
    public const string Region = "region";
    public const string Icb = "icb";
    public const string SubIcb = "sub-icb";
    public const string LocalAuthority = "local-authority";
    public const string Provider = "provider";
    public const string Other = "other";

    /// <summary>The England code MHSDS writes as "England" or "ENGLAND".</summary>
    public const string EnglandCode = "E92000001";

    public static string AreaKind(string breakdown)
    {
        // The primary part comes before "; " (e.g. "ICB of GP Practice or Residence; Age Group").
        var primary = breakdown.Split(';')[0].Trim();
        bool Has(string word) => primary.Contains(word, StringComparison.OrdinalIgnoreCase);
        if (primary.Equals("England", StringComparison.OrdinalIgnoreCase)) return England;
        if (Has("Provider")) return Provider;
        if (Has("Sub ICB") || Has("Sub-ICB") || Has("SubICB") || Has("CCG") || Has("Location")) return SubIcb;
        if (Has("ICB") || Has("STP")) return Icb;
        if (Has("Region")) return Region;
        if (Has("CASSR") || Has("Local Authority") || Has("LA ") || primary.Equals("LA", StringComparison.OrdinalIgnoreCase) || Has("Council")) return LocalAuthority;
        return Other;
    }
}
