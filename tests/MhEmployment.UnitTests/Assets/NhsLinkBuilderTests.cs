using MhEmployment.Web.Data.Seed;
using MhEmployment.Web.Domain;

namespace MhEmployment.UnitTests.Assets;

public sealed class NhsLinkBuilderTests
{
    private static readonly ReferenceGeography Geography = GeographyBuilder.Build();
    private static readonly NhsLinkBuild Bundled = NhsLinkBuilder.Build(Geography);

    /// <summary>
    /// Current upper-tier authorities with no row in the CQC lookup (their sub-ICB locations are absent from it), so
    /// with no ICB; listed in Data/Seed/SOURCES.md.
    /// </summary>
    private static readonly string[] WithoutLinks =
    [
        "E06000015", // Derby
        "E06000031", // Peterborough
        "E06000061", // North Northamptonshire
        "E06000062", // West Northamptonshire
        "E08000008", // Tameside
        "E08000025", // Birmingham
        "E08000027", // Dudley
        "E08000028", // Sandwell
        "E08000029", // Solihull
        "E08000030", // Walsall
        "E08000031", // Wolverhampton
        "E09000001", // City of London
        "E10000003", // Cambridgeshire
        "E10000007", // Derbyshire
    ];

    private static List<AreaNhsLink> LinksOf(string code) => [.. Bundled.Links.Where(l => l.LocalAuthorityCode == code)];

    [Fact]
    public void BundledLookup_EveryAuthorityItNamesMatchesOneWeHold()
    {
        Bundled.UnmatchedAuthorities.Should().BeEmpty();
        SeedFiles.ReadCsv(NhsLinkBuilder.File).Should().HaveCount(168);
    }

    [Fact]
    public void Hackney_IsLinkedOnlyToNorthEastLondon()
    {
        LinksOf("E09000012").Should().ContainSingle().Which.Should().BeEquivalentTo(
            new AreaNhsLink { LocalAuthorityCode = "E09000012", SubIcbLocationCode = "E38000255", IcbCode = "E54000029", ThroughCode = null });
    }

    [Fact]
    public void Barnet_IsLinkedOnlyToNorthCentralLondon()
    {
        LinksOf("E09000003").Should().ContainSingle().Which.Should().Match<AreaNhsLink>(l =>
            l.SubIcbLocationCode == "E38000240" && l.IcbCode == "E54000028" && l.ThroughCode == null);
    }

    [Fact]
    public void Essex_IsLinkedToThreeIcbsThroughFiveSubIcbLocations()
    {
        var essex = LinksOf("E10000012");

        essex.Select(l => l.IcbCode).Distinct().Should().BeEquivalentTo(["E54000026", "E54000023", "E54000025"]);
        essex.Select(l => l.SubIcbLocationCode).Should().BeEquivalentTo(["E38000007", "E38000030", "E38000106", "E38000117", "E38000197"]);
        essex.Should().OnlyContain(l => l.ThroughCode == null);
    }

    [Fact]
    public void NonMetropolitanDistrict_TakesItsCountysLinks_MarkedAsTheCountys()
    {
        var chelmsford = LinksOf("E07000070");

        chelmsford.Select(l => l.SubIcbLocationCode).Should().BeEquivalentTo(LinksOf("E10000012").Select(l => l.SubIcbLocationCode));
        chelmsford.Should().OnlyContain(l => l.ThroughCode == "E10000012");
    }

    [Fact]
    public void AuthoritiesReorganisedSince2022_GetTheirPredecessorsLinks()
    {
        // Cumbria was split in 2023: each successor gets the county's two ICBs, marked as Cumbria's.
        foreach (var successor in new[] { "E06000063", "E06000064" })
        {
            LinksOf(successor).Select(l => l.IcbCode).Distinct().Should().BeEquivalentTo(["E54000050", "E54000048"], successor);
            LinksOf(successor).Should().OnlyContain(l => l.ThroughCode == "E10000006", successor);
        }
        // The North Yorkshire and Somerset unitaries (2023) are their counties whole: the links are their own.
        LinksOf("E06000065").Select(l => l.SubIcbLocationCode).Should().BeEquivalentTo(["E38000241", "E38000232", "E38000188", "E38000228"]);
        LinksOf("E06000065").Select(l => l.IcbCode).Distinct().Should().BeEquivalentTo(["E54000051", "E54000054", "E54000048"]);
        LinksOf("E06000066").Should().ContainSingle().Which.SubIcbLocationCode.Should().Be("E38000150");
        // Barnsley and Sheffield, recoded in 2025.
        LinksOf("E08000038").Should().ContainSingle().Which.Should().Match<AreaNhsLink>(l => l.SubIcbLocationCode == "E38000006" && l.ThroughCode == null);
        LinksOf("E08000039").Should().ContainSingle().Which.SubIcbLocationCode.Should().Be("E38000146");
        // Nothing is linked to an abolished code.
        Bundled.Links.Should().NotContain(l => l.LocalAuthorityCode == "E10000006" || l.LocalAuthorityCode == "E08000016");
    }

    [Fact]
    public void EveryCurrentUpperTierAuthority_HasAnIcb_ExceptTheListedOnes()
    {
        var upperTier = Geography.Areas
            .Where(a => a.ValidTo is null && a.Kind is AreaKind.County or AreaKind.UnitaryAuthority or AreaKind.MetropolitanDistrict or AreaKind.LondonBorough)
            .Select(a => a.Code).ToList();
        var linked = Bundled.Links.Select(l => l.LocalAuthorityCode).ToHashSet();

        upperTier.Should().HaveCount(153);
        upperTier.Where(c => !linked.Contains(c)).Should().BeEquivalentTo(WithoutLinks);
    }

    [Fact]
    public void EveryCurrentDistrict_HasItsCountysLinks_UnlessItsCountyHasNone()
    {
        var districts = Geography.Areas.Where(a => a.ValidTo is null && a.Kind == AreaKind.NonMetropolitanDistrict).ToList();
        var linked = Bundled.Links.Select(l => l.LocalAuthorityCode).ToHashSet();

        districts.Where(d => !linked.Contains(d.Code)).Select(d => d.ParentCode).Distinct()
            .Should().BeEquivalentTo(["E10000003", "E10000007"]);
    }

    [Theory]
    [InlineData("Herefordshire, County of", "Herefordshire")]
    [InlineData("Herefordshire, County of", "County of Herefordshire")]
    [InlineData("Bristol, City of", "City of Bristol")]
    [InlineData("Kingston upon Hull, City of", "kingston upon hull")]
    [InlineData("St. Helens", "St Helens")]
    [InlineData("Brighton and Hove", "Brighton & Hove")]
    [InlineData("Stockton-on-Tees", "Stockton on Tees")]
    public void AuthorityName_MatchesItsOtherForms(string onsName, string otherForm)
    {
        var build = NhsLinkBuilder.Build(Geography, [(onsName, "E06000023")], [(otherForm, "15C")]);

        build.UnmatchedAuthorities.Should().BeEmpty();
        build.Links.Should().ContainSingle(l => l.LocalAuthorityCode == "E06000023");
    }

    [Fact]
    public void AuthorityNameMatchingNone_IsReported_AndTheOthersStillLink()
    {
        var build = NhsLinkBuilder.Build(Geography, NhsLinkBuilder.AuthorityNames(), [("Atlantis", "15C"), ("City of London", "A3A8R")]);

        build.UnmatchedAuthorities.Should().Equal("Atlantis");
        build.Links.Should().ContainSingle().Which.LocalAuthorityCode.Should().Be("E09000001");
    }

    [Fact]
    public void AuthorityNamedAsSince2022_IsMatchedThroughTheDecember2023List()
    {
        var build = NhsLinkBuilder.Build(Geography, NhsLinkBuilder.AuthorityNames(), [("Cumberland", "01H")]);

        build.Links.Should().ContainSingle().Which.Should().Match<AreaNhsLink>(l =>
            l.LocalAuthorityCode == "E06000063" && l.SubIcbLocationCode == "E38000215" && l.ThroughCode == null);
    }

    [Fact]
    public void SubIcbLocationNotInTheOnsLookup_IsRefusedWithItsCode()
    {
        var act = () => NhsLinkBuilder.Build(Geography, NhsLinkBuilder.AuthorityNames(), [("Hackney", "ZZZ")]);

        act.Should().Throw<InvalidDataException>().WithMessage("*'ZZZ'*Hackney*");
    }
}
