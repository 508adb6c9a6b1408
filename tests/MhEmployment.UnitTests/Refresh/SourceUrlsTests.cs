using MhEmployment.Web.Domain;
using MhEmployment.Web.Features.Refresh.Fetching;

namespace MhEmployment.UnitTests.Refresh;

public sealed class SourceUrlsTests
{
    private static readonly SourceOptions Defaults = new();

    [Fact]
    public void Fingertips_AsksForOneIndicatorAndAreaType_WithEnglandAsParent()
    {
        SourceUrls.Fingertips(Defaults.FingertipsBaseUrl, 93495, 502).AbsoluteUri.Should().Be(
            "https://fingertips.phe.org.uk/api/all_data/csv/by_indicator_id?indicator_ids=93495&child_area_type_id=502&parent_area_type_id=15&include_sortable_time_periods=yes");
    }

    [Fact]
    public void NomisPage_AppendsPagingToTheQuery()
    {
        SourceUrls.NomisPage(Defaults.NomisBaseUrl, "NM_134_1", "geography=TYPE154&date=latest&measures=20100", 50_000, 25_000).AbsoluteUri.Should().Be(
            "https://www.nomisweb.co.uk/api/v01/dataset/NM_134_1.data.csv?geography=TYPE154&date=latest&measures=20100&recordoffset=50000&recordlimit=25000");
    }

    [Theory]
    [InlineData("?geography=TYPE154&", "geography=TYPE154&recordoffset=0&recordlimit=100")]
    [InlineData("", "recordoffset=0&recordlimit=100")]
    [InlineData(null, "recordoffset=0&recordlimit=100")]
    public void NomisPage_TrimsAPastedQuestionMarkAndAmpersands(string? query, string expected)
    {
        SourceUrls.NomisPage(new Uri("http://nomis.test/api/v01/"), "NM_1_1", query, 0, 100).Query.Should().Be("?" + expected);
    }

    [Fact]
    public void BaseUrlWithoutTrailingSlash_KeepsItsLastSegment()
    {
        SourceUrls.Fingertips(new Uri("http://proxy.test/fingertips/api"), 1, 6).AbsolutePath.Should().Be("/fingertips/api/all_data/csv/by_indicator_id");
    }

    [Fact]
    public void First_IsTheFirstAreaTypeOrTheFirstPage_AndNullWithoutAUsableSource()
    {
        var fingertips = Indicator(i => { i.RefreshSource = IndicatorSourceKind.Fingertips; i.FingertipsId = 93495; i.FingertipsAreaTypes = "501, 502"; });
        SourceUrls.First(fingertips, Defaults)!.Query.Should().Contain("child_area_type_id=501");
        SourceUrls.FileName(fingertips).Should().Be("fingertips-93495.csv");

        var nomis = Indicator(i => { i.RefreshSource = IndicatorSourceKind.Nomis; i.NomisDataset = " NM_134_1 "; i.NomisQuery = "date=latest"; });
        SourceUrls.First(nomis, Defaults)!.AbsoluteUri.Should().EndWith("dataset/NM_134_1.data.csv?date=latest&recordoffset=0&recordlimit=25000");
        SourceUrls.FileName(nomis).Should().Be("nomis-NM_134_1.csv");

        SourceUrls.First(Indicator(_ => { }), Defaults).Should().BeNull();
    }

    [Theory]
    [InlineData("502,501", new[] { 502, 501 })]
    [InlineData(" 502 , 502, 6 ", new[] { 502, 6 })]
    [InlineData("502,counties", new int[0])]
    [InlineData("-1", new int[0])]
    [InlineData("", new int[0])]
    public void AreaTypes_AreTheListsIdsInOrderWithoutRepeats_OrNoneWhenOneIsNotAnId(string list, int[] expected)
    {
        SourceCheck.AreaTypes(list).Should().Equal(expected);
    }

    [Fact]
    public void ProblemWith_ExplainsEachIncompleteSource()
    {
        SourceCheck.ProblemWith(Indicator(_ => { })).Should().Contain("has no source to refresh from");
        SourceCheck.ProblemWith(Indicator(i => i.RefreshSource = IndicatorSourceKind.Fingertips)).Should().Contain("has no Fingertips indicator id");
        SourceCheck.ProblemWith(Indicator(i => { i.RefreshSource = IndicatorSourceKind.Fingertips; i.FingertipsId = 1; }))
            .Should().Contain("names no area types");
        SourceCheck.ProblemWith(Indicator(i => { i.RefreshSource = IndicatorSourceKind.Fingertips; i.FingertipsId = 1; i.FingertipsAreaTypes = "UTLA"; }))
            .Should().Contain("\"UTLA\" are not area type ids");
        SourceCheck.ProblemWith(Indicator(i => i.RefreshSource = IndicatorSourceKind.Nomis)).Should().Contain("has no NOMIS dataset");
        SourceCheck.ProblemWith(Indicator(i => { i.RefreshSource = IndicatorSourceKind.Nomis; i.NomisDataset = "ESA claimants"; }))
            .Should().Contain("is not a NOMIS dataset id");
        SourceCheck.ProblemWith(Indicator(i => { i.RefreshSource = IndicatorSourceKind.Nomis; i.NomisDataset = "NM_134_1"; i.NomisQuery = "date=latest&RecordLimit=10"; }))
            .Should().Contain("Leave out RecordLimit");
        SourceCheck.ProblemWith(Indicator(i => { i.RefreshSource = IndicatorSourceKind.Nomis; i.NomisDataset = "nm_134_1"; i.NomisQuery = "date=latest"; }))
            .Should().BeNull();
    }

    private static Indicator Indicator(Action<Indicator> set)
    {
        var indicator = new Indicator { Key = "k", Name = "Test indicator", Definition = "", Source = "", Age = "" };
        set(indicator);
        return indicator;
    }
}
