using System.IO.Compression;
using System.Text;

namespace MhEmployment.UnitTests.Imports;

/// <summary>
/// The malformed files that are easier made than committed (binary, UTF-16, 10 MB), written once per test run next
/// to the committed ones' copies in a temporary folder that is deleted when the run ends.
/// </summary>
internal static class MalformedCorpus
{
    private const string TemplateHeader = "indicator_key,area_code,period_label,value,count,denominator,note\n";

    private static readonly Lazy<string> Folder = new(Generate);

    public static string PathOf(string name)
    {
        var generated = Path.Combine(Folder.Value, name);
        return File.Exists(generated) ? generated : ImportTestFiles.PathOf(Path.Combine("malformed", name));
    }

    public static IReadOnlyDictionary<string, Func<byte[]>> Generated { get; } = new Dictionary<string, Func<byte[]>>
    {
        ["utf16-le-bom.csv"] = () => Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(TemplateHeader + "local.x,E06000001,2023,5,,,\n")).ToArray(),
        ["utf16-be-bom.csv"] = () => Encoding.BigEndianUnicode.GetPreamble().Concat(Encoding.BigEndianUnicode.GetBytes(TemplateHeader)).ToArray(),
        ["utf16-le-no-bom.csv"] = () => Encoding.Unicode.GetBytes(TemplateHeader + "local.x,E06000001,2023,5,,,\n"),
        ["utf32-le-bom.csv"] = () => Encoding.UTF32.GetPreamble().Concat(Encoding.UTF32.GetBytes(TemplateHeader)).ToArray(),
        ["zip-renamed.csv"] = () => Zip(("data.csv", TemplateHeader)),
        ["xlsx-renamed.csv"] = () => Zip(("[Content_Types].xml", "<Types/>"), ("xl/workbook.xml", "<workbook/>"), ("xl/worksheets/sheet1.xml", "<worksheet/>")),
        ["docx-renamed.csv"] = () => Zip(("[Content_Types].xml", "<Types/>"), ("word/document.xml", "<document/>")),
        ["xls-renamed.csv"] = () => new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 }.Concat(new byte[504]).ToArray(),
        ["pdf-renamed.csv"] = () => Encoding.ASCII.GetBytes("%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"),
        ["gzip-renamed.csv"] = Gzip,
        ["png-renamed.csv"] = () => new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x01, 0x00 },
        ["ten-mb-single-line.csv"] = () => Encoding.ASCII.GetBytes(new string('x', 10 * 1024 * 1024)),
        ["ten-mb-record-template.csv"] = () => Encoding.ASCII.GetBytes(TemplateHeader + "local.x,E06000001,2023,5,1,10," + new string('x', 10 * 1024 * 1024) + "\nlocal.x,E06000002,2023,5,1,10,\n"),
        ["nul-after-head.csv"] = () => Encoding.ASCII.GetBytes(TemplateHeader + string.Concat(Enumerable.Repeat("local.x,E06000001,2023,5,1,10,\n", 1000)) + "local.x,E06000002,2023,5,1,10,\0\n"),
    };

    private static string Generate()
    {
        var folder = Path.Combine(Path.GetTempPath(), "mhemployment-malformed-" + Environment.ProcessId);
        Directory.CreateDirectory(folder);
        // 21 MB a run: gone when the test host ends, also when run by plain 'dotnet test' outside scripts/test.sh's scratch folder.
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Directory.Delete(folder, recursive: true);
        foreach (var (name, make) in Generated)
            File.WriteAllBytes(Path.Combine(folder, name), make());
        return folder;
    }

    private static byte[] Zip(params (string Name, string Content)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var (name, content) in entries)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open());
                writer.Write(content);
            }
        return buffer.ToArray();
    }

    private static byte[] Gzip()
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
            gzip.Write(Encoding.ASCII.GetBytes(TemplateHeader));
        return buffer.ToArray();
    }
}
