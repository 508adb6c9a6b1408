using MhEmployment.Web.Data.Seed;
using MhEmployment.Web.Domain;

namespace MhEmployment.UnitTests.Seed;

public sealed class GeographyBuilderTests
{
    private static readonly ReferenceGeography Geography = GeographyBuilder.Build();
    private static readonly DateOnly Today = new(2026, 1, 1);

    private static Area Area(string code) => Geography.Areas.Single(a => a.Code == code);

    private static string[] SuccessorsOf(string code) =>
        [.. Geography.Successions.Where(s => s.PredecessorCode == code).Select(s => s.SuccessorCode).Order(StringComparer.Ordinal)];

    private static List<Area> Current(AreaKind kind) =>
        [.. Geography.Areas.Where(a => a.Kind == kind && a.IsCurrentOn(Today))];

    [Fact]
    public void London_HasTheCityAndThe32BoroughsE09000001ToE09000033()
    {
        var london = Geography.Areas.Where(a => a.RegionCode == AreaCodes.London && a.IsCurrentOn(Today)).ToList();

        london.Select(a => a.Code).Should().BeEquivalentTo(Enumerable.Range(1, 33).Select(i => $"E090000{i:00}"));
        london.Should().OnlyContain(a => a.Kind == AreaKind.LondonBorough);
        Area("E09000001").Name.Should().Be("City of London");
        Area("E09000012").Name.Should().Be("Hackney");
    }

    [Fact]
    public void CurrentLocalAuthorities_Are296DistrictsAnd21CountiesIn9Regions()
    {
        var districts = Current(AreaKind.NonMetropolitanDistrict).Count + Current(AreaKind.UnitaryAuthority).Count
            + Current(AreaKind.MetropolitanDistrict).Count + Current(AreaKind.LondonBorough).Count;

        districts.Should().Be(296);
        Current(AreaKind.County).Should().HaveCount(21);
        Current(AreaKind.Region).Should().HaveCount(9);
        Current(AreaKind.Country).Should().ContainSingle(a => a.Code == AreaCodes.England);
    }

    [Fact]
    public void Cumbria_EndedOn31March2023_SplitBetweenCumberlandAndWestmorlandAndFurness()
    {
        var cumbria = Area("E10000006");

        cumbria.ValidTo.Should().Be(new DateOnly(2023, 3, 31));
        cumbria.RegionCode.Should().Be("E12000002");
        SuccessorsOf("E10000006").Should().Equal("E06000063", "E06000064");
        Geography.Successions.Where(s => s.PredecessorCode == "E10000006").Should()
            .OnlyContain(s => s.Kind == SuccessionKind.Split && s.EffectiveFrom == new DateOnly(2023, 4, 1));
        Area("E06000063").ValidFrom.Should().Be(new DateOnly(2023, 4, 1));
    }

    [Fact]
    public void DorsetCounty_WentIntoDorsetAndBournemouthChristchurchAndPooleIn2019()
    {
        // Christchurch was a Dorset district that joined BCP, so the county had two successors.
        SuccessorsOf("E10000009").Should().Equal("E06000058", "E06000059");
        Area("E07000048").ParentCode.Should().Be("E10000009");
    }

    [Fact]
    public void SomersetCounty_HasOnlyTheUnitaryAsSuccessor_NotTheDistrictThatWasItselfAbolished()
    {
        SuccessorsOf("E10000027").Should().Equal("E06000066");
        SuccessorsOf("E07000190").Should().Equal("E07000246");
        SuccessorsOf("E07000246").Should().Equal("E06000066");
        Area("E07000246").ValidFrom.Should().Be(new DateOnly(2019, 4, 1));
        Area("E07000246").ValidTo.Should().Be(new DateOnly(2023, 3, 31));
    }

    [Fact]
    public void Recodes_Of2025_LeaveBarnsleyAndSheffieldCurrentUnderTheirNewCodes()
    {
        Area("E08000016").ValidTo.Should().Be(new DateOnly(2025, 3, 31));
        SuccessorsOf("E08000016").Should().Equal("E08000038");
        Area("E08000038").Should().BeEquivalentTo(new { Name = "Barnsley", RegionCode = "E12000003", ValidTo = (DateOnly?)null });
        Area("E08000039").IsCurrentOn(Today).Should().BeTrue();
    }

    [Fact]
    public void Changes2009_CheshireSplitAndItsDistrictsMergedWithTheirCounty()
    {
        SuccessorsOf("E10000004").Should().Equal("E06000049", "E06000050");
        var chester = Area("E07000013");
        chester.ValidTo.Should().Be(new DateOnly(2009, 3, 31));
        chester.ParentCode.Should().Be("E10000004");
        chester.RegionCode.Should().Be("E12000002");
        SuccessorsOf("E07000013").Should().Equal("E06000050");
        SuccessorsOf("E10000001").Should().Equal("E06000055", "E06000056");
    }

    [Theory]
    [InlineData("E10000005", "E06000052")] // Cornwall
    [InlineData("E10000010", "E06000047")] // Durham
    [InlineData("E10000026", "E06000051")] // Shropshire
    [InlineData("E10000033", "E06000054")] // Wiltshire
    public void Changes2009_CountiesThatBecameUnitaries(string county, string unitary)
    {
        Area(county).ValidTo.Should().Be(new DateOnly(2009, 3, 31));
        SuccessorsOf(county).Should().Contain(unitary);
        Area(unitary).ValidFrom.Should().Be(new DateOnly(2009, 4, 1));
    }

    [Fact]
    public void Northumberland_Unitary_WasRecodedIn2013()
    {
        SuccessorsOf("E10000022").Should().Equal("E06000048");
        SuccessorsOf("E06000048").Should().Equal("E06000057");
        Area("E06000057").IsCurrentOn(Today).Should().BeTrue();
    }

    [Fact]
    public void CombinedAuthorityMemberships_DoNotEndTheMemberCouncils()
    {
        // changes.csv lists "new_geo" rows (e.g. Northumberland joining North of Tyne); they are not abolitions.
        Area("E06000057").ValidTo.Should().BeNull();
        Area("E06000014").ValidTo.Should().BeNull();
        Geography.Areas.Should().NotContain(a => a.Code.StartsWith("E47", StringComparison.Ordinal));
    }

    [Fact]
    public void IntegratedCareBoards_Are42WithOdsCodesUnder7NhsRegions()
    {
        var icbs = Current(AreaKind.IntegratedCareBoard);

        icbs.Should().HaveCount(42);
        icbs.Should().OnlyContain(i => i.OdsCode != null && i.OdsCode.Length == 3 && i.Code.StartsWith("E54", StringComparison.Ordinal));
        icbs.Select(i => i.ParentCode).Distinct().Should().HaveCount(7);
        icbs.Single(i => i.OdsCode == "QMF").Name.Should().Be("NHS North East London Integrated Care Board");
        Current(AreaKind.SubIcbLocation).Should().HaveCount(106).And.OnlyContain(l => l.ParentCode!.StartsWith("E54", StringComparison.Ordinal));
    }

    [Fact]
    public void EveryRegionAndParentReference_PointsAtAnAreaInTheList()
    {
        var codes = Geography.Areas.Select(a => a.Code).ToHashSet();

        Geography.Areas.Where(a => a.RegionCode != null).Should().OnlyContain(a => codes.Contains(a.RegionCode!));
        Geography.Areas.Where(a => a.ParentCode != null).Should().OnlyContain(a => codes.Contains(a.ParentCode!));
        Geography.Areas.Where(a => a.Kind != AreaKind.Country).Should().OnlyContain(a => a.ParentCode != null);
        Geography.Successions.Should().OnlyContain(s => codes.Contains(s.PredecessorCode) && codes.Contains(s.SuccessorCode));
    }

    [Fact]
    public void EveryAbolishedLocalAuthority_HasASuccessorOrIsATerminatedCounty()
    {
        var abolished = Geography.Areas.Where(a => a.ValidTo != null).ToList();

        abolished.Should().HaveCountGreaterThan(90);
        abolished.Should().OnlyContain(a => SuccessorsOf(a.Code).Length > 0, "an area's data must lead somewhere");
    }
}
