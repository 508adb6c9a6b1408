using System.Net;
using System.Text.RegularExpressions;
using MhEmployment.Web.Features.Imports.Parsing;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.Timeout;

namespace MhEmployment.Web.Features.Refresh.Fetching;

/// <summary>
/// One answer from a source, checked before its rows are read: a success status, CSV rather than a web page, a header
/// with the columns the importer needs. Its rows are then read as they arrive, and its end checked for a cut.
/// </summary>
internal sealed partial class SourcePage : IAsyncDisposable
{
    private readonly string _source;
    private readonly Uri _url;
    private readonly TimeSpan _totalTimeout;
    private readonly CancellationToken _caller;
    private readonly CancellationTokenSource _deadline;
    private readonly HttpResponseMessage _response;
    private CsvRecords? _records;
    private CsvRecord? _last;

    private SourcePage(string source, Uri url, TimeSpan totalTimeout, CancellationTokenSource deadline, HttpResponseMessage response, CancellationToken caller)
    {
        (_source, _url, _totalTimeout, _deadline, _response, _caller) = (source, url, totalTimeout, deadline, response, caller);
    }

    public CsvRecord Header { get; private set; } = null!;

    private long Received => _records?.BytesRead ?? 0;

    /// <summary>
    /// Asks for <paramref name="url"/> and checks the answer up to its header: the first answer's header must have the
    /// columns the importer needs (<paramref name="required"/>, each as its accepted names), a later answer's must be
    /// <paramref name="first"/>'s, to be joined to it. Trouble is a <see cref="SourceProblemException"/>.
    /// </summary>
    public static async Task<SourcePage> OpenAsync(HttpClient http, SourceOptions options, string source, Uri url,
        string[][] required, CsvRecord? first, Action<int>? received, CancellationToken cancellationToken)
    {
        // The pipeline's timeouts end with the response headers; the body must arrive within the total timeout too.
        var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(options.TotalTimeout);
        var tries = new SourceTries();
        var context = ResilienceContextPool.Shared.Get(deadline.Token);
        context.Properties.Set(SourceTries.Key, tries);
        HttpResponseMessage response;
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.SetResilienceContext(context);
            response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token);
        }
        catch (Exception e)
        {
            deadline.Dispose();
            throw e switch
            {
                TimeoutRejectedException timeout => new SourceProblemException(SourceProblem.Timeout(source, url, timeout.Timeout, tries.Count)),
                OperationCanceledException when !cancellationToken.IsCancellationRequested =>
                    new SourceProblemException(SourceProblem.Timeout(source, url, options.TotalTimeout, tries.Count)),
                HttpRequestException failed => new SourceProblemException(SourceProblem.Unreachable(source, url, failed.Message)),
                _ => e,
            };
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }

        var page = new SourcePage(source, url, options.TotalTimeout, deadline, response, cancellationToken);
        try
        {
            await page.StartAsync(tries.Count, required, first, received);
            return page;
        }
        catch
        {
            await page.DisposeAsync();
            throw;
        }
    }

    /// <summary>The next row (blank lines skipped), or null at the end of the answer, which is then checked for a cut.</summary>
    public async ValueTask<CsvRecord?> ReadAsync(int missingTrailingAllowed)
    {
        while (await ReadRecordAsync() is { } record)
        {
            if (!record.IsBlank)
                return _last = record;
        }
        CheckEnd(missingTrailingAllowed);
        return null;
    }

    public ValueTask DisposeAsync()
    {
        _response.Dispose();
        _deadline.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task StartAsync(int tries, string[][] required, CsvRecord? first, Action<int>? received)
    {
        var status = _response.StatusCode;
        var mediaType = _response.Content.Headers.ContentType?.MediaType;
        var body = await ReadBodyAsync();
        _records = new CsvRecords(body, _source, _url, received);
        if (!_response.IsSuccessStatusCode)
            throw Problem(SourceProblem.Status(_source, _url, status, _response.ReasonPhrase, tries, await TitleAsync()));
        if (mediaType is "text/html" or "application/xhtml+xml")
            throw Problem(SourceProblem.WebPage(_source, _url, status, await TitleAsync()));

        Header = await ReadRecordAsync() ?? throw Problem(SourceProblem.Empty(_source, _url));
        if (Header.Text.TrimStart().StartsWith('<'))
            throw Problem(SourceProblem.WebPage(_source, _url, status, TitleIn(_records.Start)));
        if (first is not null)
        {
            if (!first.Fields.SequenceEqual(Header.Fields, StringComparer.Ordinal))
                throw Problem(SourceProblem.HeaderChanged(_source, _url, first.Text, Header.Text));
            return;
        }
        var names = new HeaderNames(Header.Fields);
        var missing = required.Where(column => names.Find(column) < 0).Select(column => column[0]).ToList();
        if (missing.Count > 0)
            throw Problem(SourceProblem.MissingColumns(_source, _url, missing, Header.Text));
    }

    private async Task<Stream> ReadBodyAsync()
    {
        try
        {
            return await _response.Content.ReadAsStreamAsync(_deadline.Token);
        }
        catch (Exception e) when (Translate(e) is { } problem)
        {
            throw problem;
        }
    }

    private async ValueTask<CsvRecord?> ReadRecordAsync()
    {
        try
        {
            return await _records!.ReadAsync(_deadline.Token);
        }
        catch (Exception e) when (Translate(e) is { } problem)
        {
            throw problem;
        }
    }

    /// <summary>A broken connection is a cut answer; the deadline (not the caller's cancellation) is a timeout.</summary>
    private SourceProblemException? Translate(Exception e) => e switch
    {
        IOException or HttpRequestException => Problem(SourceProblem.Truncated(_source, _url, Received,
            _response.Content.Headers.ContentLength is { } length && length > (Received)
                ? $"it declared {length:N0} bytes and the connection closed"
                : "the connection closed before the end")),
        OperationCanceledException when !_caller.IsCancellationRequested && _deadline.IsCancellationRequested =>
            Problem(SourceProblem.BodyTimeout(_source, _url, _totalTimeout, Received)),
        _ => null,
    };

    /// <summary>
    /// A body that ends inside a quoted field, or whose last line (without its line break) has fewer fields than the
    /// rows before it, was cut short: a record was lost mid-way.
    /// </summary>
    private void CheckEnd(int missingTrailingAllowed)
    {
        if (_records!.EndedInQuotes)
            throw Problem(SourceProblem.Truncated(_source, _url, Received, "its last record ends inside a quoted field"));
        if (_last is { Terminated: false } last && last.Fields.Count < Header.Fields.Count - missingTrailingAllowed)
            throw Problem(SourceProblem.Truncated(_source, _url, Received,
                $"its last record has {last.Fields.Count} of the header's {Header.Fields.Count} fields"));
    }

    private async Task<string?> TitleAsync()
    {
        try
        {
            await _records!.ReadAsync(_deadline.Token);
        }
        catch (Exception e) when (e is IOException or HttpRequestException or SourceProblemException)
        {
            // The page's title is a courtesy: a page cut short is still reported by its status.
        }
        return TitleIn(_records!.Start);
    }

    private static string? TitleIn(string start)
    {
        var match = Title().Match(start);
        if (!match.Success)
            return null;
        var title = string.Join(' ', WebUtility.HtmlDecode(match.Groups[1].Value).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return title.Length <= 200 ? title : title[..200] + "…";
    }

    private static SourceProblemException Problem(string message) => new(message);

    [GeneratedRegex(@"<title[^>]*>(.*?)</title>", RegexOptions.IgnoreCase | RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex Title();
}
