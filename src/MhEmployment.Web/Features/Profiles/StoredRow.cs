using System.Data.Common;
using MhEmployment.Web.Domain;

namespace MhEmployment.Web.Features.Profiles;

/// <summary>One stored value as a table with the values' columns holds it: what <see cref="IndicatorValuesBuilder"/> takes.</summary>
internal readonly record struct StoredRow(
    string AreaCode, PeriodKey Period, string PeriodLabel, Slice Slice, double? Value, double? Count, double? Denominator,
    double? Lower95, double? Upper95, double? Lower998, double? Upper998, string? Note, int ImportId)
{
    /// <summary>The columns <see cref="Read"/> expects, in its order (IndicatorValues and ReplacedValues both have them).</summary>
    public const string Columns = """
        "AreaCode", "PeriodStart", "PeriodEnd", "PeriodLabel", "Sex", "AgeBand", "Value", "Count", "Denominator",
        "Lower95", "Upper95", "Lower998", "Upper998", "Note", "ImportId"
        """;

    /// <summary>The row at the reader, whose first columns are <see cref="Columns"/>; <paramref name="sexes"/> saves parsing each row's sex.</summary>
    public static StoredRow Read(DbDataReader reader, Dictionary<string, Sex> sexes)
    {
        var sexText = reader.GetString(4);
        if (!sexes.TryGetValue(sexText, out var sex))
        {
            sexes[sexText] = sex = Enum.Parse<Sex>(sexText);
        }
        return new StoredRow(
            reader.GetString(0), new PeriodKey(reader.GetFieldValue<DateOnly>(1), reader.GetFieldValue<DateOnly>(2)), reader.GetString(3),
            new Slice(sex, reader.GetString(5)), Number(reader, 6), Number(reader, 7), Number(reader, 8), Number(reader, 9), Number(reader, 10),
            Number(reader, 11), Number(reader, 12), reader.IsDBNull(13) ? null : reader.GetString(13), reader.GetInt32(14));
    }

    private static double? Number(DbDataReader reader, int column) => reader.IsDBNull(column) ? null : reader.GetDouble(column);
}
