using System.Net;
using MhEmployment.IntegrationTests.Infrastructure;
using MhEmployment.Web.Features.Accounts;

namespace MhEmployment.IntegrationTests.Exports;

/// <summary>
/// The PDF when LibreOffice is missing or fails: the API and the page say so (503, never a 500) and the other formats
/// still work. "/bin/false" stands for a LibreOffice that starts and makes nothing.
/// </summary>
public abstract class SummaryPdfTroubleTests(AppFixture fixture)
{
    private const string Hackney = "/api/v1/areas/E09000012/summary";

    [Theory]
    [InlineData("/bin/false", "LibreOffice")]
    [InlineData("/no-libreoffice-here/soffice", "apt-get install libreoffice-writer-nogui")]
    public async Task Pdf_WhenLibreOfficeFailsOrIsMissing_Is503SayingWhy_AndWordStillWorks(string libreOffice, string message)
    {
        await using var factory = await AppFactory.CreateAsync(fixture.Factory.Provider, new Dictionary<string, string> { ["Exports:LibreOffice"] = libreOffice });
        factory.StartServer();
        await factory.CreateUserAsync(Accounts.EmailFor(Roles.Officer), Accounts.PasswordFor(Roles.Officer), Roles.Officer);
        var api = await factory.ApiClientAsync(Accounts.EmailFor(Roles.Officer));
        var officer = await factory.SignedInClientAsync(Accounts.EmailFor(Roles.Officer), Accounts.PasswordFor(Roles.Officer));

        var pdf = await api.GetAsync(Hackney + ".pdf");
        var (page, document) = await officer.GetPageAsync("/exports/summary?areas=E09000012&handler=Download&format=pdf");

        pdf.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        (await pdf.Content.ReadAsStringAsync()).Should().Contain(message);
        page.StatusCode.Should().BeOneOf(HttpStatusCode.ServiceUnavailable, HttpStatusCode.BadRequest);
        document.QuerySelector(".error-summary")!.Text().Should().Contain("PDF").And.Contain("Word");
        (await api.GetAsync(Hackney + ".docx")).StatusCode.Should().Be(HttpStatusCode.OK);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SummaryPdfTroubleTestsOnSqlite(SqliteAppFixture fixture) : SummaryPdfTroubleTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class SummaryPdfTroubleTestsOnPostgres(PostgresAppFixture fixture) : SummaryPdfTroubleTests(fixture);
