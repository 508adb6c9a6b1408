using System.Globalization;
using System.Text;
using MhEmployment.Web.Domain;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace MhEmployment.Web.Features.Profiles;

/// <summary>
/// Reads stored rows from SQLite through its C interface on the connection's own handle. Microsoft.Data.Sqlite checks
/// the reader's state and each column's type on every call and allocates every text: measured on 300,000 rows of an
/// import, 3.5 µs a row against 1.5 µs through SQLitePCLRaw's calls, where repeated texts (area codes, labels, age
/// bands, notes) come from a cache and dates are parsed from their bytes; the columns are now read by direct calls
/// (<see cref="SqliteColumns"/>). That time is what a reload spends before new figures are seen.
/// </summary>
internal static class SqliteStoredRows
{
    /// <summary>
    /// Runs <paramref name="sql"/> (its first columns <see cref="StoredRow.Columns"/>, then optionally one integer)
    /// with each parameter bound by name, and hands over each row with that integer (0 without it).
    /// </summary>
    public static void Read(SqliteConnection connection, string sql, IReadOnlyList<(string Name, long Value)> parameters,
        Action<StoredRow, int> take, CancellationToken cancellationToken)
    {
        var db = connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
        Check(db, raw.sqlite3_prepare_v2(db, sql, out var statement));
        using (statement)
        {
            foreach (var (name, value) in parameters)
            {
                Check(db, raw.sqlite3_bind_int64(statement, raw.sqlite3_bind_parameter_index(statement, name), value));
            }
            var texts = new Texts();
            var withExtra = raw.sqlite3_column_count(statement) > 15;
            var handle = statement.DangerousGetHandle();
            var rows = 0;
            int rc;
            while ((rc = raw.sqlite3_step(statement)) == raw.SQLITE_ROW)
            {
                if ((++rows & 0xFFFF) == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }
                var row = new StoredRow(
                    texts.Of(handle, 0), new PeriodKey(Date(handle, 1), Date(handle, 2)), texts.Of(handle, 3),
                    new Slice(texts.SexOf(handle, 4), texts.Of(handle, 5)), Number(handle, 6), Number(handle, 7),
                    Number(handle, 8), Number(handle, 9), Number(handle, 10), Number(handle, 11), Number(handle, 12),
                    SqliteColumns.Type(handle, 13) == raw.SQLITE_NULL ? null : texts.Of(handle, 13),
                    SqliteColumns.Int(handle, 14));
                take(row, withExtra ? SqliteColumns.Int(handle, 15) : 0);
            }
            if (rc != raw.SQLITE_DONE)
            {
                Check(db, rc);
            }
        }
    }

    private static double? Number(nint statement, int column) =>
        SqliteColumns.Type(statement, column) == raw.SQLITE_NULL ? null : SqliteColumns.Double(statement, column);

    /// <summary>A date as EF Core stores a <see cref="DateOnly"/> in SQLite: yyyy-MM-dd.</summary>
    private static DateOnly Date(nint statement, int column)
    {
        var text = SqliteColumns.Span(statement, column);
        if (text.Length == 10 && text[4] == '-' && text[7] == '-'
            && Digits(text[..4]) is var year and > 0 && Digits(text[5..7]) is var month and >= 1 and <= 12 && Digits(text[8..]) is var day and >= 1
            && day <= DateTime.DaysInMonth(year, month))
        {
            return new DateOnly(year, month, day);
        }
        return DateOnly.Parse(Encoding.UTF8.GetString(text), CultureInfo.InvariantCulture); // any other form, with the usual error
    }

    /// <summary>The number the ASCII digits spell; -1 if one is not a digit.</summary>
    private static int Digits(ReadOnlySpan<byte> text)
    {
        var value = 0;
        foreach (var b in text)
        {
            if (b is < (byte)'0' or > (byte)'9')
            {
                return -1;
            }
            value = (value * 10) + (b - '0');
        }
        return value;
    }

    private static void Check(sqlite3 db, int rc)
    {
        if (rc != raw.SQLITE_OK)
        {
            SqliteException.ThrowExceptionForRC(rc, db);
        }
    }

    /// <summary>Each distinct text once: a read's rows repeat a few thousand area codes and a handful of labels.</summary>
    private sealed class Texts
    {
        private readonly Dictionary<string, string> known = new(StringComparer.Ordinal);
        private readonly Dictionary<string, Sex> sexes = new(StringComparer.Ordinal);
        private readonly char[] buffer = new char[256];

        public string Of(nint statement, int column)
        {
            var bytes = SqliteColumns.Span(statement, column);
            if (bytes.Length > buffer.Length)
            {
                return Encoding.UTF8.GetString(bytes); // a long note: rare, not worth keeping
            }
            var chars = buffer.AsSpan(0, Encoding.UTF8.GetChars(bytes, buffer));
            var lookup = known.GetAlternateLookup<ReadOnlySpan<char>>();
            if (!lookup.TryGetValue(chars, out var text))
            {
                text = new string(chars);
                known[text] = text;
            }
            return text;
        }

        public Sex SexOf(nint statement, int column)
        {
            var name = Of(statement, column);
            if (!sexes.TryGetValue(name, out var sex))
            {
                sexes[name] = sex = Enum.Parse<Sex>(name);
            }
            return sex;
        }
    }
}
