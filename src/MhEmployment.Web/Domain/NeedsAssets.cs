namespace MhEmployment.Web.Domain;

/// <summary>
/// An indicator that evidences need for a checklist domain (for example NI150 for "(re)employment for people with
/// longer-term mental illness"). The app seeds the guidance's links once; Analysts change them.
/// </summary>
public class EvidenceLink
{
    public int DomainId { get; init; }
    public int IndicatorId { get; init; }
    public AssetDomain? Domain { get; init; }
    public Indicator? Indicator { get; init; }
}

/// <summary>How a weighting scheme turns composite need scores into high / medium / low.</summary>
public enum NeedLevelRule
{
    /// <summary>The areas compared, split into thirds by score.</summary>
    Terciles,

    /// <summary>High at or above <see cref="WeightingScheme.HighFrom"/>, low at or below <see cref="WeightingScheme.LowTo"/> (z-score units).</summary>
    Thresholds,
}

/// <summary>
/// A named set of weights for the linked indicators, with the rule for need levels, that an Analyst saves and anyone
/// chooses on the comparison page. An indicator without a weight here weighs 1; a weight of 0 leaves it out.
/// </summary>
public class WeightingScheme
{
    /// <summary>The scheme the app seeds, and the one chosen when none is named.</summary>
    public const string DefaultName = "Default";

    public int Id { get; init; }
    public required string Name { get; set; }
    public string Description { get; set; } = "";
    public NeedLevelRule LevelRule { get; set; }
    public double? HighFrom { get; set; }
    public double? LowTo { get; set; }

    /// <summary>The share of a domain's scored indicators an area needs values for to be scored at all (0.5: half).</summary>
    public double MinimumShare { get; set; } = 0.5;
    public DateTime UpdatedUtc { get; set; }
    public required string UpdatedBy { get; set; }
    public List<SchemeWeight> Weights { get; } = [];
}

public class SchemeWeight
{
    public int SchemeId { get; init; }
    public int DomainId { get; init; }
    public int IndicatorId { get; init; }
    public double Weight { get; set; }
}

/// <summary>The kinds of action the guidance gives for each rating (1: protect and promote; 2: scale up or target; 3: new priority action).</summary>
public enum PriorityAction { ProtectAndPromote, ScaleUpOrTarget, NewPriorityAction }

public enum PriorityTimescale { ShortTerm, MediumTerm, LongTerm }

public enum PriorityStatus { Proposed, Agreed, InProgress, Done, Dropped }

/// <summary>A priority or next step a Health and Wellbeing Board agrees for a borough (step 4 of the guidance).</summary>
public class Priority
{
    public int Id { get; init; }
    public required string AreaCode { get; init; }
    public int DomainId { get; set; }
    public int? ItemId { get; set; }
    public PriorityAction Action { get; set; }
    public required string Description { get; set; }
    public required string Owner { get; set; }
    public PriorityTimescale Timescale { get; set; }
    public PriorityStatus Status { get; set; }
    public DateOnly? ReviewDate { get; set; }
    public DateTime CreatedUtc { get; init; }
    public required string CreatedBy { get; init; }
    public DateTime UpdatedUtc { get; set; }
    public required string UpdatedBy { get; set; }
    public List<PriorityAsset> Assets { get; } = [];
    public List<PriorityIndicator> Indicators { get; } = [];
}

public class PriorityAsset
{
    public int PriorityId { get; init; }
    public int AssetId { get; init; }
}

public class PriorityIndicator
{
    public int PriorityId { get; init; }
    public int IndicatorId { get; init; }
}

/// <summary>One saved change of a priority: who, when, and what changed, in words.</summary>
public class PriorityChange
{
    public long Id { get; init; }
    public int PriorityId { get; init; }
    public DateTime ChangedUtc { get; init; }
    public required string ChangedBy { get; init; }
    public required string Summary { get; init; }
}
