using System.Text;
using MhEmployment.Web.Features.Refresh.Fetching;

namespace MhEmployment.UnitTests.Refresh;

public sealed class CsvRecordsTests
{
    [Fact]
    public async Task Records_KeepQuotedLineBreaksAndTheirOwnLineEnds()
    {
        var records = await ReadAllAsync("Indicator ID,Indicator Name\r\n93356,\"Campylobacter\r\n\"\r\n93356,\"a \"\"b\"\"\"\n");

        records.Select(r => Encoding.UTF8.GetString(r.Bytes)).Should().Equal(
            "Indicator ID,Indicator Name\r\n", "93356,\"Campylobacter\r\n\"\r\n", "93356,\"a \"\"b\"\"\"\n");
        records[1].Fields.Should().Equal("93356", "Campylobacter\r\n");
        records[2].Fields.Should().Equal("93356", "a \"b\"");
    }

    [Fact]
    public async Task ALastLineWithoutBreak_IsARecordNotTerminated_AndAnOpenQuoteIsNoticed()
    {
        var reader = Reader("A,B\n1,\"cut");
        (await reader.ReadAsync(CancellationToken.None))!.Terminated.Should().BeTrue();
        var last = await reader.ReadAsync(CancellationToken.None);

        last!.Terminated.Should().BeFalse();
        (await reader.ReadAsync(CancellationToken.None)).Should().BeNull();
        reader.EndedInQuotes.Should().BeTrue();
    }

    private static CsvRecords Reader(string text) =>
        new(new MemoryStream(Encoding.UTF8.GetBytes(text)), "Fingertips", new Uri("http://fingertips.test/"), null);

    private static async Task<List<CsvRecord>> ReadAllAsync(string text)
    {
        var reader = Reader(text);
        var records = new List<CsvRecord>();
        while (await reader.ReadAsync(CancellationToken.None) is { } record)
            records.Add(record);
        return records;
    }
}
