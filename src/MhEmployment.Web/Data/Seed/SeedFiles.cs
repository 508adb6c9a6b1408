using System.Text;
using CsvHelper;

namespace MhEmployment.Web.Data.Seed;

/// <summary>The reference files bundled into the assembly, so the app never reads them from disk.</summary>
public static class SeedFiles
{
    public static TextReader Open(string name)
    {
        var stream = typeof(SeedFiles).Assembly.GetManifestResourceStream("Seed/" + name)
            ?? throw new InvalidOperationException($"Seed file '{name}' is not embedded in the assembly.");
        // The ONS lookups start with a UTF-8 byte-order mark; the reader drops it.
        return new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
    }

    /// <summary>Reads a small CSV with a header row into dictionaries keyed by column name.</summary>
    public static IReadOnlyList<IReadOnlyDictionary<string, string>> ReadCsv(string name)
    {
        using var csv = CsvReader.Create(Open(name), new CsvReaderOptions { HasHeader = true }, leaveOpen: false);
        var header = csv.Headers ?? throw new InvalidOperationException($"Seed file '{name}' has no header.");
        var rows = new List<IReadOnlyDictionary<string, string>>();
        while (csv.Read())
        {
            var row = new Dictionary<string, string>(header.Count, StringComparer.Ordinal);
            for (var i = 0; i < header.Count; i++)
            {
                row[header[i]] = i < csv.FieldCount ? csv.GetString(i).Trim() : string.Empty;
            }
            rows.Add(row);
        }
        return rows;
    }
}
