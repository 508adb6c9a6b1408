using System.Security.Cryptography;
using System.Text;
using MhEmployment.IntegrationTests.Infrastructure;
using MhEmployment.Web.Domain;
using MhEmployment.Web.Features.Refresh;

namespace MhEmployment.IntegrationTests.Refresh.Fetching;

/// <summary>Fetching from Fingertips and NOMIS (a local server answering with recorded responses) into import storage.</summary>
public sealed class SourceFetcherTests
{
    private static readonly RecordedSources Recorded = new();

    [Fact]
    public async Task Fingertips_OneAreaType_StoresTheIndicatorsRowsForThatAreaTypeAndEngland_WithTheirHash()
    {
        await using var harness = await FetchHarness.StartAsync();
        var progress = new LastValue();

        var fetch = await harness.Fetcher.FetchAsync(Fingertips(93356, "502"), progress, CancellationToken.None);

        fetch.Failure.Should().BeNull();
        fetch.FileName.Should().Be("fingertips-93356.csv");
        fetch.SourceUrl.Should().Be(harness.Server.Requests.Single().AbsoluteUri);
        fetch.SourceUrl.Should().Contain("all_data/csv/by_indicator_id?indicator_ids=93356&child_area_type_id=502&parent_area_type_id=15");
        var campylobacter = Recorded.Fingertips.Single(f => f.Path.EndsWith("indicators-CountyUA.data.csv", StringComparison.Ordinal));
        var expected = campylobacter.Header + string.Concat(campylobacter.Rows.Where(r => RecordedFile.Fields(r)[6] is "County & UA" or "Country"));
        var bytes = await File.ReadAllBytesAsync(fetch.File!.Path);
        Encoding.UTF8.GetString(bytes).Should().Be(expected, "the rows are stored as Fingertips sent them, CRLF and quoted line breaks included");
        RecordedFile.Split(Encoding.UTF8.GetString(bytes)).Should().HaveCount(1 + 760 + 65);
        fetch.File.Bytes.Should().Be(bytes.Length);
        fetch.File.Sha256.Should().Be(Convert.ToHexStringLower(SHA256.HashData(bytes)));
        progress.Value.Should().Be(bytes.Length);
        harness.StoredFiles().Should().Equal(fetch.File.Path);
    }

    [Fact]
    public async Task Fingertips_TwoAreaTypes_GiveOneFileWithTheHeaderOnceAndNoRowTwice()
    {
        await using var harness = await FetchHarness.StartAsync();

        // Counties and UAs, then districts and UAs: England's rows and the unitary authorities' come in both answers.
        var fetch = await harness.Fetcher.FetchAsync(Fingertips(93532, "502, 501"), null, CancellationToken.None);

        fetch.Failure.Should().BeNull();
        harness.Server.Requests.Select(r => r.Query).Should().Equal(
            "?indicator_ids=93532&child_area_type_id=502&parent_area_type_id=15&include_sortable_time_periods=yes",
            "?indicator_ids=93532&child_area_type_id=501&parent_area_type_id=15&include_sortable_time_periods=yes");
        var unmetNeed = Recorded.Fingertips.Single(f => f.Path.EndsWith("unmet_alcohol.csv", StringComparison.Ordinal));
        var stored = await File.ReadAllTextAsync(fetch.File!.Path);
        stored.Should().Be(unmetNeed.Header + string.Concat(unmetNeed.Rows), "each of the 17 rows once, in the order first sent");
        var keys = RecordedFile.Split(stored).Skip(1).Select(r => string.Join('|', RecordedFile.Fields(r).Take(12))).ToList();
        keys.Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public async Task Nomis_PagesOf250_FollowsThreePagesIntoOneFileWithOneHeader()
    {
        await using var harness = await FetchHarness.StartAsync(new Dictionary<string, string> { ["Sources:NomisPageSize"] = "250" });

        var fetch = await harness.Fetcher.FetchAsync(Nomis("NM_2002_1", "geography=TYPE480,TYPE423&date=latest&measures=20100"), null, CancellationToken.None);

        fetch.Failure.Should().BeNull();
        fetch.FileName.Should().Be("nomis-NM_2002_1.csv");
        harness.Server.Requests.Select(r => r.Query).Should().Equal(
            "?geography=TYPE480,TYPE423&date=latest&measures=20100&recordoffset=0&recordlimit=250",
            "?geography=TYPE480,TYPE423&date=latest&measures=20100&recordoffset=250&recordlimit=250",
            "?geography=TYPE480,TYPE423&date=latest&measures=20100&recordoffset=500&recordlimit=250");
        fetch.SourceUrl.Should().Be(harness.Server.Requests[0].AbsoluteUri);
        var stored = await File.ReadAllTextAsync(fetch.File!.Path);
        var records = RecordedFile.Split(stored);
        records.Should().HaveCount(1 + 621);
        records.Count(r => r.StartsWith("\"DATE\"", StringComparison.Ordinal)).Should().Be(1);
        stored.Should().Be(Recorded.NomisLad.Header + string.Concat(Recorded.NomisLad.Rows));
    }

    [Fact]
    public async Task ServerError_TwiceThenAnswered_IsRetriedAndSucceeds()
    {
        await using var harness = await FetchHarness.StartAsync();
        harness.Server.FailWith(SourceFault.ServerError, times: 2);

        var fetch = await harness.Fetcher.FetchAsync(Fingertips(93532, "502"), null, CancellationToken.None);

        fetch.Failure.Should().BeNull();
        harness.Server.Requests.Should().HaveCount(3);
        (await File.ReadAllLinesAsync(fetch.File!.Path)).Should().HaveCount(1 + 17);
    }

    [Fact]
    public async Task ServerError_Persistent_IsAFailureNamingTheStatusAndTriesAndLeavesNothing()
    {
        await using var harness = await FetchHarness.StartAsync();
        harness.Server.FailWith(SourceFault.ServerError);

        var fetch = await harness.Fetcher.FetchAsync(Nomis("NM_2002_1", "date=latest"), null, CancellationToken.None);

        fetch.Succeeded.Should().BeFalse();
        fetch.Failure.Should().StartWith("NOMIS answered 500 Internal Server Error, tried 3 times: http://127.0.0.1:")
            .And.Contain("/nomis/api/v01/dataset/NM_2002_1.data.csv?date=latest&recordoffset=0&recordlimit=25000")
            .And.EndWith("Try again later.");
        harness.Server.Requests.Should().HaveCount(3);
        harness.StoredFiles().Should().BeEmpty();
    }

    [Fact]
    public async Task Hang_PastTheAttemptTimeout_IsAFailureSayingHowLongAndHowOftenAndLeavesNothing()
    {
        await using var harness = await FetchHarness.StartAsync(new Dictionary<string, string>
        {
            ["Sources:AttemptTimeout"] = "00:00:00.2",
            ["Sources:Retries"] = "1",
        });
        harness.Server.FailWith(SourceFault.Hang);

        var fetch = await harness.Fetcher.FetchAsync(Fingertips(93532, "502"), null, CancellationToken.None);

        fetch.Failure.Should().StartWith("Fingertips did not answer within 0.2 s, tried 2 times: http://127.0.0.1:");
        harness.Server.Requests.Should().HaveCount(2);
        harness.StoredFiles().Should().BeEmpty();
    }

    [Fact]
    public async Task TruncatedBody_IsAFailureSayingItWasCutShortAndLeavesNothing()
    {
        await using var harness = await FetchHarness.StartAsync();
        harness.Server.FailWith(SourceFault.TruncatedBody);

        var fetch = await harness.Fetcher.FetchAsync(Nomis("NM_2002_1", "date=latest"), null, CancellationToken.None);

        fetch.Failure.Should().StartWith("NOMIS's answer was cut short after ")
            .And.Contain($"(it declared {Encoding.UTF8.GetByteCount(Recorded.NomisLad.Header + string.Concat(Recorded.NomisLad.Rows)):N0} bytes and the connection closed)");
        harness.StoredFiles().Should().BeEmpty();
    }

    [Fact]
    public async Task HtmlPage_With200_IsAFailureQuotingThePagesTitleAndLeavesNothing()
    {
        await using var harness = await FetchHarness.StartAsync();
        harness.Server.FailWith(SourceFault.HtmlPageOk);

        var fetch = await harness.Fetcher.FetchAsync(Fingertips(93532, "502"), null, CancellationToken.None);

        fetch.Failure.Should().StartWith("Fingertips sent a web page instead of CSV data (HTTP 200, a page titled \"Service unavailable – planned maintenance\"): http://127.0.0.1:");
        harness.Server.Requests.Should().HaveCount(1, "a 200 is not retried");
        harness.StoredFiles().Should().BeEmpty();
    }

    [Fact]
    public async Task HtmlPage_With503_IsRetriedThenAFailureQuotingTheStatusAndTitle()
    {
        await using var harness = await FetchHarness.StartAsync();
        harness.Server.FailWith(SourceFault.HtmlPageUnavailable);

        var fetch = await harness.Fetcher.FetchAsync(Fingertips(93532, "502"), null, CancellationToken.None);

        fetch.Failure.Should().StartWith("Fingertips answered 503 Service Unavailable, tried 3 times, a page titled \"Service unavailable – planned maintenance\": http://127.0.0.1:");
        harness.StoredFiles().Should().BeEmpty();
    }

    [Fact]
    public async Task ChangedLayout_IsAFailureNamingTheMissingColumnAndShowingTheHeader()
    {
        await using var harness = await FetchHarness.StartAsync();
        harness.Server.FailWith(SourceFault.ChangedHeader);

        var fetch = await harness.Fetcher.FetchAsync(Fingertips(93532, "502"), null, CancellationToken.None);

        fetch.Failure.Should().StartWith("Fingertips's data has changed its layout: it has no \"Area Code\" column, which the importer needs (http://127.0.0.1:")
            .And.Contain("Its header was: Indicator ID,Indicator Name,Parent Code,Parent Name,Area Code (GSS),Area Name,");
        harness.StoredFiles().Should().BeEmpty();
    }

    [Fact]
    public async Task ChangedLayout_OnALaterNomisPage_IsAFailureBecauseThePagesCannotBeJoined()
    {
        await using var harness = await FetchHarness.StartAsync(new Dictionary<string, string> { ["Sources:NomisPageSize"] = "250" });
        harness.Server.FailWith(SourceFault.ChangedHeader, skip: 1);

        var fetch = await harness.Fetcher.FetchAsync(Nomis("NM_2002_1", "date=latest"), null, CancellationToken.None);

        fetch.Failure.Should().StartWith("NOMIS's answer to http://127.0.0.1:")
            .And.Contain("recordoffset=250&recordlimit=250 has a different header from its first answer's")
            .And.Contain("\"GEOGRAPHY_CODE (GSS)\"");
        harness.Server.Requests.Should().HaveCount(2);
        harness.StoredFiles().Should().BeEmpty();
    }

    [Fact]
    public async Task Unreachable_IsAFailureSuggestingTheNetworkOrProxyAndLeavesNothing()
    {
        var closed = $"http://127.0.0.1:{Ports.Free()}/api/v01/";
        await using var harness = await FetchHarness.StartAsync(new Dictionary<string, string> { ["Sources:NomisBaseUrl"] = closed });

        var fetch = await harness.Fetcher.FetchAsync(Nomis("NM_2002_1", "date=latest"), null, CancellationToken.None);

        fetch.Failure.Should().StartWith($"Could not reach NOMIS at {closed}dataset/NM_2002_1.data.csv?date=latest&recordoffset=0&recordlimit=25000: ")
            .And.Contain("Connection refused")
            .And.EndWith("Check the network or the proxy (HTTPS_PROXY).");
        harness.StoredFiles().Should().BeEmpty();
    }

    [Fact]
    public async Task Cancelled_WhileWaitingForTheSource_ThrowsAndLeavesNothing()
    {
        await using var harness = await FetchHarness.StartAsync();
        harness.Server.FailWith(SourceFault.Hang);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        var fetching = () => harness.Fetcher.FetchAsync(Nomis("NM_2002_1", "date=latest"), null, cancel.Token);

        await fetching.Should().ThrowAsync<OperationCanceledException>();
        harness.StoredFiles().Should().BeEmpty();
    }

    [Fact]
    public async Task Cancelled_WhileReceivingPages_ThrowsAndLeavesNothing()
    {
        await using var harness = await FetchHarness.StartAsync(new Dictionary<string, string> { ["Sources:NomisPageSize"] = "250" });
        harness.Server.FailWith(SourceFault.Hang, skip: 1);
        using var cancel = new CancellationTokenSource();
        var progress = new LastValue(onReport: () => cancel.CancelAfter(TimeSpan.FromMilliseconds(200)));

        var fetching = () => harness.Fetcher.FetchAsync(Nomis("NM_2002_1", "date=latest"), progress, cancel.Token);

        await fetching.Should().ThrowAsync<OperationCanceledException>();
        progress.Value.Should().BeGreaterThan(0, "the first page had arrived");
        harness.StoredFiles().Should().BeEmpty();
    }

    [Fact]
    public async Task IndicatorWithoutASource_IsAFailureInWordsWithoutARequest()
    {
        await using var harness = await FetchHarness.StartAsync();
        var indicator = Fingertips(93532, "502");
        indicator.RefreshSource = IndicatorSourceKind.None;

        var fetch = await harness.Fetcher.FetchAsync(indicator, null, CancellationToken.None);

        fetch.Failure.Should().Be("Test indicator has no source to refresh from: give it a Fingertips indicator or a NOMIS dataset on its page, or upload its file.");
        harness.Server.Requests.Should().BeEmpty();
    }

    private static Indicator Fingertips(int id, string areaTypes) => new()
    {
        Key = "test-indicator", Name = "Test indicator", Definition = "", Source = "Fingertips", Age = "All ages",
        RefreshSource = IndicatorSourceKind.Fingertips, FingertipsId = id, FingertipsAreaTypes = areaTypes,
    };

    private static Indicator Nomis(string dataset, string query) => new()
    {
        Key = "test-indicator", Name = "Test indicator", Definition = "", Source = "NOMIS", Age = "All ages",
        RefreshSource = IndicatorSourceKind.Nomis, NomisDataset = dataset, NomisQuery = query,
    };

    /// <summary>Progress as reported, at once (Progress&lt;T&gt; would post it to the thread pool).</summary>
    private sealed class LastValue(Action? onReport = null) : IProgress<long>
    {
        public long Value { get; private set; }

        public void Report(long value)
        {
            Value = value;
            onReport?.Invoke();
        }
    }
}
