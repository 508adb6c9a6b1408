using MhEmployment.Web.Domain;
using MhEmployment.Web.Features.Indicators;

namespace MhEmployment.UnitTests.Indicators;

public sealed class IndicatorTextTests
{
    [Fact]
    public void EveryThemesSlug_IsItsNameInLowerCase_AndNamesItBack()
    {
        foreach (var theme in Enum.GetValues<IndicatorTheme>())
        {
            var slug = IndicatorText.ThemeSlug(theme);

            slug.Should().Be(theme.ToString().ToLowerInvariant());
            IndicatorText.ThemeFromSlug(slug).Should().Be(theme);
            IndicatorText.ThemeFromSlug($" {slug.ToUpperInvariant()} ").Should().Be(theme);
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("0")]
    [InlineData("jobs")]
    [InlineData("all")]
    public void AValueThatIsNotAThemesSlug_NamesNoTheme(string? slug) =>
        IndicatorText.ThemeFromSlug(slug).Should().BeNull();
}
