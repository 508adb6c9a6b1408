using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MhEmployment.IntegrationTests.Refresh;

/// <summary>What the source server does instead of answering normally.</summary>
public enum SourceFault
{
    None,

    /// <summary>500 Internal Server Error.</summary>
    ServerError,

    /// <summary>Sends nothing until the client gives up.</summary>
    Hang,

    /// <summary>Declares the whole body's Content-Length, sends half of it, then cuts the connection.</summary>
    TruncatedBody,

    /// <summary>A maintenance web page with 200 OK.</summary>
    HtmlPageOk,

    /// <summary>A maintenance web page with 503 Service Unavailable.</summary>
    HtmlPageUnavailable,

    /// <summary>The normal answer with a renamed area code column ("Area Code", "GEOGRAPHY_CODE").</summary>
    ChangedHeader,
}

/// <summary>
/// Fingertips and NOMIS on loopback, answering from the recorded responses (TestData/Sources), with the statuses and
/// headers the services send, a log of the requests, and faults to switch on. Point the app at it with
/// <see cref="Settings"/> (AppFactory's configuration overrides) or <see cref="FingertipsBaseUrl"/> and <see cref="NomisBaseUrl"/>.
/// <list type="bullet">
/// <item>GET fingertips/api/all_data/csv/by_indicator_id?indicator_ids=ID&amp;child_area_type_id=T&amp;parent_area_type_id=P:
/// the recorded rows of indicator ID (one indicator per request, as the API answers) whose area type is T, with England's
/// (and, for parent 6, the regions') rows, under the header of the file they come from.</item>
/// <item>GET nomis/api/v01/dataset/NM_x_y.data.csv?…&amp;recordoffset=N&amp;recordlimit=M: rows N to N+M-1 of the dataset's
/// recorded file (<see cref="NomisDatasets"/>; NM_2002_1 is lad.csv, 621 rows), with the header on every page.</item>
/// </list>
/// </summary>
public sealed class SourceServer : IAsyncDisposable
{
    /// <summary>Area types as the recorded files label their rows, by Fingertips area type id.</summary>
    private static readonly Dictionary<int, string[]> AreaTypeLabels = new()
    {
        [15] = ["England", "Country"],
        [6] = ["Region"],
        [102] = ["County & UA (pre 4/19)"],
        [202] = ["County & UA", "County", "UA"],
        [302] = ["County & UA", "County", "UA"],
        [402] = ["County & UA", "County", "UA"],
        [502] = ["County & UA", "County", "UA"],
        [101] = ["District & UA", "District", "UA"],
        [201] = ["District & UA", "District", "UA"],
        [301] = ["District & UA", "District", "UA"],
        [401] = ["District & UA", "District", "UA"],
        [501] = ["District & UA", "District", "UA"],
    };

    private readonly WebApplication _app;
    private readonly RecordedSources _recorded = new();
    private readonly ConcurrentQueue<Uri> _requests = new();
    private int _faultable;

    private SourceServer(WebApplication app) => _app = app;

    public Uri FingertipsBaseUrl { get; private set; } = null!;

    public Uri NomisBaseUrl { get; private set; } = null!;

    /// <summary>The app's configuration pointing it at this server.</summary>
    public IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Sources:FingertipsBaseUrl"] = FingertipsBaseUrl.AbsoluteUri,
        ["Sources:NomisBaseUrl"] = NomisBaseUrl.AbsoluteUri,
    };

    /// <summary>The recorded NOMIS file each dataset id answers from.</summary>
    public ConcurrentDictionary<string, RecordedFile> NomisDatasets { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Every request received, in order (faulted ones too).</summary>
    public IReadOnlyList<Uri> Requests => [.. _requests];

    public SourceFault Fault { get; private set; }

    /// <summary>Switches a fault on: after <paramref name="skip"/> normal answers, for <paramref name="times"/> requests (all, unless given).</summary>
    public void FailWith(SourceFault fault, int times = int.MaxValue, int skip = 0)
    {
        Fault = fault;
        Interlocked.Exchange(ref _faultable, 0);
        (FaultSkip, FaultTimes) = (skip, times);
    }

    private int FaultSkip { get; set; }

    private int FaultTimes { get; set; }

    public static async Task<SourceServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new SourceServer(app);
        server.NomisDatasets["NM_2002_1"] = server._recorded.NomisLad;
        app.MapGet("/fingertips/api/all_data/csv/by_indicator_id", server.FingertipsAsync);
        app.MapGet("/nomis/api/v01/dataset/{file}", server.NomisAsync);
        await app.StartAsync();
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First());
        server.FingertipsBaseUrl = new Uri(address, "fingertips/api/");
        server.NomisBaseUrl = new Uri(address, "nomis/api/v01/");
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task FingertipsAsync(HttpContext context)
    {
        if (!int.TryParse(context.Request.Query["indicator_ids"], CultureInfo.InvariantCulture, out var indicator)
            || !int.TryParse(context.Request.Query["child_area_type_id"], CultureInfo.InvariantCulture, out var childType)
            || !int.TryParse(context.Request.Query["parent_area_type_id"], CultureInfo.InvariantCulture, out var parentType))
        {
            Log(context);
            await PlainAsync(context, HttpStatusCode.BadRequest, "indicator_ids, child_area_type_id and parent_area_type_id are required");
            return;
        }
        var labels = new HashSet<string>(AreaTypeLabels.GetValueOrDefault(childType, []), StringComparer.Ordinal);
        labels.UnionWith(AreaTypeLabels[15]); // England is every answer's benchmark
        if (parentType == 6)
            labels.UnionWith(AreaTypeLabels[6]);
        var files = _recorded.Fingertips.Where(f => f.Rows.Any(r => IndicatorOf(r) == indicator)).ToList();
        var header = files.FirstOrDefault()?.Header ?? _recorded.Fingertips[0].Header;
        // One indicator's rows from every file that has it under the same header; a row two files share is sent once.
        var rows = files.Where(f => f.Header == header)
            .SelectMany(f => f.Rows)
            .Where(r => IndicatorOf(r) == indicator && labels.Contains(RecordedFile.Fields(r)[6]))
            .Distinct(StringComparer.Ordinal);
        await CsvAsync(context, header, rows, "Area Code", $"attachment; filename=\"indicator-{indicator}.csv\"");
    }

    private async Task NomisAsync(HttpContext context, string file)
    {
        const string suffix = ".data.csv";
        if (!file.EndsWith(suffix, StringComparison.OrdinalIgnoreCase) || !NomisDatasets.TryGetValue(file[..^suffix.Length], out var recorded))
        {
            Log(context);
            await PlainAsync(context, HttpStatusCode.NotFound, "Dataset not found");
            return;
        }
        var offset = long.TryParse(context.Request.Query["recordoffset"], CultureInfo.InvariantCulture, out var o) ? o : 0;
        var limit = int.TryParse(context.Request.Query["recordlimit"], CultureInfo.InvariantCulture, out var l) ? l : 25_000;
        await CsvAsync(context, recorded.Header, recorded.Rows.Skip((int)Math.Min(offset, int.MaxValue)).Take(limit), "GEOGRAPHY_CODE", null);
    }

    private async Task CsvAsync(HttpContext context, string header, IEnumerable<string> rows, string codeColumn, string? disposition)
    {
        var fault = NextFault(context);
        if (fault == SourceFault.ChangedHeader)
            header = header.Replace(codeColumn, codeColumn + " (GSS)", StringComparison.Ordinal);
        var body = Encoding.UTF8.GetBytes(header + string.Concat(rows));
        switch (fault)
        {
            case SourceFault.ServerError:
                await PlainAsync(context, HttpStatusCode.InternalServerError, "Internal Server Error");
                return;
            case SourceFault.Hang:
                await Task.Delay(Timeout.Infinite, context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
                return;
            case SourceFault.HtmlPageOk or SourceFault.HtmlPageUnavailable:
                await HtmlAsync(context, fault == SourceFault.HtmlPageOk ? HttpStatusCode.OK : HttpStatusCode.ServiceUnavailable);
                return;
        }
        context.Response.ContentType = "text/csv";
        if (disposition is not null)
            context.Response.Headers.ContentDisposition = disposition;
        context.Response.ContentLength = body.Length;
        if (fault == SourceFault.TruncatedBody)
        {
            await context.Response.Body.WriteAsync(body.AsMemory(0, body.Length / 2));
            await context.Response.Body.FlushAsync();
            // A reset at once can overtake what was flushed (the client then sees no answer at all, not a cut one).
            await Task.Delay(200);
            context.Abort();
            return;
        }
        await context.Response.Body.WriteAsync(body);
    }

    /// <summary>Logs the request and says which fault, if any, it gets.</summary>
    private SourceFault NextFault(HttpContext context)
    {
        Log(context);
        if (Fault == SourceFault.None)
            return SourceFault.None;
        var n = Interlocked.Increment(ref _faultable);
        return n > FaultSkip && n - FaultSkip <= FaultTimes ? Fault : SourceFault.None;
    }

    private void Log(HttpContext context) =>
        _requests.Enqueue(new Uri($"{context.Request.Scheme}://{context.Request.Host}{context.Request.Path}{context.Request.QueryString}"));

    private static int IndicatorOf(string row) =>
        int.TryParse(row.AsSpan(0, Math.Max(0, row.IndexOf(',', StringComparison.Ordinal))), CultureInfo.InvariantCulture, out var id) ? id : -1;

    private static async Task PlainAsync(HttpContext context, HttpStatusCode status, string text)
    {
        context.Response.StatusCode = (int)status;
        context.Response.ContentType = "text/plain; charset=utf-8";
        await context.Response.WriteAsync(text);
    }

    private static async Task HtmlAsync(HttpContext context, HttpStatusCode status)
    {
        context.Response.StatusCode = (int)status;
        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync("""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>Service unavailable &ndash; planned maintenance</title></head>
            <body><h1>Sorry, the service is unavailable</h1><p>We are carrying out planned maintenance.</p></body></html>
            """);
    }
}
