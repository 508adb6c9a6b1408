using MhEmployment.Web.Data;
using MhEmployment.Web.Features.DataVersions;
using Microsoft.EntityFrameworkCore.Storage;

namespace MhEmployment.Web.Features.NeedsAssets;

public enum EvidenceEditStatus { Saved, Unchanged, NotFound, Invalid, Conflict, Refused }

/// <summary>
/// Ends a change of the evidence links or a weighting scheme as a new data version (touching no indicator's values),
/// so that the comparison, cached per data version, is built again at once: the caller's open transaction is committed.
/// </summary>
public static class NeedsEvidenceChanges
{
    public static async Task CommitAsync(
        AppDbContext db, IDbContextTransaction transaction, DataVersion versions, DateTime now, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        ArgumentNullException.ThrowIfNull(versions);
        var version = await DataVersion.RecordAsync(db, DataChangeKinds.NeedsEvidence, [], null, now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        versions.Committed(version, actor);
    }
}
