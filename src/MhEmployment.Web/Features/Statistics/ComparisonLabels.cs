using MhEmployment.Web.Domain;

namespace MhEmployment.Web.Features.Statistics;

/// <summary>Where an area's interval lies against the benchmark, before polarity gives it a meaning.</summary>
public enum ComparisonOutcome
{
    NotCompared,
    Similar,
    Higher,
    Lower,
}

/// <summary>The exact words shown to analysts (they match Fingertips' "Compared to …" column).</summary>
public static class ComparisonLabels
{
    public const string Better = "Better";
    public const string Similar = "Similar";
    public const string Worse = "Worse";
    public const string Best = "Best";
    public const string Worst = "Worst";
    public const string Higher = "Higher";
    public const string Lower = "Lower";
    public const string NotCompared = "Not compared";

    /// <summary>
    /// Results are worked out as if higher were better, then turned by polarity: low is good swaps Better and Worse;
    /// no judgement says Higher or Lower.
    /// </summary>
    public static string For(ComparisonOutcome outcome, Polarity polarity) => outcome switch
    {
        ComparisonOutcome.Similar => Similar,
        ComparisonOutcome.Higher => polarity switch
        {
            Polarity.HighIsGood => Better,
            Polarity.LowIsGood => Worse,
            _ => Higher,
        },
        ComparisonOutcome.Lower => polarity switch
        {
            Polarity.HighIsGood => Worse,
            Polarity.LowIsGood => Better,
            _ => Lower,
        },
        _ => NotCompared,
    };

    /// <summary>
    /// Both levels at once (the old labels): outside the 99.8% interval is Best or Worst, outside only the 95% one is
    /// Better or Worse. Without polarity there is no stronger word, so it stays Higher or Lower.
    /// </summary>
    public static string ForBothLevels(ComparisonOutcome at95, ComparisonOutcome at998, Polarity polarity)
    {
        var label = For(at95, polarity);
        if (at998 != at95 || at998 is ComparisonOutcome.NotCompared or ComparisonOutcome.Similar)
        {
            return label;
        }
        return label switch
        {
            Better => Best,
            Worse => Worst,
            _ => label,
        };
    }
}
