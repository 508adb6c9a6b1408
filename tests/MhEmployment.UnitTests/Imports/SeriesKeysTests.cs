using MhEmployment.Web.Features.Imports;

namespace MhEmployment.UnitTests.Imports;

public sealed class SeriesKeysTests
{
    [Theory]
    [InlineData("fingertips:41001", "fingertips-41001")]
    [InlineData("mhsds:MRS01b", "mhsds-mrs01b")]
    public void NewIndicatorKeys_AreReadableAndStable(string series, string key) => SeriesKeys.NewIndicatorKey(series).Should().Be(key);

    [Fact]
    public void NomisKeys_AreShortenedWithAHashThatKeepsThemApart()
    {
        var a = SeriesKeys.NewIndicatorKey("nomis:MEASURES_NAME=Value|GENDER_NAME=Total|C_AGE_NAME=All Ages");
        var b = SeriesKeys.NewIndicatorKey("nomis:MEASURES_NAME=Value|GENDER_NAME=Male|C_AGE_NAME=All Ages");

        a.Should().StartWith("nomis-measures-name-value-gender-name-total").And.NotBe(b);
        a.Length.Should().BeLessThanOrEqualTo(100);
        SeriesKeys.NewIndicatorKey("nomis:MEASURES_NAME=Value|GENDER_NAME=Total|C_AGE_NAME=All Ages").Should().Be(a);
    }
}
