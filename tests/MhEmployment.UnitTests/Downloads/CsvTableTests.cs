using System.Text;
using MhEmployment.Web.Infrastructure;

namespace MhEmployment.UnitTests.Downloads;

public sealed class CsvTableTests
{
    [Fact]
    public void TextIsQuotedAndNeutralised_NumbersAreWrittenAsStored()
    {
        var csv = new CsvTable("name", "value", "note");
        csv.Text("Bristol, City of").Number(0.1 + 0.2).Text("=1+1").EndRow();
        csv.Text("@cmd").Number(double.NaN).Text(null).EndRow();
        csv.Text("Said \"no\"").Number(12).Text("\tlead").EndRow();

        csv.ToString().Should().Be(
            "name,value,note\r\n" +
            "\"Bristol, City of\",0.30000000000000004,'=1+1\r\n" +
            "'@cmd,,\r\n" +
            "\"Said \"\"no\"\"\",12,'\tlead\r\n");
        csv.Rows.Should().Be(3);
    }

    [Fact]
    public void TheFileStartsWithAByteOrderMark_ForSpreadsheets()
    {
        var csv = new CsvTable("a");
        csv.Text("é").EndRow();

        var bytes = csv.ToUtf8();

        bytes.Take(3).Should().Equal(0xEF, 0xBB, 0xBF);
        Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Should().Be("a\r\né\r\n");
    }

    [Fact]
    public void ARowWithTheWrongNumberOfCells_IsRefused()
    {
        var csv = new CsvTable("a", "b");
        csv.Text("only one");

        FluentActions.Invoking(csv.EndRow).Should().Throw<InvalidOperationException>().WithMessage("*1 cells for 2 columns*");
    }

    [Fact]
    public void AnEmojiSplitBetweenTheBuildersChunks_IsEncodedWhole()
    {
        // A builder of three characters: "ab" and the emoji's first half fill it, its second half starts the next chunk.
        var text = new StringBuilder(3).Append("ab").Append("\U0001F600 café");
        var chunks = 0;
        foreach (var _ in text.GetChunks())
        {
            chunks++;
        }
        chunks.Should().BeGreaterThan(1);

        var bytes = CsvText.Utf8WithBom(text);

        bytes.Should().Equal([.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes("ab\U0001F600 café")]);
    }
}
