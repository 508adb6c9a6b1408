namespace MhEmployment.Web.Features.NeedsAssets;

/// <summary>What became of a save of the evidence links or a weighting scheme.</summary>
public enum EvidenceEditStatus { Saved, Unchanged, NotFound, Invalid, Conflict, Refused }
