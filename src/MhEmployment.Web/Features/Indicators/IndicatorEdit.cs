using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using MhEmployment.Web.Domain;

namespace MhEmployment.Web.Features.Indicators;

/// <summary>
/// What an analyst may change about an indicator: everything but its key. <see cref="FingertipsAreaTypes"/> is stored
/// text ("502,6"), null for none.
/// </summary>
public sealed record IndicatorEdit(
    string Name, string Definition, IndicatorTheme Theme, IndicatorUnit Unit, IndicatorValueType ValueType, int Multiplier,
    Polarity Polarity, string Source, string Age, Sex Sex, PeriodType PeriodType, IntervalMethod IntervalMethod,
    ComparisonMethod ComparisonMethod, bool NeedsReview, IndicatorSourceKind RefreshSource = IndicatorSourceKind.None,
    int? FingertipsId = null, string? FingertipsAreaTypes = null, string? NomisDataset = null, string? NomisQuery = null)
{
    public static IndicatorEdit From(Indicator indicator)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        return new(indicator.Name, indicator.Definition, indicator.Theme, indicator.Unit, indicator.ValueType, indicator.Multiplier,
            indicator.Polarity, indicator.Source, indicator.Age, indicator.Sex, indicator.PeriodType, indicator.IntervalMethod,
            indicator.ComparisonMethod, indicator.NeedsReview, indicator.RefreshSource, indicator.FingertipsId,
            indicator.FingertipsAreaTypes, indicator.NomisDataset, indicator.NomisQuery);
    }

    /// <summary>
    /// A short fingerprint of these values: the form and the API's ETag carry the one they were read with, so a save
    /// made from values someone else has changed since is refused rather than silently overwriting theirs.
    /// </summary>
    public string Version
    {
        get
        {
            var text = string.Join('\u001f', Fields.Select(f => f.Text(this)));
            return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];
        }
    }

    /// <summary>Each field whose value differs from <paramref name="before"/>'s, with both values as a person reads them.</summary>
    public IReadOnlyList<FieldChange> ChangesFrom(IndicatorEdit before)
    {
        ArgumentNullException.ThrowIfNull(before);
        return [.. Fields
            .Where(f => !string.Equals(f.Text(before), f.Text(this), StringComparison.Ordinal))
            .Select(f => new FieldChange(f.Name, f.Label, f.Text(before), f.Text(this)))];
    }

    /// <summary>The fields in form order: property name, label, and the value as text.</summary>
    public static readonly IReadOnlyList<(string Name, string Label, Func<IndicatorEdit, string> Text)> Fields =
    [
        (nameof(Name), "Name", e => e.Name),
        (nameof(Definition), "Definition", e => e.Definition),
        (nameof(Theme), "Theme", e => e.Theme.ToString()),
        (nameof(ValueType), "Value type", e => e.ValueType.ToString()),
        (nameof(Unit), "Unit", e => e.Unit.ToString()),
        (nameof(Multiplier), "Multiplier", e => e.Multiplier.ToString(CultureInfo.InvariantCulture)),
        (nameof(Polarity), "Polarity", e => e.Polarity.ToString()),
        (nameof(Source), "Source", e => e.Source),
        (nameof(Age), "Age", e => e.Age),
        (nameof(Sex), "Sex", e => e.Sex.ToString()),
        (nameof(PeriodType), "Period type", e => e.PeriodType.ToString()),
        (nameof(IntervalMethod), "Interval method", e => e.IntervalMethod.ToString()),
        (nameof(ComparisonMethod), "Comparison method", e => e.ComparisonMethod.ToString()),
        (nameof(NeedsReview), "Needs review", e => e.NeedsReview ? "yes" : "no"),
        (nameof(RefreshSource), "Source for refresh", e => e.RefreshSource.ToString()),
        (nameof(FingertipsId), "Fingertips indicator", e => e.FingertipsId?.ToString(CultureInfo.InvariantCulture) ?? ""),
        (nameof(FingertipsAreaTypes), "Fingertips area types", e => e.FingertipsAreaTypes ?? ""),
        (nameof(NomisDataset), "NOMIS dataset", e => e.NomisDataset ?? ""),
        (nameof(NomisQuery), "NOMIS query", e => e.NomisQuery ?? ""),
    ];
}

/// <summary>One field's change: its property name, its label, and the value before and after.</summary>
public sealed record FieldChange(string Field, string Label, string Before, string After);
