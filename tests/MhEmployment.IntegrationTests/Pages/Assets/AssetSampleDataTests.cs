using MhEmployment.IntegrationTests.Infrastructure;
using MhEmployment.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace MhEmployment.IntegrationTests.Pages.Assets;

public abstract class AssetSampleDataTests(Provider provider)
{
    [Fact]
    public async Task FirstStart_LoadsTheOpenJobcentrePlusOffices_ThroughTheAssetImport_Unrated_AtRegionLevel()
    {
        await using var factory = await AppFactory.CreateAsync(provider, new Dictionary<string, string> { ["Imports:LoadSampleData"] = "true" });
        factory.StartServer();

        var import = await factory.WithDbAsync(db => db.AssetImports.AsNoTracking().SingleAsync());
        import.Status.Should().Be(AssetImportStatus.Committed);
        import.FileName.Should().Be("jobcentre-plus-offices.csv");
        import.CreatedCount.Should().Be(385);
        var assets = await factory.WithDbAsync(db => db.Assets.AsNoTracking().Include(a => a.Areas).Include(a => a.Items).ThenInclude(i => i.Item).ToListAsync());
        assets.Should().HaveCount(385).And.OnlyContain(a => a.Rating == null && a.Sector == AssetSector.Dwp);
        assets.Should().OnlyContain(a => a.Items.Single().Item!.Key == "jobcentre-plus-programmes" && a.Areas.Single().AreaCode.StartsWith("E12", StringComparison.Ordinal));
        assets.Should().ContainSingle(a => a.Name == "Altrincham Jobcentre").Which.Areas.Single().AreaCode.Should().Be("E12000002");
    }
}

public sealed class AssetSampleDataOnSqlite() : AssetSampleDataTests(Provider.Sqlite);

public sealed class AssetSampleDataOnPostgres() : AssetSampleDataTests(Provider.Postgres);
