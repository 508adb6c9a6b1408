namespace MhEmployment.Web.Domain;

public enum SuccessionKind
{
    /// <summary>The whole area went into the successor, with others.</summary>
    Merger,
    /// <summary>The area was divided between several successors.</summary>
    Split,
    /// <summary>Same area, new code.</summary>
    Recode,
}

/// <summary>One link from an abolished or recoded area to an area that took over (part of) it.</summary>
public class AreaSuccession
{
    public required string PredecessorCode { get; init; }
    public required string SuccessorCode { get; init; }
    public SuccessionKind Kind { get; init; }
    public DateOnly EffectiveFrom { get; init; }

    public Area? Predecessor { get; init; }
    public Area? Successor { get; init; }
}
