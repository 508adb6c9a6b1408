using MhEmployment.Web.Data;
using MhEmployment.Web.Domain;
using MhEmployment.Web.Infrastructure;

namespace MhEmployment.Web.Features.Imports.Jobs;

/// <summary>
/// Puts an import's validation or commit in the database (ADR 0017). The job is added to the caller's context, to be
/// saved in the same save as the import's new status, so that an import validating or committing always has its job.
/// </summary>
public sealed class ImportJobs(AppDbContext db, AppInstance instance, ImportJobSettings settings, ImportSignal signal, TimeProvider clock)
{
    /// <summary>A job for any instance's worker. Call <see cref="Wake"/> once it is saved.</summary>
    public void Enqueue(Import import, ImportJobKind kind, string? user, bool confirmNewIndicators = false) =>
        db.ImportJobs.Add(New(import, kind, user, confirmNewIndicators, owner: null));

    /// <summary>
    /// A job this instance holds under a lease from the start: the caller runs it here (<see cref="ImportJobRunner.RunHereAsync"/>)
    /// or hands it to the workers with <see cref="ReleaseAsync"/> once the import is ready to be worked on.
    /// </summary>
    public void Hold(Import import, ImportJobKind kind, string? user, bool confirmNewIndicators = false) =>
        db.ImportJobs.Add(New(import, kind, user, confirmNewIndicators, owner: instance.Id));

    /// <summary>Gives the jobs this instance holds for <paramref name="importId"/> to the workers.</summary>
    public async Task ReleaseAsync(int importId, CancellationToken cancellationToken)
    {
        foreach (var job in db.ImportJobs.Local.Where(j => j.ImportId == importId && j.Owner == instance.Id))
        {
            job.Owner = null;
            job.LeaseExpiresUtc = null;
        }
        await db.SaveChangesAsync(cancellationToken);
        Wake();
    }

    /// <summary>Tells this instance's worker a job is waiting, so it starts at once.</summary>
    public void Wake() => signal.Wake();

    private ImportJob New(Import import, ImportJobKind kind, string? user, bool confirmNewIndicators, string? owner)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return new ImportJob
        {
            // A new import has no id until saved: the navigation has it inserted first, in the same save.
            ImportId = import.Id,
            Import = import.Id == 0 ? import : null,
            Kind = kind,
            RequestedBy = user,
            ConfirmNewIndicators = confirmNewIndicators,
            QueuedUtc = now,
            Owner = owner,
            LeaseExpiresUtc = owner is null ? null : now + settings.Lease,
        };
    }
}
