namespace MhEmployment.Web.Features.Accounts;

/// <summary>What people do: read (Viewer), keep data (Analyst), decide (Officer), administer (Admin).</summary>
public static class Roles
{
    public const string Viewer = "Viewer";
    public const string Analyst = "Analyst";
    public const string Officer = "Officer";
    public const string Admin = "Admin";

    public static readonly IReadOnlyList<string> All = [Viewer, Analyst, Officer, Admin];

    public static string Describe(string role) => role switch
    {
        Viewer => "Reads dashboards, comparisons and assets",
        Analyst => "Viewer, plus uploads, the indicator catalogue and the asset register",
        Officer => "Viewer, plus the asset register, asset ratings, RAG analyses, priorities and exports",
        Admin => "Everything, plus accounts and the audit log",
        _ => role,
    };

    /// <summary>Matches a role name whatever its case; null when there is no such role.</summary>
    public static string? Find(string name) => All.FirstOrDefault(r => string.Equals(r, name, StringComparison.OrdinalIgnoreCase));
}
