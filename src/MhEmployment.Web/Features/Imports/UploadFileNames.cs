using System.Globalization;
using System.Text;

namespace MhEmployment.Web.Features.Imports;

/// <summary>
/// An upload's file name as it is stored and shown: the last segment of a path (either separator: browsers on
/// Windows and scripts send "C:\data\x.csv"), without control or formatting characters (a right-to-left override
/// makes "exe.csv" of "vsc.exe"), and at most <see cref="MaxLength"/> characters, keeping the extension.
/// </summary>
public static class UploadFileNames
{
    public const int MaxLength = 200;
    private const int MaxExtension = 16;
    private const string Unnamed = "upload.csv";

    public static string Clean(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return Unnamed;
        }
        var lastSegment = name[(name.LastIndexOfAny(['/', '\\']) + 1)..];
        var visible = new StringBuilder(lastSegment.Length);
        foreach (var rune in lastSegment.EnumerateRunes())
        {
            // Cc: control characters; Cf: formatting ones (bidirectional overrides and isolates, zero-width ones, BOM).
            if (Rune.GetUnicodeCategory(rune) is not (UnicodeCategory.Control or UnicodeCategory.Format))
            {
                visible.Append(rune.ToString());
            }
        }
        var cleaned = visible.ToString().Trim();
        if (cleaned.Trim('.').Length == 0)
        {
            return Unnamed;
        }
        return cleaned.Length <= MaxLength ? cleaned : Shorten(cleaned);
    }

    private static string Shorten(string name)
    {
        var extension = Path.GetExtension(name);
        if (extension.Length > MaxExtension)
        {
            extension = "";
        }
        var stem = name[..^extension.Length];
        var keep = MaxLength - extension.Length - 1;
        if (char.IsHighSurrogate(stem[keep - 1]))
        {
            keep--; // never cut a character in two
        }
        return string.Concat(stem.AsSpan(0, keep).TrimEnd(), "…", extension);
    }
}
