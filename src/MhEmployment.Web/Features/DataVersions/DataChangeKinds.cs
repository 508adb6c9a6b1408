namespace MhEmployment.Web.Features.DataVersions;

/// <summary>The kinds of <see cref="Domain.DataChange"/>, as stored.</summary>
public static class DataChangeKinds
{
    public const string ImportCommitted = "import-committed";
    public const string ImportUndone = "import-undone";
    public const string IndicatorEdited = "indicator-edited";
    public const string Areas = "areas";
    public const string Assets = "assets";

    /// <summary>Evidence links or a weighting scheme of the needs-versus-assets comparison.</summary>
    public const string NeedsEvidence = "needs-evidence";
    public const string Priorities = "priorities";
}
