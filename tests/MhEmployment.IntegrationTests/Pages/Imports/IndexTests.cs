using System.Net;
using System.Text;
using MhEmployment.IntegrationTests.Infrastructure;
using MhEmployment.Web.Features.Accounts;

namespace MhEmployment.IntegrationTests.Pages.Imports;

public abstract class IndexTests(AppFixture fixture)
{
    private readonly HttpClient _analyst = fixture.PageClient(Roles.Analyst);

    [Fact]
    public async Task Upload_NamedWithAWindowsPathAndARightToLeftOverride_IsShownByItsPlainLastSegment()
    {
        var content = Encoding.UTF8.GetBytes("indicator_key,area_code,period_label,period_start,period_end,sex,age_band,value\n" +
            "depression-qof-prevalence,E09000027,2040/41,2040-04-01,2041-03-31,Persons,18+ yrs,12.5\n");

        var upload = await _analyst.UploadThroughThePageAsync(content, "C:\\Users\\analyst\\Downloads\\report\u202Evsc.exe");

        upload.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var details = upload.Headers.Location!.OriginalString;
        var (_, page) = await _analyst.GetPageAsync(details);
        page.QuerySelector("h1")!.Text().Should().Be("reportvsc.exe");
        var (_, history) = await _analyst.GetPageAsync("/imports");
        history.QuerySelector($"a[href='{details}']")!.Text().Should().Be("reportvsc.exe");
    }
}

[Collection(SqliteCollection.Name)]
public sealed class IndexOnSqlite(SqliteAppFixture fixture) : IndexTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class IndexOnPostgres(PostgresAppFixture fixture) : IndexTests(fixture);
