namespace MhEmployment.Web.Features.Imports.Parsing;

/// <summary>
/// Remembers each (series, period, area) a file has given a value for, to collapse exact repeats (NOMIS lists an
/// area once per geography type) and to catch conflicting ones. About 40 bytes a key: area codes are packed into
/// a long, series and periods are small ids the parsers hand out.
/// </summary>
internal sealed class DuplicateKeys
{
    private readonly Dictionary<(int Series, int Period, long Area), Seen> _packed = [];
    private readonly Dictionary<(int Series, int Period, string Area), Seen> _other = [];

    public enum Outcome { New, Repeat, Conflict }

    /// <summary>Remembers nothing: every key is new (when a later step checks keys instead).</summary>
    public static readonly DuplicateKeys Off = new(enabled: false);

    private readonly bool _enabled;

    public DuplicateKeys(bool enabled = true) => _enabled = enabled;

    private readonly record struct Seen(int Fingerprint, long Line);

    public Outcome Check(int series, int period, string areaCode, SourceObservation observation, out long firstLine)
    {
        if (!_enabled)
        {
            firstLine = 0;
            return Outcome.New;
        }
        var seen = new Seen(Fingerprint(observation), observation.LineNumber);
        Seen before;
        bool exists;
        if (TryPack(areaCode, out var packed))
        {
            var key = (series, period, packed);
            exists = _packed.TryGetValue(key, out before);
            if (!exists) _packed.Add(key, seen);
        }
        else
        {
            var key = (series, period, areaCode);
            exists = _other.TryGetValue(key, out before);
            if (!exists) _other.Add(key, seen);
        }
        firstLine = exists ? before.Line : 0;
        if (!exists) return Outcome.New;
        return before.Fingerprint == seen.Fingerprint ? Outcome.Repeat : Outcome.Conflict;
    }

    private static int Fingerprint(SourceObservation o) =>
        HashCode.Combine(o.Value, o.Count, o.Denominator, o.SuppressionMarker);

    /// <summary>Packs up to 12 characters of A-Z and 0-9 (every GSS and ODS code) in base 37.</summary>
    internal static bool TryPack(string code, out long packed)
    {
        packed = 0;
        if (code.Length is 0 or > 12)
            return false;
        foreach (var c in code)
        {
            int digit;
            if (c is >= '0' and <= '9') digit = c - '0' + 1;
            else if (c is >= 'A' and <= 'Z') digit = c - 'A' + 11;
            else return false;
            packed = packed * 37 + digit;
        }
        return true;
    }
}

/// <summary>Hands out small ids for distinct keys (series, periods), for <see cref="DuplicateKeys"/>.</summary>
internal sealed class Ids<TKey> where TKey : notnull
{
    private readonly Dictionary<TKey, int> _ids = [];

    public int Of(TKey key)
    {
        if (!_ids.TryGetValue(key, out var id))
            _ids.Add(key, id = _ids.Count);
        return id;
    }
}
