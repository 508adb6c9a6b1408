using System.Globalization;
using MhEmployment.Web.Domain;

namespace MhEmployment.Web.Data.Seed;

/// <summary>The areas and succession links built from the bundled ONS and NHS lookups.</summary>
public sealed record ReferenceGeography(IReadOnlyList<Area> Areas, IReadOnlyList<AreaSuccession> Successions);

/// <summary>
/// Builds England's reference geography from real published lookups: the ONS December 2023 district-to-region
/// lookup (current districts), the December 2022 lower-to-upper-tier lookup (counties), the ONS change lists
/// (2009 and 2018-2025 abolitions, mergers and recodes), mySociety's council list (county membership of
/// districts abolished before 2022) and the ONS July 2022 sub-ICB/ICB/NHS region lookup.
/// </summary>
public sealed class GeographyBuilder
{
    private static readonly DateOnly IcbsEstablished = new(2022, 7, 1);
    private static readonly HashSet<AreaKind> LocalAuthorityKinds =
    [
        AreaKind.County, AreaKind.MetropolitanDistrict, AreaKind.UnitaryAuthority,
        AreaKind.LondonBorough, AreaKind.NonMetropolitanDistrict,
    ];

    private readonly Dictionary<string, Area> _areas = new(StringComparer.Ordinal);
    private readonly List<AreaSuccession> _links = [];

    public static ReferenceGeography Build()
    {
        var builder = new GeographyBuilder();
        builder.AddCurrentLocalAuthorities();
        builder.AddChanges("changes_2009_2013.csv");
        builder.AddChanges("changes_2018_2025.csv");
        builder.FillParentsOfAbolishedDistricts();
        builder.AddSuccessorsOfTerminatedCounties();
        builder.FillRegionsAndParentsFromNeighbours();
        builder.AddNhsGeography();
        return new ReferenceGeography(
            [.. builder._areas.Values.OrderBy(a => a.Code, StringComparer.Ordinal)],
            [.. builder._links.DistinctBy(l => (l.PredecessorCode, l.SuccessorCode))]);
    }

    private void AddCurrentLocalAuthorities()
    {
        Add(AreaCodes.England, "England", AreaKind.Country);
        foreach (var row in SeedFiles.ReadCsv("lad23_rgn23.csv"))
        {
            var region = GetOrAdd(row["RGN23CD"], row["RGN23NM"]);
            region.ParentCode = AreaCodes.England;
            var district = GetOrAdd(row["LAD23CD"], row["LAD23NM"]);
            district.RegionCode = region.Code;
            district.ParentCode = region.Code;
        }

        foreach (var row in SeedFiles.ReadCsv("ltla22_utla22.csv"))
        {
            if (!row["UTLA22CD"].StartsWith("E10", StringComparison.Ordinal))
            {
                continue;
            }
            var county = GetOrAdd(row["UTLA22CD"], row["UTLA22NM"]);
            var district = GetOrAdd(row["LTLA22CD"], row["LTLA22NM"]);
            district.ParentCode = county.Code;
            county.RegionCode ??= district.RegionCode;
            county.ParentCode = county.RegionCode;
        }
    }

    /// <summary>
    /// An ONS change list: oldcd, oldnm, newcd, newnm, type (merger, split, new_code, termination), start year.
    /// Changes take effect on 1 April of that year. Rows for combined authorities, Scotland and Wales are
    /// memberships or other nations' codes and are not English local-authority successions.
    /// </summary>
    private void AddChanges(string file)
    {
        foreach (var row in SeedFiles.ReadCsv(file))
        {
            SuccessionKind? kind = row["type"] switch
            {
                "merger" => SuccessionKind.Merger,
                "split" => SuccessionKind.Split,
                "new_code" => SuccessionKind.Recode,
                _ => null,
            };
            var ends = kind is not null || row["type"] == "termination";
            if (!ends || !IsLocalAuthority(row["oldcd"]))
            {
                continue;
            }
            var effective = new DateOnly(int.Parse(row["start"], CultureInfo.InvariantCulture), 4, 1);
            var old = GetOrAdd(row["oldcd"], row["oldnm"]);
            old.ValidTo = effective.AddDays(-1);
            if (kind is null || !IsLocalAuthority(row["newcd"]))
            {
                continue;
            }
            // In these lists every merger or recode target is an authority created that day.
            var successor = GetOrAdd(row["newcd"], row["newnm"]);
            successor.ValidFrom ??= effective;
            Link(old, successor, kind.Value, effective);
        }
    }

    /// <summary>
    /// Districts abolished before the 2022 lookup lack a county. Take it from the successor district's county,
    /// then from mySociety's council list, then from the county abolished the same day whose successors
    /// the district also went into (the 2009 changes).
    /// </summary>
    private void FillParentsOfAbolishedDistricts()
    {
        var mySocietyCounties = MySocietyCountyOfDistrict();
        foreach (var district in AbolishedDistrictsWithoutCounty())
        {
            var successorCounty = SuccessorsOf(district)
                .Select(s => s.ParentCode)
                .FirstOrDefault(p => p is not null && AreaCodes.KindOf(p) == AreaKind.County);
            district.ParentCode = successorCounty
                ?? mySocietyCounties.GetValueOrDefault(district.Code)
                ?? CountyAbolishedWith(district);
        }
    }

    private void AddSuccessorsOfTerminatedCounties()
    {
        var terminated = _areas.Values
            .Where(a => a.Kind == AreaKind.County && a.ValidTo is not null && !_links.Any(l => l.PredecessorCode == a.Code))
            .ToList();
        foreach (var county in terminated)
        {
            var effective = county.ValidTo!.Value.AddDays(1);
            var successors = _areas.Values
                .Where(d => d.ParentCode == county.Code && d.ValidTo == county.ValidTo)
                .SelectMany(SuccessorsOf)
                .Where(s => s.IsCurrentOn(effective))
                .DistinctBy(s => s.Code)
                .ToList();
            var kind = successors.Count > 1 ? SuccessionKind.Split : SuccessionKind.Merger;
            foreach (var successor in successors)
            {
                Link(county, successor, kind, effective);
            }
        }
    }

    /// <summary>Abolished and newly coded areas take their region from the areas they became or came from.</summary>
    private void FillRegionsAndParentsFromNeighbours()
    {
        // Two passes carry a region along a chain (Taunton Deane → Somerset West and Taunton → Somerset).
        for (var pass = 0; pass < 2; pass++)
        {
            foreach (var area in _areas.Values.Where(a => LocalAuthorityKinds.Contains(a.Kind) && a.RegionCode is null))
            {
                area.RegionCode = SuccessorsOf(area).Concat(PredecessorsOf(area))
                    .Select(n => n.RegionCode).FirstOrDefault(r => r is not null);
            }
        }
        foreach (var area in _areas.Values.Where(a => LocalAuthorityKinds.Contains(a.Kind)))
        {
            area.ParentCode ??= area.RegionCode;
        }
    }

    private void AddNhsGeography()
    {
        foreach (var row in SeedFiles.ReadCsv("loc22_icb22_nhser22.csv"))
        {
            var region = GetOrAdd(row["NHSER22CD"], row["NHSER22NM"]);
            region.OdsCode = row["NHSER22CDH"];
            region.ParentCode = AreaCodes.England;

            var icb = GetOrAdd(row["ICB22CD"], row["ICB22NM"]);
            icb.OdsCode = row["ICB22CDH"];
            icb.ParentCode = region.Code;
            icb.ValidFrom = IcbsEstablished;

            var location = GetOrAdd(row["LOC22CD"], row["LOC22NM"]);
            location.OdsCode = row["LOC22CDH"];
            location.ParentCode = icb.Code;
            location.ValidFrom = IcbsEstablished;
        }
    }

    private Dictionary<string, string> MySocietyCountyOfDistrict()
    {
        var rows = SeedFiles.ReadCsv("mysociety_uk_local_authorities.csv");
        var gssByCouncil = rows.Where(r => r["gss-code"].Length > 0)
            .ToDictionary(r => r["local-authority-code"], r => r["gss-code"], StringComparer.Ordinal);
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var row in rows.Where(r => r["county-la"].Length > 0 && r["gss-code"].Length > 0))
        {
            if (gssByCouncil.TryGetValue(row["county-la"], out var county) && _areas.ContainsKey(county))
            {
                result[row["gss-code"]] = county;
            }
        }
        return result;
    }

    private string? CountyAbolishedWith(Area district)
    {
        var successorCodes = SuccessorsOf(district).Select(s => s.Code).ToHashSet(StringComparer.Ordinal);
        return _links
            .Where(l => successorCodes.Contains(l.SuccessorCode)
                && AreaCodes.KindOf(l.PredecessorCode) == AreaKind.County
                && _areas[l.PredecessorCode].ValidTo == district.ValidTo)
            .Select(l => l.PredecessorCode)
            .FirstOrDefault();
    }

    private List<Area> AbolishedDistrictsWithoutCounty() =>
        [.. _areas.Values.Where(a => a.Kind == AreaKind.NonMetropolitanDistrict && a.ValidTo is not null && a.ParentCode is null)];

    private IEnumerable<Area> SuccessorsOf(Area area) =>
        _links.Where(l => l.PredecessorCode == area.Code).Select(l => _areas[l.SuccessorCode]);

    private IEnumerable<Area> PredecessorsOf(Area area) =>
        _links.Where(l => l.SuccessorCode == area.Code).Select(l => _areas[l.PredecessorCode]);

    private void Link(Area from, Area to, SuccessionKind kind, DateOnly effective) =>
        _links.Add(new AreaSuccession
        {
            PredecessorCode = from.Code,
            SuccessorCode = to.Code,
            Kind = kind,
            EffectiveFrom = effective,
        });

    private static bool IsLocalAuthority(string code) =>
        code.StartsWith('E') && AreaCodes.KindOf(code) is { } kind && LocalAuthorityKinds.Contains(kind);

    private Area GetOrAdd(string code, string name)
    {
        if (_areas.TryGetValue(code, out var existing))
        {
            return existing;
        }
        var kind = AreaCodes.KindOf(code) ?? throw new InvalidDataException($"Area code '{code}' is not an English geography this app holds.");
        return Add(code, name, kind);
    }

    private Area Add(string code, string name, AreaKind kind)
    {
        var area = new Area { Code = code, Name = name, Kind = kind };
        _areas.Add(code, area);
        return area;
    }
}
