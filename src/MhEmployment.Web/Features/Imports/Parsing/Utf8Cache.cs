namespace MhEmployment.Web.Features.Imports.Parsing;

/// <summary>
/// A per-file cache keyed by cell bytes, looked up without allocating: repeated values (dimension labels, periods,
/// area codes) are decoded and checked once. Stops growing at <paramref name="maxEntries"/> to keep memory flat.
/// </summary>
internal sealed class Utf8Cache<T>(int maxEntries = 100_000)
{
    private readonly Dictionary<byte[], T> _map = new(Utf8KeyComparer.Instance);

    public bool TryGet(ReadOnlySpan<byte> key, out T value) =>
        _map.GetAlternateLookup<ReadOnlySpan<byte>>().TryGetValue(key, out value!);

    public void Add(ReadOnlySpan<byte> key, T value)
    {
        if (_map.Count < maxEntries)
            _map.GetAlternateLookup<ReadOnlySpan<byte>>().TryAdd(key, value);
    }

    private sealed class Utf8KeyComparer : IEqualityComparer<byte[]>, IAlternateEqualityComparer<ReadOnlySpan<byte>, byte[]>
    {
        public static readonly Utf8KeyComparer Instance = new();

        public bool Equals(byte[]? x, byte[]? y) => x.AsSpan().SequenceEqual(y);

        public int GetHashCode(byte[] obj) => GetHashCode(obj.AsSpan());

        public bool Equals(ReadOnlySpan<byte> alternate, byte[] other) => alternate.SequenceEqual(other);

        public int GetHashCode(ReadOnlySpan<byte> alternate)
        {
            var hash = new HashCode();
            hash.AddBytes(alternate);
            return hash.ToHashCode();
        }

        public byte[] Create(ReadOnlySpan<byte> alternate) => alternate.ToArray();
    }
}

/// <summary>Caches decoded strings by their bytes, so a value repeated on every row is one string.</summary>
internal sealed class Utf8Strings(int maxEntries = 100_000)
{
    private readonly Utf8Cache<string> _cache = new(maxEntries);

    public string Get(ReadOnlySpan<byte> cell)
    {
        if (_cache.TryGet(cell, out var text))
            return text;
        text = Cells.Text(cell);
        _cache.Add(cell, text);
        return text;
    }
}
