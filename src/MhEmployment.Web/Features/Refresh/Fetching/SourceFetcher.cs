using System.IO.Pipelines;
using MhEmployment.Web.Domain;
using MhEmployment.Web.Features.Imports;
using Microsoft.Extensions.Options;

namespace MhEmployment.Web.Features.Refresh.Fetching;

/// <summary>
/// Fetches an indicator's source into import storage: the answers are checked and joined as they arrive and flow
/// through a pipe into <see cref="ImportStorage.ReceiveAsync"/>, which hashes them as it writes. A problem with the
/// source fails the pipe, which makes storage delete what it had written.
/// </summary>
public sealed partial class SourceFetcher(HttpClient http, ImportStorage storage, IOptions<SourceOptions> options, ILogger<SourceFetcher> logger)
    : ISourceFetcher
{
    public async Task<SourceFetch> FetchAsync(Indicator indicator, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        var fileName = SourceUrls.FileName(indicator);
        if (SourceCheck.ProblemWith(indicator) is { } unusable)
            return new SourceFetch("", fileName, null, unusable);
        var settings = options.Value;
        var url = SourceUrls.First(indicator, settings)!.AbsoluteUri;
        var source = indicator.RefreshSource == IndicatorSourceKind.Nomis ? NomisDownload.Source : FingertipsDownload.Source;

        long bytes = 0;
        Action<int>? received = progress is null ? null : read => progress.Report(bytes += read);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var pipe = new Pipe();
        var downloading = DownloadAsync(indicator, settings, new SourceOutput(pipe.Writer), pipe.Writer, received, stop.Token);
        ReceivedFile? file = null;
        try
        {
            file = await storage.ReceiveAsync(pipe.Reader.AsStream(), cancellationToken);
        }
        catch (SourceProblemException problem)
        {
            LogFailure(logger, indicator.Key, source, problem.Message);
            return new SourceFetch(url, fileName, null, problem.Message);
        }
        finally
        {
            await pipe.Reader.CompleteAsync();
            if (file is null)
                await stop.CancelAsync();
            await downloading;
        }
        return file is null
            ? new SourceFetch(url, fileName, null, SourceProblem.TooLarge(source, storage.MaxFileBytes))
            : new SourceFetch(url, fileName, file, null);
    }

    /// <summary>Runs the download into the pipe; how it ended (a problem, a cancellation) reaches storage through the pipe.</summary>
    private async Task DownloadAsync(Indicator indicator, SourceOptions settings, SourceOutput output, PipeWriter writer,
        Action<int>? received, CancellationToken cancellationToken)
    {
        try
        {
            if (indicator.RefreshSource == IndicatorSourceKind.Nomis)
                await new NomisDownload(http, settings, indicator.NomisDataset!.Trim(), indicator.NomisQuery).RunAsync(output, received, cancellationToken);
            else
                await new FingertipsDownload(http, settings, indicator.FingertipsId!.Value, SourceCheck.AreaTypes(indicator.FingertipsAreaTypes))
                    .RunAsync(output, received, cancellationToken);
            await writer.CompleteAsync();
        }
#pragma warning disable CA1031 // every ending is handed to the reading side, which reports it
        catch (Exception e)
#pragma warning restore CA1031
        {
            await writer.CompleteAsync(e);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Fetching {Indicator} from {Source} failed: {Problem}")]
    private static partial void LogFailure(ILogger logger, string indicator, string source, string problem);
}
