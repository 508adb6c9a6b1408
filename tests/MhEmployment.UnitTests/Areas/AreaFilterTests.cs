using MhEmployment.Web.Domain;
using MhEmployment.Web.Features.Areas;

namespace MhEmployment.UnitTests.Areas;

public sealed class AreaFilterTests
{
    [Theory]
    [InlineData("LondonBorough")]
    [InlineData("londonborough")]
    [InlineData("london-borough")]
    [InlineData("London_Borough")]
    public void Kind_AcceptsTheNameInAnyCaseAndSeparator(string value) =>
        AreaFilter.ParseKind(value).Should().Be(AreaKind.LondonBorough);

    [Theory]
    [InlineData("Borough")]
    [InlineData("3")]
    [InlineData("99")]
    public void Kind_RefusesUnknownNamesAndNumbers(string value) =>
        AreaFilter.ParseKind(value).Should().BeNull();

    [Fact]
    public void Parse_BadValues_NameEachParameterAndWhatIsAccepted()
    {
        var (filter, errors) = AreaFilter.Parse("Borough", "London", "maybe");

        filter.Should().BeNull();
        errors.Keys.Should().BeEquivalentTo("kind", "region", "includeHistorical");
        errors["kind"].Single().Should().Contain("'Borough'").And.Contain("LondonBorough");
        errors["region"].Single().Should().Contain("E12000007");
        errors["includeHistorical"].Single().Should().Contain("'maybe'");
    }

    [Fact]
    public void Parse_GoodValues_NormaliseTheRegionCode()
    {
        var (filter, errors) = AreaFilter.Parse("county", " e12000002 ", "true", "  cumbria ");

        errors.Should().BeEmpty();
        filter.Should().Be(new AreaFilter(AreaKind.County, "E12000002", true, "cumbria"));
    }

    [Fact]
    public void Parse_Nothing_MeansCurrentAreasOfAnyKind() =>
        AreaFilter.Parse(null, "", null).Filter.Should().Be(AreaFilter.CurrentAreas);
}
