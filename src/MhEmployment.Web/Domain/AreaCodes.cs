namespace MhEmployment.Web.Domain;

public static class AreaCodes
{
    public const string England = "E92000001";
    public const string London = "E12000007";

    /// <summary>ONS GSS codes: a letter for the nation, two digits for the entity, six digits.</summary>
    public static bool LooksLikeGssCode(string code) =>
        code.Length == 9 && char.IsAsciiLetterUpper(code[0]) && code.AsSpan(1).ContainsAnyExceptInRange('0', '9') is false;

    /// <summary>The kind an English GSS code stands for, from its entity prefix.</summary>
    public static AreaKind? KindOf(string code) => code.Length < 3 ? null : code[..3] switch
    {
        "E92" => AreaKind.Country,
        "E12" => AreaKind.Region,
        "E10" => AreaKind.County,
        "E08" => AreaKind.MetropolitanDistrict,
        "E06" => AreaKind.UnitaryAuthority,
        "E09" => AreaKind.LondonBorough,
        "E07" => AreaKind.NonMetropolitanDistrict,
        "E40" => AreaKind.NhsRegion,
        "E54" => AreaKind.IntegratedCareBoard,
        "E38" => AreaKind.SubIcbLocation,
        _ => null,
    };
}
