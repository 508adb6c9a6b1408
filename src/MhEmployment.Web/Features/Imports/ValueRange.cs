using System.Globalization;
using MhEmployment.Web.Domain;
using MhEmployment.Web.Features.Imports.Parsing;

namespace MhEmployment.Web.Features.Imports;

/// <summary>
/// The values an indicator can take, from its value type, unit and multiplier (value = p × m for a proportion, so a
/// proportion with multiplier 100 is a percentage, 0 to 100). Its confidence limits lie in the same range.
/// </summary>
public sealed class ValueRange
{
    private const double MaxMagnitude = SourceObservation.MaxMagnitude;

    /// <summary>A series not (yet) in the catalogue: only an absurd magnitude is known to be wrong.</summary>
    public static readonly ValueRange Any = new(-MaxMagnitude, MaxMagnitude, "any value");

    private ValueRange(double min, double max, string describes)
    {
        Min = min;
        Max = max;
        Describes = describes;
    }

    public double Min { get; }
    public double Max { get; }

    /// <summary>What the range is, for messages: "0 to 100, as the indicator is a proportion with multiplier 100".</summary>
    public string Describes { get; }

    public bool Contains(double value) => value >= Min && value <= Max;

    public static ValueRange For(Indicator indicator)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        var name = $"'{indicator.Key}'";
        return indicator.ValueType switch
        {
            IndicatorValueType.Proportion => Proportion(name, indicator.Multiplier),
            IndicatorValueType.Count => new ValueRange(0, MaxMagnitude, $"0 or more, as {name} is a count"),
            IndicatorValueType.CrudeRate or IndicatorValueType.DirectlyStandardisedRate =>
                new ValueRange(0, MaxMagnitude, $"0 or more, as {name} is a rate"),
            IndicatorValueType.Difference when indicator.Unit == IndicatorUnit.PercentagePoints =>
                new ValueRange(-100, 100, $"-100 to 100, as {name} is a difference in percentage points"),
            _ => Any,
        };
    }

    private static ValueRange Proportion(string name, int multiplier)
    {
        var max = multiplier > 0 ? multiplier : 1;
        return new ValueRange(0, max, max == 100
            ? $"0 to 100, as {name} is a proportion given as a percentage"
            : string.Create(CultureInfo.InvariantCulture, $"0 to {max:N0}, as {name} is a proportion with multiplier {max:N0}"));
    }
}
