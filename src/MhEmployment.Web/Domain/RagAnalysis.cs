namespace MhEmployment.Web.Domain;

/// <summary>
/// A borough's desk-top RAG analysis on a date: every checklist item rated 1, 2, 3 or "no provision" with a rationale,
/// saved together. Earlier analyses stay, so a board can see what changed.
/// </summary>
public class RagAnalysis
{
    public int Id { get; init; }
    public required string AreaCode { get; init; }
    public DateOnly AnalysisDate { get; init; }
    public DateTime CreatedUtc { get; init; }
    public required string CreatedBy { get; init; }
    public List<RagAnalysisRating> Ratings { get; } = [];
}

/// <summary>One item's rating in an analysis; a null rating means "no provision".</summary>
public class RagAnalysisRating
{
    public int AnalysisId { get; init; }
    public int ItemId { get; init; }
    public int? Rating { get; init; }
    public required string Rationale { get; init; }
    public AssetChecklistItem? Item { get; init; }
}
