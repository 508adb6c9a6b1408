using System.Data.Common;
using System.Globalization;
using MhEmployment.Web.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace MhEmployment.Web.Features.Imports;

/// <summary>SQLite's bulk path: one prepared INSERT reused for every row, in one transaction.</summary>
public sealed class SqliteImportStore(AppDbContext db) : IImportStore
{
    private static readonly ImportSql Sql = new(name => $"\"{name}\"", "{0} IS {1}");

    private SqliteConnection Connection => (SqliteConnection)db.Database.GetDbConnection();

    public async Task<long> StageAsync(int importId, IEnumerable<StagedValue> rows, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await Connection.BeginTransactionAsync(cancellationToken);
        await using var command = Connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = Sql.InsertStaged;
        var parameters = ImportSql.StagingColumns.ToDictionary(c => c, c => command.Parameters.Add(new SqliteParameter("@" + c, null)));
        command.Prepare();
        long count = 0;
        foreach (var row in rows)
        {
            cancellationToken.ThrowIfCancellationRequested();
            parameters["ImportId"].Value = importId;
            parameters["LineNumber"].Value = row.LineNumber;
            parameters["IndicatorId"].Value = row.IndicatorId;
            parameters["AreaCode"].Value = row.AreaCode;
            parameters["PeriodStart"].Value = row.PeriodStart.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            parameters["PeriodEnd"].Value = row.PeriodEnd.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            parameters["Sex"].Value = row.Sex.ToString();
            parameters["AgeBand"].Value = row.AgeBand;
            parameters["PeriodLabel"].Value = row.PeriodLabel;
            parameters["Value"].Value = (object?)row.Value ?? DBNull.Value;
            parameters["Count"].Value = (object?)row.Count ?? DBNull.Value;
            parameters["Denominator"].Value = (object?)row.Denominator ?? DBNull.Value;
            parameters["Lower95"].Value = (object?)row.Lower95 ?? DBNull.Value;
            parameters["Upper95"].Value = (object?)row.Upper95 ?? DBNull.Value;
            parameters["Lower998"].Value = (object?)row.Lower998 ?? DBNull.Value;
            parameters["Upper998"].Value = (object?)row.Upper998 ?? DBNull.Value;
            parameters["Note"].Value = (object?)row.Note ?? DBNull.Value;
            await command.ExecuteNonQueryAsync(cancellationToken);
            count++;
        }
        await transaction.CommitAsync(cancellationToken);
        return count;
    }

    public Task<IReadOnlyList<DuplicateKey>> ResolveDuplicatesAsync(int importId, int limit, CancellationToken cancellationToken) =>
        ImportStoreCommon.ResolveDuplicatesAsync(db, Sql, importId, limit, ReadDate, cancellationToken);

    public Task<ChangeCounts> CountChangesAsync(int importId, CancellationToken cancellationToken) =>
        ImportStoreCommon.CountChangesAsync(db, Sql, importId, cancellationToken);

    public Task DeleteStagingAsync(int importId, CancellationToken cancellationToken) =>
        ImportStoreCommon.ExecuteAsync(db, Sql.DeleteStaging, importId, cancellationToken);

    // SQLite has a single writer: the caller's transaction already excludes every other commit.
    public Task<ChangeCounts> MergeAsync(int importId, IReadOnlyDictionary<int, int> placeholderIndicators, CancellationToken cancellationToken) =>
        ImportStoreCommon.MergeAsync(db, Sql, importId, placeholderIndicators, cancellationToken);

    public Task UndoAsync(int importId, CancellationToken cancellationToken) =>
        ImportStoreCommon.UndoAsync(db, Sql, importId, cancellationToken);

    private static DateOnly ReadDate(DbDataReader reader, int ordinal) =>
        DateOnly.ParseExact(reader.GetString(ordinal), "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
