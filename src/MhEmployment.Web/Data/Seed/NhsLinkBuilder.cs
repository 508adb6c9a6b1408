using MhEmployment.Web.Domain;

namespace MhEmployment.Web.Data.Seed;

/// <summary>The links built, and the authority names in the lookup that match no authority we hold.</summary>
public sealed record NhsLinkBuild(IReadOnlyList<AreaNhsLink> Links, IReadOnlyList<string> UnmatchedAuthorities);

/// <summary>
/// Which sub-ICB locations (and so ICBs) each current local authority is linked to, from CQC's care locations: for
/// each upper-tier authority as CQC names it, the sub-ICB locations its registered locations' postcodes fall in
/// (<see cref="File"/>). Names are matched to GSS codes through the ONS names we hold; sub-ICB locations by ODS code.
/// Authorities since abolished or recoded pass their links to their successors (a split one marks them as its own);
/// a non-metropolitan district gets its county's links, marked as the county's.
/// </summary>
public static class NhsLinkBuilder
{
    public const string File = "cqc_la_subicb22.csv";

    public static NhsLinkBuild Build(ReferenceGeography geography) =>
        Build(geography, AuthorityNames(), SeedFiles.ReadCsv(File).Select(r => (r["Location.Local.Authority"], r["LOC22CDH"])));

    /// <param name="names">Upper-tier authority names and their GSS codes, the 2022 names first.</param>
    /// <param name="rows">Each authority as CQC names it, with the ODS code of a sub-ICB location it has care locations in.</param>
    public static NhsLinkBuild Build(
        ReferenceGeography geography, IEnumerable<(string Name, string Code)> names, IEnumerable<(string Authority, string SubIcbOdsCode)> rows)
    {
        var areas = geography.Areas.ToDictionary(a => a.Code, StringComparer.Ordinal);
        var subIcbs = geography.Areas.Where(a => a.Kind == AreaKind.SubIcbLocation && a.OdsCode is not null)
            .ToDictionary(a => a.OdsCode!, StringComparer.OrdinalIgnoreCase);
        var codeByName = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, code) in names)
        {
            foreach (var key in NameKeys(name))
            {
                codeByName.TryAdd(key, code);
            }
        }

        var observed = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var unmatched = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var (authority, odsCode) in rows)
        {
            if (!subIcbs.TryGetValue(odsCode, out var subIcb))
            {
                throw new InvalidDataException($"{File} names the sub-ICB location '{odsCode}' (for {authority}), which is not in loc22_icb22_nhser22.csv.");
            }
            var code = NameKeys(authority).Select(k => codeByName.GetValueOrDefault(k)).FirstOrDefault(c => c is not null);
            if (code is null || !areas.ContainsKey(code))
            {
                unmatched.Add(authority);
                continue;
            }
            if (!observed.TryGetValue(code, out var set))
            {
                observed[code] = set = new HashSet<string>(StringComparer.Ordinal);
            }
            set.Add(subIcb.Code);
        }

        var successors = geography.Successions.ToLookup(s => s.PredecessorCode, StringComparer.Ordinal);
        // Current authority → sub-ICB location → whose links they are (null: its own).
        var links = new Dictionary<string, Dictionary<string, string?>>(StringComparer.Ordinal);
        foreach (var (code, locations) in observed)
        {
            foreach (var (current, through) in CurrentAuthorities(code, null, areas, successors))
            {
                foreach (var location in locations)
                {
                    Add(links, current, location, through);
                }
            }
        }
        var counties = links.Keys.Where(c => areas[c].Kind == AreaKind.County).ToList();
        foreach (var district in geography.Areas.Where(a => a.Kind == AreaKind.NonMetropolitanDistrict && a.ValidTo is null))
        {
            if (district.ParentCode is { } county && counties.Contains(county))
            {
                foreach (var location in links[county].Keys)
                {
                    Add(links, district.Code, location, county);
                }
            }
        }

        return new NhsLinkBuild(
        [
            .. links.SelectMany(a => a.Value.Select(l => new AreaNhsLink
            {
                LocalAuthorityCode = a.Key,
                SubIcbLocationCode = l.Key,
                IcbCode = areas[l.Key].ParentCode!,
                ThroughCode = l.Value,
            }))
            .OrderBy(l => l.LocalAuthorityCode, StringComparer.Ordinal).ThenBy(l => l.SubIcbLocationCode, StringComparer.Ordinal),
        ], [.. unmatched]);
    }

    /// <summary>
    /// Upper-tier names from the December 2022 lookup (the vintage of the CQC lookup), then those of unitary,
    /// metropolitan and London authorities in the December 2023 list (for names new since).
    /// </summary>
    public static IEnumerable<(string Name, string Code)> AuthorityNames() =>
        SeedFiles.ReadCsv("ltla22_utla22.csv").Where(r => r["UTLA22CD"].StartsWith('E')).Select(r => (r["UTLA22NM"], r["UTLA22CD"]))
            .Concat(SeedFiles.ReadCsv("lad23_rgn23.csv")
                .Where(r => AreaCodes.KindOf(r["LAD23CD"]) is AreaKind.UnitaryAuthority or AreaKind.MetropolitanDistrict or AreaKind.LondonBorough)
                .Select(r => (r["LAD23NM"], r["LAD23CD"])));

    /// <summary>
    /// The forms a name is known by, compared with case, punctuation and spacing aside: ONS's "Bristol, City of" and
    /// "Herefordshire, County of" are also "City of Bristol" and "Bristol", "County of Herefordshire" and "Herefordshire".
    /// "St." is "St" and "&amp;" is "and".
    /// </summary>
    public static IEnumerable<string> NameKeys(string name)
    {
        var trimmed = name.Trim();
        foreach (var qualifier in new[] { "City of", "County of" })
        {
            if (trimmed.EndsWith(", " + qualifier, StringComparison.OrdinalIgnoreCase))
            {
                var bare = trimmed[..^(qualifier.Length + 2)];
                return [Key($"{qualifier} {bare}"), Key(bare)];
            }
        }
        return [Key(trimmed)];
    }

    private static string Key(string name) =>
        string.Join(' ', name.Replace("&", " and ", StringComparison.Ordinal)
            .Split([' ', '.', ',', '-', '\''], StringSplitOptions.RemoveEmptyEntries)).ToUpperInvariant();

    private static void Add(Dictionary<string, Dictionary<string, string?>> links, string authority, string location, string? through)
    {
        if (!links.TryGetValue(authority, out var locations))
        {
            links[authority] = locations = new Dictionary<string, string?>(StringComparer.Ordinal);
        }
        // A link of the authority's own outranks the same location reached through another authority.
        if (!locations.TryGetValue(location, out var existing) || (existing is not null && through is null))
        {
            locations[location] = through;
        }
    }

    /// <summary>
    /// The area itself if it is current, else the current areas it became, following recodes, mergers and splits.
    /// Past a split the links are the divided predecessor's, not proof that each successor lies there: they carry its code.
    /// </summary>
    private static IEnumerable<(string Code, string? Through)> CurrentAuthorities(
        string code, string? through, Dictionary<string, Area> areas, ILookup<string, AreaSuccession> successors) =>
        areas[code].ValidTo is null
            ? [(code, through)]
            : successors[code].SelectMany(s =>
                CurrentAuthorities(s.SuccessorCode, through ?? (s.Kind == SuccessionKind.Split ? code : null), areas, successors));
}
