using System.Text.Json;
using MhEmployment.Web.Data.Seed;

namespace MhEmployment.UnitTests.Seed;

public sealed class SeedFilesTests
{
    [Fact]
    public void ReadCsv_DropsTheByteOrderMarkOfOnsLookups()
    {
        var rows = SeedFiles.ReadCsv("lad23_rgn23.csv");

        rows.Should().HaveCount(296);
        rows[0].Keys.First().Should().Be("LAD23CD");
    }

    [Fact]
    public void IndicatorCatalogue_NamesEveryIndicatorTheProductBriefAsksFor()
    {
        using var reader = SeedFiles.Open("indicators.json");
        using var json = JsonDocument.Parse(reader.ReadToEnd());
        var keys = json.RootElement.EnumerateArray().Select(e => e.GetProperty("key").GetString()).ToList();

        keys.Should().OnlyHaveUniqueItems();
        keys.Should().Contain([
            "cmd-estimated-prevalence", "depression-qof-prevalence", "smi-qof-prevalence",
            "ibsda-mental-behavioural-count", "ibsda-mental-behavioural-rate", "ibsda-mental-behavioural-share", "ibsda-mental-behavioural-5yr-share",
            "esa-mental-behavioural-count", "esa-mental-behavioural-rate", "esa-mental-behavioural-share",
            "ni150-secondary-mh-employment", "ascof-1f-secondary-mh-paid-employment", "phof-secondary-mh-employment-gap",
            "ni151-employment-rate", "ni152-out-of-work-benefits", "ni153-out-of-work-benefits-worst-neighbourhoods",
            "ni173-flows-employment-to-incapacity-benefits", "iapt-access", "sickness-absence-employees",
        ]);
        json.RootElement.EnumerateArray().Should().OnlyContain(e =>
            e.GetProperty("definition").GetString()!.Length > 80 && e.GetProperty("source").GetString()!.Length > 5);
    }
}
