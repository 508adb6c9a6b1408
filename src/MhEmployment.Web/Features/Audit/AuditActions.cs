namespace MhEmployment.Web.Features.Audit;

/// <summary>The actions the log records. Later features add theirs here.</summary>
public static class AuditActions
{
    public const string SignInSucceeded = "SignIn.Succeeded";
    public const string SignInFailed = "SignIn.Failed";
    public const string SignInLockedOut = "SignIn.LockedOut";
    public const string SignedOut = "SignOut";
    public const string PasswordChanged = "Password.Changed";
    public const string PasswordReset = "Password.Reset";
    public const string UserCreated = "User.Created";
    public const string RolesChanged = "User.RolesChanged";
    public const string UserDisabled = "User.Disabled";
    public const string UserEnabled = "User.Enabled";
    public const string TokenCreated = "Token.Created";
    public const string TokenRevoked = "Token.Revoked";
    public const string ImportUploaded = "Import.Uploaded";
    public const string ImportCommitted = "Import.Committed";
    public const string ImportUndone = "Import.Undone";
    public const string IndicatorUpdated = "Indicator.Updated";
    public const string AssetCreated = "Asset.Created";
    public const string AssetEdited = "Asset.Edited";
    public const string AssetRated = "Asset.Rated";
    public const string AssetImportCommitted = "AssetImport.Committed";
    public const string AssetImportUndone = "AssetImport.Undone";
    public const string RagAnalysisSaved = "RagAnalysis.Saved";
    public const string ChecklistChanged = "Checklist.Changed";
    public const string EvidenceLinksChanged = "EvidenceLinks.Changed";
    public const string SchemeCreated = "WeightingScheme.Created";
    public const string SchemeEdited = "WeightingScheme.Edited";
    public const string SchemeDeleted = "WeightingScheme.Deleted";
    public const string PriorityCreated = "Priority.Created";
    public const string PriorityEdited = "Priority.Edited";
    public const string SummaryExported = "Summary.Exported";
    public const string BulkExportRequested = "BulkExport.Requested";
    public const string BulkExportCancelled = "BulkExport.Cancelled";
    public const string BulkExportDownloaded = "BulkExport.Downloaded";
    public const string RefreshRequested = "Refresh.Requested";
    public const string RefreshFetched = "Refresh.Fetched";
    public const string RefreshFailed = "Refresh.Failed";

    public static readonly IReadOnlyList<string> All =
    [
        SignInSucceeded, SignInFailed, SignInLockedOut, SignedOut, PasswordChanged, PasswordReset,
        UserCreated, RolesChanged, UserDisabled, UserEnabled, TokenCreated, TokenRevoked,
        ImportUploaded, ImportCommitted, ImportUndone, IndicatorUpdated,
        AssetCreated, AssetEdited, AssetRated, AssetImportCommitted, AssetImportUndone, RagAnalysisSaved, ChecklistChanged,
        EvidenceLinksChanged, SchemeCreated, SchemeEdited, SchemeDeleted,
        PriorityCreated, PriorityEdited, SummaryExported, BulkExportRequested, BulkExportCancelled, BulkExportDownloaded,
        RefreshRequested, RefreshFetched, RefreshFailed,
    ];
}
