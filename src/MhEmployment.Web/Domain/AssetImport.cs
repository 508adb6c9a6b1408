namespace MhEmployment.Web.Domain;

public enum AssetImportStatus { Previewed, Committed, Undone }

/// <summary>
/// An asset CSV: kept whole until it is committed (or abandoned), then what it did, so it can be undone. Asset files
/// are small (a register, not a data extract), so the text lives in the row itself.
/// </summary>
public class AssetImport
{
    public int Id { get; init; }
    public required string FileName { get; init; }
    public required string Content { get; init; }
    public DateTime CreatedUtc { get; init; }
    public required string CreatedBy { get; init; }
    public AssetImportStatus Status { get; set; }
    public int RowCount { get; set; }
    public int CreatedCount { get; set; }
    public int UpdatedCount { get; set; }
    public int UnchangedCount { get; set; }
    public DateTime? CommittedUtc { get; set; }
    public DateTime? UndoneUtc { get; set; }

    /// <summary>The assets the commit changed, as they were before (JSON), so undo can put them back.</summary>
    public string? PriorState { get; set; }
}
