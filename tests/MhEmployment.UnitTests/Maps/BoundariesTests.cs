using System.Globalization;
using MhEmployment.Web.Features.Maps;

namespace MhEmployment.UnitTests.Maps;

public sealed class BoundariesTests
{
    [Fact]
    public void London_HasExactlyThe33Boroughs()
    {
        var expected = Enumerable.Range(1, 33).Select(i => $"E09{i.ToString("000000", CultureInfo.InvariantCulture)}");

        Boundaries.Codes(MapKind.London).Should().Equal(expected);
    }

    /// <summary>
    /// ONS counts 153 upper-tier authorities in England from April 2023 (and after the 2025 recodes): 21 county
    /// councils (E10), 63 unitary authorities (E06: 62 plus the Isles of Scilly council), 36 metropolitan
    /// districts (E08) and 33 London boroughs (E09, counting the City of London). The 2023 changes replaced the
    /// Cumbria, North Yorkshire and Somerset counties with four unitaries (152 − 3 + 4); the 2025 Barnsley and
    /// Sheffield recodes changed codes, not the count.
    /// </summary>
    [Fact]
    public void EnglandUpperTier_CurrentGeography_Has153Authorities()
    {
        var codes = Boundaries.Codes(MapKind.EnglandUpperTier);

        codes.Should().HaveCount(153).And.OnlyHaveUniqueItems();
        codes.GroupBy(c => c[..3]).ToDictionary(g => g.Key, g => g.Count())
            .Should().BeEquivalentTo(new Dictionary<string, int> { ["E06"] = 63, ["E08"] = 36, ["E09"] = 33, ["E10"] = 21 });
        codes.Should().Contain(["E06000053", "E06000063", "E06000064", "E06000065", "E06000066", "E08000038", "E08000039", "E09000001"]);
        codes.Should().NotContain(["E10000006", "E10000023", "E10000027", "E08000016", "E08000019"]);
        Boundaries.CurrentYear.Should().Be(2025);
    }

    [Theory]
    [InlineData(2022, 152, "E10000006", "E06000063")]  // Cumbria still a county
    [InlineData(2024, 153, "E08000019", "E08000039")]  // Sheffield before its recode
    [InlineData(2019, 151, "E06000058", "E06000060")]  // BCP formed, Buckinghamshire not yet unitary
    [InlineData(1990, 152, "E06000028", "E06000058")]  // before the file's range: drawn as 2014
    [InlineData(2040, 153, "E08000039", "E08000019")]  // after it: the current geography
    public void EnglandUpperTier_ForAYear_HasTheAreasValidThen(int year, int count, string present, string absent)
    {
        var codes = Boundaries.Codes(MapKind.EnglandUpperTier, year);

        codes.Should().HaveCount(count).And.Contain(present).And.NotContain(absent);
    }

    [Theory]
    [InlineData("E06000063", "Cumberland")]
    [InlineData("E09000001", "City of London")]
    [InlineData("e09000021", "Kingston upon Thames")] // ONS spelling, not the GLA file's
    [InlineData("E10000006", "Cumbria")]              // abolished areas still have names for old data
    [InlineData("E99999999", null)]
    public void Name_IsTheOnsName(string code, string? expected) =>
        Boundaries.Name(code).Should().Be(expected);

    [Theory]
    [InlineData(MapKind.London)]
    [InlineData(MapKind.EnglandUpperTier)]
    public void EveryArea_HasAShape_InsideTheViewBox(MapKind kind)
    {
        var layer = Boundaries.Layer(kind);

        foreach (var area in layer.Areas)
        {
            var points = MapPath.Rings(area.Path).SelectMany(r => r).ToList();
            points.Should().HaveCountGreaterThanOrEqualTo(3, $"{area.Code} must be drawn");
            points.Should().OnlyContain(p => p.X >= 0 && p.X <= layer.Width && p.Y >= 0 && p.Y <= layer.Height, area.Code);
        }
    }

    [Fact]
    public void Maps_FillTheirViewBox()
    {
        var layer = Boundaries.Layer(MapKind.EnglandUpperTier);
        var points = layer.Areas.SelectMany(a => MapPath.Rings(a.Path)).SelectMany(r => r).ToList();

        // Fitted with a 4px margin on the limiting side: England is taller than wide. The far south can fall a
        // little short because islets of the Isles of Scilly smaller than a triangle at this scale are not drawn.
        points.Min(p => p.Y).Should().BeApproximately(4, 0.2);
        points.Max(p => p.Y).Should().BeInRange(layer.Height - 4 - 2, layer.Height - 4);
        points.Min(p => p.X).Should().BeGreaterThan(4 - 0.2);
        points.Max(p => p.X).Should().BeLessThan(layer.Width - 4 + 0.2);
    }

    [Fact]
    public void Layers_AreBuiltOnce_AndReused()
    {
        Boundaries.Layer(MapKind.EnglandUpperTier).Should().BeSameAs(Boundaries.Layer(MapKind.EnglandUpperTier, 2025));
        Boundaries.Layer(MapKind.London).Should().BeSameAs(Boundaries.Layer(MapKind.London, 2019));
    }
}
