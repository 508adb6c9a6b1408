using MhEmployment.Web.Features.Imports;

namespace MhEmployment.UnitTests.Imports;

public class UploadFileNamesTests
{
    [Theory]
    [InlineData("C:\\Users\\analyst\\Downloads\\extract.csv", "extract.csv")]
    [InlineData("/home/analyst/extract.csv", "extract.csv")]
    [InlineData("folder/sub\\mixed.csv", "mixed.csv")]
    [InlineData("plain.csv", "plain.csv")]
    public void OnlyTheLastPathSegment_IsKept_WhicheverTheSeparator(string sent, string kept) =>
        UploadFileNames.Clean(sent).Should().Be(kept);

    [Fact]
    public void ARightToLeftOverride_AndOtherInvisibleCharacters_AreRemoved()
    {
        // Shown as "reportexe.csv" read right to left: "report" + RLO + "vsc.exe".
        UploadFileNames.Clean("report\u202Evsc.exe").Should().Be("reportvsc.exe");
        UploadFileNames.Clean("a\u200Bb\u2066c\u2069\u200E\u200F\u061C\uFEFF.csv").Should().Be("abc.csv");
        UploadFileNames.Clean("line\r\nbreak\t\0.csv").Should().Be("linebreak.csv");
    }

    [Fact]
    public void ALongName_IsCutTo200Characters_KeepingTheExtension()
    {
        var cleaned = UploadFileNames.Clean(new string('a', 5_000) + ".csv");

        cleaned.Length.Should().Be(UploadFileNames.MaxLength);
        cleaned.Should().EndWith("….csv");
    }

    [Fact]
    public void ACutNeverSplitsACharacterInTwo()
    {
        var cleaned = UploadFileNames.Clean(new string('a', 194) + string.Concat(Enumerable.Repeat("😀", 20)) + ".csv");

        cleaned.Length.Should().BeLessThanOrEqualTo(UploadFileNames.MaxLength);
        cleaned.EnumerateRunes().Should().NotContain(r => r == System.Text.Rune.ReplacementChar);
        char.IsHighSurrogate(cleaned[^6]).Should().BeFalse("the character before the ellipsis is whole");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("\u202E")]
    [InlineData("C:\\folder\\")]
    [InlineData("..")]
    public void ANameWithNothingVisibleLeft_BecomesUploadCsv(string? sent) =>
        UploadFileNames.Clean(sent).Should().Be("upload.csv");
}
