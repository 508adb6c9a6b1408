using System.Threading.Channels;

namespace MhEmployment.Web.Features.Imports.Jobs;

public enum ImportJobKind { Validate, Commit, ValidateAndCommit }

/// <param name="ConfirmNewIndicators">The analyst confirmed the indicators the file adds to the catalogue (see <see cref="NewIndicatorLimits"/>).</param>
public sealed record ImportJob(int ImportId, ImportJobKind Kind, string? User, bool ConfirmNewIndicators = false);

/// <summary>Work for the background worker. One worker runs jobs one at a time, so commits never race each other here.</summary>
public sealed class ImportJobChannel
{
    private readonly Channel<ImportJob> _jobs = Channel.CreateUnbounded<ImportJob>(new UnboundedChannelOptions { SingleReader = true });

    public ValueTask EnqueueAsync(ImportJob job, CancellationToken cancellationToken = default) => _jobs.Writer.WriteAsync(job, cancellationToken);

    public IAsyncEnumerable<ImportJob> ReadAllAsync(CancellationToken cancellationToken) => _jobs.Reader.ReadAllAsync(cancellationToken);
}
