using System.Data.Common;
using MhEmployment.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace MhEmployment.Web.Features.Imports;

/// <summary>The statements both providers run the same way, through the context's connection and transaction.</summary>
internal static class ImportStoreCommon
{
    public static async Task<DbCommand> CommandAsync(AppDbContext db, string sql, int importId, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        // Large imports take longer than the default 30 seconds to merge.
        command.CommandTimeout = 0;
        Add(command, "@import", importId);
        return command;
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    public static async Task ExecuteAsync(AppDbContext db, string sql, int importId, CancellationToken cancellationToken)
    {
        await using var command = await CommandAsync(db, sql, importId, cancellationToken);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public static async Task<ChangeCounts> CountChangesAsync(AppDbContext db, ImportSql sql, int importId, CancellationToken cancellationToken)
    {
        await using var command = await CommandAsync(db, sql.CountChanges, importId, cancellationToken);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new ChangeCounts(Convert.ToInt64(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture),
            Convert.ToInt64(reader.GetValue(1), System.Globalization.CultureInfo.InvariantCulture),
            Convert.ToInt64(reader.GetValue(2), System.Globalization.CultureInfo.InvariantCulture));
    }

    public static async Task<IReadOnlyList<DuplicateKey>> ResolveDuplicatesAsync(
        AppDbContext db, ImportSql sql, int importId, int limit, Func<DbDataReader, int, DateOnly> readDate, CancellationToken cancellationToken)
    {
        var conflicts = new List<DuplicateKey>();
        await using (var command = await CommandAsync(db, sql.ConflictingKeys(limit), importId, cancellationToken))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                conflicts.Add(new DuplicateKey(reader.GetInt32(0), reader.GetString(1), readDate(reader, 2), readDate(reader, 3),
                    reader.GetString(4), reader.GetString(5), reader.GetInt64(6), reader.GetInt64(7)));
            }
        }
        await ExecuteAsync(db, sql.DeleteRepeats, importId, cancellationToken);
        return conflicts;
    }

    public static async Task<ChangeCounts> MergeAsync(
        AppDbContext db, ImportSql sql, int importId, IReadOnlyDictionary<int, int> placeholders, CancellationToken cancellationToken)
    {
        foreach (var (placeholder, indicator) in placeholders)
        {
            await using var retarget = await CommandAsync(db, sql.RetargetPlaceholder, importId, cancellationToken);
            Add(retarget, "@indicator", indicator);
            Add(retarget, "@placeholder", placeholder);
            await retarget.ExecuteNonQueryAsync(cancellationToken);
        }
        var counts = await CountChangesAsync(db, sql, importId, cancellationToken);
        await ExecuteAsync(db, sql.KeepReplaced, importId, cancellationToken);
        await ExecuteAsync(db, sql.UpdateChanged, importId, cancellationToken);
        await ExecuteAsync(db, sql.InsertNew, importId, cancellationToken);
        await ExecuteAsync(db, sql.DeleteStaging, importId, cancellationToken);
        return counts;
    }

    public static async Task UndoAsync(AppDbContext db, ImportSql sql, int importId, CancellationToken cancellationToken)
    {
        await ExecuteAsync(db, sql.DeleteImported, importId, cancellationToken);
        await ExecuteAsync(db, sql.RestoreReplaced, importId, cancellationToken);
        await ExecuteAsync(db, sql.ForgetReplaced, importId, cancellationToken);
    }
}
