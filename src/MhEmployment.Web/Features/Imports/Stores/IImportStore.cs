using MhEmployment.Web.Domain;

namespace MhEmployment.Web.Features.Imports.Stores;

public sealed record ChangeCounts(long New, long Changed, long Unchanged)
{
    public long Total => New + Changed + Unchanged;
}

/// <summary>
/// The rows a commit was about to merge are not (all) in staging any more, e.g. the database lost them: nothing was
/// written, and the import has to be validated again.
/// </summary>
public sealed class StagingMismatchException(long expected, long found)
    : InvalidOperationException($"Staging holds {found:N0} rows for this import where validation left {expected:N0}.");

/// <summary>
/// A commit in one pass cannot write these rows straight into the values table (a key is stored already, the file has
/// errors, a series needs an analyst's mapping or a new indicator, or the database would check each row by trigger):
/// the caller rolls back, nothing is written, and the import goes the staged way instead.
/// </summary>
public sealed class OnePassAbandonedException(string reason) : Exception(reason);

/// <summary>
/// The bulk path of imports, which bypasses the change tracker: staging rows, comparing them with stored values,
/// merging and undoing. PostgreSQL uses binary COPY and set-based SQL; SQLite one prepared command in one transaction.
/// </summary>
public interface IImportStore
{
    /// <summary>
    /// Writes the rows as they are enumerated (the enumeration is the validation itself, run on a thread of its own so
    /// that reading the file and writing to the database overlap); returns how many.
    /// </summary>
    Task<long> StageAsync(int importId, IEnumerable<StagedValue> rows, CancellationToken cancellationToken);

    Task<ChangeCounts> CountChangesAsync(int importId, CancellationToken cancellationToken);

    Task DeleteStagingAsync(int importId, CancellationToken cancellationToken);

    /// <summary>
    /// Inside the caller's transaction: waits for any other commit or undo, checks that staging still holds the
    /// <paramref name="expectedRows"/> validation left (else <see cref="StagingMismatchException"/>), points placeholder
    /// indicators at the ones just created, keeps the values about to be replaced, updates changed values, inserts new
    /// ones, clears staging. The counts come from the statements themselves. <paramref name="progress"/> hears how far
    /// it has gone (0 to 1) as each statement ends.
    /// </summary>
    Task<ChangeCounts> MergeAsync(int importId, long expectedRows, IReadOnlyDictionary<int, int> placeholderIndicators, IProgress<double> progress,
        CancellationToken cancellationToken);

    /// <summary>
    /// Before the commit's transaction begins, on its connection; disposed after it ends. SQLite turns off its per-row
    /// foreign-key checks here (they cannot be changed inside a transaction) and the merge checks the references once
    /// per distinct value instead; PostgreSQL has nothing to do.
    /// </summary>
    Task<IAsyncDisposable> BeforeCommitAsync(CancellationToken cancellationToken);

    /// <summary>
    /// A commit in one pass, inside the caller's transaction (begun after <see cref="BeforeCommitAsync"/>): waits for any
    /// other commit or undo, then writes the rows straight into IndicatorValues as they are enumerated, so that reading,
    /// validating and writing overlap. Throws <see cref="OnePassAbandonedException"/> on a key already stored (the
    /// table's key refuses it) and when the foreign keys would be checked by a trigger a row. Returns how many rows.
    /// </summary>
    Task<long> WriteValuesAsync(int importId, IEnumerable<StagedValue> rows, CancellationToken cancellationToken);

    /// <summary>
    /// After <see cref="WriteValuesAsync"/>, in the same transaction: what each row's foreign keys would have checked,
    /// once per distinct value: the areas, indicators and the import exist (and, on PostgreSQL, stay until it ends).
    /// </summary>
    Task CheckReferencedRowsAsync(int importId, IReadOnlyCollection<int> indicators, IReadOnlyCollection<string> areas, CancellationToken cancellationToken);

    /// <summary>Inside the caller's transaction: removes the import's values and puts back those it replaced.</summary>
    Task UndoAsync(int importId, CancellationToken cancellationToken);

    /// <summary>Whether a commit failed because another import (or undo) held the database longer than it could wait.</summary>
    bool IsBusy(Exception exception);
}
