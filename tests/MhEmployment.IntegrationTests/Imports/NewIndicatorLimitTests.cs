using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using MhEmployment.IntegrationTests.Infrastructure;
using MhEmployment.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace MhEmployment.IntegrationTests.Imports;

/// <summary>
/// A file may add a few indicators to the catalogue on its own, more only with the analyst's explicit confirmation,
/// and never more than 50: a Fingertips file of thousands of unknown ids is a mistake, not a catalogue.
/// </summary>
public abstract class NewIndicatorLimitTests(AppFixture fixture) : IDisposable
{
    private readonly HttpClient _api = fixture.ApiClient(Roles.Analyst);
    private readonly string _folder = Directory.CreateTempSubdirectory("mhe-new-indicators-").FullName;

    public void Dispose()
    {
        Directory.Delete(_folder, recursive: true);
        GC.SuppressFinalize(this);
    }

    private Task<int> AddedAsync(int firstId, int count) => fixture.Factory.WithDbAsync(db =>
        db.Indicators.CountAsync(i => i.FingertipsId >= firstId && i.FingertipsId < firstId + count));

    [Fact]
    public async Task UpToFiveNewIndicators_AreAddedWithoutAsking()
    {
        var (path, firstId) = await GeneratedImports.FingertipsAsync(_folder, "five.csv", 5);
        var import = await _api.UploadAndValidateAsync(path);

        var committed = await _api.CommitAsync(import.GetProperty("id").GetInt32());

        committed.GetProperty("status").GetString().Should().Be("committed", committed.ToString());
        (await AddedAsync(firstId, 5)).Should().Be(5);
    }

    [Fact]
    public async Task SixNewIndicators_NeedTheConfirmationField_ThenAreAdded()
    {
        var (path, firstId) = await GeneratedImports.FingertipsAsync(_folder, "six.csv", 6);
        var import = await _api.UploadAndValidateAsync(path);
        var id = import.GetProperty("id").GetInt32();
        import.GetProperty("status").GetString().Should().Be("ready");

        var unconfirmed = await _api.PostAsync(new Uri($"/api/v1/imports/{id}/commit", UriKind.Relative), null);
        var notConfirmed = await _api.RequestCommitAsync(id, confirmNewIndicators: false);

        unconfirmed.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await unconfirmed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString().Should().Contain("adds 6 new indicators").And.Contain("confirm");
        notConfirmed.StatusCode.Should().Be(HttpStatusCode.Conflict);
        var garbled = await _api.PostAsync(new Uri($"/api/v1/imports/{id}/commit", UriKind.Relative),
            new FormUrlEncodedContent([new("confirmNewIndicators", "maybe")]));
        garbled.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await garbled.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString().Should().Contain("'confirmNewIndicators' is 'maybe'");
        (await AddedAsync(firstId, 6)).Should().Be(0);

        var committed = await _api.CommitConfirmingNewIndicatorsAsync(id);

        committed.GetProperty("status").GetString().Should().Be("committed", committed.ToString());
        (await AddedAsync(firstId, 6)).Should().Be(6);
    }

    [Fact]
    public async Task MoreThanFifty_IsAnErrorSayingWhatToDo_AndNothingCanBeCommitted_EvenConfirmed()
    {
        var (path, firstId) = await GeneratedImports.FingertipsAsync(_folder, "fifty-one.csv", 51);

        var import = await _api.UploadAndValidateAsync(path);

        var error = import.GetProperty("firstErrors").EnumerateArray().Should().ContainSingle().Subject;
        GeneratedImports.Issue(error).Should().Be(("too-many-new-indicators", 52L, null, $"fingertips:{firstId + 50}"));
        error.GetProperty("message").GetString().Should().Contain("at most 50");
        (await _api.RequestCommitAsync(import.GetProperty("id").GetInt32(), confirmNewIndicators: true)).StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await AddedAsync(firstId, 51)).Should().Be(0);
    }

    [Fact]
    public async Task AnUploadCommittedWithoutPreview_AddsMany_OnlyWithTheConfirmationField()
    {
        var (withoutPath, withoutId) = await GeneratedImports.FingertipsAsync(_folder, "without.csv", 7);
        var (withPath, withId) = await GeneratedImports.FingertipsAsync(_folder, "with.csv", 7);

        var without = await _api.WaitForAsync(await UploadCommittingAsync(withoutPath, confirm: null), "committed", "ready", "failed");
        var with = await _api.WaitForAsync(await UploadCommittingAsync(withPath, confirm: "true"), "committed", "ready", "failed");

        without.GetProperty("status").GetString().Should().Be("ready", "it waits for the confirmation");
        without.GetProperty("message").GetString().Should().Contain("adds 7 new indicators").And.Contain("confirmNewIndicators");
        (await AddedAsync(withoutId, 7)).Should().Be(0);
        with.GetProperty("status").GetString().Should().Be("committed", with.ToString());
        (await AddedAsync(withId, 7)).Should().Be(7);
    }

    private async Task<int> UploadCommittingAsync(string path, string? confirm)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(await File.ReadAllBytesAsync(path));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", Path.GetFileName(path));
        form.Add(new StringContent("true"), "commit");
        if (confirm is not null)
        {
            form.Add(new StringContent(confirm), "confirmNewIndicators");
        }
        var response = await _api.PostAsync(new Uri("/api/v1/imports", UriKind.Relative), form);
        response.StatusCode.Should().Be(HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
    }
}

[Collection(SqliteCollection.Name)]
public sealed class NewIndicatorLimitsOnSqlite(SqliteAppFixture fixture) : NewIndicatorLimitTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class NewIndicatorLimitsOnPostgres(PostgresAppFixture fixture) : NewIndicatorLimitTests(fixture);
