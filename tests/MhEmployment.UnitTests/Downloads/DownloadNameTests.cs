using MhEmployment.Web.Infrastructure;
using Microsoft.Net.Http.Headers;

namespace MhEmployment.UnitTests.Downloads;

public sealed class DownloadNameTests
{
    [Fact]
    public void Csv_JoinsLowerCaseWords_WithHyphens()
    {
        DownloadName.Csv("Hackney", "E09000012", "vs", "England", "upper-tier").Should().Be("hackney-e09000012-vs-england-upper-tier.csv");
        DownloadName.Csv("King's Lynn and West Norfolk", null, "  ").Should().Be("king-s-lynn-and-west-norfolk.csv");
        DownloadName.Csv("fingertips-41001", "2015 - 17", "Male/10+ yrs").Should().Be("fingertips-41001-2015-17-male-10-yrs.csv");
    }

    [Theory]
    [InlineData("../../etc/passwd")]
    [InlineData("..\\..\\windows\\system32")]
    [InlineData("report\"; filename=evil.exe")]
    [InlineData("\u202Evsc.exe")]
    [InlineData("line\r\nbreak\0")]
    public void Csv_KeepsNoPathQuoteControlOrBidirectionalCharacter(string text)
    {
        var name = DownloadName.Csv(text);

        name.Should().EndWith(".csv").And.MatchRegex("^[a-z0-9-]+\\.csv$");
    }

    [Fact]
    public void Csv_IsBounded_AndNeverEmpty()
    {
        DownloadName.Csv(new string('x', 5_000)).Length.Should().Be(DownloadName.MaxPartLength + 4);
        DownloadName.Csv("!!!", "").Should().Be("download.csv");
    }

    [Fact]
    public void ContentDisposition_GivesAnAsciiName_AndTheUtf8NameAfterRfc6266()
    {
        var name = DownloadName.Csv("Ynys Môn", "vs", "England");

        var header = DownloadName.ContentDisposition(name);

        name.Should().Be("ynys-môn-vs-england.csv");
        header.Should().Be("attachment; filename=ynys-mon-vs-england.csv; filename*=UTF-8''ynys-m%C3%B4n-vs-england.csv");
        var parsed = ContentDispositionHeaderValue.Parse(header);
        parsed.FileName.Value.Should().Be("ynys-mon-vs-england.csv");
        parsed.FileNameStar.Value.Should().Be(name);
    }

    [Fact]
    public void Ascii_OfANameWithNoLatinLetters_IsStillAName() =>
        DownloadName.Ascii("заявка.csv").Should().Be("download.csv");
}
