namespace MhEmployment.Web.Domain;

/// <summary>
/// One change that what is derived from the data depends on (a commit or undo of values, a catalogue edit, a change
/// of areas or assets), written in the change's own transaction. Its id is the data version the change made: every
/// cache follows the newest id, and reloads only the indicators the changes since its own version touched.
/// </summary>
public class DataChange
{
    public long Id { get; init; }
    public DateTime OccurredUtc { get; init; }

    /// <summary>What changed, one of <c>DataChangeKinds</c>.</summary>
    public required string Kind { get; init; }

    /// <summary>
    /// The ids of the indicators whose values or definition changed, comma-separated: empty when no indicator did
    /// (e.g. an asset), null when any may have (e.g. the areas), which reloads everything.
    /// </summary>
    public string? IndicatorIds { get; init; }

    /// <summary>The import committed or undone, so that an undo reloads what its commit touched.</summary>
    public int? ImportId { get; init; }
}
