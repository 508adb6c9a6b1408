using System.IO.Pipelines;

namespace MhEmployment.Web.Features.Refresh.Fetching;

/// <summary>Where a download's records go: the pipe that import storage reads from, each record ending with a line break.</summary>
internal sealed class SourceOutput(PipeWriter writer)
{
    private static readonly byte[] LineBreak = "\n"u8.ToArray();

    public async ValueTask WriteAsync(CsvRecord record, CancellationToken cancellationToken)
    {
        await writer.WriteAsync(record.Bytes, cancellationToken);
        // A last line without its break gets one, so that the next answer's rows start on a line of their own.
        if (!record.Terminated)
            await writer.WriteAsync(LineBreak, cancellationToken);
    }
}
