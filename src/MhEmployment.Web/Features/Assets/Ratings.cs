namespace MhEmployment.Web.Features.Assets;

/// <summary>The guidance's 1/2/3 scale (Appendix II) and the next step it suggests for each rating.</summary>
public static class Ratings
{
    public static string Meaning(int? rating) => rating switch
    {
        1 => "Good provision, resources committed",
        2 => "Good or adequate, but resources vulnerable or capacity short of demand",
        3 => "Gap or inadequate provision, no resources",
        _ => "No provision",
    };

    /// <summary>Short label for tables and tags.</summary>
    public static string Label(int? rating) => rating switch
    {
        1 => "1: good",
        2 => "2: partly covered",
        3 => "3: gap or inadequate",
        _ => "No provision",
    };

    public static string NextStep(int? rating) => rating switch
    {
        1 => "Protect and promote it; share it (training, premises, policies) with partners",
        2 => "Options to scale up or target it at those in greatest need; other sources of funding",
        _ => "A priority for action: resources and commissioning to meet the need",
    };

    /// <summary>Reads "1", "2", "3" (a rating) or "none"/"no provision" (null) for a RAG analysis.</summary>
    public static bool TryParseRag(string? text, out int? rating)
    {
        rating = null;
        switch (text?.Trim().ToLowerInvariant())
        {
            case "1": rating = 1; return true;
            case "2": rating = 2; return true;
            case "3": rating = 3; return true;
            case "none" or "no provision": return true;
            default: return false;
        }
    }

    public static string RagCode(int? rating) => rating?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none";
}
