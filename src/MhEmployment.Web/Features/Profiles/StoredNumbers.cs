using System.Runtime.CompilerServices;

namespace MhEmployment.Web.Features.Profiles;

/// <summary>
/// How a missing number is held in the snapshot's double columns: as a NaN with a payload of its own, so null costs
/// no mask, and any other double (a real NaN included) reads back exactly as it was stored. Columns are only copied
/// and compared, never computed on, so the payload survives.
/// </summary>
internal static class StoredNumbers
{
    private const long NullBits = 0x7FF8_0000_4E55_4C4CL; // a quiet NaN whose payload spells "NULL"

    public static readonly double Null = BitConverter.Int64BitsToDouble(NullBits);

    public static double Encode(double? value) => value ?? Null;

    public static bool IsNull(double stored) => BitConverter.DoubleToInt64Bits(stored) == NullBits;

    public static double? Decode(double stored) => IsNull(stored) ? null : stored;
}

/// <summary>The number columns of a stored value, in the order the builder and the slices index them.</summary>
internal enum NumberColumn { Value, Count, Denominator, Lower95, Upper95, Lower998, Upper998 }

/// <summary>A stored value's number columns, encoded (<see cref="StoredNumbers"/>) and indexed by <see cref="NumberColumn"/>.</summary>
[InlineArray(7)]
internal struct EncodedNumbers
{
    private double first;

    public static EncodedNumbers Of(
        double? value, double? count, double? denominator, double? lower95, double? upper95, double? lower998, double? upper998)
    {
        var numbers = default(EncodedNumbers);
        numbers[(int)NumberColumn.Value] = StoredNumbers.Encode(value);
        numbers[(int)NumberColumn.Count] = StoredNumbers.Encode(count);
        numbers[(int)NumberColumn.Denominator] = StoredNumbers.Encode(denominator);
        numbers[(int)NumberColumn.Lower95] = StoredNumbers.Encode(lower95);
        numbers[(int)NumberColumn.Upper95] = StoredNumbers.Encode(upper95);
        numbers[(int)NumberColumn.Lower998] = StoredNumbers.Encode(lower998);
        numbers[(int)NumberColumn.Upper998] = StoredNumbers.Encode(upper998);
        return numbers;
    }
}
