namespace MhEmployment.Web.Features.Imports;

/// <summary>
/// The keys an import has seen, each with its value's fingerprint and first line: one entry per row of the file, so
/// kept small. A key is three small ids (indicator and period, area, sex and age band) packed into 64 bits; ids too
/// large to pack, which no real file reaches, go to a second, plainer table.
/// </summary>
internal sealed class ValueKeys
{
    private const int SeriesPeriodBits = 24;
    private const int AreaBits = 24;
    private const int SexAgeBits = 16;

    private readonly Dictionary<ulong, (int Fingerprint, int Line)> _packed = [];
    private readonly Dictionary<Key, (int Fingerprint, int Line)> _wide = [];

    public readonly record struct Key(int SeriesPeriod, int Area, int SexAge);

    public int Count => _packed.Count + _wide.Count;

    /// <summary>Adds the key; when it is already there, false with what the first row gave.</summary>
    public bool TryAdd(Key key, int fingerprint, int line, out (int Fingerprint, int Line) first)
    {
        if (Pack(key) is { } packed)
        {
            if (_packed.TryAdd(packed, (fingerprint, line)))
            {
                first = default;
                return true;
            }
            first = _packed[packed];
            return false;
        }
        if (_wide.TryAdd(key, (fingerprint, line)))
        {
            first = default;
            return true;
        }
        first = _wide[key];
        return false;
    }

    private static ulong? Pack(Key key) =>
        Fits(key.SeriesPeriod, SeriesPeriodBits) && Fits(key.Area, AreaBits) && Fits(key.SexAge, SexAgeBits)
            ? ((ulong)(uint)key.SeriesPeriod << (AreaBits + SexAgeBits)) | ((ulong)(uint)key.Area << SexAgeBits) | (uint)key.SexAge
            : null;

    private static bool Fits(int id, int bits) => id >= 0 && id < 1 << bits;
}
