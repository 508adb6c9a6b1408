using System.IO.Compression;
using System.Text;
using MhEmployment.Web.Infrastructure;

namespace MhEmployment.UnitTests.Infrastructure;

public sealed class ZipWriterTests
{
    private static readonly DateTime Modified = new(2026, 12, 7, 10, 15, 42, DateTimeKind.Utc);

    private static ZipArchive Read(IReadOnlyList<ZipPart> parts)
    {
        var bytes = new MemoryStream();
        ZipWriter.Write(bytes, parts, Modified);
        bytes.Position = 0;
        return new ZipArchive(bytes, ZipArchiveMode.Read);
    }

    private static string Content(ZipArchiveEntry entry)
    {
        using var reader = new StreamReader(entry.Open(), Encoding.UTF8);
        return reader.ReadToEnd();
    }

    [Fact]
    public void PartsCompressedBeforehand_ReadBackWithTheirNamesContentAndTime()
    {
        var large = string.Concat(Enumerable.Range(0, 20_000).Select(i => $"<row r=\"{i}\"/>"));
        var parts = new[]
        {
            ZipPart.Compress("[Content_Types].xml", Encoding.UTF8.GetBytes("<Types/>")),
            ZipPart.Compress("xl/worksheets/sheet1.xml", Encoding.UTF8.GetBytes(large)),
            ZipPart.Compress("empty.txt", []),
        };

        using var zip = Read(parts);

        zip.Entries.Select(e => e.FullName).Should().Equal("[Content_Types].xml", "xl/worksheets/sheet1.xml", "empty.txt");
        Content(zip.GetEntry("[Content_Types].xml")!).Should().Be("<Types/>");
        Content(zip.GetEntry("xl/worksheets/sheet1.xml")!).Should().Be(large);
        Content(zip.GetEntry("empty.txt")!).Should().BeEmpty();
        zip.GetEntry("xl/worksheets/sheet1.xml")!.CompressedLength.Should().BeLessThan(large.Length / 2);
        zip.Entries.Should().OnlyContain(e => e.LastWriteTime.DateTime == new DateTime(2026, 12, 7, 10, 15, 42));
    }

    [Fact]
    public void OnePartInSeveralZips_IsTheSameInEach()
    {
        var shared = ZipPart.Compress("shared.xml", Encoding.UTF8.GetBytes("<shared/>"));

        using var first = Read([ZipPart.Compress("own.xml", Encoding.UTF8.GetBytes("<a/>")), shared]);
        using var second = Read([shared, ZipPart.Compress("own.xml", Encoding.UTF8.GetBytes("<b/>"))]);

        Content(first.GetEntry("shared.xml")!).Should().Be("<shared/>");
        Content(second.GetEntry("shared.xml")!).Should().Be("<shared/>");
        Content(first.GetEntry("own.xml")!).Should().Be("<a/>");
        Content(second.GetEntry("own.xml")!).Should().Be("<b/>");
    }

    [Fact]
    public void ANameBeyondAscii_IsKeptAsUtf8()
    {
        using var zip = Read([ZipPart.Compress("Bromley – été.txt", Encoding.UTF8.GetBytes("x"))]);

        zip.Entries.Single().FullName.Should().Be("Bromley – été.txt");
    }

    [Fact]
    public void NoParts_GiveAnEmptyZip()
    {
        using var zip = Read([]);

        zip.Entries.Should().BeEmpty();
    }

    [Fact]
    public void ACollector_CompressesEachStreamAsItCloses_InThatOrder()
    {
        var collector = new ZipPartCollector();
        using (var second = collector.Open("second.xml"))
        {
            using (var first = collector.Open("first.xml"))
            {
                first.Write("<first/>"u8);
            }
            second.Write("<second/>"u8);
        }

        collector.Parts.Select(p => p.Name).Should().Equal("first.xml", "second.xml");
        using var zip = Read(collector.Parts);
        Content(zip.GetEntry("second.xml")!).Should().Be("<second/>");
    }
}
