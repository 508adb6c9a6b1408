using MhEmployment.Web.Infrastructure;

namespace MhEmployment.UnitTests.Downloads;

public sealed class SpreadsheetTextTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://x\",\"y\")")]
    [InlineData("+44 20 7946 0000")]
    [InlineData("-suppressed")]
    [InlineData("@SUM(A1)")]
    [InlineData("\tlead")]
    [InlineData("\rlead")]
    public void TextASpreadsheetWouldEvaluate_GetsAQuoteMarkInFront(string text) =>
        SpreadsheetText.Neutralise(text).Should().Be("'" + text);

    [Theory]
    [InlineData("Hackney")]
    [InlineData("1.5")]
    [InlineData("a=b")]
    [InlineData(" =not first")]
    public void OtherText_IsLeftAsItIs(string text) => SpreadsheetText.Neutralise(text).Should().Be(text);

    [Fact]
    public void NoText_IsEmpty() => SpreadsheetText.Neutralise(null).Should().BeEmpty();
}
