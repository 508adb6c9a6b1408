using System.Text;

namespace MhEmployment.IntegrationTests.Refresh;

/// <summary>The recorded Fingertips and NOMIS responses in TestData/Sources (see SOURCES.md there), split into records.</summary>
public sealed class RecordedSources
{
    public static string Folder { get; } = Path.Combine(AppContext.BaseDirectory, "TestData", "Sources");

    /// <summary>Every recorded Fingertips file: its header line and its rows, each with its own line break.</summary>
    public IReadOnlyList<RecordedFile> Fingertips { get; } =
        [.. Directory.GetFiles(Path.Combine(Folder, "fingertips"), "*.csv").Order(StringComparer.Ordinal).Select(RecordedFile.Read)];

    /// <summary>NM_2002_1, mid-2021 population: 621 rows with their real RECORD_OFFSET and RECORD_COUNT.</summary>
    public RecordedFile NomisLad { get; } = RecordedFile.Read(Path.Combine(Folder, "nomis_api", "lad.csv"));
}

/// <summary>A CSV file as records: the header's and each row's text exactly as in the file (line breaks included).</summary>
public sealed record RecordedFile(string Path, string Header, IReadOnlyList<string> Rows)
{
    public static RecordedFile Read(string path)
    {
        var records = Split(File.ReadAllText(path, new UTF8Encoding(false)));
        return new RecordedFile(path, records[0], records[1..]);
    }

    /// <summary>The fields of a record (quoted fields unquoted).</summary>
    public static List<string> Fields(string record)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        var text = record.TrimEnd('\r', '\n');
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted && c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
            else if (c == '"') quoted = !quoted;
            else if (c == ',' && !quoted) { fields.Add(field.ToString()); field.Clear(); }
            else field.Append(c);
        }
        fields.Add(field.ToString());
        return fields;
    }

    /// <summary>Splits CSV text into records at line breaks outside quotes, keeping each record's line break.</summary>
    public static List<string> Split(string text)
    {
        var records = new List<string>();
        var start = 0;
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '"') quoted = !quoted;
            else if (text[i] == '\n' && !quoted)
            {
                records.Add(text[start..(i + 1)]);
                start = i + 1;
            }
        }
        if (start < text.Length)
            records.Add(text[start..]);
        return records;
    }
}
