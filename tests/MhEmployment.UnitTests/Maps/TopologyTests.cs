using MhEmployment.Web.Features.Maps;

namespace MhEmployment.UnitTests.Maps;

public sealed class TopologyTests
{
    // Two unit squares side by side sharing the edge x = 1 (arc 0). The right square uses that arc reversed (~0 = -1)
    // and is a MultiPolygon. Quantized: positions are delta-encoded integers, scaled by 0.5.
    private const string TwoSquares = """
        {"type":"Topology",
         "transform":{"scale":[0.5,0.5],"translate":[0,0]},
         "arcs":[
           [[2,0],[0,2]],
           [[2,2],[-2,0],[0,-2],[2,0]],
           [[2,0],[2,0],[0,2],[-2,0]]
         ],
         "objects":{"areas":{"type":"GeometryCollection","geometries":[
           {"type":"Polygon","arcs":[[0,1]],"properties":{"code":"LEFT","n":7}},
           {"type":"MultiPolygon","arcs":[[[2,-1]]],"properties":{"code":"RIGHT"}},
           {"type":"LineString","arcs":[0],"properties":{"code":"SKIPPED"}}
         ]}}}
        """;

    [Fact]
    public void Arcs_AreDeltaDecodedAndTransformed()
    {
        var topology = Topology.Parse(TwoSquares);

        topology.Arcs[0].Should().Equal(new GeoPoint(1, 0), new GeoPoint(1, 1));
        topology.Arcs[2].Should().Equal(new GeoPoint(1, 0), new GeoPoint(2, 0), new GeoPoint(2, 1), new GeoPoint(1, 1));
    }

    [Fact]
    public void Rings_FollowTheirArcs_ReversingNegativeIndexes_WithoutRepeatingJoins()
    {
        var topology = Topology.Parse(TwoSquares);
        var areas = topology.Objects["areas"];

        areas.Select(a => a.Properties["code"]).Should().Equal("LEFT", "RIGHT");
        areas[0].Properties["n"].Should().Be("7");
        Topology.Ring(areas[0].Polygons[0][0], topology.Arcs).Should().Equal(
            new GeoPoint(1, 0), new GeoPoint(1, 1), new GeoPoint(0, 1), new GeoPoint(0, 0), new GeoPoint(1, 0));
        Topology.Ring(areas[1].Polygons[0][0], topology.Arcs).Should().Equal(
            new GeoPoint(1, 0), new GeoPoint(2, 0), new GeoPoint(2, 1), new GeoPoint(1, 1), new GeoPoint(1, 0));
    }

    [Fact]
    public void Layer_ProjectsAndFitsTheSquares_IntoTheViewBox()
    {
        var topology = Topology.Parse(TwoSquares);
        var features = topology.Objects["areas"].Select(g => (g.Properties["code"], g.Properties["code"], g)).ToList();

        // 2 × 1 degrees at the equator into 200 × 100 pixels plus the 4-pixel margin.
        var layer = MapLayer.Build(topology, features, 208, 108, tolerance: 0.3);

        layer.Areas.Select(a => (a.Code, a.Path)).Should().Equal(
            ("LEFT", "M104 104l0-100-100 0 0 100Z"),
            ("RIGHT", "M104 104l100 0 0-100-100 0Z"));
    }

    [Fact]
    public void Simplify_DropsPointsWithinTheTolerance_AndKeepsTheEnds()
    {
        GeoPoint[] line = [new(0, 0), new(1, 0.1), new(2, -0.1), new(3, 5), new(4, 0.2), new(5, 0)];

        MapLayer.Simplify(line, 0.3).Should().Equal(new GeoPoint(0, 0), new GeoPoint(2, -0.1), new GeoPoint(3, 5), new GeoPoint(4, 0.2), new GeoPoint(5, 0));
        MapLayer.Simplify(line, 10).Should().Equal(new GeoPoint(0, 0), new GeoPoint(5, 0));
    }

    [Fact]
    public void NotATopology_IsRefused() =>
        FluentActions.Invoking(() => Topology.Parse("""{"type":"FeatureCollection","features":[]}""")).Should().Throw<FormatException>();
}
