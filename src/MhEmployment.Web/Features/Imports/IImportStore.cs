namespace MhEmployment.Web.Features.Imports;

public sealed record ChangeCounts(long New, long Changed, long Unchanged);

public sealed record DuplicateKey(int IndicatorId, string AreaCode, DateOnly PeriodStart, DateOnly PeriodEnd, string Sex, string AgeBand, long FirstLine, long LastLine);

/// <summary>
/// The bulk path of imports, which bypasses the change tracker: staging rows, comparing them with stored values,
/// merging and undoing. PostgreSQL uses binary COPY and set-based SQL; SQLite one prepared command in one transaction.
/// </summary>
public interface IImportStore
{
    /// <summary>Writes the rows as they are enumerated (the enumeration is the validation itself); returns how many.</summary>
    Task<long> StageAsync(int importId, IEnumerable<StagedValue> rows, CancellationToken cancellationToken);

    /// <summary>Keys given twice with different values; exact repeats are folded into one row.</summary>
    Task<IReadOnlyList<DuplicateKey>> ResolveDuplicatesAsync(int importId, int limit, CancellationToken cancellationToken);

    Task<ChangeCounts> CountChangesAsync(int importId, CancellationToken cancellationToken);

    Task DeleteStagingAsync(int importId, CancellationToken cancellationToken);

    /// <summary>
    /// Inside the caller's transaction: waits for any other commit or undo, points placeholder indicators at the ones
    /// just created, keeps the values about to be replaced, updates changed values, inserts new ones, clears staging.
    /// </summary>
    Task<ChangeCounts> MergeAsync(int importId, IReadOnlyDictionary<int, int> placeholderIndicators, CancellationToken cancellationToken);

    /// <summary>Inside the caller's transaction: removes the import's values and puts back those it replaced.</summary>
    Task UndoAsync(int importId, CancellationToken cancellationToken);
}
