using System.Net;
using System.Net.Http.Headers;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using MhEmployment.IntegrationTests.Infrastructure;
using MhEmployment.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace MhEmployment.IntegrationTests.Pages.Assets;

public abstract class AssetImportTests(AppFixture fixture)
{
    private readonly HttpClient _analyst = fixture.PageClient(Roles.Analyst);
    private readonly HttpClient _officer = fixture.PageClient(Roles.Officer);

    /// <summary>Uploads through the import page; the preview page it leads to.</summary>
    private static async Task<(string Url, IDocument Page)> UploadAsync(HttpClient client, string fileName, string content)
    {
        var (_, page) = await client.GetPageAsync("/assets/imports");
        var token = page.QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(content));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        var body = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" }, { file, "Upload", fileName } };
        var response = await client.PostAsync(new Uri("/assets/imports", UriKind.Relative), body);
        response.StatusCode.Should().Be(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        var url = response.Headers.Location!.OriginalString;
        return (url, (await client.GetPageAsync(url)).Document);
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string url, string handler, Dictionary<string, string>? fields = null) =>
        client.SubmitFormAsync(url, fields ?? [], $"main form[action*='handler={handler}']");

    private Task<int> CountAsync(string tag) => fixture.Factory.WithDbAsync(db => db.Assets.CountAsync(a => a.Name.Contains(tag)));

    [Fact]
    public async Task MalformedAssetCsv_ShowsEveryErrorWithItsLineColumnValueAndReason_AndWritesNothing()
    {
        var tag = AssetPages.Unique("Malformed");
        var csv = "name,provider,sector,items,areas,funding_start,funding_end,rating\n" +
                  $"{tag} one,P,nhs,cmht-ips,E09000012,2026-04-01,2025-01-01,\n" +
                  $",P,charity,cmht-ips,E09999999,,,\n" +
                  $"{tag} three,P,nhs,no-such-item,E09000012,,,\n" +
                  $"{tag} four,P,nhs,cmht-ips,E09000012,,,7\n" +
                  $"{tag} five,P,nhs,cmht-ips,E09000012,,,\n";

        var (url, page) = await UploadAsync(_analyst, "bad.csv", csv);

        var problems = page.QuerySelectorAll("table[aria-labelledby=problems] tbody tr").Select(r => r.Children.Select(c => c.Text()).ToArray()).ToList();
        problems.Should().Contain(p => p[0] == "2" && p[1] == "funding_end" && p[2] == "2025-01-01" && p[3].Contains("on or after its start"));
        problems.Should().Contain(p => p[0] == "3" && p[1] == "name" && p[3] == "Enter the asset's name");
        problems.Should().Contain(p => p[0] == "3" && p[1] == "sector" && p[2] == "charity");
        problems.Should().Contain(p => p[0] == "3" && p[1] == "areas" && p[2] == "E09999999");
        problems.Should().Contain(p => p[0] == "4" && p[1] == "items" && p[2] == "no-such-item");
        problems.Should().Contain(p => p[0] == "5" && p[1] == "rating" && p[2] == "7");
        page.QuerySelector("main form[action*='handler=Commit']").Should().BeNull("a file with problems cannot be committed");

        var forced = await _analyst.PostAsync(new Uri(url + "?handler=Commit", UriKind.Relative), new FormUrlEncodedContent([]));
        forced.StatusCode.Should().NotBe(HttpStatusCode.Redirect);
        (await CountAsync(tag)).Should().Be(0, "nothing is written from a file with any problem");
    }

    [Fact]
    public async Task ExportedRegister_ReimportsUnchanged_AndAnImportCanBeCommittedAndUndone()
    {
        var tag = AssetPages.Unique("Round trip");
        var csv = "name,description,provider,sector,items,areas,funding_amount,funding_end,contact,rating,rating_rationale\n" +
                  $"{tag} A,\"=cmd|' /C calc'!A0, \"\"quoted\"\"\",Provider A,council,employer-advice-support;volunteering,E09000025;E12000007,1500.5,2030-01-31,+44 20 7946 0000,2,Short of demand\n" +
                  $"{tag} B,<b>bold</b>,Provider B,employer,work-experience-apprenticeships,E09000025,,,@handle,,\n";
        var (url, preview) = await UploadAsync(_officer, "new.csv", csv);
        preview.SummaryValue("Would add").Should().Be("2");
        (await PostAsync(_officer, url, "Commit")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await CountAsync(tag)).Should().Be(2);

        var export = await _officer.GetStringAsync(new Uri($"/assets/export?q={Uri.EscapeDataString(tag)}", UriKind.Relative));
        export.Should().Contain("'=cmd").And.Contain("'+44 20").And.Contain("'@handle").And.Contain("<b>bold</b>");
        var (url2, again) = await UploadAsync(_analyst, "export.csv", export);

        again.QuerySelector("table[aria-labelledby=problems]").Should().BeNull();
        again.SummaryValue("Would add").Should().Be("0");
        again.SummaryValue("Would change").Should().Be("0");
        again.SummaryValue("Unchanged").Should().Be("2");
        (await PostAsync(_analyst, url2, "Commit")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var stored = await fixture.Factory.WithDbAsync(db => db.Assets.AsNoTracking().SingleAsync(a => a.Name == tag + " A"));
        stored.Description.Should().Be("=cmd|' /C calc'!A0, \"quoted\"");
        stored.Contact.Should().Be("+44 20 7946 0000");
        stored.FundingAmount.Should().Be(1500.5m);
        stored.Rating.Should().Be(2);

        var undoUnconfirmed = await PostAsync(_officer, url, "Undo");
        undoUnconfirmed.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var undo = await PostAsync(_officer, url, "Undo", new() { ["Confirm"] = "true" });
        undo.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await CountAsync(tag)).Should().Be(0);
        var audit = await fixture.Factory.WithDbAsync(db => db.AuditEvents.AsNoTracking().Where(e => e.Target == "asset import " + url.Split('/').Last()).Select(e => e.Action).ToListAsync());
        audit.Should().BeEquivalentTo(["AssetImport.Committed", "AssetImport.Undone"]);
    }

    [Fact]
    public async Task Import_ThatChangesAnAsset_IsUndoneToItsEarlierValues_ButNotOverALaterEdit()
    {
        var name = AssetPages.Unique("Undo update");
        var id = await AssetPages.AddAsync(_analyst, AssetPages.Fields(name, area: "E09000026"));
        var csv = $"id,name,provider,sector,items,areas\n{id},{name},Test provider,voluntary,cmht-ips,E09000026;E09000027\n";
        var (url, preview) = await UploadAsync(_analyst, "update.csv", csv);
        preview.QuerySelector("table[aria-labelledby=changes] tbody tr")!.Text().Should().Contain("Change").And.Contain("Areas: 'E09000026' → 'E09000026;E09000027'");
        await PostAsync(_analyst, url, "Commit");

        (await PostAsync(_analyst, url, "Undo", new() { ["Confirm"] = "true" })).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var areas = await fixture.Factory.WithDbAsync(db => db.AssetAreas.Where(a => a.AssetId == id).Select(a => a.AreaCode).ToListAsync());
        areas.Should().Equal("E09000026");

        var (url2, _) = await UploadAsync(_analyst, "update-again.csv", csv);
        await PostAsync(_analyst, url2, "Commit");
        await AssetPages.RateAsync(_officer, id, 1, "Edited since");
        var refused = await PostAsync(_analyst, url2, "Undo", new() { ["Confirm"] = "true" });
        refused.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await Html.ParseAsync(refused)).QuerySelector(".error-summary")!.Text().Should().Contain("were changed after this import");
    }

    [Fact]
    public async Task Upload_ThatIsNotUtf8_OrEmpty_Is400WithAClearMessage()
    {
        var (_, page) = await _analyst.GetPageAsync("/assets/imports");
        var token = page.QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var latin1 = new ByteArrayContent([0x6E, 0x61, 0x6D, 0x65, 0x0A, 0xE9, 0xFF]);
        var response = await _analyst.PostAsync(new Uri("/assets/imports", UriKind.Relative),
            new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" }, { latin1, "Upload", "latin1.csv" } });

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await Html.ParseAsync(response)).QuerySelector(".error-summary")!.Text().Should().Contain("latin1.csv is not UTF-8 text");
    }
}

[Collection(SqliteCollection.Name)]
public sealed class AssetImportOnSqlite(SqliteAppFixture fixture) : AssetImportTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class AssetImportOnPostgres(PostgresAppFixture fixture) : AssetImportTests(fixture);
