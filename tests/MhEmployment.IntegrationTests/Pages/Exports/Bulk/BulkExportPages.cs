using System.Diagnostics;
using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using MhEmployment.IntegrationTests.Infrastructure;
using MhEmployment.Web.Domain;
using MhEmployment.Web.Features.Exports.Bulk;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MhEmployment.IntegrationTests.Pages.Exports.Bulk;

/// <summary>A bulk export as its pages show it to a person.</summary>
public sealed record JobView(HttpStatusCode Status, IDocument Page)
{
    public string StatusText => Page.QuerySelector("#job-status")!.Text();
    public string ProgressText => Page.QuerySelector("#progress-text")!.Text();
    public IElement? ProgressBar => Page.QuerySelector("progress#progress");
    public int Done => int.Parse(ProgressBar!.GetAttribute("value")!, CultureInfo.InvariantCulture);
    public int Max => int.Parse(ProgressBar!.GetAttribute("max")!, CultureInfo.InvariantCulture);
    public string? DownloadLink => Page.QuerySelector("a#download")?.GetAttribute("href");
    public bool RefreshesItself => Page.QuerySelector("meta[http-equiv=refresh]") is not null;
}

public static class BulkExportPages
{
    public const string London = "E12000007";
    public const string EastMidlands = "E12000004";

    /// <summary>Fills in and sends the form; returns the new job's id (the form redirects to its page).</summary>
    public static async Task<int> RequestAsync(this HttpClient client, string region, string format, string benchmark = "england")
    {
        var response = await client.SubmitFormAsync("/exports/bulk",
            new() { ["Form.Region"] = region, ["Form.Format"] = format, ["Form.Benchmark"] = benchmark });
        response.StatusCode.Should().Be(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        var location = response.Headers.Location!.OriginalString;
        location.Should().StartWith("/exports/bulk/");
        return int.Parse(location["/exports/bulk/".Length..], CultureInfo.InvariantCulture);
    }

    public static async Task<JobView> JobAsync(this HttpClient client, int id)
    {
        var (response, page) = await client.GetPageAsync($"/exports/bulk/{id}");
        return new JobView(response.StatusCode, page);
    }

    /// <summary>Reads the job's page until <paramref name="until"/> holds, as a person watching it would.</summary>
    public static async Task<JobView> WatchAsync(this HttpClient client, int id, Func<JobView, bool> until, TimeSpan? timeout = null)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var view = await client.JobAsync(id);
            view.Status.Should().Be(HttpStatusCode.OK);
            if (until(view))
            {
                return view;
            }
            clock.Elapsed.Should().BeLessThan(timeout ?? TimeSpan.FromSeconds(120), $"export {id} should get there; it says '{view.StatusText}: {view.ProgressText}'");
            await Task.Delay(100);
        }
    }

    /// <summary>The region's current upper-tier authorities, as the areas table has them.</summary>
    public static Task<List<Area>> BoroughsAsync(this AppFactory factory, string region)
    {
        AreaKind[] upperTier = [AreaKind.County, AreaKind.UnitaryAuthority, AreaKind.MetropolitanDistrict, AreaKind.LondonBorough];
        return factory.WithDbAsync(db => db.Areas.AsNoTracking()
            .Where(a => a.RegionCode == region && a.ValidTo == null && upperTier.Contains(a.Kind)).ToListAsync());
    }

    /// <summary>Makes the worker look for work (and for expired jobs) now rather than at its next regular look.</summary>
    public static void WakeWorker(this AppFactory factory) => factory.Services.GetRequiredService<BulkExportSignal>().Wake();
}
