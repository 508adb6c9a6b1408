using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace MhEmployment.Web.Infrastructure;

/// <summary>
/// Names for downloaded files, built from what a page shows (area and indicator names come from imported data):
/// lower-case words joined by hyphens, nothing that could be a path, a quote or a control or bidirectional character,
/// and a bounded length. The header gives an ASCII name and the full UTF-8 one (RFC 6266).
/// </summary>
public static class DownloadName
{
    public const int MaxPartLength = 60;

    /// <summary>"hackney-e09000012-vs-england.csv" from ["Hackney", "E09000012", "vs", "England"].</summary>
    public static string Csv(params IEnumerable<string?> parts) => File("csv", parts);

    /// <summary>"hackney-e09000012-needs-summary.docx" from "docx" and ["Hackney", "E09000012", "needs summary"].</summary>
    public static string File(string extension, params IEnumerable<string?> parts)
    {
        var slug = string.Join('-', parts.Select(Slug).Where(p => p.Length > 0));
        return (slug.Length == 0 ? "download" : slug) + "." + extension;
    }

    /// <summary>Letters and digits kept (lower case), every run of anything else one hyphen, cut to <see cref="MaxPartLength"/>.</summary>
    public static string Slug(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }
        var sb = new StringBuilder(Math.Min(text.Length, MaxPartLength));
        foreach (var c in text.Normalize(NormalizationForm.FormC))
        {
            if (sb.Length >= MaxPartLength)
            {
                break;
            }
            if (char.IsLetterOrDigit(c))
            {
                sb.Append(char.ToLowerInvariant(c));
            }
            else if (sb.Length > 0 && sb[^1] != '-')
            {
                sb.Append('-');
            }
        }
        return sb.ToString().Trim('-');
    }

    /// <summary>The same name in ASCII for old clients: accents dropped ("Môn" → "mon"), other letters a hyphen.</summary>
    public static string Ascii(string fileName)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        var sb = new StringBuilder(fileName.Length);
        foreach (var c in fileName.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }
            var keep = char.IsAsciiLetterOrDigit(c) || c is '.' or '-';
            if (keep)
            {
                sb.Append(c);
            }
            else if (sb.Length > 0 && sb[^1] != '-')
            {
                sb.Append('-');
            }
        }
        var ascii = sb.ToString().Trim('-');
        return ascii.Length == 0 || ascii.StartsWith('.') ? "download" + ascii : ascii;
    }

    /// <summary><c>attachment; filename=…; filename*=UTF-8''…</c> for a name made by <see cref="Csv"/>.</summary>
    public static string ContentDisposition(string fileName)
    {
        var header = new ContentDispositionHeaderValue("attachment");
        header.FileName = Ascii(fileName);
        header.FileNameStar = fileName;
        return header.ToString();
    }

    /// <summary>A CSV download: the file, its type and its Content-Disposition header.</summary>
    public static FileContentResult CsvFile(HttpResponse response, CsvTable table, string fileName)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(table);
        response.Headers.ContentDisposition = ContentDisposition(fileName);
        return new FileContentResult(table.ToUtf8(), "text/csv; charset=utf-8");
    }
}
