using System.Net;
using MhEmployment.IntegrationTests.Infrastructure;
using MhEmployment.Web.Domain;
using MhEmployment.Web.Features.Accounts;
using MhEmployment.Web.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace MhEmployment.IntegrationTests.Pages.Indicators;

/// <summary>An analyst gives an indicator its source for refresh on the edit page, over HTTP, without JavaScript.</summary>
public abstract class EditSourceTests(AppFixture fixture)
{
    private readonly HttpClient _analyst = fixture.PageClient(Roles.Analyst);

    private Task<Indicator> StoredAsync(string key) =>
        fixture.Factory.WithDbAsync(db => db.Indicators.AsNoTracking().SingleAsync(i => i.Key == key));

    [Fact]
    public async Task TheForm_OffersEachSource_AndTheAreaTypesAsLabelledCheckboxes()
    {
        var (_, page) = await _analyst.GetPageAsync("/indicators/cmd-estimated-prevalence/edit");

        page.QuerySelectorAll("fieldset legend").Select(l => l.Text()).Should().Contain(["Source for refresh", "Fingertips area types to fetch"]);
        page.QuerySelector("input[name='Input.RefreshSource'][checked]")!.GetAttribute("value").Should().Be("Fingertips");
        page.QuerySelector("#Input_FingertipsId")!.GetAttribute("value").Should().Be("93495");
        page.QuerySelectorAll("input[name='Input.FingertipsAreaTypes'][checked]").Select(c => c.GetAttribute("value")).Should().Equal("102", "101");
        page.QuerySelector("#Input_FingertipsAreaTypes")!.GetAttribute("value").Should().Be("502", "the error summary links to the first checkbox");
        page.QuerySelector("label[for='Input_FingertipsAreaTypes-6']")!.Text().Should().StartWith("Regions");
        foreach (var field in new[] { "FingertipsId", "NomisDataset", "NomisQuery" })
        {
            page.QuerySelector($"label[for=Input_{field}]").Should().NotBeNull(field);
            page.QuerySelector($"#Input_{field}")!.GetAttribute("aria-describedby").Should().Contain($"Input_{field}-hint");
        }
    }

    [Fact]
    public async Task SavingAFingertipsSource_StoresItAndShowsItInWords()
    {
        const string key = "iapt-access";
        var response = await _analyst.PostFormAsync($"/indicators/{key}/edit", new()
        {
            ["Input.RefreshSource"] = "Fingertips", ["Input.FingertipsId"] = " 41001 ", ["Input.FingertipsAreaTypes"] = "502",
        });

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var stored = await StoredAsync(key);
        (stored.RefreshSource, stored.FingertipsId, stored.FingertipsAreaTypes).Should().Be((IndicatorSourceKind.Fingertips, 41001, "502"));
        var (_, page) = await _analyst.GetPageAsync($"/indicators/{key}");
        page.QuerySelector(".flash")!.Text().Should().Be("Saved your changes to source for refresh, fingertips indicator, fingertips area types. The dashboards show them now.");
        page.SummaryValue("Source for refresh").Should().Be("Fingertips indicator 41001, for counties and unitary authorities (from April 2023)");
    }

    [Fact]
    public async Task SavingANomisSource_StoresItShowsItAndAuditsIt()
    {
        const string key = "ni152-out-of-work-benefits";
        var response = await _analyst.PostFormAsync($"/indicators/{key}/edit", new()
        {
            ["Input.RefreshSource"] = "Nomis", ["Input.NomisDataset"] = "nm_134_1", ["Input.NomisQuery"] = "geography=TYPE480&date=latest&measures=20100",
        });

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var stored = await StoredAsync(key);
        (stored.RefreshSource, stored.NomisDataset, stored.NomisQuery).Should().Be((IndicatorSourceKind.Nomis, "NM_134_1", "geography=TYPE480&date=latest&measures=20100"));
        var (_, page) = await _analyst.GetPageAsync($"/indicators/{key}");
        page.SummaryValue("Source for refresh").Should().Be("NOMIS dataset NM_134_1 with query geography=TYPE480&date=latest&measures=20100");
        var entry = await fixture.Factory.WithDbAsync(db => db.AuditEvents.AsNoTracking()
            .Where(e => e.Action == AuditActions.IndicatorUpdated && e.Target == key).OrderByDescending(e => e.Id).FirstAsync());
        entry.Details.Should().Be("Source for refresh: \"None\" → \"Nomis\"; NOMIS dataset: \"\" → \"NM_134_1\"; " +
            "NOMIS query: \"\" → \"geography=TYPE480&date=latest&measures=20100\"");
    }

    [Fact]
    public async Task ChoosingNone_KeepsTheIdsThatMatchUploadedFiles()
    {
        const string key = "ni151-employment-rate";
        var response = await _analyst.PostFormAsync($"/indicators/{key}/edit", new() { ["Input.RefreshSource"] = "None" });

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var stored = await StoredAsync(key);
        (stored.RefreshSource, stored.FingertipsId, stored.FingertipsAreaTypes, stored.NomisDataset)
            .Should().Be((IndicatorSourceKind.None, 92313, "502", "NM_17_5"));
        var (_, page) = await _analyst.GetPageAsync($"/indicators/{key}");
        page.SummaryValue("Source for refresh").Should().Be("None: values come from uploaded files");
        page.SummaryValue("Fingertips indicator").Should().Be("92313");
    }

    public static TheoryData<string, string, string, string> InvalidSources => new()
    {
        { "Fingertips", "Input.FingertipsId", "", "FingertipsId" },
        { "Fingertips", "Input.FingertipsId", "93 495x", "FingertipsId" },
        { "Fingertips", "Input.FingertipsId", "848", "FingertipsId" }, // depression-qof-prevalence's
        { "Fingertips", "Input.FingertipsAreaTypes", "", "FingertipsAreaTypes" },
        { "Nomis", "Input.NomisDataset", "NM134", "NomisDataset" },
        { "Nomis", "Input.NomisQuery", "geography=TYPE480&recordoffset=25000", "NomisQuery" },
        { "Nomis", "Input.NomisQuery", "geography=TYPE480 &date=latest", "NomisQuery" },
    };

    [Theory]
    [MemberData(nameof(InvalidSources))]
    public async Task AnInvalidSource_Is400_WithTheErrorLinkedToItsField_AndNothingIsSaved(string source, string field, string value, string problemField)
    {
        const string key = "iapt-recovery";
        var before = await StoredAsync(key);
        var fields = new Dictionary<string, string>
        {
            ["Input.RefreshSource"] = source, ["Input.FingertipsId"] = "41002", ["Input.FingertipsAreaTypes"] = "502",
            ["Input.NomisDataset"] = "NM_134_1", ["Input.NomisQuery"] = "geography=TYPE480&date=latest",
            ["Input.Name"] = "Renamed with the invalid source",
        };
        fields[field] = value;

        var response = await _analyst.PostFormAsync($"/indicators/{key}/edit", fields);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var page = await Html.ParseAsync(response);
        var link = page.QuerySelector(".error-summary a")!;
        link.GetAttribute("href").Should().Be($"#Input_{problemField}");
        page.QuerySelector($"#Input_{problemField}").Should().NotBeNull();
        page.QuerySelector($"#Input_{problemField}-error")!.Text().Should().Contain(link.Text());
        var after = await StoredAsync(key);
        after.Should().BeEquivalentTo(before, "nothing of an invalid form is saved");
    }
}

[Collection(SqliteCollection.Name)]
public sealed class IndicatorEditSourcePageOnSqlite(SqliteAppFixture fixture) : EditSourceTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class IndicatorEditSourcePageOnPostgres(PostgresAppFixture fixture) : EditSourceTests(fixture);
