using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace MhEmployment.Web.Features.Profiles;

/// <summary>
/// SQLite's column accessors, called straight into the e_sqlite3 library that Microsoft.Data.Sqlite (through
/// SQLitePCLRaw) has loaded, on a statement it prepared. SQLitePCLRaw takes the statement as a SafeHandle and goes
/// through an interface on each call: about 35 ns a call, and a stored row takes 30 calls. These take the raw handle and
/// skip the GC transition, which SQLite's column accessors allow: they only read the current row, never block, and
/// never call back. Used only while the statement is held open (<see cref="SqliteStoredRows"/>); stepping it stays with
/// SQLitePCLRaw.
/// </summary>
internal static unsafe partial class SqliteColumns
{
    private const string Library = "e_sqlite3";

    [LibraryImport(Library, EntryPoint = "sqlite3_column_type"), SuppressGCTransition, UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial int Type(nint statement, int column);

    [LibraryImport(Library, EntryPoint = "sqlite3_column_double"), SuppressGCTransition, UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial double Double(nint statement, int column);

    [LibraryImport(Library, EntryPoint = "sqlite3_column_int"), SuppressGCTransition, UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial int Int(nint statement, int column);

    [LibraryImport(Library, EntryPoint = "sqlite3_column_blob"), SuppressGCTransition, UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    private static partial byte* Blob(nint statement, int column);

    [LibraryImport(Library, EntryPoint = "sqlite3_column_bytes"), SuppressGCTransition, UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    private static partial int Bytes(nint statement, int column);

    /// <summary>
    /// The column's bytes (a text's UTF-8), valid until the statement steps again; SQLite's order of calls: the
    /// pointer first, then its length.
    /// </summary>
    public static ReadOnlySpan<byte> Span(nint statement, int column)
    {
        var bytes = Blob(statement, column);
        return bytes is null ? [] : new ReadOnlySpan<byte>(bytes, Bytes(statement, column));
    }
}
