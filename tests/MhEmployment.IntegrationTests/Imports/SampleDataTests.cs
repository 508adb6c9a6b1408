using MhEmployment.IntegrationTests.Infrastructure;
using MhEmployment.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace MhEmployment.IntegrationTests.Imports;

public sealed class SampleDataTests
{
    [Fact]
    public async Task FirstStart_ImportsTheBundledRealFiles_ThroughTheImporters()
    {
        await using var factory = await AppFactory.CreateAsync(Provider.Sqlite, new Dictionary<string, string> { ["Imports:LoadSampleData"] = "true" });
        factory.StartServer();

        var imports = await factory.WithDbAsync(db => db.Imports.AsNoTracking().ToListAsync());
        imports.Select(i => $"{i.FileName}: {i.Status} {i.Message} errors={i.ErrorCount}").Should().HaveCount(5);
        imports.Should().OnlyContain(i => i.Status == ImportStatus.Committed && i.CommittedBy == "first-run sample data");
        var suicide = await factory.WithDbAsync(db => db.IndicatorValues.CountAsync(v => v.Indicator!.Key == "fingertips-41001"));
        suicide.Should().Be(35, "England, London and the 33 boroughs");
        var employment = await factory.WithDbAsync(db => db.IndicatorValues.Where(v => v.Indicator!.Key == "ni151-employment-rate").Select(v => v.Value).ToListAsync());
        employment.Should().BeEquivalentTo(new double?[] { 67.3, 67 });
    }
}
