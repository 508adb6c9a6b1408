using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using MhEmployment.IntegrationTests.Infrastructure;
using MhEmployment.Web.Domain;
using MhEmployment.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace MhEmployment.IntegrationTests.Imports;

/// <summary>The whole import flow over the API, with real published files, on each database.</summary>
public abstract class ImportApiTests(AppFixture fixture) : IDisposable
{
    private readonly HttpClient _api = fixture.ApiClient(Roles.Analyst);
    private readonly string _folder = Directory.CreateTempSubdirectory("mhe-import-api-").FullName;

    public void Dispose()
    {
        Directory.Delete(_folder, recursive: true);
        GC.SuppressFinalize(this);
    }

    private static string[] Keys(JsonElement import) =>
        [.. import.GetProperty("series").EnumerateArray().Select(s => s.GetProperty("indicatorKey").GetString()!)];

    [Fact]
    public async Task Fingertips_RealDownload_AddsItsIndicators_CommitsAllValues_AndUndoRemovesThem()
    {
        var import = await _api.UploadAndValidateAsync(ImportClient.Sample("fingertips-suicide-london.csv"), $"suicide-{Guid.NewGuid():N}.csv");

        import.GetProperty("status").GetString().Should().Be("ready");
        import.GetProperty("format").GetString().Should().Be("Fingertips");
        import.GetProperty("errorCount").GetInt64().Should().Be(0, import.ToString());
        Keys(import).Should().BeEquivalentTo("fingertips-41001", "fingertips-91390", "fingertips-91393", "fingertips-91430", "fingertips-91404");
        var id = import.GetProperty("id").GetInt32();

        var committed = await _api.CommitAsync(id);

        committed.GetProperty("status").GetString().Should().Be("committed", committed.ToString());
        committed.GetProperty("newCount").GetInt64().Should().Be(175);
        var barking = await _api.ValuesAsync("indicator=fingertips-41001&area=E09000002");
        barking.Should().ContainSingle();
        barking[0].GetProperty("value").GetDouble().Should().BeApproximately(11.5726971320053, 1e-9);
        barking[0].GetProperty("importId").GetInt32().Should().Be(id);

        var undo = await _api.PostAsync(new Uri($"/api/v1/imports/{id}/undo", UriKind.Relative), null);

        undo.StatusCode.Should().Be(HttpStatusCode.OK, await undo.Content.ReadAsStringAsync());
        (await _api.ValuesAsync("area=E09000002")).Where(v => v.GetProperty("importId").GetInt32() == id).Should().BeEmpty();
        (await _api.GetAsync(new Uri("/api/v1/indicators/fingertips-41001", UriKind.Relative))).StatusCode
            .Should().Be(HttpStatusCode.NotFound, "an indicator the import added goes with it");
    }

    [Fact]
    public async Task SameFileTwice_TheSecondChangesNothing()
    {
        var first = await _api.UploadAndValidateAsync(ImportClient.Sample("fingertips-unmet-alcohol-need.csv"));
        await _api.CommitAsync(first.GetProperty("id").GetInt32());

        var second = await _api.UploadAndValidateAsync(ImportClient.Sample("fingertips-unmet-alcohol-need.csv"));

        second.GetProperty("newCount").GetInt64().Should().Be(0);
        second.GetProperty("changedCount").GetInt64().Should().Be(0);
        second.GetProperty("unchangedCount").GetInt64().Should().Be(17);
        var committed = await _api.CommitAsync(second.GetProperty("id").GetInt32());
        committed.GetProperty("newCount").GetInt64().Should().Be(0);
        (await _api.ValuesAsync("indicator=fingertips-93532")).Should().OnlyContain(v => v.GetProperty("importId").GetInt32() == first.GetProperty("id").GetInt32());
    }

    [Fact]
    public async Task NomisApi_SeriesMappedByTheAnalyst_GoesToTheCatalogueIndicator_AndTheMappingIsRemembered()
    {
        var unmapped = await _api.UploadAndValidateAsync(ImportClient.Sample("nomis-aps-employment-rate.csv"));
        var series = unmapped.GetProperty("series").EnumerateArray().Single();
        series.GetProperty("resolution").GetString().Should().Be("Unmapped");
        (await _api.PostAsync(new Uri($"/api/v1/imports/{unmapped.GetProperty("id").GetInt32()}/commit", UriKind.Relative), null))
            .StatusCode.Should().Be(HttpStatusCode.Conflict, "unmapped series block a commit");

        var mapping = JsonSerializer.Serialize(new Dictionary<string, string> { [series.GetProperty("key").GetString()!] = "ni151-employment-rate" });
        var mapped = await _api.UploadAndValidateAsync(ImportClient.Sample("nomis-aps-employment-rate.csv"), mapping: mapping);
        await _api.CommitAsync(mapped.GetProperty("id").GetInt32());

        var values = await _api.ValuesAsync("indicator=ni151-employment-rate&area=E09000002");
        values.Select(v => v.GetProperty("value").GetDouble()).Should().BeEquivalentTo([67.3, 67.0]);
        values.Select(v => v.GetProperty("periodLabel").GetString()).Should().Contain("Jul 2016-Jun 2017");
        var again = await _api.UploadAndValidateAsync(ImportClient.Sample("nomis-aps-employment-rate.csv"));
        again.GetProperty("series").EnumerateArray().Single().GetProperty("indicatorKey").GetString().Should().Be("ni151-employment-rate");
    }

    [Fact]
    public async Task Mhsds_KeepsEnglandAndIcbRows_SkipsProvidersInOneWarning_AndKeepsSuppressedValuesAsSuppressed()
    {
        var import = await _api.UploadAndValidateAsync(ImportClient.Sample("mhsds-4ww-performance-sep-2024.csv"));

        import.GetProperty("format").GetString().Should().Be("Mhsds");
        import.GetProperty("errorCount").GetInt64().Should().Be(0, import.ToString());
        var id = import.GetProperty("id").GetInt32();
        var summary = await fixture.Factory.WithDbAsync(db => db.Imports.Where(i => i.Id == id).Select(i => i.SummaryJson).SingleAsync());
        summary.Should().Contain("Provider");
        (await _api.RequestCommitAsync(id, confirmNewIndicators: false)).StatusCode.Should().Be(HttpStatusCode.Conflict, "44 new indicators need confirming");
        await _api.CommitConfirmingNewIndicatorsAsync(id);
        var england = await _api.ValuesAsync("indicator=mhsds-mrs01&area=E92000001");
        england.Select(v => v.GetProperty("value").GetDouble()).Should().Contain(13706);
        var icbValues = await _api.ValuesAsync("indicator=mhsds-mrs01");
        icbValues.Should().Contain(v => v.GetProperty("area").GetString()!.StartsWith("E54", StringComparison.Ordinal));
        var suppressed = await _api.ValuesAsync("area=E92000001");
        (await fixture.Factory.WithDbAsync(db => db.IndicatorValues.CountAsync(v => v.ImportId == id && v.Value == null && v.Note!.StartsWith("Suppressed"))))
            .Should().BeGreaterThan(0, "'*' values are kept as suppressed, never as zero");
        (await fixture.Factory.WithDbAsync(db => db.IndicatorValues.CountAsync(v => v.ImportId == id && v.AreaCode.Length != 9))).Should().Be(0);
    }

    [Fact]
    public async Task ChangedValues_UndoRestoresExactlyWhatWasThere()
    {
        var area = "E09000012";
        var key = "depression-qof-prevalence";
        string Template(double value, int count) =>
            $"indicator_key,area_code,period_label,period_start,period_end,sex,age_band,value,count,denominator\n{key},{area},2030/31,2030-04-01,2031-03-31,Persons,18+ yrs,{value},{count},1000\n";
        var folder = Directory.CreateTempSubdirectory().FullName;
        await File.WriteAllTextAsync(Path.Combine(folder, "a.csv"), Template(12.5, 125));
        await File.WriteAllTextAsync(Path.Combine(folder, "b.csv"), Template(13.1, 131));
        var first = await _api.UploadAndValidateAsync(Path.Combine(folder, "a.csv"));
        first.GetProperty("errorCount").GetInt64().Should().Be(0, first.ToString());
        await _api.CommitAsync(first.GetProperty("id").GetInt32());

        var second = await _api.UploadAndValidateAsync(Path.Combine(folder, "b.csv"));
        second.GetProperty("changedCount").GetInt64().Should().Be(1);
        var secondId = second.GetProperty("id").GetInt32();
        await _api.CommitAsync(secondId);
        (await _api.ValuesAsync($"indicator={key}&area={area}&from=2030-04-01"))[0].GetProperty("value").GetDouble().Should().Be(13.1);

        (await _api.PostAsync(new Uri($"/api/v1/imports/{first.GetProperty("id").GetInt32()}/undo", UriKind.Relative), null))
            .StatusCode.Should().Be(HttpStatusCode.Conflict, "a later import replaced this one's value");
        (await _api.PostAsync(new Uri($"/api/v1/imports/{secondId}/undo", UriKind.Relative), null)).StatusCode.Should().Be(HttpStatusCode.OK);

        var restored = (await _api.ValuesAsync($"indicator={key}&area={area}&from=2030-04-01")).Single();
        restored.GetProperty("value").GetDouble().Should().Be(12.5);
        restored.GetProperty("count").GetDouble().Should().Be(125);
        restored.GetProperty("importId").GetInt32().Should().Be(first.GetProperty("id").GetInt32());
    }

    [Fact]
    public async Task FileWithBadRows_ShowsEveryErrorWithItsLine_AndCannotBeCommitted_SoNothingIsWritten()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory().FullName, "bad.csv");
        await File.WriteAllTextAsync(path, """
            indicator_key,area_code,period_label,period_start,period_end,sex,age_band,value,count,denominator
            depression-qof-prevalence,E09000012,2031/32,2031-04-01,2032-03-31,Persons,18+ yrs,12.5,125,1000
            depression-qof-prevalence,E09999999,2031/32,2031-04-01,2032-03-31,Persons,18+ yrs,12.5,125,1000
            depression-qof-prevalence,E09000013,2031/32,2031-04-01,2032-03-31,Persons,18+ yrs,150,1500,1000
            no-such-indicator,E09000014,2031/32,2031-04-01,2032-03-31,Persons,18+ yrs,1,1,100

            """.Replace("\r\n", "\n", StringComparison.Ordinal), new UTF8Encoding(false));

        var import = await _api.UploadAndValidateAsync(path);

        import.GetProperty("errorCount").GetInt64().Should().Be(3, import.ToString());
        var errors = import.GetProperty("firstErrors").EnumerateArray().Select(e => (e.GetProperty("line").GetInt64(), e.GetProperty("rule").GetString())).ToList();
        errors.Should().BeEquivalentTo([(3L, "unknown-area"), (4L, "count-exceeds-denominator"), (5L, "unknown-indicator")]);
        var commit = await _api.PostAsync(new Uri($"/api/v1/imports/{import.GetProperty("id").GetInt32()}/commit", UriKind.Relative), null);
        commit.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await commit.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString().Should().Contain("has 3 errors.");
        (await _api.ValuesAsync("indicator=depression-qof-prevalence&from=2031-04-01")).Should().BeEmpty();
    }

    [Fact]
    public async Task StagedRowsLostBeforeCommit_TheCommitWritesNothing_AndAsksForValidationAgain()
    {
        // PostgreSQL empties its unlogged staging table after a crash of the server: the commit must notice, not commit nothing.
        var path = Path.Combine(Directory.CreateTempSubdirectory().FullName, "lost.csv");
        await File.WriteAllTextAsync(path, "indicator_key,area_code,period_label,period_start,period_end,sex,age_band,value,count,denominator\n" +
            "depression-qof-prevalence,E09000012,2035/36,2035-04-01,2036-03-31,Persons,18+ yrs,12.5,125,1000\n" +
            "depression-qof-prevalence,E09000013,2035/36,2035-04-01,2036-03-31,Persons,18+ yrs,13.5,135,1000\n");
        var import = await _api.UploadAndValidateAsync(path);
        var id = import.GetProperty("id").GetInt32();
        import.GetProperty("newCount").GetInt64().Should().Be(2);
        await fixture.Factory.WithDbAsync(db => db.Database.ExecuteSqlAsync($"DELETE FROM \"StagedValues\" WHERE \"ImportId\" = {id}"));

        var after = await _api.CommitAsync(id);

        after.GetProperty("status").GetString().Should().Be("ready");
        after.GetProperty("message").GetString().Should().Contain("no longer waiting").And.Contain("Validate the import again");
        (await _api.ValuesAsync("indicator=depression-qof-prevalence&from=2035-04-01")).Should().BeEmpty();
        (await _api.PostAsync(new Uri($"/api/v1/imports/{id}/commit", UriKind.Relative), null)).StatusCode
            .Should().Be(HttpStatusCode.Conflict, "it has to be validated again first");
    }

    [Fact]
    public async Task SpreadsheetRenamedCsv_IsRefusedAtUpload_AndNothingIsCreated()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory().FullName, "book.csv");
        await File.WriteAllBytesAsync(path, [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, .. Encoding.ASCII.GetBytes("[Content_Types].xml xl/workbook.xml"), .. new byte[200]]);
        var before = await fixture.Factory.WithDbAsync(db => db.Imports.CountAsync());

        var response = await _api.UploadAsync(path);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString().Should().Contain("book.csv");
        (await fixture.Factory.WithDbAsync(db => db.Imports.CountAsync())).Should().Be(before);
    }

    [Fact]
    public async Task Upload_StreamedIntoStorage_ReadsFieldsSentBeforeTheFile_AndKeepsTheFileIntact()
    {
        var path = ImportClient.Sample("nomis-aps-employment-rate.csv");
        var unmapped = await _api.UploadAndValidateAsync(path);
        var seriesKey = unmapped.GetProperty("series").EnumerateArray().Single().GetProperty("key").GetString()!;
        using var form = new MultipartFormDataContent
        {
            { new StringContent(JsonSerializer.Serialize(new Dictionary<string, string> { [seriesKey] = "ni151-employment-rate" })), "mapping" },
            { new StringContent("NomisApi"), "format" },
            { new ByteArrayContent(await File.ReadAllBytesAsync(path)), "file", "aps.csv" },
        };

        var response = await _api.PostAsync(new Uri("/api/v1/imports", UriKind.Relative), form);

        response.StatusCode.Should().Be(HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        var ready = await _api.WaitForAsync(id, "ready", "failed");
        ready.GetProperty("series").EnumerateArray().Single().GetProperty("indicatorKey").GetString().Should().Be("ni151-employment-rate");
        ready.GetProperty("sha256").GetString().Should().Be(Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(path))));
        ready.GetProperty("fileName").GetString().Should().Be("aps.csv");
    }

    [Fact]
    public async Task Upload_BrokenOffIs400_NotAFormIs415_AndNothingIsLeftBehind()
    {
        var before = await fixture.Factory.WithDbAsync(db => db.Imports.CountAsync());
        // A multipart body that stops in the middle of the file, as when a connection drops.
        var broken = new ByteArrayContent(Encoding.ASCII.GetBytes(
            "--cut\r\nContent-Disposition: form-data; name=\"file\"; filename=\"half.csv\"\r\nContent-Type: text/csv\r\n\r\nindicator_key,area_code,period_label,value\r\nni151-emp"));
        broken.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=cut");
        var plain = new StringContent("indicator_key,area_code,period_label,value\n", Encoding.UTF8, "text/csv");

        var brokenResponse = await _api.PostAsync(new Uri("/api/v1/imports", UriKind.Relative), broken);
        var plainResponse = await _api.PostAsync(new Uri("/api/v1/imports", UriKind.Relative), plain);

        brokenResponse.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await brokenResponse.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString().Should().Contain("broke off");
        plainResponse.StatusCode.Should().Be(HttpStatusCode.UnsupportedMediaType, "the endpoint takes multipart/form-data only");
        (await fixture.Factory.WithDbAsync(db => db.Imports.CountAsync())).Should().Be(before);
        Directory.GetFiles(fixture.Factory.ImportStoragePath, "incoming-*").Should().BeEmpty("the partial upload is deleted");
    }

    [Fact]
    public async Task AProportionOf250_Minus50_Or1Point8E308_IsAnErrorLocatedByRowColumnAndValue_AndNothingIsWritten()
    {
        // NI151 is a proportion given as a percentage: 0 to 100.
        var path = await GeneratedImports.TemplateAsync(_folder, "ni151.csv", GeneratedImports.TemplateHeader + ",lower_95,upper_95",
            "ni151-employment-rate,E09000012,2036/37,2036-04-01,2037-03-31,Persons,16-64,67.5,65.1,69.9",
            "ni151-employment-rate,E09000013,2036/37,2036-04-01,2037-03-31,Persons,16-64,250,,",
            "ni151-employment-rate,E09000014,2036/37,2036-04-01,2037-03-31,Persons,16-64,-50,,",
            "ni151-employment-rate,E09000015,2036/37,2036-04-01,2037-03-31,Persons,16-64,1.8E+308,,",
            "ni151-employment-rate,E09000016,2036/37,2036-04-01,2037-03-31,Persons,16-64,70.2,68.0,101.5");

        var import = await _api.UploadAndValidateAsync(path);

        import.GetProperty("errorCount").GetInt64().Should().Be(4, import.ToString());
        import.GetProperty("firstErrors").EnumerateArray().Select(GeneratedImports.Issue).Should().Equal(
            ("value-out-of-range", 3L, "value", "250"),
            ("value-out-of-range", 4L, "value", "-50"),
            ("implausible-magnitude", 5L, "value", "1.8E+308"),
            ("value-out-of-range", 6L, "upper_95", "101.5"));
        import.GetProperty("firstErrors")[0].GetProperty("message").GetString().Should().Contain("0 to 100");
        (await _api.PostAsync(new Uri($"/api/v1/imports/{import.GetProperty("id").GetInt32()}/commit", UriKind.Relative), null))
            .StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await _api.ValuesAsync("indicator=ni151-employment-rate&from=2036-04-01")).Should().BeEmpty();
    }

    [Fact]
    public async Task Status_CarriesTheWarningsTexts_AsItDoesTheFirstErrors_AndTheNotesAboutManyRows()
    {
        var header = File.ReadLines(ImportClient.Sample("fingertips-unmet-alcohol-need.csv")).First();
        var rows = File.ReadLines(ImportClient.Sample("fingertips-unmet-alcohol-need.csv")).Skip(1).Take(2).ToList();
        var path = Path.Combine(_folder, "remarks.csv");
        await File.WriteAllTextAsync(path, $"{header},Analyst's remark\n{rows[0]},checked\n{Suppressed(rows[1])},\n", new UTF8Encoding(false));

        var import = await _api.UploadAndValidateAsync(path);

        import.GetProperty("errorCount").GetInt64().Should().Be(0, import.ToString());
        import.GetProperty("warningCount").GetInt64().Should().Be(2);
        var warning = import.GetProperty("firstWarnings").EnumerateArray().Should().ContainSingle().Subject;
        GeneratedImports.Issue(warning).Should().Be(("unknown-column", 1L, "Analyst's remark", null));
        warning.GetProperty("severity").GetString().Should().Be("warning");
        warning.GetProperty("message").GetString().Should().Contain("was not read");
        var note = import.GetProperty("notes").EnumerateArray().Should().ContainSingle().Subject;
        (note.GetProperty("rule").GetString(), note.GetProperty("rows").GetInt64()).Should().Be(("suppressed", 1L));
        note.GetProperty("message").GetString().Should().Contain("never as zero");

        // The row's value cell (the 13th) left empty: suppressed.
        static string Suppressed(string row)
        {
            var cells = row.Split(',');
            cells[12] = "";
            return string.Join(',', cells);
        }
    }

    [Fact]
    public async Task Progress_IsReportedThroughoutACommit_NotZero()
    {
        var path = Path.Combine(_folder, "progress.csv");
        await NomisFiles.WriteAsync(path, 40_000, valueOffset: 0.3);
        var import = await _api.UploadAndValidateAsync(path, mapping: NomisFiles.Mapping);
        var id = import.GetProperty("id").GetInt32();
        import.GetProperty("newCount").GetInt64().Should().Be(40_000, import.ToString());

        // The commit held at its last save inside its transaction, after the merge: a client polling then must see it
        // committing part-way, however fast the machine (a plain poll may find the commit already done).
        var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        fixture.Watcher.BeforeSaving = async context =>
        {
            if (context.Database.CurrentTransaction is not null
                && context.ChangeTracker.Entries<Import>().Any(e => e.Entity.Id == id && e.Entity.Status == ImportStatus.Committed))
            {
                reached.TrySetResult();
                await release.Task;
            }
        };
        JsonElement status;
        try
        {
            (await _api.RequestCommitAsync(id, confirmNewIndicators: false)).StatusCode.Should().Be(HttpStatusCode.Accepted);
            await reached.Task.WaitAsync(TimeSpan.FromMinutes(2));
            status = await _api.GetFromJsonAsync<JsonElement>($"/api/v1/imports/{id}");
            status.GetProperty("status").GetString().Should().Be("committing", status.ToString());
            status.GetProperty("progress").GetDouble().Should().BeInRange(0.5, 0.999, "the merge is done and only the commit's own saving is left");
        }
        finally
        {
            release.TrySetResult();
            fixture.Watcher.BeforeSaving = null;
        }
        var seen = new List<double> { status.GetProperty("progress").GetDouble() };
        do
        {
            status = await _api.GetFromJsonAsync<JsonElement>($"/api/v1/imports/{id}");
            if (status.GetProperty("status").GetString() == "committing")
            {
                seen.Add(status.GetProperty("progress").GetDouble());
            }
        }
        while (status.GetProperty("status").GetString() == "committing");

        status.GetProperty("status").GetString().Should().Be("committed", status.ToString());
        status.GetProperty("progress").GetDouble().Should().Be(1);
        seen.Should().BeInAscendingOrder("the commit's progress never goes back");
        await _api.PostAsync(new Uri($"/api/v1/imports/{id}/undo", UriKind.Relative), null);
    }

    [Fact]
    public async Task FileNames_LoseTheirPathAndInvisibleCharacters_AndAreCappedAt200Characters()
    {
        var path = await GeneratedImports.TemplateAsync(_folder, "names.csv", GeneratedImports.TemplateHeader,
            "depression-qof-prevalence,E09000012,2037/38,2037-04-01,2038-03-31,Persons,18+ yrs,12.5");

        var spoofed = await _api.UploadAndValidateAsync(path, fileName: "C:\\Users\\analyst\\report\u202Evsc.exe");
        var longName = await _api.UploadAndValidateAsync(path, fileName: new string('x', 5_000) + ".csv");

        spoofed.GetProperty("fileName").GetString().Should().Be("reportvsc.exe");
        var capped = longName.GetProperty("fileName").GetString()!;
        capped.Should().HaveLength(200).And.EndWith(".csv");
    }

    [Fact]
    public async Task Values_BadFilters_Are400NamingTheParameter()
    {
        var response = await _api.GetAsync(new Uri("/api/v1/values?indicator=nope&from=31/12/2020", UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        errors.GetProperty("indicator").EnumerateArray().Single().GetString().Should().Contain("'nope'");
        errors.GetProperty("from").EnumerateArray().Single().GetString().Should().Contain("2024-03-31");
    }
}

[Collection(SqliteCollection.Name)]
public sealed class ImportApiOnSqlite(SqliteAppFixture fixture) : ImportApiTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class ImportApiOnPostgres(PostgresAppFixture fixture) : ImportApiTests(fixture);
