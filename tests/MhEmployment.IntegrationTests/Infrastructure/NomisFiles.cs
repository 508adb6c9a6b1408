using System.Globalization;
using System.Text;

namespace MhEmployment.IntegrationTests.Infrastructure;

/// <summary>
/// Writes a NOMIS API CSV of any length, as bench/generate_nomis.py does: the full 34-column layout of a real download,
/// for every English district and region in the app's own ONS lookup and England, three sexes, five age bands, months.
/// </summary>
public static class NomisFiles
{
    public const string Mapping = """{"*":"ni152-out-of-work-benefits"}""";

    private static readonly string[] Months = CultureInfo.InvariantCulture.DateTimeFormat.MonthNames[..12];
    private static readonly (int Code, string Name)[] Genders = [(0, "Total"), (1, "Male"), (2, "Female")];
    private static readonly (int Code, string Name)[] Ages = [(201, "Aged 16-24"), (202, "Aged 25-34"), (203, "Aged 35-49"), (204, "Aged 50-64"), (200, "Aged 16-64")];

    /// <summary>Writes the file; returns the sum of its values (each rounded to one decimal, as written).</summary>
    public static async Task<decimal> WriteAsync(string path, int rows, double valueOffset = 0)
    {
        var areas = await AreasAsync();
        await using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16) { NewLine = "\n" };
        await writer.WriteLineAsync("\"DATE\",\"DATE_NAME\",\"DATE_CODE\",\"DATE_TYPE\",\"DATE_TYPECODE\",\"DATE_SORTORDER\",\"GEOGRAPHY\",\"GEOGRAPHY_NAME\",\"GEOGRAPHY_CODE\",\"GEOGRAPHY_TYPE\",\"GEOGRAPHY_TYPECODE\",\"GEOGRAPHY_SORTORDER\",\"GENDER\",\"GENDER_NAME\",\"GENDER_CODE\",\"GENDER_TYPE\",\"GENDER_TYPECODE\",\"GENDER_SORTORDER\",\"C_AGE\",\"C_AGE_NAME\",\"C_AGE_CODE\",\"C_AGE_TYPE\",\"C_AGE_TYPECODE\",\"C_AGE_SORTORDER\",\"MEASURES\",\"MEASURES_NAME\",\"OBS_VALUE\",\"OBS_STATUS\",\"OBS_STATUS_NAME\",\"OBS_CONF\",\"OBS_CONF_NAME\",\"URN\",\"RECORD_OFFSET\",\"RECORD_COUNT\"");
        var written = 0;
        var sum = 0m;
        for (var month = 0; written < rows; month++)
        {
            var (year, m) = (2000 + (month / 12), month % 12);
            var dateCode = string.Create(CultureInfo.InvariantCulture, $"{year}-{m + 1:00}");
            var dateName = string.Create(CultureInfo.InvariantCulture, $"{Months[m]} {year}");
            for (var a = 0; a < areas.Count && written < rows; a++)
            {
                var (code, name, type) = areas[a];
            name = name.Replace("\"", "\"\"", StringComparison.Ordinal);
                foreach (var (g, gender) in Genders)
                {
                    foreach (var (c, age) in Ages)
                    {
                        if (written == rows)
                        {
                            break;
                        }
                        var value = Math.Round(40 + (((a * 7) + (g * 3) + c + month) % 400 / 10.0) + valueOffset, 1);
                        await writer.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                            $"\"{dateCode}\",\"{dateName}\",\"{dateCode}\",\"date\",0,{month},{1946157057 + a},\"{name}\",\"{code}\",\"{type}\",464,{a},{g},\"{gender}\",{g},\"sex\",0,{g},{c},\"{age}\",{c},\"age\",0,{c},20100,\"Value\",{value},\"A\",\"Normal Value\",\"F\",\"Free (free of disclosure)\",\"Nm-test-{written}\",{written},{rows}"));
                        sum += (decimal)value;
                        written++;
                    }
                }
            }
        }
        return sum;
    }

    private static async Task<List<(string Code, string Name, string Type)>> AreasAsync()
    {
        await using var stream = typeof(Program).Assembly.GetManifestResourceStream("Seed/lad23_rgn23.csv")
            ?? throw new InvalidOperationException("The app no longer embeds Seed/lad23_rgn23.csv.");
        using var reader = new StreamReader(stream);
        await reader.ReadLineAsync();
        var areas = new List<(string, string, string)> { ("E92000001", "England", "country") };
        var regions = new SortedDictionary<string, string>(StringComparer.Ordinal);
        while (await reader.ReadLineAsync() is { Length: > 0 } line)
        {
            var cells = SplitCsv(line);
            areas.Add((cells[0], cells[1], "local authorities: district / unitary (as of April 2023)"));
            regions[cells[2]] = cells[3];
        }
        areas.AddRange(regions.Select(r => (r.Key, r.Value, "regions")));
        return areas;
    }

    private static List<string> SplitCsv(string line)
    {
        var cells = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        foreach (var ch in line)
        {
            if (ch == '"')
            {
                quoted = !quoted;
            }
            else if (ch == ',' && !quoted)
            {
                cells.Add(cell.ToString());
                cell.Clear();
            }
            else
            {
                cell.Append(ch);
            }
        }
        cells.Add(cell.ToString());
        return cells;
    }
}
