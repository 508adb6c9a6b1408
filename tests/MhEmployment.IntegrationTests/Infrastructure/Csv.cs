using System.Net;
using System.Text;

namespace MhEmployment.IntegrationTests.Infrastructure;

/// <summary>A CSV download as a test reads it: the response, its rows by header, and its raw bytes.</summary>
public sealed record CsvDownload(HttpResponseMessage Response, byte[] Bytes, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyDictionary<string, string>> Rows);

public static class Csv
{
    /// <summary>Downloads a CSV and parses it (RFC 4180: quoted fields, doubled quotes, CRLF), after checking it is one.</summary>
    public static async Task<CsvDownload> GetCsvAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        response.StatusCode.Should().Be(HttpStatusCode.OK, url);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/csv");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var text = Encoding.UTF8.GetString(bytes);
        var records = Parse(text.TrimStart('\uFEFF'));
        var headers = records[0];
        return new CsvDownload(response, bytes, headers,
            [.. records.Skip(1).Select(r => (IReadOnlyDictionary<string, string>)headers.Zip(r).ToDictionary(p => p.First, p => p.Second))]);
    }

    public static List<List<string>> Parse(string text)
    {
        var records = new List<List<string>>();
        var record = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                record.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                record.Add(field.ToString());
                field.Clear();
                records.Add(record);
                record = [];
                i++;
            }
            else
            {
                field.Append(c);
            }
        }
        if (field.Length > 0 || record.Count > 0)
        {
            record.Add(field.ToString());
            records.Add(record);
        }
        return records;
    }
}
