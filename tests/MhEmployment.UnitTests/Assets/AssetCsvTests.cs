using MhEmployment.Web.Domain;
using MhEmployment.Web.Features.Assets;
using static MhEmployment.UnitTests.Assets.AssetTestData;

namespace MhEmployment.UnitTests.Assets;

public sealed class AssetCsvTests
{
    private const string Header = "name,provider,sector,items,areas,description";

    [Fact]
    public void Export_NeutralisesFormulaText_AndReadingItBackGivesTheTextAsStored()
    {
        var asset = new Asset { Id = 4, Name = "=SUM(A1:A9)", Provider = "+Provider", CreatedBy = "a", UpdatedBy = "a", Description = "@cmd, \"quoted\"\nsecond line" };
        asset.Items.Add(new AssetItemLink { ItemId = Ips.Id });
        asset.Areas.Add(new AssetAreaLink { AreaCode = "E09000012" });

        var text = System.Text.Encoding.UTF8.GetString(AssetCsv.Export([asset], Reference.ItemsById)).TrimStart('\uFEFF');

        text.Should().Contain("4,'=SUM(A1:A9)").And.Contain("'+Provider");
        var (rows, errors) = AssetCsv.Read(text);
        errors.Should().BeEmpty();
        rows.Single().Id.Should().Be(4);
        rows.Single().Draft.Name.Should().Be("=SUM(A1:A9)");
        rows.Single().Draft.Provider.Should().Be("+Provider");
        rows.Single().Draft.Description.Should().Be("@cmd, \"quoted\"\nsecond line");
        rows.Single().Draft.Items.Should().Equal("cmht-ips");
    }

    [Fact]
    public void Read_AnUnknownDuplicatedOrMissingColumn_IsAnErrorOnTheHeaderLine()
    {
        var (rows, errors) = AssetCsv.Read("name,name,sector,colour\nA,B,nhs,red\n");

        rows.Should().BeEmpty();
        errors.Should().OnlyContain(e => e.Line == 1);
        errors.Should().Contain(e => e.Column == "name" && e.Message.Contains("appears 2 times"));
        errors.Should().Contain(e => e.Column == "colour" && e.Message.Contains("is not a column"));
        errors.Should().Contain(e => e.Column == "provider" && e.Message.Contains("required column"));
    }

    [Fact]
    public void Read_ARowWithTooManyValuesOrABadId_IsLocated()
    {
        var (rows, errors) = AssetCsv.Read($"id,{Header}\n,A,P,nhs,cmht-ips,E09000012,desc,extra\nx1,B,P,nhs,cmht-ips,E09000012,\n");

        rows.Should().BeEmpty();
        errors.Should().Contain(e => e.Line == 2 && e.Message.Contains("has 8 values but the header has 7"));
        errors.Should().Contain(e => e.Line == 3 && e.Column == "id" && e.Value == "x1");
    }

    [Fact]
    public void Read_AnUnclosedQuote_StopsWithItsLine()
    {
        var (_, errors) = AssetCsv.Read($"{Header}\nA,P,nhs,cmht-ips,E09000012,\"never closed\nB,P,nhs,cmht-ips,E09000012,x\n");

        errors.Should().ContainSingle(e => e.Line == 2 && e.Message.Contains("never closed"));
    }

    [Fact]
    public void Plan_ReportsEveryProblemWithItsLineColumnAndValue_AndDuplicatesWithinTheFile()
    {
        var (rows, _) = AssetCsv.Read(
            $"{Header},rating,rating_rationale\n" +
            "A,P,nhs,cmht-ips,E09999999,,,\n" +
            "B,P,nhs,cmht-ips,E09000012,,5,Good\n" +
            "C,P,nhs,cmht-ips,E09000012,,,\n" +
            "c,p,nhs,cmht-ips,E12000007,,,\n");

        var (planned, errors) = AssetImportPlanner.Plan(rows, Reference, new Dictionary<int, ExistingAsset>(), [], canRate: true);

        errors.Should().Contain(e => e.Line == 2 && e.Column == "areas" && e.Value == "E09999999");
        errors.Should().Contain(e => e.Line == 3 && e.Column == "rating" && e.Value == "5");
        errors.Should().Contain(e => e.Line == 5 && e.Column == "name" && e.Message.Contains("line 4 of this file"));
        planned.Should().ContainSingle(p => p.Line == 4);
    }

    [Fact]
    public void Plan_ARatingChange_NeedsAnOfficer_ButAnUnchangedExportedRatingIsFine()
    {
        var existing = new ExistingAsset(9, AssetSnapshot.Of(new AssetValues("A", null, "P", AssetSector.Nhs, [Ips.Id], ["E09000012"],
            null, null, null, null, null, null, null, null, null, null, null, null, null), Reference.ItemsById), [Ips.Id], 2, "Short of demand");
        var byId = new Dictionary<int, ExistingAsset> { [9] = existing };
        string File(string rating) => $"id,{Header},rating,rating_rationale\n9,A,P,nhs,cmht-ips,E09000012,,{rating},Short of demand\n";

        var same = AssetImportPlanner.Plan(AssetCsv.Read(File("2")).Rows, Reference, byId, [(9, "A", "P")], canRate: false);
        var changed = AssetImportPlanner.Plan(AssetCsv.Read(File("1")).Rows, Reference, byId, [(9, "A", "P")], canRate: false);

        same.Errors.Should().BeEmpty();
        same.Rows.Single().Change.Should().Be(PlannedChange.Unchanged);
        changed.Errors.Should().ContainSingle(e => e.Column == "rating" && e.Message.Contains("Only Officers"));
    }
}
