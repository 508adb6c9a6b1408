using System.Globalization;
using CsvHelper;
using MhEmployment.Web.Features.Statistics;

namespace MhEmployment.UnitTests.Statistics;

/// <summary>One row of a Fingertips "data download" CSV (old 26-column or new 27-column layout).</summary>
internal sealed record FingertipsRow(
    string File, int Record, string IndicatorId, string AreaCode, string AreaName, string AreaType, string ParentCode,
    string Sex, string Age, string CategoryType, string Period, double? Value,
    double? Lower95, double? Upper95, double? Lower998, double? Upper998, double? Count, double? Denominator,
    string ValueNote, string ComparedToEngland, string? ComparedToRegion)
{
    public const string EnglandCode = "E92000001";

    public Breakdown Breakdown => new(Period, Sex, Age);

    public bool IsEnglandTotal => AreaCode == EnglandCode && CategoryType.Length == 0;

    public override string ToString() => $"{File} #{Record}: {IndicatorId} {AreaCode} {AreaName}, {Period}, {Sex}, {Age}";
}

/// <summary>Reads Fingertips exports with CsvHelper 34's reader (quoted line breaks, CRLF or LF).</summary>
internal static class FingertipsExport
{
    public static string PathOf(string fileName) =>
        Path.Combine(AppContext.BaseDirectory, "TestData", "fingertips", fileName);

    public static List<FingertipsRow> Read(string fileName)
    {
        using var csv = CsvReader.Create(
            new StreamReader(PathOf(fileName)), new CsvReaderOptions { HasHeader = true }, leaveOpen: false);
        var headers = csv.Headers.ToList();
        int Column(string name)
        {
            var index = headers.IndexOf(name);
            return index >= 0 ? index : throw new InvalidDataException($"{fileName} has no '{name}' column.");
        }
        string Text(string name) => csv.GetString(Column(name)).Trim();
        double? Number(string name) =>
            double.TryParse(Text(name), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : null;
        var regionColumn = headers.IndexOf("Compared to Region value or percentiles");

        var rows = new List<FingertipsRow>();
        while (csv.Read())
        {
            rows.Add(new FingertipsRow(
                fileName, rows.Count + 1, Text("Indicator ID"), Text("Area Code"), Text("Area Name"), Text("Area Type"),
                Text("Parent Code"), Text("Sex"), Text("Age"), Text("Category Type"), Text("Time period"), Number("Value"),
                Number("Lower CI 95.0 limit"), Number("Upper CI 95.0 limit"),
                Number("Lower CI 99.8 limit"), Number("Upper CI 99.8 limit"),
                Number("Count"), Number("Denominator"), Text("Value note"),
                Text("Compared to England value or percentiles"),
                regionColumn >= 0 ? csv.GetString(regionColumn).Trim() : null));
        }
        return rows;
    }
}
