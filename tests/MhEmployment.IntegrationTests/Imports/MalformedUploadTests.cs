using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using MhEmployment.IntegrationTests.Infrastructure;
using MhEmployment.IntegrationTests.Pages.Imports;
using MhEmployment.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace MhEmployment.IntegrationTests.Imports;

/// <summary>
/// The malformed corpus (the parser tests' files, the generated binary, UTF-16 and 10 MB ones, and files only the
/// workflow can judge: unknown area, unknown indicator, a proportion above its denominator, a file over the size
/// limit) uploaded through the HTTP API and the page, on each database: every file is refused with a 4xx naming it,
/// or fails validation with a message, or is held back by errors located by line, column and rule; never a 500, and
/// nothing reaches the stored values.
/// </summary>
public abstract class MalformedUploadTests(Provider provider) : IAsyncLifetime
{
    /// <summary>The size limit the app runs with here: above the 10 MB files, so that they are read and judged.</summary>
    private const long LimitBytes = 11L * 1024 * 1024;

    private AppFactory _factory = null!;
    private HttpClient _api = null!;
    private HttpClient _page = null!;

    public async Task InitializeAsync()
    {
        _factory = await AppFactory.CreateAsync(provider, new Dictionary<string, string> { ["Imports:MaxFileBytes"] = LimitBytes.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        _factory.StartServer();
        await _factory.CreateUserAsync(Accounts.EmailFor(Roles.Analyst), Accounts.PasswordFor(Roles.Analyst), Roles.Analyst);
        _api = await _factory.ApiClientAsync(Accounts.EmailFor(Roles.Analyst));
        _page = await _factory.SignedInClientAsync(Accounts.EmailFor(Roles.Analyst), Accounts.PasswordFor(Roles.Analyst));
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    /// <summary>
    /// Where a file is held back by errors, the one it is in the corpus for, located as the parser tests expect it
    /// (rule, line, column). Files refused outright (400, or "failed" for a layout the app cannot read) say why instead.
    /// </summary>
    private static readonly Dictionary<string, (string Rule, long Line, string? Column)> Expected = new()
    {
        ["header-only-fingertips.csv"] = ("no-data-rows", 1, null),
        ["header-only-template-no-newline.csv"] = ("no-data-rows", 1, null),
        ["ragged-row-short-template.csv"] = ("ragged-row", 3, null),
        ["ragged-row-long-nomis-api.csv"] = ("ragged-row", 3, null),
        ["unclosed-quote-fingertips.csv"] = ("unclosed-quote", 3, null),
        ["stray-quote-template.csv"] = ("malformed-quote", 3, null),
        ["ten-mb-record-template.csv"] = ("record-too-large", 2, null),
        ["non-numeric-value-template.csv"] = ("not-a-number", 3, "value"),
        ["non-numeric-obs-value-nomis-api.csv"] = ("not-a-number", 3, "OBS_VALUE"),
        ["negative-count-fingertips.csv"] = ("negative-count", 3, "Count"),
        ["negative-denominator-template.csv"] = ("negative-denominator", 3, "denominator"),
        ["count-exceeds-denominator-proportion-template.csv"] = ("count-exceeds-denominator", 2, "count"),
        // The same key twice is checked once the rows are matched to the catalogue; the message names the value column.
        ["duplicate-key-conflict-nomis-api.csv"] = ("duplicate-key-conflict", 4, "OBS_VALUE"),
        ["duplicate-key-conflict-fingertips.csv"] = ("duplicate-key-conflict", 4, "Value"),
        ["duplicate-key-conflict-template.csv"] = ("duplicate-key-conflict", 3, "value"),
        ["same-key-twice-after-mapping-template.csv"] = ("duplicate-key-conflict", 3, "value"),
        ["impossible-date-mhsds.csv"] = ("impossible-date", 3, "REPORTING_PERIOD_END"),
        ["impossible-date-template.csv"] = ("impossible-date", 3, "period_end"),
        ["unrecognised-date-mhsds.csv"] = ("unrecognised-date", 3, "REPORTING_PERIOD_START"),
        ["period-end-before-start-mhsds.csv"] = ("period-end-before-start", 3, "REPORTING_PERIOD_END"),
        ["formula-hyperlink-template.csv"] = ("formula-like-cell", 2, "note"),
        ["formula-value-fingertips.csv"] = ("formula-like-cell", 3, "Value"),
        ["formula-area-name-nomis-api.csv"] = ("formula-like-cell", 3, "GEOGRAPHY_NAME"),
        ["formula-plus-indicator-template.csv"] = ("formula-like-cell", 2, "indicator_key"),
        ["unrecognised-period-nomis-api.csv"] = ("unrecognised-period", 2, "DATE_NAME"),
        ["unrecognised-sex-template.csv"] = ("unrecognised-sex", 3, "sex"),
        ["missing-area-code-template.csv"] = ("missing-value", 3, "area_code"),
        ["nomis-web-no-date.csv"] = ("unrecognised-period", 6, "Date"),
        ["nomis-web-name-without-code.csv"] = ("missing-value", 9, "local authority: district / unitary"),
        ["unknown-area-template.csv"] = ("unknown-area", 3, "area"),
        ["unknown-indicator-template.csv"] = ("unknown-indicator", 2, "indicator_key"),
        ["duplicate-column-template.csv"] = ("duplicate-column", 1, "value"),
        ["duplicate-column-fingertips.csv"] = ("duplicate-column", 1, "Value"),
        ["duplicate-column-mhsds.csv"] = ("duplicate-column", 1, "MEASURE_VALUE"),
        ["duplicate-column-nomis-api.csv"] = ("duplicate-column", 1, "OBS_VALUE"),
        ["duplicate-column-nomis-web.csv"] = ("duplicate-column", 7, "Total"),
        ["unknown-column-template.csv"] = ("unknown-column", 1, "notes"),
        ["implausible-value-template.csv"] = ("implausible-magnitude", 3, "value"),
        ["value-out-of-range-template.csv"] = ("value-out-of-range", 2, "value"),
    };

    /// <summary>Not malformed for the workflow: a rate may exceed its denominator, which is a warning, not an error.</summary>
    private static readonly HashSet<string> WarningOnly = ["count-exceeds-denominator-fingertips.csv"];

    /// <summary>Refused before anything is stored, with a 400 that names the file and says why.</summary>
    private static readonly HashSet<string> RefusedAtUpload =
    [
        "empty.csv", "bom-only.csv", "whitespace-only.csv", "invalid-in-utf8-and-1252.csv", "utf8-bom-then-invalid.csv",
        "utf16-le-bom.csv", "utf16-be-bom.csv", "utf16-le-no-bom.csv", "utf32-le-bom.csv", "zip-renamed.csv", "xlsx-renamed.csv",
        "docx-renamed.csv", "xls-renamed.csv", "pdf-renamed.csv", "gzip-renamed.csv", "png-renamed.csv",
    ];

    [Fact]
    public async Task EveryCorpusFile_ThroughTheApi_IsRefusedOrHeldBackPrecisely_NeverA500_AndNothingIsWritten()
    {
        var files = MalformedFiles.All().ToList();
        files.Count.Should().BeGreaterThanOrEqualTo(54);
        var problems = new List<string>();
        foreach (var (name, content) in files)
        {
            try
            {
                await CheckAsync(name, content);
            }
            catch (Exception ex) when (ex is Xunit.Sdk.XunitException or TimeoutException)
            {
                problems.Add($"{name}: {ex.Message}");
            }
        }

        problems.Should().BeEmpty();
        (await _factory.WithDbAsync(db => db.IndicatorValues.CountAsync())).Should().Be(0, "no malformed file writes a value");
    }

    private async Task CheckAsync(string name, byte[] content)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", name);
        var response = await _api.PostAsync(new Uri("/api/v1/imports", UriKind.Relative), form);
        var body = await response.Content.ReadAsStringAsync();
        ((int)response.StatusCode).Should().BeLessThan(500, body);
        if (RefusedAtUpload.Contains(name))
        {
            response.StatusCode.Should().Be(HttpStatusCode.BadRequest, body);
            var detail = JsonDocument.Parse(body).RootElement.GetProperty("detail").GetString();
            detail.Should().StartWith($"'{name}' cannot be imported: ").And.Match(d => d.Length > name.Length + 40, "it says why");
            return;
        }
        response.StatusCode.Should().Be(HttpStatusCode.Accepted, body);
        var id = JsonDocument.Parse(body).RootElement.GetProperty("id").GetInt32();
        var import = await _api.WaitForAsync(id, "ready", "failed");
        var status = import.GetProperty("status").GetString();
        var errors = import.GetProperty("firstErrors").EnumerateArray()
            .Select(e => (Rule: e.GetProperty("rule").GetString(), Line: e.GetProperty("line").GetInt64(), Column: e.GetProperty("column").GetString(), Message: e.GetProperty("message").GetString()))
            .ToList();
        if (status == "failed")
        {
            Expected.Should().NotContainKey(name, $"it should be read and held back by its errors, not fail: {import}");
            import.GetProperty("message").GetString().Should().NotBeNullOrWhiteSpace().And.Match(m => m.Length > 40, "it says why");
            return;
        }
        if (WarningOnly.Contains(name))
        {
            import.GetProperty("errorCount").GetInt64().Should().Be(0, import.ToString());
            import.GetProperty("warningCount").GetInt64().Should().BePositive();
            return;
        }
        import.GetProperty("errorCount").GetInt64().Should().BePositive(import.ToString());
        errors.Should().NotBeEmpty().And.OnlyContain(e => e.Rule!.Length > 0 && e.Message!.Length > 20);
        if (Expected.TryGetValue(name, out var expected))
        {
            errors.Should().Contain(e => e.Rule == expected.Rule && e.Line == expected.Line && e.Column == expected.Column,
                $"{expected} should be among the errors: {string.Join(" | ", errors)}");
        }
        var commit = await _api.PostAsync(new Uri($"/api/v1/imports/{id}/commit", UriKind.Relative), null);
        commit.StatusCode.Should().Be(HttpStatusCode.Conflict, "a file with errors cannot be committed");
    }

    [Fact]
    public async Task FilesOverTheSizeLimit_AreRefusedWithTheLimit_NeverA500()
    {
        var before = await _factory.WithDbAsync(db => db.Imports.CountAsync());
        var justOver = new byte[LimitBytes + 1];
        Array.Fill(justOver, (byte)'1');

        var refused = await UploadBytesAsync(justOver, "just-over-the-limit.csv");

        refused.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString()
            .Should().Contain("just-over-the-limit.csv").And.Contain("larger than the limit of 11 MB");

        // Past the form reader's own limit (the file limit plus room for the form), the request is refused before the app reads it.
        var farOver = new byte[LimitBytes + (3 * 1024 * 1024)];
        Array.Fill(farOver, (byte)'1');
        var tooLarge = await UploadBytesAsync(farOver, "far-over-the-limit.csv");
        ((int)tooLarge.StatusCode).Should().BeInRange(400, 499, await tooLarge.Content.ReadAsStringAsync());

        (await _factory.WithDbAsync(db => db.Imports.CountAsync())).Should().Be(before, "nothing is recorded for a refused upload");
        Directory.GetFiles(_factory.ImportStoragePath, "incoming-*").Should().BeEmpty("the partial upload is deleted");
    }

    [Fact]
    public async Task ASampleOfTheCorpus_ThroughThePage_ShowsWhy_NeverA500()
    {
        foreach (var name in new[] { "zip-renamed.csv", "utf16-le-bom.csv", "empty.csv" })
        {
            var response = await _page.UploadThroughThePageAsync(MalformedFiles.Content(name), name);
            response.StatusCode.Should().Be(HttpStatusCode.BadRequest, name);
            var error = (await Html.ParseAsync(response)).QuerySelector(".error-summary a")!;
            error.GetAttribute("href").Should().Be("#Input_File");
            error.Text().Should().Contain(name);
        }
        foreach (var (name, rule) in new[] { ("ragged-row-short-template.csv", "ragged-row"), ("ten-mb-record-template.csv", "record-too-large"), ("unknown-area-template.csv", "unknown-area") })
        {
            var response = await _page.UploadThroughThePageAsync(MalformedFiles.Content(name), name);
            response.StatusCode.Should().Be(HttpStatusCode.Redirect, name);
            var details = response.Headers.Location!.OriginalString;
            var page = await WaitForPageAsync(details, "ready", "failed");
            ((int)page.StatusCode).Should().BeLessThan(500);
            page.Text.Should().Contain(rule, name);
        }
        foreach (var name in new[] { "ten-mb-single-line.csv", "tab-delimited-nomis-api.csv" })
        {
            var response = await _page.UploadThroughThePageAsync(MalformedFiles.Content(name), name);
            response.StatusCode.Should().Be(HttpStatusCode.Redirect, name);
            var page = await WaitForPageAsync(response.Headers.Location!.OriginalString, "ready", "failed");
            page.Text.Should().Contain(name == "tab-delimited-nomis-api.csv" ? "separated by tabs" : "longer than 65,536 characters");
        }
        (await _factory.WithDbAsync(db => db.IndicatorValues.CountAsync())).Should().Be(0);
    }

    private async Task<HttpResponseMessage> UploadBytesAsync(byte[] content, string name)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", name);
        return await _api.PostAsync(new Uri("/api/v1/imports", UriKind.Relative), form);
    }

    /// <summary>The import's page once validation has ended (its status, as the API names it, is one of those given).</summary>
    private async Task<(HttpStatusCode StatusCode, string Text)> WaitForPageAsync(string url, params string[] statuses)
    {
        var id = int.Parse(url.TrimEnd('/').Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
        await _api.WaitForAsync(id, statuses);
        var response = await _page.GetAsync(new Uri(url, UriKind.Relative));
        return (response.StatusCode, (await Html.ParseAsync(response)).Body!.TextContent);
    }
}

/// <summary>The corpus: the parser tests' committed files, and those made here.</summary>
internal static class MalformedFiles
{
    private const string TemplateHeader = "indicator_key,area_code,period_label,value,count,denominator,note\n";
    private const string FullTemplateHeader = "indicator_key,area_code,period_label,period_start,period_end,sex,age_band,value,count,denominator\n";

    /// <summary>The parser tests' folder of committed malformed files, found from the build output up to the repository.</summary>
    public static string CommittedFolder
    {
        get
        {
            for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            {
                var candidate = Path.Combine(folder.FullName, "tests", "MhEmployment.UnitTests", "TestData", "imports", "malformed");
                if (Directory.Exists(candidate))
                {
                    return candidate;
                }
            }
            throw new DirectoryNotFoundException("tests/MhEmployment.UnitTests/TestData/imports/malformed was not found above " + AppContext.BaseDirectory);
        }
    }

    public static byte[] Content(string name) => All().Single(f => f.Name == name).Content;

    public static IEnumerable<(string Name, byte[] Content)> All()
    {
        foreach (var file in Directory.GetFiles(CommittedFolder, "*.csv").Order(StringComparer.Ordinal))
        {
            yield return (Path.GetFileName(file), File.ReadAllBytes(file));
        }
        foreach (var (name, make) in Generated)
        {
            yield return (name, make());
        }
    }

    public static readonly IReadOnlyDictionary<string, Func<byte[]>> Generated = new Dictionary<string, Func<byte[]>>
    {
        // As the parser tests make them.
        ["utf16-le-bom.csv"] = () => [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(TemplateHeader + "local.x,E06000001,2023,5,,,\n")],
        ["utf16-be-bom.csv"] = () => [.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes(TemplateHeader)],
        ["utf16-le-no-bom.csv"] = () => Encoding.Unicode.GetBytes(TemplateHeader + "local.x,E06000001,2023,5,,,\n"),
        ["utf32-le-bom.csv"] = () => [.. Encoding.UTF32.GetPreamble(), .. Encoding.UTF32.GetBytes(TemplateHeader)],
        ["zip-renamed.csv"] = () => Zip(("data.csv", TemplateHeader)),
        ["xlsx-renamed.csv"] = () => Zip(("[Content_Types].xml", "<Types/>"), ("xl/workbook.xml", "<workbook/>"), ("xl/worksheets/sheet1.xml", "<worksheet/>")),
        ["docx-renamed.csv"] = () => Zip(("[Content_Types].xml", "<Types/>"), ("word/document.xml", "<document/>")),
        ["xls-renamed.csv"] = () => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. new byte[504]],
        ["pdf-renamed.csv"] = () => Encoding.ASCII.GetBytes("%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"),
        ["gzip-renamed.csv"] = Gzip,
        ["png-renamed.csv"] = () => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x01, 0x00],
        ["ten-mb-single-line.csv"] = () => Encoding.ASCII.GetBytes(new string('x', 10 * 1024 * 1024)),
        ["ten-mb-record-template.csv"] = () => Encoding.ASCII.GetBytes(TemplateHeader + "local.x,E06000001,2023,5,1,10," + new string('x', 10 * 1024 * 1024) + "\nlocal.x,E06000002,2023,5,1,10,\n"),
        ["nul-after-head.csv"] = () => Encoding.ASCII.GetBytes(TemplateHeader + string.Concat(Enumerable.Repeat("local.x,E06000001,2023,5,1,10,\n", 1000)) + "local.x,E06000002,2023,5,1,10,\0\n"),
        // What only the workflow can judge: against the areas and the catalogue.
        ["unknown-area-template.csv"] = () => Encoding.UTF8.GetBytes(FullTemplateHeader +
            "depression-qof-prevalence,E09000012,2041/42,2041-04-01,2042-03-31,Persons,18+ yrs,12.5,125,1000\n" +
            "depression-qof-prevalence,E09999999,2041/42,2041-04-01,2042-03-31,Persons,18+ yrs,12.5,125,1000\n"),
        ["unknown-indicator-template.csv"] = () => Encoding.UTF8.GetBytes(FullTemplateHeader +
            "no-such-indicator,E09000012,2041/42,2041-04-01,2042-03-31,Persons,18+ yrs,1,1,100\n"),
        ["count-exceeds-denominator-proportion-template.csv"] = () => Encoding.UTF8.GetBytes(FullTemplateHeader +
            "depression-qof-prevalence,E09000013,2041/42,2041-04-01,2042-03-31,Persons,18+ yrs,150,1500,1000\n"),
        ["value-out-of-range-template.csv"] = () => Encoding.UTF8.GetBytes(FullTemplateHeader +
            "ni151-employment-rate,E09000012,2041/42,2041-04-01,2042-03-31,Persons,16-64,250,,\n"),
        ["same-key-twice-after-mapping-template.csv"] = () => Encoding.UTF8.GetBytes(FullTemplateHeader +
            "depression-qof-prevalence,E09000012,2041/42,2041-04-01,2042-03-31,Persons,18+ yrs,12.5,125,1000\n" +
            "depression-qof-prevalence,e09000012,2041/42,2041-04-01,2042-03-31,Persons,18+ yrs,13.5,135,1000\n"),
    };

    private static byte[] Zip(params (string Name, string Content)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open());
                writer.Write(content);
            }
        }
        return buffer.ToArray();
    }

    private static byte[] Gzip()
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(Encoding.ASCII.GetBytes(TemplateHeader));
        }
        return buffer.ToArray();
    }
}

[Collection(HeavyImportsCollection.Name)]
public sealed class MalformedUploadsOnSqlite() : MalformedUploadTests(Provider.Sqlite);

[Collection(HeavyImportsCollection.Name)]
public sealed class MalformedUploadsOnPostgres() : MalformedUploadTests(Provider.Postgres);
