using System.Text;
using MhEmployment.Web.Features.Imports.Parsing;

namespace MhEmployment.UnitTests.Imports;

public class FileSnifferTests
{
    [Fact]
    public void Plain_ascii_and_utf8_with_or_without_bom_are_utf8()
    {
        FileSniffer.Sniff("a,b\n1,2\n"u8, "x.csv", isWholeFile: true).Encoding.Should().Be(FileSniffer.Utf8);
        FileSniffer.Sniff("\uFEFFa,b\nYnys Môn,£2\n"u8, "x.csv", isWholeFile: true).Encoding.Should().Be(FileSniffer.Utf8);
    }

    [Fact]
    public void A_utf8_character_cut_at_the_end_of_the_head_is_still_utf8()
    {
        var bytes = Encoding.UTF8.GetBytes("a,b\n1,£");
        FileSniffer.Sniff(bytes.AsSpan(0, bytes.Length - 1), "x.csv").Encoding.Should().Be(FileSniffer.Utf8);
    }

    [Fact]
    public void Windows_1252_bytes_are_decoded_as_1252()
    {
        var result = FileSniffer.Sniff(new byte[] { (byte)'a', (byte)',', 0xA3, (byte)'5', 0x0A }, "x.csv", isWholeFile: true);

        result.Encoding!.CodePage.Should().Be(1252);
        result.Encoding.GetString([0xA3, 0x96]).Should().Be("£–");
    }

    [Fact]
    public void A_1252_byte_far_down_a_large_file_is_found_by_the_stream_scan()
    {
        var text = new StringBuilder("area,value\n");
        while (text.Length < 300_000)
            text.Append("E06000001,12345\n");
        var bytes = Encoding.ASCII.GetBytes(text.ToString()).Concat(new byte[] { (byte)'Y', (byte)'n', (byte)'y', (byte)'s', (byte)' ', (byte)'M', 0xF4, (byte)'n', 0x0A }).ToArray();

        FileSniffer.Sniff(bytes.AsSpan(0, FileSniffer.HeadSize), "x.csv").Encoding.Should().Be(FileSniffer.Utf8, "the head alone is plain ASCII");
        FileSniffer.Sniff(new MemoryStream(bytes), "x.csv").Encoding!.CodePage.Should().Be(1252);
    }

    [Fact]
    public void Bytes_invalid_in_both_are_refused_with_their_line_and_position()
    {
        var bytes = Encoding.ASCII.GetBytes("a,b\n1,2\nxy,").Concat(new byte[] { 0xE9, 0x81, 0x0A }).ToArray();

        var refusal = FileSniffer.Sniff(new MemoryStream(bytes), "x.csv").Refusal!;

        refusal.Rule.Should().Be(IssueRules.InvalidEncoding);
        refusal.LineNumber.Should().Be(3);
        refusal.Value.Should().Be("0x81");
        refusal.Message.Should().Contain("line 3, position 5");
    }

    [Fact]
    public void Line_and_position_are_right_across_chunk_boundaries()
    {
        var text = new StringBuilder();
        for (var i = 0; i < 10_000; i++)
            text.Append("E06000001,12345\n");
        text.Append("abc");
        var bytes = Encoding.ASCII.GetBytes(text.ToString()).Concat(new byte[] { 0x8D }).ToArray();

        var refusal = FileSniffer.Sniff(new MemoryStream(bytes), "x.csv").Refusal!;

        refusal.LineNumber.Should().Be(10_001);
        refusal.Message.Should().Contain("position 4");
    }
}
