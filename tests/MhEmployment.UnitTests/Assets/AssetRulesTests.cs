using MhEmployment.Web.Features.Assets;
using static MhEmployment.UnitTests.Assets.AssetTestData;

namespace MhEmployment.UnitTests.Assets;

public sealed class AssetRulesTests
{
    private static List<FieldError> ErrorsOf(AssetDraft draft, IEnumerable<SimilarAsset>? similar = null, IReadOnlyCollection<int>? current = null) =>
        AssetRules.Validate(draft, Reference, current ?? [], similar ?? []).Errors;

    [Fact]
    public void Validate_AValidDraft_GivesTypedValues_WithThePostcodeTidied()
    {
        var (values, errors) = AssetRules.Validate(Valid, Reference, [], []);

        errors.Should().BeEmpty();
        values!.ItemIds.Should().Equal(Ips.Id);
        values.AreaCodes.Should().Equal("E09000012");
        values.FundingEnd.Should().Be(new DateOnly(2027, 3, 31));
        values.FundingAmount.Should().Be(125000m);
        values.Postcode.Should().Be("E8 1DY");
    }

    [Fact]
    public void Validate_MissingName_SaysToEnterIt()
    {
        ErrorsOf(Valid with { Name = "  " }).Should().ContainSingle(e => e.Field == "name" && e.Message == "Enter the asset's name");
    }

    [Fact]
    public void Validate_UnknownArea_NamesTheCode()
    {
        ErrorsOf(Valid with { Areas = ["E09999999"] }).Should().ContainSingle(e => e.Field == "areas" && e.Value == "E09999999" && e.Message.Contains("No area has the code 'E09999999'"));
    }

    [Fact]
    public void Validate_AbolishedAreaOrCountry_IsRefusedWithTheReason()
    {
        var errors = ErrorsOf(Valid with { Areas = ["E10000006", "E92000001"] });

        errors.Should().Contain(e => e.Value == "E10000006" && e.Message.Contains("no longer exists"));
        errors.Should().Contain(e => e.Value == "E92000001" && e.Message.Contains("not a local authority, region, ICB or sub-ICB location"));
    }

    [Fact]
    public void Validate_FundingEndBeforeStart_IsAnErrorOnTheEndDate()
    {
        ErrorsOf(Valid with { FundingStart = "2026-04-01", FundingEnd = "2026-03-31" })
            .Should().ContainSingle(e => e.Field == "funding_end" && e.Message.Contains("must be on or after its start"));
    }

    [Fact]
    public void Validate_UnknownChecklistItem_NamesTheKey()
    {
        ErrorsOf(Valid with { Items = ["ips-typo"] }).Should().ContainSingle(e => e.Field == "items" && e.Value == "ips-typo" && e.Message.Contains("is not a checklist item"));
    }

    [Fact]
    public void Validate_SameNameAndProviderForTheSameItem_IsADuplicate()
    {
        var similar = new SimilarAsset("asset 7", "Hackney IPS Service", [Ips.Id]);

        ErrorsOf(Valid, [similar]).Should().ContainSingle(e => e.Field == "name" && e.Message.Contains("already has") && e.Message.Contains("asset 7"));
    }

    [Fact]
    public void Validate_SameNameAndProviderForAnotherItem_IsAllowed()
    {
        ErrorsOf(Valid, [new SimilarAsset("asset 7", "Hackney IPS service", [Jobcentre.Id])]).Should().BeEmpty();
    }

    [Fact]
    public void Validate_RetiredItem_IsRefusedForANewAsset_ButKeptByOneThatHasIt()
    {
        ErrorsOf(Valid with { Items = ["old-item"] }).Should().ContainSingle(e => e.Message.Contains("is retired"));
        ErrorsOf(Valid with { Items = ["old-item"] }, current: [Retired.Id]).Should().BeEmpty();
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("data:text/html,hi")]
    [InlineData("www.example.org")]
    public void Validate_AWebsiteThatIsNotAWebAddress_IsRefused_SoItNeverBecomesALink(string website)
    {
        ErrorsOf(Valid with { Website = website }).Should().ContainSingle(e => e.Field == "website");
    }

    [Theory]
    [InlineData("-5", "capacity_per_year")]
    [InlineData("lots", "capacity_per_year")]
    [InlineData("12.5.1", "funding_amount")]
    [InlineData("31/02/2026", "funding_start")]
    public void Validate_NumbersAndDatesThatCannotBeRead_AreLocated(string value, string field)
    {
        var draft = field switch
        {
            "capacity_per_year" => Valid with { CapacityPerYear = value },
            "funding_amount" => Valid with { FundingAmount = value },
            _ => Valid with { FundingStart = value },
        };
        ErrorsOf(draft).Should().ContainSingle(e => e.Field == field && e.Value == value);
    }

    [Fact]
    public void Validate_EveryProblemIsReportedAtOnce()
    {
        var errors = ErrorsOf(new AssetDraft { Sector = "charity" });

        errors.Select(e => e.Field).Should().BeEquivalentTo(["name", "provider", "sector", "items", "areas"]);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("4")]
    [InlineData("two")]
    [InlineData("")]
    public void ValidateRating_OutsideOneToThree_IsRefused(string rating)
    {
        var (value, _, errors) = AssetRules.ValidateRating(rating, "Because");

        value.Should().BeNull();
        errors.Should().ContainSingle(e => e.Field == "rating");
    }

    [Fact]
    public void ValidateRating_NeedsARationale()
    {
        AssetRules.ValidateRating("2", " ").Errors.Should().ContainSingle(e => e.Field == "rationale");
        AssetRules.ValidateRating("2", "Waiting list of 40").Rating.Should().Be(2);
    }

    [Fact]
    public void HtmlAndFormulaText_IsStoredAsGiven()
    {
        var (values, _) = AssetRules.Validate(Valid with { Description = "<script>alert(1)</script>", Contact = "=HYPERLINK(\"http://x\")" }, Reference, [], []);

        values!.Description.Should().Be("<script>alert(1)</script>");
        values.Contact.Should().Be("=HYPERLINK(\"http://x\")");
    }
}
