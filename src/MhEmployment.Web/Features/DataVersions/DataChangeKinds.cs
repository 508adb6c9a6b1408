namespace MhEmployment.Web.Features.DataVersions;

/// <summary>The kinds of <see cref="Domain.DataChange"/>, as stored.</summary>
public static class DataChangeKinds
{
    public const string ImportCommitted = "import-committed";
    public const string ImportUndone = "import-undone";
    public const string IndicatorEdited = "indicator-edited";
    public const string Areas = "areas";
    public const string Assets = "assets";
    public const string Priorities = "priorities";
}
