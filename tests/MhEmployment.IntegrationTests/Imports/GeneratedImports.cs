using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using MhEmployment.IntegrationTests.Infrastructure;

namespace MhEmployment.IntegrationTests.Imports;

/// <summary>Small import files written for a test, and the API calls that go with their checks.</summary>
public static class GeneratedImports
{
    public const string TemplateHeader = "indicator_key,area_code,period_label,period_start,period_end,sex,age_band,value";

    /// <summary>A template file of the given rows (each in <see cref="TemplateHeader"/>'s columns, or its own header first).</summary>
    public static async Task<string> TemplateAsync(string folder, string name, string header, params string[] rows)
    {
        var path = Path.Combine(folder, name);
        await File.WriteAllTextAsync(path, header + "\n" + string.Concat(rows.Select(r => r + "\n")), new UTF8Encoding(false));
        return path;
    }

    /// <summary>A Fingertips download with one row for Hackney of each of <paramref name="indicators"/> indicators no catalogue has (ids from a random base).</summary>
    public static async Task<(string Path, int FirstId)> FingertipsAsync(string folder, string name, int indicators)
    {
        var firstId = 3_000_000 + (Random.Shared.Next(0, 100_000) * 100);
        var path = Path.Combine(folder, name);
        var rows = Enumerable.Range(firstId, indicators).Select(id => string.Create(CultureInfo.InvariantCulture,
            $"{id},Generated indicator {id},E09000012,Hackney,Persons,18+ yrs,2019/20,12.5,125,1000"));
        await File.WriteAllTextAsync(path, "Indicator ID,Indicator Name,Area Code,Area Name,Sex,Age,Time period,Value,Count,Denominator\n" +
            string.Concat(rows.Select(r => r + "\n")), new UTF8Encoding(false));
        return (path, firstId);
    }

    /// <summary>A NOMIS API download of a series no analyst has matched yet (its variable is named afresh each time).</summary>
    public static async Task<string> UnmatchedNomisAsync(string folder, string name)
    {
        var path = Path.Combine(folder, name);
        var variable = $"Generated rate {Guid.NewGuid():N}";
        await File.WriteAllTextAsync(path, "DATE_NAME,GEOGRAPHY_NAME,GEOGRAPHY_CODE,VARIABLE_NAME,MEASURES_NAME,OBS_VALUE,OBS_STATUS_NAME\n" +
            $"Jul 2016-Jun 2017,Barking and Dagenham,E09000002,{variable},Variable,67.3,Normal Value\n" +
            $"Jul 2016-Jun 2017,Bexley,E09000004,{variable},Variable,71.2,Normal Value\n", new UTF8Encoding(false));
        return path;
    }

    public static (string Rule, long Line, string? Column, string? Value) Issue(JsonElement issue) =>
        (issue.GetProperty("rule").GetString()!, issue.GetProperty("line").GetInt64(), issue.GetProperty("column").GetString(), issue.GetProperty("value").GetString());
}
