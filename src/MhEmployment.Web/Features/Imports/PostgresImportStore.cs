using System.Data.Common;
using MhEmployment.Web.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace MhEmployment.Web.Features.Imports;

/// <summary>PostgreSQL's bulk path: binary COPY into the staging table, set-based SQL for the rest.</summary>
public sealed class PostgresImportStore(AppDbContext db) : IImportStore
{
    private static readonly ImportSql Sql = new(name => $"\"{name}\"", "{0} IS NOT DISTINCT FROM {1}");

    // One lock for all commits and undos across every app instance: they never interleave or deadlock.
    private const long ImportLockKey = 0x4D48_454D_5049;

    public async Task<long> StageAsync(int importId, IEnumerable<StagedValue> rows, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var columns = string.Join(", ", ImportSql.StagingColumns.Select(c => $"\"{c}\""));
        await using var writer = await connection.BeginBinaryImportAsync($"COPY \"StagedValues\" ({columns}) FROM STDIN (FORMAT BINARY)", cancellationToken);
        long count = 0;
        foreach (var row in rows)
        {
            await writer.StartRowAsync(cancellationToken);
            await writer.WriteAsync(importId, NpgsqlDbType.Integer, cancellationToken);
            await writer.WriteAsync(row.LineNumber, NpgsqlDbType.Bigint, cancellationToken);
            await writer.WriteAsync(row.IndicatorId, NpgsqlDbType.Integer, cancellationToken);
            await writer.WriteAsync(row.AreaCode, NpgsqlDbType.Varchar, cancellationToken);
            await writer.WriteAsync(row.PeriodStart, NpgsqlDbType.Date, cancellationToken);
            await writer.WriteAsync(row.PeriodEnd, NpgsqlDbType.Date, cancellationToken);
            await writer.WriteAsync(row.Sex.ToString(), NpgsqlDbType.Varchar, cancellationToken);
            await writer.WriteAsync(row.AgeBand, NpgsqlDbType.Varchar, cancellationToken);
            await writer.WriteAsync(row.PeriodLabel, NpgsqlDbType.Varchar, cancellationToken);
            await WriteNullableAsync(writer, row.Value, cancellationToken);
            await WriteNullableAsync(writer, row.Count, cancellationToken);
            await WriteNullableAsync(writer, row.Denominator, cancellationToken);
            await WriteNullableAsync(writer, row.Lower95, cancellationToken);
            await WriteNullableAsync(writer, row.Upper95, cancellationToken);
            await WriteNullableAsync(writer, row.Lower998, cancellationToken);
            await WriteNullableAsync(writer, row.Upper998, cancellationToken);
            if (row.Note is null)
            {
                await writer.WriteNullAsync(cancellationToken);
            }
            else
            {
                await writer.WriteAsync(row.Note, NpgsqlDbType.Varchar, cancellationToken);
            }
            count++;
        }
        await writer.CompleteAsync(cancellationToken);
        return count;
    }

    private static async Task WriteNullableAsync(NpgsqlBinaryImporter writer, double? value, CancellationToken cancellationToken)
    {
        if (value is { } v)
        {
            await writer.WriteAsync(v, NpgsqlDbType.Double, cancellationToken);
        }
        else
        {
            await writer.WriteNullAsync(cancellationToken);
        }
    }

    public Task<IReadOnlyList<DuplicateKey>> ResolveDuplicatesAsync(int importId, int limit, CancellationToken cancellationToken) =>
        ImportStoreCommon.ResolveDuplicatesAsync(db, Sql, importId, limit, (reader, ordinal) => reader.GetFieldValue<DateOnly>(ordinal), cancellationToken);

    public Task<ChangeCounts> CountChangesAsync(int importId, CancellationToken cancellationToken) =>
        ImportStoreCommon.CountChangesAsync(db, Sql, importId, cancellationToken);

    public Task DeleteStagingAsync(int importId, CancellationToken cancellationToken) =>
        ImportStoreCommon.ExecuteAsync(db, Sql.DeleteStaging, importId, cancellationToken);

    public async Task<ChangeCounts> MergeAsync(int importId, IReadOnlyDictionary<int, int> placeholderIndicators, CancellationToken cancellationToken)
    {
        await LockAsync(cancellationToken);
        return await ImportStoreCommon.MergeAsync(db, Sql, importId, placeholderIndicators, cancellationToken);
    }

    public async Task UndoAsync(int importId, CancellationToken cancellationToken)
    {
        await LockAsync(cancellationToken);
        await ImportStoreCommon.UndoAsync(db, Sql, importId, cancellationToken);
    }

    private async Task LockAsync(CancellationToken cancellationToken) =>
        await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({ImportLockKey})", cancellationToken);
}
