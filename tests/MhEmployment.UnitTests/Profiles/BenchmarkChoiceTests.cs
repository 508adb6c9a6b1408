using MhEmployment.Web.Features.Profiles;

namespace MhEmployment.UnitTests.Profiles;

public sealed class BenchmarkChoiceTests
{
    [Fact]
    public void OneCode_IsThatAreasValue()
    {
        var choice = BenchmarkChoice.Parse(" e12000007 ")!;
        choice.IsGroup.Should().BeFalse();
        choice.Codes.Should().Equal("E12000007");
    }

    [Fact]
    public void SeveralCodes_AreAGroup_InOneOrderWhateverTheirOrderInTheQuery()
    {
        var a = BenchmarkChoice.Parse("E09000007,E09000012, E09000007")!;
        var b = BenchmarkChoice.Parse("E09000012,E09000007")!;
        a.IsGroup.Should().BeTrue();
        a.Codes.Should().Equal("E09000007", "E09000012");
        a.Key.Should().Be(b.Key);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" , ")]
    public void Nothing_IsNoChoice(string? text) => BenchmarkChoice.Parse(text).Should().BeNull();

    [Theory]
    [InlineData("upper-tier", ComparisonGroup.UpperTier)]
    [InlineData("UpperTierInRegion", ComparisonGroup.UpperTierInRegion)]
    [InlineData("integrated_care_boards", ComparisonGroup.IntegratedCareBoards)]
    public void GroupsReadFromTheirSlugOrName(string text, ComparisonGroup expected)
    {
        ComparisonGroups.Parse(text).Should().Be(expected);
        ComparisonGroups.Parse(ComparisonGroups.Slug(expected)).Should().Be(expected);
    }

    [Theory]
    [InlineData("everywhere")]
    [InlineData("42")]
    public void UnknownGroups_AreNotGuessed(string text) => ComparisonGroups.Parse(text).Should().BeNull();
}
