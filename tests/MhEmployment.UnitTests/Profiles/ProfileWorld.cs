using MhEmployment.Web.Domain;
using MhEmployment.Web.Features.Profiles;

namespace MhEmployment.UnitTests.Profiles;

/// <summary>A small hand-made geography and catalogue for the dashboard builders.</summary>
internal sealed class ProfileWorld
{
    public const string England = "E92000001";
    public const string London = "E12000007";
    public const string Hackney = "E09000012";
    public const string Camden = "E09000007";
    public const string Islington = "E09000019";
    public const string Kent = "E10000016";
    public const string SouthEast = "E12000008";
    public const string OldCounty = "E10000006"; // Cumbria, abolished 2023
    public const string Cumberland = "E06000063";

    private readonly List<SnapshotArea> areas =
    [
        new(England, "England", AreaKind.Country, null, null, null, []),
        new(London, "London", AreaKind.Region, null, England, null, []),
        new(SouthEast, "South East", AreaKind.Region, null, England, null, []),
        new(Hackney, "Hackney", AreaKind.LondonBorough, London, London, null, []),
        new(Camden, "Camden", AreaKind.LondonBorough, London, London, null, []),
        new(Islington, "Islington", AreaKind.LondonBorough, London, London, null, []),
        new(Kent, "Kent", AreaKind.County, SouthEast, SouthEast, null, []),
        new(OldCounty, "Cumbria", AreaKind.County, "E12000002", "E12000002", new DateOnly(2023, 3, 31), [Cumberland]),
        new(Cumberland, "Cumberland", AreaKind.UnitaryAuthority, "E12000002", "E12000002", null, []),
    ];

    private readonly List<Indicator> indicators = [];
    private readonly List<SnapshotValue> values = [];

    public IReadOnlyList<SnapshotArea> Areas => areas;

    public void AddArea(string code, string name, AreaKind kind, string region) =>
        areas.Add(new SnapshotArea(code, name, kind, region, region, null, []));

    public Indicator Indicator(
        string key, IndicatorValueType type = IndicatorValueType.Proportion, Polarity polarity = Polarity.LowIsGood,
        ComparisonMethod comparison = ComparisonMethod.ConfidenceIntervals, IntervalMethod interval = IntervalMethod.Wilson,
        PeriodType periodType = PeriodType.FinancialYear, IndicatorTheme theme = IndicatorTheme.Benefits, int multiplier = 100,
        IndicatorUnit unit = IndicatorUnit.Percent)
    {
        var indicator = new Indicator
        {
            Id = indicators.Count + 1, Key = key, Name = key.Replace('-', ' '), Definition = "", Source = "", Age = "16-64 yrs",
            Sex = Sex.Persons, Theme = theme, Unit = unit, ValueType = type, Multiplier = multiplier, Polarity = polarity,
            PeriodType = periodType, IntervalMethod = interval, ComparisonMethod = comparison,
        };
        indicators.Add(indicator);
        return indicator;
    }

    /// <summary>A value for the financial year starting in <paramref name="year"/>.</summary>
    public void Value(
        Indicator indicator, string area, int year, double? count, double? denominator, double? value = null,
        (double Lower, double Upper)? supplied = null, Sex sex = Sex.Persons, string age = "16-64 yrs", string? note = null)
    {
        var computed = value ?? (count is { } o && denominator is { } n ? o / n * indicator.Multiplier : null);
        values.Add(new SnapshotValue(indicator.Id, area, new PeriodKey(new DateOnly(year, 4, 1), new DateOnly(year + 1, 3, 31)),
            $"{year}/{(year + 1) % 100:00}", new Slice(sex, age), computed, count, denominator,
            supplied?.Lower, supplied?.Upper, null, null, note, 1));
    }

    public ValueSnapshot Snapshot() => new(1, areas, indicators, values);

    public SnapshotArea Area(string code) => areas.Single(a => a.Code == code);
}
